"""Cells the reader could not read as their column's type (a number typed as text, a date typed as words): the
program reads them as empty, so staff are told which cell to retype."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .. import layout
from ..book import Book
from ..findings import Finding, Level
from ..values import text_of

# reported by the sheet's own rules, in their words (case_rules, register_rules)
OWN_WORDS = {(layout.KASUS.name, "step"), (layout.KASUS.name, "started"), (layout.KASUS.name, "due"),
             (layout.PENOMORAN.name, "date"), (layout.LIBUR.name, "date")}

WANTED = {"int": "angka bulat", "date": "tanggal", "datetime": "tanggal dan jam", "time": "jam (misalnya 07.30)"}
EXAMPLE = {"int": "misalnya 3", "date": "misalnya 17/08/2026", "datetime": "misalnya 23/11/2026 09:30",
           "time": "misalnya 07.30"}


def check(book: Book) -> Iterator[Finding]:
    for (sheet_name, cell), value in book.unread.items():
        letters = {letter: name for name, letter in book.columns.get(sheet_name, {}).items()}
        field = letters.get(cell.rstrip("0123456789"))
        # a sheet may hold two tables (Pengaturan and its Jam Kerja)
        column = next((c for s in layout.LIST_SHEETS if s.name == sheet_name for c in s.columns if c.field == field),
                      None)
        if column is None or field is None or (sheet_name, field) in OWN_WORDS:
            continue
        kind = column.kind if column.kind in WANTED else "int"
        shown = f"'{text_of(value)}'" if isinstance(value, str) else f"berisi {_shown(value)},"
        yield Finding(sheet_name, cell, Level.PERINGATAN, field,
                      f"{column.header} {shown} bukan {WANTED[kind]}, jadi program membacanya kosong; ketik ulang "
                      f"sebagai {WANTED[kind]}, {EXAMPLE[kind]}.")


def _shown(value: object) -> str:
    if isinstance(value, dt.time):
        return "jam"
    if isinstance(value, dt.date):
        return "tanggal"
    return text_of(value)
