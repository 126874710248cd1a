"""Validation findings where staff look: on the offending cells, and listed on the Temuan sheet.

Marks from the previous run are cleared first: each marked cell's own fill is kept on the
Temuan sheet and put back, and only notes the program wrote are removed.
"""
from __future__ import annotations

import re

from ..core import layout
from ..core.findings import Finding, Level
from .live_sheets import format_as_text, paint, sheet_named

NOTE_PREFIX = "iku-xl: "
FILLS = {Level.GALAT: (255, 199, 206), Level.PERINGATAN: (255, 235, 156)}
HEADER = ["Tingkat", "Lembar", "Sel", "Pesan", "Buka", "Warna asli sel"]
COLOUR_COLUMN = HEADER.index("Warna asli sel") + 1
_RGB = re.compile(r"^rgb\((\d{1,3}),(\d{1,3}),(\d{1,3})\)$")


def colour_text(colour: tuple[int, int, int] | None) -> str:
    """A fill as text no spreadsheet reads as a number or a date ("221,235,247" becomes 221235247)."""
    return "rgb({},{},{})".format(*colour) if colour else ""


def colour_of(text: object) -> tuple[int, int, int] | None:
    """The fill kept on Temuan; anything else (an old number, a cell staff edited) means no fill."""
    match = _RGB.match(str(text or "").replace(" ", "").lower())
    if not match:
        return None
    red, green, blue = (int(x) for x in match.groups())
    return (red, green, blue) if max(red, green, blue) <= 255 else None


def _cell_ok(cell: object) -> bool:
    return isinstance(cell, str) and bool(re.match(r"^[A-Za-z]{1,3}\d+$", cell.strip()))


def clear_marks(book) -> None:
    temuan = sheet_named(book, layout.TEMUAN)
    if temuan is None:
        return
    last = temuan.used_range.last_cell.row
    rows = temuan.range((2, 1), (max(last, 2), len(HEADER))).options(ndim=2).value or []
    restore: dict[str, dict] = {}
    for row in rows:
        sheet_name, cell, colour = row[1], row[2], row[COLOUR_COLUMN - 1]
        sheet = sheet_named(book, str(sheet_name)) if sheet_name else None
        if sheet is None or not _cell_ok(cell):
            continue
        target = sheet.range(cell)
        restore.setdefault(sheet.name, {}).setdefault(colour_of(colour), []).append((target.row, target.column))
        if target.note is not None and target.note.text.startswith(NOTE_PREFIX):
            target.note.delete()
    for sheet_name, fills in restore.items():
        paint(sheet_named(book, sheet_name), fills)
    temuan.range((2, 1), (max(last, 2), len(HEADER))).clear_contents()


def show_findings(book, findings: list[Finding]) -> None:
    clear_marks(book)
    temuan = sheet_named(book, layout.TEMUAN) or book.sheets.add(layout.TEMUAN)
    by_cell: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        by_cell.setdefault((finding.sheet, finding.cell), []).append(finding)
    rows = []
    marks: dict[str, dict] = {}
    for (sheet_name, cell), found in by_cell.items():
        sheet = sheet_named(book, sheet_name)
        if sheet is None or not _cell_ok(cell):
            continue
        target = sheet.range(cell)
        original = target.color
        worst = Level.GALAT if any(f.level is Level.GALAT for f in found) else Level.PERINGATAN
        marks.setdefault(sheet.name, {}).setdefault(FILLS[worst], []).append((target.row, target.column))
        if target.note is None:
            target.add_note(NOTE_PREFIX + " ".join(f.message for f in found))
        for finding in found:
            link = f"=HYPERLINK(\"#'{sheet.name}'!{cell}\",\"{sheet.name}!{cell}\")"
            rows.append([finding.level.value, sheet.name, cell, finding.message, link, colour_text(original)])
    for sheet_name, fills in marks.items():
        paint(sheet_named(book, sheet_name), fills)
    if rows:
        format_as_text(temuan, (2, 1), (len(rows) + 1, 4))
        format_as_text(temuan, (2, COLOUR_COLUMN), (len(rows) + 1, COLOUR_COLUMN))
    temuan.range((1, 1)).value = [HEADER] + rows
