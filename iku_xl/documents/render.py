"""Render one docxtpl template into bytes, strict about missing fields and clear about broken tags."""
from __future__ import annotations

import io
import re
from pathlib import Path

from ..errors import IkuError
from .word_style import WordStyle, apply_style, with_properties


class TemplateProblem(IkuError):
    """A Word template is missing, has broken tags, or asks for a field the workbook does not fill."""
    exit_code = 1


def environment():
    """Templates are data, never code: Jinja's sandbox refuses attributes such as __globals__ that reach
    Python itself, so a template from a shared folder cannot run a command."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


def refused_tag(name: str) -> TemplateProblem:
    return TemplateProblem(f"Templat {name} memuat tag yang mencoba menjalankan perintah atau membaca isi program, "
                           "jadi naskahnya tidak dibuat; hapus tag itu di Word dan pakai hanya nama kolom dari "
                           "templates/FIELDS.md.")


def _field_of(message: str) -> str:
    match = re.search(r"has no attribute '([^']+)'", message) or re.search(r"'([^']+)' is undefined", message)
    return match.group(1) if match else message


def render_document(template: Path, context: dict, style: WordStyle | None = None,
                    properties: dict | None = None, images: dict[str, tuple[bytes, float]] | None = None) -> bytes:
    """docxtpl's own render, with the profile's style applied to the template first; `images` are pictures (PNG
    bytes and width in cm) put where the template names them, such as {{ grafik_waktu }}."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    name = template.name
    if not template.is_file():
        raise TemplateProblem(f"Templat {name} tidak ada di {template.parent}; salin dari folder templates/ program "
                              "ini.")
    try:
        document = DocxTemplate(str(template))
        if style is not None:
            document.init_docx()
            apply_style(document.docx, style)
        if images:
            context = {**context, **_inline_images(document, images)}
        missing = document.get_undeclared_template_variables(environment(), context)
        if missing:
            raise TemplateProblem(f"Templat {name} membutuhkan kolom {', '.join(sorted(missing))} yang tidak diisi "
                                  "oleh buku kerja; lihat templates/FIELDS.md untuk nama kolom yang ada.")
        document.render(context, environment(), autoescape=True)
        _grid_follows_cells(document.docx)
        out = io.BytesIO()
        document.save(out)
        return set_properties(out.getvalue(), properties) if properties else out.getvalue()
    except TemplateProblem:
        raise
    except SecurityError as error:
        raise refused_tag(name) from error
    except TemplateSyntaxError as error:
        near = " ".join(line.strip() for line in getattr(error, "docx_context", []) if "{" in line)[:120]
        raise TemplateProblem(f"Templat {name} rusak: tag di sekitar '{near or error.source}' tidak benar "
                              "(periksa pasangan {{ }} dan {% %}); perbaiki tag itu di Word.") from error
    except UndefinedError as error:
        raise TemplateProblem(f"Templat {name} membutuhkan kolom '{_field_of(str(error))}' yang tidak diisi oleh "
                              "buku kerja; lihat templates/FIELDS.md.") from error
    except (KeyError, ValueError, OSError) as error:
        raise TemplateProblem(f"Templat {name} tidak bisa dibuka sebagai dokumen Word; simpan ulang dari Word sebagai "
                              ".docx.") from error


def _inline_images(document, images: dict[str, tuple[bytes, float]]) -> dict:
    from docx.shared import Cm
    from docxtpl import InlineImage

    return {name: InlineImage(document, io.BytesIO(data), width=Cm(width)) for name, (data, width) in images.items()}


def _last_row_stays_with_signature(body) -> None:
    """A signature block after a table (a lampiran) takes the table's last row with it to a new page,
    so that it never stands alone (NASKAH.md section 1)."""
    from docx.oxml.ns import qn

    for table in body.findall(qn("w:tbl")):
        following = table.getnext()
        if following is None or following.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is None:
            continue
        rows = table.findall(qn("w:tr"))
        for paragraph in rows[-1].iter(qn("w:p")) if rows else []:
            properties = paragraph.find(qn("w:pPr"))
            if properties is None:
                properties = paragraph.makeelement(qn("w:pPr"), {})
                paragraph.insert(0, properties)
            if properties.find(qn("w:keepNext")) is None:
                properties.insert(0, properties.makeelement(qn("w:keepNext"), {}))


