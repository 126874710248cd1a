"""The Riwayat rows of the cases a recent period can show, without reading the closed years before it."""
from __future__ import annotations

from collections.abc import Callable, Collection

from ..core.history import HistoryEntry, earliest_year, incomplete_cases
from ..store import Store


def recent_history(store: Store, year: int, fields: Collection[str] | None = None,
                   keep: Callable[[str], bool] | None = None) -> list[HistoryEntry]:
    """Riwayat's rows and those of the closed years from `year` on, oldest first, with every earlier row of a case
    among them that an undo brought back after a close.

    A closed year's sheet holds the cases finished in that year, whole (workbook/history_years.py): every case
    still open, or finished in `year` or later, has all its rows in the sheets read here, unless it was finished,
    moved away by a close and brought back by an Urungkan; its first row read is then an undo with nothing to
    undo, and its earlier sheets are read for it alone."""
    wanted = None if fields is None else {*fields, "case_id", "action"}
    entries = store.read_history(fields=wanted, keep=keep, since=year)
    back = incomplete_cases(entries)
    if not back:
        return entries
    whole = store.read_history(fields=wanted, keep=back.__contains__, since=earliest_year(sorted(back), year))
    return [e for e in entries if (e.case_id or "") not in back] + whole
