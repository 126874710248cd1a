"""SOP monitoring (Tabel 7), the evaluation form and the Daftar SOP register after a scripted half year of moves on
the demo workbook, checked against counts made by hand from the script below."""
from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook

from iku_xl.actions import workflow
from iku_xl.actions.init import init_workbook
from iku_xl.actions.monitor import monitor
from iku_xl.core.monitoring import BAIK, BELUM, EVALUATION_CRITERIA, TIDAK_BAIK
from iku_xl.core.office_hours import office_calendar
from iku_xl.errors import Refused
from iku_xl.workbook.reader import read_book
from tests.helpers import KEMNAKER_SEED, edit, libreoffice_convert, run

NOW = dt.datetime(2027, 7, 5, 12, 0)  # the half year below is recorded as if on this day
TODAY = NOW.date()
DAYS = (dt.date(2027, 2, 2), dt.date(2027, 2, 3), dt.date(2027, 4, 13), dt.date(2027, 4, 20))


def at(day: dt.date, clock: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(clock))


@pytest.fixture(scope="module")
def half_year(tmp_path_factory):
    """The demo workbook (its cases ran in the second half of 2026), then January to June 2027:
    POLHUKAM (no decisions): three cases, one step 3 held for an hour, one case cancelled at step 4;
    KEMNAKER (decisions, no Mutu Baku times): one case returned twice at step 2, held at step 4."""
    path = tmp_path_factory.mktemp("monitor") / "iku.xlsx"
    init_workbook(path, demo=True, today=dt.date(2026, 12, 1))
    book = read_book(path)
    calendar = office_calendar(book.settings, book.days_off)
    for day in DAYS:  # the counts below assume ordinary working days: 07.30-16.00, break 12.00-13.00
        assert calendar.is_working_day(day) and calendar.minutes_of_day(day) == 450, day

    def polhukam(day, moves):
        case = workflow.open_case(path, "POLHUKAM", f"Uji {day}", at=at(day, "08:00"), now=NOW).opened[-1]
        for kind, clock in moves:
            if kind == "maju":
                workflow.advance(path, case, at=at(day, clock), now=NOW)
            elif kind == "tunda":
                workflow.hold(path, case, "menunggu data unit", at=at(day, clock), now=NOW)
            elif kind == "lanjut":
                workflow.resume(path, case, None, at=at(day, clock), now=NOW)
            else:
                workflow.cancel(path, case, "digabung dengan kasus lain", at=at(day, clock), now=NOW)

    # step 1 (10 Menit): 5 on time; step 2 (30 Menit): 15 on time; step 3 (60 Menit): 40 + 30 after a one-hour
    # hold = 70, late
    polhukam(DAYS[0], [("maju", "08:05"), ("maju", "08:20"), ("tunda", "09:00"), ("lanjut", "10:00"),
                       ("maju", "10:30")])
    # step 1: 60 late; step 2: 10 on time; step 3: 30 on time
    polhukam(DAYS[2], [("maju", "09:00"), ("maju", "09:10"), ("maju", "09:40")])
    # step 1: 8 on time; step 2: 20 on time; step 3: 30 on time; cancelled at step 4
    polhukam(DAYS[3], [("maju", "08:08"), ("maju", "08:28"), ("maju", "08:58"), ("batal", "09:30")])

    day = DAYS[1]
    case = workflow.open_case(path, "KEMNAKER", "Uji Kemnaker", at=at(day, "08:00"), now=NOW).opened[-1]
    for clock, decision in (("08:30", None), ("09:00", False), ("09:30", None), ("10:00", False), ("10:30", None),
                            ("11:00", True), ("11:30", True)):
        workflow.advance(path, case, decision, at=at(day, clock), now=NOW)
    workflow.hold(path, case, "menunggu Karo", at=at(day, "13:00"), now=NOW)
    workflow.resume(path, case, None, at=at(day, "13:30"), now=NOW)
    workflow.advance(path, case, at=at(day, "14:00"), now=NOW)  # 11:30-12:00 and 13:00-14:00, less the hold: 60
    return path


@pytest.fixture(scope="module")
def monitored(half_year, tmp_path_factory):
    out = tmp_path_factory.mktemp("hasil")
    return monitor(half_year, "2027-1", out_dir=out, today=TODAY), out


def rows(report):
    return {s.evidence.no: (s.penilaian, s.catatan) for s in report.steps}


