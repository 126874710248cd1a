"""SOP AP files made the way bureaus make them: a Word document with an identity table and the flowchart
table (merged header cells, a flowchart shape or a picture in each executor's cell), its PDF as Word or
LibreOffice prints it, and other layouts seen in published SOPs."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.shared import Cm, Pt

from iku_xl.core.sop import Sop, StepKind
from tests.helpers import libreoffice_convert

PRESET = {StepKind.MULAI: "flowChartTerminator", StepKind.SELESAI: "flowChartTerminator",
          StepKind.KEPUTUSAN: "flowChartDecision", StepKind.PROSES: "flowChartProcess"}
SHAPE = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:drawing>
 <wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="360000" cy="216000"/>
  <wp:docPr id="{id}" name="Bagan {id}"/>
  <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
   <wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="360000" cy="216000"/></a:xfrm>
    <a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>
    <a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>
    <wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"""


def _symbol_png() -> io.BytesIO:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (60, 36), "white")
    ImageDraw.Draw(image).rectangle((2, 2, 57, 33), outline="black", width=3)
    data = io.BytesIO()
    image.save(data, format="PNG")
    data.seek(0)
    return data


def _kind(sop: Sop, step) -> StepKind:
    return step.kind if isinstance(step.kind, StepKind) else StepKind.PROSES


def sop_docx(sop: Sop, path: Path, symbols: str = "shape", header: str = "Kegiatan", numbers: str = "{}",
             mutu_headers: tuple[str, str, str] = ("Kelengkapan", "Waktu", "Output")) -> Path:
    """The SOP as a Word file: identity table, then the flowchart table with a symbol per executor."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(33), Cm(21.5)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.styles["Normal"].font.size = Pt(7)
    ident = sop.identity
    labels = [("Nomor SOP", ident.nomor), ("Tanggal Pembuatan", ident.tanggal_pembuatan),
              ("Tanggal Revisi", ident.tanggal_revisi), ("Tanggal Efektif", ident.tanggal_efektif),
              ("Disahkan oleh", ident.disahkan_oleh), ("Nama SOP", ident.judul)]
    table = document.add_table(rows=len(labels), cols=3)
    table.style = "Table Grid"
    top = table.cell(0, 0).merge(table.cell(len(labels) - 1, 0))
    top.text = ident.instansi
    for r, (label, value) in enumerate(labels):
        table.cell(r, 1).text, table.cell(r, 2).text = label, value
    block = document.add_table(rows=4, cols=2)
    block.style = "Table Grid"
    pairs = [("Dasar Hukum", ident.dasar_hukum, "Kualifikasi Pelaksana", ident.kualifikasi),
             ("Keterkaitan", ident.keterkaitan, "Peralatan/Perlengkapan", ident.peralatan)]
    for r, (a, va, b, vb) in enumerate(pairs):
        block.cell(2 * r, 0).text, block.cell(2 * r, 1).text = a, b
        block.cell(2 * r + 1, 0).text, block.cell(2 * r + 1, 1).text = va, vb
    document.add_paragraph(ident.judul)
    roles = list(sop.roles)
    width = 2 + len(roles) + 4
    flow = document.add_table(rows=2 + len(sop.steps), cols=width)
    flow.style = "Table Grid"
    flow.cell(0, 0).merge(flow.cell(1, 0)).text = "No"
    flow.cell(0, 1).merge(flow.cell(1, 1)).text = header
    flow.cell(0, 2).merge(flow.cell(0, 1 + len(roles))).text = "Pelaksana"
    mutu = 2 + len(roles)
    flow.cell(0, mutu).merge(flow.cell(0, mutu + 2)).text = "Mutu Baku"
    flow.cell(0, mutu + 3).merge(flow.cell(1, mutu + 3)).text = "Keterangan"
    for i, role in enumerate(roles):
        flow.cell(1, 2 + i).text = role
    for i, name in enumerate(mutu_headers):
        flow.cell(1, mutu + i).text = name
    widths = [Cm(1)] + [Cm(7.5)] + [Cm(1.7)] * len(roles) + [Cm(3.2), Cm(1.8), Cm(3.2), Cm(2.2)]
    flow.autofit = False
    for column, size in zip(flow.columns, widths):
        column.width = size
    for row in flow.rows:
        for cell, size in zip(row.cells, widths):
            cell.width = size
    for r, step in enumerate(sop.steps, start=2):
        flow.cell(r, 0).text, flow.cell(r, 1).text = numbers.format(step.no), step.kegiatan
        for i, role in enumerate(roles):
            if role in step.executors:
                paragraph = flow.cell(r, 2 + i).paragraphs[0]
                if symbols == "shape":
                    paragraph._p.append(parse_xml(SHAPE.replace("{id}", str(r * 10 + i)).replace(
                        "{preset}", PRESET[_kind(sop, step)])))
                else:
                    paragraph.add_run().add_picture(_symbol_png(), width=Cm(0.9))
        flow.cell(r, mutu).text, flow.cell(r, mutu + 1).text = step.kelengkapan, str(step.waktu)
        flow.cell(r, mutu + 2).text, flow.cell(r, mutu + 3).text = step.output, step.keterangan
    document.save(str(path))
    return path


def sop_pdf(sop: Sop, folder: Path) -> Path:
    """The Word file printed to PDF by LibreOffice, as a bureau exports it for publication."""
    source = sop_docx(sop, folder / f"{sop.code}-cetak.docx", symbols="picture")
    pdf = libreoffice_convert(source, "pdf", folder)
    target = folder / f"{sop.code}.pdf"
    shutil.move(pdf, target)
    return target
