"""Rendered tables made to read as the official formats print them: a Sasaran that several indicators share stands
once in a cell merged down over their rows, as does an IKU over the units it is cascaded to."""
from __future__ import annotations

import io

# (a header of the table's first row, the columns merged, the column whose equal cells make a group (None: the
# merged column itself), whether a table narrower than the page is widened to it)
MERGES = (
    ("C/CP/N", (0, 1, 2, 3), 0, False),                              # the cascading matrix: the IKU's cells
    ("Indikator Kinerja", (1,), None, True),                         # a PK's lampiran: the Sasaran
    ("Anggaran", (), None, True),                                    # and its programs with their budget
)
WIDE_FROM = 6  # a lampiran of this many columns or more (Tw I-IV) lies across the page


def merge_repeated_cells(content: bytes) -> bytes:
    """The .docx with equal neighbouring cells of the known tables merged down (w:vMerge), the copies emptied."""
    from docx import Document

    document = Document(io.BytesIO(content))
    section = document.sections[-1]
    changed = False
    for table in document.tables:
        rows = table.rows
        if len(rows) < 2:
            continue
        headers = [cell.text.strip() for cell in rows[0].cells]
        for marker, columns, group, widen in MERGES:
            if marker in headers and headers[0] == "No":
                for column in columns:
                    changed |= _merge_column(rows[1:], column, column if group is None else group)
                if widen and len(rows[0].cells) >= WIDE_FROM and len(document.sections) > 1:
                    _landscape(document, section)
                    changed = True
                if widen:
                    text_width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
                    changed |= _widen(table, text_width)
                break
    if not changed:
        return content
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _merge_column(rows, column: int, group: int) -> bool:
    from docx.oxml.ns import qn

    def key(row) -> str:
        return str(row.cells[group].text).strip()

    changed = False
    start = 0
    while start < len(rows):
        end = start
        while end + 1 < len(rows) and key(rows[end + 1]) == key(rows[start]) and key(rows[start]) \
                and rows[end + 1].cells[column].text.strip() == rows[start].cells[column].text.strip():
            end += 1
        if end > start:
            for index in range(start, end):  # a group's rows stay on one page (Word and LibreOffice honour it)
                for paragraph in rows[index]._tr.iter(qn("w:p")):
                    properties = paragraph.get_or_add_pPr()
                    if properties.find(qn("w:keepNext")) is None:
                        properties.insert(0, properties.makeelement(qn("w:keepNext"), {}))
            for index in range(start, end + 1):
                cell = rows[index].cells[column]._tc
                properties = cell.get_or_add_tcPr()
                merge = properties.makeelement(qn("w:vMerge"), {qn("w:val"): "restart"} if index == start else {})
                properties.append(merge)
                if index > start:
                    for paragraph in cell.findall(qn("w:p"))[1:]:
                        cell.remove(paragraph)
                    for run in cell.findall(f"{qn('w:p')}/{qn('w:r')}"):
                        run.getparent().remove(run)
            changed = True
        start = end + 1
    return changed


def _widen(table, text_width: int) -> bool:
    """Every column alike made wider until the table fills the text width (grid and cells, in twips)."""
    from docx.oxml.ns import qn

    grid = table._tbl.find(qn("w:tblGrid"))
    columns = grid.findall(qn("w:gridCol")) if grid is not None else []
    total = sum(int(c.get(qn("w:w"), 0)) for c in columns)
    wanted = int(text_width / 635)  # EMU to twips
    if not total or total >= wanted - 20:
        return False
    scale = wanted / total
    for column in columns:
        column.set(qn("w:w"), str(int(int(column.get(qn("w:w"))) * scale)))
    for width in table._tbl.iter(qn("w:tcW")):
        if width.get(qn("w:type")) in (None, "dxa"):
            width.set(qn("w:w"), str(int(int(width.get(qn("w:w"), 0)) * scale)))
    return True


def _landscape(document, section) -> None:
    """The last section laid across the page; what it indents (the signature blocks) moves along with the wider
    text, so the blocks keep their place on the right."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    if section.orientation == WD_ORIENT.LANDSCAPE:
        return
    before = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    after = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    scale = after / before if before else 1
    body = document.element.body
    children = list(body)
    ends = [i for i, child in enumerate(children) if child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    for child in children[ends[-1] + 1 if ends else 0:]:
        for indent in child.iter(qn("w:ind")):
            if indent.get(qn("w:left")) and child.tag == qn("w:p"):
                indent.set(qn("w:left"), str(int(int(indent.get(qn("w:left"))) * scale)))
        if child.tag == qn("w:tbl") and child.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}") is None:
            from docx.table import Table
            _widen(Table(child, document), after)  # the side-by-side signature blocks
