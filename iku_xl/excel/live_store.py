"""The workbook open in Excel as the place an action reads from and writes to, in whole blocks."""
from __future__ import annotations

import contextlib
from pathlib import Path

from ..core import layout
from ..core.book import Book
from ..core.cells import column_index, column_letter
from ..core.findings import Finding
from ..core.sop import Sop
from ..core.sop_register import SopRegisterEntry
from ..core.tracking import tracking_rows
from ..errors import Refused
from ..workbook import lacak
from ..workbook.reader import book_from_grids
from ..workbook.record_store import RecordStore, next_free_row
from .live_grids import read_sheet
from .live_sheets import format_as_text, paint, selected_rows, sheet_named

DATE_FORMAT = "dd/mm/yyyy hh:mm"


def workbook_path(xw_book) -> Path | None:
    """The open workbook's file; None for one never saved (or opened from a web address)."""
    full = str(getattr(xw_book, "fullname", "") or "")
    if not full or full.startswith(("http://", "https://")):
        return None
    path = Path(full)
    return path if path.exists() else None


@contextlib.contextmanager
def action_lock(xw_book):
    """The lock the command line takes on the same file: one action at a time on a workbook."""
    from ..workbook.shared_file import program_lock

    path = workbook_path(xw_book)
    if path is None:
        yield
        return
    with program_lock(path):
        yield


