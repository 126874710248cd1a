"""Monthly export: counts against Riwayat, compliance over a weekend and a holiday, CSV, refusals."""
import csv
import datetime as dt
import shutil

from openpyxl import load_workbook

from iku_xl import clock
from iku_xl.actions import workflow
from iku_xl.actions.export import export_month
from tests.helpers import libreoffice_convert, run

AFTER = dt.datetime(2027, 1, 5, 12, 0)  # the runs below are logged as if on this day


def test_demo_month_matches_a_count_by_hand(demo_book, tmp_path, capsys):
    before = demo_book.read_bytes()
    code, _out, _ = run(capsys, "export", demo_book, "--month", "2026-11", "--out", tmp_path / "ekspor")
    assert code == 0
    assert demo_book.read_bytes() == before  # the export never writes the workbook
    history = list(load_workbook(demo_book, data_only=True)["Riwayat"].iter_rows(min_row=2, values_only=True))
    november = [r for r in history if r[0] and dt.datetime(2026, 11, 1) <= r[0] < dt.datetime(2026, 12, 1)]
    on_time = sum(1 for r in november if r[2] == "Maju" and r[15] == "Tepat Waktu")
    late = sum(1 for r in november if r[2] == "Maju" and r[15] == "Terlambat")
    returned = sum(1 for r in november if r[2] == "Maju" and r[5] == "Tidak")
    converted = libreoffice_convert(tmp_path / "ekspor" / "ekspor-2026-11.xlsx", "xlsx:Calc MS Excel 2007 XML",
                                    tmp_path / "lo")
    exported = load_workbook(converted)
    assert exported.sheetnames == ["Ringkasan", "Kasus", "Riwayat", "Kepatuhan Waktu", "Lacak"]
    summary = {r[0]: r[1] for r in exported["Ringkasan"].iter_rows(min_row=6, max_row=15, values_only=True)}
    assert summary["Langkah selesai tepat waktu"] == on_time
    assert summary["Langkah selesai terlambat"] == late
    assert summary["Kasus dikembalikan (keputusan Tidak)"] == returned
    exported_rows = [r for r in exported["Riwayat"].iter_rows(min_row=2, values_only=True) if any(r)]
    assert len(exported_rows) == len(november)
    original = load_workbook(tmp_path / "ekspor" / "ekspor-2026-11.xlsx")
    assert len(original["Ringkasan"]._charts) == 2
    assert original["Kasus"].freeze_panes == "A2" and original["Kasus"].tables
    assert exported["Riwayat"]["A2"].is_date


def test_compliance_across_a_weekend_and_a_holiday(plain_master, tmp_path):
    path = tmp_path / "iku.xlsx"
    shutil.copy(plain_master, path)
    case = workflow.open_case(path, "POLHUKAM", "IKU Desember", at=dt.datetime(2026, 12, 18, 16, 25),
                              now=AFTER).opened[-1]
    # step 1, 10 Menit: Friday 16:25-16:30 and Monday 07:30-07:33 = 8 minutes, on time
    workflow.advance(path, case, at=dt.datetime(2026, 12, 21, 7, 33), now=AFTER)
    # step 2, 30 Menit, started Monday 07:33: hold it to Wednesday so that the next step straddles the holiday
    workflow.advance(path, case, at=dt.datetime(2026, 12, 21, 8, 0), now=AFTER)
    # step 3, 60 Menit, started Monday 08:00, done Wednesday 15:50: 2 working days later, late
    workflow.advance(path, case, at=dt.datetime(2026, 12, 23, 15, 50), now=AFTER)
    # step 4, 1 Hari, started Wednesday 15:50; 24-25 Dec are days off, so due Monday 28 Dec 15:50
    workflow.advance(path, case, at=dt.datetime(2026, 12, 28, 15, 0), now=AFTER)
    result = export_month(path, "2026-12", tmp_path / "out", today=AFTER.date())
    rows = {c.step: c for c in result.report.compliance if c.sop == "POLHUKAM" and c.count}
    assert (rows[1].median, rows[1].on_time, rows[1].late) == (8, 1, 0)
    assert (rows[2].median, rows[2].on_time) == (27, 1)
    # Monday 08:00-16:00 less lunch 420, Tuesday 450, Wednesday 07:30-15:50 less lunch 440
    assert (rows[3].median, rows[3].late, rows[3].percent_on_time) == (420 + 450 + 440, 1, 0)
    # Wednesday 15:50-16:00 10, then Monday 28 Dec 07:30-15:00 less lunch 390; due Monday 15:50
    assert (rows[4].median, rows[4].on_time, rows[4].percent_on_time) == (10 + 390, 1, 100)
    assert (result.report.on_time, result.report.late) == (3, 1)
    assert result.report.late_per_role == {"Kabag Perencanaan": 1}


