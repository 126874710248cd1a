"""Edits to the workbook-level parts (relationships, content types, workbook.xml, tables), with lxml.

These parts are small, so they are parsed whole; each edit changes only the elements it names and
keeps every other element, attribute and namespace declaration as it was.
"""
from __future__ import annotations

import posixpath
import re

from .package import CT_NS, MAIN_NS, R_NS, REL_NS, Package, xml_bytes

SHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
SHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_M = f"{{{MAIN_NS}}}"


def _rels_root(package: Package, part: str):
    from lxml import etree

    name = package.rels_name(part)
    if package.has(name):
        return name, package.xml(name)
    return name, etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})


def add_relationship(package: Package, part: str, rel_type: str, target_part: str) -> str:
    """A new relationship from `part` to `target_part`; returns its Id."""
    from lxml import etree

    name, root = _rels_root(package, part)
    ids = {rel.get("Id") for rel in root}
    rel_id = next(f"rIdIku{n}" for n in range(1, 100_000) if f"rIdIku{n}" not in ids)
    target = posixpath.relpath(target_part, posixpath.dirname(part))
    etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=rel_id, Type=rel_type, Target=target)
    package.write(name, xml_bytes(root))
    return rel_id


def remove_relationships(package: Package, part: str, type_suffix: str) -> list[str]:
    """Drop `part`'s relationships of one type; returns the target parts they named."""
    name, root = _rels_root(package, part)
    folder = posixpath.dirname(part)
    gone = []
    for rel in list(root):
        if rel.get("Type", "").endswith(type_suffix):
            gone.append(posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))))
            root.remove(rel)
    if gone:
        package.write(name, xml_bytes(root))
    return gone


def add_content_override(package: Package, part: str, content_type: str) -> None:
    from lxml import etree

    root = package.xml("[Content_Types].xml")
    if not any(o.get("PartName") == f"/{part}" for o in root.iter(f"{{{CT_NS}}}Override")):
        etree.SubElement(root, f"{{{CT_NS}}}Override", PartName=f"/{part}", ContentType=content_type)
        package.write("[Content_Types].xml", xml_bytes(root))


def remove_content_override(package: Package, part: str) -> None:
    root = package.xml("[Content_Types].xml")
    for override in list(root.iter(f"{{{CT_NS}}}Override")):
        if override.get("PartName") == f"/{part}":
            root.remove(override)
    package.write("[Content_Types].xml", xml_bytes(root))


def remove_part(package: Package, owner: str, type_suffix: str) -> bool:
    """Remove the part `owner` relates to by that type, with its relationship and content type."""
    targets = remove_relationships(package, owner, type_suffix)
    for target in targets:
        package.remove(target)
        remove_content_override(package, target)
    return bool(targets)


# workbook.xml

def sheet_names(package: Package) -> list[str]:
    return [s.get("name", "") for s in package.xml("xl/workbook.xml").iter(f"{_M}sheet")]


def add_sheet(package: Package, name: str) -> str:
    """A new empty worksheet part named `name` at the end of the workbook; returns the part."""
    from lxml import etree

    taken = set(package.names())
    number = next(n for n in range(1, 100_000) if f"xl/worksheets/sheet{n}.xml" not in taken)
    part = f"xl/worksheets/sheet{number}.xml"
    rel_id = add_relationship(package, "xl/workbook.xml", SHEET_TYPE, part)
    add_content_override(package, part, SHEET_CONTENT)
    root = package.xml("xl/workbook.xml")
    sheets = root.find(f"{_M}sheets")
    ids = [int(s.get("sheetId", "0")) for s in sheets]
    element = etree.SubElement(sheets, f"{_M}sheet", name=name, sheetId=str(max(ids, default=0) + 1))
    element.set(f"{{{R_NS}}}id", rel_id)
    package.write("xl/workbook.xml", xml_bytes(root))
    return part


def _defined_names(root):
    from lxml import etree

    names = root.find(f"{_M}definedNames")
    if names is None:
        names = etree.Element(f"{_M}definedNames")
        root.find(f"{_M}sheets").addnext(names)
    return names


def set_defined_name(package: Package, name: str, reference: str, sheet_index: int | None = None) -> None:
    """Point a defined name (workbook-wide, or local to one sheet) at `reference`, creating it if needed."""
    from lxml import etree

    root = package.xml("xl/workbook.xml")
    names = _defined_names(root)
    local = None if sheet_index is None else str(sheet_index)
    element = next((d for d in names if d.get("name") == name and d.get("localSheetId") == local), None)
    if element is None:
        element = etree.SubElement(names, f"{_M}definedName", name=name)
        if local is not None:
            element.set("localSheetId", local)
    element.text = reference
    package.write("xl/workbook.xml", xml_bytes(root))


def local_names(package: Package, sheet_index: int, prefix: str) -> dict[str, str]:
    """name -> reference of the defined names local to one sheet whose names start with `prefix`."""
    names = package.xml("xl/workbook.xml").find(f"{_M}definedNames")
    return {d.get("name", ""): d.text or "" for d in (names if names is not None else [])
            if d.get("localSheetId") == str(sheet_index) and d.get("name", "").startswith(prefix)}


def remove_local_names(package: Package, sheet_index: int, prefix: str) -> None:
    root = package.xml("xl/workbook.xml")
    names = root.find(f"{_M}definedNames")
    if names is None:
        return
    for d in list(names):
        if d.get("localSheetId") == str(sheet_index) and d.get("name", "").startswith(prefix):
            names.remove(d)
    package.write("xl/workbook.xml", xml_bytes(root))


# tables

_REF = re.compile(r"^([A-Z]+)(\d+):([A-Z]+)(\d+)$")


def table_ref(package: Package, table_part: str) -> tuple[str, int, str, int] | None:
    """(first column, first row, last column, last row) of a table part's range."""
    match = _REF.match(package.xml(table_part).get("ref", ""))
    if not match:
        return None
    return match.group(1), int(match.group(2)), match.group(3), int(match.group(4))


def set_table_last_row(package: Package, table_part: str, last_row: int) -> None:
    """Grow a table to `last_row`, and its autofilter with it."""
    root = package.xml(table_part)
    for element in (root, root.find(f"{_M}autoFilter")):
        if element is None:
            continue
        match = _REF.match(element.get("ref", ""))
        if match:
            element.set("ref", f"{match.group(1)}{match.group(2)}:{match.group(3)}{last_row}")
    package.write(table_part, xml_bytes(root))
