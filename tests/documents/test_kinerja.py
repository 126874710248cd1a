"""iku-xl kinerja on the demo workbook: the Manual IKU's cards, the Perjanjian Kinerja of the Menteri and of an
eselon I and an eselon II official of each ministry, the cascading matrix; checked on the .docx and on LibreOffice's
PDF as NASKAH.md and KINERJA.md sections 2-3 ask."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from iku_xl.actions.init import init_workbook
from iku_xl.actions.kinerja import make_kinerja
from iku_xl.core.kinerja import CARD_FIELDS
from iku_xl.workbook.reader import read_book
from tests.documents.test_naskah import visible_text
from tests.helpers import edit, run, soffice

TODAY = dt.date(2026, 12, 1)  # next year's PK are drafted in December
MINISTRY = {"POLKAM": "Kementerian Koordinator Bidang Politik dan Keamanan", "KEMNAKER": "Kementerian Ketenagakerjaan"}
# (instansi, file title) -> pihak pertama, pihak kedua (None: a Menteri signs alone), [(indicator, 2027 target)]
PK = {
    ("KEMNAKER", "Menteri Ketenagakerjaan Republik Indonesia"): (
        "Ahmad Fauzi", None, [("Tingkat Pengangguran Terbuka", "4,6%"),
                              ("Persentase tenaga kerja kompeten yang tersertifikasi", "66%"),
                              ("Indeks Produktivitas Tenaga Kerja", "103 Indeks")]),
    ("KEMNAKER", "Direktur Jenderal Pembinaan Pelatihan Vokasi dan Produktivitas"): (
        "Ir. Bayu Santoso, M.T.", "Ahmad Fauzi", [("Persentase tenaga kerja kompeten yang tersertifikasi", "66%"),
                                                  ("Indeks Produktivitas Tenaga Kerja", "103 Indeks")]),
    ("KEMNAKER", "Direktur Bina Standardisasi Kompetensi"): (
        "Andi Permana, S.T., M.M.", "Ir. Bayu Santoso, M.T.",
        [("Jumlah skema sertifikasi kompetensi yang ditetapkan", "100 Skema")]),
    ("POLKAM", "Menteri Koordinator Bidang Politik dan Keamanan Republik Indonesia"): (
        "Surya Wiranata", None, [("Indeks Efektivitas Koordinasi Kebijakan Bidang Politik dan Keamanan", "3,5 Indeks"),
                                 ("Persentase rekomendasi kebijakan yang ditindaklanjuti K/L", "75%"),
                                 ("Nilai SAKIP Kementerian Koordinator Bidang Politik dan Keamanan", "80 Nilai"),
                                 ("Indeks Reformasi Birokrasi", "82 Indeks"),
                                 ("Opini BPK atas Laporan Keuangan", "WTP")]),
    ("POLKAM", "Deputi Bidang Koordinasi Politik Dalam Negeri"): (
        "Dr. Irawan Saputra, S.IP., M.Si.", "Surya Wiranata",
        [("Indeks efektivitas koordinasi kebijakan politik dalam negeri", "3,5 Indeks"),
         ("Persentase rekomendasi kebijakan politik dalam negeri yang ditindaklanjuti K/L", "75%")]),
    ("POLKAM", "Asisten Deputi Koordinasi Kesatuan Bangsa"): (
        "Maya Pertiwi, S.H., M.H.", "Dr. Irawan Saputra, S.IP., M.Si.",
        [("Persentase rekomendasi kebijakan kesatuan bangsa yang disepakati K/L", "80%")]),
}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kinerja")
    workbook = folder / "iku.xlsx"
    init_workbook(workbook, demo=True)
    result = make_kinerja(workbook, 2027, pdf=soffice() is not None, today=TODAY)
    return workbook, result


def document(result, instansi: str, start: str) -> Path:
    return next(f for f in result.files if f.parent.name == instansi and f.name.startswith(start)
                and f.suffix == ".docx")


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(str(path.with_suffix(".pdf"))).pages]


def test_the_documents_go_to_kinerja_year_of_the_output_folder(made):
    workbook, result = made
    assert {f.parent for f in result.files} == {workbook.parent / "output" / "kinerja" / "2027" / key
                                                for key in ("POLKAM", "KEMNAKER")}
    names = {f.name for f in result.files}
    for _key, name in MINISTRY.items():
        assert {f"Manual IKU {name} Tahun 2025-2029.docx", f"Manual IKU {name} Tahun 2025-2029.xlsx"} <= names
        assert f"Matriks Cascading IKU {name} Tahun 2027.xlsx" in names
    for _key, title in PK:
        assert f"Perjanjian Kinerja Tahun 2027 {title}.docx" in names


@pytest.mark.parametrize("instansi", list(MINISTRY))
def test_each_indicator_has_a_complete_card(instansi, made):
    workbook, result = made
    book = read_book(workbook, history=False)
    cases = {c.id_text for c in book.cases if book.profile_of(book.sops[c.sop]).key == instansi}
    indicators = [r.indikator for r in book.iku_rows if r.case_id in cases]
    cards = [t for t in Document(str(document(result, instansi, "Manual IKU"))).tables if len(t.columns) == 2
             and t.rows[0].cells[0].text.strip() == "Sasaran Strategis"]
    assert [card.rows[1].cells[1].text.strip() for card in cards] == indicators
    for card in cards:
        filled = {row.cells[0].text.strip(): row.cells[1].text.strip() for row in card.rows}
        assert list(filled) == list(CARD_FIELDS.values())
        for label, value in filled.items():
            assert value and (value != "-" or label == "Catatan"), (label, filled["Indikator Kinerja Utama"])
        assert re.search(r"^(Maksimal|Minimal|Stabil) \(", filled["Polarisasi"])
        assert re.search(r"\(tahun 2024\)$", filled["Baseline"])
        assert [line.split(":")[0] for line in filled["Target"].splitlines()] == [f"Tahun {y}" for y in range(2025,
                                                                                                             2030)]
    sheet = load_workbook(document(result, instansi, "Manual IKU").with_suffix(".xlsx"))["Manual IKU"]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["No", "Sasaran Strategis", "Indikator Kinerja Utama"] and "Target 2029" in headers
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == indicators
    if soffice():  # every card starts its own page, after the title page's kop
        pages = pdf_pages(document(result, instansi, "Manual IKU"))
        assert len(pages) == len(indicators)
        assert all(f"{n}. {name}" in " ".join(page.split()) for n, (name, page) in enumerate(zip(indicators, pages), 1))


def signature_cells(path: Path):
    """The side-by-side signature table (the last one): its left and right cell texts."""
    tables = [t for t in Document(str(path)).tables if len(t.columns) == 2 and "Pihak" in t.rows[0].cells[0].text]
    return [(t.rows[0].cells[0].text, t.rows[0].cells[1].text) for t in tables]


@pytest.mark.parametrize("key", list(PK), ids=lambda k: f"{k[0]}-{k[1][:30]}")
def test_each_pk_names_its_parties_and_that_years_targets(key, made):
    _workbook, result = made
    instansi, title = key
    first, second, rows = PK[key]
    path = document(result, instansi, f"Perjanjian Kinerja Tahun 2027 {title}")
    text = visible_text(path)
    assert "PERJANJIAN KINERJA TAHUN 2027" in text
    assert "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami." in text
    lampiran = next(t for t in Document(str(path)).tables if t.rows[0].cells[0].text.strip() == "No"
                    and "Indikator Kinerja" in [c.text.strip() for c in t.rows[0].cells])
    headers = [c.text.strip() for c in lampiran.rows[0].cells]
    target = headers.index("Target 2027")
    assert headers[1] == ("Sasaran Strategis" if second is None else "Sasaran Program" if "Jenderal" in title or
                          "Deputi Bidang" in title else "Sasaran Kegiatan")
    assert [(r.cells[2].text.strip(), r.cells[target].text.strip()) for r in lampiran.rows[1:]] == rows
    assert ("Tw IV" in headers) == (instansi == "KEMNAKER")  # the profile asks for quarterly targets
    if second is None:  # a Menteri signs alone, under the Garuda and the jabatan
        assert "Pihak Kedua" not in text and "pihak pertama" not in text
        assert title.upper() in text.split("PERJANJIAN KINERJA")[0]
        assert text.count(first.upper()) == 2  # on the statement and under the lampiran
    else:
        assert "selanjutnya disebut pihak pertama." in text and "selanjutnya disebut pihak kedua." in text
        blocks = signature_cells(path)
        assert len(blocks) == 2  # the statement's and the lampiran's
        for left, right in blocks:  # the superior on the left
            assert left.startswith("Pihak Kedua,") and second in left
            assert right.startswith("Pihak Pertama,") and first in right
            assert re.search(r"NIP \d{8} \d{6} \d \d{3}", right) or "Jenderal" in title or "Deputi Bidang" in title


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
@pytest.mark.parametrize("key", list(PK), ids=lambda k: f"{k[0]}-{k[1][:30]}")
def test_the_pk_as_printed(key, made):
    from pypdf import PdfReader

    _, result = made
    instansi, title = key
    first, second, _rows = PK[key]
    path = document(result, instansi, f"Perjanjian Kinerja Tahun 2027 {title}")
    reader = PdfReader(str(path.with_suffix(".pdf")))
    size = (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height))
    assert abs(size[0] - 595.3) <= 1 and abs(size[1] - 841.9) <= 1  # A4, the instansi's letter paper
    pages = pdf_pages(path)
    kop = title.upper() if second is None else MINISTRY[instansi].upper()
    assert not pages[0].lstrip().startswith("- 1 -") and kop in " ".join(pages[0].split())
    for number, page in enumerate(pages[1:], start=2):
        assert page.lstrip().startswith(f"- {number} -") and "Telepon" not in page  # the kop on page 1 only
    # the signatures close the lampiran: whole, on the page of its last row
    tables = [t for t in Document(str(path)).tables if t.rows[0].cells[0].text.strip() == "No"]
    last_row = " ".join(tables[-1].rows[-1].cells[1].text.split())
    closing = " ".join(pages[-1].split())
    assert last_row in closing, (last_row, closing[:300])
    names = [first.upper()] if second is None else [first, second]
    for name in names:
        assert name in closing, (name, closing[-300:])
    assert closing.rindex(names[0]) > closing.index(last_row)
    if second is not None:
        assert closing.index("Pihak Kedua,") < closing.index(second) and closing.index("Pihak Pertama,") < \
            closing.index(first)


def test_a_long_lampiran_keeps_its_last_row_with_the_signatures(tmp_path):
    """Twenty-five indicators push the lampiran over a page: the signatures go to the next page with the last row."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    workbook = tmp_path / "iku.xlsx"
    init_workbook(workbook, demo=True)
    cells = {}
    for i in range(25):
        row = 13 + i  # after the demo's Cascading rows; A ID, B IKU, C Tingkat, D Unit, E-F, G C/CP/N, H, K 2027
        cells.update({f"A{row}": "IKU-2026-003", f"B{row}": "Persentase tenaga kerja kompeten yang tersertifikasi",
                      f"C{row}": "Eselon II", f"D{row}": "Direktorat Bina Standardisasi Kompetensi",
                      f"E{row}": f"Meningkatnya mutu standar kompetensi bidang {i + 1}",
                      f"F{row}": f"Jumlah standar kompetensi kerja bidang {i + 1} yang dikaji ulang", f"G{row}": "CP",
                      f"H{row}": "Standar", f"K{row}": 10 + i})
    edit(workbook, {"Cascading": cells})
    result = make_kinerja(workbook, 2027, instansi="KEMNAKER", pdf=True, today=TODAY)
    path = document(result, "KEMNAKER", "Perjanjian Kinerja Tahun 2027 Direktur Bina Standardisasi Kompetensi")
    pages = [" ".join(p.split()) for p in pdf_pages(path)]
    assert len(pages) >= 3
    # the lampiran's last row is its budget table's (the Anggaran sheet): the signatures stand on its page, whole
    holder = next(i for i, page in enumerate(pages) if "Standardisasi dan Sertifikasi Kompetensi Rp" in page)
    assert "bidang 25 yang dikaji ulang" in pages[holder - 1] + pages[holder]
    assert "Andi Permana, S.T., M.M." in pages[holder] and "NIP 19761130 200212 1 002" in pages[holder]
    assert "Pihak Kedua," in pages[holder] and "Ir. Bayu Santoso, M.T." in pages[holder]
    assert pages[holder].index("Pihak Kedua,") > pages[holder].index("Standardisasi dan Sertifikasi Kompetensi")


