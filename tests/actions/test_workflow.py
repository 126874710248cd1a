"""Cases move through the SOP: open, advance, return, hold, resume, cancel, undo, and the Lacak grid."""
import datetime as dt
import json
import re
import shutil
from dataclasses import asdict

import pytest
from openpyxl import load_workbook

from iku_xl import clock
from iku_xl.workbook.reader import read_book
from tests.helpers import edit, run

START = dt.datetime(2026, 11, 2, 8, 0)  # a Monday


@pytest.fixture
def plain_book(plain_master, tmp_path):
    copy = tmp_path / "iku.xlsx"
    shutil.copy(plain_master, copy)
    return copy


def at(minutes_after_start: int) -> str:
    return (START + dt.timedelta(minutes=minutes_after_start)).strftime("%Y-%m-%dT%H:%M")


def opened(capsys, path, sop="POLHUKAM", title="Penyusunan IKU 2025-2029", when=0) -> str:
    code, out, err = run(capsys, "open", path, "--sop", sop, "--title", title, "--at", at(when))
    assert code == 0, err
    return re.search(r"Kasus (\S+) dibuka", out).group(1)


def case_row(path, case_id):
    return next(c for c in read_book(path).cases if c.id_text == case_id)


def history(path, case_id):
    return [h for h in read_book(path).history if h.case_id == case_id]


def test_open_gives_a_readable_id_at_the_first_step(plain_book, capsys):
    first = opened(capsys, plain_book)
    second = opened(capsys, plain_book, when=5)
    assert (first, second) == ("IKU-2026-001", "IKU-2026-002")
    case = case_row(plain_book, first)
    assert (case.step, case.status, case.executor) == (1, "Berjalan", "Sesmenko")
    assert (case.started, case.due) == (START, START + dt.timedelta(minutes=10))


def test_polhukam_from_first_step_to_the_end(plain_book, capsys):
    case_id = opened(capsys, plain_book)
    for n in range(1, 18):
        code, _out, err = run(capsys, "advance", plain_book, case_id, "--at", at(n * 3), "--by", "Rina")
        assert code == 0, err
    rows = history(plain_book, case_id)
    assert len(rows) == 17
    assert [r.from_step for r in rows] == list(range(1, 18))
    assert [r.to_step for r in rows] == list(range(2, 18)) + [None]
    assert case_row(plain_book, case_id).status == "Selesai"
    code, _, err = run(capsys, "advance", plain_book, case_id, "--at", at(60))
    assert code == 1 and "sudah selesai" in err


def test_kemnaker_tidak_at_step_2_returns_to_step_1(plain_book, capsys):
    case_id = opened(capsys, plain_book, sop="KEMNAKER")
    run(capsys, "advance", plain_book, case_id, "--at", at(30))
    code, out, _ = run(capsys, "advance", plain_book, case_id, "--decision", "tidak", "--at", at(60),
                       "--note", "TOR belum lengkap")
    assert code == 0 and "langkah 1" in out
    case = case_row(plain_book, case_id)
    assert (case.step, case.status, case.executor) == (1, "Dikembalikan", "Kasubag")
    last = history(plain_book, case_id)[-1]
    assert (last.decision, last.from_step, last.to_step, last.note) == ("Tidak", 2, 1, "TOR belum lengkap")
    run(capsys, "advance", plain_book, case_id, "--at", at(90))  # resubmitted
    case = case_row(plain_book, case_id)
    assert (case.step, case.status) == (2, "Berjalan")
    run(capsys, "advance", plain_book, case_id, "--decision", "ya", "--at", at(100))
    assert case_row(plain_book, case_id).step == 3