def _fit_tables_to_pages(body) -> None:
    from docx.oxml.ns import qn

    def text_width(section) -> int | None:
        size, margins = section.find(qn("w:pgSz")), section.find(qn("w:pgMar"))
        if size is None or margins is None:
            return None
        return int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"), 0)) - int(margins.get(qn("w:right"), 0))

    pending = []
    for child in body:
        if child.tag == qn("w:tbl"):
            pending.append(child)
            continue
        section = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if child.tag == qn("w:p") else \
            (child if child.tag == qn("w:sectPr") else None)
        if section is None:
            continue
        width = text_width(section)
        if width is None:
            pending = []
            continue
        for table in pending:
            rows = table.findall(qn("w:tr"))
            widest = max(rows, key=lambda row: len(row.findall(qn("w:tc"))), default=None)
            cells = widest.findall(f"{qn('w:tc')}/{qn('w:tcPr')}/{qn('w:tcW')}") if widest is not None else []
            total = sum(int(c.get(qn("w:w"), 0)) for c in cells if c.get(qn("w:type")) in (None, "dxa"))
            if total > width:
                scale = width / total
                for cell_width in table.iter(qn("w:tcW")):
                    if cell_width.get(qn("w:type")) in (None, "dxa"):
                        cell_width.set(qn("w:w"), str(int(int(cell_width.get(qn("w:w"), 0)) * scale)))
        pending = []


def set_properties(data: bytes, properties: dict) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in with_properties(parts, properties).items():
            package.writestr(name, content)
    return out.getvalue()


YEAR_RANGE = re.compile(r"(?<=\b(?:19|20)\d{2})-(?=(?:19|20)\d{2}\b)")


def _keep_year_ranges_whole(body) -> None:
    """'2025-2029' never broken across lines: its hyphen becomes Word's non-breaking hyphen (w:noBreakHyphen),
    which Word and LibreOffice print as an ordinary hyphen."""
    from copy import deepcopy

    from docx.oxml.ns import qn

    for text in list(body.iter(qn("w:t"))):
        parts = YEAR_RANGE.split(text.text or "")
        run = text.getparent()
        if len(parts) < 2 or run is None or run.tag != qn("w:r"):
            continue
        text.text = parts[0]
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        anchor = text
        for part in parts[1:]:
            hyphen = run.makeelement(qn("w:noBreakHyphen"), {})
            anchor.addnext(hyphen)
            following = deepcopy(text)
            following.text = part
            hyphen.addnext(following)
            anchor = following


def _grid_follows_cells(docx) -> None:
    """A {%tc for %} loop changes how many cells a row has; docxtpl stretches the table grid evenly,
    and LibreOffice lays cells on the grid, so set each grid column to the width of its cell. A table
    that grew wider than its page (five target years) is narrowed to the page, every column alike."""
    from docx.oxml.ns import qn

    _fit_tables_to_pages(docx.element.body)
    _last_row_stays_with_signature(docx.element.body)
    _keep_year_ranges_whole(docx.element.body)
    for table in docx.element.body.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        widest = max(table.iter(qn("w:tr")), key=lambda row: len(row.findall(qn("w:tc"))), default=None)
        if grid is None or widest is None:
            continue
        widths = []
        for cell in widest.findall(qn("w:tc")):
            width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            if width is None or width.get(qn("w:type")) not in (None, "dxa"):
                break
            widths.append(width.get(qn("w:w")))
        else:
            for column in grid.findall(qn("w:gridCol")):
                grid.remove(column)
            for width in widths:
                grid.append(grid.makeelement(qn("w:gridCol"), {qn("w:w"): width}))
