"""What the file store and the live store share: which spreadsheet row a record takes, and which fields a change
writes. Each says how a record reaches a row, where Riwayat ends, and how a Lacak sheet is redrawn."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from types import SimpleNamespace

from ..core import layout
from ..core.book import Book
from ..core.case import Case
from ..core.document_kinds import kind_label
from ..core.findings import Finding
from ..core.history import HistoryEntry
from ..core.meeting import Meeting
from ..core.register import NumberEntry
from ..core.sop_register import SopRegisterEntry
from ..core.values import text_of


def changed_fields(before: object | None, after: object, fields: list[str]) -> list[str]:
    """The fields a change writes, of those the sheet has: all of a new record's."""
    if before is None:
        return fields
    return [f for f in fields if getattr(before, f) != getattr(after, f)]


def next_free_row(records: Sequence[Case | HistoryEntry | NumberEntry | Meeting | SopRegisterEntry]) -> int:
    return max((r.row for r in records if r.row), default=1) + 1


class RecordStore(ABC):
    """A store over a spreadsheet: records take rows (kept on them as read), changes are written cell by cell."""

    book: Book

    @abstractmethod
    def write_record(self, sheet: layout.ListSheet, record: object, row: int,
                     fields: list[str] | None = None) -> None: ...

    @abstractmethod
    def history_next_row(self) -> int: ...

    @abstractmethod
    def has_sheet(self, name: str) -> bool: ...

    @abstractmethod
    def rebuild_lacak(self, code: str, tracked: list[HistoryEntry] | None = None) -> None:
        """The SOP's Lacak sheet rewritten whole; `tracked`: see `Store.refresh_tracking`."""

    @abstractmethod
    def update_lacak(self, code: str, cases: list[Case], new_entries: list[HistoryEntry],
                     tracked: list[HistoryEntry] | None = None) -> None:
        """The moved cases' rows of the SOP's Lacak sheet; `tracked`: see `Store.refresh_tracking`."""

    def __exit__(self, *exc: object) -> None:
        return None

    def save_cases(self, changes: list[tuple[Case | None, Case]]) -> None:
        fields = [c.field for c in layout.KASUS.columns]
        free = next_free_row(self.book.cases)
        for before, case in changes:
            if before is not None and before.row is not None:
                case.row = before.row
            if case.row is None:
                case.row, free = free, free + 1
            self.write_record(layout.KASUS, case, case.row,
                              changed_fields(before, case, [f for f in fields if hasattr(case, f)]))

    def append_history(self, entries: list[HistoryEntry]) -> None:
        if not entries:
            return  # nothing to append: where Riwayat ends is not looked up
        row = self.history_next_row()
        for entry in entries:
            entry.row, row = row, row + 1
            self.write_record(layout.RIWAYAT, entry, entry.row)
            if self.book.history_loaded:
                self.book.history.append(entry)

    def record_numbers(self, entries: list[NumberEntry]) -> None:
        """Jenis Naskah written as its label, the one the sheet's dropdown offers (the entry keeps the code)."""
        row = next_free_row([e for e in self.book.numbers if e.row])
        for entry in entries:
            entry.row, row = row, row + 1
            self.write_record(layout.PENOMORAN, replace(entry, kind=kind_label(entry.kind)), entry.row)

    def formula(self, text: str, shown: str | None = None) -> object:
        """A formula as this store writes it: the live workbook takes it as typed, '=' first, and computes it."""
        return "=" + text

    def link(self, sheet: layout.ListSheet, record, field: str, target: str, label: str) -> None:
        if field not in self.book.columns.get(sheet.name, {}) or not record.row:
            return  # an older workbook without the column, or a record never written: nothing to link
        quoted = [text.replace('"', '""') for text in (target, label)]
        value = self.formula('HYPERLINK("{}","{}")'.format(*quoted), label)
        self.write_record(sheet, SimpleNamespace(**{field: value}), record.row, [field])

    def record_meetings(self, meetings: list[Meeting]) -> bool:
        if not meetings:
            return True
        if not self.has_sheet(layout.RAPAT.name):
            return False
        row = next_free_row([m for m in self.book.meetings if m.row])
        for meeting in meetings:
            meeting.row, row = row, row + 1
            self.write_record(layout.RAPAT, meeting, meeting.row)
            self.book.meetings.append(meeting)
        return True

    def save_register(self, changes: list[tuple[SopRegisterEntry | None, SopRegisterEntry]]) -> bool:
        sheet = layout.DAFTAR_SOP
        if sheet.name in self.book.missing_sheets:
            return self.add_register([after for _, after in changes])
        free = next_free_row(self.book.sop_register)
        for before, after in changes:
            if before is None or after.row is None:
                after.row, free = free, free + 1
        fields = [c.field for c in sheet.columns]
        for before, after in changes:
            assert after.row is not None
            self.write_record(sheet, after, after.row, changed_fields(before, after, fields))
        return True

    def add_register(self, entries: list[SopRegisterEntry]) -> bool:
        """The register sheet added whole to a workbook made before it existed; False when this store cannot."""
        return False

    def show_findings(self, findings: list[Finding]) -> None:
        return None

    def read_history(self, fields: Collection[str] | None = None, keep: Callable[[str], bool] | None = None,
                     since: int | None = None) -> list[HistoryEntry]:
        """From the Book's history (a store that reads it whole, as the live workbook's, every year of it)."""
        return [h for h in self.book.history if keep is None or keep(h.case_id or "")]

    def refresh_tracking(self, moved: list[Case], entries: list[HistoryEntry], rebuild: set[str],
                         tracked: list[HistoryEntry] | None = None) -> None:
        for code in sorted(rebuild):
            self.rebuild_lacak(code, tracked)
        by_sop: dict[str, list[Case]] = {}
        for case in moved:
            by_sop.setdefault(text_of(case.sop), []).append(case)
        for code, cases in sorted(by_sop.items()):
            if code in self.book.sops and code not in rebuild:
                self.update_lacak(code, cases, entries, tracked)
