"""iku-xl export: the month's tracking, compliance and charts, into a new workbook and CSV files."""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .. import clock
from ..core.book import Book
from ..core.case import CLOSED, Case
from ..core.history import HistoryEntry, moves_by_case
from ..core.monthly import MonthReport, parse_month
from ..core.office_hours import office_calendar
from ..store import Store, open_store
from .recent_history import recent_history


@dataclass
class Export:
    report: MonthReport
    files: list[Path]


def export_month(target: Store | str | Path, month: str, out_dir: str | Path | None = None,
                 today: dt.date | None = None) -> Export:
    """The month's export into `out_dir`, else ekspor/YYYY-MM in the output folder; the workbook is only read.
    Of Riwayat's closed years only those from the month's on are read (`recent_history`): a case finished in an
    earlier year closed before the month."""
    from ..background_import import import_in_background

    start, end = parse_month(month, today or clock.today())
    import_in_background("pandas", "openpyxl")  # for the analysis and the export's workbook, after the read
    with open_store(target, history="next", write=False) as store:
        book = store.book
        book.history = recent_history(store, start.year)
        folder = (Path(out_dir) if out_dir else store.output / "ekspor" / f"{start:%Y-%m}").absolute()
    from ..analysis.monthly import month_report
    from ..workbook.export_writer import write_export

    book = month_book(book, start, end)
    report = month_report(book, start, end, office_calendar(book.settings, book.days_off))
    return Export(report, write_export(folder, report))


def month_book(book: Book, start: dt.datetime, end: dt.datetime) -> Book:
    """The Book with only what the month [start, end) can show, so the analysis works on the month's cases
    and not on years of others (`cases_outside`)."""
    gone = cases_outside(book.cases, book.history, start, end)
    if not gone:
        return book
    reduced = copy.copy(book)
    reduced.cases = [c for c in book.cases if c.id_text not in gone]
    reduced.history = [h for h in book.history if (h.case_id or "") not in gone]
    return reduced


def cases_outside(cases: list[Case], history: list[HistoryEntry], start: dt.datetime, end: dt.datetime) -> set[str]:
    """The IDs of the cases the month [start, end) cannot show: a case closed before the month (its last
    move still in force closed it, and it has no row since; or, with no row in `history`, its Kasus row says
    it is closed: its rows stand in a closed year before the month's) and a case opened after it (every row
    and its opening at or after the end). The report is the same with or without them: such a case is neither
    open at the month's start nor opened or moved in it. Reads only time, case_id, action, status and
    step_started of the entries."""
    moves = moves_by_case(history)
    times: dict[str, list[dt.datetime | None]] = {}
    for entry in history:
        times.setdefault(entry.case_id or "", []).append(entry.time)

    def shown(case: Case) -> bool:
        if case.id_text not in times:
            return case.status not in CLOSED and (case.started is None or case.started < end)
        own, kept = times[case.id_text], moves.get(case.id_text, [])
        if any(t is None or start <= t < end for t in own):
            return True
        opened = (kept[0].step_started or kept[0].time) if kept else case.started
        if opened is not None and opened >= end and all(t is not None and t >= end for t in own):
            return False  # opened after the month
        closed = bool(kept) and all(t is not None and t < start for t in own) and kept[-1].status in CLOSED
        return not closed

    return {c.id_text for c in cases if c.id_text and not shown(c)}
