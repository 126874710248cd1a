"""Everything read from one workbook, as plain values, with where each value stands."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .case import Case
from .history import HistoryEntry
from .iku import Budget, Cascade, IkuRow, QuarterTargets
from .legal import LegalBasis
from .meeting import Meeting
from .people import Official, TeamMember
from .profile import InstansiProfile, NumberPattern
from .register import DayOff, NumberEntry
from .settings import Settings
from .sop import Sop
from .sop_register import SopRegisterEntry
from .values import text_of


@dataclass
class Book:
    sops: dict[str, Sop] = field(default_factory=dict)
    cases: list[Case] = field(default_factory=list)
    iku_rows: list[IkuRow] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    numbers: list[NumberEntry] = field(default_factory=list)
    days_off: list[DayOff] = field(default_factory=list)
    profiles: list[InstansiProfile] = field(default_factory=list)
    number_patterns: list[NumberPattern] = field(default_factory=list)
    legal_bases: list[LegalBasis] = field(default_factory=list)
    team: list[TeamMember] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    cascades: list[Cascade] = field(default_factory=list)
    quarter_targets: list[QuarterTargets] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    sop_register: list[SopRegisterEntry] = field(default_factory=list)
    # optional sheets the workbook does not have (an older workbook): read as empty, written only once added
    missing_sheets: set[str] = field(default_factory=set)
    settings: Settings = field(default_factory=Settings)
    # sheet name -> field name -> column letter, so a rule can name the cell it speaks of
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    # sheet name -> the row of its column headers (for SOP sheets, the row naming the roles)
    header_rows: dict[str, int] = field(default_factory=dict)
    # (sheet, cell, message) of what is wrong with the workbook's structure (a shrunk Table, a twin sheet)
    structure_problems: list[tuple[str, str, str]] = field(default_factory=list)
    # (sheet, cell, shown value) of every cell holding an error such as #REF!
    error_cells: list[tuple[str, str, str]] = field(default_factory=list)
    # (sheet, cell) -> what a cell held that its field's type could not read (a date typed as text); the field
    # reads None, and the rules tell staff to retype the cell
    unread: dict[tuple[str, str], object] = field(default_factory=dict)
    # Riwayat grows without end: a reader may hand over a loader, called on first use only
    history_loader: Callable[[], list[HistoryEntry]] | None = field(default=None, repr=False, compare=False)
    _history: list[HistoryEntry] | None = field(default=None, repr=False, compare=False)
    # and, for the actions that need one case's history only, a loader of just those rows
    case_history_loader: Callable[[str], list[HistoryEntry]] | None = field(default=None, repr=False, compare=False)
    # and of the case IDs Riwayat and its closed years (from a year on, or all) name, each with the sheet and row
    # first naming it, without reading their rows
    history_ids_loader: Callable[[int | None], dict[str, tuple[str, int]]] | None = field(default=None, repr=False,
                                                                                           compare=False)
    # the history grouped by case, made once for as long as the history list stays as it was
    _by_case: tuple[int, int, dict[str, list[HistoryEntry]]] | None = field(default=None, repr=False, compare=False)
    _moves: tuple[int, int, dict[str, list[HistoryEntry]]] | None = field(default=None, repr=False, compare=False)

    @property
    def history(self) -> list[HistoryEntry]:
        if self._history is None:
            self._history = self.history_loader() if self.history_loader else []
        return self._history

    @history.setter
    def history(self, entries: list[HistoryEntry]) -> None:
        self._history = list(entries)
        self._by_case = self._moves = None

    @property
    def history_loaded(self) -> bool:
        return self._history is not None

    def history_of(self, case_id: str) -> list[HistoryEntry]:
        """One case's history rows, without reading the others where the reader allows it."""
        if self._history is None and self.case_history_loader is not None:
            return self.case_history_loader(case_id)
        history = self.history
        if self._by_case is None or self._by_case[:2] != (id(history), len(history)):
            grouped: dict[str, list[HistoryEntry]] = {}
            for entry in history:
                grouped.setdefault(str(entry.case_id or "").strip(), []).append(entry)
            self._by_case = (id(history), len(history), grouped)
        return list(self._by_case[2].get(case_id, []))

    def moves_by_case(self) -> dict[str, list[HistoryEntry]]:
        """Every case's moves still in force, computed once for as long as the history stays as it is."""
        from .history import moves_by_case

        history = self.history
        if self._moves is None or self._moves[:2] != (id(history), len(history)):
            self._moves = (id(history), len(history), moves_by_case(history))
        return self._moves[2]

    def history_case_ids(self, since: int | None = None) -> dict[str, tuple[str, int]]:
        """Every case ID Riwayat and its closed years (those from `since` on, or all) name (rows of deleted cases
        included), with the sheet and row first naming it."""
        from . import layout

        if self._history is None and self.history_ids_loader is not None:
            return self.history_ids_loader(since)
        found: dict[str, tuple[str, int]] = {}
        for entry in self.history:
            if since is not None and (year := layout.history_year(entry.sheet or "")) is not None and year < since:
                continue
            if entry.case_id:
                found.setdefault(entry.case_id, (entry.sheet or layout.RIWAYAT.name, entry.row or 0))
        return found

    def used_case_ids(self, year: int | None = None) -> set[str]:
        """Every case ID the workbook names anywhere: Kasus, Riwayat (its closed years too), Penomoran and IKU. A
        new case takes none of them, so a deleted case's history, numbers and indicators never pass to a new one.
        With `year`, of the closed years only those from `year` on: a case whose ID names a year is finished in
        that year or later, so its rows stand in Riwayat or in those years' sheets."""
        named = [c.id_text for c in self.cases] + [(n.case_id or "") for n in self.numbers] + \
                [(r.case_id or "") for r in self.iku_rows]
        return {i for i in named if i} | set(self.history_case_ids(year))

    def case(self, case_id: object) -> Case:
        """The case with that ID (as typed: spaces and letter case do not matter); Refused when there is none."""
        from ..errors import Refused
        from . import layout

        wanted = text_of(case_id)
        found = next((c for c in self.cases if c.id_text.lower() == wanted.lower() and wanted), None)
        if found is None:
            raise Refused(f"Kasus '{wanted}' tidak ada di lembar Kasus; periksa ID-nya dengan 'iku-xl status'.",
                          sheet=layout.KASUS.name)
        return found

    def profile_of(self, sop: Sop) -> InstansiProfile | None:
        """The instansi an SOP belongs to: the one its identity names, else the only one there is."""
        wanted = text_of(sop.identity.profil).upper()
        found = next((p for p in self.profiles if p.key == wanted and wanted), None)
        if found is None and len(self.profiles) == 1 and not wanted:
            found = self.profiles[0]
        return found

    def unread_value(self, sheet: str, field_name: str, row: int | None) -> object:
        """What the cell of a record's field held when the reader could not read it as the field's type, else None."""
        return self.unread.get((sheet, self.cell(sheet, field_name, row))) if self.unread else None

    def cell(self, sheet: str, field_name: str, row: int | None) -> str:
        column = self.columns.get(sheet, {}).get(field_name, "A")
        return f"{column}{row or ''}"

    def header_cell(self, sheet: str, field_name: str) -> str:
        return self.cell(sheet, field_name, self.header_rows.get(sheet, 1))
