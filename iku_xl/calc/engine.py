"""An xlwings engine backed by LibreOffice Calc over UNO: the real xlwings package, with Calc behind it.

xlwings drives Excel on Windows and macOS; on other machines it has no engine of its own. This one puts a
running Calc behind xlwings' public Book, Sheet, Range and App, so that the macros run unchanged on a
document open in LibreOffice (the Panel inside Calc) and in the tests, against a real spreadsheet that
converts dates by number format, computes formulas and parses written strings as if they were typed.

The engine interface is xlwings' internal one (`xlwings.base_classes`): pinned to the tested xlwings 0.37.8.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from xlwings import base_classes

from ..core.cells import column_index, column_letter
from ..workbook.ooxml.sheet_xml import date_serial

EPOCH = dt.datetime(1899, 12, 30)
# LibreOffice error codes as Excel shows them
ERRORS = {502: "#VALUE!", 503: "#NUM!", 504: "#VALUE!", 519: "#VALUE!", 521: "#NULL!", 522: "#REF!",
          524: "#REF!", 525: "#NAME?", 532: "#DIV/0!", 32767: "#N/A"}
_A1 = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$")
_WHOLE = re.compile(r"^\$?([A-Za-z]{1,3}|\d+):\$?([A-Za-z]{1,3}|\d+)$")  # "A:A" whole columns, "2:5" whole rows
MAX_ROW, MAX_COLUMN = 1048576, 16384
DATE_TYPES = 2 | 4 | 8  # com.sun.star.util.NumberFormat.DATE | TIME | DATETIME (DATETIME = DATE | TIME)
TEXT_TYPE = 256  # com.sun.star.util.NumberFormat.TEXT


def from_serial(value: float) -> dt.datetime:
    """A date serial as xlwings gives it from Excel: to the second (sheet_xml's reading keeps the minute)."""
    moment = EPOCH + dt.timedelta(days=value)
    return (moment + dt.timedelta(microseconds=500_000)).replace(microsecond=0)


class Engine:
    """What xlwings asks of an engine besides its apps: how values are cleaned on the way in and out."""

    def __init__(self) -> None:
        self.apps = Apps()

    @property
    def name(self) -> str:
        return "calc"

    @property
    def type(self) -> str:
        return "desktop"

    @staticmethod
    def prepare_xl_data_element(x: Any, options: Any) -> Any:
        return "" if x is None else x  # dates stay dates: the range writes them with a date format

    @staticmethod
    def clean_value_data(data, datetime_builder, empty_as, number_builder, err_to_str):
        def clean(value):
            kind = type(value)
            if kind is str:  # the most common first: a sheet is mostly text and numbers
                return empty_as if value == "" else value
            if kind is float:
                return number_builder(value) if number_builder is not None else value
            if kind is CalcError:
                return value.text if err_to_str else None
            if kind is dt.datetime:
                return datetime_builder(value) if datetime_builder is not dt.datetime else value
            return value
        return [[clean(v) for v in row] for row in data]


class CalcError:
    def __init__(self, text: str) -> None:
        self.text = text


class Apps(base_classes.Apps):
    def __init__(self) -> None:
        self._apps: list[App] = []

    def keys(self):
        return [app.pid for app in self._apps]

    def add(self, spec=None, add_book=None, xl=None, visible=None):
        raise NotImplementedError("start LibreOffice yourself and wrap its desktop in calc.engine.App")

    def __iter__(self):
        return iter(self._apps)

    def __len__(self):
        return len(self._apps)

    def __getitem__(self, pid):
        return next(app for app in self._apps if app.pid == pid)


class App(base_classes.App):
    """One LibreOffice process: its desktop, and what message boxes were shown (and answered)."""

    def __init__(self, desktop, context, pid: int = 0, headless: bool = True, window=None) -> None:
        self.desktop = desktop
        self.window = window  # where message boxes go: the document's window
        self.context = context
        self._pid = pid
        self.headless = headless
        self.alerts: list[dict] = []
        self.answers: list[str] = []      # what a person would click, for headless runs
        self.calls = 0  # engine calls: each one a round trip to Excel (COM, AppleScript), the cost a macro pays
        self._screen_updating = True
        self._calculation = "automatic"
        self.books_open: list[Book] = []
        self.engine = ENGINE
        ENGINE.apps._apps.append(self)

    @property
    def api(self):
        return self.desktop

    @property
    def pid(self):
        return self._pid

    @property
    def version(self):
        return "LibreOffice"

    @property
    def books(self):
        return Books(self)

    @property
    def selection(self):
        book = self.books.active
        return book.selection if book else None

    @property
    def screen_updating(self):
        return self._screen_updating

    @screen_updating.setter
    def screen_updating(self, value):
        for book in self.books_open:
            if value and not self._screen_updating:
                book.document.unlockControllers()
            elif not value and self._screen_updating:
                book.document.lockControllers()
        self._screen_updating = bool(value)

    @property
    def calculation(self):
        return self._calculation

    @calculation.setter
    def calculation(self, value):
        for book in self.books_open:
            book.document.enableAutomaticCalculation(value != "manual")
            if value != "manual":
                book.document.calculateAll()
        self._calculation = value

    def calculate(self):
        for book in self.books_open:
            book.document.calculateAll()

    @property
    def display_alerts(self):
        return True

    @display_alerts.setter
    def display_alerts(self, value):
        pass

    @property
    def enable_events(self):
        return True

    @enable_events.setter
    def enable_events(self, value):
        pass

    def activate(self, steal_focus=False):
        pass

    def release(self) -> None:
        """Forget this process (it stays running: whoever started it stops it)."""
        if self in ENGINE.apps._apps:
            ENGINE.apps._apps.remove(self)

    def alert(self, prompt, title, buttons, mode, callback):
        """A message box in Calc; headless, the box is recorded and answered from `answers`."""
        self.alerts.append({"prompt": prompt, "title": title, "buttons": buttons, "mode": mode})
        if not self.headless:
            return _message_box(self, prompt, title, buttons, mode)
        if buttons == "ok":
            return "ok"
        return self.answers.pop(0) if self.answers else "cancel"


def _message_box(app: App, prompt, title, buttons, mode) -> str:
    """LibreOffice's own message box over the document's window."""
    from com.sun.star.awt.MessageBoxType import ERRORBOX, INFOBOX, QUERYBOX

    frame = app.desktop.getCurrentFrame()
    window = app.window or (frame.getContainerWindow() if frame else None)
    if window is None:
        return "ok" if buttons == "ok" else "cancel"
    toolkit = app.context.ServiceManager.createInstanceWithContext("com.sun.star.awt.Toolkit", app.context)
    kinds = {"critical": ERRORBOX, "info": INFOBOX}
    button_sets = {"ok": 1, "ok_cancel": 2, "yes_no": 3, "yes_no_cancel": 4}
    box = toolkit.createMessageBox(window, QUERYBOX if buttons != "ok" else kinds.get(mode, INFOBOX),
                                   button_sets.get(buttons, 1), title or "", prompt)
    answer = box.execute()
    return {1: "ok", 2: "yes", 3: "no", 0: "cancel"}.get(answer, "cancel")


class Books(base_classes.Books):
    def __init__(self, app: App) -> None:
        self.app = app

    @property
    def api(self):
        return self.app.desktop.getComponents()

    @property
    def active(self):
        return self.app.books_open[-1] if self.app.books_open else None

    def __call__(self, name_or_index):
        if isinstance(name_or_index, int):
            return self.app.books_open[name_or_index - 1]
        for book in self.app.books_open:
            if book.name == name_or_index:
                return book
        raise KeyError(name_or_index)  # xlwings opens the file when the name is not open yet

    def open(self, fullname, *args, **kwargs):
        """A workbook opened hidden beside the one the macro runs on (to copy sheets from)."""
        import uno
        from com.sun.star.beans import PropertyValue

        hidden = PropertyValue()
        hidden.Name, hidden.Value = "Hidden", True
        document = self.app.desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(fullname)), "_blank", 0,
                                                          (hidden,))
        return Book(self.app, document, str(fullname))

    def __len__(self):
        return len(self.app.books_open)

    def __iter__(self):
        return iter(self.app.books_open)


