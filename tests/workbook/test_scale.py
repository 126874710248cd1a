"""Each action reads what it needs once: generate leaves Riwayat packed, open scans its ID column as it is
inflated, reschedule finds every open case's rows in one scan of Riwayat and appends through the sheet's tail, a
save checks only the backup it made. (Timings are in bench/, not here.)"""
from __future__ import annotations

import sys

import pytest
from openpyxl import load_workbook

from iku_xl.workbook.ooxml.package import Package
from iku_xl.workbook.reader import read_book
from tests.helpers import ROOT, run

sys.path.insert(0, str(ROOT / "bench"))


@pytest.fixture(scope="module")
def stress_master(tmp_path_factory):
    from stress import write_stress_workbook  # the bench's own generator, small

    from iku_xl.actions.workflow import close_history_years

    path = write_stress_workbook(tmp_path_factory.mktemp("stress") / "stress.xlsx", cases=60, history=1_200)
    close_history_years(path)  # as a workbook in use stands: 2021-2025 in their 'Riwayat YYYY' sheets, 2026 in Riwayat
    return path


@pytest.fixture
def stress(stress_master, tmp_path):
    copy = tmp_path / "iku.xlsx"
    copy.write_bytes(stress_master.read_bytes())
    return copy


@pytest.fixture
def parts_read(monkeypatch):
    """The names of the parts inflated whole while the test runs."""
    names: list[str] = []
    original = Package.read

    def read(self, name, keep=False):
        names.append(name)
        return original(self, name, keep)

    monkeypatch.setattr(Package, "read", read)
    return names


def save_in_calc(path) -> None:
    import subprocess

    from tests.helpers import soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc")
    out = path.parent / "calc"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{path.parent / 'profile'}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)], check=True, capture_output=True,
                   timeout=300)
    path.write_bytes((out / path.name).read_bytes())


def riwayat_part(path) -> str:
    package = Package(path.read_bytes())
    return package.sheet_parts()["Riwayat"]


@pytest.fixture
def long_sheets(monkeypatch):
    """Every sheet counts as long: appended to through its tail (as a Riwayat of years is)."""
    monkeypatch.setattr("iku_xl.workbook.ooxml.workbook_patch.TAIL_FROM", 0)


@pytest.fixture
def scans(monkeypatch):
    """The names of the parts read in pieces (scanned as they are inflated) while the test runs."""
    names: list[str] = []
    original = Package.pieces

    def pieces(self, name, *args):
        names.append(name)
        return original(self, name, *args)

    monkeypatch.setattr(Package, "pieces", pieces)
    return names


def test_generate_leaves_riwayat_packed_and_open_and_validate_never_inflate_it_whole(stress, parts_read, scans,
                                                                                    tmp_path, capsys):
    part = riwayat_part(stress)
    code, _out, err = run(capsys, "generate", stress, "--case", "IKU-2026-00060", "--doc", "nota_dinas",
                          "--out", tmp_path / "naskah")
    assert code == 0, err
    assert part not in parts_read and part not in scans
    code, _out, err = run(capsys, "open", stress, "--sop", "POLHUKAM", "--title", "Kasus baru")
    assert code == 0, err
    assert part not in parts_read and scans.count(part) == 1  # its ID column, for an ID above every one it names
    assert run(capsys, "validate", stress)[0] in (0, 1)
    assert part not in parts_read and scans.count(part) == 2  # validate too: the IDs Riwayat names
    assert read_book(stress).history[-1].case_id == "IKU-2026-00060"  # Riwayat is as it was
    assert any(c.title == "Kasus baru" for c in read_book(stress).cases)


