"""Write a whole new workbook from a Book (iku-xl init), with openpyxl.

Later changes to an existing workbook must keep what staff added; they do not go through here.
"""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import replace
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableFormula, TableStyleInfo

from ..core import layout
from ..core.book import Book
from ..core.cells import column_letter
from ..core.document_kinds import KINDS, kind_label
from ..core.sop import IDENTITY_FIELDS, SYMBOLS, Sop, StepKind
from ..core.text_rules import MAX_CELL_CHARS, without_control_characters
from ..core.tracking import TrackingRow, tracking_rows
from . import lacak, styles
from .page import finish_sheet, print_tall, print_wide
from .panduan import PANDUAN_LINES

DROPDOWN_ROWS = 2000  # dropdowns reach this far down so that rows staff add get them too
# lists that offer what another sheet holds: a value not (yet) there is let through with a note
SOFT_LISTS = {*layout.SHEET_LISTS, "DaftarPeran"}  # Peran: also officials outside the SOPs (a PK's parties)


def write_new_workbook(path: Path, book: Book, settings_rows: list[tuple[str, object, str]],
                       hours_rows: list[tuple], target_years: tuple[int, ...]) -> None:
    workbook = new_workbook()
    _panduan(workbook.create_sheet(layout.PANDUAN))
    _panel(workbook.create_sheet(layout.PANEL))
    write_list_sheet(workbook, layout.KASUS, [record_row(layout.KASUS, c) for c in book.cases])
    _kasus_extras(workbook[layout.KASUS.name])
    write_list_sheet(workbook, layout.RIWAYAT, [record_row(layout.RIWAYAT, h) for h in book.history])
    iku = with_target_columns(layout.IKU, target_years)
    write_list_sheet(workbook, iku, [record_row(iku, r) for r in book.iku_rows])
    cascading = with_target_columns(layout.CASCADING, target_years)
    write_list_sheet(workbook, cascading, [record_row(cascading, c) for c in book.cascades])
    write_list_sheet(workbook, layout.TARGET_TRIWULAN,
                     [record_row(layout.TARGET_TRIWULAN, q) for q in book.quarter_targets])
    write_list_sheet(workbook, layout.ANGGARAN, [record_row(layout.ANGGARAN, b) for b in book.budgets])
    write_list_sheet(workbook, layout.PEJABAT, [record_row(layout.PEJABAT, o) for o in book.officials])
    write_list_sheet(workbook, layout.PENOMORAN, [record_row(layout.PENOMORAN, replace(n, kind=kind_label(n.kind)))
                                                  for n in book.numbers])
    write_list_sheet(workbook, layout.TIM, [record_row(layout.TIM, m) for m in book.team])
    write_list_sheet(workbook, layout.RAPAT, [record_row(layout.RAPAT, m) for m in book.meetings])
    write_list_sheet(workbook, layout.DAFTAR_SOP, [record_row(layout.DAFTAR_SOP, e) for e in sop_register_rows(book)])
    for sop in book.sops.values():
        write_sop_sheet(workbook.create_sheet(sop.code), sop)
    for sop in book.sops.values():
        write_lacak_sheet(workbook.create_sheet(lacak.sheet_name(sop.code)), sop,
                          tracking_rows(sop, book.cases, book.history))
    write_list_sheet(workbook, layout.LIBUR, [record_row(layout.LIBUR, d) for d in book.days_off])
    write_list_sheet(workbook, layout.INSTANSI, [record_row(layout.INSTANSI, p) for p in book.profiles])
    write_list_sheet(workbook, layout.POLA_NOMOR, [record_row(layout.POLA_NOMOR, n) for n in book.number_patterns])
    write_list_sheet(workbook, layout.DASAR_HUKUM, [record_row(layout.DASAR_HUKUM, b) for b in book.legal_bases])
    write_list_sheet(workbook, layout.PENGATURAN, [list(r) for r in settings_rows])
    write_list_sheet(workbook, layout.JAM_KERJA, [list(r) for r in hours_rows])
    write_pick_lists(workbook, book)
    for sheet in workbook.worksheets:
        sheet.sheet_view.zoomScale = 90
        finish_sheet(sheet)
    _properties(workbook, book)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