class Book(base_classes.Book):
    """A Calc document, as xlwings sees a workbook."""

    def __init__(self, app: App, document, fullname: str = "") -> None:
        self._app = app
        self.document = document
        self._fullname = fullname
        self._names: dict[str, str] = {}
        self._parser: Any = None
        app.books_open.append(self)

    def formula_tokens(self, formula: str, sheet: int, row: int, column: int):
        """An Excel formula ("=HYPERLINK(\"#'Kasus'!A5\",\"Buka\")") as Calc's tokens for the cell at (row, column),
        0-based: read with Excel's names, separators and references, as Calc reads an .xlsx. Calc's own formula
        text takes ';' and 'Sheet.A1', so an Excel formula given to it as text shows Err:508."""
        from com.sun.star.sheet.AddressConvention import XL_OOX
        from com.sun.star.sheet.FormulaLanguage import OOXML
        from com.sun.star.sheet.FormulaMapGroup import ALL_EXCEPT_SPECIAL
        from com.sun.star.table import CellAddress

        if self._parser is None:
            self._parser = self.document.createInstance("com.sun.star.sheet.FormulaParser")
            mapper = self.document.createInstance("com.sun.star.sheet.FormulaOpCodeMapper")
            self._parser.OpCodeMap = mapper.getAvailableMappings(OOXML, ALL_EXCEPT_SPECIAL)
            self._parser.FormulaConvention = XL_OOX
        where = CellAddress()
        where.Sheet, where.Column, where.Row = sheet, column, row
        return self._parser.parseFormula(formula, where)

    @property
    def api(self):
        return self.document

    @property
    def name(self):
        return self._fullname.replace("\\", "/").rsplit("/", 1)[-1] if self._fullname else self.document.Title

    @property
    def fullname(self):
        return self._fullname

    @property
    def sheets(self):
        return Sheets(self)

    @property
    def app(self):
        return self._app

    @property
    def names(self):
        return Names(self)

    @property
    def selection(self) -> Range | None:
        """The selected cells, as the document's controller holds them."""
        try:
            picked = self.document.getCurrentController().getSelection()
        except Exception:
            return None
        return _range_from_uno(self, picked)

    def select(self, address: str, sheet: str) -> None:
        """Select cells of a sheet as a person would: "A5", "A2:A9", "A2:A3,A5" (Ctrl+click)."""
        target = self.sheets(sheet)
        ranges = self.document.createInstance("com.sun.star.sheet.SheetCellRanges")
        for r1, c1, r2, c2 in _areas(address):
            ranges.addRangeAddress(target.xl.getCellRangeByPosition(c1 - 1, r1 - 1, c2 - 1, r2 - 1).RangeAddress,
                                   False)
        target.activate()
        self.document.getCurrentController().select(ranges)

    def close(self):
        self.document.close(True)
        self._app.books_open.remove(self)

    def save(self, path=None, password=None):
        import uno
        from com.sun.star.beans import PropertyValue

        target = path or self._fullname
        item = PropertyValue()
        item.Name, item.Value = "FilterName", "Calc MS Excel 2007 XML"
        self.document.storeToURL(uno.systemPathToFileUrl(str(target)), (item,))

    def activate(self):
        pass


