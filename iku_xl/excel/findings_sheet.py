"""Validation findings where staff look: on the offending cells, and listed on the Temuan sheet.

Marks from the previous run are cleared first: each marked cell's own fill is kept on the
Temuan sheet and put back, and only notes the program wrote are removed.
"""
from __future__ import annotations

from ..core.findings import Finding, Level
from ..workbook import layout

NOTE_PREFIX = "iku-xl: "
FILLS = {Level.GALAT: (255, 199, 206), Level.PERINGATAN: (255, 235, 156)}
HEADER = ["Tingkat", "Lembar", "Sel", "Pesan", "Buka", "Warna asli sel"]


def _sheet(book, name: str):
    names = [s.name for s in book.sheets]
    return book.sheets[name] if name in names else None


def clear_marks(book) -> None:
    temuan = _sheet(book, layout.TEMUAN)
    if temuan is None:
        return
    last = temuan.used_range.last_cell.row
    rows = temuan.range((2, 1), (max(last, 2), len(HEADER))).options(ndim=2).value or []
    for _level, sheet_name, cell, _, _, color in rows:
        sheet = _sheet(book, sheet_name) if sheet_name else None
        if sheet is None or not cell:
            continue
        target = sheet.range(cell)
        target.color = tuple(int(x) for x in color.split(",")) if color else None
        if target.note is not None and target.note.text.startswith(NOTE_PREFIX):
            target.note.delete()
    temuan.range((2, 1), (max(last, 2), len(HEADER))).clear_contents()


def show_findings(book, findings: list[Finding]) -> None:
    clear_marks(book)
    temuan = _sheet(book, layout.TEMUAN) or book.sheets.add(layout.TEMUAN)
    by_cell: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        by_cell.setdefault((finding.sheet, finding.cell), []).append(finding)
    rows = []
    for (sheet_name, cell), found in by_cell.items():
        sheet = _sheet(book, sheet_name)
        if sheet is None or not cell or not cell[-1].isdigit():
            continue
        target = sheet.range(cell)
        original = target.color
        worst = Level.GALAT if any(f.level is Level.GALAT for f in found) else Level.PERINGATAN
        target.color = FILLS[worst]
        if target.note is None:
            target.add_note(NOTE_PREFIX + " ".join(f.message for f in found))
        for finding in found:
            link = f"=HYPERLINK(\"#'{sheet_name}'!{cell}\",\"{sheet_name}!{cell}\")"
            rows.append([finding.level.value, sheet_name, cell, finding.message, link,
                         ",".join(str(x) for x in original) if original else ""])
    temuan.range((1, 1)).value = [HEADER] + rows
