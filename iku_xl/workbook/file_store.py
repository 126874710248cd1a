"""The workbook file as the place an action reads from and writes its changes to."""
from __future__ import annotations

from pathlib import Path

from ..core import layout
from ..core.book import Book
from ..core.cells import column_index, column_letter
from ..core.history import HistoryEntry, opening_year
from ..core.values import as_moment, text_of
from ..errors import MissingSheet
from ..store import RecordStore, next_free_row
from .grid import Grid
from .history_years import CannotClose, Closed, close_years, closing_year
from .list_sheet import locate_columns, typed_records
from .ooxml.sheet_xml import Formula, SheetXml, from_serial
from .ooxml.workbook_patch import WorkbookPatch
from .reader import open_package, read_book, riwayat_columns
from .record_writer import rebuild_lacak, update_lacak_rows, write_record
from .shared_file import exclusive

SEARCHED_CASES = 2  # cases whose rows are searched for one by one before the ID column is scanned whole


class FileStore(RecordStore):
    """Read under the program's lock; changes are patched in and saved once, losslessly."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.folder = self.path.absolute().parent
        self.book = Book()  # an empty Book until the workbook is read on entering
        self._dirty = False
        self._case_histories: dict[str, list[HistoryEntry]] = {}
        self._case_offsets: dict[str, list[int]] | None = None
        self._new_ids: set[str] = set()
        self._closed_sheets: dict[str, SheetXml] = {}
        self.closed: list[Closed] = []  # the years this action closed
        self.closing_note = ""

    def __enter__(self) -> FileStore:
        self._lock = exclusive(self.path)
        self._shared = self._lock.__enter__()
        try:
            package = open_package(self.path, self._shared.read())
            self.book = read_book(self.path, history="lazy", package=package)
            self._patch = WorkbookPatch(package)
            self._riwayat_columns()
            self.book.case_history_loader = self.case_history
            self.book.history_ids_loader = self._history_ids
        except BaseException:
            self._lock.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        self._lock.__exit__(*exc)

    def formula(self, text: str, shown: str | None = None) -> object:
        return Formula(text, shown)

    @property
    def output(self) -> Path:
        return self.book.settings.output_root(self.folder)

    def save_cases(self, changes) -> None:
        self._new_ids |= {case.id_text for before, case in changes if before is None and case.id_text}
        super().save_cases(changes)

    def append_history(self, entries: list[HistoryEntry]) -> None:
        """Riwayat's past years are closed first (see `history_years`): the new rows land in a Riwayat of one year."""
        year = closing_year([as_moment(e.time) for e in entries])
        if year is not None:
            self.close_years(year)
        super().append_history(entries)

    def close_years(self, year: int, look_at_all: bool = False) -> list[Closed]:
        """Move Riwayat's rows dated before `year` to their years' sheets (see `history_years.close_years`); what
        was read of them follows."""
        try:
            closed, where = close_years(self._patch, self.book.columns[layout.RIWAYAT.name], year, look_at_all)
        except CannotClose:
            self.closing_note = ("Riwayat tahun lalu belum dipindah ke lembar tahunnya karena lembar Riwayat memuat "
                                 "catatan, gambar, sel gabungan atau rumus bersama; semua baris tetap di Riwayat.")
            return []
        if not closed:
            return []
        self._dirty = True
        self.closed += closed
        for done in closed:
            self.book.columns[done.sheet] = dict(self.book.columns[layout.RIWAYAT.name])
            self._closed_sheets.pop(done.sheet, None)
        self._case_offsets = None
        loaded = [e for rows in self._case_histories.values() for e in rows]
        for entry in {id(e): e for e in loaded + (self.book.history if self.book.history_loaded else [])}.values():
            if entry.sheet is None and entry.row in where:
                entry.sheet, entry.row = where[entry.row]
        if self.book.history_loaded:  # oldest first again: the closed years, then Riwayat
            order = {name: place for place, name in enumerate(layout.history_sheets(self._patch.parts))}
            self.book.history = sorted(self.book.history,
                                       key=lambda e: order.get(e.sheet or layout.RIWAYAT.name, len(order)))
        return closed

    def write_record(self, sheet: layout.ListSheet, record, row: int, fields: list[str] | None = None) -> None:
        write_record(self._patch, self.book, sheet, record, row, fields)
        self._dirty = True

    def has_sheet(self, name: str) -> bool:
        return name in self._patch.parts

    def rebuild_lacak(self, code: str) -> None:
        self._dirty |= rebuild_lacak(self._patch, self.book, code)

    def history_next_row(self) -> int:
        if self.book.history_loaded:
            return next_free_row([h for h in self.book.history if h.sheet is None])
        last_column = max(column_index(c) for c in self.book.columns[layout.RIWAYAT.name].values())
        return max(self._patch.sheet(layout.RIWAYAT.name).last_filled_row(last_column), 1) + 1

    def update_lacak(self, code: str, cases: list, new_entries: list[HistoryEntry]) -> None:
        """The moved cases' rows of the Lacak sheet, from their own history only."""
        if self.book.history_loaded:
            self.rebuild_lacak(code)
            return
        histories = {c.id_text: self.case_history(c.id_text) + [e for e in new_entries if e.case_id == c.id_text]
                     for c in cases}
        self._dirty |= update_lacak_rows(self._patch, self.book, code, cases, histories)

    def _riwayat_columns(self) -> None:
        """Riwayat's column letters from its header row, read from the XML (the sheet itself stays unread)."""
        if not self._patch.has_sheet(layout.RIWAYAT.name):
            raise MissingSheet(f"Lembar '{layout.RIWAYAT.name}' tidak ada di berkas {self.path}; kembalikan lembar "
                               "itu (atau salin dari workbook/iku.xlsx) lalu jalankan lagi.",
                               sheet=layout.RIWAYAT.name, path=str(self.path))
        header = self._patch.package.sheet_head(layout.RIWAYAT.name, self._patch.date1904).cells(1)
        row = [header[c].value if c in header else None for c in range(1, max(header, default=0) + 1)]
        letters = {
            f: column_letter(c) for f, c in locate_columns(Grid(layout.RIWAYAT.name, [row]), layout.RIWAYAT).items()
        }
        self.book.columns[layout.RIWAYAT.name] = letters

    def _history_ids(self) -> dict[str, tuple[str, int]]:
        """Each case ID Riwayat and its closed years name, with the sheet and row first naming it (as
        `reader.history_case_rows`), Riwayat from the sheet this store edits: one inflate of it, whatever else
        the action reads of it."""
        found: dict[str, tuple[str, int]] = {}
        for name in layout.history_sheets(self._patch.parts):
            sheet = self._history_sheet(name)
            for row, value, _ in sheet.column_at(self.book.columns[name]["case_id"]):
                text = str(value).strip() if value is not None else ""
                if row > 1 and text:
                    found.setdefault(text, (name, row))
        return found

    def _history_sheet(self, name: str) -> SheetXml:
        """Riwayat (the sheet this store edits) or a closed year's sheet (read only), its columns known."""
        if name == layout.RIWAYAT.name:
            return self._patch.sheet(name)
        if name not in self._closed_sheets:
            self._closed_sheets[name] = self._patch.sheet(name)
            self.book.columns[name] = riwayat_columns(self._patch.package, name)
        return self._closed_sheets[name]

    def case_history(self, case_id: str) -> list[HistoryEntry]:
        """One case's Riwayat rows: those of the closed years it lived in (from the year its ID names; every
        closed year for an ID typed otherwise), then Riwayat's. In Riwayat the case column of the sheet XML is
        scanned once for every case (where each case's rows stand), and only the rows of the cases asked for
        are read; a closed year is searched for the case's ID."""
        if case_id in self._new_ids:
            return []  # a case this action opened has no Riwayat yet: the sheet is not read for it
        if case_id not in self._case_histories:
            opened = opening_year(case_id)
            earlier = [self._closed_rows(name, case_id) for name in layout.history_sheets(self._patch.parts)[:-1]
                       if opened is None or (layout.history_year(name) or 0) >= opened]
            self._case_histories[case_id] = [entry for rows in earlier for entry in rows] + \
                self._read_rows(self._case_offsets_of(case_id))
        return list(self._case_histories[case_id])

    def _closed_rows(self, name: str, case_id: str) -> list[HistoryEntry]:
        """The case's rows in a closed year's sheet, found by searching it for the ID."""
        sheet = self._history_sheet(name)
        letter = self.book.columns[name].get("case_id")
        if letter is None:
            return []
        shared = self._patch.package.shared_strings_holding(case_id) if '"s"' in sheet.text else []
        found = sheet.cells_holding(letter, case_id, shared)
        if found is None:
            found = list(sheet.column_at(letter))
        return self._read_rows([offset for row, value, offset in found if row > 1 and text_of(value) == case_id],
                               name)

    def _case_offsets_of(self, case_id: str) -> list[int]:
        """Where the case's rows stand: for the first few cases an action asks for (advance, undo: one),
        found by searching Riwayat for the ID; past those (reschedule: every open case), by one scan of
        the whole ID column for every case."""
        if self._case_offsets is None and len(self._case_histories) < SEARCHED_CASES:
            sheet = self._patch.sheet(layout.RIWAYAT.name)
            shared = self._patch.package.shared_strings_holding(case_id) if '"s"' in sheet.text else []
            found = sheet.cells_holding(self.book.columns[layout.RIWAYAT.name]["case_id"], case_id, shared)
            if found is not None:
                return [offset for row, value, offset in found if row > 1 and text_of(value) == case_id]
        return self._rows_by_case().get(case_id, [])

    def _rows_by_case(self) -> dict[str, list[int]]:
        """Case ID -> offsets of its cells in Riwayat's case column, in sheet order (one scan, on first use)."""
        if self._case_offsets is None:
            sheet = self._patch.sheet(layout.RIWAYAT.name)
            found: dict[str, list[int]] = {}
            for row, value, offset in sheet.column_at(self.book.columns[layout.RIWAYAT.name]["case_id"]):
                if row > 1:
                    found.setdefault(text_of(value), []).append(offset)
            self._case_offsets = found
        return self._case_offsets

    def _read_rows(self, offsets: list[int], name: str = layout.RIWAYAT.name) -> list[HistoryEntry]:
        sheet = self._history_sheet(name)
        letters = self.book.columns[name]
        kinds = {c.field: c.kind for c in layout.RIWAYAT.columns}
        by_column = {column_index(letter): field for field, letter in letters.items()}
        rows = []
        for number in (sheet.row_at(offset) for offset in offsets):
            values: dict[str, object] = {field: None for field in kinds}
            for column, cell in sheet.cells(number).items():
                field, value = by_column.get(column), cell.value
                if field:
                    values[field] = (
                        from_serial(value, self._patch.date1904) if kinds[field] in ("date", "datetime") else value
                    )
            rows.append((number, values))
        entries = typed_records(self.book, name, HistoryEntry, rows)
        for entry in entries if name != layout.RIWAYAT.name else []:
            entry.sheet = name  # a closed year's row
        return entries

    def commit(self) -> None:
        if self._dirty:
            self._shared.write(self._patch.to_bytes())
