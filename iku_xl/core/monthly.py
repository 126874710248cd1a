"""The monthly report: what moved, what ran late against the Mutu Baku, and where cases stand."""
from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from ..errors import UsageError
from .book import Book
from .calendar import OfficeCalendar
from .case import Case, Status
from .history import Action, HistoryEntry, Punctuality, moves_by_case
from .values import as_int, as_moment, text_of
from .workflow import working_minutes_on_step

CLOSED = (Status.SELESAI.value, Status.DIBATALKAN.value)


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


def _minutes(entry: HistoryEntry) -> float:
    return float(entry.minutes) if isinstance(entry.minutes, (int, float)) else 0.0


def _recounted(entry: HistoryEntry, calendar: OfficeCalendar, own: list[HistoryEntry]) -> HistoryEntry:
    """`entry` with its duration counted again from the case's own rows `own`, time on hold left out."""
    started, at = as_moment(entry.step_started), as_moment(entry.time)
    if started is None or at is None:
        return entry
    return replace(entry, minutes=working_minutes_on_step(calendar, started, at, own, text_of(entry.case_id)))


def _opened_at(case: Case, moves: list[HistoryEntry]) -> dt.datetime | None:
    if moves:
        return as_moment(moves[0].step_started) or as_moment(moves[0].time)
    return as_moment(case.started)


def state_at(case: Case, moves: list[HistoryEntry], moment: dt.datetime) -> CaseState:
    """The case as it stood at `moment`, read back from its history."""
    opened = _opened_at(case, moves)
    before = [m for m in moves if (as_moment(m.time) or moment) < moment]
    if before:
        last = before[-1]
        status, step = text_of(last.status), as_int(last.to_step)
        if step is None:
            step = as_int(last.from_step)
    elif opened and opened < moment:
        status, step = Status.BERJALAN.value, 1 if moves else as_int(case.step)
    else:
        status, step = "", None
    marks: dict[int, dt.datetime] = {}
    for move in before:
        done_step, done_at = as_int(move.from_step), as_moment(move.time)
        if move.action == Action.MAJU.value and done_step is not None and done_at is not None:
            marks[done_step] = done_at
    return CaseState(case, opened, status, step, marks)


def month_report(book: Book, start: dt.datetime, end: dt.datetime,
                 calendar: OfficeCalendar | None = None) -> MonthReport:
    """The month [start, end). Moves later undone are listed in the history but not counted; with a
    calendar, each step's duration is recounted from Riwayat, leaving out the time on hold."""
    by_case = moves_by_case(book.history)
    in_force = {id(m) for moves in by_case.values() for m in moves}
    moves_of = {c.id_text: by_case.get(c.id_text, []) for c in book.cases if c.id_text}
    in_month = [h for h in book.history if (t := as_moment(h.time)) and start <= t < end]
    counted = [h for h in in_month if id(h) in in_force]
    advances = [h for h in counted if h.action == Action.MAJU.value]
    if calendar is not None:
        rows_of: dict[str, list[HistoryEntry]] = defaultdict(list)
        for h in book.history:
            rows_of[text_of(h.case_id)].append(h)
        advances = [_recounted(h, calendar, rows_of[text_of(h.case_id)]) for h in advances]
    def is_open(state: CaseState) -> bool:
        return bool(state.opened is not None and state.status and state.status not in CLOSED)

    states_start = {c.id_text: state_at(c, moves_of[c.id_text], start) for c in book.cases if c.id_text}
    moved_in_month = {text_of(h.case_id) for h in in_month}
    # the month's cases: open when it began, opened in it, or moved in it; not those closed before it
    states_end = [state for c in book.cases if c.id_text
                  if (state := state_at(c, moves_of[c.id_text], end)).opened is not None and state.opened < end
                  and (is_open(states_start[c.id_text]) or state.opened >= start or c.id_text in moved_in_month)]

    compliance = []
    grouped: dict[tuple[str, int], list[HistoryEntry]] = defaultdict(list)
    sop_of = {c.id_text: text_of(c.sop) for c in book.cases}
    for entry in advances:
        step_no = as_int(entry.from_step)
        if step_no is not None:
            grouped[(sop_of.get(text_of(entry.case_id), ""), step_no)].append(entry)
    for code, sop in book.sops.items():
        for step in sop.steps:
            if step.no is None:
                continue
            entries = grouped.get((code, step.no), [])
            minutes = [float(e.minutes) for e in entries if isinstance(e.minutes, (int, float))]
            compliance.append(StepCompliance(
                code, step.no, ", ".join(step.executors), text_of(step.waktu), len(entries),
                statistics.median(minutes) if minutes else None, max(minutes) if minutes else None,
                sum(e.punctuality == Punctuality.TEPAT.value for e in entries),
                sum(e.punctuality == Punctuality.TERLAMBAT.value for e in entries)))
    late_roles = Counter(text_of(e.role) or "?" for e in advances if e.punctuality == Punctuality.TERLAMBAT.value)
    per_step = Counter(f"{s.case.sop} {s.step}" for s in states_end if is_open(s))
    return MonthReport(
        start=start, end=end,
        open_at_start=sum(is_open(s) for s in states_start.values()), open_at_end=sum(is_open(s) for s in states_end),
        opened=sum(1 for s in states_end if s.opened and start <= s.opened < end),
        finished=sum(1 for h in advances if text_of(h.status) == Status.SELESAI.value),
        returned=sum(1 for h in advances if text_of(h.decision) == "Tidak"),
        cancelled=sum(1 for h in counted if h.action == Action.BATAL.value),
        on_time=sum(h.punctuality == Punctuality.TEPAT.value for h in advances),
        late=sum(h.punctuality == Punctuality.TERLAMBAT.value for h in advances),
        history=in_month, states=states_end, compliance=compliance, late_per_role=dict(late_roles.most_common()),
        cases_per_step=dict(sorted(per_step.items())),
        longest_waits=sorted((h for h in advances if isinstance(h.minutes, (int, float))),
                             key=lambda h: -_minutes(h))[:5],
        cases_per_status=dict(Counter(s.status for s in states_end if s.status).most_common()),
    )
