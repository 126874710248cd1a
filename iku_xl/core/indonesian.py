"""Dates, numbers and month numerals as Indonesian official letters write them."""
from __future__ import annotations

import datetime as dt

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_UNITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas")


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
    """Whole numbers in words, as in 'Lampiran: 1 (satu) berkas'."""
    if number < 0:
        return "minus " + terbilang(-number)
    if number < 12:
        return _UNITS[number] or "nol"
    if number < 20:
        return f"{terbilang(number - 10)} belas"
    if number < 100:
        tens, rest = divmod(number, 10)
        return f"{terbilang(tens)} puluh" + (f" {terbilang(rest)}" if rest else "")
    if number < 200:
        return "seratus" + (f" {terbilang(number - 100)}" if number > 100 else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{terbilang(hundreds)} ratus" + (f" {terbilang(rest)}" if rest else "")
    if number < 2000:
        return "seribu" + (f" {terbilang(number - 1000)}" if number > 1000 else "")
    thousands, rest = divmod(number, 1000)
    return f"{terbilang(thousands)} ribu" + (f" {terbilang(rest)}" if rest else "")
