"""A stand-in for the part of xlwings the macros use, behaving as xlwings does, on a real .xlsx.

What xlwings does that matters here: every number reads back as float (an ID typed as 7 is
7.0), empty cells and cells holding "" read as None, dates as naive datetime (a time-only cell
as a datetime on 30 Dec 1899), error cells as None unless err_to_str, a single cell as a
scalar and a single row as a flat list unless options(ndim=2); writes of scalars, rows and
blocks; a string starting with '=' written as a formula. Message boxes are recorded and
answered from a queue. `save()` writes the workbook back with openpyxl for comparison.
"""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, get_column_letter

TIME_DAY = dt.datetime(1899, 12, 30)


class App:
    def __init__(self):
        self.alerts: list[dict] = []
        self.answers: list[str] = []
        self.property_calls: list[dict] = []

    def alert(self, prompt, title=None, buttons="ok", mode=None, callback=None):
        self.alerts.append({"prompt": prompt, "title": title, "buttons": buttons, "mode": mode})
        if buttons == "ok":
            return "ok"
        return self.answers.pop(0) if self.answers else "cancel"

    @contextmanager
    def properties(self, **kwargs):
        self.property_calls.append(kwargs)
        yield self


class Book:
    def __init__(self, path: str | Path):
        self.fullname = str(Path(path).resolve())
        self.name = Path(path).name
        self._wb = load_workbook(path)
        self.app = App()
        self.selection = None
        self.reads = 0  # whole-block reads and writes, to see that macros do not loop cell by cell
        self.writes = 0

    @property
    def sheets(self):
        return Sheets(self)

    def select(self, sheet: str, first_row: int, last_row: int | None = None):
        self.selection = self.sheets[sheet].range((first_row, 1), (last_row or first_row, 1))

    def save(self, path=None):
        self._wb.save(path or self.fullname)


class Sheets:
    def __init__(self, book: Book):
        self.book = book

    def __iter__(self):
        return iter(Sheet(self.book, ws) for ws in self.book._wb.worksheets)

    def __getitem__(self, key):
        ws = self.book._wb.worksheets[key] if isinstance(key, int) else self.book._wb[key]
        return Sheet(self.book, ws)

    def add(self, name):
        return Sheet(self.book, self.book._wb.create_sheet(name))


class Sheet:
    def __init__(self, book: Book, ws):
        self.book, self.ws, self.name = book, ws, ws.title

    def range(self, first, last=None):
        return Range(self, _rowcol(first), _rowcol(last) if last is not None else None)

    def __getitem__(self, address):
        return self.range(address)

    @property
    def used_range(self):
        return Range(self, (1, 1), (max(self.ws.max_row, 1), max(self.ws.max_column, 1)))

    @property
    def tables(self):
        return [Table(self, t) for t in self.ws.tables.values()]


class Table:
    def __init__(self, sheet: Sheet, table):
        self.sheet, self.table = sheet, table

    @property
    def range(self):
        first, last = self.table.ref.split(":")
        return Range(self.sheet, _rowcol(first), _rowcol(last))

    def resize(self, rng):
        self.table.ref = f"{rng.address_plain}"
        if self.table.autoFilter is not None:
            self.table.autoFilter.ref = self.table.ref


def _rowcol(address):
    if isinstance(address, tuple):
        return address
    letters, row = coordinate_from_string(address.split(":")[0].replace("$", ""))
    return row, column_index_from_string(letters)


def _read(cell, err_to_str: bool):
    value = cell.value
    if cell.data_type == "e":
        return value if err_to_str else None
    if isinstance(value, str) and value.startswith("="):
        return None  # a formula: the stand-in has no calculation engine
    if value == "" or value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, dt.time):
        return dt.datetime.combine(TIME_DAY.date(), value)
    return value


class Range:
    def __init__(self, sheet: Sheet, first, last=None, ndim=None, err_to_str=False):
        self.sheet, self.first, self.last = sheet, first, last or first
        self.ndim, self.err_to_str = ndim, err_to_str

    def options(self, ndim=None, err_to_str=False, **_):
        return Range(self.sheet, self.first, self.last, ndim, err_to_str)

    @property
    def row(self):
        return self.first[0]

    @property
    def column(self):
        return self.first[1]

    @property
    def rows(self):
        return _Count(self.last[0] - self.first[0] + 1)

    @property
    def last_cell(self):
        return Range(self.sheet, self.last)

    @property
    def address_plain(self):
        a = f"{get_column_letter(self.first[1])}{self.first[0]}"
        b = f"{get_column_letter(self.last[1])}{self.last[0]}"
        return a if a == b else f"{a}:{b}"

    def _cells(self):
        return [[self.sheet.ws.cell(row=r, column=c) for c in range(self.first[1], self.last[1] + 1)]
                for r in range(self.first[0], self.last[0] + 1)]

    @property
    def value(self):
        self.sheet.book.reads += 1
        block = [[_read(c, self.err_to_str) for c in row] for row in self._cells()]
        if self.ndim == 2:
            return block
        if len(block) == 1 and len(block[0]) == 1:
            return block[0][0]
        if len(block) == 1:
            return block[0]
        if all(len(r) == 1 for r in block):
            return [r[0] for r in block]
        return block

    @value.setter
    def value(self, data):
        self.sheet.book.writes += 1
        if not isinstance(data, (list, tuple)):
            data = [[data]]
        elif data and not isinstance(data[0], (list, tuple)):
            data = [list(data)]
        for r, row in enumerate(data):
            for c, value in enumerate(row):
                cell = self.sheet.ws.cell(row=self.first[0] + r, column=self.first[1] + c)
                if isinstance(value, str) and not value.startswith("=") and cell.number_format != "@":
                    cell.value = value  # Excel would convert '001' to a number here; the text format prevents it
                else:
                    cell.value = value

    @property
    def number_format(self):
        return self._cells()[0][0].number_format

    @number_format.setter
    def number_format(self, value):
        for row in self._cells():
            for cell in row:
                cell.number_format = value

    @property
    def color(self):
        fill = self._cells()[0][0].fill
        if fill is None or fill.fill_type != "solid" or not isinstance(fill.fgColor.rgb, str):
            return None
        rgb = fill.fgColor.rgb[-6:]
        return tuple(int(rgb[i:i + 2], 16) for i in (0, 2, 4))

    @color.setter
    def color(self, value):
        fill = PatternFill() if value is None else PatternFill("solid", fgColor="%02X%02X%02X" % tuple(value))
        for row in self._cells():
            for cell in row:
                cell.fill = fill

    @property
    def note(self):
        comment = self._cells()[0][0].comment
        return _Note(self._cells()[0][0]) if comment is not None else None

    def add_note(self, text):
        self._cells()[0][0].comment = Comment(text, "iku-xl")
        return _Note(self._cells()[0][0])

    def add_hyperlink(self, address, text_to_display=None, screen_tip=None):
        cell = self._cells()[0][0]
        cell.hyperlink = address
        cell.value = text_to_display or address

    def clear_contents(self):
        for row in self._cells():
            for cell in row:
                cell.value = None


class _Count:
    def __init__(self, count):
        self.count = count


class _Note:
    def __init__(self, cell):
        self.cell = cell

    @property
    def text(self):
        return self.cell.comment.text

    def delete(self):
        self.cell.comment = None
