"""The Lacak grid: per case, when each step of its SOP was last done, how often, and if late."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .case import CLOSED, Case
from .history import Action, HistoryEntry, Punctuality, moves_by_case
from .sop import Sop


@dataclass
class StepMark:
    done: dt.datetime
    count: int = 1
    late: bool = False


@dataclass
class TrackingRow:
    case_id: str
    title: str
    status: str
    current_step: int | None
    marks: dict[int, StepMark] = field(default_factory=dict)


TRACKED_FIELDS = ("time", "case_id", "action", "from_step", "punctuality")  # what the rows are made of


def current_step(case: Case) -> int | None:
    """The step the Lacak row marks '▶ sekarang': the case's step, unless it is finished."""
    return case.step if (case.status or "") not in CLOSED else None


def unmarked_row(case: Case) -> TrackingRow:
    """The case's row before its history marks the steps done."""
    return TrackingRow(case.id_text, case.title or "", case.status or "", current_step(case))


def tracking_rows(sop: Sop, cases: list[Case], history: list[HistoryEntry],
                  moves: dict[str, list[HistoryEntry]] | None = None) -> list[TrackingRow]:
    """`moves`: `moves_by_case(history)` when the caller has it already (one pass for every SOP's sheet)."""
    rows = []
    moves = moves_by_case(history) if moves is None else moves
    for case in cases:
        if case.sop != sop.code or not case.id_text:
            continue
        row = unmarked_row(case)
        for move in moves.get(case.id_text, []):
            step_no = move.from_step
            done = move.time
            if move.action != Action.MAJU.value or step_no is None or done is None:
                continue
            mark = row.marks.get(step_no)
            late = move.punctuality == Punctuality.TERLAMBAT.value
            if mark is None:
                row.marks[step_no] = StepMark(done, 1, late)
            else:
                row.marks[step_no] = StepMark(
                    max(done, mark.done), mark.count + 1, late if done >= mark.done else mark.late
                )
        rows.append(row)
    return rows
