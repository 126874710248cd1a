"""Write the Word templates of the yearly performance documents (manual_iku, perjanjian_kinerja, matriks_cascading)
into templates/, with the building blocks of tools/make_templates.py. The committed .docx are the truth: staff may
edit them in Word; this script records how they were first made. Run: python tools/make_kinerja_templates.py

Layout follows NASKAH.md section 1 and KINERJA.md sections 2-3 (PermenPAN-RB 53/2014 Lampiran I): the kop on page 1
only (Garuda and the jabatan for a Menteri's PK), page numbers "- 2 -" from page 2, the statement, two signature
blocks with the superior (pihak kedua) on the left and a Menteri alone, the lampiran's tables repeating their header
row with rows that never split, the signatures kept with the last row they close.
"""
from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.shared import Cm

_spec = importlib.util.spec_from_file_location("make_templates", Path(__file__).with_name("make_templates.py"))
assert _spec and _spec.loader
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)

OUT = base.OUT
CENTER, LEFT, RIGHT, JUSTIFY = base.CENTER, base.LEFT, base.RIGHT, base.JUSTIFY
para, tag, cell_text, widths, keep_rows, no_borders = (base.para, base.tag, base.cell_text, base.widths,
                                                       base.keep_rows, base.no_borders)
TEXT_WIDTH = base.TEXT_WIDTH


def page_break(doc) -> None:
    para(doc).add_run().add_break(WD_BREAK.PAGE)


def grid_table(doc, headers: list[str], cells: list[str], loop: str, sizes: list[float], size: int = 10,
               centred: tuple[int, ...] = (0,)):
    """A bordered table: a header row repeated on every page, then one row per item of `loop`."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, text in enumerate(headers):
        cell_text(table.rows[0].cells[c], text, bold=True, align=CENTER, size=size)
    cell_text(table.rows[1].cells[0], f"{{%tr for {loop} %}}", size=size)
    for c, text in enumerate(cells):
        cell_text(table.rows[2].cells[c], text, size=size, align=CENTER if c in centred else LEFT)
    cell_text(table.rows[3].cells[0], "{%tr endfor %}", size=size)
    widths(table, sizes)
    keep_rows(table)
    return table


# Manual IKU: one card per indicator, each on its own page

def manual_iku():
    doc = base.new_document()
    base.kop_instansi(doc)
    for text in ("MANUAL INDIKATOR KINERJA UTAMA", "{{ instansi.nama_kapital }}", "TAHUN {{ periode }}"):
        para(doc, text, CENTER, bold=True)
    para(doc, after=12)
    tag(doc, "{%p for k in kartu %}")
    tag(doc, "{%p if not loop.first %}")
    page_break(doc)
    tag(doc, "{%p endif %}")
    para(doc, "{{ k.no }}. {{ k.indikator }}", bold=True, after=6, keep=True)
    table = doc.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    cell_text(table.rows[0].cells[0], "{%tr for f in k.isian %}")
    label, value = table.rows[1].cells
    cell_text(label, "{{ f.label }}", bold=True)
    value.paragraphs[0].text = "{%p for b in f.baris %}"
    value.add_paragraph("{{ b }}")
    value.add_paragraph("{%p endfor %}")
    cell_text(table.rows[2].cells[0], "{%tr endfor %}")
    widths(table, (4.6, TEXT_WIDTH - 4.6))
    keep_rows(table, header=False)
    tag(doc, "{%p endfor %}")
    return doc


# Perjanjian Kinerja: lembar pernyataan, then the lampiran

def kop(doc) -> None:
    """Garuda and the Menteri's jabatan for a Menteri's PK; else the kop instansi with the official's unit."""
    tag(doc, "{%p if menteri %}")
    p = para(doc, align=CENTER)
    base.picture(p, base.EMBLEM, "garuda", 2.4)
    para(doc, "{{ pihak_pertama.jabatan_kapital }}", CENTER, bold=True, after=12)
    tag(doc, "{%p else %}")
    base.kop_instansi(doc)
    tag(doc, "{%p endif %}")


def party_fields(doc, who: str) -> None:
    base.fields(doc, [("Nama", f"{{{{ {who}.nama }}}}"), ("Jabatan", f"{{{{ {who}.jabatan }}}}")], label_width=2.2)


def signatures(doc) -> None:
    """Place and date, then pihak kedua (left) and pihak pertama (right) side by side in one row that never splits,
    their names on one line (cells aligned to the bottom, the shorter jabatan padded); a Menteri signs alone on the
    right. Kept on one page with what comes before it."""
    para(doc, keep=True)
    tag(doc, "{%p if menteri %}")
    for text in ("{{ instansi.kota }}, {{ tanggal }}", "{{ pihak_pertama.jabatan }},", "", "", "",
                 "{{ pihak_pertama.nama_polos|upper }}"):
        para(doc, text, indent=base.SIGN_INDENT, keep=True)
    tag(doc, "{%p else %}")
    para(doc, "{{ instansi.kota }}, {{ tanggal }}", indent=base.SIGN_INDENT, keep=True)
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    widths(table, (base.SIGN_INDENT, TEXT_WIDTH - base.SIGN_INDENT))
    left, right = table.rows[0].cells
    for cell, who, title in ((left, "pihak_kedua", "Pihak Kedua,"), (right, "pihak_pertama", "Pihak Pertama,")):
        lines = [title, f"{{{{ {who}.jabatan }}}},", f"{{%p for _ in {who}.sela %}}", "", "{%p endfor %}", "", "",
                 "", f"{{{{ {who}.nama }}}}", f"{{{{ {who}.nip_tampil }}}}"]
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
        cell.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM
    keep_rows(table, header=False)
    tag(doc, "{%p endif %}")