def _range_from_uno(book: Book, picked) -> Range | None:
    if picked is None:
        return None
    if hasattr(picked, "getRangeAddresses"):  # several areas (Ctrl+click)
        addresses = picked.getRangeAddresses()
    elif hasattr(picked, "getRangeAddress"):
        addresses = (picked.getRangeAddress(),)
    else:
        return None
    if not addresses:
        return None
    areas = [(a.StartRow + 1, a.StartColumn + 1, a.EndRow + 1, a.EndColumn + 1) for a in addresses]
    return Range(Sheet(book, addresses[0].Sheet), *areas[0], areas=areas)


class Sheets(base_classes.Sheets):
    def __init__(self, book: Book) -> None:
        self.book = book

    @property
    def api(self):
        return self.book.document.Sheets

    @property
    def active(self):
        controller = self.book.document.getCurrentController()
        return Sheet(self.book, controller.getActiveSheet().RangeAddress.Sheet)

    def __call__(self, name_or_index):
        sheets = self.book.document.Sheets
        if isinstance(name_or_index, int):
            return Sheet(self.book, name_or_index - 1)
        names = list(sheets.ElementNames)
        if name_or_index not in names:  # Excel finds a sheet whatever the case of its name
            wanted = str(name_or_index).casefold()
            name_or_index = next((n for n in names if n.casefold() == wanted), name_or_index)
        return Sheet(self.book, names.index(name_or_index))

    def __len__(self):
        return self.book.document.Sheets.Count

    def __iter__(self):
        for index in range(len(self)):
            yield Sheet(self.book, index)

    def add(self, before=None, after=None, name=None):
        sheets = self.book.document.Sheets
        position = sheets.Count if after is None and before is None else (
            before.index - 1 if before is not None else after.index)
        new = name or f"Sheet{sheets.Count + 1}"
        sheets.insertNewByName(new, position)
        return Sheet(self.book, position)


