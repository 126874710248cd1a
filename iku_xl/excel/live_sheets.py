"""Sheets, selections and fills of the open workbook, in as few calls to the application as possible.

Each call to Excel costs a round trip (COM on Windows, AppleScript on macOS): colours go out as one
union range per colour, and a selection is read area by area, never cell by cell.
"""
from __future__ import annotations

from ..core.cells import column_letter

# Excel refuses a range address longer than 255 characters
ADDRESS_LIMIT = 255
TEXT_FORMAT = "@"


def sheet_named(book, name: str):
    """The sheet called `name`, as Excel matches names (case does not count); None when there is none."""
    wanted = name.casefold()
    return next((s for s in book.sheets if s.name.casefold() == wanted), None)


def is_sheet(sheet, name: str) -> bool:
    return sheet is not None and sheet.name.casefold() == name.casefold()


def selected_rows(selection, last_row: int) -> list[int]:
    """The rows of every area of the selection (a Ctrl+click selection has several), up to `last_row`,
    leaving out hidden rows: a drag across a filtered table selects the rows the filter hides too."""
    rows: list[int] = []
    sheet = selection.sheet
    for part in str(selection.address).split(","):
        area = sheet.range(part)
        first, last = area.row, min(area.row + area.rows.count - 1, last_row)
        if first > last:
            continue
        block = sheet.range((first, 1), (last, 1))
        height = block.row_height
        if height is None:  # some rows of the area are hidden: look at each
            rows += [r for r in range(first, last + 1) if sheet.range((r, 1)).row_height != 0]
        elif height != 0:
            rows += list(range(first, last + 1))
    return sorted(dict.fromkeys(rows))


def union_addresses(cells: list[tuple[int, int]]) -> list[str]:
    """Cells as few range addresses as fit Excel's limit: adjacent cells of a row joined ("D5:H5")."""
    runs: list[tuple[int, int, int]] = []
    for row, column in sorted(set(cells)):
        if runs and runs[-1][0] == row and runs[-1][2] == column - 1:
            runs[-1] = (row, runs[-1][1], column)
        else:
            runs.append((row, column, column))
    parts = [f"{column_letter(a)}{r}" + (f":{column_letter(b)}{r}" if b != a else "") for r, a, b in runs]
    addresses: list[str] = []
    for part in parts:
        if addresses and len(addresses[-1]) + 1 + len(part) <= ADDRESS_LIMIT:
            addresses[-1] += "," + part
        else:
            addresses.append(part)
    return addresses


def paint(sheet, fills: dict) -> None:
    """Each colour (an (r, g, b) tuple, or None for no fill) onto its cells, one call per union range."""
    for colour, cells in fills.items():
        for address in union_addresses(cells):
            sheet.range(address).color = colour


def format_as_text(sheet, first: tuple[int, int], last: tuple[int, int]) -> None:
    """Cells formatted as Text before text is written: else Excel reparses "1/2", "3-4" or "- revisi"."""
    sheet.range(first, last).number_format = TEXT_FORMAT
