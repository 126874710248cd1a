"""One SOP's monitoring for a semester, computed from the history frame: the evidence of each step (runs, on time,
median working minutes, returns, holds), judged by the workbook's rule, and the SOP's evidence for its evaluation."""
from __future__ import annotations

import datetime as dt
import statistics

import pandas as pd

from ..core.book import Book
from ..core.calendar import OfficeCalendar
from ..core.case import CLOSED, Status
from ..core.monitoring import (
    MonitoringRule,
    Semester,
    SopEvidence,
    SopMonitoring,
    StepEvidence,
    criteria_evidence,
    judge,
)
from ..core.monthly import CaseState
from ..core.naskah.parties import official_for
from ..core.sop import Sop, Step
from ..core.values import text_of
from ..core.waktu import Duration, TimeUnit
from .history_frame import BATAL, MAJU, TEPAT, TERLAMBAT, TUNDA, between, history_frame, recounted_minutes
from .monthly import case_states


def day_minutes(calendar: OfficeCalendar, semester: Semester) -> float:
    """Working minutes of a usual working day in the semester: what '1 Hari' of Mutu Baku is in the charts."""
    day, found = semester.start.date(), []
    while day < semester.end.date():
        if calendar.is_working_day(day):
            found.append(calendar.minutes_of_day(day))
        day += dt.timedelta(days=1)
    return statistics.median(found) if found else 450.0


def standard_minutes(step: Step, one_day: float) -> float | None:
    duration = step.duration
    if not isinstance(duration, Duration):
        return None
    return duration.amount * one_day if duration.unit is TimeUnit.HARI else duration.working_minutes


def semester_moves(book: Book, frame: pd.DataFrame, code: str, semester: Semester,
                   calendar: OfficeCalendar | None) -> pd.DataFrame:
    """The SOP's moves still in force in the semester, each Maju's minutes recounted without time on hold."""
    period = between(frame, semester.start, semester.end)
    moves = period[period["in_force"] & (period["sop"] == code)].copy()
    if calendar is not None:
        advances = moves[moves["action"] == MAJU]
        recounted = recounted_minutes(frame, advances, book, calendar)
        moves["minutes"] = [float(recounted[p]) if p in recounted else m
                            for p, m in zip(moves["position"], moves["minutes"])]
    return moves


def step_evidence(sop: Sop, moves: pd.DataFrame, one_day: float) -> list[StepEvidence]:
    advances = moves[moves["action"] == MAJU]
    per_step = advances.assign(on_time=advances["punctuality"] == TEPAT, late=advances["punctuality"] == TERLAMBAT,
                               returned=advances["decision"] == "Tidak").groupby("from_step").agg(
        runs=("position", "size"), on_time=("on_time", "sum"), late=("late", "sum"), median=("minutes", "median"),
        returns=("returned", "sum"))
    holds = moves[moves["action"] == TUNDA].groupby("from_step").size()
    cancelled = moves[moves["action"] == BATAL].groupby("from_step").size()
    found = []
    for step in sop.steps:
        if not isinstance(step.no, int):
            continue
        row = per_step.loc[step.no] if step.no in per_step.index else None
        median = None if row is None or pd.isna(row["median"]) else float(row["median"])
        found.append(StepEvidence(
            no=step.no, kegiatan=step.kegiatan, roles=", ".join(step.executors), standard=text_of(step.waktu),
            timed=isinstance(step.duration, Duration), decision=step.is_decision,
            return_to=step.if_no if isinstance(step.if_no, int) else None,
            runs=int(row["runs"]) if row is not None else 0, on_time=int(row["on_time"]) if row is not None else 0,
            late=int(row["late"]) if row is not None else 0, median_minutes=median,
            standard_minutes=standard_minutes(step, one_day),
            returns=int(row["returns"]) if row is not None else 0,
            holds=int(holds.get(step.no, 0)), cancelled=int(cancelled.get(step.no, 0))))
    return found


def sop_evidence(book: Book, sop: Sop, frame: pd.DataFrame, moves: pd.DataFrame, steps: list[StepEvidence],
                 semester: Semester) -> SopEvidence:
    advances = moves[moves["action"] == MAJU]
    at_start = {s.case.id_text: s for s in case_states(book, frame, semester.start)}
    moved = set(moves["case_id"])

    def is_open(state: CaseState) -> bool:
        return bool(state.opened is not None and state.status and state.status not in CLOSED)

    cases = [s for s in case_states(book, frame, semester.end)
             if text_of(s.case.sop) == sop.code and s.opened is not None and s.opened < semester.end
             and (is_open(at_start[s.case.id_text]) or s.opened >= semester.start or s.case.id_text in moved)]
    ids = {s.case.id_text for s in cases}
    executors = {s.no: s.executors for s in sop.steps if isinstance(s.no, int)}
    handover = [executors.get(f) != executors.get(t) and t is not None and not pd.isna(t)
                for f, t in zip(advances["from_step"], advances["to_step"])]
    handovers = advances[pd.Series(handover, index=advances.index, dtype=bool)] if len(advances) else advances
    late_roles = advances[advances["punctuality"] == TERLAMBAT]["role"].replace("", "?")
    counts = late_roles.groupby(late_roles, sort=False).size().sort_values(ascending=False, kind="stable")
    timed = [s for s in steps if s.timed]
    return SopEvidence(
        cases=len(cases),
        finished=int((advances["status"] == Status.SELESAI.value).sum()),
        cancelled=int((moves["action"] == BATAL).sum()),
        open_at_end=sum(is_open(s) for s in cases),
        timed_runs=sum(s.runs for s in timed), on_time=sum(s.on_time for s in timed),
        decisions=sum(s.runs for s in steps if s.decision), returns=sum(s.returns for s in steps),
        holds=int((moves["action"] == TUNDA).sum()),
        handovers=len(handovers), late_handovers=int((handovers["punctuality"] == TERLAMBAT).sum()),
        late_per_role={str(k): int(v) for k, v in counts.items()},
        roles_without_official=[r for r in sop.roles if official_for(book, sop, r) is None],
        iku_rows=sum(1 for r in book.iku_rows if (r.case_id or "") in ids),
        untimed_steps=sum(1 for s in steps if not s.timed),
    )


def sop_monitoring(book: Book, code: str, semester: Semester, rule: MonitoringRule,
                   calendar: OfficeCalendar | None = None, frame: pd.DataFrame | None = None) -> SopMonitoring:
    frame = history_frame(book) if frame is None else frame
    sop = book.sops[code]
    moves = semester_moves(book, frame, code, semester, calendar)
    one_day = day_minutes(calendar, semester) if calendar is not None else 450.0
    evidence = step_evidence(sop, moves, one_day)
    judged = [judge(e, rule) for e in evidence]
    whole = sop_evidence(book, sop, frame, moves, evidence, semester)
    return SopMonitoring(code, sop.identity.judul or code, sop.identity.nomor, semester, rule, judged, whole,
                         criteria_evidence(whole, judged, sop.identity.keterkaitan))
