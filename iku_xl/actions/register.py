"""Keeping the Daftar SOP register current: rows written through the store, or the whole sheet added to a workbook
made before the register existed."""
from __future__ import annotations

from pathlib import Path

from ..core import layout
from ..core.book import Book
from ..core.sop_register import SopRegisterEntry, next_rows

SHEET = layout.DAFTAR_SOP


def has_register(book: Book) -> bool:
    return SHEET.name not in book.missing_sheets


def write_register(store, changes: list[tuple[SopRegisterEntry | None, SopRegisterEntry]]) -> None:
    """Each changed row through the store (only the cells that changed); new SOPs take rows after the last."""
    next_rows(store.book, changes)
    fields = [c.field for c in SHEET.columns]
    for before, after in changes:
        assert after.row is not None
        changed = fields if before is None else [f for f in fields if getattr(before, f) != getattr(after, f)]
        store.write_record(SHEET, after, after.row, changed)


def refresh_register(store) -> bool:
    """After any action: the register follows the SOP sheets (a revised identity, a new sheet); True when it wrote.
    Only a register that was read is refreshed, so one left unread is never taken for empty."""
    from ..core.sop_register import register_changes

    book = store.book
    if not has_register(book) or not book.sop_register:
        return False
    changes = register_changes(book)
    write_register(store, changes)
    return bool(changes)


def register_sheet_bytes(entries: list[SopRegisterEntry]) -> bytes:
    """The register as a sheet of its own workbook, to be copied into one that has none."""
    import io

    from ..workbook.page import finish_sheet
    from ..workbook.writer import new_workbook, record_row, write_list_sheet

    scratch = new_workbook()
    write_list_sheet(scratch, SHEET, [record_row(SHEET, e) for e in entries])
    sheet = scratch[SHEET.name]
    del sheet.tables[SHEET.table]  # sheets are copied without their table parts: a plain range reads the same
    finish_sheet(sheet)
    out = io.BytesIO()
    scratch.save(out)
    return out.getvalue()


def add_register_sheet(patch, entries: list[SopRegisterEntry]) -> None:
    """Into a WorkbookPatch of a workbook without the register: the sheet, holding `entries`."""
    from ..workbook.ooxml.add_sheets import add_sheets

    add_sheets(patch, register_sheet_bytes(entries), [SHEET.name])


def add_register_to_file(path: str | Path, entries: list[SopRegisterEntry]) -> None:
    """The register sheet added to the workbook file, under the program's lock, everything else kept."""
    from ..workbook.ooxml.workbook_patch import WorkbookPatch
    from ..workbook.reader import open_package
    from ..workbook.shared_file import exclusive

    with exclusive(Path(path)) as shared:
        patch = WorkbookPatch(open_package(path, shared.read()))
        if SHEET.name not in patch.parts:
            add_register_sheet(patch, entries)
            shared.write(patch.to_bytes())
