"""Every kind of naskah dinas, for cases of both shipped SOPs, read as the tata naskah dinas reviewer reads it
(NASKAH.md): on the .docx the program writes and on LibreOffice's PDF of it."""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from iku_xl.actions.generate import generate
from iku_xl.core.document_kinds import KINDS
from iku_xl.workbook.reader import read_book
from tests.helpers import soffice

# kind, case, what the reader checks: (signer name, NIP line or None, words in order)
PLAN = {
    ("POLHUKAM", "nota_dinas"): ("IKU-2026-001", "Dr. Bambang Wicaksono, S.H., M.H.", None,
                                 ["NOTA DINAS", "NOMOR 1/Ses/OT.01.02/11/2026", "Yth.",
                                  "Menteri Koordinator Bidang Politik dan Keamanan Republik Indonesia", "Dari", "Sifat",
                                  "Lampiran", "Hal", "Tanggal", "Dengan hormat", "Demikian kami sampaikan",
                                  "Sekretaris Kementerian Koordinator Bidang Politik dan Keamanan"]),
    ("POLHUKAM", "undangan_rapat"): ("IKU-2026-002", "Dra. Sri Rahayuningsih, M.Si.", "NIP 19720315 199803 2 001",
                                     ["Jakarta, 18 November 2026", "Nomor", "B-1/Set.PO/OT.01.02/11/2026", "Hal",
                                      "Yth.", "Kepala Bagian Perencanaan", "hari, tanggal", "waktu", "WIB", "tempat",
                                      "acara", "menghubungi", "Kepala Biro Perencanaan dan Organisasi"]),
    ("POLHUKAM", "notula_rapat"): ("IKU-2026-001", "Rina Marlina, S.Sos., M.A.P.", "NIP 19860926 201505 2 001",
                                   ["NOTULA RAPAT", "Acara", "Hari, tanggal", "Waktu", "Tempat", "Pimpinan rapat",
                                    "Notulis", "Peserta", "Pembukaan", "Pembahasan", "Kesimpulan", "Tindak Lanjut",
                                    "Penutup", "Rapat ditutup pukul", "Mengetahui", "Pimpinan Rapat", "Notulis"]),
    ("POLHUKAM", "lembar_disposisi"): ("IKU-2026-002", None, None,
                                       ["LEMBAR DISPOSISI", "Surat dari", "Diterima tanggal", "Nomor surat",
                                        "Nomor agenda", "Tanggal surat", "Sifat", "Sangat Segera", "Segera", "Rahasia",
                                        "Biasa", "Hal", "Diteruskan kepada", "Dengan hormat harap",
                                        "Tanggapan dan saran", "Proses lebih lanjut", "Arsip", "Catatan", "Paraf"]),
    ("POLHUKAM", "permenko_iku"): ("IKU-2026-001", "SURYA WIRANATA", None,
                                   ["PERATURAN MENTERI KOORDINATOR BIDANG POLITIK DAN KEAMANAN", "NOMOR ... TAHUN ...",
                                    "TENTANG", "INDIKATOR KINERJA UTAMA", "DENGAN RAHMAT TUHAN YANG MAHA ESA",
                                    "Menimbang", "bahwa", "Mengingat", "Undang-Undang Dasar", "MEMUTUSKAN",
                                    "Menetapkan", "Pasal 1", "Pasal 2", "Pasal 3", "Agar setiap orang mengetahuinya",
                                    "Ditetapkan di Jakarta", "Diundangkan di Jakarta",
                                    "BERITA NEGARA REPUBLIK INDONESIA TAHUN", "LAMPIRAN", "Target 2025"]),
    ("KEMNAKER", "permenko_iku"): ("IKU-2026-003", "AHMAD FAUZI", None,
                                   ["PERATURAN MENTERI KETENAGAKERJAAN REPUBLIK INDONESIA", "NOMOR ... TAHUN ...",
                                    "TENTANG", "INDIKATOR KINERJA UTAMA KEMENTERIAN KETENAGAKERJAAN",
                                    "DENGAN RAHMAT TUHAN YANG MAHA ESA", "MENTERI KETENAGAKERJAAN REPUBLIK INDONESIA,",
                                    "Menimbang", "bahwa", "Mengingat", "Undang-Undang Dasar",
                                    "Peraturan Presiden Nomor 95 Tahun 2020 tentang Kementerian Ketenagakerjaan",
                                    "MEMUTUSKAN", "Menetapkan", "PERATURAN MENTERI KETENAGAKERJAAN TENTANG",
                                    "Pasal 1", "Pasal 2", "Pasal 3", "mulai berlaku pada tanggal diundangkan",
                                    "Agar setiap orang mengetahuinya", "Ditetapkan di Jakarta",
                                    "Diundangkan di Jakarta", "BERITA NEGARA REPUBLIK INDONESIA TAHUN", "LAMPIRAN",
                                    "Tingkat Pengangguran Terbuka", "DEFINISI OPERASIONAL",
                                    "Definisi operasional", "Satuan", "Sumber data", "Survei Angkatan Kerja Nasional",
                                    "Penanggung jawab"]),
    # signed by the Sekjen, who may appoint every member (the Sekjen is its Pengarah); eselon I signs without NIP
    ("KEMNAKER", "sk_tim"): ("IKU-2026-003", "HADI PRASETYO", None,
                             ["KEPUTUSAN SEKRETARIS JENDERAL KEMENTERIAN KETENAGAKERJAAN", "NOMOR KEP.1/SJ/XI/2026",
                              "TENTANG", "PEMBENTUKAN TIM PENYUSUNAN", "Menimbang", "Mengingat", "MEMUTUSKAN",
                              "Menetapkan", "KESATU", "KEDUA", "KETIGA", "KEEMPAT", "Ditetapkan di Jakarta",
                              "LAMPIRAN", "SUSUNAN KEANGGOTAAN", "Pengarah", "Penanggung Jawab", "Ketua",
                              "Sekretaris", "Anggota"]),
    # KEMNAKER step 2: on Ya the Kabag sends the file up to the Karo, by nota dinas (not a disposisi)
    ("KEMNAKER", "nota_dinas"): ("IKU-2026-003", "Yusuf Hidayat, S.T., M.Eng.", "NIP 19790918 200312 1 001",
                                 ["NOTA DINAS", "NOMOR 1/PMK.1/OT.02.02/XI/2026", "Yth.",
                                  "Kepala Biro Perencanaan dan Manajemen Kinerja", "Dari",
                                  "Kepala Bagian Perencanaan Program", "Demikian kami sampaikan"]),
    ("KEMNAKER", "lembar_disposisi"): ("IKU-2026-004", "", None, ["LEMBAR DISPOSISI", "Diteruskan kepada"]),
}
# an undangan is dated before its meeting (IKU-2026-002 meets on Friday 20 November 2026)
DATED = {("POLHUKAM", "undangan_rapat"): dt.date(2026, 11, 18)}
INTERNAL = re.compile(r"IKU-20\d\d-\d{3}|[Ll]angkah \d|\bSOP\b|\{\{|\{%|Memeriksa kelengkapan|rencana strategis "
                      r"(dan|serta) memaraf|\bPolhukam\b|Politik, Hukum")


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """Every planned document, generated from one demo workbook, with LibreOffice's PDF of each."""
    from iku_xl.actions.init import init_workbook

    folder = tmp_path_factory.mktemp("naskah")
    workbook = folder / "iku.xlsx"
    init_workbook(workbook, demo=True)
    made = {}
    for (sop, kind), (case, *_rest) in PLAN.items():
        result = generate(workbook, [case], [kind], folder / f"{sop}-{kind}", pdf=soffice() is not None,
                          today=DATED.get((sop, kind), dt.date(2026, 11, 23)))
        assert len(result.files) == 1, (sop, kind, result.skipped)
        made[(sop, kind)] = result.files[0]
    return workbook, made


