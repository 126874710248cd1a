"""Read a workbook file into the plain Book, with python-calamine (fast, read-only)."""
from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from python_calamine import CalamineWorkbook

from ..core.book import Book
from ..core.case import Case
from ..core.history import HistoryEntry
from ..core.iku import IkuRow
from ..core.people import Official
from ..core.register import DayOff, NumberEntry
from ..errors import MissingSheet, UnreadableFile
from . import layout
from .grid import Grid, column_letter
from .list_sheet import read_list_sheet, target_columns
from .package import check_readable, error_cells
from .sop_sheet import find_sop_header, read_sop_sheet


def load_grids(path: Path, data: bytes | None = None, skip: set[str] = frozenset()) -> dict[str, Grid]:
    """Every sheet's values, but those named in `skip` come back empty (they are not parsed)."""
    check_readable(path)
    try:
        workbook = (CalamineWorkbook.from_filelike(io.BytesIO(data)) if data is not None
                    else CalamineWorkbook.from_path(str(path)))
        return {name: Grid(name, [] if name in skip else
                           workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
                for name in workbook.sheet_names}
    except Exception as error:  # calamine raises its own error types for broken packages
        raise UnreadableFile(f"Berkas {path} tidak bisa dibaca sebagai buku kerja Excel ({error}).",
                             path=str(path)) from error


def read_book(path: str | Path, data: bytes | None = None, history: bool | str = True) -> Book:
    """The workbook at `path` (or its bytes `data`, already read) as a plain Book.

    Riwayat is the sheet that grows without end: `history=False` leaves it unread (status and
    validate do not need it); `history="lazy"` reads it on the first use of `book.history`."""
    path = Path(path)
    grids = load_grids(path, data, skip=set() if history is True else {layout.RIWAYAT.name})
    if history is not True:
        grids[layout.RIWAYAT.name] = Grid(layout.RIWAYAT.name, [[c.header for c in layout.RIWAYAT.columns]])
    book = book_from_grids(grids, str(path))
    if history == "lazy":
        book._history = None  # what _read_lists put there came from the stand-in header only
        book.history_loader = lambda: read_history(book, path, data)
    # Riwayat and Lacak are written by the program; the rules read the sheets staff type into
    book.error_cells = error_cells(io.BytesIO(data) if data is not None else path,
                                   [name for name in grids if name not in (layout.DAFTAR, layout.RIWAYAT.name)
                                    and not name.startswith(layout.LACAK_PREFIX)])
    return book


def book_from_grids(grids: dict[str, Grid], where: str) -> Book:
    """The sheets' plain values (from the file or from Excel itself) as a Book."""
    for sheet in layout.LIST_SHEETS:
        if sheet.name not in grids:
            raise MissingSheet(f"Lembar '{sheet.name}' tidak ada di berkas {where}; kembalikan lembar itu "
                               "(atau salin dari workbook/iku.xlsx) lalu jalankan lagi.", sheet=sheet.name, path=where)
    book = Book()
    for name, grid in grids.items():
        if name in layout.RESERVED_SHEETS or find_sop_header(grid) is None:
            continue
        sop, columns, header_row = read_sop_sheet(grid)
        book.sops[sop.code] = sop
        book.columns[name] = columns
        book.header_rows[name] = header_row
    _read_lists(book, grids)
    return book


def read_history(book: Book, path: Path, data: bytes | None) -> list[HistoryEntry]:
    """Riwayat alone, for a Book read without it."""
    grids = load_grids(path, data, skip={n for n in _sheet_names(path, data) if n != layout.RIWAYAT.name})
    records, columns = read_list_sheet(grids[layout.RIWAYAT.name], layout.RIWAYAT)
    book.columns[layout.RIWAYAT.name] = columns
    return [HistoryEntry(**values, row=row) for row, values in records]


def _sheet_names(path: Path, data: bytes | None) -> list[str]:
    workbook = (CalamineWorkbook.from_filelike(io.BytesIO(data)) if data is not None
                else CalamineWorkbook.from_path(str(path)))
    return workbook.sheet_names


def _read_lists(book: Book, grids: dict[str, Grid]) -> None:
    def rows(sheet: layout.ListSheet, extra: dict[str, int] | None = None):
        records, columns = read_list_sheet(grids[sheet.name], sheet, extra)
        book.columns.setdefault(sheet.name, {}).update(columns)
        book.header_rows[sheet.name] = 1
        return records

    # Terlambat (Excel's own formula) and Naskah (links) are for staff; the model does not keep them
    case_fields = {f.name for f in dataclasses.fields(Case)}
    book.cases = [Case(**{k: v for k, v in values.items() if k in case_fields}, row=row)
                  for row, values in rows(layout.KASUS)]
    book.history = [HistoryEntry(**values, row=row) for row, values in rows(layout.RIWAYAT)]
    targets = target_columns(grids[layout.IKU.name], layout.IKU)
    for row, values in rows(layout.IKU, {f"target:{year}": col for year, col in targets.items()}):
        found = {year: values.pop(f"target:{year}") for year in targets}
        book.iku_rows.append(IkuRow(**values, targets={y: v for y, v in found.items() if v is not None}, row=row))
    book.columns[layout.IKU.name]["targets"] = column_letter(min(targets.values())) if targets else "A"
    book.officials = [Official(**values, row=row) for row, values in rows(layout.PEJABAT)]
    book.numbers = [NumberEntry(**values, row=row) for row, values in rows(layout.PENOMORAN)]
    book.days_off = [DayOff(**values, row=row) for row, values in rows(layout.LIBUR)]
    book.settings = {str(v["key"]).strip(): v["value"] for _, v in rows(layout.PENGATURAN) if v["key"] is not None}
    book.settings["_jam_kerja"] = [values for _, values in rows(layout.JAM_KERJA)]
