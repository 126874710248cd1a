"""Riwayat closed per year: the cases finished in 2026 move whole to 'Riwayat 2026', the open ones stay in Riwayat,
and every row stays findable. The same history, once on one Riwayat sheet and once closed, gives the same status,
undo, export and Lacak; closing loses no row."""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import inspect
import shutil
from pathlib import Path
from unittest import mock

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from iku_xl.actions import workflow
from iku_xl.actions.export import export_month
from iku_xl.actions.init import init_workbook
from iku_xl.actions.recent_history import recent_history
from iku_xl.actions.status import case_status
from iku_xl.actions.validate import validate_workbook
from iku_xl.errors import Refused
from iku_xl.workbook.file_store import FileStore
from iku_xl.workbook.reader import read_book
from tests.helpers import libreoffice_convert, now_at, run

CLOSED_AT = dt.datetime(2027, 1, 20, 9, 0)  # "now" when the workbooks are compared: the year 2026 is past


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


@contextlib.contextmanager
def one_sheet():
    """Writes as before Riwayat was closed per year: every row stays on the one Riwayat sheet."""
    with mock.patch.object(FileStore, "close_years", lambda self, year, look_at_all=False: []):
        yield


def finish(path: Path, case_id: str, start: dt.datetime, gap: dt.timedelta = dt.timedelta(hours=3)) -> dt.datetime:
    """Every step of the case done, `gap` apart from `start`; the time of its last move."""
    when = start
    while True:
        when += gap
        try:
            change = workflow.advance(path, case_id, at=when, now=when)
        except Refused:  # a decision step
            change = workflow.advance(path, case_id, decision=True, at=when, now=when)
        if "status Selesai" in change.message:
            return when


def _story(path: Path) -> dict[str, str]:
    """Cases across the new year: A moves in both years, B is on hold over it, C's last move is in December,
    D is opened in January; E is finished and F cancelled in November."""
    def move(action, case_id, when, **kw):
        return action(path, case_id, at=at(when), now=at(when), **kw)

    ids = {}
    for name, code, when in (("A", "POLHUKAM", "2026-11-02T09:00"), ("B", "KEMNAKER", "2026-11-03T09:00"),
                             ("C", "POLHUKAM", "2026-11-04T09:00")):
        ids[name] = workflow.open_case(path, code, f"Kasus {name}", at=at(when), now=at(when)).opened[0]
    for when in ("2026-11-05T10:00", "2026-11-20T10:00", "2026-12-10T10:00"):
        move(workflow.advance, ids["A"], when, by="Ani")
    move(workflow.advance, ids["B"], "2026-11-10T10:00", by="Budi")
    move(workflow.hold, ids["B"], "2026-12-15T10:00", reason="menunggu data")
    move(workflow.advance, ids["C"], "2026-12-01T10:00")
    for name, code, when in (("E", "POLHUKAM", "2026-11-16T09:00"), ("F", "KEMNAKER", "2026-11-17T09:00")):
        ids[name] = workflow.open_case(path, code, f"Kasus {name}", at=at(when), now=at(when)).opened[0]
    finish(path, ids["E"], at("2026-11-16T09:00"))
    move(workflow.cancel, ids["F"], "2026-12-02T10:00", reason="digabung dengan kasus E")
    move(workflow.advance, ids["C"], "2026-12-29T10:00", note="akhir tahun")
    move(workflow.resume, ids["B"], "2027-01-06T10:00", reason="data lengkap")
    move(workflow.advance, ids["A"], "2027-01-07T10:00")
    ids["D"] = workflow.open_case(path, "KEMNAKER", "Kasus D", at=at("2027-01-08T09:00"),
                                  now=at("2027-01-08T09:00")).opened[0]
    move(workflow.advance, ids["D"], "2027-01-11T10:00")
    move(workflow.advance, ids["B"], "2027-01-12T10:00", decision=True)
    return ids


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    """(the one-sheet workbook, its copy closed by 'tutup-tahun', the case IDs)."""
    folder = tmp_path_factory.mktemp("riwayat-tahunan")
    single = folder / "satu" / "iku.xlsx"
    single.parent.mkdir()
    init_workbook(single)
    with one_sheet():
        ids = _story(single)
    closed = folder / "tutup" / "iku.xlsx"
    closed.parent.mkdir()
    shutil.copy(single, closed)
    change = workflow.close_history_years(closed, now=CLOSED_AT)
    assert "ke lembar 'Riwayat 2026'" in change.message
    return single, closed, ids


