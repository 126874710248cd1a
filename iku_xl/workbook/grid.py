"""A sheet's cells as a plain grid of values, with Excel addresses for messages."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Grid:
    """Rows of plain values; row and column numbers are 1-based as in Excel."""
    name: str
    rows: list[list[Any]]

    def value(self, row: int, column: int) -> object:
        if row < 1 or row > len(self.rows):
            return None
        cells = self.rows[row - 1]
        value = cells[column - 1] if 0 < column <= len(cells) else None
        return None if value == "" else value

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)
