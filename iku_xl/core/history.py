"""Riwayat: one entry per move of a case. Entries are only ever appended."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

T = TypeVar("T")


class Action(str, Enum):
    MAJU = "Maju"            # the step is done; the case moves on (or back, at a Tidak)
    TUNDA = "Tunda"
    LANJUT = "Lanjut"        # resumed after Tunda
    BATAL = "Batal"
    URUNGKAN = "Urungkan"    # the previous move of the case is reversed
    JADWAL = "Jadwal Ulang"  # the due time recomputed from the current Libur and office hours


class Punctuality(str, Enum):
    TEPAT = "Tepat Waktu"
    TERLAMBAT = "Terlambat"
    TANPA_STANDAR = "Tanpa Standar"


@dataclass(slots=True)  # a Riwayat holds hundreds of thousands of them
class HistoryEntry:
    """A Riwayat row, read into these types as a Kasus row is."""
    time: dt.datetime | None
    case_id: str | None
    action: str | None = None
    from_step: int | None = None
    to_step: int | None = None
    decision: str | None = None
    status_before: str | None = None
    status: str | None = None
    role: str | None = None
    by: str | None = None
    note: str | None = None
    step_started: dt.datetime | None = None
    standard: str | None = None
    due: dt.datetime | None = None
    minutes: int | None = None
    punctuality: str | None = None
    row: int | None = None
    sheet: str | None = None  # a closed year's sheet ('Riwayat 2025') the row stands in; None: Riwayat itself


_CASE_YEAR = re.compile(r"^IKU-(\d{4})-\d+$", re.IGNORECASE)  # as core.workflow.next_case_id makes them


def opening_year(case_id: str | None) -> int | None:
    """The year a case was opened in, read from its ID (IKU-2026-014 -> 2026); None for an ID typed otherwise.
    No row of the case is dated before it, so its history lies in that year's Riwayat and the later ones."""
    match = _CASE_YEAR.match((case_id or "").strip())
    return int(match.group(1)) if match else None


def earliest_year(case_ids: list[str], year: int) -> int | None:
    """The oldest closed year whose rows the cases' histories may hold, `year` at the latest; None when a case's
    ID names no year (then every closed year is read)."""
    years = [opening_year(case_id) for case_id in case_ids]
    return None if None in years else min([year, *years])  # type: ignore[type-var]


def effective_moves(entries: list[HistoryEntry], case_id: str) -> list[HistoryEntry]:
    """The case's moves still in force: each Urungkan cancels the latest move before it."""
    return moves_by_case(entries).get(case_id, [])


def moves_in_force(moves: Iterable[tuple[str, str | None, T]]) -> tuple[dict[str, list[T]], set[str]]:
    """From (case ID, action, what stands for the move), in Riwayat's order: each case's moves still in force
    (each Urungkan takes back the latest move before it), and the cases with an Urungkan that had nothing before
    it to take back (their earlier rows were not among those given)."""
    stacks: dict[str, list[T]] = {}
    reaching_back: set[str] = set()
    for case_id, action, move in moves:
        stack = stacks.setdefault(case_id, [])
        if action == Action.URUNGKAN.value:
            if stack:
                stack.pop()
            else:
                reaching_back.add(case_id)
        else:
            stack.append(move)
    return stacks, reaching_back


def moves_by_case(entries: list[HistoryEntry]) -> dict[str, list[HistoryEntry]]:
    """Every case's moves still in force, in one pass over the history."""
    return moves_in_force((entry.case_id or "", entry.action, entry) for entry in entries)[0]


def incomplete_cases(entries: list[HistoryEntry]) -> set[str]:
    """The cases whose rows read start with an Urungkan that has nothing before it to undo: a close moved their
    earlier rows to a closed year's sheet (the case was finished) and the undo brought the case back."""
    return moves_in_force((entry.case_id or "", entry.action, None) for entry in entries)[1] - {""}


def last_time(entries: list[HistoryEntry]) -> dt.datetime | None:
    """The latest time in a case's Riwayat rows: a new move may not be dated before it."""
    return max((e.time for e in entries if e.time), default=None)


def hold_periods(moves: list[HistoryEntry], since: dt.datetime, until: dt.datetime
                 ) -> list[tuple[dt.datetime, dt.datetime]]:
    """The stretches between `since` and `until` that the case spent on hold (Tunda to Lanjut)."""
    periods, held = [], None
    for move in moves:
        moment = move.time
        if moment is None:
            continue
        if move.action == Action.TUNDA.value:
            held = moment
        elif move.action == Action.LANJUT.value and held is not None:
            periods.append((held, moment))
            held = None
    if held is not None:
        periods.append((held, until))
    return [(max(a, since), min(b, until)) for a, b in periods if b > since and a < until]
