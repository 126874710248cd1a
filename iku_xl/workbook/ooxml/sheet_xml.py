"""A worksheet's sheetData read and edited as text: the one place where XML meets regular expressions.

A Riwayat of years is tens of MB of XML; parsing it into a tree for one appended row costs seconds
and hundreds of MB, while cutting the row out of the text costs milliseconds. So the rows and cells of
sheetData are found by pattern here, and only here; everything outside sheetData and every other part
is handled with lxml (`parts.py`). The patterns accept what the format allows: rows and cells without
`r` (numbered from the one before), any namespace prefix, inline and shared strings, shared formulas.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from ...core.cells import column_index, column_letter

_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)

_CELL = re.compile(r"<(?P<p>\w+:)?c\b(?P<attrs>[^>]*?)(?:/>|>(?P<inner>.*?)</(?P=p)?c>)", re.S)
_R_CELL = re.compile(r'\br="([A-Z]+)(\d+)"')
_R_ROW = re.compile(r'\br="(\d+)"')
_STYLE = re.compile(r'\bs="(\d+)"')
_TYPE = re.compile(r'\bt="(\w+)"')
_SPANS = re.compile(r'\s+spans="(\d+):(\d+)"')
_HEIGHT = re.compile(r'\s+ht="[^"]*"')
_SET_BY_HAND = re.compile(r'\bcustomHeight="(1|true)"')
_COL = re.compile(r'<(?:\w+:)?col\b([^>]*?)/?>')
_ATTR = re.compile(r'\b(min|max|width)="([^"]*)"')
_FILLED = re.compile(r"<(?:\w+:)?(?:v|is|f)\b")
_FORMULA = re.compile(r"<(?:\w+:)?f\b(?P<attrs>[^>]*?)(?:/>|>(?P<text>.*?)</(?:\w+:)?f>)", re.S)
_VALUE = re.compile(r"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)
_TEXT = re.compile(r"<(?:\w+:)?t\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?t>)", re.S)
_PHONETIC = re.compile(r"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.S)
_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
# a cell as Excel, Calc, openpyxl and this program write it: r= first, then s= and t=, a value or inline text
_PLAIN_CELL = re.compile(r'<c r="([A-Z]{1,3})\d+"(?: s="(\d+)")?(?: t="(\w+)")?(?:/>|>(?:</c>|<v>([^<]*)</v></c>|'
                         r'<is><t(?: xml:space="preserve")?>([^<]*)</t></is></c>))')
_COLUMN_NUMBERS = {column_letter(n): n for n in range(1, 703)}  # A..ZZ
_FINDS_BEFORE_INDEX = 8  # rows looked up one by one before every row's opening is indexed
_REMEMBERED_VALUES = 100_000  # distinct cell texts a column scan keeps decoded (bounded: a column of unique values)
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_XSTRING = re.compile(r"_x([0-9A-Fa-f]{4})_")
# characters XML 1.0 cannot carry (and CR, which a parser turns into LF) are written as _xHHHH_, as Excel does
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


@dataclass(frozen=True)
class Formula:
    text: str  # as typed after the '=', not XML-escaped
    shown: str | None = None  # the text it gives, stored as its cached result for readers that do not compute


@dataclass(frozen=True)
class Cell:
    """One cell as it stands in the XML."""
    column: int
    style: str | None
    formula: str | None  # unescaped; None when the cell has none (or is a shared formula's follower)
    value: object        # float, str, bool, None; an error cell reads None
    error: str | None = None


# text <-> XML

def unescape(text: str) -> str:
    """XML character and entity references resolved, once."""
    def resolve(match: re.Match) -> str:
        name = match.group(1)
        if name[0] == "#":
            return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
        return _NAMED[name]
    return _ENTITY.sub(resolve, text) if "&" in text else text


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def decode_xstring(text: str) -> str:
    """Cell text as stored (`_x000D_` for a carriage return) back to its characters."""
    return _XSTRING.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def encode_xstring(text: str) -> str:
    """Characters XML cannot hold become `_xHHHH_`; a literal `_xHHHH_` keeps its underscore as `_x005F_`."""
    return _UNSAFE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def xml_text(text: str) -> str:
    """Text as a cell's XML holds it, in the latin-1 form sheet text is held in (for searching)."""
    return escape(encode_xstring(text)).encode("utf-8").decode("latin-1")


def utf8(text: str) -> str:
    """Text cut from the sheet (held as latin-1, one character per byte) as the characters it really is."""
    return text.encode("latin-1").decode("utf-8")


def string_item_text(xml: str) -> str:
    """The text of an <si> or <is> element: its <t> runs, phonetic guides left out."""
    xml = _PHONETIC.sub("", xml)
    return "".join(decode_xstring(unescape(t or "")) for t in _TEXT.findall(xml))


# dates

def date_serial(value: dt.date | dt.datetime | dt.time, date1904: bool = False) -> float:
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    delta = value - (_EPOCH_1904 if date1904 else _EPOCH_1900)
    return round(delta.days + delta.seconds / 86400, 10)


def from_serial(value: object, date1904: bool = False) -> object:
    """A date serial back to a datetime (to the minute); anything else as it is."""
    if not isinstance(value, float):
        return value
    moment = (_EPOCH_1904 if date1904 else _EPOCH_1900) + dt.timedelta(days=value)
    return (moment + dt.timedelta(seconds=30)).replace(second=0, microsecond=0)


# one cell

def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


