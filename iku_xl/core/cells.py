"""A1 cell addresses: how findings and messages name a cell to staff."""
from __future__ import annotations


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
