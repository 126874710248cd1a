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
        self._pending: dict[str, dict[int, dict[int, tuple]]] | None = None  # a batch of writes, by sheet and row
        self._sheet_names: list[str] | None = None  # once read
        self.unnoted = 0  # findings' cells marked without a note (show_findings)

    def __enter__(self) -> LiveStore:
        """Each sheet a Book is made of read in one block; the program's derived sheets (Lacak, Temuan, Daftar
        Pilihan, Panel, Panduan) are not read, as the file reader skips them. Entered again (the moves of several
        selected cases), the store keeps what it read: each move changes the Book as it writes the workbook."""
        if self._sheet_names is not None:
            return self
        grids = {}
        names = []
        for sheet in self.xw_book.sheets:
            names.append(sheet.name)
            if not _read_for_book(names[-1]):
                continue
            grid, errors = read_sheet(sheet)
            grids[sheet.name] = grid
            if layout.staff_typed(sheet.name):
                self._errors += errors
        self.book = book_from_grids(grids, self.xw_book.name)
        self.book.error_cells = self._errors
        self._sheet_names = names
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
        """Marked on their cells (a note on the first few) and listed on Temuan; `unnoted` counts the cells
        marked without a note."""
        from .findings_sheet import show_findings

        self.unnoted = show_findings(self.xw_book, findings)

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
        if self._sheet_names is not None:
            self._sheet_names += names

    def write_record(self, sheet_layout: layout.ListSheet, record, row: int, fields: list[str] | None = None) -> None:
        """The record's cells, written at once, or with the rest of a batch (`_batch`)."""
        letters = self.book.columns.get(sheet_layout.name, {})
        kinds = {c.field: c.kind for c in sheet_layout.columns}
        cells = self._pending.setdefault(sheet_layout.name, {}).setdefault(row, {}) if self._pending is not None \
            else {}
        for field in fields or [c.field for c in sheet_layout.columns]:
            if field in letters and hasattr(record, field):
                cells[column_index(letters[field])] = (getattr(record, field), kinds.get(field))
        if self._pending is None:
            self._write_rows(sheet_layout.name, {row: cells})

    @contextlib.contextmanager
    def _batch(self):
        """Records written inside are written together when it ends: one block per run of rows that change the
        same columns, so a hundred new cases or Riwayat rows cost what one does."""
        if self._pending is not None:
            yield
            return
        self._pending = {}
        try:
            yield
            pending = self._pending
        finally:
            self._pending = None
        for name, rows in pending.items():
            self._write_rows(name, rows)

    def _write_rows(self, name: str, rows: dict[int, dict[int, tuple]]) -> None:
        """One block write per run of adjacent columns over rows that follow each other; text columns get the
        text format first. Rows that change different columns share a block when the cells one leaves alone
        are empty (None is written there: nothing changes); otherwise the rows that change the same columns do."""
        sheet = self.xw_book.sheets[name]
        for first, last, columns in _row_blocks({row: dict.fromkeys(rows[row]) for row in rows}, joined=True):
            block = {row: rows[row] for row in range(first, last + 1)}
            if all(len(block[row]) == len(columns) for row in block) or _empty_where_left(sheet, block, columns):
                _write_block(sheet, block, first, last, columns)
                continue
            for part_first, part_last, part_columns in _row_blocks(block):
                _write_block(sheet, block, part_first, part_last, part_columns)
        _grow_table(sheet, set(rows))

    def save_cases(self, changes) -> None:
        with self._batch():
            super().save_cases(changes)

    def append_history(self, entries) -> None:
        with self._batch():
            super().append_history(entries)

    def record_numbers(self, entries) -> None:
        with self._batch():
            super().record_numbers(entries)

    def record_meetings(self, meetings) -> bool:
        with self._batch():
            return super().record_meetings(meetings)

    def has_sheet(self, name: str) -> bool:
        names = self._sheet_names if self._sheet_names is not None else [s.name for s in self.xw_book.sheets]
        return name in names

    def _lacak_sheet(self, code: str):
        """The SOP's Lacak sheet, its SOP and the colours of its legend; None when there is no such sheet."""
        name = lacak.sheet_name(code)
        if not self.has_sheet(name):
            return None
        sheet = self.xw_book.sheets[name]
        legend = {key: sheet.range((layout.LACAK_LEGEND_ROW, column)).color
                  for column, _, key in layout.LACAK_LEGEND if key != "text"}
        return sheet, self.book.sops[code], legend

    def rebuild_lacak(self, code: str, tracked: list | None = None) -> None:
        """From the whole history, read already (`tracked` is not needed)."""
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
        return next_free_row([h for h in self.book.history if h.sheet is None])  # Riwayat's, not a closed year's

    def update_lacak(self, code: str, cases: list, new_entries: list, tracked: list | None = None) -> None:
        """Only the moved cases' rows: a whole Lacak sheet would be thousands of colour calls to Excel (from the
        whole history, read already)."""
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
        by_row = dict(placed)
        for first, last, _ in _row_blocks({row: {1: None} for row, _ in placed}, joined=True):  # rows in a run
            width = max(len(by_row[r]) for r in range(first, last + 1))
            sheet.range((first, 1), (last, width)).color = None
            format_as_text(sheet, (first, 1), (last, fixed))
            sheet.range((first, fixed + 1), (last, width)).number_format = DATE_FORMAT
            sheet.range((first, 1)).value = [[cell.value for cell in by_row[r]] + [None] * (width - len(by_row[r]))
                                             for r in range(first, last + 1)]
        paint(sheet, _fills(placed, legend))

    def commit(self) -> None:
        """Excel holds the file: the changes are in the open workbook, for staff to save as usual."""


