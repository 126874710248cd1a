"""A sheet holding one table of records under a header row (Kasus, Pejabat, Libur, ...)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from ..core import layout
from ..core.book import Book
from ..core.cells import column_letter
from ..core.values import CellReader, field_readers
from ..errors import RenamedHeader
from .grid import Grid


def header_map(grid: Grid, sheet: layout.ListSheet, row: int = 1) -> dict[str, int]:
    """Normalised header -> column, over the sheet's whole header row."""
    found = {}
    for column in range(sheet.first_column, grid.width + 1):
        text = layout.normalise_header(grid.value(row, column))
        if text and text not in found:
            found[text] = column
    return found


def locate_columns(grid: Grid, sheet: layout.ListSheet) -> dict[str, int]:
    """Field -> column; a required header that is missing stops with the cell to fix."""
    headers = header_map(grid, sheet)
    columns = {}
    for position, column in enumerate(sheet.columns):
        index = headers.get(layout.normalise_header(column.header))
        if index is not None:
            columns[column.field] = index
        elif column.required:
            expected_at = sheet.first_column + position
            cell = f"{column_letter(expected_at)}1"
            written = grid.value(1, expected_at)
            now = f" (sekarang tertulis '{written}')" if written not in (None, "") else ""
            raise RenamedHeader(f"Judul kolom '{column.header}' tidak ditemukan di lembar {sheet.name}{now}; "
                                f"kembalikan judul kolom di sel {cell} menjadi '{column.header}'.",
                                sheet=sheet.name, cell=cell)
    return columns


def target_columns(grid: Grid, sheet: layout.ListSheet) -> dict[int, int]:
    """Year -> column of every 'Target YYYY' header."""
    years = {}
    for column in range(sheet.first_column, grid.width + 1):
        match = layout.TARGET_HEADER.match(str(grid.value(1, column) or ""))
        if match:
            years[int(match.group(1))] = column
    return years


Record = TypeVar("Record")


def typed_records(book: Book, sheet: str, record: type[Record], rows: Iterable[tuple[int, dict[str, object]]]
                  ) -> list[Record]:
    """Each row's values read into the record's field types; a cell that cannot be read so (a date typed as text)
    leaves its field None and what it held in book.unread. Columns the record does not keep are left out."""
    readers: dict[str, CellReader] = field_readers(record)
    found = []
    for row, values in rows:
        fields = {}
        for name, value in values.items():
            read = readers.get(name)
            if read is None:
                continue
            fields[name], readable = read(value)
            if not readable:
                book.unread[(sheet, book.cell(sheet, name, row))] = value
        found.append(record(**fields, row=row))  # type: ignore[call-arg]  # every record has its row
    return found


def read_list_sheet(grid: Grid, sheet: layout.ListSheet, extra: dict[str, int] | None = None):
    """[(row, {field: value})] of the non-blank rows, and {field: column letter}."""
    columns = locate_columns(grid, sheet)
    columns.update(extra or {})
    wanted = [(field, col - 1) for field, col in columns.items()]
    missing = [c.field for c in sheet.columns if c.field not in columns]
    records = []
    # a plain loop over the rows: this runs for every cell of Riwayat, so no helper calls per cell
    for row, cells in enumerate(grid.rows[1:], start=2):
        width = len(cells)
        values = {}
        blank = True
        for field, index in wanted:
            value = cells[index] if index < width else None
            if value == "":
                value = None
            elif blank and value is not None and not (isinstance(value, str) and not value.strip()):
                blank = False
            values[field] = value
        if blank:
            continue
        for field in missing:
            values[field] = None
        records.append((row, values))
    letters = {field: column_letter(col) for field, col in columns.items()}
    return records, letters
