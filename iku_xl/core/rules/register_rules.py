"""Rules on the Penomoran and Libur sheets."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .. import layout
from ..book import Book
from ..findings import Finding, Level
from ..values import text_of


def check(book: Book) -> Iterator[Finding]:
    # a number is unique within its kind: a PerMenko and a Keputusan may both be '1 TAHUN 2026'
    numbers = Counter((e.kind or "", e.number or "") for e in book.numbers if (e.number or ""))
    for entry in book.numbers:
        number = entry.number or ""
        if number and numbers[(entry.kind or "", number)] > 1:
            yield Finding(
                layout.PENOMORAN.name,
                book.cell(layout.PENOMORAN.name, "number", entry.row),
                Level.GALAT,
                "number",
                f"Nomor '{number}' ({entry.kind or ''}) tercatat lebih dari sekali; satu nomor hanya "
                "boleh dipakai satu naskah.",
                case=(entry.case_id or "") or None,
            )
        typed = book.unread_value(layout.PENOMORAN.name, "date", entry.row)
        if typed is not None:
            yield Finding(
                layout.PENOMORAN.name,
                book.cell(layout.PENOMORAN.name, "date", entry.row),
                Level.GALAT,
                "date",
                f"Tanggal '{text_of(typed)}' bukan tanggal; ketik ulang sebagai tanggal.",
                case=(entry.case_id or "") or None,
            )
    for day in book.days_off:
        if day.date is None:
            shown = text_of(book.unread_value(layout.LIBUR.name, "date", day.row))
            yield Finding(
                layout.LIBUR.name,
                book.cell(layout.LIBUR.name, "date", day.row),
                Level.GALAT,
                "date",
                (
                    f"Tanggal libur '{shown}' diketik sebagai teks; ketik ulang sebagai tanggal, misalnya 17/08/2026."
                    if shown
                    else "Tanggal libur kosong; isi tanggalnya atau hapus barisnya."
                ),
            )