def cell_xml(ref: str, value: object, style: str | None, prefix: str = "", date1904: bool = False) -> str:
    """A new cell: text as an inline string, numbers and dates as numbers, Formula as a formula."""
    s = f' s="{style}"' if style not in (None, "", "0") else ""
    c = f"{prefix}c"
    if value is None or value == "":
        return f'<{c} r="{ref}"{s}/>'
    if isinstance(value, Formula) and value.shown is not None:
        return (f'<{c} r="{ref}"{s} t="str"><{prefix}f>{escape(value.text)}</{prefix}f>'
                f'<{prefix}v>{escape(encode_xstring(value.shown))}</{prefix}v></{c}>')
    if isinstance(value, Formula):
        return f'<{c} r="{ref}"{s}><{prefix}f>{escape(value.text)}</{prefix}f></{c}>'
    if isinstance(value, bool):
        return f'<{c} r="{ref}"{s} t="b"><{prefix}v>{int(value)}</{prefix}v></{c}>'
    if isinstance(value, (int, float)):
        return f'<{c} r="{ref}"{s}><{prefix}v>{_number(value)}</{prefix}v></{c}>'
    if isinstance(value, (dt.date, dt.time)):
        return f'<{c} r="{ref}"{s}><{prefix}v>{_number(date_serial(value, date1904))}</{prefix}v></{c}>'
    text = escape(encode_xstring(str(value)))
    return (f'<{c} r="{ref}"{s} t="inlineStr"><{prefix}is><{prefix}t xml:space="preserve">{text}'
            f'</{prefix}t></{prefix}is></{c}>')


def new_row(number: int, cells: str, height: float | None = None, prefix: str = "") -> str:
    """A new row holding `cells` (their XML), `height` points tall (None: the default height); a fitted
    height, not one set by hand (customHeight), so Excel and Calc fit the row again when it changes."""
    tall = "" if height is None else f' ht="{_number(height)}"'
    return f'<{prefix}row r="{number}"{tall}>{cells}</{prefix}row>'


def same_value(cell: Cell, value: object, date1904: bool = False) -> bool:
    """Would writing `value` leave what the cell shows unchanged? (Then its XML is kept as it is.)"""
    if isinstance(value, Formula):
        return cell.formula == value.text
    if cell.error is not None:
        return False
    old = cell.value
    if value is None or value == "":
        return old is None or old == ""
    if isinstance(value, bool) or isinstance(old, bool):
        return type(value) is type(old) and value == old
    if isinstance(value, (dt.date, dt.time)):
        return isinstance(old, float) and abs(old - date_serial(value, date1904)) < 1e-7
    if isinstance(value, (int, float)):
        return isinstance(old, float) and float(value) == old
    return isinstance(old, str) and old == str(value)


def _cell_value(attrs: str, inner: str, shared: Callable[[int], str]) -> tuple[object, str | None]:
    """(value, error text) of a cell's XML (held as latin-1)."""
    kind = (_TYPE.search(attrs) or (None, "n"))[1]
    inner = utf8(inner)
    if kind == "inlineStr":
        return string_item_text(inner) or None, None
    raw = _VALUE.search(inner)
    if raw is None:
        return None, None
    text = raw.group(1)
    if kind == "s":
        return shared(int(text)), None
    if kind == "e":
        return None, unescape(text)
    if kind in ("str", "d"):
        return decode_xstring(unescape(text)), None
    if kind == "b":
        return text.strip() in ("1", "true"), None
    try:
        return float(text), None
    except ValueError:
        return None, None


