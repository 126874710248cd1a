"""Render one docxtpl template into bytes, strict about missing fields and clear about broken tags."""
from __future__ import annotations

import io
import re
from pathlib import Path

from ..errors import IkuError


class TemplateProblem(IkuError):
    """A Word template is missing, has broken tags, or asks for a field the workbook does not fill."""
    exit_code = 1


def environment():
    from jinja2 import Environment, StrictUndefined

    return Environment(undefined=StrictUndefined, autoescape=True)


def _field_of(message: str) -> str:
    match = re.search(r"has no attribute '([^']+)'", message) or re.search(r"'([^']+)' is undefined", message)
    return match.group(1) if match else message


def render_document(template: Path, context: dict) -> bytes:
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError, UndefinedError

    name = template.name
    if not template.is_file():
        raise TemplateProblem(f"Templat {name} tidak ada di {template.parent}; salin dari folder templates/ program "
                              "ini.")
    try:
        document = DocxTemplate(str(template))
        missing = document.get_undeclared_template_variables(environment(), context)
        if missing:
            raise TemplateProblem(f"Templat {name} membutuhkan kolom {', '.join(sorted(missing))} yang tidak diisi "
                                  "oleh buku kerja; lihat templates/FIELDS.md untuk nama kolom yang ada.")
        document.render(context, environment(), autoescape=True)
        _grid_follows_cells(document.docx)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    except TemplateProblem:
        raise
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


def _grid_follows_cells(docx) -> None:
    """A {%tc for %} loop changes how many cells a row has; docxtpl stretches the table grid evenly,
    and LibreOffice lays cells on the grid, so set each grid column to the width of its cell."""
    from docx.oxml.ns import qn

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