class Sheet(base_classes.Sheet):
    def __init__(self, book: Book, index: int) -> None:
        self._book = book
        self._index = index
        book.app.calls += 1
        self.xl = book.document.Sheets.getByIndex(index)

    @property
    def api(self):
        return self.xl

    @property
    def name(self):
        return self.xl.Name

    @name.setter
    def name(self, value):
        self.xl.Name = value

    @property
    def book(self):
        return self._book

    @property
    def index(self):
        return self._index + 1

    def range(self, arg1, arg2=None):
        if isinstance(arg1, str) and "," in arg1:  # a union, as Excel takes "A1:B2,D4"
            areas = _areas(arg1)
            return Range(self, *areas[0], areas=areas)
        r1, c1, r2, c2 = _address(arg1)
        if arg2 is not None:
            r3, c3, r4, c4 = _address(arg2)
            r1, c1, r2, c2 = min(r1, r3), min(c1, c3), max(r2, r4), max(c2, c4)
        return Range(self, r1, c1, r2, c2)

    @property
    def cells(self):
        return Range(self, 1, 1, MAX_ROW, MAX_COLUMN)

    @property
    def used_range(self):
        self._book.app.calls += 1
        cursor = self.xl.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.RangeAddress
        return Range(self, 1, 1, max(end.EndRow + 1, 1), max(end.EndColumn + 1, 1))

    @property
    def tables(self):
        return Tables(self)

    def activate(self):
        self._book.document.getCurrentController().setActiveSheet(self.xl)

    def select(self):
        self.activate()

    def clear_contents(self):
        self.used_range.clear_contents()

    def copy(self, before=None, after=None):
        """Into another open document (or this one), with its formats, as Excel's Sheet.Copy does."""
        target = (before or after).book
        position = before._index if before is not None else after._index + 1
        if target is self._book:
            self._book.document.Sheets.copyByName(self.name, f"{self.name} (2)", position)
        else:
            target.document.Sheets.importSheet(self._book.document, self.name, position)

    def __eq__(self, other):
        return isinstance(other, Sheet) and other._book is self._book and other._index == self._index


def _address(arg) -> tuple[int, int, int, int]:
    if isinstance(arg, Range):
        return arg.first_row, arg.first_column, arg.last_row, arg.last_column
    if isinstance(arg, tuple):
        return arg[0], arg[1], arg[0], arg[1]
    whole = _WHOLE.match(str(arg).strip())
    if whole and whole.group(1).isdigit() == whole.group(2).isdigit():
        first, last = whole.groups()
        if first.isdigit():
            return int(first), 1, int(last), MAX_COLUMN
        return 1, column_index(first), MAX_ROW, column_index(last)
    match = _A1.match(str(arg).strip())
    if not match:
        raise ValueError(f"not a cell address: {arg}")
    r1, c1 = int(match.group(2)), column_index(match.group(1))
    if match.group(3):
        return r1, c1, int(match.group(4)), column_index(match.group(3))
    return r1, c1, r1, c1


def _areas(address: str) -> list[tuple[int, int, int, int]]:
    return [_address(part) for part in address.split(",") if part.strip()]


