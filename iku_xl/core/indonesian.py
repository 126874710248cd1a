"""Dates, numbers and month numerals as Indonesian official letters write them."""
from __future__ import annotations

import datetime as dt

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def tanggal(day: dt.date) -> str:
    """23 November 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def hari_tanggal(day: dt.date) -> str:
    """Senin, 23 November 2026."""
    return f"{DAYS[day.weekday()]}, {tanggal(day)}"


def jam(moment: dt.datetime | dt.time) -> str:
    """09.30 (Indonesian writes the time with a dot)."""
    return f"{moment.hour:02d}.{moment.minute:02d}"


def bulan_romawi(month: int) -> str:
    return ROMAN[month - 1]


def terbilang(number: int) -> str:
    """Whole numbers in words, as in 'Lampiran: 1 (satu) berkas' (num2words knows Indonesian to the triliun)."""
    from num2words import num2words

    return str(num2words(number, lang="id"))
