"""The open workbook's sheets as plain grids, read in one block per sheet."""
from __future__ import annotations

import datetime as dt
import re

from ..core.cells import column_letter
from ..workbook.grid import Grid

_ERROR = re.compile(r"^#(REF!|N/A|VALUE!|DIV/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$")
_EXCEL_TIME_DAY = dt.date(1899, 12, 30)


def _plain(value: object) -> object:
    """Values as the file reader gives them: a time-only cell as a time, the rest as xlwings reads it."""
    if isinstance(value, dt.datetime) and value.date() == _EXCEL_TIME_DAY:
        return value.time()
    return value


def read_sheet(sheet) -> tuple[Grid, list[tuple[str, str, str]]]:
    last = sheet.used_range.last_cell
    block = sheet.range((1, 1), (last.row, last.column)).options(ndim=2, err_to_str=True).value or []
    errors = []
    name = sheet.name
    for r, row in enumerate(block, start=1):
        for c, value in enumerate(row):
            kind = type(value)
            if kind is str and value[:1] == "#" and _ERROR.match(value):
                errors.append((name, f"{column_letter(c + 1)}{r}", value))
                row[c] = None
            elif kind is dt.datetime:
                row[c] = _plain(value)
    return Grid(name, block), errors
