"""An SOP AP kept as a Word file: its tables (identity and flowchart) as rows of cells, read with python-docx.

A merged cell repeats across the columns it spans (python-docx gives it once per grid column); the symbols
of the flowchart are drawings inside the executor's cell, and Word's flowchart shapes say their kind.
"""
from __future__ import annotations

from pathlib import Path

from ..core.sop import StepKind
from .sop_rows import Cell

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Word's flowchart shapes (DrawingML preset names, VML shape types) and the step kind each draws
_PRESETS = {"flowChartDecision": StepKind.KEPUTUSAN, "diamond": StepKind.KEPUTUSAN,
            "flowChartTerminator": StepKind.MULAI, "flowChartAlternateProcess": StepKind.MULAI,
            "ellipse": StepKind.MULAI, "flowChartProcess": StepKind.PROSES, "rect": StepKind.PROSES}
_VML_TYPES = {"#_x0000_t110": StepKind.KEPUTUSAN, "#_x0000_t116": StepKind.MULAI, "#_x0000_t109": StepKind.PROSES}
_DRAWN = ("drawing", "pict", "object", "AlternateContent")


def _cell(tc, text: str) -> Cell:
    drawn = any(element.tag.rsplit("}", 1)[-1] in _DRAWN for element in tc.iter())
    shape = None
    for element in tc.iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name == "prstGeom" and element.get("prst") in _PRESETS:
            shape = _PRESETS[element.get("prst")]
            break
        if name == "shape" and element.get("type") in _VML_TYPES:
            shape = _VML_TYPES[element.get("type")]
            break
    return Cell(text, marked=drawn, shape=shape)


def _table_rows(table) -> list[list[Cell]]:
    rows = []
    for row in table.rows:
        cells = [Cell("")] * row.grid_cols_before
        for cell in row.cells:
            text = "\n".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            cells.append(_cell(cell._tc, text))
            for nested in cell.tables:  # an identity table drawn inside a cell
                rows += _table_rows(nested)
        rows.append(cells)
    return rows


def read_docx_rows(path: Path) -> list[list[Cell]]:
    """Paragraphs and table rows in the order the document has them."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    rows: list[list[Cell]] = []
    for child in document.element.body.iterchildren():
        if child.tag == f"{W}tbl":
            rows += _table_rows(Table(child, document))
        elif child.tag == f"{W}p":
            text = Paragraph(child, document).text.strip()
            if text:
                rows.append([Cell(text)])
    return rows