def visible_text(path: Path) -> str:
    """The text a reader sees, in reading order: paragraphs and tables as they follow each other."""
    from docx.table import Table

    def walk(container) -> list[str]:
        found = []
        for item in container.iter_inner_content():
            if isinstance(item, Table):
                for row in item.rows:
                    for cell in row.cells:
                        found += walk(cell)
            else:
                found.append(item.text)
        return found

    document = Document(str(path))
    return "\n".join(walk(document))


def paragraphs(container) -> list:
    from docx.table import Table

    found = []
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    found += paragraphs(cell)
        else:
            found.append(item)
    return found


@pytest.mark.parametrize("key", list(PLAN), ids=lambda k: f"{k[0]}-{k[1]}")
def test_layout_fonts_page_numbers_and_properties(key, documents):
    _, made = documents
    _sop, kind = key
    document = Document(str(made[key]))
    regulation = KINDS[kind].regulation
    portrait = [s for s in document.sections if s.page_height > s.page_width]
    width, height = (21.5, 33.0) if regulation else (21.0, 29.7)
    for section in portrait:
        assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (width, height)
    for section in document.sections:
        margins = [round(m.cm, 2) for m in (section.left_margin, section.right_margin, section.bottom_margin,
                                              section.top_margin)]
        assert margins[0] >= 3 and margins[1] >= 2 and margins[2] >= 2.5 and margins[3] >= 2, margins
    normal = document.styles["Normal"].font
    assert (normal.name, normal.size.pt) == (("Bookman Old Style", 12) if regulation else ("Arial", 12))
    first = document.sections[0]
    assert first.different_first_page_header_footer  # page 1 has the kop, not a number
    header = first.header._element.xml
    assert 'instr="PAGE"' in header and "- " in "".join(first.header._element.itertext())
    properties = document.core_properties
    assert properties.language == "id-ID" and properties.title and properties.author.startswith("Biro Perencanaan")
    assert "python-docx" not in (properties.author + properties.last_modified_by)
    styles = zipfile.ZipFile(made[key]).read("word/styles.xml").decode()
    assert 'w:lang w:val="id-ID"' in styles
    custom = zipfile.ZipFile(made[key]).read("docProps/custom.xml").decode()
    assert PLAN[key][0] in custom  # the case ID travels in a property, not in the text


