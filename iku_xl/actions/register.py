"""Keeping the Daftar SOP register current, through the store (which adds the sheet to a workbook made before the
register existed)."""
from __future__ import annotations

from ..core import layout
from ..core.book import Book

SHEET = layout.DAFTAR_SOP


def has_register(book: Book) -> bool:
    return SHEET.name not in book.missing_sheets


def refresh_register(store) -> bool:
    """After any action: the register follows the SOP sheets (a revised identity, a new sheet); True when it wrote.
    Only a register that was read is refreshed, so one left unread is never taken for empty."""
    from ..core.sop_register import register_changes

    book = store.book
    if not has_register(book) or not book.sop_register:
        return False
    changes = register_changes(book)
    store.save_register(changes)
    return bool(changes)