class SheetXml:
    """One worksheet part: its rows found on demand, edits spliced into the original bytes."""

    def __init__(self, xml: bytes, date1904: bool = False, shared: Callable[[int], str] | None = None):
        # latin-1 keeps one character per byte: offsets are byte offsets, a 20 MB Riwayat stays 20 MB in
        # memory, and encoding back gives the original bytes exactly. Text read out goes through utf8().
        self.text = xml.decode("latin-1")
        self._raw = xml
        self.date1904 = date1904
        self._shared = shared or (lambda index: "")
        opening = re.search(r"<(\w+:)?sheetData\b[^>]*?(/?)>", self.text)
        if opening is None:
            raise ValueError("worksheet without sheetData")
        self.prefix = opening.group(1) or ""
        if opening.group(2) == "/":
            self.text = (self.text[:opening.start()] + f"<{self.prefix}sheetData></{self.prefix}sheetData>"
                         + self.text[opening.end():])
            opening = re.search(r"<(\w+:)?sheetData\b[^>]*?>", self.text)
            assert opening is not None
            self._raw = self.text.encode("latin-1")  # offsets must match the text again
        self.start = opening.end()
        self.end = self.text.index(f"</{self.prefix}sheetData>", self.start)
        p = re.escape(self.prefix)
        self._row_re = re.compile(rf"<{p}row\b(?P<attrs>[^>]*?)(?:/>|>(?P<inner>.*?)</{p}row>)", re.S)
        self._row_opening = re.compile(rf"<{p}row\b(?P<attrs>[^>]*?)(?P<empty>/?)>")
        self._rows: dict[int, tuple[int, int, int, int]] | None = None
        self._implicit: bool | None = None
        self._last: int | None = None
        self._starts: dict[int, int] = {}  # row -> offset of its <row>, for rows already found
        self._all_starts = False  # _starts holds every row
        self._r_first = False  # every row's opening starts with its r=
        self._finds = 0
        self._widths: dict[int, float] | None = None
        self.edits: dict[int, dict[int, object]] = {}
        self.dropped: set[int] = set()
        self.styles: dict[int, dict[int, str | None]] = {}
        self.heights: dict[int, float | None] = {}
        self.replaced_formula = False

    # reading

    def has_implicit_rows(self) -> bool:
        """True when some row leaves out its `r` (legal: it is then the row after the one before)."""
        if self._implicit is None:
            p = re.escape(self.prefix)
            # the usual case told in one quick pass: every row opens with its r= (as Excel, Calc, openpyxl write)
            if re.compile(rf'<{p}row\b(?! r=")').search(self.text, self.start, self.end) is None:
                self._implicit, self._r_first = False, True
            else:
                pattern = re.compile(rf"<{p}row\b(?![^>]*\br=)")
                self._implicit = pattern.search(self.text, self.start, self.end) is not None
        return self._implicit

    def _index(self) -> dict[int, tuple[int, int, int, int]]:
        """row -> (start, end, start of its cells, end of its cells), found once and only when asked."""
        if self._rows is None:
            self._rows = {}
            previous, position = 0, self.start
            closing = f"</{self.prefix}row>"
            # each row's opening by pattern and its end by plain search: what `_row_re` finds, row by row, in a
            # fifth of the time (its lazy `.*?` tries the closing tag at every character of the row)
            while (match := self._row_opening.search(self.text, position, self.end)) is not None:
                if match.group("empty"):
                    span = (match.start(), match.end(), match.end(), match.end())
                else:
                    inner_end = self.text.find(closing, match.end(), self.end)
                    if inner_end < 0:  # an opening never closed is no row, as for `_row_re`
                        position = match.end()
                        continue
                    span = (match.start(), inner_end + len(closing), match.end(), inner_end)
                number = _R_ROW.search(match.group("attrs"))
                previous = int(number.group(1)) if number else previous + 1
                self._rows[previous] = span
                position = span[1]
        return self._rows

    def _row(self, number: int) -> tuple[int, int, int, int] | None:
        """One row's span; a single row is looked up directly, without indexing the whole sheet: where a
        scan already passed it, else by its literal opening, and a row past the last at once."""
        if self._rows is not None or self.has_implicit_rows():
            return self._index().get(number)
        start = self._starts.get(number)
        if start is None:
            if self._all_starts or number > self.last_row():
                return None  # a row being appended: nothing to find
            self._finds += 1
            if self._finds > _FINDS_BEFORE_INDEX and self._r_first:  # many rows wanted: index them all, lightly
                self._index_starts()
                return self._row(number)
            start = self.text.find(f'<{self.prefix}row r="{number}"', self.start, self.end)
            if start < 0:  # r= not first among the attributes: index the sheet once
                return self._index().get(number)
        return self._span_at(start)

    def _span_at(self, start: int) -> tuple[int, int, int, int] | None:
        match = self._row_re.match(self.text, start, self.end)
        return _span(match) if match else None

    def _index_starts(self) -> None:
        """Where every row opens, in one light pass (rows whose openings start with r=)."""
        if not self._all_starts:
            pattern = re.compile(rf'<{re.escape(self.prefix)}row r="(\d+)"')
            self._starts = {int(m.group(1)): m.start() for m in pattern.finditer(self.text, self.start, self.end)}
            self._all_starts = True

    def row_at(self, offset: int) -> int:
        """The number of the row holding the text at `offset` (a cell a column scan found); the row is
        remembered, so reading its cells afterwards does not search for it."""
        if self._rows is not None or self.has_implicit_rows():
            return next(n for n, span in self._index().items() if span[0] <= offset < span[1])
        start = self.text.rfind(f"<{self.prefix}row", self.start, offset)
        number = _R_ROW.search(self.text, start, self.text.index(">", start))
        assert number is not None
        self._starts[int(number.group(1))] = start
        return int(number.group(1))

    def rows(self) -> list[int]:
        return sorted(self._index())

    def last_row(self) -> int:
        if self._last is None:
            self._last = self._find_last_row()
        return self._last

    def _find_last_row(self) -> int:
        if self.has_implicit_rows():
            return max(self._index(), default=0)
        tail = self.text.rfind(f"<{self.prefix}row", self.start, self.end)
        if tail < 0:
            return 0
        number = _R_ROW.search(self.text, tail, self.text.find(">", tail) + 1)
        return int(number.group(1)) if number else 0

    def last_filled_row(self, columns: int | None = None) -> int:
        """The last row holding a value or formula (in the first `columns` columns only, when given);
        rows with formats only do not count."""

        def filled(start: int, end: int) -> bool:
            if not _FILLED.search(self.text, start, end):
                return False
            if columns is None:
                return True
            return any(
                column <= columns and _FILLED.search(match.group(0)) for column, match in self._cells_in(start, end)
            )

        if self.has_implicit_rows():
            index = self._index()
            return next((n for n in sorted(index, reverse=True) if filled(index[n][2], index[n][3])), 0)
        end = self.end
        while True:
            tail = self.text.rfind(f"<{self.prefix}row", self.start, end)
            if tail < 0:
                return 0
            if filled(tail, end):
                number = _R_ROW.search(self.text, tail, self.text.find(">", tail) + 1)
                return int(number.group(1)) if number else 0
            end = tail

    def _cells_in(self, start: int, end: int) -> Iterator[tuple[int, re.Match]]:
        """(column, match) of each cell between two offsets of one row."""
        previous = 0
        for match in _CELL.finditer(self.text, start, end):
            ref = _R_CELL.search(match.group("attrs"))
            previous = column_index(ref.group(1)) if ref else previous + 1
            yield previous, match

    def _cell(self, column: int, match: re.Match) -> Cell:
        attrs, inner = match.group("attrs"), match.group("inner") or ""
        style = _STYLE.search(attrs)
        formula = _FORMULA.search(inner)
        value, error = _cell_value(attrs, inner, self._shared)
        return Cell(
            column,
            style.group(1) if style else None,
            unescape(utf8(formula.group("text"))) if formula and formula.group("text") else None,
            value,
            error,
        )

    def cells(self, row: int) -> dict[int, Cell]:
        """column -> Cell, for the cells standing in `row`."""
        span = self._row(row)
        if span is None:
            return {}
        plain = self._plain_cells(span[2], span[3])
        if plain is not None:
            return plain
        return {column: self._cell(column, match) for column, match in self._cells_in(span[2], span[3])}

    def _plain_cells(self, start: int, end: int) -> dict[int, Cell] | None:
        """The cells of a row written the way Excel, Calc, openpyxl and this program write them (r= first,
        no formula, nothing between cells), read in one pattern each; None for any other row, which the
        general reading takes. Reading a case's Riwayat rows is mostly this."""
        if self.prefix:
            return None
        cells = _PLAIN_CELL.findall(self.text, start, end)
        if len(cells) != self.text.count("<c", start, end):
            return None  # some cell is written otherwise (a formula, rich text, no r=)
        found: dict[int, Cell] = {}
        for letters, style, kind, number, text in cells:
            column = _COLUMN_NUMBERS.get(letters) or column_index(letters)
            error = None
            value: object
            if text:
                if kind != "inlineStr":
                    return None
                value = decode_xstring(unescape(utf8(text))) or None
            elif not number:
                value = None
            elif not kind or kind == "n":
                try:
                    value = float(number)
                except ValueError:
                    value = None
            elif kind == "s":
                value = self._shared(int(number))
            elif kind == "b":
                value = number.strip() in ("1", "true")
            elif kind == "e":
                value, error = None, unescape(number)
            elif kind in ("str", "d"):
                value = decode_xstring(unescape(utf8(number)))
            else:
                return None
            found[column] = Cell(column, style or None, None, value, error)
        return found

    def column(self, letters: str) -> Iterator[tuple[int, object]]:
        """(row, value) of every cell in one column, scanning the sheet text once."""
        for number, value, _ in self.column_at(letters):
            yield number, value

    def column_at(self, letters: str) -> Iterator[tuple[int, object, int]]:
        """(row, value, offset of the cell) of every cell in one column, scanning the sheet text once; a
        value repeated down the column (a case ID on each of its Riwayat rows) is decoded once."""
        if self.has_implicit_rows():
            wanted = column_index(letters)
            for number, span in sorted(self._index().items()):
                for column, match in self._cells_in(span[2], span[3]):
                    if column == wanted:
                        yield number, self._cell(column, match).value, match.start()
            return
        seen: dict[tuple[str, str], object] = {}
        tail = r"(?:/>|>(?P<inner>.*?)</(?:\w+:)?c>)"
        # Excel, LibreOffice and openpyxl all write r= first: a literal start lets the scan skip ahead
        quick = re.compile(rf'<{re.escape(self.prefix)}c r="{letters}(?P<row>\d+)"(?P<attrs>[^>]*?){tail}', re.S)
        general = re.compile(rf'<(?:\w+:)?c\b(?P<attrs>[^>]*?\br="{letters}(?P<row>\d+)"[^>]*?){tail}', re.S)
        for pattern in (quick, general):
            found = False
            for match in pattern.finditer(self.text, self.start, self.end):
                found = True
                key = (match.group("attrs"), match.group("inner") or "")
                value = seen.get(key, seen)
                if value is seen:
                    value = _cell_value(key[0], key[1], self._shared)[0]
                    if len(seen) < _REMEMBERED_VALUES:
                        seen[key] = value
                yield int(match.group("row")), value, match.start()
            if found:
                return

    def cells_holding(self, letters: str, text: str, shared: list[int]) -> list[tuple[int, object, int]] | None:
        """(row, value, offset) of the cells of column `letters` whose text contains `text` (inline, or one of
        the `shared` string indices), found by searching the sheet for them rather than reading every cell
        of the column: one case's rows in a long Riwayat. None when the search cannot be trusted to find
        them all (rows or cells without r=); then read the column instead."""
        found = self._cells_containing(text, shared)
        if found is None:
            return None
        wanted = column_index(letters)
        return [(row, cell.value, start) for row, cell, start in found if cell.column == wanted]

    def cells_showing(self, text: str, shared: list[int], part: str | None = None) -> list[tuple[int, int]] | None:
        """(row, column) of every cell whose value is `text`, found as `cells_holding` finds them (None when the
        search cannot be trusted) by searching for `part` of it: one no writer spells otherwise (some write a
        '▶' as &#9654;)."""
        found = self._cells_containing(part or text, shared)
        return None if found is None else [(row, cell.column) for row, cell, _ in found if cell.value == text]

    def _cells_containing(self, text: str, shared: list[int]) -> list[tuple[int, Cell, int]] | None:
        """(row, cell, offset) of each cell whose text holds `text` or one of the `shared` indices, in sheet order."""
        if self.has_implicit_rows() or not text:
            return None
        needles = [xml_text(text)]
        needles += [f"<{self.prefix}v>{index}</{self.prefix}v>" for index in shared]
        found: dict[int, tuple[int, Cell, int]] = {}
        for needle in needles:
            at = self.start
            while (hit := self.text.find(needle, at, self.end)) >= 0:
                at = hit + len(needle)
                row = max(self.text.rfind(f"<{self.prefix}row", self.start, hit), self.start)  # look back no further
                start = max(self.text.rfind(f"<{self.prefix}c ", row, hit),
                            self.text.rfind(f"<{self.prefix}c>", row, hit))
                match = _CELL.match(self.text, start, self.end) if start >= 0 else None
                if match is None or match.end() <= hit:
                    continue  # not inside a cell
                ref = _R_CELL.search(match.group("attrs"))
                if ref is None:
                    return None
                found[start] = (int(ref.group(2)), self._cell(column_index(ref.group(1)), match), start)
                at = max(at, match.end())
        return [found[start] for start in sorted(found)]

    def error_cells(self) -> list[tuple[str, str]]:
        """(cell, shown error) of every cell holding an error value such as #REF!."""
        if 't="e"' not in self.text:
            return []
        found = []
        for number in self.rows():
            span = self._index()[number]
            if 't="e"' not in self.text[span[2] : span[3]]:
                continue
            for column, match in self._cells_in(span[2], span[3]):
                cell = self._cell(column, match)
                if cell.error is not None or 't="e"' in match.group("attrs"):
                    found.append((f"{column_letter(column)}{number}", cell.error or "#ERROR"))
        return found

    # moving rows (closing a year of Riwayat)

    def row_xml(self, number: int) -> str:
        """The row as it stands in the sheet's XML (held as latin-1), '' when there is none."""
        span = self._row(number)
        return self.text[span[0] : span[1]] if span else ""

    def rows_xml(self) -> Iterator[tuple[int, str]]:
        """(number, XML) of every row in sheet order, found in one light pass where every row opens with r=
        (what lies between two rows' openings is the first row)."""
        if self.has_implicit_rows() or not self._r_first:
            for number, span in sorted(self._index().items()):
                yield number, self.text[span[0] : span[1]]
            return
        self._index_starts()
        ordered = sorted(self._starts.items(), key=lambda item: item[1])
        for place, (number, start) in enumerate(ordered):
            end = ordered[place + 1][1] if place + 1 < len(ordered) else self.end
            yield number, self.text[start:end]

    def head(self) -> str:
        """The XML before the rows, up to and including sheetData's opening."""
        return self.text[: self.start]

    def tail(self) -> str:
        """The XML after the rows, from sheetData's closing on."""
        return self.text[self.end :]

    def body(self) -> str:
        return self.text[self.start : self.end]

    def rebuilt(self, body: str, last_row: int, last_column: int) -> bytes:
        """The sheet with `body` (rows' XML, latin-1) in place of its rows and its dimension set to `last_row`, as
        wide as `last_column` or as it was."""
        head, tail = self.rebuilt_ends(last_row, last_column)
        return head + body.encode("latin-1") + tail

    def rebuilt_ends(self, last_row: int, last_column: int) -> tuple[bytes, bytes]:
        """What comes before and after the rows of the sheet `rebuilt` makes (for rows given in pieces)."""
        head = self.text[: self.start]
        match = re.compile(r'<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"').search(head)
        if match:
            was = re.fullmatch(r"[A-Z]+\d+:([A-Z]+)\d+", match.group(1))
            width = max(last_column, column_index(was.group(1)) if was else 1)
            head = head[: match.start(1)] + f"A1:{column_letter(width)}{max(last_row, 1)}" + head[match.end(1) :]
        return head.encode("latin-1"), self.text[self.end :].encode("latin-1")

    # writing

    def set(self, row: int, column: int, value: object, style: str | None = None) -> None:
        """Put `value` in a cell; without `style` the cell keeps the style it has."""
        self.edits.setdefault(row, {})[column] = value
        if style is not None:
            self.styles.setdefault(row, {})[column] = style

    def column_widths(self) -> dict[int, float]:
        """Column -> width in characters, as the sheet's <cols> sets them."""
        if self._widths is None:
            self._widths = self._find_column_widths()
        return dict(self._widths)

    def _find_column_widths(self) -> dict[int, float]:
        cols = re.search(r"<(\w+:)?cols\b.*?</(\w+:)?cols>", self.text[: self.start], re.S)
        widths: dict[int, float] = {}
        for match in _COL.finditer(cols.group(0) if cols else ""):
            attrs = dict(_ATTR.findall(match.group(1)))
            try:
                low, high, width = int(attrs["min"]), int(attrs["max"]), float(attrs["width"])
            except (KeyError, ValueError):
                continue
            widths.update({column: width for column in range(low, min(high, 16384) + 1)})
        return widths

    def fit_height(self, row: int, points: float | None) -> None:
        """The edited row's height fitted to its text (None: the default height); a height set by hand stays."""
        self.heights[row] = points

    def _with_height(self, number: int, attrs: str) -> str:
        if number not in self.heights or _SET_BY_HAND.search(attrs):
            return attrs
        attrs = _HEIGHT.sub("", attrs)
        points = self.heights[number]
        return attrs if points is None else f'{attrs} ht="{_number(points)}"'

    def clear_rows_from(self, first: int) -> None:
        """Remove every row from `first` down (for sheets the program rebuilds whole)."""
        self.dropped.update(n for n in self._index() if n >= first)

    def clear_row(self, number: int) -> None:
        """Remove the row: what is then set in it is all it holds."""
        self.dropped.add(number)

    def to_bytes(self) -> bytes:
        """The sheet with the edits spliced in. Call once: the patch is spent afterwards."""
        if not self.edits and not self.dropped:
            return self._raw
        touched = set(self.edits) | self.dropped
        implicit = self.has_implicit_rows()
        rows: dict[int, tuple[int, int, int, int]]
        light = not implicit and not self.dropped and self._r_first and min(touched) <= self.last_row()
        if light:
            self._index_starts()  # where rows open is enough; only the touched ones are cut out whole
            starts = self._starts
            rows = {n: span for n in touched if n in starts and (span := self._span_at(starts[n])) is not None}
            light = all(n in rows for n in touched if n in starts)
        if not light:
            rows = self._index() if implicit or self.dropped or min(touched) <= self.last_row() else {}
            starts = {n: span[0] for n, span in rows.items()}
        existing = sorted(starts)
        replaced: dict[int, str] = {}
        inserts: dict[int | None, list[str]] = {}
        for number in sorted(touched):
            edit = self.edits.get(number)
            if number in rows:
                span = rows[number]
                if number in self.dropped and _FORMULA.search(self.text, span[2], span[3]):
                    self.replaced_formula = True
                if edit is None:
                    replaced[number] = ""
                elif number in self.dropped:
                    replaced[number] = self._new_row(number, edit)
                else:
                    merged = self._merged_row(number, span, edit)
                    if merged is not None:
                        replaced[number] = merged
            elif edit is not None:
                after = bisect.bisect_right(existing, number)
                anchor = existing[after] if after < len(existing) else None
                inserts.setdefault(anchor, []).append(self._new_row(number, edit))
        if implicit:  # rows after an inserted one would change number: every row now says which it is
            for number in existing:
                opening = self._row_re.match(self.text, rows[number][0])
                if number not in replaced and opening and not _R_ROW.search(opening["attrs"]):
                    start = rows[number][0] + len(f"<{self.prefix}row")
                    replaced[number] = (
                        self.text[rows[number][0] : start] + f' r="{number}"' + self.text[start : rows[number][1]]
                    )
        raw = memoryview(self._raw)
        chunks: list = [self._with_dimension(self.text[: self.start]).encode("latin-1")]
        cursor = self.start
        for number in existing:
            if number in inserts:
                start = starts[number]
                chunks += [raw[cursor:start], *(row.encode("latin-1") for row in inserts.pop(number))]
                cursor = start
            if number in replaced:
                start, end = rows[number][0], rows[number][1]
                chunks += [raw[cursor:start], replaced[number].encode("latin-1")]
                cursor = end
        chunks.append(raw[cursor : self.end])
        chunks.extend(row.encode("latin-1") for row in inserts.pop(None, []))
        chunks.append(raw[self.end :])
        self.text = ""  # spent: letting go of the sheet's text here halves the peak for a large Riwayat
        return b"".join(chunks)

    def _new_cell(self, row: int, column: int, value: object, style: str | None) -> str:
        xml = cell_xml(f"{column_letter(column)}{row}", value, style, self.prefix, self.date1904)
        return xml.encode("utf-8").decode("latin-1")

    def _new_row(self, number: int, edit: dict[int, object]) -> str:
        styles = self.styles.get(number, {})
        cells = "".join(self._new_cell(number, c, edit[c], styles.get(c)) for c in sorted(edit))
        attrs = self._with_height(number, f' r="{number}"')
        return f"<{self.prefix}row{attrs}>{cells}</{self.prefix}row>"

    def _merged_row(self, number: int, span: tuple[int, int, int, int], edit: dict[int, object]) -> str | None:
        """The row with the edited cells replaced; a cell whose value would not change keeps its XML
        byte for byte, and a row where nothing changes is kept whole (None)."""
        start, _, inner_start, inner_end = span
        match = self._row_re.match(self.text, start)
        assert match is not None
        attrs = match.group("attrs")
        styles = self.styles.get(number, {})
        pending = dict(edit)
        kept: list[tuple[int, str]] = []
        changed = False
        for column, cell_match in self._cells_in(inner_start, inner_end):
            xml = cell_match.group(0)
            if column in pending:
                cell = self._cell(column, cell_match)
                value = pending.pop(column)
                style = styles.get(column, cell.style)
                if style == cell.style and same_value(cell, value, self.date1904):
                    kept.append((column, xml))
                    continue
                changed = True
                if cell.formula is not None and not isinstance(value, Formula):
                    self.replaced_formula = True
                kept.append((column, self._new_cell(number, column, value, style)))
                continue
            if not _R_CELL.search(cell_match.group("attrs")):  # a new cell before it would shift it
                at = len(f"<{cell_match.group('p') or ''}c")
                xml = f'{xml[:at]} r="{column_letter(column)}{number}"{xml[at:]}'
            kept.append((column, xml))
        for column, value in pending.items():
            if (value is None or value == "") and column not in styles:
                continue  # nothing there and nothing to put there
            changed = True
            kept.append((column, self._new_cell(number, column, value, styles.get(column))))
        if not changed:
            return None
        kept.sort(key=lambda item: item[0])
        spans = _SPANS.search(attrs)
        if spans and (kept[0][0] < int(spans.group(1)) or kept[-1][0] > int(spans.group(2))):
            attrs = attrs[: spans.start()] + attrs[spans.end() :]  # the span hint no longer holds
        if not _R_ROW.search(attrs):
            attrs = f' r="{number}"{attrs}'
        attrs = self._with_height(number, attrs)
        return f"<{self.prefix}row{attrs}>{''.join(c for _, c in kept)}</{self.prefix}row>"

    def _with_dimension(self, head: str) -> str:
        """`head` is the part before sheetData, where the dimension stands."""
        match = re.compile(r'<(?:\w+:)?dimension\b[^>]*\bref="([A-Z]+\d+)(?::([A-Z]+)(\d+))?"').search(head)
        if not match or not self.edits:
            return head
        last_row = max(self.edits)
        last_col = max((c for e in self.edits.values() for c in e), default=1)
        first = match.group(1)
        first_letters = first.rstrip("0123456789")
        end_col = match.group(2) or first_letters
        end_row = int(match.group(3) or first[len(first_letters) :])
        new_ref = f"{first}:{column_letter(max(column_index(end_col), last_col))}{max(end_row, last_row)}"
        return head[: match.start(1)] + new_ref + head[match.end(match.lastindex or 1) :]


