"""The command line: init, status, usage errors, and the console script itself."""
import json
import subprocess
import sys

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
                     "executor": "", "started": "2026-10-06T09:50", "due": None}
    at_meeting = cases[1]  # step 11 (120 Menit) started 08:51: due two working hours later
    assert (at_meeting["step"], at_meeting["started"], at_meeting["due"]) == (
        11,
        "2026-11-18T08:51",
        "2026-11-18T10:51",
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
    assert code == 0 and out.startswith("7 ")


def test_usage_errors_exit_2_in_indonesian(capsys):
    code, _, err = run(capsys, "validate")
    assert code == 2 and "wajib" in err
    code, _, err = run(capsys, "hapus", "x")
    assert code == 2 and "tidak dikenal" in err


def test_console_module_runs(demo_master):
    done = subprocess.run(
        [sys.executable, "-m", "iku_xl", "validate", str(demo_master)], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0
    assert "POLHUKAM (17 langkah, 5 peran), KEMNAKER (16 langkah, 7 peran)" in done.stdout


def test_shipped_workbook_is_what_init_makes(plain_master):
    """workbook/iku.xlsx must not drift from the code that makes it."""
    from iku_xl.workbook.reader import read_book

    shipped, fresh = read_book(ROOT / "workbook" / "iku.xlsx"), read_book(plain_master)
    assert shipped.sops == fresh.sops
    assert shipped.columns == fresh.columns
