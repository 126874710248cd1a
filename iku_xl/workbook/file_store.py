"""The workbook file as the place an action reads from and writes its changes to."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from pathlib import Path

from ..core import layout
from ..core.book import Book
from ..core.cells import column_index, column_letter
from ..core.history import HistoryEntry, earliest_year, moves_by_case, opening_year
from ..core.sop import Sop
from ..core.sop_register import SopRegisterEntry
from ..core.tracking import TRACKED_FIELDS
from ..core.values import as_moment, read_text, text_of
from ..core.workflow import is_open
from ..errors import MissingSheet, Refused
from .grid import Grid
from .history_years import CannotClose, Closed, close_years, closing_year
from .lacak import ShownRow
from .list_sheet import locate_columns, typed_records
from .ooxml.sheet_xml import Formula, SheetXml, TailSheet, UnfitForScan, from_serial, xml_text
from .ooxml.workbook_patch import WorkbookPatch
from .reader import (
    WholeSheetRead,
    history_case_rows,
    open_package,
    read_book,
    read_history,
    riwayat_columns,
    scan_history,
    start_history_read,
)
from .record_store import RecordStore, next_free_row
from .record_writer import keepable_lacak_rows, rebuild_lacak, update_lacak_rows, write_record
from .shared_file import exclusive

SEARCHED_CASES = 2  # cases whose rows are searched for one by one before the ID column is scanned whole


class FileStore(RecordStore):
    """Read under the program's lock; changes are patched in and saved once, losslessly. A store opened
    with `write=False` only reads, without the lock (staff may have the file open in Excel)."""

    def __init__(self, path: str | Path, history: bool | str = "lazy", write: bool = True):
        self.path = Path(path)
        self.folder = self.path.absolute().parent
        self.book = Book()  # an empty Book until the workbook is read on entering
        self.history_reading, self.writes = history, write
        self._dirty = False
        self._case_histories: dict[str, list[HistoryEntry]] = {}
        self._case_offsets: dict[str, list[int]] | None = None
        self._new_ids: set[str] = set()
        self._closed_sheets: dict[str, SheetXml] = {}
        self.closed: list[Closed] = []  # the years this action closed
        self.closing_note = ""
        self._lacak_moves: dict[str, list[HistoryEntry]] | None = None
        self._history_ahead: WholeSheetRead | None = None
        self._lacak_kept: tuple[dict[str, list[HistoryEntry]], dict[str, dict[str, ShownRow]]] | None = None

    def create(self, book: Book, settings: list[tuple[str, object, str]], hours: list[tuple[object, ...]],
               target_years: tuple[int, ...], *, force: bool = False) -> None:
        from ..files import atomic_output
        from .writer import write_new_workbook

        if self.path.exists() and not force:
            raise Refused(f"Berkas {self.path} sudah ada; pilih nama lain, atau tambahkan --force untuk menimpanya "
                          "(isi berkas lama akan hilang).", path=str(self.path))
        with atomic_output(self.path) as temporary:
            write_new_workbook(temporary, book, settings, hours, target_years)
        self.book = book

    def __enter__(self) -> FileStore:
        if not self.writes:
            self._package = open_package(self.path)
            reading = self.history_reading
            if reading == "next":
                self._history_ahead = start_history_read(self._package)
            try:
                self.book = read_book(self.path, history=False if reading == "next" else reading,
                                      package=self._package)
            except BaseException:
                self._end_read_ahead()
                raise
            return self
        self._lock = exclusive(self.path)
        self._shared = self._lock.__enter__()
        try:
            package = self._package = open_package(self.path, self._shared.read())
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
        self._end_read_ahead()
        if self.writes:
            self._lock.__exit__(*exc)

    def _end_read_ahead(self) -> None:
        """Nothing the store began outlives it: a read begun ahead and not used is waited for (calamine, in a
        thread still running as the interpreter exits, panics)."""
        if self._history_ahead is not None:
            self._history_ahead.wait()
            self._history_ahead = None

    def formula(self, text: str, shown: str | None = None) -> object:
        return Formula(text, shown)

    @property
    def output(self) -> Path:
        return self.book.settings.output_root(self.folder)

    def save_cases(self, changes) -> None:
        self._new_ids |= {case.id_text for before, case in changes  # new, or typed without an ID and opened
                          if (before is None or not before.id_text) and case.id_text}
        super().save_cases(changes)

    def append_history(self, entries: list[HistoryEntry]) -> None:
        """Riwayat's past years are closed first (see `history_years`): the new rows land in a Riwayat of one year."""
        year = closing_year([as_moment(e.time) for e in entries])
        if year is not None:
            self.close_years(year)
        super().append_history(entries)

    def close_years(self, year: int, look_at_all: bool = False) -> list[Closed]:
        """Move the rows of the cases finished before `year` to their years' sheets (see
        `history_years.close_years`); what was read of them follows."""
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

    def add_sop(self, sop: Sop) -> None:
        from . import lacak
        from .added_sheets import pick_lists, sop_sheets
        from .ooxml.add_sheets import add_sheets, set_pick_list

        add_sheets(self._patch, sop_sheets(sop, self.book), [sop.code, lacak.sheet_name(sop.code)])
        order = list(layout.PICK_LISTS)
        for name, items in pick_lists(self.book).items():
            column = order.index(name) + 1
            set_pick_list(self._patch, layout.DAFTAR, column, name, items, column_letter(column))
        self._dirty = True

    def add_register(self, entries: list[SopRegisterEntry]) -> bool:
        from .added_sheets import register_sheet
        from .ooxml.add_sheets import add_sheets

        add_sheets(self._patch, register_sheet(entries), [layout.DAFTAR_SOP.name])
        self._dirty = True
        return True

    def read_history(self, fields: Collection[str] | None = None, keep: Callable[[str], bool] | None = None,
                     since: int | None = None) -> list[HistoryEntry]:
        """Riwayat's columns scanned as the part is inflated, only those of `fields` and the rows `keep` keeps;
        of its closed years, those from `since` on."""
        kept = (lambda value: keep(read_text(value)[0] or "")) if keep is not None else None
        entries = read_history(self.book, self._package, fields=fields, keep=kept, since=since,
                               ahead=self._history_ahead)
        self._end_read_ahead()  # a read begun on entering serves the first read only, used or not
        return entries

    def rebuild_lacak(self, code: str, tracked: list[HistoryEntry] | None = None) -> None:
        if tracked is None or self.book.history_loaded:
            self._dirty |= rebuild_lacak(self._patch, self.book, code, self._tracked_moves())
            return
        moves, kept = self._lacak_plan(tracked)
        self._dirty |= rebuild_lacak(self._patch, self.book, code, moves, kept.get(code))

    def _tracked_moves(self) -> dict[str, list[HistoryEntry]] | None:
        """Every case's moves in force as the Lacak sheets show them, from the Riwayat columns they use only
        (read once for all SOPs); None when the whole history is read already."""
        if self.book.history_loaded:
            return None
        if self._lacak_moves is None:
            entries = read_history(self.book, self._patch.package, fields=TRACKED_FIELDS)
            self._lacak_moves = moves_by_case(entries)
        return self._lacak_moves

    def _lacak_plan(self, tracked: list[HistoryEntry]
                    ) -> tuple[dict[str, list[HistoryEntry]], dict[str, dict[str, ShownRow]]]:
        """For rebuilding every Lacak sheet when `tracked` holds every row of the cases that moved since their
        Lacak rows were written: the cases' moves in force and, by SOP code, the rows kept as they stand (see
        `keepable_lacak_rows`). A case with neither (new to its sheet, or its row not as a rebuild writes it)
        is read from every year's sheet, alone. Made once for all SOPs."""
        if self._lacak_kept is None:
            moves = moves_by_case(tracked)
            kept: dict[str, dict[str, ShownRow]] = {}
            unread: set[str] = set()
            for code in self.book.sops:
                settled = [c for c in self.book.cases if c.sop == code and c.id_text and c.id_text not in moves]
                rows = keepable_lacak_rows(self._patch, self.book, code, settled)
                if rows is not None:
                    kept[code] = rows
                    unread |= {c.id_text for c in settled} - set(rows)
            unread -= self._new_ids  # opened by this action: no row of them anywhere
            if unread:
                older = self.read_history(TRACKED_FIELDS, keep=unread.__contains__,
                                          since=earliest_year(sorted(unread), dt.MAXYEAR))
                moves.update(moves_by_case(older))
            self._lacak_kept = moves, kept
        return self._lacak_kept

    def history_next_row(self) -> int:
        if self.book.history_loaded:
            return next_free_row([h for h in self.book.history if h.sheet is None])
        last_column = max(column_index(c) for c in self.book.columns[layout.RIWAYAT.name].values())
        sheet = self._patch.tail_sheet(layout.RIWAYAT.name)
        last = sheet.last_filled_row(last_column)
        if isinstance(sheet, TailSheet) and last < sheet.first:  # the last rows hold formats only: held whole
            sheet = self._patch.whole_sheet(layout.RIWAYAT.name)
            last = sheet.last_filled_row(last_column)
        return max(last, 1) + 1

    def update_lacak(self, code: str, cases: list, new_entries: list[HistoryEntry],
                     tracked: list[HistoryEntry] | None = None) -> None:
        """The moved cases' rows of the Lacak sheet, from their own history only (in `tracked` when the action
        read it)."""
        if self.book.history_loaded:
            self.rebuild_lacak(code)
            return
        read: dict[str, list[HistoryEntry]] = {}
        for entry in tracked or []:
            read.setdefault(entry.case_id or "", []).append(entry)
        histories = {c.id_text: (read.get(c.id_text, []) if tracked is not None else self.case_history(c.id_text))
                     + [e for e in new_entries if e.case_id == c.id_text] for c in cases}
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

    def _history_ids(self, since: int | None = None) -> dict[str, tuple[str, int]]:
        """Each case ID Riwayat and its closed years (from `since` on) name, with the sheet and row first naming
        it: each sheet's ID column scanned as it is inflated."""
        return history_case_rows(self._patch.package, self.book.columns, since)

    def _history_sheet(self, name: str) -> SheetXml:
        """Riwayat (the sheet this store edits) or a closed year's sheet (read only), its columns known."""
        if name == layout.RIWAYAT.name:
            return self._patch.sheet(name)
        self._history_sheet_columns(name)
        if name not in self._closed_sheets:
            self._closed_sheets[name] = self._patch.sheet(name)
        return self._closed_sheets[name]

    def _history_sheet_columns(self, name: str) -> None:
        if name not in self.book.columns:
            self.book.columns[name] = riwayat_columns(self._patch.package, name)

    def case_history(self, case_id: str) -> list[HistoryEntry]:
        """One case's Riwayat rows, from one scan of each sheet it lived in as the part is inflated (only the
        rows of the cases asked for are read whole): the closed years from the year its ID names (every closed
        year for an ID typed otherwise), then Riwayat. From the second case an action asks for on, the rows of
        every open case are read in the same scans: each sheet is scanned twice at most (reschedule reads the
        open cases' rows itself, from Riwayat alone: see `actions.recent_history`)."""
        if case_id in self._new_ids:
            return []  # a case this action opened has no Riwayat yet: the sheet is not read for it
        if case_id not in self._case_histories:
            wanted = {case_id}
            if self._case_histories:
                wanted |= {c.id_text for c in self.book.cases if c.id_text and is_open(c)}
                wanted -= set(self._case_histories) | self._new_ids
            self._case_histories.update(self._histories_of(wanted))
        return list(self._case_histories[case_id])

    def _histories_of(self, wanted: set[str]) -> dict[str, list[HistoryEntry]]:
        found: dict[str, list[HistoryEntry]] = {case_id: [] for case_id in wanted}
        for name in layout.history_sheets(self._patch.parts):
            year = layout.history_year(name)
            here = {case_id for case_id in wanted
                    if year is None or (opened := opening_year(case_id)) is None or opened <= year}
            for case_id, entries in self._histories_in(name, here).items() if here else ():
                found[case_id] += entries
        return found

    def _histories_in(self, name: str, wanted: set[str]) -> dict[str, list[HistoryEntry]]:
        """The wanted cases' rows in one of Riwayat's sheets."""
        found: dict[str, list[HistoryEntry]] = {case_id: [] for case_id in wanted}
        package = self._patch.package
        needles = None
        if len(wanted) <= SEARCHED_CASES:  # a case or two: their rows found by searching for their IDs
            needles = [xml_text(case_id) for case_id in wanted]
            needles += [f"<v>{index}</v>" for case_id in wanted for index in package.shared_strings_holding(case_id)]
        try:
            entries = scan_history(self.book, package, keep=lambda value: read_text(value)[0] in wanted,
                                   moment=from_serial, needles=needles, sheet=name)
        except UnfitForScan:  # a sheet written otherwise: searched in its text
            if name != layout.RIWAYAT.name:
                return {case_id: self._closed_rows(name, case_id) for case_id in wanted}
            if len(wanted) > SEARCHED_CASES:
                return {case_id: self._read_rows(self._rows_by_case().get(case_id, [])) for case_id in wanted}
            return {case_id: self._read_rows(self._case_offsets_of(case_id)) for case_id in wanted}
        for entry in entries:
            found[entry.case_id or ""].append(entry)
        return found

    def _closed_rows(self, name: str, case_id: str) -> list[HistoryEntry]:
        """The case's rows in a closed year's sheet the scan does not read, found by searching it for the ID."""
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
        """Where the case's rows stand in a sheet the scan does not read: for the first few cases an action
        asks for, found by searching Riwayat for the ID; past those, by one scan of the whole ID column."""
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
        if self.writes and self._dirty:
            self._shared.write(self._patch.to_bytes())
