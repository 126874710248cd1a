"""Lacak and reschedule read Riwayat alone, not the closed years' sheets.

Lacak: the rows of the cases a close moved to 'Riwayat 2026' keep their step marks as the
sheet shows them, with ID, Judul and Status from Kasus; a case the sheet does not show as a rebuild would (missing,
or marked at another step) and one an undo brought back are read from every year. Whatever the route, the sheet is
the one a full rebuild over a one-sheet Riwayat writes: the same rows, in the same order, cells and styles.
Reschedule: the open cases' rows are all in Riwayat (a close moves the finished cases only), holds included."""
from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from iku_xl.actions import workflow
from iku_xl.workbook.file_store import FileStore
from iku_xl.workbook.ooxml.package import Package
from tests.helpers import edit, now_at, run
from tests.workbook import test_history_years as years
from tests.workbook.test_history_years import CLOSED_AT, one_sheet

story, books = years.story, years.books  # the year-boundary story's workbooks: one sheet, and closed

CODES = ("POLHUKAM", "KEMNAKER")


def lacak_grid(path: Path, code: str) -> list[list[tuple]]:
    """The sheet's rows from its header down as staff see them: each cell's value, fill and number format."""
    sheet = load_workbook(path)[f"Lacak {code}"]
    blank = (None, "00000000", "General")
    grid = []
    for row in sheet.iter_rows(min_row=4):
        cells = [(c.value, c.fill.fgColor.rgb, c.number_format) for c in row]
        while cells and cells[-1] == blank:
            cells.pop()
        grid.append(cells)
    while grid and not grid[-1]:
        grid.pop()
    return grid


def lacak_row(path: Path, code: str, case_id: str) -> int:
    sheet = load_workbook(path)[f"Lacak {code}"]
    return next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, 1).value == case_id)


def kasus_cell(path: Path, case_id: str, column: str) -> str:
    sheet = load_workbook(path)["Kasus"]
    return f"{column}{next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == case_id)}"


def rebuilt_alike(single: Path, closed: Path) -> None:
    """Rebuild both workbooks' Lacak sheets, the one-sheet one whole, and check they came out the same."""
    with one_sheet():
        workflow.rebuild_tracking(single, now=CLOSED_AT)
    workflow.rebuild_tracking(closed, now=CLOSED_AT)
    for code in CODES:
        assert lacak_grid(single, code) == lacak_grid(closed, code), code


@pytest.fixture
def reads(monkeypatch):
    """The case IDs each history read of the file store returned, and the sheets it scanned."""
    found: list[set[str]] = []
    original = FileStore.read_history

    def read_history(self, *args, **kwargs):
        entries = original(self, *args, **kwargs)
        found.append({e.case_id for e in entries})
        return entries

    monkeypatch.setattr(FileStore, "read_history", read_history)
    return found


@pytest.fixture
def scanned(monkeypatch):
    names: list[str] = []
    pieces, read = Package.pieces, Package.read

    def logged_pieces(self, name, *args):
        names.append(name)
        return pieces(self, name, *args)

    def logged_read(self, name, keep=False):
        names.append(name)
        return read(self, name, keep)

    monkeypatch.setattr(Package, "pieces", logged_pieces)
    monkeypatch.setattr(Package, "read", logged_read)
    return names


def test_lacak_reads_riwayat_only_and_keeps_the_closed_cases_rows(books, scanned):
    single, closed, ids = books
    year_part = Package(closed.read_bytes()).sheet_parts()["Riwayat 2026"]
    edit(closed, {"Lacak POLHUKAM": {"A1": "Lacak SOP POLHUKAM"}})  # a change the rebuild leaves: the title row
    scanned.clear()
    rebuilt_alike(single, closed)
    assert year_part not in scanned  # E and F, finished in 2026, keep their rows as the sheet shows them
    row = load_workbook(closed)["Lacak POLHUKAM"][lacak_row(closed, "POLHUKAM", ids["E"])]
    assert [c.value for c in row[:3]] == [ids["E"], "Kasus E", "Selesai"]
    assert sum(c.is_date for c in row[3:]) >= 5 and "▶ sekarang" not in [c.value for c in row]


def test_a_kept_row_takes_its_title_and_status_from_kasus(books, reads):
    single, closed, ids = books
    for path in (single, closed):
        edit(path, {"Kasus": {kasus_cell(path, ids["E"], "B"): "Kasus E (judul diperbaiki)",
                              kasus_cell(path, ids["F"], "H"): "Selesai"}})
    rebuilt_alike(single, closed)
    assert reads[-1] == {ids[n] for n in "ABCD"}  # E and F are not read: their rows are kept
    row = load_workbook(closed)["Lacak POLHUKAM"][lacak_row(closed, "POLHUKAM", ids["E"])]
    assert [c.value for c in row[:3]] == [ids["E"], "Kasus E (judul diperbaiki)", "Selesai"]
    assert load_workbook(closed)["Lacak KEMNAKER"][f"C{lacak_row(closed, 'KEMNAKER', ids['F'])}"].value == "Selesai"