def _properties(workbook, book: Book) -> None:
    """File > Properties as the bureau would fill them, not openpyxl's name."""
    from ..core.values import text_of

    profile = book.profiles[0] if book.profiles else None
    owner = ", ".join(t for t in (profile.unit or "", profile.name or "") if t) if profile else ""
    workbook.properties.creator = workbook.properties.lastModifiedBy = owner or "iku-xl"
    workbook.properties.title = "Buku Kerja SOP Penyusunan IKU" + (f" — {text_of(profile.name)}" if profile else "")
    workbook.properties.subject = "Standar Operasional Prosedur penyusunan Indikator Kinerja Utama dan pelacakannya"


def sop_register_rows(book: Book) -> list:
    """The register as a new workbook starts it: a row per SOP, from its sheet, not yet monitored."""
    from ..core.sop_register import register_changes

    return [after for _, after in register_changes(book)]


def new_workbook() -> Workbook:
    """An empty workbook whose every cell, written or typed later, is Arial 10 (openpyxl's default style is
    Calibri 11: the rows staff add would look larger than the program's)."""
    from openpyxl.utils.indexed_list import IndexedList

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook._fonts = IndexedList([styles.FONT])  # the stylesheet's font 0: openpyxl internals, pinned <3.2
    workbook._named_styles["Normal"].font = styles.FONT
    return workbook


def with_target_columns(sheet: layout.ListSheet, years: tuple[int, ...]) -> layout.ListSheet:
    """The sheet with a 'Target YYYY' column per year after its Satuan (IKU, Cascading)."""
    columns = list(sheet.columns)
    at = [c.field for c in columns].index("satuan") + 1
    columns[at:at] = [layout.Column(f"target:{y}", f"Target {y}", 11) for y in years]
    return layout.ListSheet(sheet.name, sheet.table, tuple(columns), sheet.first_column, sheet.optional)


def value_format(value: object) -> str | None:
    """The number format a value brings to the cell it is put in: a date shows as a date, not as
    2026-02-19 0:00:00; None for a value shown as it is."""
    if isinstance(value, dt.datetime):
        return styles.NUMBER_FORMATS["date" if value.time() == dt.time() else "datetime"]
    if isinstance(value, dt.date):
        return styles.NUMBER_FORMATS["date"]
    if isinstance(value, dt.time):
        return styles.NUMBER_FORMATS["time"]
    return None


def cell_text(value: str) -> str:
    """Text as a cell holds it: control characters typed by hand, which the file format cannot hold, left out;
    at most Excel's 32,767 characters (openpyxl cuts there too)."""
    return without_control_characters(value)[:MAX_CELL_CHARS]


def put(ws, row: int, column: int, value: object):
    """A cell holding data (`cell_text`): text that starts with '=' (a title, a pasted '=cmd|...') stays text."""
    if isinstance(value, str):
        value = cell_text(value)
    cell = ws.cell(row=row, column=column, value=value)
    if cell.data_type == "f":
        cell.data_type = "s"
    elif (number_format := value_format(value)) is not None:
        cell.number_format = number_format
    return cell


def record_row(sheet: layout.ListSheet, record) -> list:
    """A record's values in the sheet's column order (fields are named alike, a 'target:YYYY' column reads
    the record's targets); document kinds by label."""
    values = [record.targets.get(int(column.field[7:])) if column.field.startswith("target:")
              else getattr(record, column.field, None) for column in sheet.columns]
    return [KINDS[v].label if c.dropdown == "DaftarNaskah" and v in KINDS else v
            for c, v in zip(sheet.columns, values)]


def write_list_sheet(workbook, sheet: layout.ListSheet, rows: list[list]) -> None:
    """One Excel Table with a frozen header, typed columns and its dropdowns."""
    ws = list_sheet_frame(workbook, sheet, len(rows))
    body_styles = BodyStyles(ws, sheet)
    first = sheet.first_column
    for r, values in enumerate(rows or [[]], start=2):  # an Excel Table needs at least one body row
        for offset in range(len(sheet.columns)):
            value = values[offset] if offset < len(values) else None
            cell = put(ws, r, first + offset, value)
            cell._style = copy.copy(body_styles.cell(offset, value_format(value))._style)