class LiveStore(RecordStore):
    def __init__(self, xw_book):
        self.xw_book = xw_book
        full = str(getattr(xw_book, "fullname", "") or "")
        if full.startswith(("http://", "https://")):
            raise Refused("Buku kerja ini dibuka dari OneDrive/SharePoint (alamatnya URL); simpan salinannya di folder "
                          "lokal atau folder yang disinkronkan, buka dari sana, lalu jalankan lagi.")
        self.folder = Path(full).parent if full else Path.cwd()
        self.book = Book()  # an empty Book until the workbook is read on entering
        self._errors: list = []

    def __enter__(self) -> LiveStore:
        grids = {}
        for sheet in self.xw_book.sheets:
            grid, errors = read_sheet(sheet)
            grids[sheet.name] = grid
            if layout.staff_typed(sheet.name):
                self._errors += errors
        self.book = book_from_grids(grids, self.xw_book.name)
        self.book.error_cells = self._errors
        return self

    def __exit__(self, *exc) -> None:
        return None

    @property
    def output(self) -> Path:
        return self.book.settings.output_root(self.folder)

    def case_ids_in(self, selection) -> list[str]:
        """The IDs of the cases in the rows of a selection on Kasus (rows a filter hides left out)."""
        rows = set(selected_rows(selection, max((c.row or 1 for c in self.book.cases), default=1)))
        return [c.id_text for c in self.book.cases if c.row in rows and c.id_text]

    def create(self, book: Book, settings: list, hours: list, target_years: tuple[int, ...], *,
               force: bool = False) -> None:
        raise Refused("Buku kerja yang sedang dibuka sudah ada; buat buku kerja baru dengan 'iku-xl init BERKAS'.")

    def show_findings(self, findings: list[Finding]) -> None:
        from .findings_sheet import show_findings

        show_findings(self.xw_book, findings)

    def add_sop(self, sop: Sop) -> None:
        """The two sheets copied in from a workbook of their own, opened beside this one; the pick lists rewritten."""
        from ..workbook.added_sheets import pick_lists, sop_sheets

        names = [sop.code, lacak.sheet_name(sop.code)]
        taken = [name for name in names if sheet_named(self.xw_book, name) is not None]
        if taken:
            raise Refused(f"Lembar {taken[0]} sudah ada; pakai kode SOP lain (mengganti SOP yang ada: 'iku-xl sop "
                          "import ... --replace' dengan buku kerja tertutup).", sheet=taken[0])
        self._copy_sheets(sop_sheets(sop, self.book), names)
        daftar = sheet_named(self.xw_book, layout.DAFTAR)
        if daftar is None:
            return
        order = list(layout.PICK_LISTS)
        for name, items in pick_lists(self.book).items():
            letter = column_letter(order.index(name) + 1)
            daftar.range(f"{letter}2").options(transpose=True).value = items
            reference = f"='{layout.DAFTAR}'!${letter}$2:${letter}${len(items) + 1}"
            if self.xw_book.names.contains(name):
                self.xw_book.names[name].refers_to = reference
            else:
                self.xw_book.names.add(name, reference)

    def add_register(self, entries: list[SopRegisterEntry]) -> bool:
        from ..workbook.added_sheets import register_sheet

        self._copy_sheets(register_sheet(entries), [layout.DAFTAR_SOP.name])
        return True

    def _copy_sheets(self, scratch: bytes, names: list[str]) -> None:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="iku-impor-") as folder:
            path = Path(folder) / "lembar.xlsx"
            path.write_bytes(scratch)
            other = self.xw_book.app.books.open(str(path))
            try:
                for name in names:
                    other.sheets[name].copy(after=self.xw_book.sheets[-1])
            finally:
                other.close()

    def write_record(self, sheet_layout: layout.ListSheet, record, row: int, fields: list[str] | None = None) -> None:
        """One block write per run of adjacent columns; text columns get the text format first."""
        sheet = self.xw_book.sheets[sheet_layout.name]
        letters = self.book.columns.get(sheet_layout.name, {})
        kinds = {c.field: c.kind for c in sheet_layout.columns}
        cells = {}
        for field in fields or [c.field for c in sheet_layout.columns]:
            if field in letters and hasattr(record, field):
                cells[column_index(letters[field])] = (getattr(record, field), kinds.get(field))
        for run in _runs(sorted(cells)):
            for text_run in _runs([c for c in run if cells[c][1] == "text"]):
                format_as_text(sheet, (row, text_run[0]), (row, text_run[-1]))
            target = sheet.range((row, run[0]), (row, run[-1]))
            target.value = [[cells[c][0] for c in run]]
        _grow_table(sheet, row)

    def has_sheet(self, name: str) -> bool:
        return name in [s.name for s in self.xw_book.sheets]

    def _lacak_sheet(self, code: str):
        """The SOP's Lacak sheet, its SOP and the colours of its legend; None when there is no such sheet."""
        name = lacak.sheet_name(code)
        if name not in [s.name for s in self.xw_book.sheets]:
            return None
        sheet = self.xw_book.sheets[name]
        legend = {key: sheet.range((layout.LACAK_LEGEND_ROW, column)).color
                  for column, _, key in layout.LACAK_LEGEND if key != "text"}
        return sheet, self.book.sops[code], legend

    def rebuild_lacak(self, code: str) -> None:
        found = self._lacak_sheet(code)
        if found is None:
            return
        sheet, sop, legend = found
        grid = [lacak.header(sop)] + lacak.body(sop, tracking_rows(sop, self.book.cases, self.book.history))
        width = max(len(r) for r in grid)
        last = max(sheet.used_range.last_cell.row, layout.LACAK_HEADER_ROW + len(grid))
        old = sheet.range((layout.LACAK_HEADER_ROW + 1, 1), (last, max(width, sheet.used_range.last_cell.column)))
        old.clear_contents()
        old.color = None
        end = layout.LACAK_HEADER_ROW + len(grid)
        if len(grid) > 1:
            format_as_text(sheet, (layout.LACAK_HEADER_ROW + 1, 1), (end, len(layout.LACAK_FIXED)))
            sheet.range((layout.LACAK_HEADER_ROW + 1, len(layout.LACAK_FIXED) + 1), (end, width)).number_format = \
                DATE_FORMAT
        sheet.range((layout.LACAK_HEADER_ROW, 1)).value = [[cell.value for cell in r] + [None] * (width - len(r))
                                                           for r in grid]
        paint(sheet, _fills(enumerate(grid[1:], start=layout.LACAK_HEADER_ROW + 1), legend))

    def history_next_row(self) -> int:
        return next_free_row(self.book.history)

    def update_lacak(self, code: str, cases: list, new_entries: list) -> None:
        """Only the moved cases' rows: a whole Lacak sheet would be thousands of colour calls to Excel."""
        found = self._lacak_sheet(code)
        if found is None:
            return
        sheet, sop, legend = found
        last = max(sheet.used_range.last_cell.row, layout.LACAK_HEADER_ROW)
        ids = sheet.range((1, 1), (last, 1)).options(ndim=2).value or []
        where = {str(r[0]).strip(): n for n, r in enumerate(ids, start=1)
                 if n > layout.LACAK_HEADER_ROW and r and r[0] is not None}
        free = max([layout.LACAK_HEADER_ROW] + list(where.values())) + 1
        placed = list(lacak.placed_rows(sop, cases, self.book.history_of, where, free))
        fixed = len(layout.LACAK_FIXED)
        for row, cells in placed:
            sheet.range((row, 1), (row, len(cells))).color = None
            format_as_text(sheet, (row, 1), (row, fixed))
            sheet.range((row, fixed + 1), (row, len(cells))).number_format = DATE_FORMAT
            sheet.range((row, 1)).value = [[cell.value for cell in cells]]
        paint(sheet, _fills(placed, legend))

    def commit(self) -> None:
        """Excel holds the file: the changes are in the open workbook, for staff to save as usual."""


def _fills(rows, legend: dict) -> dict:
    """The legend colour of each styled cell, grouped by colour."""
    fills: dict = {}
    for r, cells in rows:
        for c, cell in enumerate(cells, start=1):
            if cell.style in legend and cell.value is not None:
                fills.setdefault(legend[cell.style], []).append((r, c))
    return fills


def _runs(columns: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for column in columns:
        if runs and column == runs[-1][-1] + 1:
            runs[-1].append(column)
        else:
            runs.append([column])
    return runs


def _grow_table(sheet, row: int) -> None:
    """A row written just below an Excel Table joins it, as when staff type there."""
    for table in getattr(sheet, "tables", []):
        area = table.range
        if area.last_cell.row == row - 1:
            table.resize(sheet.range((area.row, area.column), (row, area.last_cell.column)))
