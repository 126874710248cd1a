"""Write the Word templates in templates/ (docxtpl tags), so they can be rebuilt and reviewed as code.

Staff may edit the .docx files in Word afterwards; re-running this overwrites such edits.
Run: python tools/make_templates.py
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parents[1] / "templates"
A4, F4 = (Cm(21.0), Cm(29.7)), (Cm(21.5), Cm(33.0))
LEFT, CENTER, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT,
                                WD_ALIGN_PARAGRAPH.JUSTIFY)


def new_document(font: str, size: int, paper=A4, landscape=False) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = paper if not landscape else (paper[1], paper[0])
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = font, Pt(size)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    return doc


def para(doc, text: str = "", align=LEFT, bold=False, size=None, space_after=0, indent=None):
    p = doc.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_after = Pt(space_after)
    if indent is not None:
        p.paragraph_format.left_indent = Cm(indent)
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    return p


def bottom_border(paragraph) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "thick"), ("w:sz", "18"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def kop(doc) -> None:
    """The letterhead, on page 1 only: the instansi lines from the SOP, a rule below."""
    para(doc, "{%p for line in instansi.kop %}")
    para(doc, "{{ line|upper }}", CENTER, bold=True, size=13)
    para(doc, "{%p endfor %}")
    rule = para(doc, "", CENTER)
    bottom_border(rule)
    para(doc)


def widths(table, sizes) -> None:
    """Column widths that Word and LibreOffice both keep (grid and every cell)."""
    table.autofit = False
    for column, size in zip(table.columns, sizes):
        column.width = size
        for cell in column.cells:
            cell.width = size


def fields(doc, rows: list[tuple[str, str]]) -> None:
    """'Label : value' lines aligned with a borderless table, as tata naskah dinas lays them out."""
    table = doc.add_table(rows=len(rows), cols=3)
    for r, (label, value) in enumerate(rows):
        cells = table.rows[r].cells
        cells[0].text, cells[1].text, cells[2].text = label, ":", value
    widths(table, (Cm(3.2), Cm(0.5), Cm(12.8)))


def signature(doc, who: str, with_nip: bool = True, place_date: bool = False) -> None:
    para(doc)
    if place_date:
        para(doc, "{{ kota }}, {{ tanggal }}", indent=9)
    para(doc, "{{ %s.jabatan }}," % who, indent=9)
    for _ in range(3):
        para(doc)
    para(doc, "{{ %s.nama }}" % who, bold=True, indent=9)
    if with_nip:
        para(doc, "{{ %s.nip_tampil }}" % who, indent=9)


def tembusan(doc) -> None:
    para(doc, "{%p if tembusan %}")
    para(doc)
    para(doc, "Tembusan:")
    para(doc, "{%p for t in tembusan %}")
    para(doc, "{{ loop.index }}. {{ t }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")


def iku_table(doc) -> None:
    headers = ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Definisi/Formula", "Satuan",
               "{%tc for y in tahun_target %}", "Target {{ y }}", "{%tc endfor %}", "Sumber Data", "Penanggung Jawab"]
    body = ["{{ row.no }}", "{{ row.sasaran }}", "{{ row.indikator }}", "{{ row.definisi }}", "{{ row.satuan }}",
            "{%tc for t in row.target %}", "{{ t }}", "{%tc endfor %}", "{{ row.sumber_data }}",
            "{{ row.penanggung_jawab }}"]
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, text in enumerate(headers):
        cell = table.rows[0].cells[c]
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    table.rows[1].cells[0].text = "{%tr for row in iku %}"
    for c, text in enumerate(body):
        table.rows[2].cells[c].text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    widths(table, [Cm(w) for w in (0.9, 4.2, 4.6, 5.2, 1.6, 0.1, 1.6, 0.1, 2.8, 3.0)])


def nota_dinas():
    doc = new_document("Arial", 11)
    kop(doc)
    para(doc, "NOTA DINAS", CENTER, bold=True, size=12)
    para(doc, "NOMOR {{ nomor }}", CENTER, space_after=12)
    fields(doc, [("Yth.", "{{ penerima.jabatan }}"), ("Dari", "{{ pengirim.jabatan }}"), ("Sifat", "{{ sifat }}"),
                 ("Lampiran", "{{ lampiran }}"), ("Hal", "Penyampaian Konsep {{ hal }}"), ("Tanggal", "{{ tanggal }}")])
    rule = para(doc)
    bottom_border(rule)
    para(doc)
    para(doc, "Dengan hormat, bersama ini kami sampaikan konsep {{ hal }} ({{ kasus.id }}) sebagai hasil langkah "
              "{{ langkah.no }} SOP {{ sop.judul }}, yaitu {{ langkah.kegiatan }}", JUSTIFY, space_after=6)
    para(doc, "Konsep tersebut memuat {{ jumlah_iku }} indikator kinerja utama beserta target tahun "
              "{{ peraturan.periode }}, sebagaimana terlampir.", JUSTIFY, space_after=6)
    para(doc, "Demikian kami sampaikan, mohon arahan lebih lanjut. Atas perhatian Bapak/Ibu, kami ucapkan "
              "terima kasih.",
         JUSTIFY)
    signature(doc, "pengirim")
    tembusan(doc)
    return doc


def undangan_rapat():
    doc = new_document("Arial", 11)
    kop(doc)
    para(doc, "{{ kota }}, {{ tanggal }}", RIGHT, space_after=6)
    fields(doc, [("Nomor", "{{ nomor }}"), ("Sifat", "{{ sifat }}"), ("Lampiran", "1 (satu) lembar"),
                 ("Hal", "Undangan Rapat {{ rapat.acara }}")])
    para(doc)
    para(doc, "Yth. Bapak/Ibu (daftar terlampir)")
    para(doc, "di tempat", space_after=12)
    para(doc, "Dalam rangka {{ langkah.kegiatan }}, kami mengundang Bapak/Ibu untuk hadir pada rapat yang akan "
              "dilaksanakan pada:", JUSTIFY, space_after=6)
    fields(doc, [("hari, tanggal", "{{ rapat.hari_tanggal }}"), ("waktu", "{{ rapat.waktu }}"),
                 ("tempat", "{{ rapat.tempat }}"), ("acara", "{{ rapat.acara }}")])
    para(doc)
    para(doc, "Mengingat pentingnya acara tersebut, kehadiran Bapak/Ibu sangat kami harapkan. Atas perhatian dan "
              "kehadirannya, kami ucapkan terima kasih.", JUSTIFY)
    signature(doc, "pengirim")
    tembusan(doc)
    doc.add_page_break()
    para(doc, "LAMPIRAN UNDANGAN NOMOR {{ nomor }}", bold=True)
    para(doc, "Daftar undangan:", space_after=6)
    para(doc, "{%p for p in rapat.peserta %}")
    para(doc, "{{ loop.index }}. {{ p.jabatan }} ({{ p.nama }})")
    para(doc, "{%p endfor %}")
    return doc


def notula_rapat():
    doc = new_document("Arial", 11)
    kop(doc)
    para(doc, "NOTULA RAPAT", CENTER, bold=True, size=12, space_after=12)
    fields(doc, [("Rapat", "{{ rapat.acara }}"), ("Hari, tanggal", "{{ rapat.hari_tanggal }}"),
                 ("Waktu", "{{ rapat.waktu }}"), ("Tempat", "{{ rapat.tempat }}"),
                 ("Pimpinan rapat", "{{ rapat.pimpinan.jabatan }}"), ("Pencatat", "{{ rapat.notulis.jabatan }}")])
    para(doc)
    para(doc, "Peserta rapat:")
    para(doc, "{%p for p in rapat.peserta %}")
    para(doc, "{{ loop.index }}. {{ p.nama }} ({{ p.jabatan }})")
    para(doc, "{%p endfor %}")
    para(doc)
    para(doc, "Kegiatan rapat:", bold=True)
    para(doc, "1. Pembukaan oleh pimpinan rapat.")
    para(doc, "2. Pembahasan konsep {{ hal }} ({{ jumlah_iku }} indikator kinerja utama).")
    para(doc, "3. Kesimpulan: konsep IKU disempurnakan sesuai masukan peserta dan disampaikan untuk validasi teknis.")
    para(doc, "4. Penutup.")
    signature(doc, "rapat.notulis", place_date=True)
    return doc


def lembar_disposisi():
    doc = new_document("Arial", 11)
    kop(doc)
    para(doc, "LEMBAR DISPOSISI", CENTER, bold=True, size=12, space_after=12)
    fields(doc, [("Nomor agenda", "{{ nomor }}"), ("Tanggal", "{{ tanggal }}"), ("Dari", "{{ pengirim.jabatan }}"),
                 ("Kepada", "{{ penerima.jabatan }}"), ("Hal", "{{ hal }}"),
                 ("Langkah SOP", "{{ langkah.no }}. {{ langkah.kegiatan }}")])
    para(doc)
    para(doc, "Diteruskan kepada: {{ penerima.jabatan }}", space_after=6)
    para(doc, "Dengan hormat harap:", bold=True)
    for item in ("untuk diproses", "untuk dipelajari", "untuk ditindaklanjuti", "untuk dikoordinasikan",
                 "untuk diketahui", "untuk disiapkan bahannya"):
        para(doc, f"☐ {item}", indent=0.5)
    para(doc)
    para(doc, "Catatan: {{ langkah.output }}", space_after=6)
    signature(doc, "pengirim", with_nip=False)
    return doc


def mengingat_and_memutuskan(doc) -> None:
    """The legal basis from the SOP's Dasar Hukum, one a line, then MEMUTUSKAN."""
    para(doc, "Mengingat:")
    para(doc, "{%p for d in dasar_hukum %}")
    para(doc, "{{ loop.index }}. {{ d }};", JUSTIFY, indent=1)
    para(doc, "{%p endfor %}")
    para(doc)
    para(doc, "MEMUTUSKAN:", CENTER, bold=True, space_after=6)


