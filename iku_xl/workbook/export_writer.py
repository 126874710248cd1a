"""The monthly export: a new workbook (tables, native charts, print setup) and the same tables as CSV."""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from ..core import layout
from ..core.indonesian import MONTHS
from ..core.monthly import MonthReport
from ..core.text_rules import without_control_characters
from ..core.values import text_of
from ..errors import CannotSave, os_reason
from ..files import atomic_output
from . import styles
from .list_body import ListBody, save_with_bodies
from .page import finish_sheet, print_wide
from .writer import new_workbook, put, record_row

C = layout.Column
KASUS = layout.ListSheet("Kasus", "EksporKasus", (
    C("id", "ID Kasus", 15, "text"), C("title", "Judul", 42), C("sop", "Kode SOP", 12), C("unit", "Unit", 28),
    C("status", "Status pada Akhir Bulan", 16), C("step", "Langkah", 9, "int"), C("opened", "Dibuka", 17, "datetime")))
RIWAYAT = layout.ListSheet("Riwayat", "EksporRiwayat", tuple(
    C(c.field, c.header, c.width, c.kind) for c in layout.RIWAYAT.columns))
KEPATUHAN = layout.ListSheet(
    "Kepatuhan Waktu",
    "EksporKepatuhan",
    (
        C("sop", "Kode SOP", 12),
        C("step", "Langkah", 9, "int"),
        C("role", "Pelaksana", 24),
        C("standard", "Waktu Standar", 14),
        C("count", "Jumlah Selesai", 14),
        C("median", "Median (menit kerja)", 18),
        C("maximum", "Maksimum (menit kerja)", 20),
        C("on_time", "Tepat Waktu", 12),
        C("late", "Terlambat", 11),
        C("percent", "% Tepat Waktu", 13),
    ),
)


def month_name(report: MonthReport) -> str:
    return f"{MONTHS[report.start.month - 1]} {report.start.year}"


def summary_rows(report: MonthReport) -> list[list]:
    return [
        ["Kasus terbuka pada awal bulan", report.open_at_start],
        ["Kasus terbuka pada akhir bulan", report.open_at_end],
        ["Kasus dibuka", report.opened],
        ["Kasus selesai", report.finished],
        ["Kasus dikembalikan (keputusan Tidak)", report.returned],
        ["Kasus dibatalkan", report.cancelled],
        ["Langkah selesai tepat waktu", report.on_time],
        ["Langkah selesai terlambat", report.late],
        ["% tepat waktu", report.percent(report.on_time)],
        ["% terlambat", report.percent(report.late)],
    ]


def lacak_table(report: MonthReport) -> tuple[layout.ListSheet, list[list]]:
    width = max((max(s.marks, default=0) for s in report.states), default=0)
    width = max([width] + [s.step or 0 for s in report.states])
    columns = (
        C("id", "ID Kasus", 15, "text"),
        C("title", "Judul", 36),
        C("sop", "Kode SOP", 12),
        C("status", "Status", 14),
    ) + tuple(C(f"s{n}", f"Langkah {n}", 16, "datetime") for n in range(1, width + 1))
    rows = [
        [s.case.id_text, text_of(s.case.title), text_of(s.case.sop), s.status]
        + [s.marks.get(n) for n in range(1, width + 1)]
        for s in report.states
    ]
    return layout.ListSheet("Lacak", "EksporLacak", columns), rows


def tables(report: MonthReport) -> dict[str, tuple[layout.ListSheet, list[list]]]:
    kasus = [
        [s.case.id_text, text_of(s.case.title), text_of(s.case.sop), text_of(s.case.unit), s.status, s.step, s.opened]
        for s in report.states
    ]
    kepatuhan = [
        [c.sop, c.step, c.role, c.standard, c.count, c.median, c.maximum, c.on_time, c.late, c.percent_on_time]
        for c in report.compliance
    ]
    return {
        "Kasus": (KASUS, kasus),
        "Riwayat": (RIWAYAT, [record_row(RIWAYAT, h) for h in report.history]),
        "Kepatuhan Waktu": (KEPATUHAN, kepatuhan),
        "Lacak": lacak_table(report),
    }