def _span(match: re.Match) -> tuple[int, int, int, int]:
    if match.group("inner") is None:
        return match.start(), match.end(), match.end(), match.end()
    return match.start(), match.end(), match.start("inner"), match.end("inner")


_CELL_R = re.compile(r'(<c r="[A-Z]{1,3})\d+"')


def renumbered_row(xml: str, old: int, new: int) -> str | None:
    """A row's XML (as cut from a sheet) moved from row `old` to row `new`: its r= and its cells' references
    follow, and its formulas' relative references move with it, as when Excel moves a row. None when it holds
    a shared or array formula, whose ranges span rows that do not move with it."""
    if xml.startswith('<row r="') and "<f" not in xml:  # the usual row: r= first in every opening, no formula
        pieces = _CELL_R.split(xml[xml.index('"', 8) :])
        if len(pieces) // 2 == xml.count("<c ") + xml.count("<c>"):  # every cell's reference found
            suffix = f'{new}"'
            return f'<row r="{new}' + pieces[0] + "".join(
                [opening + suffix + rest for opening, rest in zip(pieces[1::2], pieces[2::2])])
    opening = re.match(r"<(\w+:)?row\b([^>]*?)(/?)>", xml)
    if opening is None:
        return None
    attrs = opening.group(2)
    attrs = _R_ROW.sub(f'r="{new}"', attrs, count=1) if _R_ROW.search(attrs) else f' r="{new}"{attrs}'
    rest = xml[opening.end() :]
    if any("t=\"shared\"" in f.group("attrs") or "t=\"array\"" in f.group("attrs") for f in _FORMULA.finditer(rest)):
        return None

    def cell(match: re.Match) -> str:
        ref = _R_CELL.search(match.group("attrs"))
        whole = match.group(0)
        if ref is not None:
            at = match.start("attrs") - match.start()
            cell_attrs = _R_CELL.sub(f'r="{ref.group(1)}{new}"', match.group("attrs"), count=1)
            whole = whole[:at] + cell_attrs + whole[at + len(match.group("attrs")) :]
        return _FORMULA.sub(lambda f: _moved_formula(f, old, new), whole) if "<" in whole[1:] else whole

    body = _CELL.sub(cell, rest)
    return f"<{opening.group(1) or ''}row{attrs}{opening.group(3)}>{body}"