class BodyStyles:
    """The style of a list sheet's body cell by its column and the number format its value brings, each made
    once: setting font, alignment and format per cell hashes openpyxl's style objects every time."""

    def __init__(self, ws, sheet: layout.ListSheet):
        self.ws, self.columns = ws, sheet.columns
        self.made: dict[tuple[int, str | None], Cell] = {}

    def cell(self, offset: int, value_format: str | None) -> Cell:
        """A cell outside the sheet holding the style (copy its `_style`; its `style_id` is the style's index)."""
        key = (offset, value_format)
        if key not in self.made:
            cell = Cell(self.ws)
            cell.font, cell.alignment = styles.FONT, styles.WRAP_TOP
            kind = self.columns[offset].kind
            cell.number_format = styles.NUMBER_FORMATS.get(kind) or value_format or "General"
            self.made[key] = cell
        return self.made[key]


def list_sheet_frame(workbook, sheet: layout.ListSheet, body_rows: int):
    """The sheet of a list of `body_rows` records without the records: the header row, column widths and
    types, the Excel Table over the rows to come (at least one), frozen header, print setup, dropdowns."""
    ws = workbook[sheet.name] if sheet.name in workbook.sheetnames else workbook.create_sheet(sheet.name)
    first = sheet.first_column
    for offset, column in enumerate(sheet.columns):
        cell = ws.cell(row=1, column=first + offset, value=column.header)
        cell.font, cell.fill, cell.alignment = styles.HEADER_FONT, styles.HEADER_FILL, styles.CENTER
        ws.column_dimensions[column_letter(first + offset)].width = column.width
    last = column_letter(first + len(sheet.columns) - 1)
    ws.add_table(_table(sheet, f"{column_letter(first)}1:{last}{max(body_rows, 1) + 1}"))
    if first == 1:
        ws.freeze_panes = "A2"
        print_wide(ws)
        ws.print_title_rows = "1:1"
    for offset, column in enumerate(sheet.columns):
        letter = column_letter(first + offset)
        if column.kind in styles.NUMBER_FORMATS:  # rows typed later, however many, keep the column's type
            ws.column_dimensions[letter].number_format = styles.NUMBER_FORMATS[column.kind]
        if column.dropdown:
            _dropdown(ws, column, f"{letter}2:{letter}{DROPDOWN_ROWS}", strict=column.dropdown not in SOFT_LISTS)
        elif column.kind in ("date", "datetime"):
            _date_check(ws, column, f"{letter}2:{letter}{DROPDOWN_ROWS}")
    return ws


def _table(sheet: layout.ListSheet, ref: str) -> Table:
    """The sheet's Excel Table, its columns named by the headers here: left unnamed, openpyxl names them on
    saving by reading the header cells through the whole range, making a cell for every one in the table."""
    table = Table(displayName=sheet.table, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    table._initialise_columns()
    for table_column, column in zip(table.tableColumns, sheet.columns):
        table_column.name = column.header
    return table


def _dropdown(ws, column: layout.Column, ref: str, strict: bool = True) -> None:
    rule = DataValidation(type="list", formula1=column.dropdown, allow_blank=True,
                          showErrorMessage=True, errorStyle="stop" if strict else "information",
                          errorTitle=f"{column.header} tidak dikenal",
                          error=f"Pilih {column.header} dari daftar.", promptTitle=column.header,
                          prompt=f"Pilih {column.header} dari daftar.")
    rule.add(ref)
    ws.add_data_validation(rule)


def _date_check(ws, column: layout.Column, ref: str) -> None:
    rule = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                          showErrorMessage=True, errorStyle="warning", errorTitle="Bukan tanggal",
                          error=f"{column.header} harus tanggal, misalnya 23/11/2026 09:30.")
    rule.add(ref)
    ws.add_data_validation(rule)