@pytest.fixture
def books(story, tmp_path):
    """Private copies of both workbooks, free to change."""
    single, closed, ids = story
    copies = []
    for source, name in ((single, "satu"), (closed, "tutup")):
        (tmp_path / name).mkdir()
        copies.append(Path(shutil.copy(source, tmp_path / name / "iku.xlsx")))
    return copies[0], copies[1], ids


def rows_of(path: Path, sheet: str) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def plain(entry) -> tuple:
    """A history row's values, not where it stands."""
    return tuple(v for k, v in dataclasses.asdict(entry).items() if k not in ("row", "sheet"))


def by_case(entries) -> dict[str, list[tuple]]:
    found: dict[str, list[tuple]] = {}
    for entry in entries:
        found.setdefault(entry.case_id, []).append(plain(entry))
    return found


def test_closing_the_year_loses_no_row(story):
    single, closed, ids = story
    before, after = read_book(single).history, read_book(closed).history
    assert by_case(after) == by_case(before) and len(after) == len(before)
    # the cases finished in 2026 (E done, F cancelled) move whole; the open ones keep every row, 2026's too
    assert {e.case_id for e in after if e.sheet == "Riwayat 2026"} == {ids["E"], ids["F"]}
    assert {e.case_id for e in after if e.sheet is None} == {ids[n] for n in "ABCD"}
    year_rows, current = rows_of(closed, "Riwayat 2026"), rows_of(closed, "Riwayat")
    assert year_rows[0] == current[0] == rows_of(single, "Riwayat")[0]  # the same header
    assert (len(year_rows) - 1, len(current) - 1) == (18, 11)
    everything = rows_of(single, "Riwayat")[1:]
    assert year_rows[1:] == [r for r in everything if r[1] in (ids["E"], ids["F"])]  # in their order
    assert current[1:] == [r for r in everything if r[1] not in (ids["E"], ids["F"])]
    # the year's sheet is laid out as Riwayat: its own Table over its rows, formats, widths, dropdowns, titles
    workbook = load_workbook(closed)
    riwayat, year = workbook["Riwayat"], workbook["Riwayat 2026"]
    assert {t.name: t.ref for t in year.tables.values()} == {"TabelRiwayat2026": "A1:P19"}
    assert {t.name: t.ref for t in riwayat.tables.values()} == {"TabelRiwayat": "A1:P12"}
    assert year["A2"].number_format == riwayat["A2"].number_format and year["A2"].is_date
    assert [year.column_dimensions[c].width for c in "ABKP"] == [riwayat.column_dimensions[c].width for c in "ABKP"]
    assert year.freeze_panes == "A2"
    assert [dv.formula1 for dv in year.data_validations.dataValidation if dv.type == "list"] == ["DaftarKeputusan"]
    assert year.print_title_rows == "$1:$1"
    assert not year.sheet_view.tabSelected