def _moved_formula(match: re.Match[str], old: int, new: int) -> str:
    text: str = match.group("text")
    whole: str = match.group(0)
    if not text or old == new:
        return whole
    from openpyxl.formula.translate import Translator  # only a row that holds a formula loads openpyxl

    formula = unescape(utf8(text))
    moved = str(Translator(f"={formula}", origin=f"A{old}").translate_formula(f"A{new}")).removeprefix("=")
    at = match.start("text") - match.start()
    return whole[:at] + escape(moved).encode("utf-8").decode("latin-1") + whole[at + len(text) :]


def formats_only_row(row_xml: str, number: int, prefix: str = "") -> str:
    """A row `number` of empty cells with the formats of the cells of `row_xml`."""
    cells = "".join(f'<{prefix}c r="{letters}{number}" s="{style}"/>'
                    for letters, style in re.findall(r'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)\d+"[^>]*?\bs="(\d+)"', row_xml))
    return f'<{prefix}row r="{number}">{cells}</{prefix}row>'


# a sheet read piece by piece: a few columns of every row, never the whole part in memory

class UnfitForScan(ValueError):
    """The sheet is written in a way the column scan does not read (rows or cells whose r= is not first, a
    namespace prefix, error cells); the caller reads it with calamine instead."""


_SCAN_REMEMBERED = 50_000  # distinct cells a scan keeps decoded (bounded: a column of unique values)


