"""The rekap across units: read-only, an unreadable workbook listed with its reason, figures that add up."""
from __future__ import annotations

import datetime as dt
import shutil

from openpyxl import load_workbook

from iku_xl.actions import workflow
from iku_xl.actions.monitor import monitor
from iku_xl.actions.rekap import rekap_workbooks
from tests.helpers import run

TODAY = dt.date(2027, 1, 5)
NOW = dt.datetime(2027, 1, 5, 12, 0)


def test_rekap_of_three_workbooks_one_unreadable_is_the_sum_of_their_own(demo_master, tmp_path):
    units = tmp_path / "unit"
    units.mkdir()
    first, second = units / "biro-a.xlsx", units / "biro-b.xlsx"
    shutil.copy(demo_master, first)
    shutil.copy(demo_master, second)
    # the second unit did more in December: a new POLHUKAM case, one step late, and a KEMNAKER case returned
    case = workflow.open_case(second, "POLHUKAM", "IKU unit B", at=dt.datetime(2026, 12, 1, 8, 0), now=NOW).opened[-1]
    workflow.advance(second, case, at=dt.datetime(2026, 12, 1, 9, 30), now=NOW)
    workflow.advance(second, "IKU-2026-004", at=dt.datetime(2026, 12, 2, 9, 0), now=NOW)
    workflow.advance(second, "IKU-2026-004", False, at=dt.datetime(2026, 12, 2, 10, 0), now=NOW)
    broken = units / "biro-c.xlsx"
    broken.write_bytes(first.read_bytes()[:5000])  # cut off in the middle, as a failed copy leaves it
    (units / "~$biro-a.xlsx").write_bytes(b"lock")  # Excel's lock file beside an open workbook: not a workbook
    before = {p.name: p.read_bytes() for p in units.iterdir() if p.is_file()}

    result = rekap_workbooks([units], "2026-2", tmp_path / "rekap.xlsx", today=TODAY)

    assert {p.name: p.read_bytes() for p in units.iterdir() if p.is_file()} == before  # read, never written
    assert [(file.split("/")[-1], "biro-c.xlsx" in reason or "rusak" in reason or "tidak" in reason)
            for file, reason in result.rekap.unreadable] == [("biro-c.xlsx", True)]
    own = {}
    for path in (first, second):
        reports = monitor(_copy(path, tmp_path), "2026-2", out_dir=tmp_path / path.stem, today=TODAY).reports
        own[path.name] = {r.code: r.evidence for r in reports}
    sheet = load_workbook(result.file)["Rekap per SOP"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, r)) for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] and r[3]]
    assert [(r["Berkas"], r["Kode SOP"]) for r in rows] == [(unit, code) for unit in ("biro-a.xlsx", "biro-b.xlsx")
                                                            for code in ("POLHUKAM", "KEMNAKER")]
    for row in rows:
        evidence = own[row["Berkas"]][row["Kode SOP"]]
        assert (row["Kasus"], row["Kasus Selesai"], row["Langkah Dilaksanakan (dengan Mutu Baku)"], row["Tepat Waktu"],
                row["Dikembalikan"], row["Ditunda"]) == (evidence.cases, evidence.finished, evidence.timed_runs,
                                                         evidence.on_time, evidence.returns, evidence.holds)
    b_polhukam = own["biro-b.xlsx"]["POLHUKAM"]
    a_polhukam = own["biro-a.xlsx"]["POLHUKAM"]
    assert b_polhukam.cases == a_polhukam.cases + 1 and b_polhukam.timed_runs == a_polhukam.timed_runs + 1
    assert own["biro-b.xlsx"]["KEMNAKER"].returns == own["biro-a.xlsx"]["KEMNAKER"].returns + 1
    totals = next(r for r in sheet.iter_rows(values_only=True) if str(r[0]).startswith("Jumlah"))
    total = dict(zip(header, totals))
    for column in ("Kasus", "Tepat Waktu", "Dikembalikan", "Langkah Dilaksanakan (dengan Mutu Baku)"):
        assert total[column] == sum(r[column] for r in rows)
    timed = total["Langkah Dilaksanakan (dengan Mutu Baku)"]
    assert total["% Tepat Waktu"] == round(100 * total["Tepat Waktu"] / timed, 1)
    unread = list(load_workbook(result.file)["Tidak Terbaca"].iter_rows(min_row=2, values_only=True))
    assert len(unread) == 1 and unread[0][0].endswith("biro-c.xlsx") and unread[0][1]


def _copy(path, folder):
    target = folder / f"own-{path.name}"
    shutil.copy(path, target)
    return target


def test_rekap_command_says_what_it_read(demo_book, tmp_path, capsys):
    code, out, _ = run(capsys, "rekap", demo_book, tmp_path / "tidak-ada.xlsx", "--semester", "2026-2", "--out",
                       tmp_path)
    assert code == 0 and "1 buku kerja" in out and "tidak terbaca" in out and "tidak-ada.xlsx" in out
    assert (tmp_path / "rekap-sop-2026-2.xlsx").exists()
    code, _, err = run(capsys, "rekap", demo_book, "--semester", "2026-2", "--out", demo_book)
    assert code == 2 and "salah satu buku kerja" in err
