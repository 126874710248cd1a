"""Validation findings where staff look: on the offending cells, and listed on the Temuan sheet.

Each marked cell's own fill is kept on the Temuan sheet and put back once the cell is no longer a finding;
only notes the program wrote are removed. Calls to Excel do not grow with the findings: Temuan is read
and written as one block each, fills go out as one union range per colour (and are read the same way),
and notes, which Excel only takes cell by cell, go on the first NOTES_AT_MOST cells (the rest are marked
and listed all the same).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..core import layout
from ..core.cells import column_index, column_letter
from ..core.findings import Finding, Level
from .live_sheets import fills_of, format_as_text, paint

NOTE_PREFIX = "iku-xl: "
NOTES_AT_MOST = 20
FILLS = {Level.GALAT: (255, 199, 206), Level.PERINGATAN: (255, 235, 156)}
HEADER = ["Tingkat", "Lembar", "Sel", "Pesan", "Buka", "Warna asli sel", "Catatan di sel"]
COLOUR_COLUMN = HEADER.index("Warna asli sel") + 1
NOTED = "ya"
_RGB = re.compile(r"^rgb\((\d{1,3}),(\d{1,3}),(\d{1,3})\)$")
_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")

Cell = tuple[int, int]


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


def _position(cell: object) -> Cell | None:
    match = _CELL.match(cell.strip()) if isinstance(cell, str) else None
    return (int(match.group(2)), column_index(match.group(1))) if match else None


@dataclass
class Mark:
    """A cell marked on the previous run, as Temuan lists it."""
    original: tuple[int, int, int] | None
    noted: bool       # the program may have put a note there
    note: str         # the note it wrote (empty when unknown)


def _marks(rows: list[list], sheets: dict) -> dict[tuple[str, Cell], Mark]:
    """The previous run's marks from Temuan's rows; a Temuan written before the notes column counts every cell
    as possibly noted (once: the next run writes the column)."""
    legacy = not rows or rows[0][len(HEADER) - 1] != HEADER[-1]
    marks: dict[tuple[str, Cell], Mark] = {}
    for row in rows[1:]:
        sheet = sheets.get(str(row[1]).casefold()) if row[1] else None
        where = _position(row[2])
        if sheet is None or where is None:
            continue
        key = (sheet.name, where)
        noted = legacy or str(row[len(HEADER) - 1] or "").strip().lower() == NOTED
        earlier = marks.get(key)
        message = str(row[3] or "")
        marks[key] = Mark(colour_of(row[COLOUR_COLUMN - 1]), noted or bool(earlier and earlier.noted),
                          (earlier.note + " " + message) if earlier else NOTE_PREFIX + message)
        if legacy:
            marks[key].note = ""
    return marks


def show_findings(book, findings: list[Finding]) -> int:
    """Mark the findings' cells and list them on Temuan, taking back the previous run's marks; the number of
    marked cells that did not get a note (beyond NOTES_AT_MOST)."""
    sheets = {s.name.casefold(): s for s in book.sheets}
    temuan = sheets.get(layout.TEMUAN.casefold()) or book.sheets.add(layout.TEMUAN)
    last = max(temuan.used_range.last_cell.row, 2)
    old_rows = temuan.range((1, 1), (last, len(HEADER))).options(ndim=2).value or []
    before = _marks(old_rows, sheets)

    by_cell: dict[tuple[str, Cell], list[Finding]] = {}
    for finding in findings:
        sheet = sheets.get(finding.sheet.casefold())
        where = _position(finding.cell)
        if sheet is not None and where is not None:
            by_cell.setdefault((sheet.name, where), []).append(finding)
    worst = {key: Level.GALAT if any(f.level is Level.GALAT for f in found) else Level.PERINGATAN
             for key, found in by_cell.items()}
    noted = [key for key in sorted(by_cell, key=lambda k: worst[k] is not Level.GALAT)][:NOTES_AT_MOST]
    notes = {key: NOTE_PREFIX + " ".join(f.message for f in by_cell[key]) for key in noted}

    originals = {key: mark.original for key, mark in before.items() if key in by_cell}
    unread: dict[str, list[Cell]] = {}
    for sheet_name, where in by_cell:
        if (sheet_name, where) not in originals:
            unread.setdefault(sheet_name, []).append(where)
    for sheet_name, cells in unread.items():
        originals.update({(sheet_name, where): colour for where, colour in fills_of(sheets[sheet_name.casefold()],
                                                                                     cells).items()})

    fills: dict[str, dict] = {}
    for key, mark in before.items():
        if key not in by_cell:
            fills.setdefault(key[0], {}).setdefault(mark.original, []).append(key[1])
    for key, level in worst.items():
        fills.setdefault(key[0], {}).setdefault(FILLS[level], []).append(key[1])
    for sheet_name, colours in fills.items():
        paint(sheets[sheet_name.casefold()], colours)

    for key, mark in before.items():
        if mark.noted and not (key in notes and mark.note == notes[key]):
            _remove_note(sheets[key[0].casefold()].range(key[1]))
    for key, text in notes.items():
        earlier = before.get(key)
        if not (earlier and earlier.noted and earlier.note == text):
            _add_note(sheets[key[0].casefold()].range(key[1]), text)

    rows = []
    for key, found in by_cell.items():
        sheet_name, (row, column) = key
        cell = f"{column_letter(column)}{row}"
        link = f"=HYPERLINK(\"#'{sheet_name}'!{cell}\",\"{sheet_name}!{cell}\")"
        kept, noted_here = colour_text(originals.get(key)), NOTED if key in notes else ""
        rows += [[f.level.value, sheet_name, cell, f.message, link, kept, noted_here] for f in found]
    temuan.range((2, 1), (last, len(HEADER))).clear_contents()
    if rows:
        format_as_text(temuan, (2, 1), (len(rows) + 1, 4))
        format_as_text(temuan, (2, COLOUR_COLUMN), (len(rows) + 1, len(HEADER)))
    temuan.range((1, 1)).value = [HEADER] + rows
    return len(by_cell) - len(notes)


def _remove_note(cell) -> None:
    note = cell.note
    if note is not None and note.text.startswith(NOTE_PREFIX):
        note.delete()


def _add_note(cell, text: str) -> None:
    """A note unless the cell has one of its own (xlwings refuses a second)."""
    try:
        cell.add_note(text)
    except ValueError:
        pass
