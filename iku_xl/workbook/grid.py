"""A sheet's cells as a plain grid of values, with Excel addresses for messages."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA (written here so that reading never imports openpyxl)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """A -> 1, AA -> 27."""
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - 64
    return index


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