class Range(base_classes.Range):
    """A block of cells; reads and writes go to Calc in one call for the whole block."""

    def __init__(self, sheet: Sheet, first_row: int, first_column: int, last_row: int, last_column: int,
                 areas: list[tuple[int, int, int, int]] | None = None) -> None:
        self._sheet = sheet
        self.first_row, self.first_column = first_row, first_column
        self.last_row, self.last_column = last_row, last_column
        self.areas = areas or [(first_row, first_column, last_row, last_column)]
        self.options: dict = {}

    @property
    def xl(self):
        """The cells in Calc; a union of areas is one SheetCellRanges, so a colour reaches them all at once."""
        app = self._sheet.book.app
        app.calls += 1
        if len(self.areas) == 1:
            return self._sheet.xl.getCellRangeByPosition(self.first_column - 1, self.first_row - 1,
                                                         self.last_column - 1, self.last_row - 1)
        ranges = self._sheet.book.document.createInstance("com.sun.star.sheet.SheetCellRanges")
        ranges.addRangeAddresses(_range_addresses(self._sheet._index, self.areas), False)
        return ranges

    @property
    def api(self):
        return self.xl

    @property
    def coords(self):
        return self._sheet.name, self.first_row, self.first_column, *self.shape

    def __len__(self):
        return self.shape[0] * self.shape[1]

    @property
    def row(self):
        return self.first_row

    @property
    def column(self):
        return self.first_column

    @property
    def shape(self):
        return self.last_row - self.first_row + 1, self.last_column - self.first_column + 1

    @property
    def sheet(self):
        return self._sheet

    @property
    def address(self):
        """"$A$2:$A$3,$A$5" for a union, as Excel writes it."""
        parts = []
        for r1, c1, r2, c2 in self.areas:
            start = f"${column_letter(c1)}${r1}"
            parts.append(start if (r1, c1) == (r2, c2) else f"{start}:${column_letter(c2)}${r2}")
        return ",".join(parts)

    def get_address(self, row_absolute=True, col_absolute=True, external=False):
        text = self.address
        if not row_absolute or not col_absolute:
            text = text.replace("$", "")
        return text

    @property
    def raw_value(self):
        """Values as Excel gives them: dates by number format, errors as error values, empty as ''."""
        block = self.xl
        data = [list(row) for row in block.getDataArray()]
        formats = block.getPropertyValue("NumberFormat") if self.shape == (1, 1) else None
        if formats is not None or any(isinstance(v, float) for row in data for v in row):
            self._dates_by_format(block, data)
        errors = block.queryFormulaCells(4)  # com.sun.star.sheet.FormulaResult.ERROR
        for address in errors.RangeAddresses:
            for r in range(address.StartRow, address.EndRow + 1):
                for c in range(address.StartColumn, address.EndColumn + 1):
                    cell = self._sheet.xl.getCellByPosition(c, r)
                    data[r - self.first_row + 1][c - self.first_column + 1] = CalcError(
                        ERRORS.get(cell.getError(), "#VALUE!"))
        return data

    @raw_value.setter
    def raw_value(self, value):
        """Written as if typed, as Excel does: text is parsed (a date, a number) unless the cell is Text ("@")."""
        rows = value if isinstance(value, list) and value and isinstance(value[0], list) else [[value]]
        height, width = len(rows), max(len(r) for r in rows)
        target = self._sheet.xl.getCellRangeByPosition(self.first_column - 1, self.first_row - 1,
                                                       self.first_column + width - 2, self.first_row + height - 2)
        self._sheet.book.app.calls += 1
        typed = [[_calc_link(v) if _is_formula(v) else _as_typed(v) for v in row] + [""] * (width - len(row))
                 for row in rows]
        notes = self._notes_in(target)
        target.setFormulaArray(tuple(tuple(row) for row in typed))
        book, formulas = self._sheet.book, False
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if _is_formula(v) and not _calc_link(v):
                    at = (self.first_row + r - 1, self.first_column + c - 1)
                    tokens = book.formula_tokens(v, self._sheet._index, *at)
                    self._sheet.xl.getCellByPosition(at[1], at[0]).setTokens(tokens)
                    formulas = True
        if formulas and book.app.calculation != "manual":  # cells given tokens wait to be computed until asked
            book.document.calculate()
        if any(isinstance(v, str) for row in rows for v in row):
            self._strings_kept_in_text_cells(target, rows)
        self._dates_shown_as_dates(target, rows)
        self._notes_put_back(notes)

    def _notes_in(self, target) -> list[tuple[int, int, str]]:
        """The notes in the cells about to be written: Excel keeps a cell's note when its value changes, Calc's
        array writes drop it. One call when there are none."""
        found = []
        for a in target.queryContentCells(8).RangeAddresses:  # com.sun.star.sheet.CellFlags.ANNOTATION
            for r in range(a.StartRow, a.EndRow + 1):
                for c in range(a.StartColumn, a.EndColumn + 1):
                    found.append((r, c, self._sheet.xl.getCellByPosition(c, r).getAnnotation().getString()))
        return found

    def _notes_put_back(self, notes: list[tuple[int, int, str]]) -> None:
        from com.sun.star.table import CellAddress

        for r, c, text in notes:
            if text and not self._sheet.xl.getCellByPosition(c, r).getAnnotation().getString():
                address = CellAddress()
                address.Sheet, address.Column, address.Row = self._sheet._index, c, r
                self._sheet.xl.getAnnotations().insertNew(address, text)

    def _cells_of_kind(self, block, kind: int) -> list:
        """The RangeAddresses of `block` whose number format is of `kind` (dates, text): one look per group of
        cells sharing a format (Calc's unique format ranges), never cell by cell."""
        formats = self._sheet.book.document.NumberFormats
        groups = block.getUniqueCellFormatRanges()
        found = []
        for index in range(groups.Count):
            group = groups.getByIndex(index)
            try:
                matches = bool(formats.getByKey(group.NumberFormat).Type & kind)
            except Exception:
                matches = False
            if matches:
                found += list(group.RangeAddresses)
        return found

    def _dates_by_format(self, block, data) -> None:
        """Calc hands dates over as serial numbers; a cell formatted as a date reads as a datetime."""
        for address in self._cells_of_kind(block, DATE_TYPES):
            for r in range(address.StartRow, address.EndRow + 1):
                row = data[r - self.first_row + 1]
                for c in range(address.StartColumn, address.EndColumn + 1):
                    if isinstance(row[c - self.first_column + 1], float):
                        row[c - self.first_column + 1] = from_serial(row[c - self.first_column + 1])

    def _strings_kept_in_text_cells(self, target, rows) -> None:
        """Excel stores a string written to a cell formatted as Text ("@") as it is; Calc's formula array
        would still parse "1/2" into a date there, so those cells get the string itself: each run of Text
        cells in one data array, cell by cell only where a number or a date was written among them."""
        for a in self._cells_of_kind(target, TEXT_TYPE):
            block = [[_cell_of(rows, r - self.first_row + 1, c - self.first_column + 1)
                      for c in range(a.StartColumn, a.EndColumn + 1)] for r in range(a.StartRow, a.EndRow + 1)]
            if not any(isinstance(v, str) for row in block for v in row):
                continue
            if all(v is None or isinstance(v, str) for row in block for v in row):
                part = self._sheet.xl.getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow)
                part.setDataArray(tuple(tuple("" if v is None else v for v in row) for row in block))
                continue
            for r, row in enumerate(block, start=a.StartRow):
                for c, value in enumerate(row, start=a.StartColumn):
                    if isinstance(value, str):
                        self._sheet.xl.getCellByPosition(c, r).setString(value)

    def _dates_shown_as_dates(self, target, rows) -> None:
        """A date written to a General cell shows as a date, as in Excel: one format call per kind of date."""
        dated = [(r, c, v) for r, row in enumerate(rows) for c, v in enumerate(row)
                 if isinstance(v, (dt.date, dt.datetime, dt.time))]
        if not dated:
            return
        shown = {(r, c) for a in self._cells_of_kind(target, DATE_TYPES)
                 for r in range(a.StartRow, a.EndRow + 1) for c in range(a.StartColumn, a.EndColumn + 1)}
        wanted: dict[str, list[tuple[int, int]]] = {}
        for r, c, value in dated:
            at = (self.first_row - 1 + r, self.first_column - 1 + c)
            if at not in shown:
                wanted.setdefault("DD/MM/YYYY HH:MM" if isinstance(value, dt.datetime) else (
                    "HH:MM" if isinstance(value, dt.time) else "DD/MM/YYYY"), []).append(at)
        book = self._sheet.book
        for text, cells in wanted.items():
            ranges = book.document.createInstance("com.sun.star.sheet.SheetCellRanges")
            ranges.addRangeAddresses(_range_addresses(self._sheet._index, [(r + 1, c + 1, r + 1, c + 1)
                                                                           for r, c in cells]), True)
            ranges.NumberFormat = _format_key(book, text)

    def clear_contents(self):
        from com.sun.star.sheet.CellFlags import DATETIME, FORMULA, STRING, VALUE

        self.xl.clearContents(VALUE | DATETIME | STRING | FORMULA)

    @property
    def number_format(self):
        key = self.xl.NumberFormat
        return self._sheet.book.document.NumberFormats.getByKey(key).FormatString

    @number_format.setter
    def number_format(self, value):
        self.xl.NumberFormat = _format_key(self._sheet.book, value)

    @property
    def color(self):
        """The fill the cells share; cells whose fills differ fail as xlwings fails on Excel's answer for them
        (no single colour: Null). Calc would answer "no fill" for them."""
        from com.sun.star.beans.PropertyState import AMBIGUOUS_VALUE

        block = self.xl
        if block.getPropertyState("CellBackColor") == AMBIGUOUS_VALUE:
            raise TypeError("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'")
        return _fill(block.CellBackColor)

    @color.setter
    def color(self, color_or_rgb):
        block = self.xl
        if color_or_rgb is None:
            block.CellBackColor = -1
            block.IsCellBackgroundTransparent = True
            return
        if isinstance(color_or_rgb, str):
            color_or_rgb = tuple(int(color_or_rgb.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
        if isinstance(color_or_rgb, tuple):
            red, green, blue = color_or_rgb
            color_or_rgb = (red << 16) | (green << 8) | blue
        block.CellBackColor = color_or_rgb

    def __call__(self, *args):
        if len(args) == 1:
            index = args[0] - 1
            row, column = divmod(index, self.shape[1])
        else:
            row, column = args[0] - 1, args[1] - 1
        r, c = self.first_row + row, self.first_column + column
        return Range(self._sheet, r, c, r, c)

    @property
    def note(self):
        self._sheet.book.app.calls += 1
        cell = self._sheet.xl.getCellByPosition(self.first_column - 1, self.first_row - 1)
        text = cell.getAnnotation().getString()
        return Note(self) if text else None

    def add_note(self, text):
        from com.sun.star.table import CellAddress

        self._sheet.book.app.calls += 1
        address = CellAddress()
        address.Sheet, address.Column, address.Row = self._sheet._index, self.first_column - 1, self.first_row - 1
        self._sheet.xl.getAnnotations().insertNew(address, text)
        return Note(self)

    def add_hyperlink(self, address, text_to_display=None, screen_tip=None):
        self._sheet.book.app.calls += 1
        cell = self._sheet.xl.getCellByPosition(self.first_column - 1, self.first_row - 1)
        cell.setString("")
        field = self._sheet.book.document.createInstance("com.sun.star.text.TextField.URL")
        url = address if "://" in address else "file://" + address
        field.URL, field.Representation = url, text_to_display or address
        cell.insertTextContent(cell.createTextCursor(), field, False)

    @property
    def hyperlink(self):
        return None

    def end(self, direction):
        return self

    def expand(self, mode="table"):
        """To the end of the block of filled cells this cell starts, as Excel's Ctrl+Shift+End would."""
        cursor = self._sheet.xl.createCursorByRange(self.xl)
        cursor.collapseToCurrentRegion()
        end = cursor.getRangeAddress()
        last_row = end.EndRow + 1 if mode in ("table", "down", "d") else self.last_row
        last_column = end.EndColumn + 1 if mode in ("table", "right", "r") else self.last_column
        return Range(self._sheet, self.first_row, self.first_column, max(last_row, self.last_row),
                     max(last_column, self.last_column))

    @property
    def row_height(self):
        """In points; 0 for rows hidden (by a filter or by hand), None when the rows differ, as in Excel."""
        rows = self.xl.Rows
        heights = {0.0 if not rows.getByIndex(i).IsVisible else round(rows.getByIndex(i).Height / 35.28, 2)
                   for i in range(rows.Count)}
        return heights.pop() if len(heights) == 1 else None

    @row_height.setter
    def row_height(self, value):
        self.xl.Rows.Height = round(value * 35.28)

    @property
    def formula(self):
        return self.xl.getFormulaArray()

    @formula.setter
    def formula(self, value):
        self.raw_value = value


def _range_addresses(sheet: int, areas) -> tuple:
    """Areas (1-based first row, first column, last row, last column) as Calc's range addresses, made here
    rather than asked of Calc one by one."""
    from com.sun.star.table import CellRangeAddress

    addresses = []
    for r1, c1, r2, c2 in areas:
        address = CellRangeAddress()
        address.Sheet, address.StartColumn, address.StartRow, address.EndColumn, address.EndRow = (
            sheet, c1 - 1, r1 - 1, c2 - 1, r2 - 1)
        addresses.append(address)
    return tuple(addresses)


def _format_key(book: Book, text: str) -> int:
    from com.sun.star.lang import Locale

    formats = book.document.NumberFormats
    locale = Locale()
    key = int(formats.queryKey(text, locale, False))
    return key if key != -1 else int(formats.addNew(text, locale))


def _cell_of(rows, r: int, c: int):
    return rows[r][c] if r < len(rows) and c < len(rows[r]) else None


def _fill(value) -> tuple[int, int, int] | None:
    if value is None or value < 0:
        return None
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


_LINK = re.compile(r'^=HYPERLINK\(("(?:[^"]|"")*")\s*,\s*("(?:[^"]|"")*")\)$', re.IGNORECASE)


def _calc_link(formula: str) -> str:
    """A link of two texts (Temuan's "Buka", Kasus' Naskah) as Calc's own formula text, written with the rest of
    the block; "" for any other formula, which is parsed cell by cell as Calc reads an .xlsx."""
    match = _LINK.match(formula)
    return f"=HYPERLINK({match.group(1)};{match.group(2)})" if match else ""


def _is_formula(value) -> bool:
    return isinstance(value, str) and len(value) > 1 and value.startswith("=")


def _as_typed(value) -> str:
    """A value as a person would type it into Calc (en-US, as the tests' profile runs)."""
    if value is None or value == "":
        return ""
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return repr(date_serial(value))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, int):
        return str(value)
    return str(value)


class Note(base_classes.Note):
    def __init__(self, cell: Range) -> None:
        self.cell = cell

    @property
    def api(self):
        return self.cell.xl

    @property
    def text(self):
        c = self.cell
        c.sheet.book.app.calls += 1
        return c.sheet.xl.getCellByPosition(c.first_column - 1, c.first_row - 1).getAnnotation().getString()

    @text.setter
    def text(self, value):
        self.delete()
        self.cell.add_note(value)

    def delete(self):
        c = self.cell
        c.sheet.book.app.calls += 1
        cell = c.sheet.xl.getCellByPosition(c.first_column - 1, c.first_row - 1)
        cell.clearContents(8)  # com.sun.star.sheet.CellFlags.ANNOTATION: this cell's note only, at once


def _calc_reference(excel: str) -> str:
    """"='Daftar Pilihan'!$A$2:$A$5" as Calc writes it: "$'Daftar Pilihan'.$A$2:$A$5"."""
    text = excel.lstrip("=")
    if "!" not in text:
        return text
    sheet, cells = text.rsplit("!", 1)
    return f"${sheet}.{cells}"


def _excel_reference(calc: str) -> str:
    if "." not in calc:
        return f"={calc}"
    sheet, cells = calc.rsplit(".", 1)
    return f"={sheet.lstrip('$')}!{cells}"


class Names(base_classes.Names):
    """Defined names: Calc's named ranges, written the way Excel writes them."""

    def __init__(self, book: Book) -> None:
        self.book = book

    @property
    def api(self):
        return self.book.document.NamedRanges

    def __call__(self, name_or_index):
        ranges = self.api
        names = list(ranges.ElementNames)
        name = names[name_or_index - 1] if isinstance(name_or_index, int) else name_or_index
        if name not in names:
            raise KeyError(name)
        return Name(self.book, name)

    def contains(self, name_or_index):
        return name_or_index in list(self.api.ElementNames)

    def __len__(self):
        return self.api.Count

    def add(self, name, refers_to):
        from com.sun.star.table import CellAddress

        self.api.addNewByName(name, _calc_reference(refers_to), CellAddress(), 0)
        return Name(self.book, name)


class Name(base_classes.Name):
    def __init__(self, book: Book, name: str) -> None:
        self.book, self._name = book, name

    @property
    def api(self):
        return self.book.document.NamedRanges.getByName(self._name)

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self.api.setName(value)
        self._name = value

    @property
    def refers_to(self):
        return _excel_reference(self.api.getContent())

    @refers_to.setter
    def refers_to(self, value):
        self.api.setContent(_calc_reference(value))

    def delete(self):
        self.book.document.NamedRanges.removeByName(self._name)


class Tables(base_classes.Tables):
    """Excel Tables: LibreOffice keeps them as database ranges."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet

    def _ranges(self):
        ranges = self.sheet.book.document.DatabaseRanges
        for name in ranges.ElementNames:
            found = ranges.getByName(name)
            if found.DataArea.Sheet == self.sheet._index:
                yield name, found

    def __iter__(self):
        for name, found in self._ranges():
            yield Table(self.sheet, name, found)

    def __len__(self):
        return len(list(self._ranges()))

    def __call__(self, name_or_index):
        tables = list(self)
        if isinstance(name_or_index, int):
            return tables[name_or_index - 1]
        return next(t for t in tables if t.name == name_or_index)


class Table(base_classes.Table):
    def __init__(self, sheet: Sheet, name: str, uno_range) -> None:
        self.sheet, self._name, self.uno = sheet, name, uno_range

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self.sheet.book.document.DatabaseRanges.getByName(self._name).Name = value
        self._name = value

    @property
    def range(self):
        a = self.uno.DataArea
        return Range(self.sheet, a.StartRow + 1, a.StartColumn + 1, a.EndRow + 1, a.EndColumn + 1)

    def resize(self, range):
        target = getattr(range, "impl", range)
        area = self.uno.DataArea
        area.EndRow, area.EndColumn = target.last_row - 1, target.last_column - 1
        self.uno.DataArea = area


ENGINE = Engine()


def xlwings_engine():
    """The engine registered with xlwings, once."""
    import xlwings as xw

    if "calc" not in xw.engines.engines_by_name:
        xw.engines.add(xw.main.Engine(impl=ENGINE))
    return xw.engines["calc"]


def wrap(app: App, document, fullname: str = ""):
    """An xlwings Book over a Calc document."""
    import xlwings as xw

    xlwings_engine()
    return xw.Book(impl=Book(app, document, fullname))