def test_tabel7_judges_each_polhukam_step_as_counted_by_hand(monitored):
    result, _ = monitored
    report = next(r for r in result.reports if r.code == "POLHUKAM")
    steps = rows(report)
    assert steps[1] == (TIDAK_BAIK, "2 dari 3 pelaksanaan selesai dalam 10 menit (median 8 menit kerja).")
    assert steps[2] == (BAIK, "3 dari 3 pelaksanaan selesai dalam 30 menit (median 15 menit kerja).")
    assert steps[3] == (TIDAK_BAIK, "2 dari 3 pelaksanaan selesai dalam 60 menit (median 30 menit kerja); "
                                    "1 kali ditunda.")
    assert steps[4] == (BELUM, "Tidak ada pelaksanaan yang selesai pada semester ini; 1 kasus dibatalkan di langkah "
                               "ini.")
    assert all(steps[n][0] == BELUM for n in range(5, 18))  # the demo's open case did not move in 2027
    step1 = report.steps[0]
    assert "Sesmenko" in step1.tindakan and "10 menit" in step1.tindakan
    assert report.steps[1].tindakan == "" and report.result == "1 dari 3 langkah berjalan dengan baik"


def test_tabel7_judges_each_kemnaker_step_as_counted_by_hand(monitored):
    result, _ = monitored
    report = next(r for r in result.reports if r.code == "KEMNAKER")
    steps = rows(report)
    assert steps[1] == (TIDAK_BAIK, "3 kali dilaksanakan tanpa waktu Mutu Baku (median 30 menit kerja).")
    assert steps[2] == (TIDAK_BAIK, "3 kali dilaksanakan tanpa waktu Mutu Baku (median 30 menit kerja); 2 kali "
                                    "dikembalikan di langkah 2.")
    assert steps[3] == (TIDAK_BAIK, "1 kali dilaksanakan tanpa waktu Mutu Baku (median 30 menit kerja).")
    assert steps[4] == (TIDAK_BAIK, "1 kali dilaksanakan tanpa waktu Mutu Baku (median 60 menit kerja); 1 kali "
                                    "ditunda.")
    two = report.steps[1]
    assert two.reasons == ["untimed", "returns"] and "langkah 2" in two.tindakan and "langkah 1" in two.tindakan
    assert report.steps[0].tindakan == "Tetapkan waktu Mutu Baku langkah ini pada revisi SOP."
    decisions = dict(report.criteria)["Mudah dipahami"]
    assert decisions.startswith("2 dari 4 keputusan dikembalikan untuk diperbaiki")  # step 2 three times, step 3 once


def test_the_rule_is_tuned_in_pengaturan(half_year, tmp_path):
    book = read_book(half_year)
    rows_of = book.settings.rows
    tuned = tmp_path / "iku.xlsx"
    tuned.write_bytes(half_year.read_bytes())
    edit(tuned, {"Pengaturan": {f"B{rows_of['Monitoring: Minimal % Tepat Waktu']}": 60,
                                f"B{rows_of['Monitoring: Langkah tanpa Waktu Standar']}": "Abaikan"}})
    result = monitor(tuned, "2027-1", out_dir=tmp_path / "out", today=TODAY)
    polhukam, kemnaker = (rows(r) for r in result.reports)
    assert polhukam[1][0] == polhukam[3][0] == BAIK  # two of three on time is enough at 60%
    assert kemnaker[1][0] == BAIK and kemnaker[2][0] == TIDAK_BAIK  # step 2 still returned twice
    edit(tuned, {"Pengaturan": {f"B{rows_of['Monitoring: Minimal % Tepat Waktu']}": "delapan puluh"}})
    with pytest.raises(Refused) as refused:
        monitor(tuned, "2027-1", out_dir=tmp_path / "lagi", today=TODAY)
    assert "Monitoring: Minimal % Tepat Waktu" in refused.value.message and "bukan angka" in refused.value.message
    cell = f"B{rows_of['Monitoring: Minimal % Tepat Waktu']}"
    assert (refused.value.sheet, refused.value.cell) == ("Pengaturan", cell)