@pytest.mark.parametrize("key", list(PLAN), ids=lambda k: f"{k[0]}-{k[1]}")
def test_structure_signer_nip_and_no_internal_codes(key, documents):
    _workbook, made = documents
    _sop, kind = key
    _, signer, nip, words = PLAN[key]
    text = visible_text(made[key])
    position = 0
    for word in words:
        found = text.find(word, position)
        assert found >= 0, (word, text[position:position + 300])
        position = found + len(word)
    # a law keeps the name it was enacted under: Perpres 73/2020 is "tentang Kementerian Koordinator Bidang Politik,
    # Hukum, dan Keamanan" even after the ministry was renamed
    shown = text.replace("tentang Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan", "tentang (judulnya)")
    assert not INTERNAL.search(shown), INTERNAL.search(shown)
    if signer:
        assert signer in text
    if nip:
        assert nip in text
    elif signer:
        nips = re.findall(r"NIP \d{8} \d{6} \d \d{3}", text)
        assert not nips or kind in ("notula_rapat",), nips
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    body = [p.text.strip() for p in paragraphs(Document(str(made[key])))
            if p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and p.text.strip()]
    assert body or kind == "lembar_disposisi"
    for sentence in body:
        assert sentence[-1] in ".;:", sentence  # every sentence ends with a full stop (list items with ';')
    assert "Dan Keamanan" not in text and "Hukum, Dan" not in text  # "dan" stays in lower case


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
@pytest.mark.parametrize("key", list(PLAN), ids=lambda k: f"{k[0]}-{k[1]}")
def test_the_pdf_pages_as_printed(key, documents):
    from pypdf import PdfReader

    _, made = documents
    sop, kind = key
    pdf = made[key].with_suffix(".pdf")
    pages = PdfReader(str(pdf)).pages
    size = (round(float(pages[0].mediabox.width)), round(float(pages[0].mediabox.height)))
    wanted = (609.4, 935.4) if KINDS[kind].regulation else (595.3, 841.9)  # F4 or A4, in points
    assert abs(size[0] - wanted[0]) <= 1 and abs(size[1] - wanted[1]) <= 1, size
    texts = [page.extract_text() for page in pages]
    assert not texts[0].lstrip().startswith("- 1 -")
    for number, text in enumerate(texts[1:], start=2):
        assert f"- {number} -" in text.splitlines()[0] or f"- {number} -" in text[:40], (number, text[:80])
    name = read_book(documents[0]).profile_of(read_book(documents[0]).sops[sop]).text("name").upper()
    if not KINDS[kind].sets_iku:
        assert name in texts[0].replace("\n", " ") or name.split()[0] in texts[0]  # the kop, page 1 only
        for text in texts[1:]:
            assert "Telepon" not in text  # no kop after page 1
    signer = PLAN[key][1]
    if signer and kind not in ("lembar_disposisi",):
        holder = next(t for t in texts if signer.split(",")[0] in t)
        lines = holder.splitlines()
        at = next(i for i, line in enumerate(lines) if signer.split(",")[0] in line)
        assert at > 1, "the signature block stands alone on its page"