def test_reschedule_reads_riwayat_in_one_scan_and_every_new_row_keeps_its_formats(stress, long_sheets, parts_read,
                                                                                  scans, capsys):
    part = riwayat_part(stress)
    before = read_book(stress)
    open_ids = [c.id_text for c in before.cases if c.status == "Berjalan"]
    parts_read.clear()
    scans.clear()
    code, _out, err = run(capsys, "reschedule", stress)
    assert code == 0, err
    assert part not in parts_read  # never inflated whole: every open case's rows in one scan
    # and, to append, its top row read (no year to close), its last row found and the rows above it streamed out
    assert scans.count(part) == 1 + 1 + 2
    closed_years = [p for name, p in Package(stress.read_bytes()).sheet_parts().items() if name.startswith("Riwayat ")]
    assert closed_years and not set(closed_years) & set(scans + parts_read)  # the open cases' rows are all in Riwayat
    after = read_book(stress)
    added = after.history[len(before.history):]
    assert sorted(h.case_id for h in added) == sorted(open_ids) and len(open_ids) > 8
    due = {c.id_text: c.due for c in after.cases}  # many Kasus rows rewritten in place, every other one as it was
    assert [c.id_text for c in before.cases if due[c.id_text] != c.due] == open_ids
    assert [c.id_text for c in after.cases] == [c.id_text for c in before.cases]
    sheet = load_workbook(stress)["Riwayat"]
    for entry in added:  # every appended row shows its times as dates, as the rows before it do
        assert sheet.cell(entry.row, 1).number_format == sheet.cell(2, 1).number_format != "General"


def sheet_parts_inflated(path) -> dict[str, bytes]:
    package = Package(path.read_bytes())
    return {name: package.read(part) for name, part in package.sheet_parts().items()}


@pytest.mark.parametrize("formatted_below", [False, True])
def test_appending_through_the_tail_writes_what_the_whole_sheet_writes(stress, tmp_path, monkeypatch, capsys,
                                                                       formatted_below):
    """Riwayat held as its last row only gives the same sheets, byte for byte, as Riwayat held whole; with
    rows below the last entry that hold formats only (a Table made longer), the whole sheet is taken."""
    import zipfile

    if formatted_below:  # two empty rows with the date format below the last entry, as Excel keeps them
        package = Package(stress.read_bytes())
        part = package.sheet_parts()["Riwayat"]
        xml = package.read(part).decode()
        last = len([h for h in read_book(stress).history if h.sheet is None]) + 1  # Riwayat's, not closed years
        style = xml.split(f'<c r="A{last}" s="', 1)[1].split('"', 1)[0]
        rows = "".join(f'<row r="{n}"><c r="A{n}" s="{style}"/></row>' for n in (last + 1, last + 2))
        package.write(part, xml.replace("</sheetData>", rows + "</sheetData>").encode())
        stress.write_bytes(package.to_bytes())
    whole = tmp_path / "whole.xlsx"
    whole.write_bytes(stress.read_bytes())
    moves = [("advance", "IKU-2026-00059"), ("undo", "IKU-2026-00059"), ("advance", "IKU-2026-00058"),
             ("reschedule",)]
    for move in moves:
        assert run(capsys, move[0], whole, *move[1:])[0] == 0
    monkeypatch.setattr("iku_xl.workbook.ooxml.workbook_patch.TAIL_FROM", 0)
    for move in moves:
        assert run(capsys, move[0], stress, *move[1:])[0] == 0
    assert sheet_parts_inflated(stress) == sheet_parts_inflated(whole)
    assert zipfile.ZipFile(stress).testzip() is None  # the streamed part's checksum is right
    history = read_book(stress).history
    assert [h.action for h in history[-3:]] == ["Jadwal Ulang"] * 3
    riwayat = [h for h in history if h.sheet is None]  # not the closed years' rows
    assert all(h.row == n for n, h in enumerate(riwayat, start=2))  # appended after the last entry, no gap


def test_advance_and_undo_read_only_the_case_s_own_rows(stress, capsys):
    code, _out, err = run(capsys, "advance", stress, "IKU-2026-00059")
    assert code == 0, err
    code, _out, err = run(capsys, "undo", stress, "IKU-2026-00059")
    assert code == 0, err
    book = read_book(stress)
    case = next(c for c in book.cases if c.id_text == "IKU-2026-00059")
    own = [h for h in book.history if h.case_id == "IKU-2026-00059"]
    assert [h.action for h in own[-2:]] == ["Maju", "Urungkan"]
    assert case.step == own[-2].from_step