def test_evaluation_form_has_every_criterion_with_its_evidence(monitored):
    result, out = monitored
    for report in result.reports:
        assert [c for c, _ in report.criteria] == list(EVALUATION_CRITERIA)
        assert all(evidence.strip().endswith(".") for _, evidence in report.criteria)
    polhukam = dict(result.reports[0].criteria)
    assert polhukam["Mampu mendorong peningkatan kinerja"].startswith(
        "7 dari 9 pelaksanaan langkah (78%) selesai dalam waktu Mutu Baku; 0 dari 4 kasus selesai")
    assert polhukam["Mampu mengatasi permasalahan yang berkaitan dengan proses"] == (
        "0 kasus selesai, 1 dibatalkan, 3 masih berjalan pada akhir semester.")
    sheet = load_workbook(out / "monitoring-POLHUKAM-2027-1.xlsx")["Evaluasi SOP"]
    criteria = [r[1] for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert criteria == list(EVALUATION_CRITERIA)


def test_word_and_excel_files_hold_tabel7_charts_and_the_form(monitored, tmp_path):
    result, out = monitored
    assert sorted(p.name for p in result.files) == sorted(
        f"monitoring-{code}-2027-1.{ext}" for code in ("POLHUKAM", "KEMNAKER") for ext in ("docx", "xlsx"))
    document = zipfile.ZipFile(out / "monitoring-KEMNAKER-2027-1.docx")
    text = document.read("word/document.xml").decode()
    assert "{{" not in text and "{%" not in text
    assert "2 kali dikembalikan di langkah 2." in text and "Sinergi satu dengan lainnya" in text
    assert "Kementerian Ketenagakerjaan" in text or "KEMENTERIAN KETENAGAKERJAAN" in text
    assert len([n for n in document.namelist() if n.startswith("word/media/")]) >= 3  # logo and two charts
    polhukam = zipfile.ZipFile(out / "monitoring-POLHUKAM-2027-1.docx").read("word/document.xml").decode()
    assert "tidak mempunyai langkah keputusan" in polhukam  # no returns chart for an SOP without decisions
    book = load_workbook(out / "monitoring-KEMNAKER-2027-1.xlsx")
    assert book.sheetnames == ["Tabel 7", "Evaluasi SOP", "Data Langkah", "Grafik"]
    assert len(book["Grafik"]._charts) == 2
    tabel7 = [r for r in book["Tabel 7"].iter_rows(values_only=True) if isinstance(r[0], int)]
    assert tabel7[1][2:4] == (TIDAK_BAIK, "3 kali dilaksanakan tanpa waktu Mutu Baku (median 30 menit kerja); 2 kali "
                                          "dikembalikan di langkah 2.")
    assert [r[5] for r in tabel7] == [None] * 16  # Paraf penilai left to sign
    pdf = libreoffice_convert(out / "monitoring-POLHUKAM-2027-1.docx", "pdf", tmp_path)
    import pypdf

    pages = [p.extract_text() for p in pypdf.PdfReader(pdf).pages]
    assert "MONITORING PELAKSANAAN SOP AP" in pages[0] and "EVALUASI PENERAPAN SOP AP" in "".join(pages)


def test_the_register_holds_every_sop_with_its_last_monitoring(monitored, half_year):
    register = {r[0]: r for r in load_workbook(half_year)["Daftar SOP"].iter_rows(min_row=2, values_only=True)}
    assert set(register) == {"POLHUKAM", "KEMNAKER"}
    polhukam = register["POLHUKAM"]
    assert polhukam[1] == "OT.01.02-005-097.Set.PO" and polhukam[2] == "Penyusunan Indikator Kinerja Utama (IKU)"
    assert polhukam[8] == "Kementerian Koordinator Bidang Politik dan Keamanan"
    assert polhukam[9:] == ("2027-1", dt.datetime(2027, 7, 5), "1 dari 3 langkah berjalan dengan baik")
    assert register["KEMNAKER"][9] == "2027-1"


def test_an_earlier_semester_monitored_late_leaves_the_last_one(monitored, half_year, tmp_path):
    copy = tmp_path / "iku.xlsx"
    copy.write_bytes(half_year.read_bytes())
    monitor(copy, "2026-2", sop="POLHUKAM", out_dir=tmp_path / "out", today=TODAY)
    register = {r[0]: r for r in load_workbook(copy)["Daftar SOP"].iter_rows(min_row=2, values_only=True)}
    assert register["POLHUKAM"][9] == "2027-1"
    assert (tmp_path / "out" / "monitoring-POLHUKAM-2026-2.docx").exists()


def test_semester_not_begun_or_malformed_is_exit_2(demo_book, capsys):
    code, _, err = run(capsys, "monitor", demo_book, "--semester", "2027-1")  # the tests' clock: December 2026
    assert code == 2 and "belum dimulai" in err
    for bad in ("2026-3", "2026", "II/2026"):
        code, _, err = run(capsys, "monitor", demo_book, "--semester", bad)
        assert code == 2 and "tidak dikenal" in err
    code, _, err = run(capsys, "monitor", demo_book, "--semester", "2026-2", "--sop", "TIDAKADA")
    assert code == 1 and "POLHUKAM" in err


def test_an_sop_without_a_profile_is_named_and_the_others_are_monitored(demo_book, capsys):
    """A newly imported SOP not yet tied to an Instansi profile stops only its own monitoring, as in generate."""
    source = demo_book.parent / "sop-baru.txt"
    source.write_bytes(KEMNAKER_SEED.read_bytes())
    assert run(capsys, "sop", "import", source, "--code", "BARU", "--workbook", demo_book)[0] == 0
    code, out, err = run(capsys, "monitor", demo_book, "--semester", "2026-2")
    assert code == 0, err
    assert "BARU tidak dimonitor: SOP BARU belum punya profil instansi" in out
    folder = demo_book.parent / "output" / "monitoring" / "2026-2"
    assert {f.name for f in folder.glob("*.docx")} == {"monitoring-POLHUKAM-2026-2.docx",
                                                        "monitoring-KEMNAKER-2026-2.docx"}
    code, _, err = run(capsys, "monitor", demo_book, "--semester", "2026-2", "--sop", "BARU")
    assert code == 1 and "SOP BARU belum punya profil instansi" in err  # asked for by name: refused