def printed_texts(path: Path) -> list[str]:
    """The document as the reader has it: the .docx text, and LibreOffice's PDF of it when there is one; whitespace
    (line and page breaks) flattened."""
    texts = [visible_text(path)]
    pdf = path.with_suffix(".pdf")
    if pdf.exists():
        from pypdf import PdfReader

        pages = [re.sub(r"^\s*- ?\d+ ?-", "", page.extract_text()) for page in PdfReader(str(pdf)).pages]
        texts.append("\n".join(pages))  # without the page numbers "- 2 -" that stand between the lines
    return [" ".join(text.split()) for text in texts]


# each ministry's IKU regulation cites its own organisation Perpres, never the other's (KINERJA.md section 1)
OWN_BASES = {"POLHUKAM": ("Peraturan Presiden Nomor 73 Tahun 2020 tentang Kementerian Koordinator",
                          "Peraturan Presiden Nomor 95 Tahun 2020"),
             "KEMNAKER": ("Peraturan Presiden Nomor 95 Tahun 2020 tentang Kementerian Ketenagakerjaan (Lembaran Negara "
                          "Republik Indonesia Tahun 2020 Nomor 213)", "Nomor 73 Tahun 2020")}


@pytest.mark.parametrize("sop", ["POLHUKAM", "KEMNAKER"])
def test_each_ministry_sets_its_iku_by_its_own_peraturan_with_its_own_bases(sop, documents):
    _, made = documents
    book = read_book(documents[0])
    profile = book.profile_of(book.sops[sop])
    case = PLAN[(sop, "permenko_iku")][0]
    indicators = [r.indikator for r in book.iku_rows if r.case_id == case]
    own, other = OWN_BASES[sop]
    texts = printed_texts(made[(sop, "permenko_iku")])
    assert len(texts) == (2 if soffice() else 1)
    for text in texts:
        heading = f"PERATURAN {profile.text('minister_title').upper().removeprefix('MENTERI ')}"
        assert text.find(f"PERATURAN MENTERI {heading.removeprefix('PERATURAN ')}") >= 0 or heading in text
        for word in ("Menimbang", "Mengingat", "MEMUTUSKAN", "Pasal 1", "Pasal 3", "Diundangkan di Jakarta",
                     "BERITA NEGARA REPUBLIK INDONESIA TAHUN"):
            assert word in text, word
        mengingat = text[text.index("Mengingat"):text.index("MEMUTUSKAN")]
        assert own in mengingat and other not in mengingat
        items = [i for i in re.split(r"(?:^|\s)\d{1,2}\. ", mengingat)[1:]]
        assert items[0].startswith("Pasal 17 ayat (3) Undang-Undang Dasar")
        for item in items[1:]:  # each basis with its publication, or "..." where the register still lacks it
            assert re.search(r"\((Lembaran|Berita) Negara Republik Indonesia Tahun (\d{4}|\.\.\.) Nomor", item), item
        lampiran = text[text.rindex("LAMPIRAN"):]
        assert lampiran.count("Definisi operasional") == len(indicators) >= 1
        assert lampiran.count("Sumber data") == len(indicators) and lampiran.count("Satuan") > len(indicators)
        for indicator in indicators:
            assert indicator in lampiran


