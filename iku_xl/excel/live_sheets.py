"""Sheets, selections and fills of the open workbook, in as few calls to the application as possible.

Each call to Excel costs a round trip (COM on Windows, AppleScript on macOS): colours go out and come in as
union ranges (one per colour, or per run of cells that share one), and a selection is read area by area, never
cell by cell.
"""
from __future__ import annotations

from ..core.cells import column_letter

# Excel refuses a range address longer than 255 characters
ADDRESS_LIMIT = 255
TEXT_FORMAT = "@"


def sheet_named(book, name: str):
    """The sheet called `name`, as Excel matches names (case does not count); None when there is none. Asked
    of the application by name, not by going through every sheet; its name read back, as xlwings on macOS
    hands out a sheet that does not exist and fails only when it is used."""
    try:
        sheet = book.sheets[name]
        return sheet if sheet.name.casefold() == name.casefold() else None
    except Exception:  # no such sheet (Excel: a COM error; Calc: ValueError)
        return None


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


Area = tuple[int, int, int, int]  # first row, first column, last row, last column


def rectangles(cells) -> list[Area]:
    """Cells as few rectangles as a greedy join finds: runs along rows joined down the rows that follow, or runs
    down columns joined across, whichever gives fewer (a column of findings is one area, "H2:H900"; the
    done steps of Lacak, one run per step column)."""
    cells = set(cells)
    by_rows = _joined(cells)
    by_columns = [(c1, r1, c2, r2) for r1, c1, r2, c2 in _joined({(c, r) for r, c in cells})]
    return by_rows if len(by_rows) <= len(by_columns) else sorted(by_columns)


def _joined(cells: set[tuple[int, int]]) -> list[Area]:
    runs: list[list[int]] = []
    for row, column in sorted(cells):
        if runs and runs[-1][0] == row and runs[-1][2] == column - 1:
            runs[-1][2] = column
        else:
            runs.append([row, column, column])
    areas: list[Area] = []
    open_area: dict[tuple[int, int], int] = {}  # (first column, last column) -> index of the area ending above
    for row, first, last in runs:
        index = open_area.get((first, last))
        if index is not None and areas[index][2] == row - 1:
            areas[index] = (areas[index][0], first, row, last)
        else:
            open_area[(first, last)] = len(areas)
            areas.append((row, first, row, last))
    return areas


def area_address(area: Area) -> str:
    r1, c1, r2, c2 = area
    return f"{column_letter(c1)}{r1}" + (f":{column_letter(c2)}{r2}" if (r1, c1) != (r2, c2) else "")


def area_groups(areas: list[Area]) -> list[list[Area]]:
    """Areas in groups whose joined address fits Excel's limit: one range, and one call, per group."""
    groups: list[list[Area]] = []
    length = 0
    for area in areas:
        part = len(area_address(area))
        if groups and length + 1 + part <= ADDRESS_LIMIT:
            groups[-1].append(area)
            length += 1 + part
        else:
            groups.append([area])
            length = part
    return groups


def union_addresses(cells: list[tuple[int, int]]) -> list[str]:
    """Cells as few range addresses as fit Excel's limit ("D5:H5,H7:H90")."""
    return [",".join(area_address(a) for a in group) for group in area_groups(rectangles(cells))]


def paint(sheet, fills: dict) -> None:
    """Each colour (an (r, g, b) tuple, or None for no fill) onto its cells, one call per union range."""
    for colour, cells in fills.items():
        for address in union_addresses(cells):
            sheet.range(address).color = colour


def fills_of(sheet, cells) -> dict[tuple[int, int], tuple[int, int, int] | None]:
    """The fill of each cell, read a union range at a time: cells that share a fill (most often none) answer in
    one call; a range whose cells differ (Excel then has no single colour to give, and xlwings fails) is halved
    until each part has one. Calls grow with how the fills vary, not with how many cells are asked."""
    found: dict[tuple[int, int], tuple[int, int, int] | None] = {}
    pending = area_groups(rectangles(cells))
    while pending:
        group = pending.pop()
        single = len(group) == 1 and group[0][:2] == group[0][2:]
        try:
            colour = sheet.range(",".join(area_address(a) for a in group)).color
        except Exception:  # mixed fills; one cell has one fill, so its failure is a real one
            if single:
                raise
            colour = _MIXED
        if colour is not _MIXED:
            for r1, c1, r2, c2 in group:
                found.update({(r, c): colour for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)})
        elif len(group) > 1:
            pending += [group[:len(group) // 2], group[len(group) // 2:]]
        else:
            pending += [[half] for half in _halves(group[0])]
    return {cell: found.get(cell) for cell in cells}


_MIXED = object()


def _halves(area: Area) -> list[Area]:
    r1, c1, r2, c2 = area
    if r2 > r1:
        middle = (r1 + r2) // 2
        return [(r1, c1, middle, c2), (middle + 1, c1, r2, c2)]
    if c2 > c1:
        middle = (c1 + c2) // 2
        return [(r1, c1, r2, middle), (r1, middle + 1, r2, c2)]
    return []


def format_as_text(sheet, first: tuple[int, int], last: tuple[int, int]) -> None:
    """Cells formatted as Text before text is written: else Excel reparses "1/2", "3-4" or "- revisi"."""
    sheet.range(first, last).number_format = TEXT_FORMAT