def scan_columns(pieces: Iterable[bytes], letters: Sequence[str], shared: Callable[[int], str],
                 key: int | None = None, keep: Callable[[object], bool] | None = None,
                 needles: Sequence[str] | None = None) -> Iterator[tuple[int, list[object]]]:
    """(row, values in the order of `letters`) of every row holding a cell in one of the columns `letters`,
    reading the sheet's XML as it is inflated, a few MB at a time, so a Riwayat of hundreds of MB is never
    held whole. With `keep`, only the rows whose value in column `letters[key]` it keeps (the other rows are
    not read further); with `needles` too (texts as the XML holds them, one of which every kept row holds:
    a case's ID), only the rows holding one of them are looked at, found by plain search (a few cases' rows
    in a long Riwayat). Values as `SheetXml` reads them (numbers as floats). Raises
    UnfitForScan for a sheet not written with r= first (Excel, Calc, openpyxl and this program write so)."""
    place = {letter: index for index, letter in enumerate(letters)}
    width = len(letters)
    alternatives = "|".join(sorted(place, key=len, reverse=True))
    cells = re.compile(rf'<c r="({alternatives})(\d+)"([^>/]*)(?:/>|>([^<]*(?:<(?!/c>)[^<]*)*)</c>)')
    keys = re.compile(rf'<c r="{letters[key]}(\d+)"([^>/]*)(?:/>|>([^<]*(?:<(?!/c>)[^<]*)*)</c>)') \
        if key is not None and keep is not None else None
    decoded: dict[tuple[str, str], object] = {}

    def value_of(attrs: str, inner: str) -> object:
        cell = (attrs, inner)
        value = decoded.get(cell, decoded)
        if value is decoded:
            value = _cell_value(attrs, inner, shared)[0]
            if len(decoded) < _SCAN_REMEMBERED:
                decoded[cell] = value
        return value

    verdicts: dict[tuple[str, str], bool] = {}
    for text in row_pieces(pieces):
        if needles is not None and keep is not None:
            hits = sorted(hit for needle in needles for hit in _occurrences(text, needle))
            if not hits:
                continue  # no row here holds what is looked for
            text = "".join(text[text.rfind("<row", 0, hit) : text.find("</row>", hit) + 6]
                           for n, hit in enumerate(hits) if n == 0 or text.rfind("<row", 0, hit) > hits[n - 1])
        rows_held = text.count("<row")
        # every row and cell opens with its r= (the row numbers and columns below are read from it)
        if rows_held != text.count('<row r="') or text.count("<c") != text.count('<c r="') or 't="e"' in text:
            raise UnfitForScan("cells or rows written otherwise")
        spans = [(0, len(text))]
        if keys is not None and keep is not None:
            keyed = keys.findall(text)
            if len(keyed) == rows_held:  # every row has its key: only the rows kept are read further
                spans, at = [], 0
                for number, attrs, inner in keyed:
                    verdict = verdicts.get((attrs, inner))
                    if verdict is None:
                        verdict = verdicts[(attrs, inner)] = keep(value_of(attrs, inner))
                    if verdict:
                        start = text.find(f'<row r="{number}"', at)
                        at = text.find("</row>", start)
                        spans.append((start, at))
        rows: dict[str, list[object]] = {}
        for start, end in spans:
            for letter, number, attrs, inner in cells.findall(text, start, end):
                if inner[:3] == "<v>" and ('t="' not in attrs or 't="n"' in attrs):  # a number
                    try:
                        value: object = float(inner[3 : inner.index("<", 3)])
                    except ValueError:
                        value = value_of(attrs, inner)
                else:
                    value = value_of(attrs, inner)
                values = rows.get(number)
                if values is None:
                    values = rows[number] = [None] * width
                values[place[letter]] = value
        for number, values in rows.items():
            if keep is None or key is None or keep(values[key]):
                yield int(number), values


