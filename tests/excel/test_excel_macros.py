"""The macros, on a stand-in for xlwings loaded from the same workbooks the command line uses."""
import datetime as dt
import shutil

import pytest
from openpyxl import load_workbook

from iku_xl.excel import macros
from iku_xl.workbook.reader import read_book
from tests.excel.xlwings_standin import Book
from tests.helpers import ROOT, edit, run

AT = dt.datetime(2026, 11, 20, 11, 0)


@pytest.fixture
def pair(demo_master, tmp_path):
    """Two copies of the demo workbook: one for the command line, one for the macros."""
    cli, excel = tmp_path / "cli" / "iku.xlsx", tmp_path / "excel" / "iku.xlsx"
    for path in (cli, excel):
        path.parent.mkdir()
        shutil.copy(demo_master, path)
    return cli, excel


def panel(book: Book, **values):
    rows = {"action": 3, "note": 4, "by": 5, "at": 6, "month": 7}
    for key, value in values.items():
        book.sheets["Panel"].range((rows[key], 2)).value = value


def sheet_values(path, name):
    return [row for row in load_workbook(path)[name].iter_rows(values_only=True) if any(v is not None for v in row)]


def kasus_row(path, case_id):
    return next(c for c in read_book(path).cases if c.id_text == case_id)


def history_values(path):
    keep = ("time", "case_id", "action", "from_step", "to_step", "decision", "status_before", "status", "role", "by",
            "note", "step_started", "standard", "due", "minutes", "punctuality")
    return [tuple(getattr(h, k) for k in keep) for h in read_book(path).history]


def same_cells(cli, excel):
    a, b = read_book(cli), read_book(excel)
    keep = ("id", "title", "sop", "unit", "step", "activity", "executor", "status", "started", "due", "notes")
    assert [tuple(getattr(c, k) for k in keep) for c in a.cases] == [
        tuple(getattr(c, k) for k in keep) for c in b.cases
    ]
    assert history_values(cli) == history_values(excel)


def test_advance_macro_and_command_leave_the_same_cells(pair, capsys):
    cli, excel = pair
    assert run(capsys, "advance", cli, "IKU-2026-004", "--at", AT.isoformat(), "--by", "Dewi")[0] == 0
    book = Book(excel)
    panel(book, by="Dewi", at=AT)
    book.select("Kasus", 5)  # IKU-2026-004
    message = macros.advance(book)
    assert "langkah 2" in message and book.app.alerts[-1]["mode"] == "info"
    assert book.app.property_calls == [{"screen_updating": False, "calculation": "manual"}]
    book.save()
    same_cells(cli, excel)
    assert sheet_values(cli, "Lacak KEMNAKER") == sheet_values(excel, "Lacak KEMNAKER")


def test_decision_asks_ya_or_tidak(pair, capsys):
    cli, excel = pair
    for path in pair:
        run(capsys, "advance", path, "IKU-2026-004", "--at", AT.isoformat(), "--by", "Dewi")
    run(capsys, "advance", cli, "IKU-2026-004", "--decision", "tidak", "--at", "2026-11-20T11:30", "--by", "Yusuf")
    book = Book(excel)
    panel(book, by="Yusuf", at=dt.datetime(2026, 11, 20, 11, 30))
    book.select("Kasus", 5)
    book.app.answers = ["no"]
    macros.advance(book)
    assert book.app.alerts[0]["buttons"] == "yes_no_cancel" and "Tidak" in book.app.alerts[0]["prompt"]
    book.save()
    same_cells(cli, excel)
    assert kasus_row(excel, "IKU-2026-004").status == "Dikembalikan"


def test_cancelled_question_changes_nothing(pair, capsys):
    _, excel = pair
    run(capsys, "advance", excel, "IKU-2026-004", "--at", AT.isoformat())
    before = history_values(excel)
    book = Book(excel)
    book.select("Kasus", 5)
    book.app.answers = ["cancel"]
    assert "tidak ada yang berubah" in macros.advance(book)
    book.save()
    assert history_values(excel) == before


@pytest.mark.parametrize(
    "action,args,note",
    [
        ("hold", ["--reason", "Menunggu data"], "Menunggu data"),
        ("cancel", ["--reason", "Digabung"], "Digabung"),
    ],
)
def test_hold_and_cancel_macros_match_commands(pair, capsys, action, args, note):
    cli, excel = pair
    assert run(capsys, action, cli, "IKU-2026-003", *args, "--at", AT.isoformat(), "--by", "Staf")[0] == 0
    book = Book(excel)
    panel(book, note=note, by="Staf", at=AT)
    book.select("Kasus", 4)
    getattr(macros, action)(book)
    book.save()
    same_cells(cli, excel)


def test_hold_without_reason_is_refused_with_a_message(pair):
    _, excel = pair
    book = Book(excel)
    book.select("Kasus", 4)
    message = macros.hold(book)
    assert "Isi alasan" in message and book.app.alerts[-1]["mode"] == "critical"


def test_resume_undo_and_return_match_commands(pair, capsys):
    cli, excel = pair
    for path in pair:
        run(capsys, "hold", path, "IKU-2026-003", "--reason", "x", "--at", AT.isoformat(), "--by", "Staf")
    run(capsys, "resume", cli, "IKU-2026-003", "--at", "2026-11-20T12:00", "--by", "Staf")
    book = Book(excel)
    panel(book, by="Staf", at=dt.datetime(2026, 11, 20, 12, 0))
    book.select("Kasus", 4)
    macros.resume(book)
    book.save()
    same_cells(cli, excel)
    run(capsys, "undo", cli, "IKU-2026-003", "--by", "Staf", "--note", "salah")
    book = Book(excel)
    panel(book, by="Staf", note="salah")
    book.select("Kasus", 4)
    macros.undo(book)
    book.save()
    a, b = history_values(cli)[-1], history_values(excel)[-1]
    assert a[1:] == b[1:]  # all but the time, which is 'now' for an undo
    assert kasus_row(cli, "IKU-2026-003").status == kasus_row(excel, "IKU-2026-003").status == "Ditunda"


