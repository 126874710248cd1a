"""What a cell can hold: text staff type is stored as Excel stores it, or refused with a sentence."""
from __future__ import annotations

import re

MAX_CELL_CHARS = 32_767  # Excel's limit for one cell; longer text is cut or refused by Excel itself
# control characters other than tab, line feed and carriage return: the .xlsx format cannot hold them as such,
# and CSV readers and Word choke on them
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text_problem(text: str) -> str | None:
    """Why `text` cannot be stored in a cell, as a phrase; None when it can."""
    if len(text) > MAX_CELL_CHARS:
        return f"berisi {len(text):,} karakter, lebih dari batas satu sel Excel ({MAX_CELL_CHARS:,})".replace(",", ".")
    if CONTROL_CHARACTERS.search(text):
        return "memuat karakter kendali yang tidak terlihat (misalnya tab vertikal atau karakter dari salinan PDF)"
    return None


def without_control_characters(text: str) -> str:
    """`text` with the control characters a cell cannot hold taken out (for copies made from the workbook,
    such as the monthly export; validate names the cell they came from)."""
    return CONTROL_CHARACTERS.sub("", text)