def _chart_title(text: str):
    """A title in Arial 11 bold: the charts' default (18 pt) took a third of each chart."""
    from openpyxl.chart.text import RichText, Text
    from openpyxl.chart.title import Title
    from openpyxl.drawing.text import CharacterProperties, Font, Paragraph, ParagraphProperties, RegularTextRun

    letters = CharacterProperties(sz=1100, b=True, latin=Font(typeface="Arial"))
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=letters), r=[RegularTextRun(rPr=letters, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def _bar_chart(ws, title: str, first_row: int, count: int, anchor: str, axis: str, percent: bool) -> None:
    """A horizontal bar chart of the label/value block starting at `first_row` (its header row)."""
    chart = BarChart()
    chart.type, chart.title, chart.style = "bar", _chart_title(title), 10
    chart.gapWidth = 60  # bars as thick as their labels
    chart.y_axis.title, chart.legend = axis, None
    chart.y_axis.scaling.min = 0
    if percent:
        chart.y_axis.scaling.max = 100
        chart.y_axis.majorUnit = 25
    else:
        chart.y_axis.majorUnit = 1  # counts: whole numbers on the axis
    chart.x_axis.delete = chart.y_axis.delete = False  # LibreOffice and newer Excel hide axes otherwise
    chart.add_data(Reference(ws, min_col=2, min_row=first_row, max_row=first_row + count), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first_row + 1, max_row=first_row + count))
    chart.height, chart.width = 8.5, 16
    ws.add_chart(chart, anchor)


def _block(ws, row: int, title: str, header: str, data: Sequence[tuple[str, object]]) -> int:
    """A titled label/value table; returns the row after it."""
    put(ws, row, 1, title).font = styles.BOLD
    put(ws, row, 2, header).font = styles.BOLD
    for label, value in data or [("(tidak ada)", 0)]:
        row += 1
        put(ws, row, 1, label).alignment = styles.WRAP_TOP
        put(ws, row, 2, value)
    return row + 2


def _hours(minutes: object) -> str:
    if not isinstance(minutes, (int, float)):
        return "-"
    return f"{minutes:.0f} menit kerja (± {minutes / 60:.1f} jam)".replace(".", ",")


def _ringkasan(workbook: Workbook, report: MonthReport) -> None:
    """One printable page: the month's numbers on the left, two charts on the right."""
    ws = workbook.create_sheet("Ringkasan", 0)
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 46, 24
    ws["A1"] = f"Laporan bulanan SOP IKU — {month_name(report)}"
    ws["A1"].font = styles.TITLE
    ws["A2"] = f"Periode {report.start:%d/%m/%Y} s.d. {report.end - dt.timedelta(days=1):%d/%m/%Y}"
    if not report.has_activity:
        ws["A3"] = "Tidak ada kegiatan pada bulan ini: tidak ada kasus yang dibuka atau berpindah langkah."
        ws["A3"].font = styles.BOLD
    row = 5
    for label, value in [["Ukuran", "Nilai"]] + summary_rows(report):
        put(ws, row, 1, label)
        put(ws, row, 2, value)
        row += 1
    for cell in ws[5]:
        cell.font, cell.fill = styles.HEADER_FONT, styles.HEADER_FILL
    row += 1
    waits = [(f"{e.case_id} langkah {e.from_step} ({e.role or ''})", _hours(e.minutes))
             for e in report.longest_waits]
    row = _block(ws, row, "Langkah terlama bulan ini", "Lama", waits)
    timed = [c for c in report.compliance if c.on_time + c.late]
    on_time_first = row
    row = _block(ws, row, "Tepat waktu per langkah (terhadap Mutu Baku)", "% tepat waktu",
                 [(f"{c.sop} {c.step} · {c.role}", c.percent_on_time) for c in timed])
    status_first = row
    row = _block(ws, row, "Kasus menurut status (akhir bulan)", "Kasus", list(report.cases_per_status.items()))
    _bar_chart(ws, "Tepat waktu per langkah (% terhadap Mutu Baku)", on_time_first, max(len(timed), 1), "D5",
               "% langkah selesai tepat waktu", percent=True)
    _bar_chart(ws, "Kasus menurut status pada akhir bulan", status_first, max(len(report.cases_per_status), 1),
               "D24", "jumlah kasus", percent=False)
    print_wide(ws)
    ws.page_setup.fitToHeight = 1  # the summary is one page: no chart is cut by a page break
    ws.print_area = f"A1:M{max(row, 42)}"


def write_export(folder: Path, report: MonthReport) -> list[Path]:
    """Every file is written to a temporary file beside its place first and all are renamed only when all were
    written, so a failure (a full disk, a folder that is a file) leaves the last export as it was; the
    sentence says which files, if any, had already been replaced."""
    workbook = new_workbook()
    made: list[tuple[Path, Callable[[Path], None]]] = []
    bodies = []
    for sheet, rows in tables(report).values():
        bodies.append(ListBody(workbook, sheet, rows))
        made.append((folder / f"{sheet.name.lower().replace(' ', '_')}.csv",
                     partial(write_csv, header=[c.header for c in sheet.columns], rows=rows)))
    _ringkasan(workbook, report)
    made.append((folder / "ringkasan.csv", partial(write_csv, header=["Ukuran", "Nilai"], rows=summary_rows(report))))
    for sheet in workbook.worksheets:
        finish_sheet(sheet)
    made.insert(0, (folder / f"ekspor-{report.start:%Y-%m}.xlsx", partial(save_with_bodies, workbook, bodies)))
    done: list[Path] = []
    try:
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
        with contextlib.ExitStack() as stack:
            for target, write in made:
                write(stack.enter_context(atomic_output(target, on_replace=done.append)))
    except OSError as error:
        replaced = (f"sudah diganti: {', '.join(p.name for p in done)}; belum: "
                    f"{', '.join(p.name for p, _ in made if p not in done)}") if done else \
            "tidak ada berkas ekspor yang ditulis atau diganti"
        raise CannotSave(f"Ekspor tidak bisa disimpan di {folder} ({os_reason(error)}); {replaced}. Periksa folder "
                         "keluaran dan ruang disk, lalu jalankan lagi.", path=str(folder)) from error
    return [target for target, _ in made]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_value(value: object) -> str:
    """Text as Excel in an Indonesian locale reads it; a cell that would run as a formula is made inert."""
    if value is None:
        return ""
    if isinstance(value, float):
        return (str(int(value)) if value.is_integer() else repr(value)).replace(".", ",")
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    text = without_control_characters(str(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(path: Path, *, header: list[str], rows: list[list]) -> None:
    """UTF-8 with BOM and ';' as Excel in an Indonesian locale expects."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        for row in rows:
            writer.writerow([csv_value(v) for v in row])
