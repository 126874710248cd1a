"""The monitoring of one SOP as a workbook: Tabel 7, the evaluation form, the evidence per step, native charts."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl.chart import BarChart, Reference
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..core.monitoring import BAIK, TIDAK_BAIK, SopMonitoring
from ..workbook import styles
from ..workbook.page import finish_sheet, print_wide
from ..workbook.writer import new_workbook, put
from .charts import percent_of_standard

TABEL7 = (("No", 5), ("Prosedur", 42), ("Penilaian terhadap Penerapan", 17), ("Catatan Hasil Penilaian", 44),
          ("Tindakan yang Harus Diambil", 40), ("Paraf Penilai", 11))
EVALUASI = (("No", 5), ("Kriteria Penilaian", 30), ("Bukti dari Riwayat dan Buku Kerja", 62), ("Ya", 7),
            ("Tidak", 7), ("Catatan dan Tindakan yang Harus Diambil", 40))
DATA = (("Langkah", 10), ("Kegiatan", 40), ("Pelaksana", 22), ("Waktu Standar", 12), ("Dilaksanakan", 12),
        ("Tepat Waktu", 11), ("Terlambat", 10), ("Median (menit kerja)", 13), ("Mutu Baku (menit kerja)", 13),
        ("% terhadap Mutu Baku", 13), ("Keputusan", 10), ("Dikembalikan", 12), ("Ditunda", 9), ("Penilaian", 24))
FILLS = {BAIK: styles.DONE_FILL, TIDAK_BAIK: styles.LATE_FILL}


def _heading(ws: Worksheet, title: str, monitoring: SopMonitoring, width: int) -> int:
    put(ws, 1, 1, title).font = styles.TITLE
    lines = [f"Nama SOP: {monitoring.title}", f"Nomor SOP: {monitoring.number or '-'} (lembar {monitoring.code})",
             f"Periode: {monitoring.semester.label} ({monitoring.semester.span})"]
    for offset, line in enumerate(lines, start=2):
        put(ws, offset, 1, line).font = styles.BOLD
        ws.merge_cells(start_row=offset, start_column=1, end_row=offset, end_column=width)
    return len(lines) + 3


def _table(ws: Worksheet, first: int, columns: tuple[tuple[str, int], ...],
           rows: Sequence[Sequence[object]]) -> None:
    for c, (header, width) in enumerate(columns, start=1):
        cell = put(ws, first, c, header)
        cell.font, cell.fill, cell.alignment, cell.border = styles.HEADER_FONT, styles.HEADER_FILL, styles.CENTER, \
            styles.BOX
        ws.column_dimensions[cell.column_letter].width = width
    for r, values in enumerate(rows, start=first + 1):
        for c, value in enumerate(values, start=1):
            cell = put(ws, r, c, value)
            cell.font, cell.border = styles.FONT, styles.BOX
            cell.alignment = styles.CENTER if c == 1 else styles.WRAP_TOP
    ws.row_dimensions[first].height = 30  # two lines of header
    ws.print_title_rows = f"{first}:{first}"
    ws.freeze_panes = ws.cell(row=first + 1, column=1)
    print_wide(ws)


def _tabel7(workbook: Workbook, monitoring: SopMonitoring) -> None:
    ws = workbook.create_sheet("Tabel 7")
    first = _heading(ws, "MONITORING PELAKSANAAN SOP AP", monitoring, len(TABEL7))
    put(ws, first - 1, 1, f"Aturan penilaian: {monitoring.rule.sentence()}").alignment = styles.WRAP_TOP
    ws.merge_cells(start_row=first - 1, start_column=1, end_row=first - 1, end_column=len(TABEL7))
    ws.row_dimensions[first - 1].height = 42
    rows = [[i, s.prosedur, s.penilaian, s.catatan, s.tindakan, None] for i, s in enumerate(monitoring.steps, 1)]
    _table(ws, first, TABEL7, rows)
    for r, step in enumerate(monitoring.steps, start=first + 1):
        fill = FILLS.get(step.penilaian)
        if fill is not None:
            ws.cell(row=r, column=3).fill = fill


def _evaluasi(workbook: Workbook, monitoring: SopMonitoring) -> None:
    ws = workbook.create_sheet("Evaluasi SOP")
    first = _heading(ws, "EVALUASI PENERAPAN SOP AP", monitoring, len(EVALUASI))
    put(ws, first - 1, 1, "Penilai menandai Ya atau Tidak (✓) untuk setiap kriteria; bukti disusun dari Riwayat "
                          "dan buku kerja.").alignment = styles.WRAP_TOP
    ws.merge_cells(start_row=first - 1, start_column=1, end_row=first - 1, end_column=len(EVALUASI))
    rows = [[i, criterion, evidence, None, None, None] for i, (criterion, evidence) in
            enumerate(monitoring.criteria, start=1)]
    _table(ws, first, EVALUASI, rows)
    tick = DataValidation(type="list", formula1='"✓"', allow_blank=True)
    tick.add(f"D{first + 1}:E{first + len(rows)}")
    ws.add_data_validation(tick)
    last = first + len(rows) + 2
    for offset, line in enumerate(("Penilai,", "", "", "(nama dan NIP)")):
        put(ws, last + offset, 6, line)


def _data(workbook: Workbook, monitoring: SopMonitoring) -> tuple[int, list[int]]:
    """The evidence per step; returns the last row and the rows of the decision steps."""
    ws = workbook.create_sheet("Data Langkah")
    rows, decisions = [], []
    for r, step in enumerate(monitoring.steps, start=2):
        e = step.evidence
        rows.append([f"Langkah {e.no}", e.kegiatan, e.roles, e.standard or "-", e.runs, e.on_time, e.late,
                     None if e.median_minutes is None else round(e.median_minutes),
                     None if e.standard_minutes is None else round(e.standard_minutes), percent_of_standard(e),
                     e.runs if e.decision else None, e.returns if e.decision else None, e.holds, step.penilaian])
        if e.decision:
            decisions.append(r)
    for c, (header, width) in enumerate(DATA, start=1):
        cell = put(ws, 1, c, header)
        cell.font, cell.fill, cell.alignment = styles.HEADER_FONT, styles.HEADER_FILL, styles.CENTER
        ws.column_dimensions[cell.column_letter].width = width
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value).alignment = styles.WRAP_TOP
    ws.freeze_panes = "B2"
    print_wide(ws)
    return len(rows) + 1, decisions


def _bar(title: str, axis: str) -> BarChart:
    from ..workbook.export_writer import _chart_title

    chart = BarChart()
    chart.type, chart.style, chart.gapWidth = "bar", 10, 60
    chart.title = _chart_title(title)
    chart.y_axis.title = axis
    chart.y_axis.scaling.min = 0
    chart.x_axis.scaling.orientation = "maxMin"  # step 1 on top, as in Tabel 7
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.height, chart.width = 11, 22
    return chart


def _charts(workbook: Workbook, monitoring: SopMonitoring, last: int, decisions: list[int]) -> None:
    ws = workbook.create_sheet("Grafik")
    data = workbook["Data Langkah"]
    put(ws, 1, 1, f"Grafik monitoring {monitoring.code} — {monitoring.semester.label}").font = styles.TITLE
    timed = any(s.evidence.standard_minutes for s in monitoring.steps)
    column = 10 if timed else 8
    chart = _bar("Waktu per langkah terhadap Mutu Baku (%)" if timed else "Waktu per langkah (median, menit kerja)",
                 "% waktu Mutu Baku (100 = standar)" if timed else "menit kerja")
    chart.add_data(Reference(data, min_col=column, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=last))
    chart.legend = None
    ws.add_chart(chart, "A3")
    if decisions:
        returns = _bar("Keputusan dan pengembalian per langkah", "jumlah keputusan")
        returns.y_axis.majorUnit = 1
        # the decision steps stand in a block of their own below the table, so the chart has no empty rows
        block = last + 3
        put(data, block, 1, "Langkah keputusan")
        put(data, block, 11, "Keputusan")
        put(data, block, 12, "Dikembalikan")
        for offset, row in enumerate(decisions, start=1):
            for c in (1, 11, 12):
                put(data, block + offset, c, data.cell(row=row, column=c).value)
        returns.add_data(Reference(data, min_col=11, max_col=12, min_row=block, max_row=block + len(decisions)),
                         titles_from_data=True)
        returns.set_categories(Reference(data, min_col=1, min_row=block + 1, max_row=block + len(decisions)))
        ws.add_chart(returns, "A26")
    else:
        put(ws, 26, 1, "SOP ini tidak mempunyai langkah keputusan: tidak ada grafik pengembalian.")
    print_wide(ws)
    ws.page_setup.fitToHeight = 1  # both charts on one page, none cut by a page break


def write_monitoring_sheet(path: Path, monitoring: SopMonitoring) -> None:
    workbook = new_workbook()
    _tabel7(workbook, monitoring)
    _evaluasi(workbook, monitoring)
    last, decisions = _data(workbook, monitoring)
    _charts(workbook, monitoring, last, decisions)
    for sheet in workbook.worksheets:
        finish_sheet(sheet)
    workbook.save(path)
