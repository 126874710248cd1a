"""Adding (or replacing) whole sheets made elsewhere, and keeping the pick lists in step."""
from __future__ import annotations

from . import parts
from .package import MAIN_NS, Package, parse_xml, xml_bytes
from .styles import StyleMerger
from .workbook_patch import WorkbookPatch

_M = f"{{{MAIN_NS}}}"
PRINT_NAMES = "_xlnm.Print_"


def add_sheets(patch: WorkbookPatch, scratch: bytes, names: list[str]) -> None:
    """Copy the sheets `names` of the workbook `scratch` into `patch`; a sheet of the same name is replaced."""
    source = Package(scratch)
    source_parts = source.sheet_parts()
    styles_part = patch.package.related("xl/workbook.xml", "/styles")
    assert styles_part is not None, "a workbook without styles"
    merger = StyleMerger(patch.package.read(styles_part), source.read("xl/styles.xml"))
    source_order = parts.sheet_names(source)
    for name in names:
        sheet = parse_xml(source.read(source_parts[name]))
        for element in sheet.iter(f"{_M}c", f"{_M}row"):
            if element.get("s") is not None:
                element.set("s", str(merger.map(int(element.get("s")))))
        for column in sheet.iter(f"{_M}col"):
            if column.get("style") is not None:
                column.set("style", str(merger.map(int(column.get("style")))))
        part = patch.parts.get(name) or parts.add_sheet(patch.package, name)
        patch.parts[name] = part
        patch.package.write(part, xml_bytes(sheet))
        _copy_print_names(patch.package, source, source_order.index(name), name)
    patch.package.write(styles_part, merger.to_bytes())


def _copy_print_names(package: Package, source: Package, source_index: int, name: str) -> None:
    """Print titles and area travel with the sheet, under its index in this workbook."""
    index = parts.sheet_names(package).index(name)
    parts.remove_local_names(package, index, PRINT_NAMES)
    for kind, reference in parts.local_names(source, source_index, PRINT_NAMES).items():
        parts.set_defined_name(package, kind, reference, index)


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
    parts.set_defined_name(patch.package, name, f"'{sheet}'!${letter}$2:${letter}${max(len(items), 1) + 1}")