def test_status_validate_undo_export_and_lacak_answer_as_on_one_sheet(books, tmp_path):
    single, closed, ids = books
    assert case_status(single, now=CLOSED_AT) == case_status(closed, now=CLOSED_AT)
    assert [(f.level, f.sheet, f.cell, f.message) for f in validate_workbook(single).findings] == \
           [(f.level, f.sheet, f.cell, f.message) for f in validate_workbook(closed).findings]
    # export: a month on each side of the new year, read from both layouts
    for month in ("2026-12", "2027-01"):
        one = export_month(single, month, tmp_path / "satu" / month, today=CLOSED_AT.date())
        two = export_month(closed, month, tmp_path / "tutup" / month, today=CLOSED_AT.date())
        assert [plain(e) for e in one.report.history] == [plain(e) for e in two.report.history]
        assert one.report.history, f"the story has moves in {month}"
        for field in ("open_at_start", "open_at_end", "opened", "finished", "on_time", "late", "compliance",
                      "late_per_role", "cases_per_step", "cases_per_status"):
            assert getattr(one.report, field) == getattr(two.report, field), (month, field)
        assert [plain(e) for e in one.report.longest_waits] == [plain(e) for e in two.report.longest_waits]
        assert [(s.case.id_text, s.status, s.step, s.opened) for s in one.report.states] == \
               [(s.case.id_text, s.status, s.step, s.opened) for s in two.report.states]
        for csv in one.files:
            if csv.suffix == ".csv":
                assert csv.read_bytes() == (two.files[one.files.index(csv)]).read_bytes(), csv.name
    # undo of the finished case whose rows stand in last year's sheet; then of one held over the new year
    for case in (ids["E"], ids["B"]):
        with one_sheet():
            one = workflow.undo(single, case, by="Sri", now=CLOSED_AT)
        two = workflow.undo(closed, case, by="Sri", now=CLOSED_AT)
        assert one.message == two.message
        assert [dataclasses.asdict(c) for c in one.cases] == [dataclasses.asdict(c) for c in two.cases]
        assert [plain(e) for e in one.history] == [plain(e) for e in two.history]
    assert rows_of(single, "Kasus") == rows_of(closed, "Kasus")
    # Lacak: as each move left it (only the moved cases' rows), then rebuilt whole from every year
    for code in ("POLHUKAM", "KEMNAKER"):
        assert rows_of(single, f"Lacak {code}") == rows_of(closed, f"Lacak {code}"), code
    with one_sheet():
        workflow.rebuild_tracking(single, now=CLOSED_AT)
    workflow.rebuild_tracking(closed, now=CLOSED_AT)
    for code in ("POLHUKAM", "KEMNAKER"):
        assert rows_of(single, f"Lacak {code}") == rows_of(closed, f"Lacak {code}"), code


def test_the_first_move_of_a_new_year_closes_the_past_one(books):
    single, _, ids = books
    rows_before = rows_of(single, "Riwayat")[1:]
    change = workflow.advance(single, ids["A"], now=CLOSED_AT)
    assert "Riwayat tahun lalu ditutup: 18 baris dari 2 kasus yang selesai pada 2026 ke lembar 'Riwayat 2026'" \
        in change.message
    year_rows, current = rows_of(single, "Riwayat 2026")[1:], rows_of(single, "Riwayat")[1:]
    finished = (ids["E"], ids["F"])
    assert year_rows == [r for r in rows_before if r[1] in finished]
    assert current[:-1] == [r for r in rows_before if r[1] not in finished]
    assert current[-1][:3] == [CLOSED_AT, ids["A"], "Maju"]
    # the next move of the year has nothing to close, and lands after the open cases' rows
    change = workflow.advance(single, ids["D"], decision=True, now=CLOSED_AT + dt.timedelta(hours=1))
    assert "ditutup" not in change.message
    assert len(rows_of(single, "Riwayat 2026")) == 19 and len(rows_of(single, "Riwayat")) == 14
    assert {t.name: t.ref for t in load_workbook(single)["Riwayat"].tables.values()} == {"TabelRiwayat": "A1:P14"}


