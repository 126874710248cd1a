"""iku-xl sop import: an SOP AP from its Word file, PDF, Excel sheet or text copy into a new SOP sheet."""
from __future__ import annotations

import re
from pathlib import Path

from ..core import layout
from ..core.cells import column_letter
from ..core.sop import Sop
from ..errors import Refused, UsageError
from ..importers.sop_file import read_sop_file
from ..importers.sop_rows import ImportedSop
from ..workbook import lacak
from ..workbook.ooxml.add_sheets import add_sheets, set_pick_list
from ..workbook.ooxml.workbook_patch import WorkbookPatch
from ..workbook.reader import open_package, read_book
from ..workbook.shared_file import exclusive

_CODE = re.compile(rf"^[A-Z0-9][A-Z0-9_-]{{0,{layout.MAX_SOP_CODE - 1}}}$")


def check_code(code: str) -> str:
    code = code.strip().upper()
    if not _CODE.match(code) or code in {n.upper() for n in layout.RESERVED_SHEETS}:
        raise UsageError(f"Kode SOP '{code}' tidak bisa dipakai sebagai nama lembar; pakai huruf besar, angka, '-' "
                         f"atau '_' (paling banyak {layout.MAX_SOP_CODE} huruf), misalnya KEMENPAN.")
    return code


def import_sop(source: str | Path, code: str, workbook_path: str | Path, *, replace: bool = False) -> ImportedSop:
    """Add the SOP's sheet and its Lacak sheet to the workbook, keeping everything else as it was; the
    import report says per step what was read from the wording and what is missing."""
    code = check_code(code)
    imported = read_sop_file(Path(source), code)
    sop = imported.sop
    workbook_path = Path(workbook_path)
    with exclusive(workbook_path) as shared:
        package = open_package(workbook_path, shared.read())
        book = read_book(workbook_path, package=package)  # refuses a broken workbook before anything is written
        patch = WorkbookPatch(package)
        names = patch.parts
        if (code in book.sops or code in names) and not replace:
            raise Refused(f"SOP {code} sudah ada di {workbook_path}; pakai kode lain atau tambahkan --replace.",
                          sheet=code, path=str(workbook_path))
        if code in names and code not in book.sops:
            raise Refused(f"Lembar '{code}' sudah ada di {workbook_path} dan bukan lembar SOP; pakai "
                          "kode lain.", sheet=code)
        book.sops[code] = sop
        add_sheets(patch, sheets_for(sop, book), [code, lacak.sheet_name(code)])
        roles = list(dict.fromkeys(r for s in book.sops.values() for r in s.roles))
        lists = list(layout.PICK_LISTS)
        for name, items in (("DaftarSOP", list(book.sops)), ("DaftarPeran", roles)):
            column = lists.index(name) + 1
            set_pick_list(patch, layout.DAFTAR, column, name, items, column_letter(column))
        _register(patch, book, code)
        shared.write(patch.to_bytes())
    return imported


def _register(patch: WorkbookPatch, book, code: str) -> None:
    """The imported SOP's row in Daftar SOP (a replaced SOP's row refreshed); the sheet added if the workbook has
    none yet."""
    from ..core.sop_register import next_rows, register_changes
    from ..workbook.record_writer import write_record
    from .register import SHEET, add_register_sheet, has_register

    if not has_register(book):
        add_register_sheet(patch, [after for _, after in register_changes(book)])
        return
    changes = register_changes(book, [code])
    next_rows(book, changes)
    for _, after in changes:
        write_record(patch, book, SHEET, after, after.row or 2)


def sheets_for(sop: Sop, book) -> bytes:
    """The two new sheets drawn by openpyxl in a workbook of their own, to be copied across."""
    import io

    from ..core.tracking import tracking_rows
    from ..workbook.page import finish_sheet
    from ..workbook.writer import new_workbook, write_lacak_sheet, write_sop_sheet

    scratch = new_workbook()
    write_sop_sheet(scratch.create_sheet(sop.code), sop)
    write_lacak_sheet(scratch.create_sheet(lacak.sheet_name(sop.code)), sop,
                      tracking_rows(sop, book.cases, book.history))
    for sheet in scratch.worksheets:
        finish_sheet(sheet)
    out = io.BytesIO()
    scratch.save(out)
    return out.getvalue()