def test_a_save_inflates_no_backup(stress, monkeypatch, capsys):
    import zipfile

    inflated = []
    original = zipfile.ZipFile.testzip
    monkeypatch.setattr(zipfile.ZipFile, "testzip", lambda self: inflated.append(self.filename) or original(self))
    for n in range(7):
        assert run(capsys, "open", stress, "--sop", "KEMNAKER", "--title", f"Kasus {n}")[0] == 0
    backups = sorted((stress.parent / "cadangan").glob("iku-*.xlsx"))
    assert len(backups) == 5 and inflated == []


@pytest.mark.parametrize("month", ["2023-05", "2026-09", "2026-10"])
def test_export_works_on_the_month_s_cases_and_reports_what_the_whole_book_gives(stress_master, month):
    import datetime as dt

    from iku_xl.actions.export import month_book
    from iku_xl.analysis.monthly import month_report
    from iku_xl.core.monthly import parse_month
    from iku_xl.core.office_hours import office_calendar

    book = read_book(stress_master)
    start, end = parse_month(month, dt.date(2026, 12, 1))
    calendar = office_calendar(book.settings, book.days_off)
    reduced = month_book(book, start, end)
    assert len(reduced.cases) < len(book.cases) / 2  # years of finished cases are left out
    whole, month_only = month_report(book, start, end, calendar), month_report(reduced, start, end, calendar)

    def shown(report):
        return (report.open_at_start, report.open_at_end, report.opened, report.finished, report.on_time,
                report.late, [h.row for h in report.history],
                [(s.case.id_text, s.status, s.step) for s in report.states], report.compliance,
                report.late_per_role, report.cases_per_step, report.cases_per_status,
                [h.row for h in report.longest_waits])

    assert shown(month_only) == shown(whole)
    assert whole.open_at_start or whole.history  # the month has something to show


@pytest.mark.parametrize("saved_elsewhere", [False, True])
def test_a_case_s_rows_found_by_the_scan_are_those_the_column_scan_finds(stress, capsys, saved_elsewhere):
    from iku_xl.workbook.file_store import SEARCHED_CASES, FileStore

    if saved_elsewhere:  # saved by Calc, as Excel does: the IDs are shared strings, and new rows inline
        save_in_calc(stress)
        assert 't="s"' in Package(stress.read_bytes()).read(riwayat_part(stress)).decode()
    # a note naming another case, and an ID that holds another as its beginning, must not confuse the search
    assert run(capsys, "advance", stress, "IKU-2026-00060", "--note", "lihat IKU-2026-00059")[0] == 0
    wanted = ["IKU-2026-00059", "IKU-2026-00060", "IKU-2026-0006", "IKU-2021-00001"]
    searched, scanned = {}, {}
    for case_id in wanted:  # an action that moves one case, each time
        with FileStore(stress) as store:
            searched[case_id] = store.case_history(case_id)
            assert store._case_offsets is None and SEARCHED_CASES >= 1  # scanned: the sheet was not held
            # the years before 2026 are closed: a case's rows there are read from their sheets too
            closed = [e for e in read_book(stress).history if e.sheet and e.case_id == case_id]
            scanned[case_id] = closed + store._read_rows(store._rows_by_case().get(case_id, []))
    assert searched == scanned
    assert {e.sheet for e in searched["IKU-2021-00001"]} == {"Riwayat 2021"}
    assert [len(searched[c]) for c in wanted] == [20, 21, 0, 20]


