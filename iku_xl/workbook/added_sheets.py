"""Sheets added to a workbook that already exists (an imported SOP and its Lacak sheet, the Daftar SOP register of a
workbook made before it): drawn by openpyxl in a workbook of their own, to be copied across by a store."""
from __future__ import annotations

import io

from ..core import layout
from ..core.book import Book
from ..core.sop import Sop
from ..core.sop_register import SopRegisterEntry
from . import lacak


def pick_lists(book: Book) -> dict[str, list[str]]:
    """The Daftar Pilihan lists that follow the SOP sheets: the SOP codes and every role."""
    return {"DaftarSOP": list(book.sops),
            "DaftarPeran": list(dict.fromkeys(r for sop in book.sops.values() for r in sop.roles))}


def sop_sheets(sop: Sop, book: Book) -> bytes:
    """The SOP's sheet and its Lacak sheet."""
    from ..core.tracking import tracking_rows
    from .page import finish_sheet
    from .writer import new_workbook, write_lacak_sheet, write_sop_sheet

    scratch = new_workbook()
    write_sop_sheet(scratch.create_sheet(sop.code), sop)
    write_lacak_sheet(scratch.create_sheet(lacak.sheet_name(sop.code)), sop,
                      tracking_rows(sop, book.cases, book.history))
    for sheet in scratch.worksheets:
        finish_sheet(sheet)
    return _saved(scratch)


def register_sheet(entries: list[SopRegisterEntry]) -> bytes:
    """The Daftar SOP register holding `entries`."""
    from .page import finish_sheet
    from .writer import new_workbook, record_row, write_list_sheet

    sheet_layout = layout.DAFTAR_SOP
    scratch = new_workbook()
    write_list_sheet(scratch, sheet_layout, [record_row(sheet_layout, e) for e in entries])
    sheet = scratch[sheet_layout.name]
    del sheet.tables[sheet_layout.table]  # sheets are copied without their table parts: a plain range reads the same
    finish_sheet(sheet)
    return _saved(scratch)


def _saved(workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
