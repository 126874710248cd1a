"""Riwayat: one entry per move of a case. Entries are only ever appended."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .values import text_of


class Action(str, Enum):
    MAJU = "Maju"            # the step is done; the case moves on (or back, at a Tidak)
    TUNDA = "Tunda"
    LANJUT = "Lanjut"        # resumed after Tunda
    BATAL = "Batal"
    URUNGKAN = "Urungkan"    # the previous move of the case is reversed


class Punctuality(str, Enum):
    TEPAT = "Tepat Waktu"
    TERLAMBAT = "Terlambat"
    TANPA_STANDAR = "Tanpa Standar"


@dataclass
class HistoryEntry:
    time: object
    case_id: object
    action: object = None
    from_step: object = None
    to_step: object = None
    decision: object = None
    status_before: object = None
    status: object = None
    role: object = None
    by: object = None
    note: object = None
    step_started: object = None
    standard: object = None
    due: object = None
    minutes: object = None
    punctuality: object = None
    row: int | None = None


def effective_moves(entries: list[HistoryEntry], case_id: str) -> list[HistoryEntry]:
    """The case's moves still in force: each Urungkan cancels the latest move before it."""
    return moves_by_case(entries).get(case_id, [])


def moves_by_case(entries: list[HistoryEntry]) -> dict[str, list[HistoryEntry]]:
    """Every case's moves still in force, in one pass over the history."""
    stacks: dict[str, list[HistoryEntry]] = {}
    for entry in entries:
        stack = stacks.setdefault(text_of(entry.case_id), [])
        if entry.action == Action.URUNGKAN.value:
            if stack:
                stack.pop()
        else:
            stack.append(entry)
    return stacks
