"""The office calendar: working hours per weekday, breaks, Ramadan hours, days off.

Due times and lateness are counted in working minutes on this calendar (DOMAIN.md section 5).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .waktu import Duration, TimeUnit

WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


@dataclass(frozen=True)
class DayHours:
    start: dt.time
    end: dt.time
    breaks: tuple[tuple[dt.time, dt.time], ...] = ()

    def intervals(self, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """The working stretches of `day`: opening to closing, with the breaks cut out."""
        cuts = [dt.datetime.combine(day, self.start)]
        for begin, end in sorted(self.breaks):
            cuts += [dt.datetime.combine(day, begin), dt.datetime.combine(day, end)]
        cuts.append(dt.datetime.combine(day, self.end))
        pairs = zip(cuts[0::2], cuts[1::2])
        return [(a, b) for a, b in pairs if b > a]


def _t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


NORMAL_HOURS = {
    **{day: DayHours(_t("07:30"), _t("16:00"), ((_t("12:00"), _t("13:00")),)) for day in range(4)},
    4: DayHours(_t("07:30"), _t("16:30"), ((_t("11:30"), _t("13:00")),)),
}
RAMADAN_HOURS = {
    **{day: DayHours(_t("08:00"), _t("15:00"), ((_t("12:00"), _t("12:30")),)) for day in range(4)},
    4: DayHours(_t("08:00"), _t("15:30"), ((_t("11:30"), _t("12:30")),)),
}


@dataclass
class OfficeCalendar:
    hours: dict[int, DayHours] = field(default_factory=lambda: dict(NORMAL_HOURS))
    ramadan_hours: dict[int, DayHours] = field(default_factory=lambda: dict(RAMADAN_HOURS))
    ramadan_periods: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    days_off: frozenset[dt.date] = frozenset()

    # Longest run of days without office hours we walk through before giving up.
    MAX_IDLE_DAYS = 366

    def day_hours(self, day: dt.date) -> DayHours | None:
        if day in self.days_off:
            return None
        in_ramadan = any(first <= day <= last for first, last in self.ramadan_periods)
        return (self.ramadan_hours if in_ramadan else self.hours).get(day.weekday())

    def intervals(self, day: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        hours = self.day_hours(day)
        return hours.intervals(day) if hours else []

    def is_working_day(self, day: dt.date) -> bool:
        return bool(self.intervals(day))

    def is_working_moment(self, moment: dt.datetime) -> bool:
        return any(a <= moment < b for a, b in self.intervals(moment.date()))

    def next_working_moment(self, moment: dt.datetime) -> dt.datetime:
        """`moment` itself if the office is working then, else the next opening."""
        day = moment.date()
        for _ in range(self.MAX_IDLE_DAYS):
            for a, b in self.intervals(day):
                if moment < b:
                    return max(a, moment)
            day += dt.timedelta(days=1)
        raise ValueError("kalender kantor tidak punya jam kerja dalam setahun")

    def add_minutes(self, start: dt.datetime, minutes: float) -> dt.datetime:
        remaining = dt.timedelta(minutes=minutes)
        moment = start
        while True:
            moment = self.next_working_moment(moment)
            end = next(b for a, b in self.intervals(moment.date()) if a <= moment < b)
            if moment + remaining <= end:
                return moment + remaining
            remaining -= end - moment
            moment = end

    def add_working_days(self, start: dt.datetime, days: int) -> dt.datetime:
        """Same office-clock time `days` working days later, from the next opening."""
        start = self.next_working_moment(start)
        day = start.date()
        counted = 0
        while counted < days:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return self.next_working_moment(dt.datetime.combine(day, start.time()))

    def due(self, start: dt.datetime, duration: Duration) -> dt.datetime:
        if duration.unit is TimeUnit.HARI:
            whole = int(duration.amount)
            due = self.add_working_days(start, whole)
            rest = duration.amount - whole
            if rest:
                due = self.add_minutes(due, rest * self.minutes_of_day(due.date()))
            return due
        return self.add_minutes(start, duration.working_minutes or 0)

    def minutes_of_day(self, day: dt.date) -> float:
        return sum((b - a).total_seconds() / 60 for a, b in self.intervals(day))

    def working_minutes(self, start: dt.datetime, end: dt.datetime) -> float:
        """Working minutes from `start` to `end`; negative when `end` comes first."""
        if end < start:
            return -self.working_minutes(end, start)
        total = 0.0
        day = start.date()
        while day <= end.date():
            for a, b in self.intervals(day):
                lo, hi = max(a, start), min(b, end)
                if hi > lo:
                    total += (hi - lo).total_seconds() / 60
            day += dt.timedelta(days=1)
        return total
