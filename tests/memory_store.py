"""A third store, in memory: plain Python records and no spreadsheet, to prove every action speaks only the store.

What an action reads is a fresh copy of what was committed, as a file re-read would be; what it writes reaches the
committed records only through the interface's methods and only on `commit`. An action that read a file, wrote
into its Book without telling the store, or forgot to commit would leave `saved` as it was.
"""
from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

from iku_xl.core import layout
from iku_xl.core.book import Book
from iku_xl.core.case import Case
from iku_xl.core.findings import Finding
from iku_xl.core.history import HistoryEntry
from iku_xl.core.meeting import Meeting
from iku_xl.core.register import NumberEntry
from iku_xl.core.settings import HoursRow, Settings
from iku_xl.core.sop import Sop
from iku_xl.core.sop_register import SopRegisterEntry
from iku_xl.core.values import text_of
from iku_xl.errors import Refused


class MemoryStore:
    def __init__(self, folder: Path, book: Book | None = None):
        self.folder = folder
        self.saved = book           # what was committed; None until `create`
        self.book = Book()
        self.findings: list[Finding] = []
        self.links: dict[tuple[str, str, str], tuple[str, str]] = {}   # (sheet, record, field) -> (target, label)
        self.tracked: list[set[str]] = []      # the SOP codes whose tracking each commit refreshed
        self.commits = 0
        self.entered = 0
        self._pending: list = []

    # -- reading ----------------------------------------------------------------------------------------------
    def __enter__(self) -> MemoryStore:
        if self.saved is None:
            raise Refused(f"Belum ada buku kerja di {self.folder}.")
        self.entered += 1
        self.book = copy.deepcopy(self.saved)
        self._pending = []
        return self

    def __exit__(self, *exc: object) -> None:
        self._pending = []  # what was not committed is gone, as an unsaved file

    @property
    def output(self) -> Path:
        return self.book.settings.output_root(self.folder)

    def read_history(self, fields=None, keep=None, since=None) -> list[HistoryEntry]:
        return [copy.copy(h) for h in self.book.history if keep is None or keep(h.case_id or "")]

    def has_sheet(self, name: str) -> bool:
        book = self.saved or Book()
        return name in {s.name for s in layout.LIST_SHEETS} | set(book.sops) | {
            layout.LACAK_PREFIX + code for code in book.sops}

    # -- writing ------------------------------------------------------------------------------------------------
    def create(self, book: Book, settings: list[tuple[str, object, str]], hours: list[tuple[object, ...]],
               target_years: tuple[int, ...], *, force: bool = False) -> None:
        if self.saved is not None and not force:
            raise Refused(f"Sudah ada buku kerja di {self.folder}.")
        book = copy.deepcopy(book)
        book.settings = Settings(values={label: value for label, value, _ in settings},
                                 hours=[HoursRow(*row) for row in hours])
        self.saved = book

    def save_cases(self, changes: list[tuple[Case | None, Case]]) -> None:
        self._pending.append(("cases", [(copy.copy(before), copy.copy(after)) for before, after in changes]))

    def append_history(self, entries: list[HistoryEntry]) -> None:
        self._pending.append(("history", [copy.copy(e) for e in entries]))
        if self.book.history_loaded:
            self.book.history.extend(entries)

    def refresh_tracking(self, moved: list[Case], entries: list[HistoryEntry], rebuild: set[str],
                         tracked: list[HistoryEntry] | None = None) -> None:
        self._pending.append(("tracking", set(rebuild) | {text_of(c.sop) for c in moved}))

    def record_numbers(self, entries: list[NumberEntry]) -> None:
        self._pending.append(("numbers", [copy.copy(e) for e in entries]))

    def link(self, sheet: layout.ListSheet, record: Case | NumberEntry, field: str, target: str, label: str) -> None:
        key = record.id_text if isinstance(record, Case) else text_of(record.number)
        self._pending.append(("link", (sheet.name, key, field), (target, label)))

    def record_meetings(self, meetings: list[Meeting]) -> bool:
        self._pending.append(("meetings", [copy.copy(m) for m in meetings]))
        self.book.meetings.extend(meetings)
        return True

    def save_register(self, changes: list[tuple[SopRegisterEntry | None, SopRegisterEntry]]) -> bool:
        self._pending.append(("register", [copy.copy(after) for _, after in changes]))
        return True

    def add_sop(self, sop: Sop) -> None:
        self._pending.append(("sop", copy.deepcopy(sop)))

    def show_findings(self, findings: list[Finding]) -> None:
        self.findings = list(findings)

    def commit(self) -> None:
        assert self.saved is not None
        saved, self.commits = self.saved, self.commits + 1
        refreshed: set[str] = set()
        for kind, *what in self._pending:
            if kind == "cases":
                for before, after in what[0]:
                    _put_case(saved, before, after)
            elif kind == "history":
                saved.history = saved.history + what[0]
            elif kind == "tracking":
                refreshed |= what[0]
            elif kind == "numbers":
                saved.numbers += what[0]
            elif kind == "link":
                self.links[what[0]] = what[1]
            elif kind == "meetings":
                saved.meetings += what[0]
            elif kind == "register":
                for after in what[0]:
                    kept = [e for e in saved.sop_register if text_of(e.code) != text_of(after.code)]
                    saved.sop_register = [*kept, after]
                saved.missing_sheets.discard(layout.DAFTAR_SOP.name)
            elif kind == "sop":
                saved.sops[what[0].code] = what[0]
        self.tracked.append(refreshed)
        self._pending = []


def _put_case(saved: Book, before: Case | None, after: Case) -> None:
    """A case is its ID; a row typed without one is the case equal to what was read."""
    for index, case in enumerate(saved.cases):
        if before is not None and (case.id_text == before.id_text if before.id_text else case == before):
            saved.cases[index] = replace(after)
            return
    saved.cases.append(replace(after))


def plain_store(folder: Path) -> MemoryStore:
    """A store holding what `iku-xl init --demo` makes, made by the init action itself."""
    from iku_xl.actions.init import init_workbook

    store = MemoryStore(folder)
    init_workbook(store, demo=True)
    return store
