"""The records of a new list sheet written straight into the sheet's XML after openpyxl saved the rest.

openpyxl makes, styles and serialises an object per cell: about 30 µs a cell, 1 s for the 30k cells of a
month's export at a ministry's scale (measured; its write-only mode is no faster, as it still makes and
serialises a cell object per value). A list sheet's records are plain values under one style per column
and number format, so openpyxl writes the sheet around them (header, widths, Table, dropdowns, print
setup: `list_sheet_frame`) and the rows go into its saved part as text (`cell_xml`, a few µs a cell), styled
and fitted to their text as `write_list_sheet` and `fit_row_heights` do it (tests/workbook/test_list_body.py).
"""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from openpyxl.utils.datetime import to_excel

from ..core import layout
from ..core.cells import column_letter
from .ooxml.package import Package
from .ooxml.sheet_xml import SheetXml, cell_xml, new_row
from .page import DEFAULT_WIDTH, row_points
from .writer import BodyStyles, cell_text, list_sheet_frame, value_format


class ListBody:
    """A list sheet made by openpyxl without its records, which `write_into` puts in the saved package."""

    def __init__(self, workbook, sheet: layout.ListSheet, rows: list[list]):
        self.ws = list_sheet_frame(workbook, sheet, len(rows))
        self.sheet, self.rows = sheet, rows
        self.widths = {sheet.first_column + n: c.width or DEFAULT_WIDTH for n, c in enumerate(sheet.columns)}
        # the styles join the workbook's stylesheet now, before openpyxl saves it
        self.styles = BodyStyles(self.ws, sheet)
        self.style_ids: dict[tuple[int, str | None], str] = {}

    def _style(self, offset: int, value: object) -> str:
        key = (offset, value_format(value))
        try:
            return self.style_ids[key]
        except KeyError:
            style = self.style_ids[key] = str(self.styles.cell(*key).style_id)
            return style

    def rows_xml(self) -> str:
        """The records as sheetData rows: cells styled and rows fitted to their text (made before the workbook is
        saved, as it adds the styles to it)."""
        first, width = self.sheet.first_column, len(self.sheet.columns)
        letters = [column_letter(first + offset) for offset in range(width)]
        rows = []
        for number, values in enumerate(self.rows or [[]], start=2):  # an Excel Table needs a body row
            cells = []
            texts: dict[int, str] = {}
            for offset in range(width):
                value = values[offset] if offset < len(values) else None
                style = self._style(offset, value)
                if isinstance(value, str):
                    value = texts[first + offset] = cell_text(value)
                elif isinstance(value, (dt.date, dt.time)):
                    value = to_excel(value)  # the serial openpyxl writes, to the microsecond
                cells.append(cell_xml(f"{letters[offset]}{number}", value, style))
            rows.append(new_row(number, "".join(cells), row_points(texts, self.widths)))
        return "".join(rows)

    def write_into(self, package: Package, rows_xml: str) -> None:
        """The rows after the header in the sheet's part of the package openpyxl saved."""
        part = self.ws.path.lstrip("/")
        sheet = SheetXml(package.read(part))
        body = sheet.body() + rows_xml.encode("utf-8").decode("latin-1")  # as SheetXml holds text
        last_column = self.sheet.first_column + len(self.sheet.columns) - 1
        package.write(part, sheet.rebuilt(body, max(len(self.rows), 1) + 1, last_column))


def save_with_bodies(workbook, bodies: list[ListBody], path: Path) -> None:
    """Save the workbook openpyxl holds, with the list sheets' records put in, as `path`."""
    rows = [body.rows_xml() for body in bodies]
    saved = io.BytesIO()
    workbook.save(saved)
    package = Package(saved.getvalue())
    for body, xml in zip(bodies, rows):
        body.write_into(package, xml)
    path.write_bytes(package.to_bytes())
