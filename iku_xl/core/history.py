"""Riwayat: one entry per move of a case. Entries are only ever appended."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum


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


def effective_moves(entries: list[HistoryEntry], case_id: str) -> list[HistoryEntry]:
    """The case's moves still in force: each Urungkan cancels the latest move before it."""
    return moves_by_case(entries).get(case_id, [])


def moves_by_case(entries: list[HistoryEntry]) -> dict[str, list[HistoryEntry]]:
    """Every case's moves still in force, in one pass over the history."""
    stacks: dict[str, list[HistoryEntry]] = {}
    for entry in entries:
        stack = stacks.setdefault(entry.case_id or "", [])
        if entry.action == Action.URUNGKAN.value:
            if stack:
                stack.pop()
        else:
            stack.append(entry)
    return stacks


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
