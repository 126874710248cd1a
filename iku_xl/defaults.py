"""What a new workbook starts with: settings, office hours, days off from the holidays package."""
from __future__ import annotations

import datetime as dt

from .core.calendar import NORMAL_HOURS, RAMADAN_HOURS, WEEKDAYS
from .core.monitoring import RULE_SETTINGS
from .core.register import DayOff
from .core.settings import DEFAULT_OUTPUT, LABELS, RAMADAN_LABELS


def holiday_rows(years: list[int]) -> list[DayOff]:
    """National holidays and cuti bersama, names in Bahasa Indonesia whatever the machine's locale."""
    import holidays

    found = holidays.country_holidays("ID", years=years, categories=("public", "government"), language="id")
    rows = []
    for day, name in sorted(found.items()):
        kind = "Cuti Bersama" if name.lower().startswith("cuti bersama") else "Libur Nasional"
        rows.append(DayOff(date=dt.datetime.combine(day, dt.time()), name=name, kind=kind))
    return rows


def ramadan_estimates(years: list[int]) -> dict[int, tuple[dt.date, dt.date]]:
    """Ramadan as the 30 days before Idul Fitri in the holidays package (an estimate to correct)."""
    import holidays

    found = holidays.country_holidays("ID", years=years, language="id")
    periods = {}
    for day, name in sorted(found.items()):
        if name.startswith("Hari Raya Idul Fitri") and day.year not in periods:
            periods[day.year] = (day - dt.timedelta(days=30), day - dt.timedelta(days=1))
    return periods


def settings_rows(years: list[int]) -> list[tuple[str, object, str]]:
    """Pengaturan: what is the same for every instansi of the workbook (their own settings are in Instansi)."""
    rows: list[tuple[str, object, str]] = [(LABELS[key], value, note) for key, value, note in (
        ("output_folder", DEFAULT_OUTPUT, "Folder naskah, ekspor dan cetakan SOP, dihitung dari folder buku "
                                          "kerja ini."),
        ("template_folder", "", "Folder templat Word (kosong: templat bawaan program)."),
        ("operator", "", "Nama yang dicatat di kolom Oleh lembar Riwayat bila tidak disebut (kosong: pejabat "
                         "peran pelaksana langkah itu di lembar Pejabat, lalu nama login komputer)."),
    )]
    rows += [(label, value, note) for label, value, note in RULE_SETTINGS.values()]
    start_label, end_label = RAMADAN_LABELS
    for year, (first, last) in ramadan_estimates(years).items():
        rows.append((start_label.format(year=year), dt.datetime.combine(first, dt.time()),
                     "Perkiraan; sesuaikan dengan keputusan pemerintah."))
        rows.append((end_label.format(year=year), dt.datetime.combine(last, dt.time()),
                     "Jam kerja Ramadan berlaku sampai tanggal ini."))
    return rows


def hours_rows() -> list[tuple[str, str, dt.time | None, dt.time | None, dt.time | None, dt.time | None]]:
    rows: list[tuple[str, str, dt.time | None, dt.time | None, dt.time | None, dt.time | None]] = []
    for period, table in (("Normal", NORMAL_HOURS), ("Ramadan", RAMADAN_HOURS)):
        for index, day in enumerate(WEEKDAYS):
            hours = table.get(index)
            if hours is None:
                rows.append((day, period, None, None, None, None))
                continue
            (break_start, break_end), = hours.breaks
            rows.append((day, period, hours.start, hours.end, break_start, break_end))
    return rows
