"""The office calendar from the workbook's settings: Jam Kerja rows, Ramadan dates, days off."""
from __future__ import annotations

import datetime as dt

from .calendar import NORMAL_HOURS, RAMADAN_HOURS, WEEKDAYS, DayHours, OfficeCalendar
from .register import DayOff
from .settings import HoursRow, Settings


def _hours(rows: list[HoursRow], period: str, fallback: dict[int, DayHours]) -> dict[int, DayHours]:
    table: dict[int, DayHours] = {}
    seen = False
    for values in rows:
        if (values.period or "").lower() != period.lower():
            continue
        day = (values.day or "").capitalize()
        if day not in WEEKDAYS:
            continue
        seen = True
        start, end = values.start, values.end
        if start is None or end is None or end <= start:
            continue  # no office hours that day
        breaks: tuple[tuple[dt.time, dt.time], ...] = ()
        pause = values.break_start, values.break_end
        if pause[0] and pause[1] and start <= pause[0] < pause[1] <= end:
            breaks = ((pause[0], pause[1]),)
        table[WEEKDAYS.index(day)] = DayHours(start, end, breaks)
    return table if seen else dict(fallback)


def office_calendar(settings: Settings, days_off: list[DayOff]) -> OfficeCalendar:
    off = frozenset(m.date() for m in (d.date for d in days_off) if m)
    return OfficeCalendar(hours=_hours(settings.hours, "Normal", NORMAL_HOURS),
                          ramadan_hours=_hours(settings.hours, "Ramadan", RAMADAN_HOURS),
                          ramadan_periods=settings.ramadan_periods(), days_off=off)