def _occurrences(text: str, needle: str) -> Iterator[int]:
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + len(needle))


_SHEET_DATA_OPENING = re.compile(rb"<(\w+:)?sheetData\b[^>]*?(/?)>")


def row_pieces(pieces: Iterable[bytes]) -> Iterator[str]:
    """sheetData's rows in pieces that each end with a whole row, as latin-1 text (one character a byte).
    The pieces are read to their end (where the part's checksum is proven)."""
    pending = b""
    started = False
    stream = iter(pieces)
    for piece in stream:
        pending += piece
        if not started:
            opening = _SHEET_DATA_OPENING.search(pending)
            if opening is None:
                continue
            if opening.group(1):
                raise UnfitForScan("namespace prefix")
            if opening.group(2):
                break  # <sheetData/>: no rows
            pending, started = pending[opening.end():], True
        closing = pending.find(b"</sheetData>")
        if closing >= 0:
            yield pending[:closing].decode("latin-1")
            break
        cut = pending.rfind(b"</row>")
        if cut >= 0:
            yield pending[: cut + 6].decode("latin-1")
            pending = pending[cut + 6 :]
    else:
        if started:
            raise UnfitForScan("sheetData not closed")
    for _ in stream:
        pass


class TailSheet(SheetXml):
    """A long sheet an action only appends rows to (Riwayat): held as its head, its last row and what follows
    sheetData, while the rows before the last stay packed in the workbook and are streamed from it, unread,
    when the sheet is saved (`chunks`). A Riwayat of hundreds of MB costs a few MB to append to."""

    def __init__(self, pieces: Callable[[], Iterable[bytes]], date1904: bool = False,
                 shared: Callable[[int], str] | None = None, ends: tuple[bytes, int, bytes] | None = None):
        """`ends`: the part's first piece, and its last pieces with their offset, when a scan just read them."""
        head, last, rest, self._middle = _cut_tail(pieces(), ends)
        super().__init__(head + last + rest, date1904, shared)
        self._pieces = pieces
        self.first = self.last_row()  # the only row held; rows above it are not here

    def _row(self, number: int) -> tuple[int, int, int, int] | None:
        if number < self.first:
            raise ValueError(f"row {number} is above the held tail of the sheet")
        return super()._row(number)

    def set(self, row: int, column: int, value: object, style: str | None = None) -> None:
        if row < self.first:
            raise ValueError(f"row {row} is above the held tail of the sheet")
        super().set(row, column, value, style)

    def chunks(self) -> Iterator[bytes]:
        """The whole sheet with the edits: the held part as edited, the rows above streamed in after the
        sheetData opening. Call once."""
        cut = len(self._with_dimension(self.text[: self.start]).encode("latin-1"))
        edited = self.to_bytes()
        yield edited[:cut]
        start, end = self._middle
        offset = 0
        for piece in self._pieces():
            low, high = max(start - offset, 0), min(end - offset, len(piece))
            if low < high:
                yield piece[low:high]
            offset += len(piece)
            if offset >= end:
                break
        yield edited[cut:]


