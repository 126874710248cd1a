"""Write the Word templates in templates/ (docxtpl tags) and the placeholder images, reviewable as code.

The .docx files in templates/ are the source of truth: staff may edit them in Word. This script wrote
them; tests/documents/test_templates.py checks that the committed files still say what it writes (so an
edit made here and not run, or made in Word and not carried here, is seen). Run: python tools/make_templates.py

Layout follows NASKAH.md: margins set by the profile (3/2/2/2.5 cm), page numbers "- 2 -" centred at the top
from page 2, the kop on page 1 only, signature blocks kept with the last lines of the body, lampiran tables
repeating their header row with rows that never split. Fonts and paper come from the instansi profile
when a document is made; the sizes here are the templates' own defaults.
"""
from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parents[1] / "templates"
LEFT, CENTER, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT,
                                WD_ALIGN_PARAGRAPH.JUSTIFY)
LOGO, EMBLEM = "logo-contoh.png", "garuda-contoh.png"
TEXT_WIDTH = 16.0  # cm on A4 with 3 cm left and 2 cm right margins
SIGN_INDENT = 8.5


# the placeholder pictures: plain boxes that say what belongs there (the bureau's own files replace them)

def placeholder(path: Path, label: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=(1.2, 1.2), dpi=150)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.add_patch(plt.Rectangle((0.04, 0.04), 0.92, 0.92, fill=False, lw=1.2, ls="--", color="#777777"))
    axes.text(0.5, 0.5, label, ha="center", va="center", fontsize=7, color="#555555", family="DejaVu Sans")
    figure.savefig(path, format="png", metadata={"Software": None})
    plt.close(figure)


# building blocks

def new_document(size: int = 12, paper=(21.0, 29.7)) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(paper[0]), Cm(paper[1])
    section.top_margin, section.bottom_margin = Cm(2), Cm(2.5)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.header_distance = Cm(1.0)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(size)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Arial")
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    page_numbers(section)
    properties = doc.core_properties
    properties.author, properties.title, properties.language = "iku-xl", "", "id-ID"
    properties.created = properties.modified = dt.datetime(2026, 1, 1)
    properties.revision, properties.last_modified_by = 1, "iku-xl"
    return doc


def page_numbers(section) -> None:
    """'- 2 -' centred at the top from page 2; page 1 carries the kop instead."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    paragraph.add_run("- ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    paragraph.add_run(" -")


def para(doc, text: str = "", align=LEFT, bold=False, size=None, after=0, indent=None, first=None, keep=False,
         hanging=None):
    p = doc.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after = Pt(after)
    if indent is not None:
        fmt.left_indent = Cm(indent)
    if first is not None:
        fmt.first_line_indent = Cm(first)
    if hanging is not None:
        fmt.left_indent = Cm((indent or 0) + hanging)
        fmt.first_line_indent = Cm(-hanging)
    if keep:
        fmt.keep_with_next = True
        fmt.keep_together = True
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    return p


def tag(doc, text: str):
    """A paragraph holding only a docxtpl paragraph tag ({%p ... %}); it disappears when rendered."""
    return para(doc, text)


def border(paragraph, kind="thickThinSmallGap", size="24") -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", kind), ("w:sz", size), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def no_borders(table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def widths(table, sizes) -> None:
    """Column widths that Word and LibreOffice both keep (grid and every cell)."""
    table.autofit = False
    for column, size in zip(table.columns, sizes):
        column.width = Cm(size)
        for cell in column.cells:
            cell.width = Cm(size)


def keep_rows(table, header: bool = True) -> None:
    """Rows never split across pages; the first row repeats on every page."""
    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if header and index == 0:
            properties.append(OxmlElement("w:tblHeader"))


def cell_text(cell, text: str, bold=False, align=LEFT, size=None) -> None:
    cell.text = ""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)


def picture(paragraph, file: str, name: str, height_cm: float) -> None:
    run = paragraph.add_run()
    shape = run.add_picture(str(OUT / file), height=Cm(height_cm))
    shape._inline.docPr.set("name", name)


def kop_instansi(doc) -> None:
    """The kop instansi, page 1 only: logo left, the ministry and its units, the address; a double line."""
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    widths(table, (2.6, TEXT_WIDTH - 2.6))
    logo, names = table.rows[0].cells
    picture(logo.paragraphs[0], LOGO, "logo", 2.2)
    names.paragraphs[0].text = "{%p for line in instansi.kop %}"
    line = names.add_paragraph()
    line.alignment = CENTER
    run = line.add_run("{{ line }}")
    run.bold = True
    run.font.size = Pt(13)
    names.add_paragraph("{%p endfor %}")
    contact = names.add_paragraph()
    contact.alignment = CENTER
    contact.add_run("{{ instansi.kontak }}").font.size = Pt(9)
    rule = para(doc)
    border(rule)
    para(doc)


def kop_jabatan(doc) -> None:
    """A Menteri's own kop: Garuda Pancasila centred, then the jabatan in capitals."""
    p = para(doc, align=CENTER)
    picture(p, EMBLEM, "garuda", 2.4)
    para(doc, "{{ peraturan.jabatan_penetap_kapital }}", CENTER, bold=True, after=12)


