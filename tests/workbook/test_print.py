"""The workbook as staff see it and print it: one font, labels in Bahasa, dates as dates, pages that fit."""
import re
import zipfile

import pypdf
from openpyxl import load_workbook

from iku_xl.core import layout
from iku_xl.core.document_kinds import KINDS
from iku_xl.core.sop import SYMBOLS
from iku_xl.workbook import page
from tests.helpers import libreoffice_convert, run


def test_one_font_for_every_cell_written_or_typed_later(demo_master):
    styles_xml = zipfile.ZipFile(demo_master).read("xl/styles.xml").decode()
    fonts = re.findall(r'<name val="([^"]+)"', styles_xml)
    assert set(fonts) == {"Arial"}, set(fonts)
    first_font = re.search(r"<font>(.*?)</font>", styles_xml).group(1)
    assert 'val="Arial"' in first_font and '<sz val="10"' in first_font  # what an empty row gets when typed in
    kasus = load_workbook(demo_master)["Kasus"]
    assert kasus.column_dimensions["I"].number_format == "dd/mm/yyyy hh:mm"  # every row, not up to row 199


def test_staff_read_no_internal_key(demo_master):
    codes = set(KINDS)
    workbook = load_workbook(demo_master)
    found = []
    for ws in workbook.worksheets:
        if ws.title == layout.DAFTAR:
            continue
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str) and not value.startswith("=") and set(re.findall(r"[a-z]+_[a-z_]+",
                                                                                           value)) & codes:
                    found.append((ws.title, value))
    assert not found, found[:5]


def test_dates_show_as_dates(demo_master):
    pengaturan = load_workbook(demo_master)["Pengaturan"]
    ramadan = [row for row in pengaturan.iter_rows(min_row=2) if str(row[0].value).startswith("Awal Ramadan")]
    assert ramadan and all(row[1].is_date and row[1].number_format == "dd/mm/yyyy" for row in ramadan)


def test_every_sheet_has_a_header_footer_and_prints_one_page_wide_only_when_legible(demo_master):
    """A sheet fitted one page wide prints at 80% or more; a wider one prints across pages at 85% with its key
    column and header repeated (Kasus fitted to one page printed at 4-5 pt, Instansi at 1.5 pt)."""
    workbook = load_workbook(demo_master)
    for ws in workbook.worksheets:
        assert ws.oddFooter.right.text == "Halaman &P dari &N" and ws.oddHeader.center.text == "&A", ws.title
        if ws.sheet_properties.pageSetUpPr.fitToPage:
            assert ws.page_setup.fitToWidth == 1 and page.fit_scale(ws) >= 80, ws.title
        else:
            assert ws.page_setup.scale == 85 and ws.print_title_cols, ws.title
    kasus = workbook[layout.KASUS.name]
    assert not kasus.sheet_properties.pageSetUpPr.fitToPage and kasus.print_title_cols.replace("$", "") == "A:A"
    assert kasus.print_title_rows.replace("$", "") == "1:1"
    for name in (layout.PANDUAN, layout.PANEL):
        assert workbook[name].page_setup.orientation == "portrait"
    sop = workbook["POLHUKAM"]
    assert sop.print_title_rows.replace("$", "") == f"{layout.SOP_HEADER_ROW}:{layout.SOP_HEADER_ROW + 1}"


def test_wrapped_rows_are_tall_enough_and_symbols_exist_in_arial(demo_master):
    sop = load_workbook(demo_master)["POLHUKAM"]
    first = layout.SOP_HEADER_ROW + 2
    step2 = sop.row_dimensions[first + 1]  # a Kegiatan of four lines
    assert step2.height and step2.height >= 4 * 12.75
    marks = {c.value for row in sop.iter_rows(min_row=first, min_col=3, max_col=7) for c in row if c.value}
    assert marks and marks <= set(SYMBOLS.values()) and marks <= {"○", "□", "◊"}


def test_printed_by_libreoffice_no_character_is_below_8_points(demo_master, tmp_path):
    """The demo workbook as LibreOffice prints it: every character's size on every page, read from the PDF."""
    import pdfplumber

    pdf = libreoffice_convert(demo_master, "pdf", tmp_path)
    with pdfplumber.open(pdf) as document:
        small = [(number, round(char["size"], 2), char["text"]) for number, sheet in enumerate(document.pages, 1)
                 for char in sheet.chars if char["size"] < 7.95]
    assert not small, small[:10]


def test_printed_by_libreoffice_panduan_and_panel_take_one_page_each(demo_master, tmp_path):
    pdf = libreoffice_convert(demo_master, "pdf", tmp_path)
    pages = [page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages]
    heads = [text.strip().splitlines()[0].strip() if text.strip() else "" for text in pages]
    assert heads.count(layout.PANDUAN) == 1 and heads.count(layout.PANEL) == 1, heads
    assert all(re.search(r"Halaman \d+ dari \d+", text) for text in pages)
    assert "□" in "".join(pages)  # the symbol is drawn, not an empty box replaced by nothing


def _heights_in_calc(calc, path, sheet_name, row):
    """(height as the file gives it, height LibreOffice itself fits the row to, fitted again on change?)"""
    document = calc.open(path)
    try:
        rows = document.Sheets.getByName(sheet_name).Rows
        given = rows.getByIndex(row - 1).Height
        refits = rows.getByIndex(row - 1).OptimalHeight
        rows.getByIndex(row - 1).OptimalHeight = True
        return given, rows.getByIndex(row - 1).Height, refits
    finally:
        document.close(True)


def test_a_row_the_command_line_rewrites_grows_with_its_text(calc, demo_master, tmp_path, capsys):
    """IKU-2026-004 moves from a two-line Kegiatan to a four-line one: the row shows it whole in Calc, and
    its height stays Calc's and Excel's to fit again when staff edit the row (not set by hand)."""
    workbook = tmp_path / "iku.xlsx"
    workbook.write_bytes(demo_master.read_bytes())
    row = 5  # IKU-2026-004 in the demo's Kasus
    before, _, _ = _heights_in_calc(calc, workbook, layout.KASUS.name, row)
    code, _, _ = run(capsys, "advance", workbook, "IKU-2026-004")
    assert code == 0
    given, fitted, refits = _heights_in_calc(calc, workbook, layout.KASUS.name, row)
    assert given > before and given >= fitted * 0.95, (before, given, fitted)
    assert refits


def test_workbook_properties_name_the_instansi(demo_master):
    properties = load_workbook(demo_master).properties
    assert properties.creator.startswith("Biro Perencanaan dan Organisasi") and "openpyxl" not in properties.creator
    assert properties.title.startswith("Buku Kerja SOP Penyusunan IKU")