def test_a_year_without_a_finished_case_is_closed_once(tmp_path):
    """Riwayat keeps every row when no case was finished, and the empty year's sheet spares the later moves a look."""
    path = tmp_path / "iku.xlsx"
    init_workbook(path)
    opened = at("2026-12-01T09:00")
    case = workflow.open_case(path, "POLHUKAM", "Kasus lama", at=opened, now=opened).opened[0]
    workflow.advance(path, case, at=opened + dt.timedelta(hours=2), now=opened + dt.timedelta(hours=2))
    before = rows_of(path, "Riwayat")
    change = workflow.advance(path, case, now=CLOSED_AT)
    assert "Lembar 'Riwayat 2026' dibuat kosong: tidak ada kasus yang selesai pada tahun itu." in change.message
    assert rows_of(path, "Riwayat")[:-1] == before and rows_of(path, "Riwayat 2026")[1:] in ([], [[""] * 16])
    with mock.patch("iku_xl.workbook.history_years._finished_cases", side_effect=AssertionError("looked again")):
        change = workflow.advance(path, case, now=CLOSED_AT + dt.timedelta(hours=1))
    assert "ditutup" not in change.message and "dibuat" not in change.message
    assert [e.case_id for e in read_book(path).history] == [case] * 3  # one move in 2026, two in 2027


def test_closed_years_keep_their_case_ids_taken_and_are_validated(books, capsys):
    _, closed, ids = books
    workbook = load_workbook(closed)
    kasus = workbook["Kasus"]
    row = next(r for r in range(2, kasus.max_row + 1) if kasus.cell(r, 1).value == ids["F"])
    kasus.delete_rows(row)  # a colleague deletes case F, cancelled in 2026: its row stands in Riwayat 2026 only
    workbook.save(closed)
    # a case opened back in 2026 does not take F's ID, which only Riwayat 2026 still names
    opened = workflow.open_case(closed, "POLHUKAM", "Kasus G", at=at("2026-12-30T09:00"), now=CLOSED_AT).opened
    assert opened == ["IKU-2026-006"]
    code, out, _ = run(capsys, "validate", closed)
    assert code == 1  # validate finds the orphan row in the closed year's sheet, at its cell (after E's 17 rows)
    assert "Riwayat 2026!B19 " in out and "Riwayat 2026 mencatat kasus IKU-2026-005 (mulai baris 19)" in out


