"""An SOP AP kept as a PDF: its tables as rows of cells, read with pdfplumber; plain text when it has none.

A cell holds an executor's symbol when a picture or a drawn shape lies inside it (smaller than the cell,
so that its borders do not count).
"""
from __future__ import annotations

import re
from pathlib import Path

from .sop_rows import Cell

_GAP = re.compile(r" {2,}")


def _inside(box, cell) -> bool:
    x0, top, x1, bottom = box
    c0, ctop, c1, cbottom = cell
    small = (x1 - x0) < (c1 - c0) * 0.95 and (bottom - top) < (cbottom - ctop) * 0.95
    return small and x0 >= c0 - 1 and x1 <= c1 + 1 and top >= ctop - 1 and bottom <= cbottom + 1


def _cell_text(page, box) -> str:
    """The cell's lines joined as the writer typed them: a line that ends at the cell's edge and goes on in
    lower case is a word the column was too narrow for ("Perencan" + "aan"), not two words."""
    def centred(obj) -> bool:  # a character belongs to the cell its centre lies in
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return box[0] <= x <= box[2] and box[1] <= y <= box[3]

    lines = page.filter(lambda obj: obj.get("object_type") == "char" and centred(obj)).extract_text_lines()
    text = ""
    last_line: dict = {}
    for line in lines:
        piece = line["text"].strip()
        if not piece:
            continue
        if text:
            previous = last_line
            width = (previous["x1"] - previous["x0"]) / max(len(previous["text"]), 1)
            # the column cuts a word only when it is longer than a whole line: that line is the word alone
            broken = (" " not in previous["text"].strip() and previous["x1"] >= box[2] - 3 * width
                      and piece[0].islower() and text[-1].isalpha())
            text += piece if broken else " " + piece
        else:
            text = piece
        last_line = line
    return text


def _drawings(page) -> list[tuple[float, float, float, float]]:
    boxes = [(o["x0"], o["top"], o["x1"], o["bottom"]) for o in page.images]
    for shape in page.curves + page.rects:
        if shape["x1"] - shape["x0"] > 3 and shape["bottom"] - shape["top"] > 3:  # not a border line
            boxes.append((shape["x0"], shape["top"], shape["x1"], shape["bottom"]))
    return boxes


def _page_rows(page) -> list[tuple[float, list[Cell]]]:
    drawings = _drawings(page)
    placed: list[tuple[float, list[Cell]]] = []
    tables = page.find_tables()
    for table in tables:
        for row in table.rows:
            cells: list[Cell] = []
            for box in row.cells:
                if box is None:  # the continuation of a merged cell
                    cells.append(Cell(cells[-1].text if cells else ""))
                    continue
                cells.append(Cell(_cell_text(page, box), marked=any(_inside(d, box) for d in drawings)))
            placed.append((row.bbox[1], cells))
    outside = page
    for table in tables:
        outside = outside.outside_bbox(table.bbox)
    for line in outside.extract_text_lines():
        if line["text"].strip():
            placed.append((line["top"], [Cell(line["text"].strip())]))
    return sorted(placed, key=lambda item: item[0])


def read_pdf_rows(path: Path) -> tuple[list[list[Cell]], str | None]:
    """The rows of every page's tables; with no table at all, the text laid out in columns instead."""
    import pdfplumber

    rows: list[list[Cell]] = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            rows += [cells for _, cells in _page_rows(page)]
        if any(len(r) > 2 for r in rows):
            return rows, None
        # no ruled table: columns are where the text leaves wide gaps
        text = "\n".join(_GAP.sub("\t", line) for page in pdf.pages
                         for line in (page.extract_text(layout=True) or "").splitlines())
    return rows, text