def test_a_kept_row_moves_to_its_case_place(books, reads):
    single, closed, ids = books
    for path in (single, closed):
        workbook = load_workbook(path)
        workbook["Lacak POLHUKAM"].delete_rows(lacak_row(path, "POLHUKAM", ids["A"]))  # E's row moves up one
        workbook.save(path)
    before = lacak_row(closed, "POLHUKAM", ids["E"])
    rebuilt_alike(single, closed)
    assert reads[-1] == {ids[n] for n in "ABCD"}
    assert lacak_row(closed, "POLHUKAM", ids["E"]) == before + 1


def test_a_case_missing_from_lacak_is_read_from_its_year_alone(books, reads):
    single, closed, ids = books
    for path in (single, closed):
        workbook = load_workbook(path)
        workbook["Lacak KEMNAKER"].delete_rows(lacak_row(path, "KEMNAKER", ids["F"]))
        workbook.save(path)
    rebuilt_alike(single, closed)
    assert reads[-2:] == [{ids[n] for n in "ABCD"}, {ids["F"]}]  # after the cases in Riwayat, F alone


def test_a_row_marked_at_another_step_than_kasus_says_is_read_again(books, reads):
    single, closed, ids = books
    for path in (single, closed):  # a colleague types F back to Berjalan: its row marks no step as current
        edit(path, {"Kasus": {kasus_cell(path, ids["F"], "H"): "Berjalan"}})
    rebuilt_alike(single, closed)
    assert reads[-1] == {ids["F"]}
    row = load_workbook(closed)["Lacak KEMNAKER"][lacak_row(closed, "KEMNAKER", ids["F"])]
    assert "▶ sekarang" in [c.value for c in row]


def test_a_case_an_undo_brings_back_is_rebuilt_from_every_year(books):
    single, closed, ids = books
    for path in (single, closed):
        with one_sheet() if path == single else contextlib.nullcontext():
            workflow.undo(path, ids["E"], by="Sri", now=CLOSED_AT)
        row = lacak_row(path, "POLHUKAM", ids["E"])
        edit(path, {"Lacak POLHUKAM": {f"D{row}": "diketik"}})  # the rebuild puts back what Riwayat says
    rebuilt_alike(single, closed)
    row = load_workbook(closed)["Lacak POLHUKAM"][lacak_row(closed, "POLHUKAM", ids["E"])]
    assert row[3].is_date and "▶ sekarang" in [c.value for c in row]


def test_a_closed_row_edited_by_hand_stays_until_lacak_reads_every_year(books, capsys, monkeypatch):
    single, closed, ids = books
    now_at(monkeypatch, CLOSED_AT.isoformat())
    cell = f"D{lacak_row(closed, 'POLHUKAM', ids['E'])}"
    edit(closed, {"Lacak POLHUKAM": {cell: "diketik"}})
    assert run(capsys, "lacak", closed)[0] == 0
    assert load_workbook(closed)["Lacak POLHUKAM"][cell].value == "diketik"
    code, out, _ = run(capsys, "lacak", "--semua-tahun", closed)
    assert code == 0 and "semua tahun" in out
    with one_sheet():
        workflow.rebuild_tracking(single, now=CLOSED_AT)
    for code_ in CODES:
        assert lacak_grid(single, code_) == lacak_grid(closed, code_), code_


def test_reschedule_reads_the_open_cases_holds_from_riwayat_alone(books, reads):
    single, closed, ids = books
    for path in (single, closed):
        with one_sheet() if path == single else contextlib.nullcontext():
            workflow.hold(path, ids["C"], reason="menunggu data", at=CLOSED_AT.replace(day=13), now=CLOSED_AT)
            workflow.resume(path, ids["C"], reason="lengkap", at=CLOSED_AT.replace(day=15), now=CLOSED_AT)
            workflow.undo(path, ids["E"], now=CLOSED_AT)  # open again, its rows in Riwayat 2026 and Riwayat
    held_due = load_workbook(closed)["Kasus"][kasus_cell(closed, ids["C"], "J")].value
    wrong = {ids[n]: CLOSED_AT for n in "ABCDE"}  # every open case's due time typed over
    for path in (single, closed):
        edit(path, {"Kasus": {kasus_cell(path, case_id, "J"): due for case_id, due in wrong.items()}})
    reads.clear()
    two = workflow.reschedule(closed, now=CLOSED_AT)
    assert reads == [{ids[n] for n in "ABCDE"}, {ids["E"]}]  # Riwayat; then E's earlier rows, from its year alone
    with one_sheet():
        one = workflow.reschedule(single, now=CLOSED_AT)
    assert one.message == two.message and len(two.history) == 5
    assert rows_of_sheet(single, "Kasus") == rows_of_sheet(closed, "Kasus")
    assert load_workbook(closed)["Kasus"][kasus_cell(closed, ids["C"], "J")].value == held_due  # the hold counted


def rows_of_sheet(path: Path, name: str) -> list[tuple]:
    return [tuple(c.value for c in row) for row in load_workbook(path)[name].iter_rows()]
