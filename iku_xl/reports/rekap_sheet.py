"""The rekap as one workbook: per unit and SOP (with the ministry's totals), per step, and the files not read."""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from ..analysis.rekap import SOP_COLUMNS, STEP_COLUMNS, Rekap
from ..core import layout
from ..workbook import styles
from ..workbook.page import finish_sheet
from ..workbook.writer import new_workbook, put, write_list_sheet

WIDTHS = {"Berkas": 24, "Instansi": 30, "Unit Kerja": 30, "Nama SOP": 34, "Langkah Terburuk": 44, "Kegiatan": 44,
          "Status Monitoring": 24, "Penilaian": 24}
PER_SOP = layout.ListSheet("Rekap per SOP", "TabelRekapSOP", tuple(
    layout.Column(f"c{i}", name, WIDTHS.get(name, 13)) for i, name in enumerate(SOP_COLUMNS)))
PER_STEP = layout.ListSheet("Rekap per Langkah", "TabelRekapLangkah", tuple(
    layout.Column(f"c{i}", name, WIDTHS.get(name, 12)) for i, name in enumerate(STEP_COLUMNS)))
UNREAD = layout.ListSheet("Tidak Terbaca", "TabelTidakTerbaca", (
    layout.Column("file", "Berkas", 50), layout.Column("reason", "Alasan", 90)))


def _plain(value: object) -> object:
    """numpy numbers and NaN as the cell values Excel expects."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _rows(frame: pd.DataFrame) -> list[list[object]]:
    return [[_plain(v) for v in row] for row in frame.itertuples(index=False)]


def write_rekap(path: Path, rekap: Rekap) -> None:
    workbook = new_workbook()
    rows = _rows(rekap.sops)
    write_list_sheet(workbook, PER_SOP, rows)
    sheet = workbook[PER_SOP.name]
    totals = rekap.totals
    last = len(rows) + 3
    put(sheet, last, 1, f"Jumlah {rekap.semester.label}").font = styles.BOLD
    for c, name in enumerate(SOP_COLUMNS, start=1):
        if name in totals:
            put(sheet, last, c, totals[name]).font = styles.BOLD
    put(sheet, last + 1, 1, f"{len({r[0] for r in rows})} buku kerja terbaca, {len(rekap.unreadable)} tidak terbaca "
                            "(lihat lembar Tidak Terbaca).")
    write_list_sheet(workbook, PER_STEP, _rows(rekap.steps))
    write_list_sheet(workbook, UNREAD, [[file, reason] for file, reason in rekap.unreadable])
    for ws in workbook.worksheets:
        finish_sheet(ws)
    workbook.save(path)