def _cut_tail(pieces: Iterable[bytes], ends: tuple[bytes, int, bytes] | None = None,
              ) -> tuple[bytes, bytes, bytes, tuple[int, int]]:
    """(the part up to the sheetData opening, its last row, from the sheetData closing on, (start, end) of
    the rows before the last), in one pass over the part's pieces keeping only the last few (or from the
    `ends` of the part a scan kept)."""
    head: bytes | None = None
    head_end = 0
    window = b""
    window_start = 0  # offset of the window in the whole part
    if ends is not None and _SHEET_DATA_OPENING.search(ends[0]):
        opening = _SHEET_DATA_OPENING.search(ends[0])
        assert opening is not None
        if opening.group(1) or opening.group(2):
            raise UnfitForScan("namespace prefix or no rows")
        head, head_end = ends[0][: opening.end()], opening.end()
        window_start, window = ends[1], ends[2]
        pieces = ()
    for piece in pieces:
        window += piece
        if head is None:
            opening = _SHEET_DATA_OPENING.search(window)
            if opening is None:
                continue
            if opening.group(1) or opening.group(2):
                raise UnfitForScan("namespace prefix or no rows")
            head, head_end = window[: opening.end()], window_start + opening.end()
        if len(window) > 3 * len(piece):  # keep the last pieces only: the last row is in them
            drop = len(window) - 2 * len(piece)
            window, window_start = window[drop:], window_start + drop
    if head is None:
        raise UnfitForScan("no sheetData")
    close = window.rfind(b"</sheetData>")
    last = window.rfind(b'<row r="', 0, close)
    if close < 0 or last < 0 or window_start + last <= head_end or window.find(b"<row", last + 1, close) >= 0:
        raise UnfitForScan("no last row in reach")
    return head, window[last:close], window[close:], (head_end, window_start + last)
