"""Rule on the Daftar SOP register: every SOP is monitored at least every six months (PermenPAN-RB 35/2012)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .. import layout
from ..book import Book
from ..findings import Finding, Level
from ..indonesian import tanggal


def six_months_before(day: dt.date) -> dt.date:
    month = day.month - 6
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def check(book: Book, today: dt.date) -> Iterator[Finding]:
    limit = six_months_before(today)
    sheet = layout.DAFTAR_SOP.name
    for entry in book.sop_register:
        code = entry.code or ""
        done = entry.monitoring_date
        if code not in book.sops or done is None or done.date() >= limit:
            continue
        yield Finding(sheet, book.cell(sheet, "monitoring_date", entry.row), Level.PERINGATAN, "monitoring_date",
                      f"Monitoring SOP {code} terakhir dilakukan {tanggal(done.date())}, lebih dari enam bulan lalu; "
                      "lakukan monitoring semester ini ('iku-xl monitor' atau aksi Monitoring di Panel).", sop=code)
