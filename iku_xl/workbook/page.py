"""How the workbook's sheets print and fit: paper, orientation, headers and footers, row heights.

LibreOffice does not fit a wrapped row to its text when it opens a file (measured on 7.4), and Excel only
a row without a height of its own: so the rows the program writes get a height that fits their text. The
height is not marked as set by hand (customHeight), so both applications fit the row again when a cell in
it changes later; a height staff set by hand stays.
"""
from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # openpyxl loads only where a sheet is made: a move fits its rows without it
    from openpyxl.worksheet.worksheet import Worksheet

LINE_POINTS = 12.75     # one line of Arial 10
PADDING_POINTS = 2.5
MAX_ROW_POINTS = 409    # Excel's limit
DEFAULT_WIDTH = 8.43    # Excel's default column width, in characters
FOOTER_RIGHT = "Halaman &P dari &N"


MIN_SCALE = 82             # Arial 10 printed at 80% is 8 pt, the smallest staff read on paper (a margin for rounding)
ACROSS_SCALE = 85          # a sheet too wide for that prints across pages at 8.5 pt
PAGE_POINTS = {"portrait": 595.0, "landscape": 842.0}  # A4 width
MARGIN_POINTS = 36.0       # 0.5 inch each side


def print_wide(ws: Worksheet, key_columns: str = "A:A") -> None:
    """Landscape A4, as wide as the page when that still prints at 8 pt or more; a wider sheet prints at 85% across
    as many pages as it needs, its `key_columns` (and title rows) repeated on every page."""
    _fit_width(ws, "landscape")
    ws.print_title_cols = key_columns  # no effect while the sheet fits one page wide


def column_points(width: float | None) -> float:
    """A column `width` characters wide, in points (Arial 10: 7 pixels a character and 5 of padding)."""
    return ((width or DEFAULT_WIDTH) * 7 + 5) * 0.75


def printed_width(ws: Worksheet) -> float:
    """The width of what prints: the print area's columns, else every column in use."""
    from openpyxl.utils import column_index_from_string, get_column_letter

    first, last = 1, ws.max_column
    area = ws.print_area
    if area:
        match = area if isinstance(area, str) else area[0]
        letters = [part.split("!")[-1].replace("$", "") for part in str(match).split(":")]
        first = column_index_from_string("".join(c for c in letters[0] if c.isalpha()))
        last = column_index_from_string("".join(c for c in letters[-1] if c.isalpha()))
    return sum(column_points(ws.column_dimensions[get_column_letter(c)].width) for c in range(first, last + 1))


def fit_scale(ws: Worksheet) -> int:
    """The scale at which the printed columns fit one page wide (percent, at most 100)."""
    available = PAGE_POINTS[ws.page_setup.orientation or "portrait"] - 2 * MARGIN_POINTS
    return min(100, int(available / max(printed_width(ws), 1) * 100))


def settle_scale(ws: Worksheet) -> None:
    """One page wide only while that prints at 8 pt or more; else at 85% across pages, key columns repeated."""
    if fit_scale(ws) >= MIN_SCALE or ws.page_setup.fitToHeight == 1:  # (a one-page summary stays one page)
        return
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = None
    ws.page_setup.scale = ACROSS_SCALE
    ws.page_setup.pageOrder = "overThenDown"  # the columns of a row of records side by side, page after page
    if not ws.print_title_cols:
        ws.print_title_cols = "A:A"


def print_tall(ws: Worksheet) -> None:
    """Portrait A4, one page wide (the Panduan and the Panel)."""
    _fit_width(ws, "portrait")


def _fit_width(ws: Worksheet, orientation: str) -> None:
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75


def header_and_footer(ws: Worksheet) -> None:
    """The sheet's name on top; the workbook's name and "Halaman x dari y" below."""
    for header in (ws.oddHeader, ws.firstHeader):
        header.center.text = "&A"
        header.center.size = 10  # headers and footers scale with the sheet: 10 pt prints at 8 pt or more
    for footer in (ws.oddFooter, ws.firstFooter):
        footer.left.text, footer.right.text = "&F", FOOTER_RIGHT
        footer.left.size = footer.right.size = 10


def _widths(ws: Worksheet) -> dict[int, float]:
    from openpyxl.utils import column_index_from_string

    return {column_index_from_string(letter): dimension.width
            for letter, dimension in ws.column_dimensions.items() if dimension.width}


def lines_needed(text: str, width: float) -> int:
    """How many lines a wrapped cell of `width` characters needs for `text` (a little generous, as Arial
    letters are wider than the digit '0' Excel measures widths in)."""
    per_line, text = max(width - 2, 1), str(text)
    if len(text) <= per_line and "\n" not in text:
        return 1
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def fitted_points(lines: int) -> float | None:
    """The row height for `lines` lines of Arial 10; None (the default height) for one line."""
    return min(LINE_POINTS * lines + PADDING_POINTS, MAX_ROW_POINTS) if lines > 1 else None


def row_points(texts: dict[int, str], widths: dict[int, float]) -> float | None:
    """The height that fits a row of wrapped cells (column -> text), columns `widths` characters wide."""
    lines = max((lines_needed(text, widths.get(column, DEFAULT_WIDTH)) for column, text in texts.items() if text),
                default=1)
    return fitted_points(lines)


@functools.cache
def _fitted_row() -> type:
    from openpyxl.worksheet.dimensions import RowDimension

    class FittedRow(RowDimension):
        """A row whose height the program fitted: written without customHeight, which openpyxl always sets."""

        @property
        def customHeight(self) -> bool:
            return False

    return FittedRow


def fit_row_heights(ws: Worksheet, first_row: int = 1) -> None:
    """Each row tall enough for its wrapped text; rows of one line keep the default height."""
    from openpyxl.worksheet.dimensions import RowDimension

    widths = _widths(ws)
    spans: dict[tuple[int, int], float] = {}
    for merged in ws.merged_cells.ranges:
        width = sum(widths.get(c, DEFAULT_WIDTH) for c in range(merged.min_col, merged.max_col + 1))
        spans[(merged.min_row, merged.min_col)] = width
        if merged.max_row > merged.min_row:
            spans[(merged.min_row, merged.min_col)] = -1  # a cell merged down: its rows share the text
    needed: dict[int, int] = {}
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            if not isinstance(cell.value, str) or cell.data_type == "f":  # a formula is not the text shown
                continue
            if not (cell.alignment and cell.alignment.wrap_text):
                continue
            width = spans.get((cell.row, cell.column), widths.get(cell.column, DEFAULT_WIDTH))
            if width < 0:
                continue
            needed[cell.row] = max(needed.get(cell.row, 1), lines_needed(cell.value, width))
    for row, lines in needed.items():
        dimension = ws.row_dimensions[row]
        height = fitted_points(lines)
        if height is not None and (dimension.height is None or dimension.height < height):
            dimension.height = height
            if type(dimension) is RowDimension:
                dimension.__class__ = _fitted_row()  # same row, written without customHeight


def finish_sheet(ws: Worksheet) -> None:
    """What every sheet gets: a header and footer, A4 one page wide when that prints at 8 pt or more (else 85%
    across pages with its key columns repeated), rows that fit their text."""
    header_and_footer(ws)
    if not ws.sheet_properties.pageSetUpPr or not ws.sheet_properties.pageSetUpPr.fitToPage:
        print_tall(ws)
        if fit_scale(ws) < MIN_SCALE:  # too wide for a portrait page at 8 pt: landscape first
            print_wide(ws)
    settle_scale(ws)
    fit_row_heights(ws)
