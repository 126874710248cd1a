"""The Lacak <CODE> sheet's cells: one home for its layout, used when it is made and when rebuilt."""
from __future__ import annotations

from dataclasses import dataclass

from ..core import layout
from ..core.sop import Sop
from ..core.tracking import TrackingRow, tracking_rows

CURRENT = "▶ sekarang"


@dataclass(frozen=True)
class Cell:
    value: object
    style: str  # text | header | done | late | current


def sheet_name(code: str) -> str:
    return f"{layout.LACAK_PREFIX}{code}"


def title(code: str) -> str:
    return f"Lacak SOP {code}: kapan setiap langkah selesai (dibuat ulang oleh program dari lembar Riwayat)"


def header(sop: Sop) -> list[Cell]:
    steps = [Cell(f"{s.no}. {', '.join(s.executors) or '?'}", "header") for s in sop.steps if s.no is not None]
    return [Cell(h, "header") for h in layout.LACAK_FIXED] + steps


def body(sop: Sop, rows: list[TrackingRow]) -> list[list[Cell]]:
    numbers = [s.no for s in sop.steps if s.no is not None]
    grid = []
    for row in rows:
        cells = [Cell(row.case_id, "text"), Cell(row.title, "text"), Cell(row.status, "text")]
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
