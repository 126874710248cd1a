"""The store: where an action reads its Book and where it writes what changed.

Two stores implement it: `workbook.file_store.FileStore` (the .xlsx file: a fast reader, a lossless
writer, under the program's lock) and `excel.live_store.LiveStore` (the workbook open in Excel, through
xlwings). Actions speak only this interface, so the command line and the macros run the same code.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from .core.book import Book
from .core.case import Case
from .core.history import HistoryEntry
from .core.layout import ListSheet
from .core.meeting import Meeting
from .core.register import NumberEntry


@runtime_checkable
class Store(Protocol):
    book: Book
    folder: Path   # the workbook's folder

    @property
    def output(self) -> Path:
        """Where documents, exports and prints go (Folder Keluaran, inside `folder`); refused with a sentence
        when the cell leads out of it, so only the actions that write there are stopped by it."""

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...

    def save_cases(self, changes: list[tuple[Case | None, Case]]) -> None:
        """Each (before, after) pair: a new case (before None) takes the next free row; of a case that
        moved, only the fields that changed are written, so whatever else staff put in its row stays."""

    def append_history(self, entries: list[HistoryEntry]) -> None:
        """New Riwayat rows after the last one; each entry learns its row."""

    def refresh_tracking(self, moved: list[Case], entries: list[HistoryEntry], rebuild: set[str]) -> None:
        """The Lacak sheets after a change: whole for the SOP codes in `rebuild`, else the moved cases' rows."""

    def record_numbers(self, entries: list[NumberEntry]) -> None:
        """New Penomoran rows after the last one."""

    def link_cell(self, sheet: str, row: int, field: str, target: str, label: str) -> None:
        """A link in a list sheet's cell (Kasus' Naskah, Penomoran's Berkas): a HYPERLINK formula, which Excel and
        Calc both follow, to `target` relative to the workbook's folder."""

    def record_meetings(self, meetings: list[Meeting]) -> bool:
        """New Rapat rows after the last one; False when the workbook has no Rapat sheet (nothing written)."""

    def commit(self) -> None:
        """Make the changes last (the file is saved; in Excel they are already in the open workbook)."""


def open_store(target: Store | str | Path) -> Store:
    """A store for an action's target: the store itself (the live workbook), or the workbook file at a path."""
    if isinstance(target, (str, Path)):
        from .workbook.file_store import FileStore

        store: Store = FileStore(target)
        return store
    return target


def changed_fields(before: Case | None, after: Case, fields: list[str]) -> list[str]:
    """The fields a move changes, of those the sheet has."""
    if before is None:
        return fields
    return [f for f in fields if getattr(before, f) != getattr(after, f)]


def next_free_row(records: Sequence[Case | HistoryEntry | NumberEntry | Meeting]) -> int:
    return max((r.row for r in records if r.row), default=1) + 1


class RecordStore(ABC):
    """What both stores share: which rows new records take and which fields a change writes. A store
    says how a record reaches a row, where Riwayat ends, and how a Lacak sheet is redrawn."""

    book: Book

    @abstractmethod
    def write_record(self, sheet: ListSheet, record: object, row: int, fields: list[str] | None = None) -> None: ...

    @abstractmethod
    def history_next_row(self) -> int: ...

    @abstractmethod
    def has_sheet(self, name: str) -> bool: ...

    @abstractmethod
    def rebuild_lacak(self, code: str) -> None: ...

    @abstractmethod
    def update_lacak(self, code: str, cases: list[Case], new_entries: list[HistoryEntry]) -> None: ...

    def save_cases(self, changes: list[tuple[Case | None, Case]]) -> None:
        from .core import layout

        fields = [c.field for c in layout.KASUS.columns]
        free = next_free_row(self.book.cases)
        for before, case in changes:
            if case.row is None:
                case.row, free = free, free + 1
            self.write_record(layout.KASUS, case, case.row,
                              changed_fields(before, case, [f for f in fields if hasattr(case, f)]))

    def append_history(self, entries: list[HistoryEntry]) -> None:
        from .core import layout

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
        from dataclasses import replace

        from .core import layout
        from .core.document_kinds import kind_label

        row = next_free_row([e for e in self.book.numbers if e.row])
        for entry in entries:
            entry.row, row = row, row + 1
            self.write_record(layout.PENOMORAN, replace(entry, kind=kind_label(entry.kind)), entry.row)

    def formula(self, text: str, shown: str | None = None) -> object:
        """A formula as this store writes it: the live workbook takes it as typed, '=' first, and computes it."""
        return "=" + text

    def link_cell(self, sheet: str, row: int, field: str, target: str, label: str) -> None:
        from types import SimpleNamespace

        from .core import layout

        columns = {s.name: s for s in layout.LIST_SHEETS}
        if field not in self.book.columns.get(sheet, {}):
            return  # an older workbook without the column: nothing to link
        quoted = [text.replace('"', '""') for text in (target, label)]
        value = self.formula('HYPERLINK("{}","{}")'.format(*quoted), label)
        self.write_record(columns[sheet], SimpleNamespace(**{field: value}), row, [field])

    def record_meetings(self, meetings: list[Meeting]) -> bool:
        from .core import layout

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

    def refresh_tracking(self, moved: list[Case], entries: list[HistoryEntry], rebuild: set[str]) -> None:
        from .core.values import text_of

        for code in sorted(rebuild):
            self.rebuild_lacak(code)
        by_sop: dict[str, list[Case]] = {}
        for case in moved:
            by_sop.setdefault(text_of(case.sop), []).append(case)
        for code, cases in sorted(by_sop.items()):
            if code in self.book.sops and code not in rebuild:
                self.update_lacak(code, cases, entries)