@pytest.mark.parametrize("instansi", list(MINISTRY))
def test_the_matrix_rows_are_the_cascading_sheets_rows(instansi, made):
    workbook, result = made
    book = read_book(workbook, history=False)
    cases = {c.id_text for c in book.cases if book.profile_of(book.sops[c.sop]).key == instansi}
    wanted = sorted((c.indikator, c.unit, c.indikator_unit, c.cascade) for c in book.cascades if c.case_id in cases)
    path = document(result, instansi, "Matriks Cascading").with_suffix(".xlsx")
    sheet = load_workbook(path)["Cascading 2027"]
    assert sheet.tables and sheet.freeze_panes == "A2"  # a table with filter buttons
    headers = [c.value for c in sheet[1]]
    rows = [dict(zip(headers, r)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    carried = sorted((r["Indikator Kinerja Utama"], r["Unit Kerja"], r["Indikator Kinerja Program/Kegiatan"],
                      r["Cascading"]) for r in rows if r["Cascading"] != "N")
    assert carried == wanted
    not_carried = {r["Indikator Kinerja Utama"] for r in rows if r["Cascading"] == "N"}
    assert not_carried == {r.indikator for r in book.iku_rows if r.case_id in cases} - {w[0] for w in wanted}
    printed = visible_text(document(result, instansi, "Matriks Cascading"))
    for _iku, unit, indicator, _kind in wanted:
        assert unit in printed and indicator in printed
    assert "C = diturunkan utuh; CP = diturunkan sebagian; N = tidak diturunkan." in printed


def test_layout_fonts_page_numbers_and_properties(made):
    _, result = made
    for path in (f for f in result.files if f.suffix == ".docx"):
        word = Document(str(path))
        for section in word.sections:
            margins = [round(m.cm, 2) for m in (section.left_margin, section.right_margin, section.bottom_margin,
                                                  section.top_margin)]
            assert margins[0] >= 3 and margins[1] >= 2 and margins[2] >= 2.5 and margins[3] >= 2, (path.name, margins)
        assert (word.styles["Normal"].font.name, word.styles["Normal"].font.size.pt) == ("Arial", 12)
        first = word.sections[0]
        assert first.different_first_page_header_footer and 'instr="PAGE"' in first.header._element.xml
        properties = word.core_properties
        assert properties.language == "id-ID" and properties.author.startswith("Biro Perencanaan")
        assert properties.title == path.stem
        assert 'w:lang w:val="id-ID"' in zipfile.ZipFile(path).read("word/styles.xml").decode()
        assert "{{" not in visible_text(path) and "{%" not in visible_text(path)


def test_a_pk_is_numbered_where_the_profile_says_and_keeps_its_number(made, tmp_path):
    workbook, result = made
    assert sorted(result.numbers) == sorted(["1/PK/MEN/2027", "2/PK/LAVOTAS/2027", "3/PK/BINAPENTA/2027",
                                             "4/PK/LAVOTAS.1/2027", "5/PK/BINAPENTA.1/2027"])
    kemnaker = visible_text(document(result, "KEMNAKER", "Perjanjian Kinerja Tahun 2027 Menteri"))
    assert "NOMOR 1/PK/MEN/2027" in kemnaker and "Jakarta, ... Januari 2027" in kemnaker  # the day at signing
    assert "NOMOR" not in visible_text(document(result, "POLKAM", "Perjanjian Kinerja Tahun 2027 Menteri"))
    copy = tmp_path / "iku.xlsx"
    shutil.copy(workbook, copy)
    before = read_book(copy, history=False).numbers
    again = make_kinerja(copy, 2027, instansi="KEMNAKER", today=TODAY + dt.timedelta(days=40))
    assert sorted(again.numbers) == sorted(result.numbers)
    after = read_book(copy, history=False).numbers
    assert len(after) == len(before)  # no number given twice
    registered = [e for e in after if e.kind == "perjanjian_kinerja"]
    assert len(registered) == 5 and all(str(e.file).endswith(".docx") for e in registered)
    regenerated = visible_text(document(again, "KEMNAKER", "Perjanjian Kinerja Tahun 2027 Menteri"))
    assert "Jakarta, ... Januari 2027" in regenerated and "NOMOR 1/PK/MEN/2027" in regenerated


def test_command_line(made, tmp_path, capsys):
    workbook, _ = made
    copy = tmp_path / "iku.xlsx"
    shutil.copy(workbook, copy)
    code, out, _ = run(capsys, "kinerja", copy, "--year", "2027", "--sop", "POLHUKAM", "--out", tmp_path / "hasil")
    assert code == 0 and "berkas kinerja 2027 dibuat" in out
    assert {p.parent.name for p in (tmp_path / "hasil").rglob("*.docx")} == {"POLKAM"}
    code, _, err = run(capsys, "kinerja", copy, "--year", "2027", "--sop", "LAKIP")
    assert code != 0 and "SOP 'LAKIP' tidak ada" in err
    code, _, err = run(capsys, "kinerja", copy, "--year", "27")
    assert code != 0 and "Tahun 27" in err