def unchanged(path, before, capsys, *args, words):
    code, _, err = run(capsys, *args)
    assert code == 1, err
    assert words in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_refusals_leave_the_file_as_it_was(plain_book, capsys):
    polhukam = opened(capsys, plain_book)
    kemnaker = opened(capsys, plain_book, sop="KEMNAKER", when=1)
    run(capsys, "advance", plain_book, kemnaker, "--at", at(10))
    before = plain_book.read_bytes()
    unchanged(plain_book, before, capsys, "advance", plain_book, kemnaker, "--at", at(20), words="--decision ya")
    unchanged(plain_book, before, capsys, "advance", plain_book, polhukam, "--decision", "ya", "--at", at(20),
              words="bukan keputusan")
    unchanged(plain_book, before, capsys, "advance", plain_book, "IKU-2026-099", words="tidak ada di lembar Kasus")
    future = (clock.now() + dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    unchanged(plain_book, before, capsys, "advance", plain_book, polhukam, "--at", future, words="masa depan")
    unchanged(plain_book, before, capsys, "advance", plain_book, polhukam, "--at", "2026-11-01T08:00",
              words="lebih awal dari mulai langkah")
    unchanged(plain_book, before, capsys, "resume", plain_book, polhukam, words="tidak sedang ditunda")
    code, _, err = run(capsys, "advance", plain_book, polhukam, "--at", "kemarin")
    assert code == 2 and "2026-11-23T09:30" in err
    assert plain_book.read_bytes() == before


def test_reschedule_keeps_the_time_a_case_was_on_hold(plain_book, capsys):
    """Recounting on an unchanged calendar changes nothing: the hour on hold still does not count."""
    case_id = opened(capsys, plain_book)
    assert run(capsys, "hold", plain_book, case_id, "--reason", "Menunggu data", "--at", at(2))[0] == 0
    assert run(capsys, "resume", plain_book, case_id, "--at", at(62))[0] == 0
    code, out, err = run(capsys, "reschedule", plain_book)
    assert code == 0 and out.startswith("Semua batas waktu"), out + err
    assert case_row(plain_book, case_id).due == START + dt.timedelta(minutes=70)


def test_reschedule_during_a_hold_leaves_the_running_hold_to_the_resume(plain_book, capsys):
    """A case still on hold is recounted without the hold that is running (resume adds it): no double count."""
    case_id = opened(capsys, plain_book)
    assert run(capsys, "hold", plain_book, case_id, "--reason", "Menunggu data", "--at", at(2))[0] == 0
    code, out, err = run(capsys, "reschedule", plain_book)
    assert code == 0 and out.startswith("Semua batas waktu"), out + err
    assert run(capsys, "resume", plain_book, case_id, "--at", at(62))[0] == 0
    assert case_row(plain_book, case_id).due == START + dt.timedelta(minutes=70)


def test_hold_resume_cancel(plain_book, capsys):
    case_id = opened(capsys, plain_book)
    assert run(capsys, "hold", plain_book, case_id, "--reason", "Menunggu data", "--at", at(2))[0] == 0
    assert case_row(plain_book, case_id).status == "Ditunda"
    code, _, err = run(capsys, "advance", plain_book, case_id, "--at", at(3))
    assert code == 1 and "ditunda" in err
    # resumed 60 working minutes later: those minutes do not count against the 10-minute standard
    assert run(capsys, "resume", plain_book, case_id, "--at", at(62))[0] == 0
    case = case_row(plain_book, case_id)
    assert (case.status, case.due) == ("Berjalan", START + dt.timedelta(minutes=70))
    assert run(capsys, "cancel", plain_book, case_id, "--reason", "Digabung ke kasus lain", "--at", at(70))[0] == 0
    assert case_row(plain_book, case_id).status == "Dibatalkan"
    actions = [(h.action, h.note) for h in history(plain_book, case_id)]
    assert actions == [("Tunda", "Menunggu data"), ("Lanjut", None), ("Batal", "Digabung ke kasus lain")]
    code, _, err = run(capsys, "hold", plain_book, case_id)
    assert code == 2 and "--reason" in err


def test_undo_reverses_the_last_move_and_never_rewrites_history(plain_book, capsys):
    case_id = opened(capsys, plain_book, sop="KEMNAKER")
    run(capsys, "advance", plain_book, case_id, "--at", at(30))
    run(capsys, "advance", plain_book, case_id, "--decision", "tidak", "--at", at(60))
    rows_before = [asdict(h) for h in history(plain_book, case_id)]
    code, out, _ = run(capsys, "undo", plain_book, case_id)
    assert code == 0 and "langkah 2" in out
    case = case_row(plain_book, case_id)
    assert (case.step, case.status, case.started) == (2, "Berjalan", START + dt.timedelta(minutes=30))
    rows_after = history(plain_book, case_id)
    assert [asdict(h) for h in rows_after[:2]] == rows_before
    assert rows_after[2].action == "Urungkan"
    run(capsys, "undo", plain_book, case_id)
    assert (case_row(plain_book, case_id).step, case_row(plain_book, case_id).status) == (1, "Berjalan")
    code, _, err = run(capsys, "undo", plain_book, case_id)
    assert code == 1 and "belum punya perpindahan" in err


def test_row_typed_by_hand_is_opened_by_the_next_write(plain_book, capsys):
    other = opened(capsys, plain_book)
    edit(plain_book, {"Kasus": {"B3": "IKU diketik staf", "C3": "KEMNAKER", "I3": START}})
    code, out, _ = run(capsys, "advance", plain_book, other, "--at", at(5))
    assert code == 0 and "IKU-2026-002" in out
    typed = case_row(plain_book, "IKU-2026-002")
    assert (typed.row, typed.step, typed.status, typed.title, typed.started) == (
        3, 1, "Berjalan", "IKU diketik staf", START)


def test_kasus_row_keeps_overdue_formula_and_table_grows(plain_book, capsys):
    for n in range(3):
        opened(capsys, plain_book, when=n)
    workbook = load_workbook(plain_book)
    kasus = workbook["Kasus"]
    assert kasus.tables["TabelKasus"].ref == "A1:M4"
    assert workbook["Riwayat"].tables["TabelRiwayat"].ref == "A1:P2"
    assert kasus["K4"].value.startswith("=IF(AND(ISNUMBER($J4)")
    assert kasus["I4"].number_format == "dd/mm/yyyy hh:mm"


def test_lacak_shows_dates_counts_lateness_and_current_step(plain_book, capsys):
    case_id = opened(capsys, plain_book, sop="KEMNAKER")
    run(capsys, "advance", plain_book, case_id, "--at", at(30))
    run(capsys, "advance", plain_book, case_id, "--decision", "tidak", "--at", at(60))
    run(capsys, "advance", plain_book, case_id, "--at", at(90))
    polhukam = opened(capsys, plain_book, when=100)
    run(capsys, "advance", plain_book, polhukam, "--at", at(105))  # 10 Menit: on time
    run(capsys, "advance", plain_book, polhukam, "--at", at(200))  # 30 Menit: late
    sheet = load_workbook(plain_book)["Lacak KEMNAKER"]
    assert [c.value for c in sheet[4][:4]] == ["ID Kasus", "Judul", "Status", "1. Kasubag"]
    assert sheet["A5"].value == case_id
    assert sheet["D5"].value == f"{START + dt.timedelta(minutes=90):%d/%m/%Y %H:%M} (2x)"
    assert sheet["E5"].value == "▶ sekarang"
    polhukam_sheet = load_workbook(plain_book)["Lacak POLHUKAM"]
    on_time, late = polhukam_sheet["D5"], polhukam_sheet["E5"]
    assert on_time.value == START + dt.timedelta(minutes=105)
    assert late.fill.fgColor.rgb != on_time.fill.fgColor.rgb
    assert late.fill.fgColor.rgb == polhukam_sheet["C2"].fill.fgColor.rgb  # the legend's 'terlambat'


def test_lacak_is_rebuilt_from_riwayat(plain_book, capsys):
    case_id = opened(capsys, plain_book)
    run(capsys, "advance", plain_book, case_id, "--at", at(5))
    edit(plain_book, {"Lacak POLHUKAM": {"D5": "dihapus", "A6": "sampah"}})
    code, out, _ = run(capsys, "lacak", plain_book)
    assert code == 0 and "POLHUKAM" in out
    sheet = load_workbook(plain_book)["Lacak POLHUKAM"]
    assert sheet["D5"].value == START + dt.timedelta(minutes=5) and sheet["A6"].value is None


def test_history_row_records_standard_duration_and_punctuality(plain_book, capsys):
    case_id = opened(capsys, plain_book)
    run(capsys, "advance", plain_book, case_id, "--at", at(8), "--by", "Budi")
    run(capsys, "advance", plain_book, case_id, "--at", at(90))
    first, second = history(plain_book, case_id)
    assert (first.standard, first.minutes, first.punctuality, first.by, first.role) == (
        "10 Menit",
        8,
        "Tepat Waktu",
        "Budi",
        "Sesmenko",
    )
    assert (second.standard, second.minutes, second.punctuality) == ("30 Menit", 82, "Terlambat")
    _code, out, _ = run(capsys, "validate", plain_book, "--json")
    assert not [i for i in json.loads(out)["issues"] if i["level"] == "error"]