def _read_for_book(name: str) -> bool:
    derived = {layout.PANDUAN, layout.PANEL, layout.TEMUAN, layout.DAFTAR}
    return name not in derived and not name.startswith(layout.LACAK_PREFIX)


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


def _row_blocks(rows: dict[int, dict], joined: bool = False) -> list[tuple[int, int, list[int]]]:
    """(first row, last row, columns) for each run of rows that follow each other and change the same columns;
    `joined`, whatever columns they change (the columns any of them does)."""
    blocks: list[tuple[int, int, list[int]]] = []
    for row in sorted(rows):
        columns = sorted(rows[row])
        if blocks and blocks[-1][1] == row - 1 and (joined or blocks[-1][2] == columns):
            blocks[-1] = (blocks[-1][0], row, sorted(set(blocks[-1][2]) | set(columns)))
        elif columns:
            blocks.append((row, row, columns))
    return blocks


def _empty_where_left(sheet, block: dict[int, dict[int, tuple]], columns: list[int]) -> bool:
    """Whether every cell of the block a row leaves alone is empty (no value, no formula): one call."""
    first, last = min(block), max(block)
    formulas = sheet.range((first, columns[0]), (last, columns[-1])).formula
    return all(formulas[row - first][column - columns[0]] in ("", None)
               for row in block for column in columns if column not in block[row])


def _write_block(sheet, block: dict[int, dict[int, tuple]], first: int, last: int, columns: list[int]) -> None:
    kinds = {column: kind for cells in block.values() for column, (_, kind) in cells.items()}
    for run in _runs(columns):
        for text_run in _runs([c for c in run if kinds.get(c) == "text"]):
            format_as_text(sheet, (first, text_run[0]), (last, text_run[-1]))
        sheet.range((first, run[0]), (last, run[-1])).value = [
            [block[row][c][0] if c in block[row] else None for c in run] for row in range(first, last + 1)]


def _grow_table(sheet, rows: set[int]) -> None:
    """Rows written just below an Excel Table join it, as when staff type there."""
    for table in getattr(sheet, "tables", []):
        area = table.range
        end = area.last_cell.row
        while end + 1 in rows:
            end += 1
        if end != area.last_cell.row:
            table.resize(sheet.range((area.row, area.column), (end, area.last_cell.column)))
