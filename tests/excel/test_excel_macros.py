"""The macros through the real xlwings package, on the workbook open in a running LibreOffice Calc.

Calc converts dates by number format, computes formulas and parses written strings as if typed, as
Excel does; each test compares what the macro left with what the command line leaves, or with what a
person would check in the sheet.
"""
import datetime as dt
import shutil

import pytest
from openpyxl import load_workbook

from iku_xl.excel import macros
from iku_xl.workbook.reader import read_book
from tests.calc.harness import error_cells_after_recalculation
from tests.calc.live import LiveWorkbook
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


@pytest.fixture
def live(calc):
    """Open a workbook in Calc; whatever a test leaves open is closed after it."""
    opened: list[LiveWorkbook] = []

    def open_workbook(path) -> LiveWorkbook:
        opened.append(LiveWorkbook(calc, path))
        return opened[-1]

    yield open_workbook
    for workbook in opened:
        workbook.close()


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


def lacak_values(path, name):
    """A Lacak sheet's cells, numbers as numbers whichever way the application stored them."""
    return [tuple(float(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in row)
            for row in sheet_values(path, name)]


def test_advance_macro_and_command_leave_the_same_cells(pair, capsys, live):
    cli, excel = pair
    assert run(capsys, "advance", cli, "IKU-2026-004", "--at", AT.isoformat(), "--by", "Dewi")[0] == 0
    workbook = live(excel)
    workbook.panel(by="Dewi", at=AT)
    workbook.select("A5")  # IKU-2026-004
    message = macros.advance(workbook.book)
    assert "langkah 2" in message and workbook.app.alerts[-1]["mode"] == "info"
    assert workbook.app.screen_updating and workbook.app.calculation == "automatic"  # put back afterwards
    workbook.save()
    same_cells(cli, excel)
    assert lacak_values(cli, "Lacak KEMNAKER") == lacak_values(excel, "Lacak KEMNAKER")


def test_kasus_formulas_compute_in_the_application_after_the_command_line_wrote(pair, capsys, live):
    """The Terlambat column is a formula copied to each new row: Calc must compute it, not show an error."""
    cli, _ = pair
    run(capsys, "advance", cli, "IKU-2026-004", "--at", AT.isoformat(), "--by", "Dewi")
    for title in ("Kasus baru", "Kasus lain"):  # each new row takes the formula of the row above
        run(capsys, "open", cli, "--sop", "POLHUKAM", "--title", title)
    workbook = live(cli)
    kasus = workbook.sheet("Kasus")
    kasus.range("J6").value = dt.datetime(2000, 1, 3, 8, 0)  # due long ago, whatever the computer's date
    kasus.range("J7").value = dt.datetime(2999, 1, 4, 8, 0)  # due far ahead
    flags = kasus.range("K2:K7").options(ndim=1, err_to_str=True).value
    assert not [f for f in flags if isinstance(f, str) and f.startswith("#")], flags
    assert flags[4:] == ["Ya", None]
    machine = dt.datetime.now()  # the sheet's NOW() is the computer's clock (IKU_XL_NOW is the program's)
    rows = zip(kasus.range("H2:H5").options(ndim=1).value, kasus.range("J2:J5").options(ndim=1).value)
    assert [flag or None for flag in flags[:4]] == [
        "Ya" if isinstance(due, dt.datetime) and due < machine and status in ("Berjalan", "Dikembalikan") else None
        for status, due in rows]
    assert macros.validate(workbook.book).startswith("Tidak ada galat")


def test_decision_asks_ya_or_tidak(pair, capsys, live):
    cli, excel = pair
    for path in pair:
        run(capsys, "advance", path, "IKU-2026-004", "--at", AT.isoformat(), "--by", "Dewi")
    run(capsys, "advance", cli, "IKU-2026-004", "--decision", "tidak", "--at", "2026-11-20T11:30", "--by", "Yusuf")
    workbook = live(excel)
    workbook.panel(by="Yusuf", at=dt.datetime(2026, 11, 20, 11, 30))
    workbook.select("A5")
    workbook.app.answers = ["no"]
    macros.advance(workbook.book)
    assert workbook.app.alerts[0]["buttons"] == "yes_no_cancel" and "Tidak" in workbook.app.alerts[0]["prompt"]
    workbook.save()
    same_cells(cli, excel)
    assert kasus_row(excel, "IKU-2026-004").status == "Dikembalikan"


def test_cancelled_question_changes_nothing(pair, capsys, live):
    _, excel = pair
    run(capsys, "advance", excel, "IKU-2026-004", "--at", AT.isoformat())
    before = history_values(excel)
    workbook = live(excel)
    workbook.select("A5")
    workbook.app.answers = ["cancel"]
    message = macros.advance(workbook.book)
    assert "keputusan tidak dipilih" in message and "dibatalkan" not in message, message
    workbook.save()
    assert history_values(excel) == before


@pytest.mark.parametrize(
    "action,chosen,args,note",
    [
        ("hold", "Tunda", ["--reason", "Menunggu data"], "Menunggu data"),
        ("cancel", "Batalkan", ["--reason", "Digabung"], "Digabung"),
    ],
)
def test_hold_and_cancel_chosen_on_the_panel_match_commands(pair, capsys, live, action, chosen, args, note):
    cli, excel = pair
    assert run(capsys, action, cli, "IKU-2026-003", *args, "--at", AT.isoformat(), "--by", "Staf")[0] == 0
    workbook = live(excel)
    workbook.panel(action=chosen, note=note, by="Staf", at=AT)
    workbook.select("A4")
    macros.run_panel(workbook.book)
    workbook.save()
    same_cells(cli, excel)


def test_hold_without_reason_is_refused_with_a_message(pair, live):
    _, excel = pair
    workbook = live(excel)
    workbook.select("A4")
    message = macros.hold(workbook.book)
    assert "Isi alasan" in message and workbook.app.alerts[-1]["mode"] == "critical"


def test_resume_and_undo_chosen_on_the_panel_match_commands(pair, capsys, live):
    cli, excel = pair
    for path in pair:
        run(capsys, "hold", path, "IKU-2026-003", "--reason", "x", "--at", AT.isoformat(), "--by", "Staf")
    run(capsys, "resume", cli, "IKU-2026-003", "--at", "2026-11-20T12:00", "--by", "Staf")
    workbook = live(excel)
    workbook.panel(action="Lanjutkan", by="Staf", at=dt.datetime(2026, 11, 20, 12, 0))
    workbook.select("A4")
    macros.run_panel(workbook.book)
    workbook.save()
    same_cells(cli, excel)
    run(capsys, "undo", cli, "IKU-2026-003", "--by", "Staf", "--note", "salah")
    workbook = live(excel)
    workbook.panel(action="Urungkan perpindahan terakhir", by="Staf", note="salah")
    workbook.select("A4")
    macros.run_panel(workbook.book)
    workbook.save()
    a, b = history_values(cli)[-1], history_values(excel)[-1]
    assert a[1:] == b[1:]  # all but the time, which is 'now' for an undo
    assert kasus_row(cli, "IKU-2026-003").status == kasus_row(excel, "IKU-2026-003").status == "Ditunda"


def test_typed_rows_are_opened(pair, capsys, live):
    cli, excel = pair
    for path in pair:
        edit(path, {"Kasus": {"B7": "IKU diketik", "C7": "POLHUKAM", "I7": AT}})
    run(capsys, "lacak", cli)  # any write opens typed rows
    workbook = live(excel)
    assert "IKU-2026-005" in macros.open_cases(workbook.book)
    workbook.save()
    same_cells(cli, excel)


def test_id_typed_as_number_and_error_cells(pair, capsys, live):
    cli, excel = pair
    for path in pair:
        edit(path, {"Kasus": {"A5": 7, "L4": "=1/0"}})
    code, _, _ = run(capsys, "advance", cli, "7", "--at", AT.isoformat(), "--by", "Dewi")
    assert code == 0
    workbook = live(excel)
    workbook.panel(by="Dewi", at=AT)
    workbook.select("A5")
    assert "Kasus 7 ke langkah 2" in macros.advance(workbook.book)
    macros.validate(workbook.book)  # the error cell, as Calc computes it, is reported
    temuan = workbook.sheet("Temuan").range("A1").expand().options(ndim=2).value
    assert any(r[1] == "Kasus" and r[2] == "L4" and "#DIV/0!" in r[3] for r in temuan), temuan
    workbook.save()
    same_cells(cli, excel)
    assert "Kasus!L4" in run(capsys, "validate", excel)[1]  # Calc saved the error it computed


def test_validate_marks_cells_keeps_their_fill_as_text_and_puts_it_back(pair, live):
    _, excel = pair
    edit(excel, {"Kasus": {"H3": "Proses"}})
    workbook = live(excel)
    kasus = workbook.sheet("Kasus")
    kasus.range("H3").color = (221, 235, 247)
    assert "1 galat" in macros.validate(workbook.book)
    assert kasus.range("H3").color == (255, 199, 206)
    assert kasus.range("H3").note.text.startswith("iku-xl:")
    temuan = workbook.sheet("Temuan").range("A1").expand().options(ndim=2).value
    kept = next(r[5] for r in temuan if r[2] == "H3")
    assert kept == "rgb(221,235,247)"  # text: "221,235,247" would be read back as 221235247
    workbook.save()
    assert any(str(r[4]).startswith("=HYPERLINK(\"#'Kasus'!H3\"") for r in sheet_values(excel, "Temuan")[1:])
    edit(excel, {"Kasus": {"H3": "Berjalan"}})
    workbook = live(excel)
    assert macros.validate(workbook.book).startswith("Tidak ada galat")
    cell = workbook.sheet("Kasus").range("H3")
    assert cell.note is None and cell.color == (221, 235, 247)


def test_temuan_links_compute_in_calc_and_are_never_findings_themselves(pair, live, calc):
    """Temuan's "Buka" links are formulas Calc computes at once and after save/reopen; a second run lists the
    same findings (a link cell shown as an error would be reported again and the list would grow each run)."""
    _, excel = pair
    edit(excel, {"Kasus": {"H3": "Proses", "H4": "Selesaii"}})
    workbook = live(excel)
    first = macros.validate(workbook.book)
    temuan = workbook.document.Sheets.getByName("Temuan")
    rows = workbook.sheet("Temuan").range("A1").expand().options(ndim=2).value[1:]
    assert ["Kasus", "H3"] in [r[1:3] for r in rows]
    assert [r[4] for r in rows] == [f"{r[1]}!{r[2]}" for r in rows]  # each link shows its cell, none an error
    assert temuan.queryFormulaCells(4).Count == 0  # com.sun.star.sheet.FormulaResult.ERROR
    for sheet in ("Temuan", "Panel"):  # an error on the program's own sheets is not a finding
        workbook.sheet(sheet).range("H2").value = "=1/0"
    assert macros.validate(workbook.book) == first and "2 galat" in first, first
    for sheet in ("Temuan", "Panel"):
        workbook.sheet(sheet).range("H2").clear_contents()
    workbook.save()
    assert [c for c in error_cells_after_recalculation(calc, excel) if c.startswith("Temuan")] == []
    workbook = live(excel)
    assert macros.validate(workbook.book) == first


def test_validate_uses_a_temuan_sheet_renamed_in_lower_case(pair, live):
    """Excel refuses a second sheet that differs in case only: the program must find 'temuan' itself."""
    _, excel = pair
    edit(excel, {"Kasus": {"H3": "Proses"}})
    workbook = live(excel)
    workbook.book.sheets.add("temuan")
    sheets = len(workbook.book.sheets)
    macros.validate(workbook.book)
    assert len(workbook.book.sheets) == sheets
    assert "H3" in workbook.sheet("temuan").range("C1:C50").value


def test_free_text_is_written_as_typed_text(pair, capsys, live):
    """Calc and Excel parse a written string as if typed: "1/2" becomes a date, "- revisi" a formula."""
    _, excel = pair
    edit(excel, {"Kasus": {"B3": "1/2"}})
    workbook = live(excel)
    for name in ("Riwayat", "Lacak POLHUKAM"):  # formats lost, as when rows are pasted from elsewhere
        workbook.sheet(name).range("A2:Z300").number_format = "General"
    macros.rebuild_tracking(workbook.book)
    lacak = workbook.sheet("Lacak POLHUKAM").used_range.options(ndim=2).value
    assert any(r[1] == "1/2" for r in lacak), lacak
    workbook.panel(note="- revisi", by="1/2", at=AT)
    workbook.select("A3")
    assert "ditunda" in macros.hold(workbook.book).lower()
    riwayat = workbook.sheet("Riwayat")
    last = riwayat.used_range.last_cell.row
    row = riwayat.range((last, 1), (last, 16)).options(err_to_str=True).value
    assert row[9] == "1/2" and row[10] == "- revisi", row


def test_hidden_rows_are_never_moved_and_every_area_counts(pair, live):
    """A filter hides rows; a drag across them selects them too (Excel's selection, and Calc's for rows
    hidden by hand, spans them): only the rows staff see are processed. Ctrl+click gives several areas."""
    _, excel = pair
    workbook = live(excel)
    rows = workbook.sheet("Kasus").api.Rows
    for index in (2, 3):  # rows 3 and 4: IKU-2026-002 and IKU-2026-003
        rows.getByIndex(index).IsVisible = False
    workbook.panel(note="Menunggu data", at=AT)
    workbook.select("A3:A5")
    message = macros.hold(workbook.book)
    assert "IKU-2026-004" in message and "IKU-2026-002" not in message and "IKU-2026-003" not in message
    for index in (2, 3):
        rows.getByIndex(index).IsVisible = True
    workbook.panel(note="Digabung")
    workbook.select("A3,A5")  # Ctrl+click: two areas
    message = macros.cancel(workbook.book)
    assert "IKU-2026-002" in message and "IKU-2026-004" in message and "IKU-2026-003" not in message
    assert workbook.sheet("Kasus").range("H2:H5").value == ["Selesai", "Dibatalkan", "Berjalan", "Dibatalkan"]


def test_a_second_action_waits_for_the_first_and_is_told_so(pair, live, monkeypatch):
    from iku_xl.workbook import shared_file

    _, excel = pair
    workbook = live(excel)
    workbook.panel(note="Menunggu data", at=AT)
    workbook.select("A4")
    monkeypatch.setattr(shared_file, "LOCK_WAIT_SECONDS", 0.2)
    with shared_file.program_lock(excel):  # another action (or the command line) is still at work
        message = macros.hold(workbook.book)
    assert "sedang dikerjakan oleh aksi iku-xl lain" in message and workbook.app.alerts[-1]["mode"] == "critical"
    assert workbook.sheet("Kasus").range("H4").value == "Berjalan"
    assert "ditunda" in macros.hold(workbook.book).lower()


def test_generate_macro_on_a_step_without_documents(pair, live):
    _, excel = pair
    edit(excel, {"Panel": {"B3": "Buat naskah dinas"}})
    workbook = live(excel)
    workbook.select("A2")  # IKU-2026-001 stands at step 17: no document there
    message = macros.run_panel(workbook.book)
    assert "0 naskah" in message and "tidak menghasilkan naskah" in message


def test_generate_and_export_macros_write_beside_the_workbook(pair, capsys, live, monkeypatch):
    _, excel = pair
    run(capsys, "open", excel, "--sop", "POLHUKAM", "--title", "Kasus baru")  # at step 1: a lembar disposisi
    run(capsys, "open", excel, "--sop", "POLHUKAM", "--title", "Kasus lain")
    monkeypatch.setattr("sys.stderr", None)  # pythonw, as Excel's Python runs on Windows, has no stderr
    workbook = live(excel)
    workbook.select("A6:A7")
    message = macros.generate(workbook.book)
    assert "2 naskah dibuat" in message and str(excel.parent / "output" / "IKU-2026-005") in message, message
    assert workbook.sheet("Kasus").range("M6").value == "1 naskah"  # Calc computed the link at once
    workbook.save()
    link = load_workbook(excel)["Kasus"]["M6"]
    assert link.value == '=HYPERLINK("output/IKU-2026-005","1 naskah")'  # relative: the same on every machine
    assert list((excel.parent / "output" / "IKU-2026-005").glob("Lembar Disposisi*.docx"))
    assert read_book(excel).numbers == []  # a lembar disposisi takes no number of its own
    workbook = live(excel)
    workbook.panel(month="2026-11")
    assert "Ekspor 2026-11" in macros.export(workbook.book)
    assert (excel.parent / "output" / "ekspor" / "2026-11" / "ekspor-2026-11.xlsx").exists()


def test_selection_outside_kasus_and_unknown_panel_action(pair, live):
    _, excel = pair
    workbook = live(excel)
    workbook.select("A2", sheet="Riwayat")
    assert "Pilih dulu baris kasus" in macros.advance(workbook.book)
    workbook.sheet("Panel").range("B3").value = "Terbang"
    assert "tidak dikenal" in macros.run_panel(workbook.book)


def test_every_panel_action_has_a_macro_and_a_vba_sub():
    from iku_xl.core import layout

    assert tuple(macros.PANEL_ACTIONS) == layout.FIXED_LISTS["DaftarAksi"]  # every choice of the dropdown
    vba = (ROOT / "workbook" / "iku_macros.bas").read_text(encoding="utf-8")
    for action in macros.PANEL_ACTIONS.values():
        assert f"m.{action.__name__}()" in vba
    assert "def main" in (ROOT / "workbook" / "iku.py").read_text(encoding="utf-8")


def test_import_sop_macro_adds_the_sheets_and_the_code_to_the_dropdown(pair, live, tmp_path):
    from iku_xl.shipped_sops import shipped_sop
    from tests.importers.sop_files import sop_docx

    _, excel = pair
    source = sop_docx(shipped_sop("KEMNAKER"), excel.parent / "SOP Kemnaker.docx")
    workbook = live(excel)
    workbook.panel(sop_file=str(source), sop_code="naker2")
    message = macros.import_sop(workbook.book)
    assert "SOP NAKER2 diimpor dari Word: 16 langkah, 7 peran, 7 keputusan" in message, message
    names = [s.name for s in workbook.book.sheets]
    assert "NAKER2" in names and "Lacak NAKER2" in names
    refers = workbook.book.names["DaftarSOP"].refers_to
    assert refers.endswith("$A$2:$A$4"), refers
    workbook.save()
    book = read_book(excel)
    assert book.sops["NAKER2"].step(2).is_decision and book.sops["NAKER2"].step(2).if_no == 1
    daftar = load_workbook(excel)["Daftar Pilihan"]
    assert [daftar[f"A{r}"].value for r in (2, 3, 4)] == ["POLHUKAM", "KEMNAKER", "NAKER2"]


@pytest.mark.parametrize("where", ["parent", "absolute"])
def test_the_panel_reads_no_sop_file_outside_the_workbook_folder(where, pair, live, tmp_path):
    """Issue 22: the Panel's SOP file cell travels with the workbook; it may not name a file elsewhere."""
    from iku_xl.shipped_sops import shipped_sop
    from tests.importers.sop_files import sop_docx

    _, excel = pair
    source = sop_docx(shipped_sop("KEMNAKER"), tmp_path / "rahasia.docx")
    workbook = live(excel)
    workbook.panel(sop_file="../rahasia.docx" if where == "parent" else str(source), sop_code="naker2")
    message = macros.import_sop(workbook.book)
    assert "luar folder buku kerja" in message and "B8" in message, message
    assert "NAKER2" not in [s.name for s in workbook.book.sheets]


def test_kinerja_macro_makes_the_years_documents_and_numbers_them_in_the_open_workbook(pair, live):
    _, excel = pair
    workbook = live(excel)
    workbook.panel(year=2027)
    message = macros.kinerja(workbook.book)
    assert "dokumen kinerja 2027 dibuat" in message and "1/PK/MEN/2027" in message, message
    workbook.save()
    folder = excel.parent / "output" / "kinerja" / "2027"
    assert len(list(folder.glob("*/Perjanjian Kinerja Tahun 2027 *.docx"))) == 10
    assert next(e.number for e in read_book(excel).numbers if e.kind == "perjanjian_kinerja") == "1/PK/MEN/2027"
    workbook = live(excel)
    workbook.panel(year="tahun depan")
    assert "bukan tahun" in macros.kinerja(workbook.book)


def test_monitor_macro_writes_the_files_and_the_register_of_the_open_workbook(pair, live):
    _, excel = pair
    workbook = live(excel)
    workbook.panel(semester="2026-2")
    message = macros.monitor(workbook.book)
    assert "Monitoring Semester II Tahun 2026 disimpan" in message and "POLHUKAM: " in message, message
    folder = excel.parent / "output" / "monitoring" / "2026-2"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"monitoring-{code}-2026-2.{ext}" for code in ("POLHUKAM", "KEMNAKER") for ext in ("docx", "xlsx"))
    workbook.save()
    register = {r[0]: r for r in load_workbook(excel)["Daftar SOP"].iter_rows(min_row=2, values_only=True)}
    assert register["POLHUKAM"][9] == "2026-2" and register["POLHUKAM"][11].endswith("langkah berjalan dengan baik")


def test_a_semester_typed_as_a_date_on_the_panel_names_its_half_year(pair, live):
    _, excel = pair
    workbook = live(excel)
    workbook.panel(semester=dt.datetime(2026, 9, 1))  # "2026-9" typed in a cell not formatted as text
    assert macros.panel_semester(workbook.book, dt.date(2027, 1, 5)) == "2026-2"
    workbook.panel(semester=None)
    assert macros.panel_semester(workbook.book, dt.date(2027, 1, 5)) == "2026-2"  # the last semester that ended
    assert macros.panel_semester(workbook.book, dt.date(2027, 8, 5)) == "2027-1"
