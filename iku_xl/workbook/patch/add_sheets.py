"""Adding (or replacing) whole sheets made elsewhere, and keeping the pick lists in step."""
from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from .styles_merge import StyleMerger
from .workbook_patch import WorkbookPatch
from .zip_package import Package

SHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
SHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STYLED = re.compile(r'(<(?:\w+:)?(?:c|row)\b[^>]*?\bs=")(\d+)(")')
_COL_STYLE = re.compile(r'(<(?:\w+:)?col\b[^>]*?\bstyle=")(\d+)(")')


def _sheet_names(workbook_xml: str) -> list[str]:
    from xml.sax.saxutils import unescape
    return [unescape(n, {"&quot;": '"', "&apos;": "'"}) for n in
            re.findall(r'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"', workbook_xml)]


def add_sheets(patch: WorkbookPatch, scratch: bytes, names: list[str]) -> None:
    """Copy the sheets `names` of the workbook `scratch` into `patch`; a sheet of the same name is replaced."""
    source = Package(scratch)
    source_parts = source.sheet_parts()
    styles_part = next(t for kind, t in patch.package.rels_of("xl/workbook.xml").values() if kind.endswith("/styles"))
    merger = StyleMerger(patch.package.read(styles_part), source.read("xl/styles.xml"))
    source_workbook = source.read("xl/workbook.xml").decode("utf-8")
    source_order = _sheet_names(source_workbook)
    for name in names:
        xml = source.read(source_parts[name]).decode("utf-8")
        xml = _STYLED.sub(lambda m: f"{m.group(1)}{merger.map(int(m.group(2)))}{m.group(3)}", xml)
        xml = _COL_STYLE.sub(lambda m: f"{m.group(1)}{merger.map(int(m.group(2)))}{m.group(3)}", xml)
        part = patch.parts.get(name) or _new_sheet_part(patch, name)
        patch.package.write(part, xml.encode("utf-8"))
        _copy_print_names(patch, source_workbook, source_order.index(name), name)
    patch.package.write(styles_part, merger.to_bytes())


def _new_sheet_part(patch: WorkbookPatch, name: str) -> str:
    package = patch.package
    taken = set(package.names())
    number = 1
    while f"xl/worksheets/sheet{number}.xml" in taken:
        number += 1
    part = f"xl/worksheets/sheet{number}.xml"
    rels_name = "xl/_rels/workbook.xml.rels"
    rels = package.read(rels_name).decode("utf-8")
    ids = set(re.findall(r'\bId="([^"]+)"', rels))
    rel_id = next(f"rIdIku{n}" for n in range(1, 10_000) if f"rIdIku{n}" not in ids)
    rels = rels.replace("</Relationships>", f'<Relationship Id="{rel_id}" Type="{SHEET_TYPE}" '
                                            f'Target="worksheets/sheet{number}.xml"/></Relationships>')
    package.write(rels_name, rels.encode("utf-8"))
    types = package.read("[Content_Types].xml").decode("utf-8")
    types = types.replace("</Types>", f'<Override PartName="/{part}" ContentType="{SHEET_CONTENT}"/></Types>')
    package.write("[Content_Types].xml", types.encode("utf-8"))
    workbook = package.read("xl/workbook.xml").decode("utf-8")
    sheet_ids = [int(i) for i in re.findall(r'<(?:\w+:)?sheet\b[^>]*?\bsheetId="(\d+)"', workbook)]
    prefix = re.search(r"<(\w+:)?sheets\b", workbook).group(1) or ""
    element = (f'<{prefix}sheet xmlns:r="{R_NS}" name={quoteattr(name)} sheetId="{max(sheet_ids, default=0) + 1}" '
               f'r:id="{rel_id}"/>')
    workbook = workbook.replace(f"</{prefix}sheets>", f"{element}</{prefix}sheets>", 1)
    package.write("xl/workbook.xml", workbook.encode("utf-8"))
    patch.parts[name] = part
    return part


_DEFINED = re.compile(r"<(?:\w+:)?definedName\b([^>]*)>(.*?)</(?:\w+:)?definedName>", re.S)


def _attr(attrs: str, name: str) -> str | None:
    match = re.search(rf'\b{name}="([^"]*)"', attrs)
    return match.group(1) if match else None


def _copy_print_names(patch: WorkbookPatch, source_workbook: str, source_index: int, name: str) -> None:
    """Print titles and area travel with the sheet, under its index in this workbook."""
    workbook = patch.package.read("xl/workbook.xml").decode("utf-8")
    index = str(_sheet_names(workbook).index(name))

    def is_print_name(attrs: str, sheet_index: str) -> bool:
        return (_attr(attrs, "name") or "").startswith("_xlnm.Print_") and _attr(attrs, "localSheetId") == sheet_index

    found = [(_attr(m.group(1), "name"), m.group(2)) for m in _DEFINED.finditer(source_workbook)
             if is_print_name(m.group(1), str(source_index))]
    workbook = _DEFINED.sub(lambda m: "" if is_print_name(m.group(1), index) else m.group(0), workbook)
    prefix = re.search(r"<(\w+:)?sheets\b", workbook).group(1) or ""
    added = "".join(f'<{prefix}definedName name="{kind}" localSheetId="{index}">{text}</{prefix}definedName>'
                    for kind, text in found)
    if re.search(rf"<{prefix}definedNames\b[^>]*/>", workbook):
        workbook = re.sub(rf"<{prefix}definedNames\b[^>]*/>", f"<{prefix}definedNames>{added}</{prefix}definedNames>",
                          workbook, count=1)
    elif f"<{prefix}definedNames" in workbook:
        workbook = workbook.replace(f"</{prefix}definedNames>", added + f"</{prefix}definedNames>", 1)
    elif added:
        workbook = workbook.replace(f"</{prefix}sheets>", f"</{prefix}sheets><{prefix}definedNames>{added}"
                                                          f"</{prefix}definedNames>", 1)
    patch.package.write("xl/workbook.xml", workbook.encode("utf-8"))


def set_pick_list(patch: WorkbookPatch, sheet: str, column: int, name: str, items: list[str], letter: str) -> None:
    """Rewrite one pick list column and point its defined name at the new length."""
    if sheet not in patch.parts:
        return
    daftar = patch.sheet(sheet)
    old_last = daftar.last_row()
    for row, item in enumerate(items or [""], start=2):
        daftar.set(row, column, item)
    for row in range(len(items or [""]) + 2, old_last + 1):
        daftar.set(row, column, None)
    workbook = patch.package.read("xl/workbook.xml").decode("utf-8")
    reference = f"'{sheet}'!${letter}$2:${letter}${max(len(items), 1) + 1}"
    workbook = re.sub(rf'(<(?:\w+:)?definedName\b[^>]*?\bname="{name}"[^>]*>).*?(</(?:\w+:)?definedName>)',
                      lambda m: m.group(1) + escape(reference) + m.group(2), workbook, count=1, flags=re.S)
    patch.package.write("xl/workbook.xml", workbook.encode("utf-8"))
