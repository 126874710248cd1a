"""Writing records back into list sheets and rebuilding Lacak sheets, through a WorkbookPatch."""
from __future__ import annotations

from ..core import layout
from ..core.book import Book
from ..core.case import Case
from ..core.cells import column_index, column_letter
from ..core.history import HistoryEntry
from ..core.tracking import tracking_rows, unmarked_row
from ..core.values import text_of
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


def rebuild_lacak(patch: WorkbookPatch, book: Book, code: str, moves: dict[str, list[HistoryEntry]] | None = None,
                  kept: dict[str, lacak.ShownRow] | None = None) -> bool:
    """Rewrite the SOP's Lacak sheet from Kasus and Riwayat (`moves`: every case's moves in force, when the
    caller read them): a row per case in Kasus order. A case in `kept` (by ID, see `keepable_lacak_rows`) keeps
    the step cells its row shows, in its place in that order, with ID, Judul and Status from Kasus; a row that
    stays where it was is left as it stands but for those. False when the workbook has no such sheet."""
    found = _lacak_sheet(patch, book, code)
    if found is None:
        return False
    sop, sheet, style_of = found
    moves = book.moves_by_case() if moves is None else moves
    kept = kept or {}
    width = len(lacak.header(sop))
    cases = [case for case in book.cases if case.sop == sop.code and case.id_text]
    _write_row(sheet, layout.LACAK_HEADER_ROW, lacak.header(sop), style_of)
    for row, case in enumerate(cases, start=layout.LACAK_HEADER_ROW + 1):
        shown = kept.get(case.id_text)
        if shown is None:
            _write_row(sheet, row, lacak.body(sop, tracking_rows(sop, [case], [], moves))[0], style_of)
        else:
            _keep_row(sheet, row, shown, lacak.fixed_cells(unmarked_row(case)), style_of[lacak.FIXED_STYLE] or "0",
                      width)
    sheet.clear_rows_from(layout.LACAK_HEADER_ROW + 1 + len(cases))
    return True


def keepable_lacak_rows(patch: WorkbookPatch, book: Book, code: str, settled: list[Case]
                        ) -> dict[str, lacak.ShownRow] | None:
    """Of the `settled` cases (none moved since its Lacak row was written), the rows the SOP's Lacak sheet shows
    that can stand for a rebuilt one (`lacak.shows_its_history`), by case ID: the first row of each. Read from
    its ID, Judul and Status columns and a search for '▶ sekarang', not cell by cell. None when the workbook has
    no such sheet; no row when its header is not the SOP's (its steps changed)."""
    found = _lacak_sheet(patch, book, code)
    if found is None:
        return None
    sop, sheet, _ = found
    header = sheet.cells(layout.LACAK_HEADER_ROW)
    expected = [cell.value for cell in lacak.header(sop)]
    shared = patch.package.shared_strings_holding(lacak.CURRENT) if '"s"' in sheet.text else []
    marked = sheet.cells_showing(lacak.CURRENT, shared, lacak.CURRENT_WORD)
    if marked is None or [header[c].value if c in header else None for c in range(1, len(expected) + 1)] != expected:
        return {}
    current: dict[int, set[int]] = {}
    for row, column in marked:
        current.setdefault(row, set()).add(column)
    titles, statuses = dict(sheet.column("B")), dict(sheet.column("C"))
    wanted = {case.id_text: case for case in settled}
    kept: dict[str, lacak.ShownRow] = {}
    for row, value in sheet.column("A"):
        case = wanted.pop(text_of(value), None) if row > layout.LACAK_HEADER_ROW else None
        if case is None:
            continue
        shown = lacak.ShownRow(row, (value, titles.get(row), statuses.get(row)), frozenset(current.get(row, ())))
        if lacak.shows_its_history(shown, case, sop):
            kept[case.id_text] = shown
    return kept


def _write_row(sheet: SheetXml, row: int, cells: list[lacak.Cell], style_of: dict) -> None:
    sheet.clear_row(row)
    for column, cell in enumerate(cells, start=1):
        sheet.set(row, column, cell.value, style_of[cell.style] or "0")


def _keep_row(sheet: SheetXml, row: int, shown: lacak.ShownRow, fixed: list[lacak.Cell], style: str,
              width: int) -> None:
    """A kept case's row: where it stands, only the fixed cells that changed are written; elsewhere, its step
    cells are copied to `row`."""
    if shown.row == row:
        for column, (cell, was) in enumerate(zip(fixed, shown.fixed), start=1):
            if not (was == cell.value or (was is None and cell.value in (None, ""))):
                sheet.set(row, column, cell.value, style)
        return
    cells = sheet.cells(shown.row)
    sheet.clear_row(row)
    for column in range(len(fixed) + 1, width + 1):
        if column in cells:
            sheet.set(row, column, cells[column].value, cells[column].style or "0")
    for column, cell in enumerate(fixed, start=1):
        sheet.set(row, column, cell.value, style)