def perjanjian_kinerja():
    doc = base.new_document()
    kop(doc)
    para(doc, "PERJANJIAN KINERJA TAHUN {{ tahun }}", CENTER, bold=True)
    tag(doc, "{%p if nomor %}")
    para(doc, "NOMOR {{ nomor }}", CENTER)
    tag(doc, "{%p endif %}")
    para(doc, after=12)
    para(doc, "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta "
              "berorientasi pada hasil, {% if not menteri %}kami {% endif %}yang bertanda tangan di bawah ini:",
         JUSTIFY, first=1.25, after=6)
    party_fields(doc, "pihak_pertama")
    tag(doc, "{%p if not menteri %}")
    para(doc, "selanjutnya disebut pihak pertama.", after=6)
    party_fields(doc, "pihak_kedua")
    para(doc, "selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua.", after=6)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for p in pernyataan %}")
    para(doc, "{{ p }}", JUSTIFY, first=1.25, after=6)
    tag(doc, "{%p endfor %}")
    signatures(doc)
    # the lampiran: a section of its own, laid across the page when it has Tw I-IV columns (documents/tables.py)
    doc.add_section(WD_SECTION.NEW_PAGE).different_first_page_header_footer = False
    for text in ("LAMPIRAN PERJANJIAN KINERJA TAHUN {{ tahun }}", "{{ unit_kapital }}"):
        para(doc, text, CENTER, bold=True)
    para(doc, after=8)
    # widened to the page when rendered (documents/tables.py)
    grid_table(doc, ["No", "{{ judul_kolom[0] }}", "Indikator Kinerja", "{%tc for h in judul_kolom[2:] %}", "{{ h }}",
                     "{%tc endfor %}"],
               ["{{ r.no }}", "{{ r.sasaran }}", "{{ r.indikator }}", "{%tc for t in r.kolom %}", "{{ t }}",
                "{%tc endfor %}"], "r in baris", [1.0, 4.5, 5.5, 0.1, 2.4, 0.1], size=9, centred=(0, 4))
    tag(doc, "{%p if anggaran %}")
    para(doc, after=8)
    table = grid_table(doc, ["No", "{{ label_program }}", "Anggaran"],
                       ["{{ a.no }}", "{{ a.program }}", "{{ a.anggaran }}"], "a in anggaran", [0.9, 10.6, 4.5],
                       size=9)
    table.rows[2].cells[2].paragraphs[0].alignment = RIGHT
    tag(doc, "{%p endif %}")
    signatures(doc)
    return doc


# The cascading matrix, printable: landscape

def matriks_cascading():
    doc = base.new_document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    width = 29.7 - 5.0
    base.kop_instansi(doc)
    for text in ("MATRIKS CASCADING INDIKATOR KINERJA UTAMA", "{{ instansi.nama_kapital }}", "TAHUN {{ tahun }}"):
        para(doc, text, CENTER, bold=True)
    para(doc, after=8)
    heads = ["No", "Sasaran Strategis", "Indikator Kinerja Utama", "Target {{ tahun }}", "Tingkat", "Unit Kerja",
             "Sasaran Program/ Kegiatan", "Indikator Kinerja Program/ Kegiatan", "Target {{ tahun }}", "C/CP/N"]
    cells = ["{{ m.no }}", "{{ m.sasaran }}", "{{ m.iku }}", "{{ m.target_iku }}", "{{ m.tingkat }}", "{{ m.unit }}",
             "{{ m.sasaran_unit }}", "{{ m.indikator_unit }}", "{{ m.target_unit }}", "{{ m.cascading }}"]
    sizes = [0.8, 3.0, 3.2, 1.8, 1.9, 3.2, 3.3, 3.5, 1.8, 1.3]
    grid_table(doc, heads, cells, "m in matriks", [s * width / sum(sizes) for s in sizes], size=9,
               centred=(0, 3, 4, 8, 9))
    para(doc, after=6)
    para(doc, "Keterangan: C = diturunkan utuh; CP = diturunkan sebagian; N = tidak diturunkan.", size=10)
    return doc


TEMPLATES = {"manual_iku": manual_iku, "perjanjian_kinerja": perjanjian_kinerja,
             "matriks_cascading": matriks_cascading}


def build(name: str) -> bytes:
    out = io.BytesIO()
    TEMPLATES[name]().save(out)
    return out.getvalue()


def main(folder: Path = OUT) -> None:
    for name in TEMPLATES:
        (folder / f"{name}.docx").write_bytes(build(name))
        print(f"  {folder / name}.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