def test_the_riwayat_scan_reads_what_calamine_reads(stress):
    """The streamed scan of Riwayat gives the entries (and the cells it could not read) that calamine's read
    gives, hostile cells included; a subset of its columns, or of its cases, is that part of the whole."""
    import datetime as dt

    from iku_xl.core.tracking import TRACKED_FIELDS
    from iku_xl.workbook.reader import (
        _read_history_with_calamine,
        open_package,
        read_history,
        scan_history,
        start_history_read,
    )

    package = Package(stress.read_bytes())
    part = package.sheet_parts()["Riwayat"]
    sheet = package.sheet("Riwayat")
    styles = {column: cell.style for column, cell in sheet.cells(2).items()}
    last = sheet.last_row()
    typed = {  # a date typed as text, a step typed as a word, spaces around an ID, XML's own characters
        last + 1: {1: "kemarin", 2: "  IKU-2026-00001 ", 3: "Maju", 4: "dua", 11: "A & B <c> _x000D_ \"t\""},
        last + 2: {1: dt.datetime(2026, 11, 2), 2: "IKU-2026-00002", 11: "baris\ndua", 15: 12.5},
        last + 3: {11: "   "},  # only spaces: not an entry
        last + 4: {2: "IKU-2026-00003", 5: 3, 9: "Kabag"},
    }
    for row, cells in typed.items():
        for column, value in cells.items():
            sheet.set(row, column, value, styles.get(column))
    package.write(part, sheet.to_bytes())
    stress.write_bytes(package.to_bytes())

    from iku_xl.core import layout

    package = open_package(stress)
    sheets = layout.history_sheets(package.sheet_parts())  # the closed years, then Riwayat

    def scan(book, **asked):
        return [e for name in sheets for e in scan_history(book, package, sheet=name, **asked)]

    scanned, read = read_book(stress, history=False), read_book(stress, history=False)
    entries = scan(scanned)
    assert entries == [e for name in sheets for e in _read_history_with_calamine(read, package, name)]
    assert read_history(read_book(stress, history=False), package) == entries  # read whole: by calamine
    assert scanned.unread == read.unread and len(read.unread) == 3  # kemarin, dua, 12.5 minutes
    ahead = read_book(stress, history=False)  # export's read of Riwayat, begun in a thread as the store opens
    assert read_history(ahead, package, ahead=start_history_read(package)) == entries
    assert ahead.unread == read.unread
    assert [e.row for e in entries[-3:]] == [last + 1, last + 2, last + 4]
    assert entries[-3].case_id == "IKU-2026-00001" and entries[-3].note == typed[last + 1][11]
    some = scan(read_book(stress, history=False), fields=TRACKED_FIELDS)
    assert [(e.row, e.time, e.case_id, e.action, e.from_step, e.punctuality, e.note) for e in some] == \
        [(e.row, e.time, e.case_id, e.action, e.from_step, e.punctuality, None) for e in entries]
    assert read_history(read_book(stress, history=False), package, fields=TRACKED_FIELDS) == some  # by calamine
    wanted = {"IKU-2026-00001", "IKU-2026-00003"}
    assert read_history(scanned, package, keep=lambda value: str(value).strip() in wanted) == \
        [e for e in entries if e.case_id in wanted]


def test_a_riwayat_written_in_the_action_is_read_as_it_now_stands(stress):
    """Calamine reads the workbook's bytes as they were read; a Riwayat the action has written to since is
    read from what was written (the scan), whatever columns are asked for."""
    from iku_xl.core.tracking import TRACKED_FIELDS
    from iku_xl.workbook.reader import open_package, read_history

    package = open_package(stress)
    sheet = package.sheet("Riwayat")
    last = sheet.last_row()
    sheet.set(last + 1, 2, "IKU-2026-00999")
    sheet.set(last + 1, 3, "Maju")
    package.write(package.sheet_parts()["Riwayat"], sheet.to_bytes())
    for fields in (None, TRACKED_FIELDS):
        entries = read_history(read_book(stress, history=False), package, fields=fields)
        assert (entries[-1].row, entries[-1].case_id, entries[-1].action) == (last + 1, "IKU-2026-00999", "Maju")
