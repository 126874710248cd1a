"""Writing records back into list sheets and rebuilding Lacak sheets, through a WorkbookPatch."""
from __future__ import annotations

from ..core import layout
from ..core.book import Book
from ..core.cells import column_index, column_letter
from ..core.history import HistoryEntry
from ..core.tracking import tracking_rows
from . import lacak
from .ooxml.sheet_xml import Formula, SheetXml
from .ooxml.workbook_patch import WorkbookPatch
from .page import row_points


def _columns(book: Book, sheet: layout.ListSheet) -> dict[str, int]:
    return {field: column_index(letter) for field, letter in book.columns.get(sheet.name, {}).items()}


def write_record(patch: WorkbookPatch, book: Book, sheet: layout.ListSheet, record, row: int,
                 fields: list[str] | None = None) -> None:
    """Put the record's fields into `row`; cells new to the sheet take the style of the cell above,
    and formula columns (such as Terlambat) follow the row above, as an Excel Table does."""
    sheet_patch = patch.sheet(sheet.name)
    columns = _columns(book, sheet)
    existing = sheet_patch.cells(row)
    # the row above as it stands in the file; below the last one (rows appended together) the last one
    source = min(row - 1, max(sheet_patch.last_row(), 1))
    above = sheet_patch.cells(source) if source > 1 else {}
    for field in fields or [c.field for c in sheet.columns]:
        column = columns.get(field)
        if column is None or not hasattr(record, field):
            continue
        has_style = column in existing and existing[column].style
        sheet_patch.set(row, column, getattr(record, field), None if has_style or column not in above
                        else above[column].style)
    for column, cell in above.items():
        mine = existing.get(column)
        if cell.formula and column not in sheet_patch.edits.get(row, {}) and not (mine and mine.formula):
            from openpyxl.formula.translate import Translator  # only a row that takes a formula loads openpyxl

            target = f"{column_letter(column)}{row}"
            moved = Translator(f"={cell.formula}", origin=f"{column_letter(column)}{source}").translate_formula(target)
            sheet_patch.set(row, column, Formula(moved.removeprefix("=")), cell.style)
    _fit_row(sheet_patch, row, existing)


def _fit_row(sheet_patch: SheetXml, row: int, existing: dict) -> None:
    """The row's height follows its text, as it would in Excel when staff typed it (list sheets wrap)."""
    edits = sheet_patch.edits.get(row, {})
    texts = {column: cell.value for column, cell in existing.items() if column not in edits and not cell.formula}
    texts.update(edits)
    wrapped = {column: value for column, value in texts.items() if isinstance(value, str)}
    sheet_patch.fit_height(row, row_points(wrapped, sheet_patch.column_widths()))


def _lacak_sheet(patch: WorkbookPatch, book: Book, code: str):
    """The SOP's Lacak sheet and the styles of its legend cells; None when the workbook has none."""
    name = lacak.sheet_name(code)
    if name not in patch.parts:
        return None
    sheet = patch.sheet(name)
    legend = sheet.cells(layout.LACAK_LEGEND_ROW)
    header_styles = sheet.cells(layout.LACAK_HEADER_ROW)

    def style(cells, column):
        return cells[column].style if column in cells else None

    styles = {key: style(legend, column) for column, _, key in layout.LACAK_LEGEND}
    styles["header"] = style(header_styles, 1)
    return book.sops[code], sheet, styles


def update_lacak_rows(patch: WorkbookPatch, book: Book, code: str, cases, histories: dict) -> bool:
    """Rewrite only the rows of `cases` in the SOP's Lacak sheet (new cases get a row at the end)."""
    found = _lacak_sheet(patch, book, code)
    if found is None:
        return False
    sop, sheet, style_of = found
    where = {str(v).strip(): r for r, v in sheet.column("A") if r > layout.LACAK_HEADER_ROW and v}
    free = max(sheet.last_filled_row(), layout.LACAK_HEADER_ROW) + 1
    width = len(lacak.header(sop))
    for row, cells in lacak.placed_rows(sop, cases, lambda case_id: histories.get(case_id, []), where, free):
        for c in range(1, width + 1):
            cell = cells[c - 1] if c <= len(cells) else lacak.Cell(None, "text")
            sheet.set(row, c, cell.value, style_of[cell.style] or "0")
    return True


def rebuild_lacak(patch: WorkbookPatch, book: Book, code: str,
                  moves: dict[str, list[HistoryEntry]] | None = None) -> bool:
    """Rewrite the SOP's Lacak sheet from Kasus and Riwayat (`moves`: every case's moves in force, when the
    caller read them); False when the workbook has no such sheet."""
    found = _lacak_sheet(patch, book, code)
    if found is None:
        return False
    sop, sheet, style_of = found
    sheet.clear_rows_from(layout.LACAK_HEADER_ROW)
    moves = book.moves_by_case() if moves is None else moves
    grid = [lacak.header(sop)] + lacak.body(sop, tracking_rows(sop, book.cases, [], moves))
    for r, cells in enumerate(grid, start=layout.LACAK_HEADER_ROW):
        for c, cell in enumerate(cells, start=1):
            sheet.set(r, c, cell.value, style_of[cell.style] or "0")
    return True
