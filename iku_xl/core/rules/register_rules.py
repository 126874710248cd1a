"""Rules on the Penomoran and Libur sheets."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .. import layout
from ..book import Book
from ..findings import Finding, Level
from ..values import is_blank, is_date, text_of


def check(book: Book) -> Iterator[Finding]:
    # a number is unique within its kind: a PerMenko and a Keputusan may both be '1 TAHUN 2026'
    numbers = Counter((text_of(e.kind), text_of(e.number)) for e in book.numbers if text_of(e.number))
    for entry in book.numbers:
        number = text_of(entry.number)
        if number and numbers[(text_of(entry.kind), number)] > 1:
            yield Finding(
                layout.PENOMORAN.name,
                book.cell(layout.PENOMORAN.name, "number", entry.row),
                Level.GALAT,
                "number",
                f"Nomor '{number}' ({text_of(entry.kind)}) tercatat lebih dari sekali; satu nomor hanya "
                "boleh dipakai satu naskah.",
                case=text_of(entry.case_id) or None,
            )
        if not is_blank(entry.date) and not is_date(entry.date):
            yield Finding(
                layout.PENOMORAN.name,
                book.cell(layout.PENOMORAN.name, "date", entry.row),
                Level.GALAT,
                "date",
                f"Tanggal '{text_of(entry.date)}' bukan tanggal; ketik ulang sebagai tanggal.",
                case=text_of(entry.case_id) or None,
            )
    for day in book.days_off:
        if not is_date(day.date):
            shown = text_of(day.date)
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
