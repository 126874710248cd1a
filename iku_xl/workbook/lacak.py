"""The Lacak <CODE> sheet's cells: one home for its layout, used when it is made and when rebuilt."""
from __future__ import annotations

from dataclasses import dataclass

from ..core import layout
from ..core.case import Case
from ..core.sop import Sop
from ..core.tracking import TrackingRow, current_step, tracking_rows

CURRENT = "▶ sekarang"
CURRENT_WORD = "sekarang"  # what a search of the sheet's XML looks for: a writer may spell '▶' as &#9654;
FIXED_STYLE = "text"  # the style of the ID, Judul and Status cells


@dataclass(frozen=True)
class Cell:
    value: object
    style: str  # text | header | done | late | current


@dataclass(frozen=True)
class ShownRow:
    """A case's row as the sheet shows it: its number, what its ID, Judul and Status cells hold, and the columns
    marked '▶ sekarang'."""
    row: int
    fixed: tuple[object, object, object]
    current: frozenset[int]


def sheet_name(code: str) -> str:
    return f"{layout.LACAK_PREFIX}{code}"


def title(code: str) -> str:
    return f"Lacak SOP {code}: kapan setiap langkah selesai (dibuat ulang oleh program dari lembar Riwayat)"


def header(sop: Sop) -> list[Cell]:
    steps = [Cell(f"{s.no}. {', '.join(s.executors) or '?'}", "header") for s in sop.steps if s.no is not None]
    return [Cell(h, "header") for h in layout.LACAK_FIXED] + steps


def fixed_cells(row: TrackingRow) -> list[Cell]:
    """ID Kasus, Judul and Status: what Kasus says of the case."""
    return [Cell(row.case_id, FIXED_STYLE), Cell(row.title, FIXED_STYLE), Cell(row.status, FIXED_STYLE)]


def body(sop: Sop, rows: list[TrackingRow]) -> list[list[Cell]]:
    numbers = [s.no for s in sop.steps if s.no is not None]
    grid = []
    for row in rows:
        cells = fixed_cells(row)
        for no in numbers:
            mark = row.marks.get(no)
            if no == row.current_step:
                cells.append(Cell(CURRENT, "current"))
            elif mark is None:
                cells.append(Cell(None, "text"))
            elif mark.count > 1:  # text, since a date cell cannot also show how often
                cells.append(Cell(f"{mark.done:%d/%m/%Y %H:%M} ({mark.count}x)", "late" if mark.late else "done"))
            else:
                cells.append(Cell(mark.done, "late" if mark.late else "done"))
        grid.append(cells)
    return grid


def placed_rows(sop: Sop, cases, history_of, where: dict[str, int], free: int) -> list[tuple[int, list[Cell]]]:
    """The moved cases' Lacak rows and where each goes: its own row (`where`, by case ID), or the next
    free row for a case new to the sheet. `history_of(case_id)` gives the case's history."""
    placed = []
    for case in cases:
        rows = tracking_rows(sop, [case], history_of(case.id_text))
        if not rows:
            continue
        row = where.get(case.id_text)
        if row is None:
            row, free = free, free + 1
        placed.append((row, body(sop, rows)[0]))
    return placed


def shows_its_history(shown: ShownRow, case: Case, sop: Sop) -> bool:
    """Whether a row the sheet shows can stand for the case's row rebuilt from the same history: '▶ sekarang'
    marks the step Kasus gives the case, or no step for a finished one (a row marking another, or none, was
    written before Kasus last changed the case)."""
    current = current_step(case)
    numbers = [s.no for s in sop.steps if s.no is not None]
    first = len(layout.LACAK_FIXED) + 1
    return shown.current == frozenset(column for column, no in enumerate(numbers, start=first) if no == current)