def test_csv_keeps_indonesian_text_and_makes_formulas_inert(demo_book, tmp_path, capsys):
    workbook = load_workbook(demo_book)
    for ref, text in (("B3", '=HYPERLINK("http://x";"klik")'), ("B4", "-5% anggaran; “Rapat” Évaluasi")):
        cell = workbook["Kasus"][ref]
        cell.value = text
        cell.data_type = "s"  # typed in Excel with a leading apostrophe: text, not a formula
    workbook.save(demo_book)
    run(capsys, "export", demo_book, "--month", "2026-11", "--out", tmp_path)
    raw = (tmp_path / "kasus.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "kasus.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    titles = {r[0]: r[1] for r in rows[1:]}
    assert titles["IKU-2026-002"] == "'=HYPERLINK(\"http://x\";\"klik\")"
    assert titles["IKU-2026-003"] == "'-5% anggaran; “Rapat” Évaluasi"
    assert titles["IKU-2026-004"] == "Reviu IKU Kementerian Ketenagakerjaan Tahun 2027"
    assert rows[0][0] == "ID Kasus"


def test_a_month_without_activity_says_so(demo_book, tmp_path, capsys):
    code, out, _ = run(capsys, "export", demo_book, "--month", "2026-08", "--out", tmp_path)
    assert code == 0 and "Tidak ada kegiatan" in out
    sheet = load_workbook(tmp_path / "ekspor-2026-08.xlsx")["Ringkasan"]
    assert sheet["A3"].value.startswith("Tidak ada kegiatan")


def test_future_or_malformed_month_is_exit_2(demo_book, capsys):
    future = (clock.today().replace(day=1) + dt.timedelta(days=40)).strftime("%Y-%m")
    code, _, err = run(capsys, "export", demo_book, "--month", future)
    assert code == 2 and "belum terjadi" in err
    for bad in ("2026-13", "November", "11/2026"):
        code, _, err = run(capsys, "export", demo_book, "--month", bad)
        assert code == 2 and "tidak dikenal" in err


def test_the_month_lists_only_its_cases_and_prints_its_summary_on_one_page(demo_book, tmp_path, capsys):
    """A case opened on 1 December is not in November's report, nor one closed in October (IKU-2026-001,
    finished on 6 October), which October's report lists; the summary is one A4 page with its charts."""
    import pypdf

    run(capsys, "open", demo_book, "--sop", "POLHUKAM", "--title", "Kasus Desember", "--at", "2026-12-01T08:00")
    assert run(capsys, "export", demo_book, "--month", "2026-11", "--out", tmp_path / "ekspor")[0] == 0
    exported = load_workbook(tmp_path / "ekspor" / "ekspor-2026-11.xlsx")
    kasus = [r[0] for r in exported["Kasus"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert "IKU-2026-001" not in kasus and "IKU-2026-002" in kasus
    statuses = {r[0]: r[1] for r in exported["Ringkasan"].iter_rows(values_only=True)
                if r[0] in ("Selesai", "Berjalan")}
    assert statuses == {"Berjalan": 3}
    assert run(capsys, "export", demo_book, "--month", "2026-10", "--out", tmp_path / "oktober")[0] == 0
    october = load_workbook(tmp_path / "oktober" / "ekspor-2026-10.xlsx")["Kasus"]
    assert "IKU-2026-001" in [r[0] for r in october.iter_rows(min_row=2, values_only=True)]
    assert "IKU-2026-005" not in kasus and all(r[4] for r in exported["Kasus"].iter_rows(min_row=2, values_only=True)
                                                if r[0])
    summary = exported["Ringkasan"]
    labels = [summary.cell(row=r, column=1).value for r in range(1, summary.max_row + 1)]
    assert "Tepat waktu per langkah (terhadap Mutu Baku)" in labels
    assert any(str(v).startswith("POLHUKAM 1 · Sesmenko") for v in labels)  # step names, not "POLHUKAM 1"
    waits = [summary.cell(row=r, column=2).value for r in range(1, summary.max_row + 1)]
    assert any("menit kerja" in str(v) for v in waits)
    assert summary.page_setup.fitToHeight == 1 and summary.page_setup.fitToWidth == 1
    pdf = libreoffice_convert(tmp_path / "ekspor" / "ekspor-2026-11.xlsx", "pdf", tmp_path / "pdf")
    first = pypdf.PdfReader(pdf).pages[0].extract_text()
    # the charts' own texts (titles and axes), on page 1 whole
    assert "% langkah selesai tepat waktu" in first and "Kasus menurut status pada akhir" in first, first
