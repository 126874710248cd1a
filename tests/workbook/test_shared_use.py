"""The workbook is shared: runs at once both land, a killed save breaks nothing, a workbook someone
has open or just saved is not overwritten, and backups are kept."""
import select
import signal
import subprocess
import sys

import pytest

from iku_xl.actions import workflow
from iku_xl.errors import ChangedOnDisk
from iku_xl.workbook.reader import read_book
from tests.helpers import ROOT, edit, run


def cli(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "iku_xl", *map(str, args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_runs_at_once_both_land(demo_book):
    for round_ in range(2):
        decision = ("--decision", "ya") if round_ else ()
        first = cli("advance", demo_book, "IKU-2026-004", *decision, "--at", f"2026-11-20T1{round_ + 1}:00")
        second = cli("hold", demo_book, "IKU-2026-003", "--reason", f"rapat {round_}") if round_ == 0 else \
            cli("resume", demo_book, "IKU-2026-003")
        outputs = [p.communicate(timeout=120) for p in (first, second)]
        assert (first.returncode, second.returncode) == (0, 0), outputs
    book = read_book(demo_book)
    moves = [(h.case_id, h.action) for h in book.history[-4:]]
    assert sorted(moves) == sorted([("IKU-2026-004", "Maju"), ("IKU-2026-004", "Maju"),
                                    ("IKU-2026-003", "Tunda"), ("IKU-2026-003", "Lanjut")])


@pytest.mark.parametrize("point,step", [("backup_written", 11), ("half_written", 11), ("before_rename", 11),
                                        ("after_rename", 12)])
def test_a_save_killed_inside_leaves_a_readable_workbook(demo_book, capsys, point, step):
    """The run is killed (SIGKILL: no clean-up runs) at a point inside the save that a hook signals: the
    workbook reads, as before the move or after it, and the next run is not locked out."""
    original = demo_book.read_bytes()
    process = subprocess.Popen([sys.executable, "-m", "tests.workbook.save_hook", point, "advance", demo_book,
                                "IKU-2026-002", "--at", "2026-11-18T10:40"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready, _, _ = select.select([process.stdout], [], [], 120)
    reached = process.stdout.readline().strip() if ready else ""
    process.send_signal(signal.SIGKILL)
    _, err = process.communicate(timeout=60)
    assert reached == point, err  # the hook ran inside the save...
    assert process.returncode == -signal.SIGKILL  # ...and the kill landed there, not after the run ended
    book = read_book(demo_book)
    assert next(c.step for c in book.cases if c.id_text == "IKU-2026-002") == step
    if step == 11:
        assert demo_book.read_bytes() == original
    code, _, err = run(capsys, "advance", demo_book, "IKU-2026-002", "--at", "2026-11-18T11:30")
    assert code == 0, err


def excel_owner_file(path, user: str):
    data = bytes([len(user)]) + user.encode("cp1252")
    data = data.ljust(54, b" ") + user.encode("utf-16-le")
    owner = path.with_name(f"~${path.name}")
    owner.write_bytes(data.ljust(165, b"\x00"))
    return owner


def test_workbook_open_in_excel_is_not_written(demo_book, capsys):
    excel_owner_file(demo_book, "Budi Santoso")
    before = demo_book.read_bytes()
    code, _, err = run(capsys, "advance", demo_book, "IKU-2026-004")
    assert code == 1 and "Excel" in err and "Budi Santoso" in err
    assert demo_book.read_bytes() == before


def test_workbook_open_in_libreoffice_is_not_written(demo_book, capsys):
    lock = demo_book.with_name(f".~lock.{demo_book.name}#")
    lock.write_text(f",Siti Aminah,PC-PERENCANAAN,23.11.2026 10:00,file://{demo_book};", encoding="utf-8")
    before = demo_book.read_bytes()
    code, _, err = run(capsys, "open", demo_book, "--sop", "POLHUKAM", "--title", "x")
    assert code == 1 and "LibreOffice" in err and "Siti Aminah" in err and "PC-PERENCANAAN" in err
    assert demo_book.read_bytes() == before


def test_a_file_saved_by_someone_else_meanwhile_is_not_overwritten(demo_book):
    def someone_saves_in_excel(book, calendar, now, change):
        edit(demo_book, {"Kasus": {"L2": "disimpan rekan"}})  # a colleague saves while the move is made
        change.history.append(book.history[0])

    with pytest.raises(ChangedOnDisk):
        workflow.apply_change(demo_book, someone_saves_in_excel)
    assert read_book(demo_book).cases[0].notes == "disimpan rekan"


def test_backups_keep_the_last_versions(demo_book, capsys):
    versions = []
    for n in range(7):
        versions.append(demo_book.read_bytes())
        assert run(capsys, "open", demo_book, "--sop", "POLHUKAM", "--title", f"Kasus {n}")[0] == 0
    backups = sorted((demo_book.parent / "cadangan").glob("iku-*.xlsx"))
    assert len(backups) == 5
    assert [b.read_bytes() for b in backups] == versions[-5:]


def test_a_refused_save_says_so_and_leaves_the_file(demo_book, capsys, monkeypatch):
    import contextlib

    import iku_xl.workbook.shared_file as shared_file

    @contextlib.contextmanager
    def read_only_folder(path):
        raise PermissionError(13, "Permission denied")
        yield  # pragma: no cover

    monkeypatch.setattr(shared_file, "atomic_output", read_only_folder)
    before = demo_book.read_bytes()
    code, _, err = run(capsys, "advance", demo_book, "IKU-2026-004")
    assert code == 1 and "tidak bisa disimpan" in err and "Traceback" not in err
    assert demo_book.read_bytes() == before


def test_a_missing_workbook_is_exit_2(tmp_path, capsys):
    code, _, err = run(capsys, "advance", tmp_path / "hilang.xlsx", "IKU-2026-001")
    assert code == 2 and "hilang.xlsx tidak ada" in err
