"""Read a workbook file into the plain Book, with python-calamine (fast, read-only)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import threading
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path

from python_calamine import CalamineWorkbook

from ..core import layout
from ..core.book import Book
from ..core.case import Case
from ..core.cells import column_letter
from ..core.document_kinds import kind_code
from ..core.history import HistoryEntry
from ..core.iku import Budget, Cascade, IkuRow, QuarterTargets
from ..core.legal import LegalBasis
from ..core.meeting import Meeting
from ..core.people import Official, TeamMember
from ..core.profile import InstansiProfile, NumberPattern
from ..core.register import DayOff, NumberEntry
from ..core.settings import HoursRow, Settings
from ..core.sop_register import SopRegisterEntry
from ..core.values import field_readers, read_int, read_measure, read_moment, read_text
from ..errors import IkuError, MissingSheet, UnreadableFile, os_reason
from .grid import Grid
from .list_sheet import locate_columns, read_list_sheet, target_columns, typed_records
from .ooxml.package import Package, check_readable
from .ooxml.sheet_xml import UnfitForScan, from_serial, scan_columns
from .sop_sheet import find_sop_header, read_sop_sheet


def open_package(path: str | Path, data: bytes | None = None) -> Package:
    """The workbook's package, checked to be one we can read; `data` are its bytes when already read."""
    path = Path(path)
    if data is None:
        check_readable(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise UnreadableFile(f"Berkas {path} tidak bisa dibaca ({os_reason(error)}).", path=str(path)) from error
    elif not data.startswith(b"PK"):
        check_readable(path)
    return Package(data, str(path))


def sheets_to_read(package: Package, history: bool) -> list[str]:
    """The sheets a Book is made of: the list sheets and the SOP sheets; not the program's own
    derived sheets (Lacak, Temuan, Daftar Pilihan), nor Riwayat unless asked for."""
    skipped = {layout.PANDUAN, layout.PANEL, layout.TEMUAN, layout.DAFTAR}
    if not history:
        skipped.add(layout.RIWAYAT.name)
    return [name for name in package.sheet_parts() if name not in skipped
            and not name.startswith(layout.LACAK_PREFIX) and layout.history_year(name) is None]


def load_grids(package: Package, names: list[str]) -> dict[str, Grid]:
    """The values of the sheets `names`, each checked against the bounds before calamine reads it."""
    present = package.sheet_parts()
    for name in names:
        if name in present:
            package.check_extent(name)  # also inflates the part once, so its CRC is proven before calamine
    for part in (package.related("xl/workbook.xml", "/sharedStrings"), package.related("xl/workbook.xml", "/styles")):
        if part and package.has(part):
            package.read(part)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(package.data))
        available = set(workbook.sheet_names)
        return {name: Grid(name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
                for name in names if name in available}
    except IkuError:
        raise
    except Exception as error:  # calamine raises its own error types for broken packages
        raise _unreadable(package) from error


def _unreadable(package: Package) -> UnreadableFile:
    return UnreadableFile(f"Berkas {package.where} tidak bisa dibaca sebagai buku kerja Excel; pakai salinan "
                          "cadangannya atau simpan ulang dari Excel.", path=package.where)


def read_book(path: str | Path, data: bytes | None = None, history: bool | str = True,
              package: Package | None = None, since: Callable[[Book], int | None] | None = None) -> Book:
    """The workbook at `path` (or its bytes `data`, already read, or its open `package`) as a plain Book.

    Riwayat is the sheet that grows without end: `history=False` leaves it unread (status and
    validate do not need it); `history="lazy"` reads it on the first use of `book.history`. Its closed
    years ('Riwayat 2025') are read with it; `since(book)` names the oldest one a report needs (None: all)."""
    package = package or open_package(path, data)
    twins = _missing_parts_and_twins(package)
    names = sheets_to_read(package, False)  # Riwayat, when wanted, is read row by row below
    grids = load_grids(package, names)
    grids[layout.RIWAYAT.name] = Grid(layout.RIWAYAT.name, [[c.header for c in layout.RIWAYAT.columns]])
    book = book_from_grids(grids, package.where)
    book._history = None  # what _read_lists put there came from the stand-in header only
    if history is True:
        book.history = read_history(book, package, since=since(book) if since else None)
    else:
        book.history_ids_loader = lambda since: history_case_rows(package, book.columns, since)
    if history == "lazy":
        book.history_loader = lambda: read_history(book, package, since=since(book) if since else None)
    # Riwayat is written by the program; the rules read the sheets staff type into
    book.error_cells = [(name, cell, shown) for name in names if layout.staff_typed(name)
                        for cell, shown in package.sheet(name).error_cells()]
    book.structure_problems = twins + _shrunk_tables(package, book)
    return book


def _missing_parts_and_twins(package: Package) -> list[tuple[str, str, str]]:
    """A sheet the workbook lists whose content is missing makes the file unreadable (every write would fail);
    two sheets whose names differ only in letter case (Excel never allows it) are reported."""
    parts = package.sheet_parts()
    for name, part in parts.items():
        if not package.has(part):
            raise UnreadableFile(f"Lembar '{name}' tercantum di berkas {package.where} tetapi isinya hilang (berkas "
                                 "rusak); pakai salinan dari folder cadangan.", sheet=name, path=package.where)
    problems = []
    seen: dict[str, str] = {}
    for name in parts:
        other = seen.setdefault(name.casefold(), name)
        if other != name:
            problems.append((name, "A1", f"Lembar '{name}' dan '{other}' hanya berbeda huruf besar-kecil, yang tidak "
                                         f"diizinkan Excel; program hanya membaca '{other}'. Hapus atau ganti nama "
                                         "salah satunya."))
    return problems


def _shrunk_tables(package: Package, book: Book) -> list[tuple[str, str, str]]:
    """An Excel Table made smaller by hand than the rows it holds: rows below it are outside the Table (no
    formulas, dropdowns or filter for them)."""
    from .ooxml.parts import table_ref
    from .ooxml.workbook_patch import TABLE_REL

    records: dict[str, list] = {layout.KASUS.name: book.cases, layout.IKU.name: book.iku_rows,
                                layout.PENOMORAN.name: book.numbers, layout.PEJABAT.name: book.officials}
    problems = []
    parts = package.sheet_parts()
    for name, rows in records.items():
        last = max((r.row for r in rows if r.row), default=0)
        part = parts.get(name)
        if not last or not part or not package.has(part):
            continue
        for rel_type, table_part in package.rels_of(part).values():
            ref = table_ref(package, table_part) if rel_type.endswith(TABLE_REL) and package.has(table_part) else None
            if ref is not None and ref[1] == 1 and ref[3] < last:
                problems.append((name, f"A{ref[3] + 1}",
                                 f"Tabel Excel di lembar {name} berakhir di baris {ref[3]}, padahal data sampai baris "
                                 f"{last}; perbesar tabelnya (Table Design > Resize Table) sampai baris {last}."))
    return problems


def book_from_grids(grids: dict[str, Grid], where: str) -> Book:
    """The sheets' plain values (from the file or from Excel itself) as a Book."""
    missing = set()
    for sheet in layout.LIST_SHEETS:
        if sheet.name not in grids and sheet.optional:
            grids[sheet.name] = Grid(sheet.name, [[c.header for c in sheet.columns]])
            missing.add(sheet.name)
        elif sheet.name not in grids:
            raise MissingSheet(f"Lembar '{sheet.name}' tidak ada di berkas {where}; kembalikan lembar itu "
                               "(atau salin dari workbook/iku.xlsx) lalu jalankan lagi.", sheet=sheet.name, path=where)
    book = Book()
    for name, grid in grids.items():
        if name in layout.RESERVED_SHEETS or layout.history_year(name) is not None or find_sop_header(grid) is None:
            continue
        sop, columns, header_row = read_sop_sheet(grid)
        book.sops[sop.code] = sop
        book.columns[name] = columns
        book.header_rows[name] = header_row
    _read_lists(book, grids)
    book.missing_sheets = missing
    return book


def riwayat_columns(package: Package, name: str = layout.RIWAYAT.name) -> dict[str, str]:
    """Riwayat's (or a closed year's) column letters from its header row, read from the head of its XML (the rest
    stays packed)."""
    header = package.sheet_head(name).cells(1)
    row = [header[c].value if c in header else None for c in range(1, max(header, default=0) + 1)]
    found = locate_columns(Grid(name, [row]), layout.history_layout(name))
    return {f: column_letter(c) for f, c in found.items()}


def history_case_rows(package: Package, columns: dict[str, dict[str, str]] | None = None, since: int | None = None
                      ) -> dict[str, tuple[str, int]]:
    """Each case ID Riwayat and its closed years (those from `since` on, or all) name, with the sheet and row
    first naming it (oldest year first); only the ID columns are scanned, as each part is inflated (a sheet the
    scan does not read: from its text). Each sheet's column letters go into `columns`."""
    present = package.sheet_parts()
    found: dict[str, tuple[str, int]] = {}
    for name in layout.history_sheets(present):
        year = layout.history_year(name)
        if name not in present or (since is not None and year is not None and year < since):
            continue
        letters = riwayat_columns(package, name)
        if columns is not None:
            columns[name] = letters
        letter = letters.get("case_id")
        if not letter:
            continue
        here: dict[str, int] = {}
        try:
            scanned = scan_columns(package.pieces(present[name]), [letter], package.shared_string)
            column: Iterable[tuple[int, object]] = ((row, values[0]) for row, values in scanned)
            _first_rows(column, here)
        except UnfitForScan:
            here.clear()
            _first_rows(package.sheet(name).column(letter), here)
        for case_id, row in here.items():
            found.setdefault(case_id, (name, row))
    return found


def _first_rows(column: Iterable[tuple[int, object]], found: dict[str, int]) -> None:
    for row, value in column:
        text = str(value).strip() if value is not None else ""
        if row > 1 and text:
            found.setdefault(text, row)


# a history sheet read for every row is read by calamine up to this much XML: twice as fast as the scan, which reads
# each cell by pattern in Python, at about 2.5 times the sheet's XML in memory while it is read (measured:
# 15 MB of Riwayat in 0.3 s and 40 MB); a longer sheet is scanned as it is inflated, in bounded memory
WHOLE_BY_CALAMINE = 64 << 20


class WholeSheetRead:
    """Calamine's parse of one sheet, begun in a thread: calamine lets go of the GIL while it parses, so the
    caller reads the other sheets meanwhile (an export at 5k cases: Riwayat's 0.35 s of parse under the 0.3 s of
    the list sheets). `sheet()` waits for it; an error it met is raised there, where the read would meet it."""

    def __init__(self, package: Package, name: str):
        self.name = name
        self._sheet: object = None
        self._error: BaseException | None = None
        data = package.data  # bytes: the thread reads nothing of the package that the caller may change

        def parse() -> None:
            try:
                self._sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(name)
            except BaseException as error:  # handed to the reader, which says it in the user's words
                self._error = error

        # not a daemon (and its store waits for it on closing): calamine (pyo3) panics when it takes the GIL back
        # after the interpreter has finalized
        self._thread = threading.Thread(target=parse, name=f"iku-xl-read-{name}", daemon=False)
        self._thread.start()

    def wait(self) -> None:
        self._thread.join()

    def sheet(self):
        self.wait()
        if self._error is not None:
            raise self._error
        return self._sheet


def start_history_read(package: Package) -> WholeSheetRead | None:
    """Riwayat's whole read begun ahead, when `read_history` will read it by calamine (see WHOLE_BY_CALAMINE);
    None otherwise, or when its part is one the read refuses (read_history says why, in its turn)."""
    name = layout.RIWAYAT.name
    part = package.sheet_parts().get(name)
    if part is None or not package.has(part) or package.size(part) > WHOLE_BY_CALAMINE:
        return None
    try:
        package.check_extent(name)  # here, not in the thread: it inflates and checks the part once, as before
    except IkuError:
        return None
    return WholeSheetRead(package, name)


def read_history(book: Book, package: Package, fields: Collection[str] | None = None,
                 keep: Callable[[object], bool] | None = None, since: int | None = None,
                 ahead: WholeSheetRead | None = None) -> list[HistoryEntry]:
    """Riwayat's rows for a Book read without them, oldest first: the closed years from `since` on (None: all of
    them), then Riwayat itself; each entry of a closed year names its sheet. Only the `fields` asked for are read
    (the others stay None), and with `keep` only the rows whose case ID it keeps; each text repeated down the
    sheet (case IDs, actions, roles, names) held once. A sheet read for every row of at most WHOLE_BY_CALAMINE
    bytes of XML, and one written in a way the scan does not read, is read with calamine row by row (by `ahead`,
    its read begun earlier, if given); any other is scanned as the part is inflated, a few MB at a time, never
    held whole as a grid of Python values."""
    name = layout.RIWAYAT.name
    present = package.sheet_parts()
    if name not in present:
        raise MissingSheet(f"Lembar '{name}' tidak ada di berkas {package.where}; kembalikan lembar itu (atau salin "
                           "dari workbook/iku.xlsx) lalu jalankan lagi.", sheet=name, path=package.where)
    entries: list[HistoryEntry] = []
    for sheet in layout.history_sheets(present):
        year = layout.history_year(sheet)
        if year is not None and since is not None and year < since:
            continue
        # calamine reads the package as it was read: a part written since (in this action) is scanned as it stands
        if keep is not None or package.size(present[sheet]) > WHOLE_BY_CALAMINE or \
                present[sheet] in package.changed_parts():
            try:
                entries += scan_history(book, package, fields, keep, sheet=sheet)
                continue
            except UnfitForScan:
                pass
        whole = ahead if ahead is not None and ahead.name == sheet else None
        found = _read_history_with_calamine(book, package, sheet, whole, fields)
        entries += [e for e in found if keep(e.case_id)] if keep else found
    return entries


def scan_history(book: Book, package: Package, fields: Collection[str] | None = None,
                 keep: Callable[[object], bool] | None = None,
                 moment: Callable[[object, bool], object] | None = None,
                 needles: Sequence[str] | None = None, sheet: str = layout.RIWAYAT.name) -> list[HistoryEntry]:
    """`read_history` of one sheet (Riwayat, or a closed year's) by scanning its XML as it is inflated; raises
    UnfitForScan for a sheet the scan does not read. `moment(value, date1904)` turns a date column's number
    into a date (as calamine does, unless given); `needles`: see `scan_columns`."""
    moment = moment or _calamine_moment
    name = sheet
    own_sheet = None if name == layout.RIWAYAT.name else name
    letters = riwayat_columns(package, name)
    book.columns[name] = letters
    order = [f.name for f in dataclasses.fields(HistoryEntry) if f.name not in ("row", "sheet")]
    wanted = [f for f in order if f in letters and (fields is None or f in fields or f == "case_id")]
    places = [order.index(f) for f in wanted]
    kinds = {c.field: c.kind for c in layout.RIWAYAT.columns}
    dates = {i for i, f in enumerate(wanted) if kinds.get(f) in ("date", "datetime")}
    columns = [letters[f] for f in wanted]
    typed_row = _RowReader(book, name, wanted, columns)
    key = wanted.index("case_id") if keep is not None and "case_id" in wanted else None
    date1904 = package.uses_1904_dates()
    entries = []
    for number, values in scan_columns(package.pieces(package.sheet_parts()[name]), columns,
                                       package.shared_string, key, keep, needles):
        if number == 1:
            continue  # the header
        if dates:
            values = [moment(v, date1904) if i in dates else v for i, v in enumerate(values)]
        typed = typed_row(values, number)
        if typed is not None:
            full: list = [None] * (len(order) + 2)
            for place, value in zip(places, typed):
                full[place] = value
            full[-2:] = [number, own_sheet]
            entries.append(HistoryEntry(*full))
    return entries


class _RowReader:
    """A Riwayat row's cells read by their fields' types, as read_list_sheet reads a list sheet's: blank text is
    none, each text repeated down the sheet held once, a cell it cannot read kept in `book.unread` by its cell."""

    def __init__(self, book: Book, sheet: str, fields: Sequence[str], letters: Sequence[str]):
        by_field = field_readers(HistoryEntry)
        self.readers = [by_field[f] for f in fields]
        self.letters = list(letters)
        self.unread, self.sheet = book.unread, sheet
        self.texts: dict[str, str | None] = {}  # each text as typed -> as read

    def __call__(self, values: Sequence[object], number: int) -> list[object] | None:
        """The typed values in the fields' order; None for a row with nothing in it."""
        typed_values: list[object] = []
        blank = True
        texts = self.texts
        for value, read, letter in zip(values, self.readers, self.letters):
            if value is None or value == "":
                typed_values.append(None)
                continue
            kind = type(value)
            # the cells calamine gives most (text, a date-time, a whole number in a number column) read at once
            if kind is str and read is read_text:
                try:
                    text = texts[value]  # type: ignore[index]
                except KeyError:
                    text = texts[value] = read_text(value)[0]  # type: ignore[index]
                blank = blank and text is None
                typed_values.append(text)
                continue
            if kind is dt.datetime and read is read_moment:
                blank = False
                typed_values.append(value)
                continue
            if kind is float and read is read_int and value.is_integer():  # type: ignore[attr-defined]
                blank = False
                typed_values.append(int(value))  # type: ignore[call-overload]
                continue
            blank = blank and kind is str and not value.strip()  # type: ignore[attr-defined]
            typed, readable = read(value)
            if not readable:
                self.unread[(self.sheet, f"{letter}{number}")] = value
            typed_values.append(typed)
        return None if blank else typed_values


_DAY_MS = 86_400_000
_EPOCH_1900, _EPOCH_1904 = dt.datetime(1899, 12, 30), dt.datetime(1904, 1, 1)


def _calamine_moment(value: object, date1904: bool) -> object:
    """A date serial as calamine reads a date-formatted cell: to the millisecond, a date when it is midnight."""
    if not isinstance(value, float) or not 1 <= value < 2958466:
        return value
    moment = (_EPOCH_1904 if date1904 else _EPOCH_1900) + dt.timedelta(milliseconds=round(value * _DAY_MS))
    return moment.date() if value.is_integer() else moment


def _read_history_with_calamine(book: Book, package: Package, name: str, ahead: WholeSheetRead | None = None,
                                wanted: Collection[str] | None = None) -> list[HistoryEntry]:
    """One sheet of Riwayat rows, row by row from calamine; of `wanted` fields only (and the case ID), as the
    scan reads them, if given."""
    own_sheet = None if name == layout.RIWAYAT.name else name
    if ahead is None:
        package.check_extent(name)
    try:
        if ahead is not None:
            sheet = ahead.sheet()
        else:
            sheet = CalamineWorkbook.from_filelike(io.BytesIO(package.data)).get_sheet_by_name(name)
        first_row, first_column = sheet.start or (0, 0)
        rows = sheet.iter_rows()
        header = [None] * first_column + list(next(rows, [])) if first_row == 0 else []
        columns = locate_columns(Grid(name, [header]), layout.history_layout(name))
        book.columns[name] = {field: column_letter(column) for field, column in columns.items()}
        # each field's place in a row, in HistoryEntry's own order (-1: the sheet has no such column)
        fields = [f.name for f in dataclasses.fields(HistoryEntry) if f.name not in ("row", "sheet")]
        read = [f in columns and (wanted is None or f in wanted or f == "case_id") for f in fields]
        places = [columns[f] - 1 - first_column if here else -1 for f, here in zip(fields, read)]
        typed_row = _RowReader(book, name, fields, [book.columns[name].get(f, "A") for f in fields])
        entries = []
        for number, cells in enumerate(rows, start=first_row + (2 if first_row == 0 else 1)):
            width = len(cells)
            values = typed_row([cells[place] if 0 <= place < width else None for place in places], number)
            if values is not None:
                values += [number, own_sheet]
                entries.append(HistoryEntry(*values))  # type: ignore[arg-type]  # in the order of its fields
        return entries
    except IkuError:
        raise
    except Exception as error:  # calamine raises its own error types for broken packages
        raise _unreadable(package) from error


def _is_serial(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466


def _read_lists(book: Book, grids: dict[str, Grid]) -> None:
    def rows(sheet: layout.ListSheet, extra: dict[str, int] | None = None):
        records, columns = read_list_sheet(grids[sheet.name], sheet, extra)
        book.columns.setdefault(sheet.name, {}).update(columns)
        book.header_rows[sheet.name] = 1
        for _, values in records:  # document kinds are typed by label; the model holds their codes
            for column in sheet.columns:
                value = values.get(column.field)
                if column.dropdown == "DaftarNaskah" and value is not None:
                    values[column.field] = kind_code(value) or value
                elif column.kind in ("date", "datetime") and _is_serial(value):
                    # a date whose cell lost its date format (an application saved it so): still a date
                    values[column.field] = from_serial(float(value))
        return records

    # Terlambat (Excel's own formula) and Naskah (links) are for staff; the model does not keep them
    book.cases = typed_records(book, layout.KASUS.name, Case, rows(layout.KASUS))
    closed = layout.history_sheets(grids)[:-1]  # the closed years, oldest first (from Excel: every sheet is there)
    history: list[HistoryEntry] = []
    for name in closed:
        year_rows = typed_records(book, name, HistoryEntry, rows(layout.history_layout(name)))
        for entry in year_rows:
            entry.sheet = name
        history += year_rows
    book.history = history + typed_records(book, layout.RIWAYAT.name, HistoryEntry, rows(layout.RIWAYAT))
    def with_targets(sheet: layout.ListSheet) -> list[tuple[int, dict[str, object]]]:
        """The rows of a sheet with 'Target YYYY' columns, each with its {year: target} as `targets`."""
        targets = target_columns(grids[sheet.name], sheet)
        found = []
        for row, values in rows(sheet, {f"target:{year}": col for year, col in targets.items()}):
            read = {year: read_measure(values.pop(f"target:{year}"))[0] for year in targets}
            values["targets"] = {y: v for y, v in read.items() if v is not None}
            found.append((row, values))
        book.columns[sheet.name]["targets"] = column_letter(min(targets.values())) if targets else "A"
        return found

    book.iku_rows = typed_records(book, layout.IKU.name, IkuRow, with_targets(layout.IKU))
    book.cascades = typed_records(book, layout.CASCADING.name, Cascade, with_targets(layout.CASCADING))
    book.quarter_targets = typed_records(book, layout.TARGET_TRIWULAN.name, QuarterTargets,
                                         rows(layout.TARGET_TRIWULAN))
    book.budgets = typed_records(book, layout.ANGGARAN.name, Budget, rows(layout.ANGGARAN))
    book.officials = typed_records(book, layout.PEJABAT.name, Official, rows(layout.PEJABAT))
    # Jenis Naskah as staff read it: its label; the model holds its code (rows() reads it so)
    book.numbers = typed_records(book, layout.PENOMORAN.name, NumberEntry, rows(layout.PENOMORAN))
    book.days_off = typed_records(book, layout.LIBUR.name, DayOff, rows(layout.LIBUR))
    book.profiles = typed_records(book, layout.INSTANSI.name, InstansiProfile, rows(layout.INSTANSI))
    book.number_patterns = typed_records(book, layout.POLA_NOMOR.name, NumberPattern, rows(layout.POLA_NOMOR))
    book.legal_bases = typed_records(book, layout.DASAR_HUKUM.name, LegalBasis, rows(layout.DASAR_HUKUM))
    book.team = typed_records(book, layout.TIM.name, TeamMember, rows(layout.TIM))
    book.meetings = typed_records(book, layout.RAPAT.name, Meeting, rows(layout.RAPAT))
    book.sop_register = typed_records(book, layout.DAFTAR_SOP.name, SopRegisterEntry, rows(layout.DAFTAR_SOP))
    settings = Settings()
    for row, values in rows(layout.PENGATURAN):
        if values["key"] is not None:
            settings.values[str(values["key"]).strip()] = values["value"]
            settings.rows[str(values["key"]).strip()] = row
    settings.hours = typed_records(book, layout.JAM_KERJA.name, HoursRow, rows(layout.JAM_KERJA))
    book.settings = settings