def test_typed_rows_are_opened(pair, capsys):
    cli, excel = pair
    for path in pair:
        edit(path, {"Kasus": {"B7": "IKU diketik", "C7": "POLHUKAM", "I7": AT}})
    run(capsys, "lacak", cli)  # any write opens typed rows
    book = Book(excel)
    assert "IKU-2026-005" in macros.open_cases(book)
    book.save()
    same_cells(cli, excel)


def test_id_typed_as_number_date_empty_and_error_cells(pair, capsys):
    cli, excel = pair
    for path in pair:
        edit(path, {"Kasus": {"A5": 7, "L4": "#REF!"}})
    code, _, _ = run(capsys, "advance", cli, "7", "--at", AT.isoformat(), "--by", "Dewi")
    assert code == 0
    book = Book(excel)
    panel(book, by="Dewi", at=AT)
    book.select("Kasus", 5)
    assert "Kasus 7 ke langkah 2" in macros.advance(book)
    book.save()
    same_cells(cli, excel)
    # validation reports the #REF! cell in both faces
    book = Book(excel)
    macros.validate(book)
    book.save()
    temuan = sheet_values(excel, "Temuan")
    assert any(r[1] == "Kasus" and r[2] == "L4" and "#REF!" in r[3] for r in temuan)
    assert "Kasus!L4" in run(capsys, "validate", cli)[1]


def test_validate_marks_cells_and_clears_them_next_time(pair):
    _, excel = pair
    edit(excel, {"Kasus": {"H3": "Proses"}})
    workbook = load_workbook(excel)
    original_fill = workbook["Kasus"]["H3"].fill.fgColor.rgb
    book = Book(excel)
    assert "1 galat" in macros.validate(book)
    book.save()
    marked = load_workbook(excel)
    assert marked["Kasus"]["H3"].fill.fgColor.rgb.endswith("FFC7CE")
    assert marked["Kasus"]["H3"].comment.text.startswith("iku-xl:")
    assert any(str(r[4]).startswith("=HYPERLINK(\"#'Kasus'!H3\"") for r in sheet_values(excel, "Temuan")[1:])
    edit(excel, {"Kasus": {"H3": "Berjalan"}})
    book = Book(excel)
    assert "0 galat" in macros.validate(book)
    book.save()
    cleared = load_workbook(excel)["Kasus"]["H3"]
    assert cleared.comment is None and cleared.fill.fgColor.rgb == original_fill


def test_generate_macro_on_a_step_without_documents(pair):
    _, excel = pair
    edit(excel, {"Panel": {"B3": "Buat naskah dinas"}})
    book = Book(excel)
    book.select("Kasus", 2)  # IKU-2026-001 stands at step 17: no document there
    message = macros.run_panel(book)
    assert "0 naskah" in message and "tidak menghasilkan naskah" in message


def test_generate_and_export_macros_write_beside_the_workbook(pair, capsys):
    _, excel = pair
    run(capsys, "open", excel, "--sop", "POLHUKAM", "--title", "Kasus baru")  # at step 1: a lembar disposisi
    book = Book(excel)
    book.select("Kasus", 6)
    message = macros.generate(book)
    assert "1 naskah dibuat" in message
    book.save()
    link = load_workbook(excel)["Kasus"]["M6"]
    assert link.value == "1 naskah" and link.hyperlink.target.endswith("IKU-2026-005")
    assert list((excel.parent / "output" / "IKU-2026-005").glob("Lembar Disposisi*.docx"))
    assert read_book(excel).numbers == []  # a lembar disposisi takes no number of its own
    book = Book(excel)
    panel(book, month="2026-11")
    assert "Ekspor 2026-11" in macros.export(book)
    assert (excel.parent / "output" / "ekspor" / "2026-11" / "ekspor-2026-11.xlsx").exists()


def test_selection_outside_kasus_and_unknown_panel_action(pair):
    _, excel = pair
    book = Book(excel)
    book.select("Riwayat", 2)
    assert "Pilih dulu baris kasus" in macros.advance(book)
    edit(excel, {"Panel": {"B3": "Terbang"}})
    book = Book(excel)
    assert "tidak dikenal" in macros.run_panel(book)


def test_macros_read_and_write_in_blocks(pair):
    _, excel = pair
    book = Book(excel)
    panel(book, by="Dewi", at=AT)
    book.select("Kasus", 5)
    book.reads = book.writes = 0
    macros.advance(book)
    sheets = len(list(book.sheets))
    assert book.reads <= 4 * sheets + 10, book.reads  # whole sheets, a few times: never cell by cell
    assert book.writes <= 40, book.writes


def test_every_panel_action_has_a_macro_and_a_vba_sub():
    vba = (ROOT / "workbook" / "iku_macros.bas").read_text(encoding="utf-8")
    for action in macros.PANEL_ACTIONS.values():
        assert f"m.{action.__name__}()" in vba
    assert "def main" in (ROOT / "workbook" / "iku.py").read_text(encoding="utf-8")
