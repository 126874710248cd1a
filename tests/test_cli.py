"""The command line: init, status, usage errors, and the console script itself."""
import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from tests.helpers import ROOT, edit, run


def test_init_refuses_to_overwrite(demo_book, capsys):
    before = demo_book.read_bytes()
    code, _, err = run(capsys, "init", demo_book)
    assert code == 1 and "sudah ada" in err and "--force" in err
    assert demo_book.read_bytes() == before


def test_init_force_and_demo(tmp_path, capsys):
    path = tmp_path / "baru.xlsx"
    code, out, _ = run(capsys, "init", path, "--demo")
    assert code == 0 and "4 kasus" in out
    code, _, _ = run(capsys, "init", path, "--force")
    assert code == 0
    code, out, _ = run(capsys, "status", path, "--json")
    assert json.loads(out) == []


def test_status_json(demo_master, capsys):
    code, out, _ = run(capsys, "status", demo_master, "--json")
    cases = json.loads(out)
    assert code == 0 and len(cases) == 4
    first = cases[0]
    assert set(first) == {"id", "sop", "step", "status", "executor", "started", "due"}
    assert first == {"id": "IKU-2026-001", "sop": "POLHUKAM", "step": 17, "status": "Selesai",
                     "executor": "", "started": "2026-10-08T09:23", "due": None}
    at_meeting = cases[1]  # step 11 (120 Menit) reached at 08:51; the meeting is on the 20th at 09.00
    assert (at_meeting["step"], at_meeting["started"], at_meeting["due"]) == (
        11,
        "2026-11-18T08:51",
        "2026-11-20T11:00",
    )
    kemnaker = next(c for c in cases if c["id"] == "IKU-2026-003")
    assert kemnaker["due"] is None  # KEMNAKER's Waktu has no number: no due time, not an invented one


def test_status_one_case_and_unknown_case(demo_master, capsys):
    code, out, _ = run(capsys, "status", demo_master, "--case", "IKU-2026-002")
    assert code == 0 and out.count("IKU-") == 1 and "Unit Organisasi terkait" in out
    code, _, err = run(capsys, "status", demo_master, "--case", "IKU-2026-099")
    assert code == 1 and "IKU-2026-099" in err


def test_status_reads_an_id_typed_as_number(demo_book, capsys):
    edit(demo_book, {"Kasus": {"A2": 7}})
    code, out, _ = run(capsys, "status", demo_book, "--case", "7")
    assert code == 0 and out.splitlines()[2].startswith("7 ")


def test_usage_errors_exit_2_in_indonesian(capsys):
    code, _, err = run(capsys, "validate")
    assert code == 2 and "wajib" in err
    code, _, err = run(capsys, "hapus", "x")
    assert code == 2 and "tidak dikenal" in err


def test_console_module_runs_and_delivers_its_whole_output_and_exit_code(demo_master, capsys):
    """The console command leaves the process without tearing it down (cli.run): what it printed arrives
    whole through a pipe, and its exit code stands."""
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}  # as staff run it

    def console(*args):
        return subprocess.run([sys.executable, "-m", "iku_xl", *map(str, args)], capture_output=True, text=True,
                              cwd=ROOT, env=buffered)

    done = console("validate", demo_master)
    assert done.returncode == 0
    assert "POLHUKAM (17 langkah, 5 peran), KEMNAKER (16 langkah, 7 peran)" in done.stdout
    assert (done.returncode, done.stdout) == run(capsys, "validate", demo_master)[:2]  # every line of the report
    refused = console("status", ROOT / "tidak-ada.xlsx")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.startswith("iku-xl: ") and refused.stderr.endswith("\n")