@pytest.mark.parametrize("key", [("POLHUKAM", "permenko_iku"), ("KEMNAKER", "permenko_iku"), ("KEMNAKER", "sk_tim")],
                         ids=lambda k: f"{k[0]}-{k[1]}")
def test_a_lampiran_ends_with_the_jabatan_and_name_only(key, documents):
    """UU 12/2011 Lampiran II: the body closes with "Ditetapkan di ... pada tanggal ..."; its lampiran with the
    jabatan and the name alone."""
    _, made = documents
    signer = PLAN[key][1]
    for text in printed_texts(made[key]):
        body, lampiran = text[:text.rindex("LAMPIRAN")], text[text.rindex("LAMPIRAN"):]
        assert "Ditetapkan di Jakarta pada tanggal" in body
        assert "Ditetapkan di" not in lampiran and "pada tanggal" not in lampiran
        assert signer in lampiran[-200:]


@pytest.mark.parametrize("key, unit, not_unit", [
    (("POLHUKAM", "nota_dinas"), "SEKRETARIAT KEMENTERIAN KOORDINATOR", "BIRO PERENCANAAN DAN ORGANISASI"),
    (("POLHUKAM", "undangan_rapat"), "BIRO PERENCANAAN DAN ORGANISASI", None),
    (("KEMNAKER", "sk_tim"), "SEKRETARIAT JENDERAL", "BIRO PERENCANAAN DAN MANAJEMEN KINERJA"),
    (("KEMNAKER", "nota_dinas"), "BIRO PERENCANAAN DAN MANAJEMEN KINERJA", None),
], ids=lambda k: "-".join(k) if isinstance(k, tuple) else None)
def test_the_kop_is_the_signers_unit(key, unit, not_unit, documents):
    """A letter the Sesmenko or the Sekjen signs carries the Sekretariat's kop, not the Biro's."""
    _, made = documents
    for text in printed_texts(made[key]):
        kop = text[:text.index("NOTA DINAS") if "NOTA DINAS" in text else 400]
        assert unit in kop, kop
        if not_unit:
            assert not_unit not in kop, kop


@pytest.mark.parametrize("key", list(PLAN), ids=lambda k: f"{k[0]}-{k[1]}")
def test_year_ranges_never_break_and_titles_never_double(key, documents):
    """'2025-2029' stays on one line (Word's non-breaking hyphen); no title or register Perihal says a phrase
    twice ('Indikator Kinerja Utama Indikator Kinerja Utama')."""
    workbook, made = documents
    xml = zipfile.ZipFile(made[key]).read("word/document.xml").decode()
    texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
    assert not [t for t in texts if re.search(r"\b(19|20)\d\d-(19|20)\d\d\b", t)]
    if "2025" in visible_text(made[key]) and "-2029" in visible_text(made[key]):
        assert "<w:noBreakHyphen/>" in xml
    pdf = made[key].with_suffix(".pdf")
    if pdf.exists():
        from pypdf import PdfReader

        lines = [line.rstrip() for page in PdfReader(str(pdf)).pages for line in page.extract_text().splitlines()]
        assert not [line for line in lines if re.search(r"\b(19|20)\d\d[-\u2011]$", line)]
    doubled = re.compile(r"\b(\w+(?: \w+)+) \1\b", re.I)
    title = Document(str(made[key])).core_properties.title
    subjects = [e.subject for e in read_book(workbook).numbers if e.subject]
    for text in [title, *subjects]:
        assert not doubled.search(text), text