def _kasus_extras(ws) -> None:
    """The overdue flag (a calculated column of the table) and highlight, recalculated by Excel itself."""
    letter = {c.field: column_letter(i + 1) for i, c in enumerate(layout.KASUS.columns)}
    due, status, flag = letter["due"], letter["status"], letter["overdue"]

    def overdue(row: int) -> str:
        return (f'AND(ISNUMBER(${due}{row}),${due}{row}<NOW(),'
                f'OR(${status}{row}="Berjalan",${status}{row}="Dikembalikan"))')

    table = ws.tables[layout.KASUS.table]
    last_row = int(table.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    for r in range(2, last_row + 1):
        ws[f"{flag}{r}"] = f'=IF({overdue(r)},"Ya","")'
    column = next(c for c in table.tableColumns if c.name == layout.KASUS.column("overdue").header)
    column.calculatedColumnFormula = TableFormula(attr_text=f'IF({overdue(2)},"Ya","")')
    last = column_letter(len(layout.KASUS.columns))
    ws.conditional_formatting.add(
        f"A2:{last}{DROPDOWN_ROWS}",
        FormulaRule(formula=[overdue(2)], fill=styles.OVERDUE_FILL, font=styles.OVERDUE_FONT))


def write_pick_lists(workbook, book: Book) -> None:
    """The hidden sheet of dropdown lists, each under a defined name."""
    ws = workbook[layout.DAFTAR] if layout.DAFTAR in workbook.sheetnames else workbook.create_sheet(layout.DAFTAR)
    ws.delete_rows(1, ws.max_row)
    roles = list(dict.fromkeys(r for sop in book.sops.values() for r in sop.roles))
    values = {**layout.FIXED_LISTS, "DaftarSOP": tuple(book.sops), "DaftarPeran": tuple(roles)}
    for index, (name, header) in enumerate(layout.PICK_LISTS.items(), start=1):
        letter = column_letter(index)
        ws.cell(row=1, column=index, value=header).font = styles.BOLD
        items = values[name] or ("",)
        for r, item in enumerate(items, start=2):
            ws.cell(row=r, column=index, value=item)
        ws.column_dimensions[letter].width = 24
        ref = f"'{layout.DAFTAR}'!${letter}$2:${letter}${len(items) + 1}"
        if name in workbook.defined_names:
            del workbook.defined_names[name]
        workbook.defined_names[name] = DefinedName(name, attr_text=ref)
    for name, (sheet_name, field) in layout.SHEET_LISTS.items():
        sheet = next(s for s in layout.LIST_SHEETS if s.name == sheet_name)
        source = workbook[sheet_name]
        header = sheet.column(field).header
        index = next(c.column for c in source[1] if c.value == header)
        letter = column_letter(index)
        if name in workbook.defined_names:
            del workbook.defined_names[name]
        workbook.defined_names[name] = DefinedName(
            name, attr_text=f"'{sheet_name}'!${letter}$2:${letter}${DROPDOWN_ROWS}")
    ws.sheet_state = "hidden"


def _panel(ws) -> None:
    """The control sheet of the Excel face: choose an action, select case rows, press Run main."""
    print_tall(ws)
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 44, 40
    ws["A1"] = "Panel iku-xl"
    ws["A1"].font = styles.TITLE
    for field, (row, label) in layout.PANEL_FIELDS.items():
        ws.cell(row=row, column=1, value=label).font = styles.BOLD
        cell = ws.cell(row=row, column=2)
        cell.border, cell.fill = styles.BOX, styles.FLOW_FILL
        if field == "at":
            cell.number_format = styles.NUMBER_FORMATS["datetime"]
        if field in ("note", "by", "month", "sop_file", "sop_code", "semester", "result"):  # "1/2" stays "1/2"
            cell.number_format = "@"
        if field == "result":
            cell.fill = PatternFill(fill_type=None)
            cell.alignment = styles.WRAP_TOP
    action = layout.panel_cell("action")
    ws[action] = layout.FIXED_LISTS["DaftarAksi"][0]
    _dropdown(ws, layout.Column("action", "Aksi", dropdown="DaftarAksi"), action)
    _dropdown(ws, layout.Column("kind", "Jenis naskah", dropdown="DaftarNaskah"), layout.panel_cell("kind"))
    lines = ["Cara memakai:",
             f"1. Pilih aksi di sel {action} (dan isi alasan bila menunda atau membatalkan).",
             "2. Di lembar Kasus, pilih baris kasus yang akan diproses (boleh beberapa baris).",
             "3. Excel: klik 'Run main' pada tab xlwings (atau tombol makro bila kantor memasangnya).",
             "   LibreOffice Calc: klik tombol aksinya di bilah alat iku-xl (dipasang dengan 'iku-xl calc install';",
             f"   Tampilan > Bilah Alat > iku-xl); tombol itu tidak memakai pilihan di {action}.",
             "Hasilnya tampil di lembar Kasus, Riwayat, Lacak, di kotak pesan dan di sel 'Hasil aksi terakhir'.",
             "Alasan, waktu, berkas SOP dan jenis naskah dikosongkan setelah aksinya berjalan.",
             "Di LibreOffice, simpan buku kerja (Ctrl+S, format Excel) setelah aksi: perubahan belum tersimpan."]
    first = max(row for row, _ in layout.PANEL_FIELDS.values()) + 2
    for offset, line in enumerate(lines):
        ws.cell(row=first + offset, column=1, value=line).font = styles.BOLD if offset == 0 else styles.FONT


def _panduan(ws) -> None:
    print_tall(ws)
    ws.column_dimensions["A"].width = 95
    for r, (line, bold) in enumerate(PANDUAN_LINES, start=1):
        cell = ws.cell(row=r, column=1, value=line)
        cell.font = styles.TITLE if r == 1 else (styles.BOLD if bold else styles.FONT)
        cell.alignment = styles.WRAP_TOP


def write_sop_sheet(ws, sop: Sop) -> None:
    """The SOP as the bureau signed it, and the flow columns the program reads, to its right."""
    roles = list(sop.roles)
    n = len(roles)
    col = {"no": 1, "kegiatan": 2}
    col.update({f"peran:{r}": 3 + i for i, r in enumerate(roles)})
    after = 3 + n
    col.update(kelengkapan=after, waktu=after + 1, output=after + 2, keterangan=after + 3,
               kind=after + 4, if_yes=after + 5, if_no=after + 6, documents=after + 7, signer=after + 8,
               recipients=after + 9, to_confirm=after + 10)
    last_sop = col["keterangan"]
    last = col["to_confirm"]
    widths = {"no": 5, "kegiatan": 46, "kelengkapan": 26, "waktu": 10, "output": 26, "keterangan": 20,
              "kind": 13, "if_yes": 11, "if_no": 11, "documents": 26, "signer": 18, "recipients": 26,
              "to_confirm": 40}
    for field, index in col.items():
        ws.column_dimensions[column_letter(index)].width = widths.get(field, 12)

    ws.cell(row=1, column=1, value=layout.SOP_TITLE).font = styles.TITLE
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_sop)
    for r, (field, label) in enumerate(IDENTITY_FIELDS, start=layout.SOP_IDENTITY_FIRST_ROW):
        label_cell = ws.cell(row=r, column=2, value=label)
        label_cell.font, label_cell.fill, label_cell.border = styles.BOLD, styles.LABEL_FILL, styles.BOX
        label_cell.alignment = styles.WRAP_TOP
        value = getattr(sop.identity, field)
        value_cell = put(ws, r, 3, value or None)
        value_cell.font, value_cell.alignment, value_cell.border = styles.FONT, styles.WRAP_TOP, styles.BOX
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=last_sop)
        lines = max(1, str(value).count("\n") + 1, len(str(value)) // 120 + 1)
        ws.row_dimensions[r].height = min(15 * lines, 400)

    h = layout.SOP_HEADER_ROW
    heads = [(col["no"], col["no"], "No", True), (col["kegiatan"], col["kegiatan"], "Kegiatan", True),
             (3, 2 + max(n, 1), layout.SOP_GROUP_HEADERS[0], False),
             (col["kelengkapan"], col["output"], layout.SOP_GROUP_HEADERS[1], False),
             (col["keterangan"], col["keterangan"], "Keterangan", True),
             (col["kind"], last, layout.SOP_GROUP_HEADERS[2], False)]
    for first, end, text, down in heads:
        cell = ws.cell(row=h, column=first, value=text)
        if down:
            ws.merge_cells(start_row=h, start_column=first, end_row=h + 1, end_column=end)
        elif end > first:
            ws.merge_cells(start_row=h, start_column=first, end_row=h, end_column=end)
    for i, role in enumerate(roles):
        put(ws, h + 1, 3 + i, role)
    for field in ("kelengkapan", "waktu", "output", "kind", "if_yes", "if_no", "documents", "signer", "recipients",
                  "to_confirm"):
        ws.cell(row=h + 1, column=col[field], value=layout.SOP_FIXED_HEADERS[field])
    for r in (h, h + 1):
        for c in range(1, last + 1):
            cell = ws.cell(row=r, column=c)
            flow = c >= col["kind"]
            cell.font = styles.BOLD if flow else styles.HEADER_FONT
            cell.fill = styles.FLOW_FILL if flow else styles.HEADER_FILL
            cell.alignment, cell.border = styles.CENTER, styles.BOX
    ws.row_dimensions[h + 1].height = 42

    for r, step in enumerate(sop.steps, start=h + 2):
        kind = step.kind if isinstance(step.kind, StepKind) else StepKind.PROSES
        values = {"no": step.no, "kegiatan": step.kegiatan, "kelengkapan": step.kelengkapan,
                  "waktu": step.waktu, "output": step.output, "keterangan": step.keterangan,
                  "kind": step.kind.value if isinstance(step.kind, StepKind) else step.kind,
                  "if_yes": step.if_yes, "if_no": step.if_no,
                  "documents": ", ".join(KINDS[d].label if d in KINDS else d for d in step.documents),
                  "signer": step.signer, "recipients": ", ".join(step.recipients), "to_confirm": step.to_confirm}
        values.update({f"peran:{e}": SYMBOLS[kind] for e in step.executors})
        for c in range(1, last + 1):
            cell = ws.cell(row=r, column=c)
            cell.border, cell.font = styles.BOX, styles.FONT
            cell.alignment = styles.CENTER if 3 <= c < col["kelengkapan"] or c == 1 else styles.WRAP_TOP
        for field, value in values.items():
            if field in col and value not in (None, ""):
                put(ws, r, col[field], value)
    end_row = h + 1 + max(len(sop.steps), 1) + 40
    rules = (
        (col["kind"], layout.Column("kind", "Jenis Langkah", dropdown="DaftarJenisLangkah"), True),
        (col["documents"], layout.Column("documents", "Dokumen", dropdown="DaftarNaskah"), False),
    )
    for index, column, strict in rules:
        letter = column_letter(index)
        _dropdown(ws, column, f"{letter}{h + 2}:{letter}{end_row}", strict=strict)
    for field in ("if_yes", "if_no"):
        letter = column_letter(col[field])
        rule = DataValidation(type="whole", operator="between", formula1="1", formula2="999", allow_blank=True,
                              showErrorMessage=True, errorTitle="Nomor langkah",
                              error="Isi nomor langkah tujuan (angka).")
        rule.add(f"{letter}{h + 2}:{letter}{end_row}")
        ws.add_data_validation(rule)
    ws.freeze_panes = ws.cell(row=h + 2, column=3)
    ws.print_title_rows = f"{h}:{h + 1}"
    ws.print_area = f"A1:{column_letter(last_sop)}{h + 1 + len(sop.steps)}"
    print_wide(ws, "A:B")
    ws.print_options.horizontalCentered = True


LACAK_STYLES = {
    "header": dict(font=styles.HEADER_FONT, fill=styles.HEADER_FILL, alignment=styles.CENTER, border=styles.BOX),
    "done": dict(fill=styles.DONE_FILL, number_format=styles.NUMBER_FORMATS["datetime"], border=styles.BOX),
    "late": dict(fill=styles.LATE_FILL, font=styles.OVERDUE_FONT, number_format=styles.NUMBER_FORMATS["datetime"],
                 border=styles.BOX),
    "current": dict(fill=styles.CURRENT_FILL, font=styles.BOLD, alignment=styles.CENTER, border=styles.BOX),
    "text": dict(font=styles.FONT, border=styles.BOX),
}


def _styled(cell, key: str) -> None:
    for attribute, value in LACAK_STYLES[key].items():
        setattr(cell, attribute, value)


def write_lacak_sheet(ws, sop: Sop, rows: list[TrackingRow]) -> None:
    put(ws, layout.LACAK_TITLE_ROW, 1, lacak.title(sop.code)).font = styles.TITLE
    for column, text, key in layout.LACAK_LEGEND:
        cell = ws.cell(row=layout.LACAK_LEGEND_ROW, column=column, value=text)
        # styled exactly as the body's cells, nothing added: a move rewrites Lacak rows with the legend's styles
        _styled(cell, key)
    for r, cells in enumerate([lacak.header(sop)] + lacak.body(sop, rows), start=layout.LACAK_HEADER_ROW):
        for c, item in enumerate(cells, start=1):
            _styled(put(ws, r, c, item.value), item.style)
    widths = [15, 40, 17] + [16] * len(sop.steps)  # Status wide enough for the legend's "Selesai terlambat"
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[column_letter(index)].width = width
    ws.row_dimensions[layout.LACAK_HEADER_ROW].height = 45
    ws.freeze_panes = ws.cell(row=layout.LACAK_HEADER_ROW + 1, column=len(layout.LACAK_FIXED) + 1)
    print_wide(ws)
    ws.print_title_rows = f"{layout.LACAK_HEADER_ROW}:{layout.LACAK_HEADER_ROW}"
