"""The monthly report's parts: the month asked for, the cases as they stood, each step's compliance.

analysis/monthly.py computes them from the history frame."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..errors import UsageError
from .case import Case
from .history import HistoryEntry


def parse_month(text: str, today: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """'2026-11' -> [1 Nov 2026, 1 Dec 2026); a malformed or future month is a usage error."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{2})\s*", str(text))
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise UsageError(f"Bulan '{text}' tidak dikenal; tulis tahun dan bulan dua angka, seperti 2026-01 atau "
                         "2026-11.")
    start = dt.datetime(int(match.group(1)), int(match.group(2)), 1)
    if start.date() > today:
        raise UsageError(f"Bulan {text} belum terjadi; pilih bulan ini atau sebelumnya.")
    end = dt.datetime(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start, end


@dataclass
class CaseState:
    case: Case
    opened: dt.datetime | None
    status: str
    step: int | None
    marks: dict[int, dt.datetime] = field(default_factory=dict)


@dataclass
class StepCompliance:
    sop: str
    step: int
    role: str       # who does the step: the chart's label reads "POLHUKAM 3 · Kabag Perencanaan"
    standard: str
    count: int
    median: float | None
    maximum: float | None
    on_time: int
    late: int

    @property
    def percent_on_time(self) -> float | None:
        timed = self.on_time + self.late
        return round(100 * self.on_time / timed, 1) if timed else None


@dataclass
class MonthReport:
    start: dt.datetime
    end: dt.datetime
    open_at_start: int
    open_at_end: int
    opened: int
    finished: int
    returned: int
    cancelled: int
    on_time: int
    late: int
    history: list[HistoryEntry]
    states: list[CaseState]
    compliance: list[StepCompliance]
    late_per_role: dict[str, int]
    cases_per_step: dict[str, int]
    longest_waits: list[HistoryEntry]
    cases_per_status: dict[str, int] = field(default_factory=dict)

    @property
    def has_activity(self) -> bool:
        return bool(self.history) or self.opened > 0

    def percent(self, part: int) -> float | None:
        total = self.on_time + self.late
        return round(100 * part / total, 1) if total else None
