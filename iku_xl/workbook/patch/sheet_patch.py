"""Edits to one worksheet's rows, spliced into its XML text so everything else stays as it was."""
from __future__ import annotations

import re

from .cells import Formula, cell_xml, column_index, split_ref
from ..grid import column_letter

_CELL = re.compile(r"<(?P<p>\w+:)?c\b(?P<attrs>[^>]*?)(?:/>|>(?P<inner>.*?)</(?P=p)?c>)", re.S)
_ATTR_R = re.compile(r'\br="([A-Z]+)(\d+)"')
_ATTR_S = re.compile(r'\bs="(\d+)"')
_FILLED = re.compile(r"<(?:\w+:)?(?:v|is|f)\b")
_FORMULA = re.compile(r"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)


class SheetPatch:
    def __init__(self, xml: bytes, date1904: bool = False):
        # latin-1 keeps one character per byte: offsets are byte offsets, a 20 MB Riwayat stays 20 MB in
        # memory, and encoding back gives the original bytes exactly. Text read out goes through utf8().
        self.text = xml.decode("latin-1")
        self._raw = xml  # the untouched stretches are copied from here, without making str copies
        self.date1904 = date1904
        opening = re.search(r"<(\w+:)?sheetData\b[^>]*?(/?)>", self.text)
        if opening is None:
            raise ValueError("worksheet without sheetData")
        self.prefix = opening.group(1) or ""
        if opening.group(2) == "/":
            self.text = (self.text[:opening.start()] + f"<{self.prefix}sheetData></{self.prefix}sheetData>"
                         + self.text[opening.end():])
            opening = re.search(r"<(\w+:)?sheetData\b[^>]*?>", self.text)
            self._raw = self.text.encode("latin-1")  # offsets must match the text again
        self.start = opening.end()
        self.end = self.text.index(f"</{self.prefix}sheetData>", self.start)
        self._row_re = re.compile(
            rf"<{re.escape(self.prefix)}row\b(?P<attrs>[^>]*?)(?:/>|>(?P<inner>.*?)</{re.escape(self.prefix)}row>)", re.S)
        self._rows: dict[int, tuple[int, int, int, int]] | None = None
        self.edits: dict[int, dict[int, object]] = {}
        self.dropped: set[int] = set()
        self.styles: dict[int, dict[int, str | None]] = {}
        self.replaced_formula = False

    # reading

    def _index(self) -> dict[int, tuple[int, int, int, int]]:
        """row -> (start, end, start of its cells, end of its cells), found once and only when asked."""
        if self._rows is None:
            self._rows = {}
            for match in self._row_re.finditer(self.text, self.start, self.end):
                self._rows[int(re.search(r'\br="(\d+)"', match.group("attrs")).group(1))] = _span(match)
        return self._rows

    def _row(self, number: int) -> tuple[int, int, int, int] | None:
        """One row's span; a single row is looked up directly, without indexing the whole sheet."""
        if self._rows is not None:
            return self._rows.get(number)
        pattern = re.compile(rf'<{re.escape(self.prefix)}row\b[^>]*?\br="{number}"')
        found = pattern.search(self.text, self.start, self.end)
        if found is None:
            return None
        match = self._row_re.match(self.text, found.start(), self.end)
        return _span(match) if match else None

    def last_row(self) -> int:
        tail = self.text.rfind(f"<{self.prefix}row ", self.start, self.end)
        if tail < 0:
            return 0
        number = re.search(r'\br="(\d+)"', self.text[tail:tail + 200])
        return int(number.group(1)) if number else 0

    def last_filled_row(self) -> int:
        """The last row holding a value or formula; rows with formats only do not count."""
        end = self.end
        while True:
            tail = self.text.rfind(f"<{self.prefix}row", self.start, end)
            if tail < 0:
                return 0
            segment = self.text[tail:end]
            if _FILLED.search(segment):
                number = re.search(r'\br="(\d+)"', segment[:200])
                return int(number.group(1)) if number else 0
            end = tail

    def cells(self, row: int) -> dict[int, tuple[str | None, str | None]]:
        """column -> (style, formula text) of the cells standing in `row`."""
        found = {}
        entry = self._row(row)
        if entry is None:
            return found
        for match in _CELL.finditer(self.text[entry[2]:entry[3]]):
            ref = _ATTR_R.search(match.group("attrs"))
            if not ref:
                continue
            style = _ATTR_S.search(match.group("attrs"))
            formula = _FORMULA.search(match.group("inner") or "")
            found[column_index(ref.group(1))] = (style.group(1) if style else None,
                                                 utf8(formula.group(1)) if formula and formula.group(1) else None)
        return found

    # writing

    def set(self, row: int, column: int, value: object, style: str | None = None) -> None:
        """Put `value` in a cell; without `style` the cell keeps the style it has."""
        self.edits.setdefault(row, {})[column] = value
        if style is not None:
            self.styles.setdefault(row, {})[column] = style

    def clear_rows_from(self, first: int) -> None:
        """Remove every row from `first` down (for sheets the program rebuilds whole)."""
        self.dropped.update(n for n in self._index() if n >= first)

    def to_bytes(self) -> bytes:
        """The sheet with the edits spliced in. Call once: the patch is spent afterwards."""
        if not self.edits and not self.dropped:
            return self.text.encode("latin-1")
        touched = set(self.edits) | self.dropped
        rows = self._index() if self.dropped or min(touched) <= self.last_row() else {}
        existing = sorted(rows)
        replaced: dict[int, str] = {}
        inserts: dict[int | None, list[str]] = {}
        for number in sorted(touched):
            edit = self.edits.get(number)
            if number in rows:
                if number in self.dropped and _FORMULA.search(self.text[rows[number][2]:rows[number][3]]):
                    self.replaced_formula = True
                if edit is None:
                    replaced[number] = ""
                elif number in self.dropped:
                    replaced[number] = self._new_row(number, edit)
                else:
                    replaced[number] = self._merged_row(number, rows[number], edit)
            elif edit is not None:
                anchor = next((n for n in existing if n > number), None)
                inserts.setdefault(anchor, []).append(self._new_row(number, edit))
        raw = memoryview(self._raw)
        head = self._with_dimension(self.text[:self.start]).encode("latin-1")
        chunks: list = [head]
        cursor = self.start
        for number in existing:
            if number in inserts:
                start = rows[number][0]
                chunks += [raw[cursor:start], *(row.encode("latin-1") for row in inserts.pop(number))]
                cursor = start
            if number in replaced:
                start, end = rows[number][0], rows[number][1]
                chunks += [raw[cursor:start], replaced[number].encode("latin-1")]
                cursor = end
        chunks.append(raw[cursor:self.end])
        chunks.extend(row.encode("latin-1") for row in inserts.pop(None, []))
        chunks.append(raw[self.end:])
        self.text = ""  # spent: letting go of the sheet's text here halves the peak for a large Riwayat
        return b"".join(chunks)

    def _cell(self, row: int, column: int, value: object, style: str | None) -> str:
        xml = cell_xml(f"{column_letter(column)}{row}", value, style, self.prefix, self.date1904)
        return xml.encode("utf-8").decode("latin-1")

    def _new_row(self, number: int, edit: dict[int, object]) -> str:
        styles = self.styles.get(number, {})
        cells = "".join(self._cell(number, c, edit[c], styles.get(c)) for c in sorted(edit))
        return f'<{self.prefix}row r="{number}">{cells}</{self.prefix}row>'

    def _merged_row(self, number: int, entry: tuple[int, int, int, int], edit: dict[int, object]) -> str:
        start, _, inner_start, inner_end = entry
        attrs = self._row_re.match(self.text, start).group("attrs")
        inner = self.text[inner_start:inner_end]
        styles = self.styles.get(number, {})
        kept: list[tuple[int, str]] = []
        for match in _CELL.finditer(inner):
            ref = _ATTR_R.search(match.group("attrs"))
            column = column_index(ref.group(1)) if ref else 0
            if column in edit:
                if _FORMULA.search(match.group("inner") or "") and not isinstance(edit[column], Formula):
                    self.replaced_formula = True
                if column not in styles:
                    style = _ATTR_S.search(match.group("attrs"))
                    styles[column] = style.group(1) if style else None
                continue
            kept.append((column, match.group(0)))
        kept += [(c, self._cell(number, c, edit[c], styles.get(c))) for c in edit]
        kept.sort(key=lambda item: item[0])
        attrs = re.sub(r'\s+spans="[^"]*"', "", attrs)  # the span hint may no longer hold
        return f'<{self.prefix}row{attrs}>{"".join(c for _, c in kept)}</{self.prefix}row>'

    def _with_dimension(self, text: str) -> str:
        """`text` is the part before sheetData, where the dimension stands."""
        match = re.compile(r'<(?:\w+:)?dimension\b[^>]*\bref="([A-Z]+\d+)(?::([A-Z]+)(\d+))?"').search(text)
        if not match or not self.edits:
            return text
        last_row = max(self.edits)
        last_col = max((c for e in self.edits.values() for c in e if isinstance(c, int)), default=1)
        first = match.group(1)
        end_col = match.group(2) or split_ref(first)[0]
        end_row = int(match.group(3) or split_ref(first)[1])
        new_col = column_letter(max(column_index(end_col), last_col))
        new_ref = f"{first}:{new_col}{max(end_row, last_row)}"
        return text[:match.start(1)] + new_ref + text[match.end(match.lastindex):]


def _span(match: re.Match) -> tuple[int, int, int, int]:
    inner_start = match.start("inner") if match.group("inner") is not None else match.end()
    inner_end = match.end("inner") if match.group("inner") is not None else match.end()
    return match.start(), match.end(), inner_start, inner_end


def utf8(text: str) -> str:
    """Text cut from the sheet (held as latin-1) as the characters it really is."""
    return text.encode("latin-1").decode("utf-8")
