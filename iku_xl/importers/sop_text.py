"""An SOP AP pasted or saved as text: cells separated by tabs (or by "|"), one table row a line.

Such text repeats the table header on every page, shifts some cells by one, breaks a row where a cell
held a line break, and has lost the flowchart symbols. The rows go to `sop_rows`, which reads what the
wording says and marks it for staff to confirm.
"""
from __future__ import annotations

import html
import re

from ..core.sop import Sop
from ..errors import SopTextError
from .sop_rows import Cell, ImportedSop, find_header, parse_sop_rows, table_columns

_STEP = re.compile(r"^\s*\d{1,3}\.?\s*$")
_RULE_LINE = re.compile(r"^\s*\|?\s*:?-{3,}")  # a Markdown table's |---|---| line
_HEADER_WORDS = re.compile(r"\bno\b.*\b(uraian\s+)?(kegiatan|prosedur)\b", re.IGNORECASE)


def _clean(cell: str) -> str:
    cell = re.sub(r"<input[^>]*checked[^>]*>", "", cell)
    cell = re.sub(r"<input[^>]*>", "", cell)
    cell = re.sub(r"</p>\s*", "\n", cell)
    cell = re.sub(r"<br\s*/?>", "\n", cell)
    cell = re.sub(r"<[^>]+>", "", cell)
    cell = html.unescape(cell)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in cell.split("\n")]
    return "\n".join(line for line in lines if line)


def split_lines(text: str) -> list[list[str]]:
    """Each line as its cells: tab-separated, or "|"-separated when no line has a tab."""
    lines = [line.rstrip("\r\n") for line in text.splitlines()]
    if any("\t" in line for line in lines):
        return [[_clean(c) for c in line.split("\t")] for line in lines]
    if sum("|" in line for line in lines) >= 3:
        rows = []
        for line in lines:
            if _RULE_LINE.match(line):
                continue
            stripped = line.strip()
            if stripped.startswith("|"):
                stripped = stripped[1:]
            if stripped.endswith("|"):
                stripped = stripped[:-1]
            rows.append([_clean(c) for c in stripped.split("|")] if "|" in line else [_clean(line)])
        return rows
    return [[_clean(line)] for line in lines]  # no cells at all: the table is reported as not found


def _join_broken(rows: list[list[str]], start: int, width: int) -> list[list[str]]:
    """A line break inside a cell cut the row in two: the next line continues the cell it broke."""
    out = rows[:start]
    index = start
    while index < len(rows):
        row = list(rows[index])
        index += 1
        if row and _STEP.match(row[0]):
            while (len(row) < width and index < len(rows) and rows[index] and any(rows[index])
                   and not _STEP.match(rows[index][0]) and find_header([[Cell(c) for c in rows[index]]]) is None
                   and len(row) + len(rows[index]) - 1 <= width):
                following = rows[index]
                row[-1] = f"{row[-1]}\n{following[0]}".strip()
                row += following[1:]
                index += 1
        out.append(row)
    return out


def _fit(cells: list[str], width: int, roles: range) -> list[str]:
    """Undo the extraction's shift: drop surplus empty cells from the executor columns."""
    cells = list(cells)
    while len(cells) > width:
        zone = range(roles.start, roles.stop + (len(cells) - width))
        empty = next((i for i in zone if not cells[i]), None)
        if empty is None:
            if not cells[-1]:
                cells.pop()
                continue
            break
        del cells[empty]
    return cells + [""] * (width - len(cells))


def read_sop_text(text: str, code: str) -> ImportedSop:
    lines = split_lines(text)
    rows = [[Cell(c) for c in line] for line in lines]
    at = find_header(rows)
    if at is None:
        if all(len(line) == 1 for line in lines) and any(_HEADER_WORDS.search(line[0]) for line in lines):
            # what a PDF viewer copies: the header's words are there, the cell borders are not
            raise SopTextError("Teks ini tidak memisahkan kolom dengan tab atau '|' (salinan dari PDF), jadi kolom "
                               "tabel langkah tidak bisa dibaca; impor berkas PDF atau Word aslinya, atau salin "
                               "tabelnya dari Word atau Excel.")
        return parse_sop_rows(rows, code)  # says what is missing
    columns = table_columns(rows, at)
    width = max(len(lines[at]), len(lines[at + 1]) if at + 1 < len(lines) else 0,
                max(columns.mutu.values()) + 1)
    if columns.keterangan is not None:
        width = max(width, columns.keterangan + 1)
    lines = _join_broken(lines, columns.body_from, width)
    role_zone = range(columns.kegiatan + 1, min(columns.mutu.values()))
    fitted = [_fit(line, width, role_zone) if i >= columns.body_from and line and _STEP.match(line[0]) else line
              for i, line in enumerate(lines)]
    return parse_sop_rows([[Cell(c) for c in line] for line in fitted], code, "teks")


def parse_sop_text(text: str, code: str) -> Sop:
    return read_sop_text(text, code).sop