def fields(doc, rows: list[tuple[str, str]], label_width: float = 2.6) -> None:
    """'Label : value' lines aligned on the colon with a borderless table."""
    table = doc.add_table(rows=len(rows), cols=3)
    no_borders(table)
    for r, (label, value) in enumerate(rows):
        cells = table.rows[r].cells
        cell_text(cells[0], label)
        cell_text(cells[1], ":")
        cell_text(cells[2], value)
    widths(table, (label_width, 0.5, TEXT_WIDTH - label_width - 0.5))


def list_rows(doc, label: str, items: str, marker: str, last_stop: str = "") -> None:
    """Menimbang / Mengingat: the label and colon once, then each item with its letter or number, hanging."""
    table = doc.add_table(rows=3, cols=4)
    no_borders(table)
    cell_text(table.rows[0].cells[0], f"{{%tr for item in {items} %}}")
    cells = table.rows[1].cells
    cell_text(cells[0], f"{{% if loop.first %}}{label}{{% endif %}}")
    cell_text(cells[1], "{% if loop.first %}:{% endif %}")
    cell_text(cells[2], marker)
    cell_text(cells[3], "{{ item }}" + last_stop, align=JUSTIFY)
    cell_text(table.rows[2].cells[0], "{%tr endfor %}")
    widths(table, (3.1, 0.4, 0.8, TEXT_WIDTH - 4.3))


def signature(doc, who: str, place: str | None = None, upper_name=False, nip=True, indent=SIGN_INDENT) -> None:
    """Place and date, jabatan, space to sign, name, NIP: kept on one page with the line before it."""
    para(doc, keep=True)
    if place:
        para(doc, place, indent=indent, keep=True)
    para(doc, f"{{{{ {who}.jabatan }}}},", indent=indent, keep=True)
    for _ in range(3):
        para(doc, keep=True)
    para(doc, f"{{{{ {who}.nama|upper }}}}" if upper_name else f"{{{{ {who}.nama }}}}", indent=indent, keep=nip)
    if nip:
        tag(doc, f"{{%p if {who}.nip_tampil %}}")
        para(doc, f"{{{{ {who}.nip_tampil }}}}", indent=indent)
        tag(doc, "{%p endif %}")


def body(doc, items: str) -> None:
    tag(doc, f"{{%p for p in {items} %}}")
    para(doc, "{{ p }}", JUSTIFY, first=1.25, after=6)
    tag(doc, "{%p endfor %}")


def closing(doc, text: str) -> None:
    para(doc, text, JUSTIFY, first=1.25, keep=True)


