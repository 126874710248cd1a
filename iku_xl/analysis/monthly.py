"""The monthly report computed from the history frame: what moved, what ran late against the Mutu Baku, and
where cases stand at the month's start and end."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd

from ..core.book import Book
from ..core.calendar import OfficeCalendar
from ..core.case import CLOSED, Case, Status
from ..core.history import HistoryEntry
from ..core.monthly import CaseState, MonthReport, StepCompliance
from ..core.values import text_of
from .history_frame import BATAL, MAJU, TEPAT, TERLAMBAT, between, history_frame, moment, recounted_minutes, step_number


def _is_open(state: CaseState) -> bool:
    return bool(state.opened is not None and state.status and state.status not in CLOSED)


def case_states(book: Book, frame: pd.DataFrame, at: dt.datetime) -> list[CaseState]:
    """Every case with an ID as it stood at `at`, read back from its moves still in force (in Riwayat's order)."""
    moves = frame[frame["in_force"]]
    opened = {case_id: moment(started) or moment(time) for case_id, started, time in
              moves.groupby("case_id", sort=False).head(1)[["case_id", "step_started", "time"]].itertuples(index=False)}
    before = moves[moves["time"].notna() & (moves["time"] < at)]
    last = {case_id: (status, step_number(to_step) if step_number(to_step) is not None else step_number(from_step))
            for case_id, status, to_step, from_step in before.groupby("case_id", sort=False).tail(1)[
                ["case_id", "status", "to_step", "from_step"]].itertuples(index=False)}
    done = before[(before["action"] == MAJU) & before["from_step"].notna()]
    marks: dict[str, dict[int, dt.datetime]] = {}
    for case_id, step, time in done[["case_id", "from_step", "time"]].itertuples(index=False):
        marks.setdefault(case_id, {})[int(step)] = moment(time)  # type: ignore[assignment]
    states = []
    for case in book.cases:
        if not case.id_text:
            continue
        states.append(_state(case, opened, last, marks.get(case.id_text, {}), at))
    return states


def _state(case: Case, opened_at: dict[str, dt.datetime | None], last: dict[str, tuple[str, int | None]],
           marks: dict[int, dt.datetime], at: dt.datetime) -> CaseState:
    """The case at `at`: `opened_at` its first move still in force (its step's start), `last` the status and step
    its last move before `at` left it in."""
    case_id = case.id_text
    moved = case_id in opened_at
    opened = opened_at[case_id] if moved else case.started
    if case_id in last:
        status, step = last[case_id]
    elif opened and opened < at:
        status, step = Status.BERJALAN.value, 1 if moved else case.step
    else:
        status, step = "", None
    return CaseState(case, opened, status, step, dict(marks))


def step_compliance(book: Book, advances: pd.DataFrame) -> list[StepCompliance]:
    """Per step of every SOP: how often it was done, its median and longest working minutes, on time and late."""
    timed = advances[advances["from_step"].notna()].assign(
        on_time=lambda f: f["punctuality"] == TEPAT, late=lambda f: f["punctuality"] == TERLAMBAT)
    stats = timed.groupby(["sop", "from_step"]).agg(
        count=("position", "size"), median=("minutes", "median"), maximum=("minutes", "max"),
        on_time=("on_time", "sum"), late=("late", "sum"))
    rows = []
    for code, sop in book.sops.items():
        for step in sop.steps:
            if step.no is None:
                continue
            found = stats.loc[(code, step.no)] if (code, step.no) in stats.index else None
            rows.append(StepCompliance(
                code, step.no, ", ".join(step.executors), text_of(step.waktu),
                int(found["count"]) if found is not None else 0,
                _float(found["median"]) if found is not None else None,
                _float(found["maximum"]) if found is not None else None,
                int(found["on_time"]) if found is not None else 0,
                int(found["late"]) if found is not None else 0))
    return rows


def _float(value: object) -> float | None:
    return None if pd.isna(value) else float(value)  # type: ignore[arg-type]


def _counts(values: pd.Series) -> dict[str, int]:
    """Most frequent first; equal counts in the order they first appear."""
    sizes = values.groupby(values, sort=False).size().sort_values(ascending=False, kind="stable")
    return {str(k): int(v) for k, v in sizes.items()}


def month_report(book: Book, start: dt.datetime, end: dt.datetime, calendar: OfficeCalendar | None = None,
                 frame: pd.DataFrame | None = None) -> MonthReport:
    """The month [start, end). Moves later undone are listed in the history but not counted; with a
    calendar, each step's duration is recounted from Riwayat, leaving out the time on hold."""
    frame = history_frame(book) if frame is None else frame
    in_month = between(frame, start, end)
    counted = in_month[in_month["in_force"]]
    advances = counted[counted["action"] == MAJU].copy()
    recounted = recounted_minutes(frame, advances, book, calendar) if calendar is not None else {}
    if recounted:
        advances["minutes"] = [float(recounted[p]) if p in recounted else m
                               for p, m in zip(advances["position"], advances["minutes"])]

    states_start = {s.case.id_text: s for s in case_states(book, frame, start)}
    moved_in_month = set(in_month["case_id"])
    # the month's cases: open when it began, opened in it, or moved in it; not those closed before it
    states_end = [s for s in case_states(book, frame, end)
                  if s.opened is not None and s.opened < end
                  and (_is_open(states_start[s.case.id_text]) or s.opened >= start or s.case.id_text in moved_in_month)]

    def entry(position: int) -> HistoryEntry:
        found = book.history[position]
        return replace(found, minutes=recounted[position]) if position in recounted else found

    timed = advances[advances["minutes"].notna()]
    # in time order, whichever of Riwayat's sheets each row stands on (moves at one minute: by case)
    listed = in_month.sort_values(["time", "case_id"], kind="stable")
    waits = timed.assign(longest=-timed["minutes"]).sort_values(["longest", "time", "case_id"], kind="stable").head(5)
    late = advances[advances["punctuality"] == TERLAMBAT]["role"].replace("", "?")
    per_step = pd.Series([f"{s.case.sop} {s.step}" for s in states_end if _is_open(s)], dtype=object)
    return MonthReport(
        start=start, end=end,
        open_at_start=sum(_is_open(s) for s in states_start.values()),
        open_at_end=sum(_is_open(s) for s in states_end),
        opened=sum(1 for s in states_end if s.opened and start <= s.opened < end),
        finished=int((advances["status"] == Status.SELESAI.value).sum()),
        returned=int((advances["decision"] == "Tidak").sum()),
        cancelled=int((counted["action"] == BATAL).sum()),
        on_time=int((advances["punctuality"] == TEPAT).sum()),
        late=int((advances["punctuality"] == TERLAMBAT).sum()),
        history=[book.history[p] for p in listed["position"]],
        states=states_end,
        compliance=step_compliance(book, advances),
        late_per_role=_counts(late),
        cases_per_step=dict(sorted(_counts(per_step).items())),
        longest_waits=[entry(int(p)) for p in waits["position"]],
        cases_per_status=_counts(pd.Series([s.status for s in states_end if s.status], dtype=object)),
    )
