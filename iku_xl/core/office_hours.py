"""The office calendar from the workbook's settings: Jam Kerja rows, Ramadan dates, days off."""
from __future__ import annotations

import datetime as dt
import re

from .calendar import NORMAL_HOURS, RAMADAN_HOURS, WEEKDAYS, DayHours, OfficeCalendar
from .history import as_moment
from .register import DayOff


def as_time(value: object) -> dt.time | None:
    """A time cell, or time typed as text ('07.30', '7:30')."""
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.time):
        return value
    if isinstance(value, dt.timedelta):
        return (dt.datetime.min + value).time()
    if isinstance(value, float) and 0 <= value < 1:  # an Excel time serial
        return (dt.datetime.min + dt.timedelta(days=value)).time().replace(microsecond=0)
    match = re.fullmatch(r"\s*(\d{1,2})[.:](\d{2})\s*", str(value or ""))
    if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return dt.time(int(match.group(1)), int(match.group(2)))
    return None


def _hours(rows: list[dict], period: str, fallback: dict[int, DayHours]) -> dict[int, DayHours]:
    table: dict[int, DayHours] = {}
    seen = False
    for values in rows:
        if str(values.get("period") or "").strip().lower() != period.lower():
            continue
        day = str(values.get("day") or "").strip().capitalize()
        if day not in WEEKDAYS:
            continue
        seen = True
        start, end = as_time(values.get("start")), as_time(values.get("end"))
        if start is None or end is None or end <= start:
            continue  # no office hours that day
        breaks = ()
        pause = as_time(values.get("break_start")), as_time(values.get("break_end"))
        if pause[0] and pause[1] and start <= pause[0] < pause[1] <= end:
            breaks = (pause,)
        table[WEEKDAYS.index(day)] = DayHours(start, end, breaks)
    return table if seen else dict(fallback)


def office_calendar(settings: dict[str, object], days_off: list[DayOff]) -> OfficeCalendar:
    rows = settings.get("_jam_kerja") or []
    periods = []
    for key, value in settings.items():
        match = re.fullmatch(r"Awal Ramadan (\d{4})", key)
        if match:
            first = as_moment(value)
            last = as_moment(settings.get(f"Akhir Ramadan {match.group(1)}"))
            if first and last and first <= last:
                periods.append((first.date(), last.date()))
    off = frozenset(m.date() for m in (as_moment(d.date) for d in days_off) if m)
    return OfficeCalendar(hours=_hours(rows, "Normal", NORMAL_HOURS), ramadan_hours=_hours(rows, "Ramadan", RAMADAN_HOURS),
                          ramadan_periods=periods, days_off=off)