def tembusan(doc) -> None:
    tag(doc, "{%p if tembusan %}")
    para(doc)
    para(doc, "Tembusan:")
    tag(doc, "{%p for t in tembusan %}")
    para(doc, "{{ loop.index }}. {{ t }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def iku_table(doc, width: float) -> None:
    """The indicators and their targets; what each one means follows in its own section."""
    headers = ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Satuan",
               "{%tc for y in tahun_target %}", "Target {{ y }}", "{%tc endfor %}", "Penanggung Jawab"]
    cells = ["{{ row.no }}", "{{ row.sasaran }}", "{{ row.indikator }}", "{{ row.satuan }}",
             "{%tc for t in row.target %}", "{{ t }}", "{%tc endfor %}", "{{ row.penanggung_jawab }}"]
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, text in enumerate(headers):
        cell_text(table.rows[0].cells[c], text, bold=True, align=CENTER, size=8)
    cell_text(table.rows[1].cells[0], "{%tr for row in iku %}", size=9)
    for c, text in enumerate(cells):
        cell_text(table.rows[2].cells[c], text, size=9, align=CENTER if c in (0, 3, 5) else LEFT)
    cell_text(table.rows[3].cells[0], "{%tr endfor %}", size=9)
    # sized for five target years; fewer leave room, more are narrowed to the page when rendered
    fixed = (1.0, 5.6, 6.2, 2.0, 0.1, 1.8, 0.1, 4.0)
    scale = min(1.0, width / (sum(fixed) + 4 * 1.8))
    widths(table, [w * scale for w in fixed])
    keep_rows(table)


def iku_definitions(doc, width: float) -> None:
    """Per indicator, what the ministry's IKU regulations carry: definition, formula, unit, data source."""
    para(doc, after=6)
    para(doc, "DEFINISI OPERASIONAL INDIKATOR KINERJA UTAMA", CENTER, bold=True, after=6, keep=True)
    tag(doc, "{%p for row in iku %}")
    para(doc, "{{ row.no }}. {{ row.indikator }}", bold=True, after=2, keep=True, hanging=0.8)
    table = doc.add_table(rows=3, cols=3)
    no_borders(table)
    cell_text(table.rows[0].cells[0], "{%tr for d in row.uraian %}")
    cells = table.rows[1].cells
    cell_text(cells[0], "{{ d[0] }}")
    cell_text(cells[1], ":")
    cell_text(cells[2], "{{ d[1] }}")
    cell_text(table.rows[2].cells[0], "{%tr endfor %}")
    widths(table, (4.6, 0.4, width - 5.8))
    keep_rows(table, header=False)
    para(doc, after=4)
    tag(doc, "{%p endfor %}")


def lampiran_heading(doc, indent: float) -> None:
    """LAMPIRAN / the regulation / NOMOR / TENTANG / subject, top right."""
    for text in ("LAMPIRAN", "{{ peraturan.jenis_kapital }}", "NOMOR {{ nomor_tampil }}", "TENTANG",
                 "{{ peraturan.tentang_kapital }}"):
        para(doc, text, indent=indent)
    para(doc, after=12)


def landscape_section(doc):
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    first = doc.sections[0]
    section.page_width, section.page_height = first.page_height, first.page_width
    section.different_first_page_header_footer = False
    return section


# the seven kinds

def nota_dinas():
    doc = new_document()
    kop_instansi(doc)
    para(doc, "NOTA DINAS", CENTER, bold=True)
    para(doc, "NOMOR {{ nomor_tampil }}", CENTER, after=12)
    fields(doc, [("Yth.", "{{ kepada|join(', ') }}"), ("Dari", "{{ dari }}"), ("Sifat", "{{ sifat }}"),
                 ("Lampiran", "{{ lampiran }}"), ("Hal", "{{ hal }}"), ("Tanggal", "{{ tanggal }}")])
    rule = para(doc)
    border(rule, "single", "8")
    para(doc)
    body(doc, "isi")
    closing(doc, "Demikian kami sampaikan, atas perhatian Bapak/Ibu kami ucapkan terima kasih.")
    signature(doc, "penandatangan")
    tembusan(doc)
    return doc


