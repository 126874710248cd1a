"""The store: where an action reads its Book and where it writes what changed.

Every action opens its target with `open_store` and speaks only this interface, so the command line (a path)
and the macros (the live workbook) run the same code. Two stores ship: `workbook.file_store.FileStore` (the
.xlsx file: a fast reader, a lossless writer, under the program's lock) and `excel.live_store.LiveStore` (the
workbook open in Excel or Calc). A third, in memory, lives in the tests. Actions know a record by its identity (a
case by its ID or its place in Kasus, a history entry by its place in Riwayat's order): which spreadsheet row takes a
record is the store's business (the row a record was read from stays on it for the cell addresses of findings).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

from .core import layout
from .core.book import Book
from .core.case import Case
from .core.findings import Finding
from .core.history import HistoryEntry
from .core.meeting import Meeting
from .core.register import NumberEntry
from .core.sop import Sop
from .core.sop_register import SopRegisterEntry

# How much of Riwayat (the sheet that grows without end) the Book holds: all (True), none (False), read on first
# use ("lazy"), or none but read whole by the action's first `read_history`, begun as the store opens ("next").
HistoryReading = bool | Literal["lazy", "next"]
Linked = Case | NumberEntry


@runtime_checkable
class Store(Protocol):
    book: Book     # what the store holds, as plain records; read on entering
    folder: Path   # the workbook's folder: relative names in its cells are counted from here

    @property
    def output(self) -> Path:
        """Where documents, exports and prints go (Folder Keluaran, inside `folder`); refused with a sentence
        when the cell leads out of it, so only the actions that write there are stopped by it."""

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...

    def create(self, book: Book, settings: list[tuple[str, object, str]], hours: list[tuple[object, ...]],
               target_years: tuple[int, ...], *, force: bool = False) -> None:
        """A new workbook holding `book`, its Pengaturan and Jam Kerja rows (without entering); refused when there
        is one already, unless `force`."""

    def read_history(self, fields: Collection[str] | None = None, keep: Callable[[str], bool] | None = None,
                     since: int | None = None) -> list[HistoryEntry]:
        """Riwayat's entries in order, for a Book read without them: only `fields` need be read (the others may
        be None), and with `keep` only the entries of the case IDs it keeps; of Riwayat's closed years
        ('Riwayat 2025'), those before `since` may be left unread."""

    def has_sheet(self, name: str) -> bool:
        """Whether the workbook has a sheet of that name (an SOP code may not take a sheet's name)."""

    def save_cases(self, changes: list[tuple[Case | None, Case]]) -> None:
        """Each (before, after) pair: a new case (before None) comes after the last one; of a case that moved,
        only the fields that changed are written, so whatever else staff put in its row stays."""

    def append_history(self, entries: list[HistoryEntry]) -> None:
        """New Riwayat entries after the last one, in order."""

    def refresh_tracking(self, moved: list[Case], entries: list[HistoryEntry], rebuild: set[str],
                         tracked: list[HistoryEntry] | None = None) -> None:
        """The Lacak sheets after a change: whole for the SOP codes in `rebuild`, else the moved cases' rows.
        `tracked`: Riwayat rows the action read (`recent_history`), every row of each case among them: the moved
        cases' rows are made from them. For a rebuild they name every case that moved since Riwayat's past
        years were closed, and a store may keep the other cases' rows as their sheets show them (nothing
        changed them since). None: what a row needs is read from the whole history."""

    def record_numbers(self, entries: list[NumberEntry]) -> None:
        """New Penomoran entries after the last one."""

    def link(self, sheet: layout.ListSheet, record: Linked, field: str, target: str, label: str) -> None:
        """A link in a record's cell (a case's Naskah, a number's Berkas) to `target`, relative to `folder`:
        in a workbook, a HYPERLINK formula, which Excel and Calc both follow."""

    def record_meetings(self, meetings: list[Meeting]) -> bool:
        """New Rapat entries after the last one; False when the workbook has no Rapat sheet (nothing written)."""

    def save_register(self, changes: list[tuple[SopRegisterEntry | None, SopRegisterEntry]]) -> bool:
        """The Daftar SOP register's changed entries (new ones after the last); a workbook without the register
        gets it whole, holding the entries given. False when the store cannot add it (nothing written)."""

    def add_sop(self, sop: Sop) -> None:
        """The SOP's sheet and its Lacak sheet (replacing those of the same code), with the pick lists of SOP
        codes and roles following `book.sops`, which already holds it."""

    def show_findings(self, findings: list[Finding]) -> None:
        """Validation findings where staff look: in the live workbook, marked on their cells and listed on Temuan;
        a file is not changed by validating it (the command line prints them)."""

    def commit(self) -> None:
        """Make the changes last (the file is saved; in Excel they are already in the open workbook)."""


def open_store(target: Store | str | Path, *, history: HistoryReading = "lazy", write: bool = True) -> Store:
    """A store for an action's target: the store itself (the live workbook, or any other), or the workbook
    file at a path. For a file, `history` says how much of Riwayat the Book holds and `write=False` reads
    without the program's lock (the file may be open in Excel); a store handed in reads what it reads."""
    if isinstance(target, (str, Path)):
        # found by name: the interface imports nothing of the layers that implement it
        file_store = importlib.import_module("iku_xl.workbook.file_store")
        store: Store = file_store.FileStore(target, history=history, write=write)
        return store
    return target
