"""Reading a few cells' values straight from the sheet XML, without parsing the whole sheet.

Used where one case's rows are wanted from a Riwayat of years: calamine would parse all of it.
"""
from __future__ import annotations

import re
from html import unescape

from .cells import column_index
from .sheet_patch import _ATTR_R, _CELL, SheetPatch, utf8
from .zip_package import Package

_SHARED_ITEM = re.compile(r"<(?:\w+:)?si\b[^>]*>(.*?)</(?:\w+:)?si>", re.S)
_TEXT = re.compile(r"<(?:\w+:)?t\b[^>]*>(.*?)</(?:\w+:)?t>", re.S)
_TYPE = re.compile(r'\bt="(\w+)"')
_V = re.compile(r"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)


class CellValues:
    def __init__(self, package: Package):
        self.package = package
        self._shared: list[str] | None = None

    def shared(self) -> list[str]:
        if self._shared is None:
            part = next((t for kind, t in self.package.rels_of("xl/workbook.xml").values()
                         if kind.endswith("/sharedStrings")), None)
            xml = self.package.read(part).decode("utf-8") if part and part in self.package.names() else ""
            self._shared = ["".join(unescape(t) for t in _TEXT.findall(item)) for item in _SHARED_ITEM.findall(xml)]
        return self._shared

    def value(self, attrs: str, inner: str | None) -> object:
        """A cell's value from its XML as cut from a SheetPatch (latin-1 held)."""
        kind = (_TYPE.search(attrs) or [None, "n"])[1]
        inner = utf8(inner or "")
        if kind == "inlineStr":
            return "".join(unescape(t) for t in _TEXT.findall(inner)) or None
        raw = _V.search(inner)
        if raw is None:
            return None
        text = raw.group(1)
        if kind == "s":
            return self.shared()[int(text)]
        if kind in ("str", "e"):
            return unescape(text) if kind == "str" else None
        if kind == "b":
            return text == "1"
        return float(text)

    def row(self, sheet: SheetPatch, number: int) -> dict[int, object]:
        span = sheet._row(number)
        if span is None:
            return {}
        found = {}
        for match in _CELL.finditer(sheet.text[span[2]:span[3]]):
            ref = _ATTR_R.search(match.group("attrs"))
            if ref:
                found[column_index(ref.group(1))] = self.value(match.group("attrs"), match.group("inner"))
        return found

    def column(self, sheet: SheetPatch, letters: str):
        """(row, value) of every cell in one column, scanning the sheet text once."""
        tail = r"(?:/>|>(?P<inner>.*?)</(?:\w+:)?c>)"
        # Excel, LibreOffice and openpyxl all write r= first: a literal start lets the scan skip ahead
        quick = re.compile(rf'<{re.escape(sheet.prefix)}c r="{letters}(?P<row>\d+)"(?P<attrs>[^>]*?){tail}', re.S)
        general = re.compile(rf'<(?:\w+:)?c\b(?P<attrs>[^>]*?\br="{letters}(?P<row>\d+)"[^>]*?){tail}', re.S)
        found = False
        for match in quick.finditer(sheet.text, sheet.start, sheet.end):
            found = True
            yield int(match.group("row")), self.value(match.group("attrs"), match.group("inner"))
        if not found:
            for match in general.finditer(sheet.text, sheet.start, sheet.end):
                yield int(match.group("row")), self.value(match.group("attrs"), match.group("inner"))
