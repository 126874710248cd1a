"""A list sheet whose records are written into the saved XML (the export) is the sheet openpyxl writes."""
import datetime as dt

from openpyxl import load_workbook

from iku_xl.core import layout
from iku_xl.workbook.list_body import ListBody, save_with_bodies
from iku_xl.workbook.page import finish_sheet
from iku_xl.workbook.writer import new_workbook, write_list_sheet

C = layout.Column
SHEET = layout.ListSheet("Daftar", "DaftarUji", (
    C("id", "ID", 12, "text"), C("note", "Catatan", 20), C("at", "Waktu", 16, "datetime"),
    C("day", "Tanggal", 12, "date"), C("n", "Jumlah", 8, "int"), C("any", "Lain", 10)))
ROWS = [
    ["IKU-2026-001", "satu baris", dt.datetime(2026, 9, 1, 8, 30, 15, 600000), dt.date(2026, 9, 2), 3, 2.5],
    ["=HYPERLINK(\"x\")", "teks panjang " * 12 + "\nbaris baru", dt.datetime(2026, 9, 3), None, None,
     dt.datetime(2026, 9, 4)],
    ["  spasi  ", "kontrol\x07 dibuang", None, dt.datetime(2026, 9, 5, 0, 0), 0, dt.time(9, 30)],
    ["pendek"],  # a short row: the rest of its cells empty, still styled
]


def _written(tmp_path, fast: bool, rows):
    workbook = new_workbook()
    path = tmp_path / ("fast.xlsx" if fast else "openpyxl.xlsx")
    if fast:
        body = ListBody(workbook, SHEET, rows)
        finish_sheet(workbook[SHEET.name])
        save_with_bodies(workbook, [body], path)
    else:
        write_list_sheet(workbook, SHEET, rows)
        finish_sheet(workbook[SHEET.name])
        workbook.save(path)
    return load_workbook(path)[SHEET.name]


def _cells(ws):
    return [[(c.coordinate, c.value, c.data_type, c.number_format, repr(c.font), repr(c.alignment)) for c in row]
            for row in ws.iter_rows()]


def _sheet(ws):
    (table,) = ws.tables.values()
    heights = {n: (d.height, d.customHeight) for n, d in ws.row_dimensions.items() if d.height}
    return (ws.dimensions, heights, table.ref, [c.name for c in table.tableColumns], table.autoFilter.ref,
            ws.freeze_panes, ws.print_title_rows, [(v.sqref, v.type) for v in ws.data_validations.dataValidation])


def test_records_written_into_the_xml_are_the_cells_openpyxl_writes(tmp_path):
    fast, plain = _written(tmp_path, True, ROWS), _written(tmp_path, False, ROWS)
    assert _cells(fast) == _cells(plain)
    assert _sheet(fast) == _sheet(plain)
    assert fast["C2"].value == dt.datetime(2026, 9, 1, 8, 30, 15, 600000)  # to the microsecond
    assert fast.row_dimensions[3].height and fast["B4"].value == "kontrol dibuang"


def test_an_empty_list_keeps_one_styled_body_row_for_its_table(tmp_path):
    fast, plain = _written(tmp_path, True, []), _written(tmp_path, False, [])
    assert _cells(fast) == _cells(plain)
    assert _sheet(fast) == _sheet(plain)
    assert fast.tables["DaftarUji"].ref == "A1:F2"
