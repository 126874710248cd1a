"""iku-xl export: the month's tracking, compliance and charts, into a new workbook and CSV files."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .. import clock
from ..core.book import Book
from ..core.monthly import MonthReport, parse_month
from ..core.office_hours import office_calendar
from ..workbook.reader import read_book


@dataclass
class Export:
    report: MonthReport
    files: list[Path]


def export_month(path: str | Path, month: str, out_dir: str | Path | None = None,
                 today: dt.date | None = None) -> Export:
    """Reads the workbook file and never writes it."""
    book = read_book(path)
    base = Path(out_dir) if out_dir else book.settings.output_root(Path(path).parent)
    return export_book(book, month, out_dir, base=base, today=today)


def export_book(book: Book, month: str, out_dir: str | Path | None = None, base: Path = Path("output"),
                today: dt.date | None = None) -> Export:
    """The export of a Book already read (from the file or from Excel), into `out_dir` or base/ekspor/YYYY-MM."""
    from ..analysis.monthly import month_report
    from ..workbook.export_writer import write_export

    start, end = parse_month(month, today or clock.today())
    report = month_report(book, start, end, office_calendar(book.settings, book.days_off))
    folder = (Path(out_dir) if out_dir else base / "ekspor" / f"{start:%Y-%m}").absolute()
    return Export(report, write_export(folder, report))
