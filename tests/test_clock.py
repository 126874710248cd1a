"""The program reads "now" in one place, iku_xl.clock, which IKU_XL_NOW sets for tests, rehearsals and replays."""
import ast
import datetime as dt
import re

from iku_xl import clock
from iku_xl.workbook.reader import read_book
from tests.helpers import ROOT, now_at, run


def test_the_command_line_runs_at_the_moment_iku_xl_now_names(demo_book, capsys, monkeypatch):
    now_at(monkeypatch, "2027-01-04T09:15")  # a Monday: a case opened now gets the new year's ID
    code, out, err = run(capsys, "open", demo_book, "--sop", "POLHUKAM", "--title", "Kasus tahun baru")
    assert code == 0, err
    assert re.search(r"Kasus IKU-2027-001 dibuka", out), out
    case = next(c for c in read_book(demo_book).cases if c.id_text == "IKU-2027-001")
    assert case.started == dt.datetime(2027, 1, 4, 9, 15)
    code, _, err = run(capsys, "export", demo_book, "--month", "2027-02")
    assert code == 2 and "belum terjadi" in err  # February 2027 has not happened yet at that moment


def test_a_moment_it_cannot_read_is_one_sentence_and_exit_2(demo_book, capsys, monkeypatch):
    now_at(monkeypatch, "besok pagi")
    before = demo_book.read_bytes()
    code, _, err = run(capsys, "advance", demo_book, "IKU-2026-004")
    assert code == 2 and "IKU_XL_NOW" in err and "2026-11-23T09:30" in err and "Traceback" not in err
    assert demo_book.read_bytes() == before


def test_without_iku_xl_now_the_machine_clock_is_read(monkeypatch):
    monkeypatch.delenv(clock.ENV)
    before = dt.datetime.now().replace(second=0, microsecond=0)
    assert before <= clock.now() <= dt.datetime.now()
    assert clock.today() == clock.now().date()


MACHINE_CLOCK = {("datetime", "now"), ("datetime", "today"), ("datetime", "utcnow"), ("date", "today"),
                 ("time", "time"), ("time", "localtime"), ("time", "gmtime")}


def test_nothing_but_the_clock_module_reads_the_machine_clock():
    readers = []
    for path in sorted((ROOT / "iku_xl").rglob("*.py")):
        if path.name == "clock.py" and path.parent.name == "iku_xl":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, (ast.Attribute, ast.Name))):
                owner = node.func.value.attr if isinstance(node.func.value, ast.Attribute) else node.func.value.id
                if (owner, node.func.attr) in MACHINE_CLOCK:
                    readers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not readers, f"read the time through iku_xl.clock instead: {readers}"