def regulation(doc, kind_word: str) -> None:
    """Judul, pembukaan, batang tubuh, penutup and lampiran of a peraturan or keputusan (UU 12/2011 Lampiran II)."""
    para(doc, "{{ peraturan.jenis }}", CENTER, bold=True)
    para(doc, "NOMOR {{ nomor }}", CENTER, bold=True, space_after=6)
    para(doc, "TENTANG", CENTER, bold=True, space_after=6)
    para(doc, "{{ peraturan.tentang }}", CENTER, bold=True, space_after=12)
    para(doc, "DENGAN RAHMAT TUHAN YANG MAHA ESA", CENTER, bold=True, space_after=12)
    para(doc, "{{ peraturan.jabatan_penetap }},", CENTER, bold=True, space_after=12)
    para(doc, "Menimbang:")
    para(doc, "a. bahwa untuk mengukur keberhasilan pencapaian sasaran strategis {{ instansi.nama|title }} periode "
              "{{ peraturan.periode }} perlu ditetapkan indikator kinerja utama;", JUSTIFY, indent=1)
    para(doc, "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
              "{{ peraturan.jenis|title }} tentang {{ peraturan.tentang|title }};", JUSTIFY, indent=1, space_after=6)
    mengingat_and_memutuskan(doc)
    para(doc, "Menetapkan: {{ peraturan.jenis }} TENTANG {{ peraturan.tentang }}.", JUSTIFY, space_after=12)
    para(doc, "Pasal 1", CENTER, bold=True)
    para(doc, "Indikator Kinerja Utama {{ instansi.nama|title }} Tahun {{ peraturan.periode }} tercantum dalam "
              "Lampiran "
              f"yang merupakan bagian tidak terpisahkan dari {kind_word} ini.", JUSTIFY, space_after=6)
    para(doc, "Pasal 2", CENTER, bold=True)
    para(doc, "Indikator Kinerja Utama sebagaimana dimaksud dalam Pasal 1 menjadi acuan dalam penyusunan Perjanjian "
              "Kinerja dan Laporan Kinerja.", JUSTIFY, space_after=6)
    para(doc, "Pasal 3", CENTER, bold=True)
    para(doc, f"{kind_word} ini mulai berlaku pada tanggal diundangkan.", JUSTIFY, space_after=12)
    para(doc, "Agar setiap orang mengetahuinya, memerintahkan pengundangan " + kind_word + " ini dengan "
              "penempatannya dalam Berita Negara Republik Indonesia.", JUSTIFY)
    para(doc)
    para(doc, "Ditetapkan di {{ kota }}", indent=8.5)
    para(doc, "pada tanggal ...", indent=8.5)
    para(doc, "{{ peraturan.jabatan_penetap }},", bold=True, indent=8.5)
    for _ in range(3):
        para(doc)
    para(doc, "{{ peraturan.penetap.nama|upper }}", bold=True, indent=8.5)
    para(doc)
    para(doc, "Diundangkan di {{ kota }}")
    para(doc, "pada tanggal ...")
    para(doc, "MENTERI HUKUM REPUBLIK INDONESIA,", bold=True)
    for _ in range(3):
        para(doc)
    para(doc, "...", bold=True)
    para(doc)
    para(doc, "BERITA NEGARA REPUBLIK INDONESIA TAHUN {{ tahun }} NOMOR ...", bold=True)
    lampiran = doc.add_section(WD_SECTION.NEW_PAGE)  # the IKU table needs a landscape page
    lampiran.orientation = WD_ORIENT.LANDSCAPE
    lampiran.page_width, lampiran.page_height = doc.sections[0].page_height, doc.sections[0].page_width
    para(doc, "LAMPIRAN", bold=True, indent=16)
    para(doc, "{{ peraturan.jenis }}", indent=16)
    para(doc, "NOMOR {{ nomor }}", indent=16)
    para(doc, "TENTANG", indent=16)
    para(doc, "{{ peraturan.tentang }}", indent=16, space_after=12)
    para(doc, "{{ peraturan.tentang }}", CENTER, bold=True, space_after=6)
    iku_table(doc)
    para(doc)
    para(doc, "{{ peraturan.jabatan_penetap }},", bold=True, indent=16)
    for _ in range(3):
        para(doc)
    para(doc, "{{ peraturan.penetap.nama|upper }}", bold=True, indent=16)


