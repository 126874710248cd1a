"""An SOP AP kept as a PDF: its tables as rows of cells, read with pdfplumber; plain text when it has none.

A cell holds an executor's symbol when it holds most of a picture or a drawn shape narrower than itself
(so that its borders and shading do not count).
"""
from __future__ import annotations

import re
from pathlib import Path

from .bounds import check_page_objects, check_pages
from .sop_rows import Cell

_GAP = re.compile(r" {2,}")


def _overlap(box, cell) -> float:
    width = min(box[2], cell[2]) - max(box[0], cell[0])
    height = min(box[3], cell[3]) - max(box[1], cell[1])
    return width * height if width > 0 and height > 0 else 0.0


def _owner(box, cells: list) -> object | None:
    """The cell a symbol is drawn in: the one holding most of it. Symbols often spill over a tight row's
    border, so "inside" is too strict; a line or shape spread over several cells belongs to none, and
    one as wide as the cell is the cell's own border or shading."""
    area = (box[2] - box[0]) * (box[3] - box[1])
    best = max(cells, key=lambda cell: _overlap(box, cell), default=None)
    if best is None or area <= 0 or _overlap(box, best) < 0.4 * area:
        return None
    return best if (box[2] - box[0]) < (best[2] - best[0]) * 0.95 else None


def _cell_text(page, box) -> str:
    """The cell's lines joined as the writer typed them: a line that ends at the cell's edge and goes on in
    lower case is a word the column was too narrow for ("Perencan" + "aan"), not two words."""
    def centred(obj) -> bool:  # a character belongs to the cell its centre lies in
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return bool(box[0] <= x <= box[2] and box[1] <= y <= box[3])

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
    tables = page.find_tables()
    boxes = [box for table in tables for row in table.rows for box in row.cells if box is not None]
    marked = {_owner(drawing, boxes) for drawing in _drawings(page)}
    placed: list[tuple[float, list[Cell]]] = []
    for table in tables:
        for row in table.rows:
            cells: list[Cell] = []
            for box in row.cells:
                if box is None:  # the continuation of a merged cell
                    cells.append(Cell(cells[-1].text if cells else ""))
                    continue
                cells.append(Cell(_cell_text(page, box), marked=box in marked))
            placed.append((row.bbox[1], cells))
    outside = page
    for table in tables:
        outside = outside.outside_bbox(table.bbox)
    for line in outside.extract_text_lines():
        if line["text"].strip():
            placed.append((line["top"], [Cell(line["text"].strip())]))
    return sorted(placed, key=lambda item: item[0])


def _quiet_pdfminer() -> None:
    """pdfminer logs what it finds odd (in English) through logging; with no handler set, Python would print
    its warnings on the user's screen."""
    import logging

    logger = logging.getLogger("pdfminer")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    logger.propagate = False


def _page_count(pdf) -> int:
    """The page count the document declares, read from its page tree's root before any page is parsed."""
    from pdfminer.pdftypes import resolve1

    try:
        return int(resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"]))
    except (KeyError, TypeError, ValueError):
        return len(pdf.pages)


def read_pdf_rows(path: Path) -> tuple[list[list[Cell]], str | None]:
    """The rows of every page's tables; with no table at all, the text laid out in columns instead."""
    import pdfplumber

    rows: list[list[Cell]] = []
    _quiet_pdfminer()
    with pdfplumber.open(str(path)) as pdf:
        check_pages(path, _page_count(pdf))
        for number, page in enumerate(pdf.pages, 1):
            check_page_objects(path, number, sum(len(v) for v in page.objects.values()))
            rows += [cells for _, cells in _page_rows(page)]
        if any(len(r) > 2 for r in rows):
            return rows, None
        # no ruled table: columns are where the text leaves wide gaps
        text = "\n".join(_GAP.sub("\t", line) for page in pdf.pages
                         for line in (page.extract_text(layout=True) or "").splitlines())
    return rows, text
