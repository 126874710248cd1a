"""The yearly performance documents' workbooks: the Manual IKU as one sheet (a row per indicator) and the cascading
matrix as a table a reviewer filters (Excel Tables carry their filter buttons)."""
from __future__ import annotations

from pathlib import Path

from ..core import layout
from ..core.kinerja import CARD_FIELDS
from .page import finish_sheet, print_wide
from .writer import new_workbook, write_list_sheet

C = layout.Column
WIDTHS = {"sasaran": 30, "indikator": 34, "definisi": 40, "formula": 36, "tujuan": 30, "satuan": 10, "jenis": 18,
          "polarisasi": 26, "frekuensi": 14, "baseline": 16, "penanggung_jawab": 28, "penyedia_data": 28,
          "sumber_data": 28, "catatan": 28}


def manual_sheet(cards: list[dict]) -> tuple[layout.ListSheet, list[list]]:
    """The cards' fields as columns, in the cards' order (the targets one column a year)."""
    columns = [C("no", "No", 6, "int")]
    if cards:
        for name in cards[0]["nilai"]:
            columns.append(C(name, CARD_FIELDS[name], WIDTHS.get(name, 20)))
        columns += [C(f"target:{year}", f"Target {year}", 12) for year in cards[0]["target"]]
    rows = [[card["no"], *card["nilai"].values(), *card["target"].values()] for card in cards]
    return layout.ListSheet("Manual IKU", "ManualIKU", tuple(columns)), rows


def matrix_sheet(lines: list[dict], year: int) -> tuple[layout.ListSheet, list[list]]:
    columns = (C("no", "No", 6, "int"), C("sasaran", "Sasaran Strategis", 30), C("iku", "Indikator Kinerja Utama", 34),
               C("target_iku", f"Target IKU {year}", 12), C("tingkat", "Tingkat", 11), C("unit", "Unit Kerja", 30),
               C("pejabat", "Pimpinan Unit", 30), C("sasaran_unit", "Sasaran Program/Kegiatan", 32),
               C("indikator_unit", "Indikator Kinerja Program/Kegiatan", 34),
               C("target_unit", f"Target Unit {year}", 12), C("cascading", "Cascading", 11))
    rows = [[line[c.field] for c in columns] for line in lines]
    return layout.ListSheet(f"Cascading {year}", "MatriksCascading", columns), rows


def write_table_workbook(path: Path, sheet: layout.ListSheet, rows: list[list]) -> Path:
    """One sheet, one Excel Table with a frozen header and filter buttons, printed landscape one page wide."""
    workbook = new_workbook()
    write_list_sheet(workbook, sheet, rows)
    ws = workbook[sheet.name]
    print_wide(ws)
    finish_sheet(ws)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