def permenko_iku():
    doc = new_document("Bookman Old Style", 11, F4)
    regulation(doc, "Peraturan Menteri Koordinator")
    return doc


def keputusan_iku():
    doc = new_document("Bookman Old Style", 11, F4)
    regulation(doc, "Keputusan Menteri")
    return doc


def sk_tim():
    doc = new_document("Bookman Old Style", 11, F4)
    kop(doc)
    para(doc, "KEPUTUSAN {{ tim.pembentuk.jabatan|upper }}", CENTER, bold=True)
    para(doc, "NOMOR {{ nomor }}", CENTER, bold=True, space_after=6)
    para(doc, "TENTANG", CENTER, bold=True)
    para(doc, "PEMBENTUKAN TIM PENYUSUNAN INDIKATOR KINERJA UTAMA", CENTER, bold=True)
    para(doc, "{{ instansi.nama|upper }}", CENTER, bold=True, space_after=12)
    para(doc, "{{ tim.pembentuk.jabatan|upper }},", CENTER, bold=True, space_after=12)
    para(doc, "Menimbang: bahwa untuk melaksanakan penyusunan {{ hal }} perlu membentuk Tim Penyusunan Indikator "
              "Kinerja Utama;", JUSTIFY, space_after=6)
    mengingat_and_memutuskan(doc)
    para(doc, "KESATU: Membentuk Tim Penyusunan Indikator Kinerja Utama dengan susunan keanggotaan:", JUSTIFY)
    para(doc, "{%p for a in tim.anggota %}")
    para(doc, "{{ loop.index }}. {{ a.nama }}, {{ a.jabatan }};", indent=1)
    para(doc, "{%p endfor %}")
    para(doc, "KEDUA: Tim bertugas mengumpulkan bahan dan menyusun draf Indikator Kinerja Utama.", JUSTIFY)
    para(doc, "KETIGA: Keputusan ini mulai berlaku pada tanggal ditetapkan.", JUSTIFY)
    para(doc)
    para(doc, "Ditetapkan di {{ kota }}", indent=8.5)
    para(doc, "pada tanggal {{ tanggal }}", indent=8.5)
    signature(doc, "tim.pembentuk")
    return doc


TEMPLATES = {"nota_dinas": nota_dinas, "undangan_rapat": undangan_rapat, "notula_rapat": notula_rapat,
             "lembar_disposisi": lembar_disposisi, "permenko_iku": permenko_iku, "keputusan_iku": keputusan_iku,
             "sk_tim": sk_tim}

if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    for name, build in TEMPLATES.items():
        build().save(OUT / f"{name}.docx")
        print(f"templates/{name}.docx")