def test_shipped_workbook_is_what_init_makes(tmp_path):
    """workbook/iku.xlsx must not drift from the code that makes it: init run in the year the shipped file was
    made (its Libur and Ramadan dates follow that year) writes every sheet the same."""
    from iku_xl.actions.init import init_workbook
    from iku_xl.core.values import as_moment
    from iku_xl.workbook.reader import read_book

    shipped_path, fresh_path = ROOT / "workbook" / "iku.xlsx", tmp_path / "iku.xlsx"
    shipped = read_book(shipped_path)
    made_in = min(moment.year for day in shipped.days_off if (moment := as_moment(day.date)))
    init_workbook(fresh_path, today=dt.date(made_in, 6, 1))
    fresh = read_book(fresh_path)
    assert shipped.sops == fresh.sops
    assert shipped.columns == fresh.columns
    assert _sheets(shipped_path) == _sheets(fresh_path)  # formats, row heights, cells, days off, settings


def _sheets(path):
    from iku_xl.workbook.reader import open_package

    package = open_package(path)
    return {name: package.read(part) for name, part in package.sheet_parts().items()}


def _walk(parser, path=()):
    import argparse

    for action in parser._actions:  # argparse keeps arguments and subcommands here
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _walk(sub, (*path, name))
        elif not isinstance(action, argparse._HelpAction):
            yield path, action


def test_the_command_line_speaks_indonesian_and_leaves_argparse_to_others(capsys):
    import argparse

    code, _, err = run(capsys, "advance", "iku.xlsx")
    assert code == 2 and "argumen ini wajib diisi: ID_KASUS" in err
    from iku_xl.cli import build_parser

    shown = build_parser().format_help()
    assert shown.startswith("pemakaian: iku-xl") and "\npilihan:\n" in shown and "tampilkan bantuan ini" in shown
    other = argparse.ArgumentParser(prog="lain")  # another program in the same process, pytest for one
    other.add_argument("berkas")
    with pytest.raises(SystemExit):
        other.parse_args([])
    assert "the following arguments are required: berkas" in capsys.readouterr().err


def test_every_option_and_argument_explains_itself():
    from iku_xl.cli import build_parser

    missing = [f"{' '.join(path)} {action.dest}" for path, action in _walk(build_parser())
               if not (action.help or "").strip()]
    assert not missing, missing


@pytest.mark.parametrize("month", ["2026-1", "26-11", "2026/11", "2026-13", "November"])
def test_export_month_must_be_yyyy_mm(demo_book, capsys, month):
    code, _, err = run(capsys, "export", demo_book, "--month", month)
    assert code == 2 and "2026-11" in err, err


def test_status_is_a_table_with_a_header(demo_book, capsys):
    code, out, _ = run(capsys, "status", demo_book)
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:3] == ["ID", "Kasus", "SOP"] and set(lines[1]) <= {"-", " "}
    starts = {line.index("POLHUKAM") for line in lines[2:] if "POLHUKAM" in line}
    assert len(starts) == 1  # the SOP column is aligned, however long the executors are
    assert "tanpa batas waktu" not in out and "batas tanpa" not in out


def test_open_says_what_it_did(demo_book, capsys):
    code, out, _ = run(capsys, "open", demo_book, "--sop", "POLHUKAM", "--title", "IKU baru")
    assert code == 0 and out.startswith("Kasus IKU-2026-005 dibuka di langkah 1") and "pelaksana Sesmenko" in out


def test_oleh_is_the_official_of_the_step_or_the_name_set_once(demo_book, capsys):
    from iku_xl.workbook.reader import read_book

    run(capsys, "advance", demo_book, "IKU-2026-004", "--at", "2026-11-20T11:00")
    kasubag = next(o for o in read_book(demo_book).officials if o.role == "Kasubag")
    assert read_book(demo_book).history[-1].by == kasubag.name
    edit(demo_book, {"Pengaturan": {"B4": "Rina (staf perencanaan)"}})
    assert read_book(demo_book).settings.operator == "Rina (staf perencanaan)"
    run(capsys, "advance", demo_book, "IKU-2026-004", "--decision", "ya", "--at", "2026-11-20T11:30")
    assert read_book(demo_book).history[-1].by == "Rina (staf perencanaan)"