def undangan_rapat():
    doc = new_document()
    kop_instansi(doc)
    para(doc, "{{ instansi.kota }}, {{ tanggal }}", RIGHT, after=6)
    fields(doc, [("Nomor", "{{ nomor_tampil }}"), ("Sifat", "{{ sifat }}"), ("Lampiran", "{{ lampiran }}"),
                 ("Hal", "{{ hal }}")])
    para(doc)
    para(doc, "Yth.")
    tag(doc, "{%p if kepada_terlampir %}")
    para(doc, "Bapak/Ibu sebagaimana daftar terlampir", indent=0.5)
    tag(doc, "{%p else %}")
    tag(doc, "{%p for k in kepada %}")
    para(doc, "{% if kepada|length > 1 %}{{ loop.index }}. {% endif %}{{ k }}", indent=0.5)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    para(doc, "di tempat", after=12)
    para(doc, "{{ pembuka }}", JUSTIFY, first=1.25, after=6)
    table = doc.add_table(rows=4, cols=3)
    no_borders(table)
    for r, (label, value) in enumerate((("hari, tanggal", "{{ rapat.hari_tanggal }}"), ("waktu", "{{ rapat.waktu }}"),
                                        ("tempat", "{{ rapat.tempat }}"), ("acara", "{{ rapat.acara }}"))):
        cells = table.rows[r].cells
        cell_text(cells[0], label)
        cell_text(cells[1], ":")
        cell_text(cells[2], value)
    widths(table, (3.2, 0.5, TEXT_WIDTH - 4.95))
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    para(doc)
    para(doc, "Untuk keterangan lebih lanjut, Bapak/Ibu dapat menghubungi {{ narahubung.nama }} "
              "({{ narahubung.jabatan }}) melalui telepon {{ narahubung.telepon }}.", JUSTIFY, first=1.25, after=6)
    closing(doc, "Mengingat pentingnya acara tersebut, kami mohon kehadiran Bapak/Ibu tepat pada waktunya. Atas "
                 "perhatian Bapak/Ibu, kami ucapkan terima kasih.")
    signature(doc, "penandatangan")
    tembusan(doc)
    tag(doc, "{%p if kepada_terlampir %}")
    para(doc).add_run().add_break(WD_BREAK.PAGE)
    for text in ("Lampiran Undangan", "Nomor : {{ nomor_tampil }}", "Tanggal : {{ tanggal }}"):
        para(doc, text, indent=SIGN_INDENT)
    para(doc, after=12)
    para(doc, "DAFTAR UNDANGAN", CENTER, bold=True, after=6)
    tag(doc, "{%p for k in kepada %}")
    para(doc, "{{ loop.index }}. {{ k }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    return doc


def notula_rapat():
    doc = new_document()
    kop_instansi(doc)
    para(doc, "NOTULA RAPAT", CENTER, bold=True, after=12)
    fields(doc, [("Acara", "{{ rapat.acara }}"), ("Hari, tanggal", "{{ rapat.hari_tanggal }}"),
                 ("Waktu", "{{ rapat.waktu }}"), ("Tempat", "{{ rapat.tempat }}"),
                 ("Pimpinan rapat", "{{ pimpinan.jabatan }}"), ("Notulis", "{{ notulis.jabatan }}")],
           label_width=3.4)
    para(doc, "Peserta:", after=0)
    tag(doc, "{%p for p in peserta %}")
    para(doc, "{{ loop.index }}. {{ p }}", indent=0.5)
    tag(doc, "{%p endfor %}")
    para(doc)
    para(doc, "A. Pembukaan", bold=True)
    para(doc, "{{ pembukaan }}", JUSTIFY, indent=0.6, after=6)
    para(doc, "B. Pembahasan", bold=True)
    tag(doc, "{%p for p in pembahasan %}")
    para(doc, "{{ loop.index }}. {{ p }}", JUSTIFY, indent=0.6, hanging=0.6)
    tag(doc, "{%p endfor %}")
    para(doc)
    para(doc, "C. Kesimpulan", bold=True)
    tag(doc, "{%p for p in kesimpulan %}")
    para(doc, "{{ loop.index }}. {{ p }}", JUSTIFY, indent=0.6, hanging=0.6)
    tag(doc, "{%p endfor %}")
    para(doc)
    para(doc, "D. Tindak Lanjut", bold=True, after=4, keep=True)
    table = doc.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    for c, text in enumerate(("No", "Tindak Lanjut", "Penanggung Jawab", "Batas Waktu")):
        cell_text(table.rows[0].cells[c], text, bold=True, align=CENTER)
    cell_text(table.rows[1].cells[0], "{%tr for t in tindak_lanjut %}")
    for c, text in enumerate(("{{ loop.index }}", "{{ t.apa|capitalize }}.", "{{ t.siapa }}", "{{ t.kapan }}")):
        cell_text(table.rows[2].cells[c], text, align=CENTER if c == 0 else LEFT)
    cell_text(table.rows[3].cells[0], "{%tr endfor %}")
    widths(table, (1.0, 7.0, 5.0, 3.0))
    keep_rows(table)
    para(doc)
    para(doc, "E. Penutup", bold=True, keep=True)
    para(doc, "{{ penutup }}", JUSTIFY, indent=0.6, keep=True)
    para(doc, keep=True)
    signatures = doc.add_table(rows=1, cols=2)
    no_borders(signatures)
    widths(signatures, (8.0, 8.0))
    left, right = signatures.rows[0].cells
    for cell, lines in ((left, ["Mengetahui,", "Pimpinan Rapat,", "{{ pimpinan.jabatan }}", "", "", "",
                                "{{ pimpinan.nama }}", "{{ pimpinan.nip_tampil }}"]),
                        (right, ["{{ instansi.kota }}, {{ tanggal_notula }}", "Notulis,", "{{ notulis.jabatan }}", "",
                                 "", "", "{{ notulis.nama }}", "{{ notulis.nip_tampil }}"])):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    keep_rows(signatures, header=False)
    return doc


def lembar_disposisi():
    doc = new_document(11)
    kop_instansi(doc)
    para(doc, "LEMBAR DISPOSISI", CENTER, bold=True, after=8)
    table = doc.add_table(rows=6, cols=2)
    table.style = "Table Grid"
    rows = table.rows
    cell_text(rows[0].cells[0], "Surat dari : {{ surat.dari }}")
    cell_text(rows[0].cells[1], "Diterima tanggal : {{ surat.diterima }}")
    cell_text(rows[1].cells[0], "Nomor surat : {{ surat.nomor }}")
    cell_text(rows[1].cells[1], "Nomor agenda : {{ surat.agenda }}")
    cell_text(rows[2].cells[0], "Tanggal surat : {{ surat.tanggal }}")
    sifat = rows[2].cells[1]
    sifat.paragraphs[0].text = "Sifat :"
    sifat.add_paragraph("{%p for s in sifat_kotak %}")
    sifat.add_paragraph("{{ s.tanda }} {{ s.teks }}")
    sifat.add_paragraph("{%p endfor %}")
    hal = rows[3].cells[0].merge(rows[3].cells[1])
    cell_text(hal, "Hal : {{ hal }}")
    to, asked = rows[4].cells
    to.paragraphs[0].text = "Diteruskan kepada Sdr.:"
    to.add_paragraph("{%p for d in diteruskan %}")
    to.add_paragraph("{{ d.tanda }} {{ d.jabatan }}")
    to.add_paragraph("{%p endfor %}")
    asked.paragraphs[0].text = "Dengan hormat harap:"
    asked.add_paragraph("{%p for i in instruksi %}")
    asked.add_paragraph("{{ i.tanda }} {{ i.teks }}")
    asked.add_paragraph("{%p endfor %}")
    note = rows[5].cells[0].merge(rows[5].cells[1])
    note.paragraphs[0].text = "Catatan:"
    note.add_paragraph("{{ catatan }}")
    widths(table, (8.0, 8.0))
    keep_rows(table, header=False)
    para(doc)
    para(doc, "{{ penandatangan.jabatan }},", indent=SIGN_INDENT, keep=True)
    para(doc, "Paraf : ........................", indent=SIGN_INDENT, keep=True)
    para(doc, "Tanggal : {{ tanggal }}", indent=SIGN_INDENT)
    return doc


def title_block(doc, rahmat: bool) -> None:
    for text in ("{{ peraturan.jenis_kapital }}", "NOMOR {{ nomor_tampil }}", "TENTANG",
                 "{{ peraturan.tentang_kapital }}"):
        para(doc, text, CENTER, bold=True)
    para(doc, after=6)
    if rahmat:
        para(doc, "DENGAN RAHMAT TUHAN YANG MAHA ESA", CENTER, bold=True, after=12)
    para(doc, "{{ peraturan.jabatan_penetap }}", CENTER, bold=True, after=12)


def considerations(doc) -> None:
    list_rows(doc, "Menimbang", "peraturan.menimbang", "{{ 'abcdefghijklmnopqrstuvwxyz'[loop.index0] }}.")
    para(doc, after=6)
    list_rows(doc, "Mengingat", "peraturan.mengingat", "{{ loop.index }}.")
    para(doc, after=6)
    para(doc, "MEMUTUSKAN:", CENTER, bold=True, after=6)
    fields(doc, [("Menetapkan", "{{ peraturan.nama_lengkap_kapital }} TENTANG {{ peraturan.tentang_kapital }}.")],
           label_width=3.1)
    para(doc, after=6)


def diktum(doc) -> None:
    table = doc.add_table(rows=3, cols=3)
    no_borders(table)
    cell_text(table.rows[0].cells[0], "{%tr for d in peraturan.diktum %}")
    cells = table.rows[1].cells
    cell_text(cells[0], "{{ d[0] }}")
    cell_text(cells[1], ":")
    cell_text(cells[2], "{{ d[1] }}", align=JUSTIFY)
    cell_text(table.rows[2].cells[0], "{%tr endfor %}")
    widths(table, (3.1, 0.4, TEXT_WIDTH - 3.5))


def enactment(doc, indent: float = SIGN_INDENT, nip: bool = False, place: bool = True) -> None:
    """Ditetapkan di ... pada tanggal ..., jabatan, space, name: one block, never split. A lampiran ends with
    the jabatan and name only (UU 12/2011 Lampiran II)."""
    para(doc, keep=True)
    if place:
        para(doc, "Ditetapkan di {{ peraturan.kota }}", indent=indent, keep=True)
        para(doc, "pada tanggal ...", indent=indent, keep=True)
    para(doc, "{{ peraturan.jabatan_penetap }}", indent=indent, bold=True, keep=True)
    for _ in range(3):
        para(doc, keep=True)
    para(doc, "{{ peraturan.penetap.nama_polos|upper }}", indent=indent, bold=True, keep=nip)
    if nip:
        tag(doc, "{%p if peraturan.penetap.nip_tampil %}")
        para(doc, "{{ peraturan.penetap.nip_tampil }}", indent=indent)
        tag(doc, "{%p endif %}")


def lampiran_iku(doc) -> None:
    section = landscape_section(doc)
    width = section.page_width.cm - 5.0
    lampiran_heading(doc, width - 9.0)
    para(doc, "{{ peraturan.tentang_kapital }}", CENTER, bold=True, after=8)
    iku_table(doc, width)
    iku_definitions(doc, width)
    enactment(doc, indent=width - 9.0, place=False)


def permenko_iku():
    doc = new_document(12, (21.5, 33.0))
    kop_jabatan(doc)
    title_block(doc, rahmat=True)
    considerations(doc)
    tag(doc, "{%p for pasal in peraturan.pasal %}")
    para(doc, "Pasal {{ loop.index }}", CENTER, after=4, keep=True)
    tag(doc, "{%p for ayat in pasal %}")
    para(doc, "{% if pasal|length > 1 %}({{ loop.index }}) {% endif %}{{ ayat }}", JUSTIFY, after=6)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    para(doc, "Agar setiap orang mengetahuinya, memerintahkan pengundangan {{ peraturan.nama_pendek }} ini dengan "
              "penempatannya dalam Berita Negara Republik Indonesia.", JUSTIFY, first=1.25, keep=True)
    enactment(doc)
    para(doc, keep=True)
    para(doc, "Diundangkan di {{ peraturan.kota }}", keep=True)
    para(doc, "pada tanggal ...", keep=True)
    para(doc, "{{ peraturan.pengundang.jabatan_kapital }}", bold=True, keep=True)
    for _ in range(3):
        para(doc, keep=True)
    para(doc, "{{ peraturan.pengundang.nama|upper }}", bold=True, keep=True)
    para(doc, keep=True)
    para(doc, "BERITA NEGARA REPUBLIK INDONESIA TAHUN ... NOMOR ...", bold=True)
    lampiran_iku(doc)
    return doc


def keputusan_iku():
    doc = new_document(12, (21.5, 33.0))
    kop_jabatan(doc)
    title_block(doc, rahmat=True)
    considerations(doc)
    diktum(doc)
    enactment(doc)
    lampiran_iku(doc)
    return doc


def sk_tim():
    doc = new_document(12, (21.5, 33.0))
    kop_instansi(doc)
    title_block(doc, rahmat=False)
    considerations(doc)
    diktum(doc)
    enactment(doc, nip=True)
    doc.add_section(WD_SECTION.NEW_PAGE).different_first_page_header_footer = False
    lampiran_heading(doc, SIGN_INDENT)
    para(doc, "SUSUNAN KEANGGOTAAN {{ peraturan.nama_tim|upper }}", CENTER, bold=True, after=8)
    table = doc.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    for c, text in enumerate(("No", "Nama", "Jabatan", "Kedudukan dalam Tim")):
        cell_text(table.rows[0].cells[c], text, bold=True, align=CENTER)
    cell_text(table.rows[1].cells[0], "{%tr for a in peraturan.anggota %}")
    for c, text in enumerate(("{{ a.no }}", "{{ a.nama }}", "{{ a.jabatan }}", "{{ a.kedudukan }}")):
        cell_text(table.rows[2].cells[c], text, align=CENTER if c == 0 else LEFT)
    cell_text(table.rows[3].cells[0], "{%tr endfor %}")
    widths(table, (1.0, 5.0, 6.5, 3.5))
    keep_rows(table)
    enactment(doc, nip=True, place=False)
    return doc


TEMPLATES = {"nota_dinas": nota_dinas, "undangan_rapat": undangan_rapat, "notula_rapat": notula_rapat,
             "lembar_disposisi": lembar_disposisi, "permenko_iku": permenko_iku, "keputusan_iku": keputusan_iku,
             "sk_tim": sk_tim}


def build(name: str) -> bytes:
    out = io.BytesIO()
    TEMPLATES[name]().save(out)
    return out.getvalue()


def main(folder: Path = OUT) -> None:
    folder.mkdir(exist_ok=True)
    for file, label in ((LOGO, "LOGO\nINSTANSI"), (EMBLEM, "LAMBANG\nGARUDA\nPANCASILA")):
        if not (folder / file).exists():
            placeholder(folder / file, label)
    for name in TEMPLATES:
        (folder / f"{name}.docx").write_bytes(build(name))
        print(f"  {folder / name}.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
