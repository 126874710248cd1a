"""Calls to the application per macro, on a small and on a large workbook open in LibreOffice Calc.

Every engine call is a round trip to Excel (COM on Windows, AppleScript on macOS: a thousand take seconds
to minutes). An action reads each sheet in one block and writes values, fills and notes in blocks, so
what it costs must not grow with the cases, findings or rows of the workbook: the same actions on the demo
workbook with 20 and with 600 more cases (and a finding in each) make the same number of calls.
"""
import datetime as dt

import pytest

from iku_xl.excel import macros
from iku_xl.excel.findings_sheet import NOTES_AT_MOST
from tests.calc.live import LiveWorkbook
from tests.helpers import edit

AT = dt.datetime(2026, 11, 20, 11, 0)
FIRST_TYPED = 7  # below the demo's cases, a row left empty between


def typed_cases(count: int) -> dict:
    cells: dict = {}
    for row in range(FIRST_TYPED, FIRST_TYPED + count):
        cells[f"B{row}"], cells[f"C{row}"], cells[f"I{row}"] = f"IKU {row}", ("POLHUKAM", "KEMNAKER")[row % 2], AT
    return cells


def action_calls(calc, path, cases: int) -> dict[str, int]:
    """Each action's engine calls on the demo workbook with `cases` typed cases, each then given a finding."""
    edit(path, {"Kasus": typed_cases(cases)})
    workbook = LiveWorkbook(calc, path)
    calls: dict[str, int] = {}

    def count(name, action, *fine):
        start = workbook.calls
        message = action(workbook.book)
        calls[name] = workbook.calls - start
        assert workbook.app.alerts[-1]["mode"] == "info", message
        assert all(text in message for text in fine), message

    try:
        count("open the typed cases", macros.open_cases, f"{cases} kasus dibuka")
        kasus = workbook.sheet("Kasus")
        last = FIRST_TYPED + cases - 1
        kasus.range((FIRST_TYPED, 8), (last, 8)).value = [["Proses"]] * cases  # a status no SOP has: a galat each
        count("validate", macros.validate, f"{cases} galat")
        count("validate again (marks taken back and put again)", macros.validate, f"{cases} galat")
        assert kasus.range((last, 8)).color == (255, 199, 206)
        kasus.range((FIRST_TYPED, 8), (last, 8)).value = [["Berjalan"]] * cases
        count("validate once fixed (marks taken back)", macros.validate)
        assert kasus.range((last, 8)).color is None and kasus.range((FIRST_TYPED, 8)).note is None
        count("rebuild Lacak", macros.rebuild_tracking)
        workbook.panel(by="Dewi", at=AT)
        workbook.select("A5")  # IKU-2026-004, in the demo
        count("advance", macros.advance, "langkah 2")
        count("undo", macros.undo)
        workbook.select(f"A{FIRST_TYPED}:A{FIRST_TYPED + 2}")  # three of the typed cases, moved now
        workbook.panel(at=None)
        count("advance three cases", macros.advance)
        workbook.panel(note="Menunggu data")
        count("hold three cases", macros.hold)
        workbook.panel(note="Data lengkap")
        count("resume three cases", macros.resume)
        workbook.panel(note="Salah buka")
        workbook.select(f"A{last}")
        count("cancel", macros.cancel)
        workbook.select("A5")
        count("generate", macros.generate, "naskah dibuat")
        workbook.panel(month="2026-11")
        count("export", macros.export, "Ekspor 2026-11")
    finally:
        workbook.close()
    return calls


@pytest.fixture
def two_sizes(demo_master, tmp_path):
    import shutil

    paths = []
    for name in ("small", "large"):
        path = tmp_path / name / "iku.xlsx"
        path.parent.mkdir()
        shutil.copy(demo_master, path)
        paths.append(path)
    return paths


def test_engine_calls_do_not_grow_with_cases_and_findings(calc, two_sizes):
    small_path, large_path = two_sizes
    small = action_calls(calc, small_path, 20)
    large = action_calls(calc, large_path, 600)
    grown = {name: (small[name], large[name]) for name in small if large[name] > small[name]}
    assert not grown, f"calls (20 cases, 600 cases) that grew: {grown}; all: {small} / {large}"
    assert small["validate"] < 300, small  # a few calls per sheet, and the notes on the first cells only
    assert NOTES_AT_MOST <= 20  # the small workbook fills the quota of notes already


def test_fills_of_many_findings_are_kept_and_put_back(calc, demo_book):
    """Fills read a union range at a time, halved where they differ: each cell's own fill is still kept on
    Temuan and put back, and a cell the program noted loses only its note."""
    edit(demo_book, {"Kasus": typed_cases(40)})
    workbook = LiveWorkbook(calc, demo_book)
    try:
        macros.open_cases(workbook.book)
        kasus = workbook.sheet("Kasus")
        own = {9: (221, 235, 247), 10: (221, 235, 247), 31: (198, 239, 206), 44: (255, 255, 0)}
        for row, colour in own.items():
            kasus.range((row, 8)).color = colour
        kasus.range((13, 8)).add_note("Catatan staf")
        rows = list(range(FIRST_TYPED, FIRST_TYPED + 40, 2)) + [44]  # every other case, and one next to a fill
        for row in rows:
            kasus.range((row, 8)).value = "Proses"
        start = workbook.calls
        assert f"{len(rows)} galat" in macros.validate(workbook.book)
        assert workbook.calls - start < 200
        temuan = workbook.sheet("Temuan").range("A1").expand().options(ndim=2).value
        kept = {int(r[2][1:]): r[5] for r in temuan[1:] if r[1] == "Kasus" and r[2].startswith("H")}
        assert kept == {row: ("rgb({},{},{})".format(*own[row]) if row in own else None) for row in rows}, kept
        assert all(kasus.range((row, 8)).color == (255, 199, 206) for row in rows)
        assert kasus.range((10, 8)).color == (221, 235, 247)  # not a finding: untouched
        noted = [r[6] for r in temuan[1:]]
        assert noted.count("ya") == NOTES_AT_MOST == sum(kasus.range((row, 8)).note is not None for row in rows)
        for row in rows:
            kasus.range((row, 8)).value = "Berjalan"
        macros.validate(workbook.book)
        assert {row: kasus.range((row, 8)).color for row in rows} == {row: own.get(row) for row in rows}
        assert kasus.range((13, 8)).note.text == "Catatan staf"
        assert all(kasus.range((row, 8)).note is None for row in rows if row != 13)
    finally:
        workbook.close()