def test_closing_carries_links_and_formulas_and_opens_in_libreoffice(story, tmp_path, capsys, monkeypatch):
    single = story[0]
    now_at(monkeypatch, CLOSED_AT.isoformat())
    source = tmp_path / "iku.xlsx"
    shutil.copy(single, source)
    workbook = load_workbook(source)  # staff add a link and a formula beside two rows: one moves, one stays
    riwayat = workbook["Riwayat"]
    finished = (story[2]["E"], story[2]["F"])
    e_second = [r for r in range(2, riwayat.max_row + 1) if riwayat.cell(r, 2).value == story[2]["E"]][1]
    first_2027 = next(r for r in range(2, riwayat.max_row + 1) if riwayat.cell(r, 1).value.year == 2027)
    stays_at = 2 + sum(riwayat.cell(r, 2).value not in finished for r in range(2, first_2027))
    riwayat.cell(e_second, 11).hyperlink = "https://jdih.example.go.id/nota-2026"
    riwayat.cell(e_second, 17, f"=O{e_second}/60")
    riwayat.cell(first_2027, 11).hyperlink = "https://jdih.example.go.id/nota-2027"
    riwayat.cell(first_2027, 17, f"=D{first_2027}+1")
    workbook.save(source)
    code, out, _ = run(capsys, "tutup-tahun", source)
    assert code == 0 and "18 baris dari 2 kasus yang selesai pada 2026 ke lembar 'Riwayat 2026'" in out, out
    closed = load_workbook(source)
    year, current = closed["Riwayat 2026"], closed["Riwayat"]
    # E's second row is the year's row 3, its link and formula with it
    assert year["K3"].hyperlink.target == "https://jdih.example.go.id/nota-2026" and year["Q3"].value == "=O3/60"
    # the first 2027 row keeps its place among the open cases' rows, renumbered, its link and formula with it
    assert current[f"K{stays_at}"].hyperlink.target == "https://jdih.example.go.id/nota-2027"
    assert current[f"Q{stays_at}"].value == f"=D{stays_at}+1"
    assert [c.coordinate for r in current.iter_rows() for c in r if c.hyperlink] == [f"K{stays_at}"]
    # LibreOffice opens it, recalculates every formula without an error, and keeps every row and link
    converted = libreoffice_convert(source, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    opened = CalamineWorkbook.from_path(str(converted))
    assert {"Riwayat", "Riwayat 2026"} <= set(opened.sheet_names)
    for name in opened.sheet_names:
        errors = [(name, value) for row in opened.get_sheet_by_name(name).to_python() for value in row
                  if isinstance(value, str) and value.startswith("#") and value.endswith(("!", "?", "/0!", "A"))]
        assert not errors
    again = opened.get_sheet_by_name("Riwayat 2026").to_python()
    assert [r[:16] for r in again] == [r[:16] for r in rows_of(source, "Riwayat 2026")]  # the Table's columns
    assert again[2][16] == again[2][14] / 60  # the moved formula, recalculated on its new row
    kept = opened.get_sheet_by_name("Riwayat").to_python()
    assert kept[stays_at - 1][16] == kept[stays_at - 1][3] + 1
    assert load_workbook(converted)["Riwayat 2026"]["K3"].hyperlink.target == "https://jdih.example.go.id/nota-2026"
    assert [e.case_id for e in read_book(converted).history] == [e.case_id for e in read_book(source).history]


def test_a_moved_row_takes_its_cells_and_formulas_to_its_new_number():
    from iku_xl.workbook.ooxml.sheet_xml import renumbered_row

    # a text that looks like a reference stays as typed
    assert renumbered_row('<row r="15" ht="28"><c r="A15" s="16"><v>4</v></c><c r="B15" t="inlineStr"><is><t>r="A15"'
                          '</t></is></c></row>', 15, 2) == \
        '<row r="2" ht="28"><c r="A2" s="16"><v>4</v></c><c r="B2" t="inlineStr"><is><t>r="A15"</t></is></c></row>'
    assert renumbered_row('<x:row r="9"><x:c r="Q9"><x:f>O9/60+$A$1</x:f></x:c></x:row>', 9, 3) == \
        '<x:row r="3"><x:c r="Q3"><x:f>O3/60+$A$1</x:f></x:c></x:row>'
    # a shared formula spans rows that do not move with this one: the year is not closed rather than broken
    assert renumbered_row('<row r="9"><c r="Q9"><f t="shared" ref="Q9:Q20" si="0">O9/60</f></c></row>', 9, 3) is None


def test_a_case_finished_after_its_year_was_closed_joins_that_year_at_the_next_close(books):
    _, closed, ids = books
    last = finish(closed, ids["C"], at("2026-12-30T08:00"), gap=dt.timedelta(minutes=20))  # dated back, in 2026
    assert last.year == 2026
    assert rows_of(closed, "Riwayat")[-1][:2] == [last, ids["C"]]  # 'Riwayat 2026' is there: nothing closed yet
    change = workflow.close_history_years(closed, now=CLOSED_AT)
    assert "baris dari 1 kasus yang selesai pada 2026 ke lembar 'Riwayat 2026'" in change.message
    year = rows_of(closed, "Riwayat 2026")
    assert {r[1] for r in year[19:]} == {ids["C"]} and year[-1][0] == last
    assert ids["C"] not in {r[1] for r in rows_of(closed, "Riwayat")}
    assert {t.name: t.ref for t in load_workbook(closed)["Riwayat 2026"].tables.values()} == \
           {"TabelRiwayat2026": f"A1:P{len(year)}"}
    undone = workflow.undo(closed, ids["C"], now=CLOSED_AT)  # the case's last move, found in the year's sheet
    assert "status Berjalan" in undone.message


def test_a_finished_case_an_undo_brings_back_is_read_whole_from_riwayat_and_its_year(books, tmp_path):
    single, closed, ids = books
    for path in (single, closed):
        with one_sheet() if path == single else contextlib.nullcontext():
            workflow.undo(path, ids["E"], by="Sri", now=CLOSED_AT)  # E's rows: 17 in Riwayat 2026, the undo in Riwayat
    with FileStore(closed) as store:
        recent = recent_history(store, 2027)
    with FileStore(single) as store:
        whole = store.read_history()
    assert by_case(recent)[ids["E"]] == by_case(whole)[ids["E"]] and len(by_case(recent)[ids["E"]]) == 18
    assert set(by_case(recent)) == set(by_case(whole)) - {ids["F"]}  # F, cancelled in 2026, is not read
    one = export_month(single, "2027-01", tmp_path / "satu", today=CLOSED_AT.date())
    two = export_month(closed, "2027-01", tmp_path / "tutup", today=CLOSED_AT.date())
    assert [(s.case.id_text, s.status, s.step, s.opened) for s in one.report.states] == \
           [(s.case.id_text, s.status, s.step, s.opened) for s in two.report.states]
    assert ids["E"] in [s.case.id_text for s in two.report.states]


def test_a_month_reads_no_closed_year_before_its_own(books, tmp_path):
    """January 2027's export reads Riwayat and no 'Riwayat 2026': the cases finished in 2026 (E, F) closed before
    the month, and it still answers as from one sheet (the test above)."""
    from iku_xl.workbook import reader

    _, closed, ids = books
    read: list[str] = []

    def noting(read_sheet, parameter: str):
        """`read_sheet`, noting which sheet it reads."""
        signature = inspect.signature(read_sheet)

        def wrapped(*args, **kwargs):
            read.append(signature.bind(*args, **kwargs).arguments.get(parameter, "Riwayat"))
            return read_sheet(*args, **kwargs)
        return wrapped

    with mock.patch.object(reader, "scan_history", noting(reader.scan_history, "sheet")), \
            mock.patch.object(reader, "_read_history_with_calamine",
                              noting(reader._read_history_with_calamine, "name")):
        january = export_month(closed, "2027-01", tmp_path / "januari", today=CLOSED_AT.date())
    assert read and set(read) == {"Riwayat"}
    assert {ids["E"], ids["F"]}.isdisjoint(s.case.id_text for s in january.report.states)
    december = export_month(closed, "2026-12", tmp_path / "desember", today=CLOSED_AT.date())
    assert ids["F"] in [s.case.id_text for s in december.report.states]  # cancelled in December: read from 2026


def test_a_riwayat_the_scan_does_not_read_is_closed_the_same(story, tmp_path):
    """Rows whose r= is not their first attribute (as another program may write them): the close holds the
    sheet whole instead of streaming it, and moves the same rows."""
    import re
    import zipfile

    single, closed, _ = story
    odd = tmp_path / "iku.xlsx"
    with zipfile.ZipFile(single) as source, zipfile.ZipFile(odd, "w", zipfile.ZIP_DEFLATED) as target:
        riwayat = _riwayat_part(source)
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == riwayat:
                data, count = re.subn(rb'<row r="(\d+)"', rb'<row customFormat="0" r="\1"', data)
                assert count > 20
            target.writestr(info, data)
    change = workflow.close_history_years(odd, now=CLOSED_AT)
    assert "18 baris dari 2 kasus yang selesai pada 2026 ke lembar 'Riwayat 2026'" in change.message
    for sheet in ("Riwayat", "Riwayat 2026"):
        assert rows_of(odd, sheet) == rows_of(closed, sheet), sheet


def _riwayat_part(archive) -> str:
    from iku_xl.workbook.ooxml.package import Package

    with open(archive.filename, "rb") as handle:
        return Package(handle.read()).sheet_parts()["Riwayat"]
