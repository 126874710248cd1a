"""The Daftar SOP register: made by init, extended by sop import, following a revised SOP sheet, and watched by
validate for monitoring older than six months."""
from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from iku_xl import clock
from iku_xl.actions import workflow
from iku_xl.actions.sop_import import import_sop
from iku_xl.actions.validate import validate_workbook
from iku_xl.core import layout
from iku_xl.core.sop import IDENTITY_FIELDS
from iku_xl.shipped_sops import shipped_sop
from tests.helpers import edit
from tests.importers.sop_files import sop_docx

REVISION_ROW = layout.SOP_IDENTITY_FIRST_ROW + [f for f, _ in IDENTITY_FIELDS].index("tanggal_revisi")


def register(path) -> dict[str, tuple]:
    sheet = load_workbook(path)["Daftar SOP"]
    return {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0]}


def test_init_lists_every_sop_with_its_identity(demo_book):
    rows = register(demo_book)
    assert list(rows) == ["POLHUKAM", "KEMNAKER"]
    assert rows["POLHUKAM"][1:3] == ("OT.01.02-005-097.Set.PO", "Penyusunan Indikator Kinerja Utama (IKU)")
    assert rows["POLHUKAM"][6] == "Rabu, 02 Mei 2018" and rows["KEMNAKER"][8] == "Kementerian Ketenagakerjaan"
    assert rows["KEMNAKER"][9:] == (None, None, None)  # not monitored yet


def test_sop_import_adds_its_row(demo_book, tmp_path):
    source = sop_docx(shipped_sop("KEMNAKER"), tmp_path / "SOP Kemnaker.docx")
    import_sop(source, "NAKER2", demo_book)
    rows = register(demo_book)
    assert list(rows) == ["POLHUKAM", "KEMNAKER", "NAKER2"]
    assert rows["NAKER2"][5] == 0 and load_workbook(demo_book)["Daftar SOP"].tables["TabelDaftarSOP"].ref == "A1:L4"


def test_a_revised_sop_sheet_is_followed_at_the_next_action(demo_book):
    assert register(demo_book)["POLHUKAM"][4:6] == ("Revisi ke", 1)  # the seed's own (garbled) cell, counted once
    edit(demo_book, {"POLHUKAM": {f"C{REVISION_ROW}": "Senin, 04 Januari 2027"}})
    workflow.advance(demo_book, "IKU-2026-002", at=dt.datetime(2027, 1, 5, 9, 0), now=dt.datetime(2027, 1, 6))
    assert register(demo_book)["POLHUKAM"][4:6] == ("Senin, 04 Januari 2027", 2)
    workflow.advance(demo_book, "IKU-2026-002", at=dt.datetime(2027, 1, 5, 10, 0), now=dt.datetime(2027, 1, 6))
    assert register(demo_book)["POLHUKAM"][4:6] == ("Senin, 04 Januari 2027", 2)  # the same revision counts once


def test_validate_warns_when_the_last_monitoring_is_older_than_six_months(demo_book):
    rows = {r[0]: i for i, r in enumerate(load_workbook(demo_book)["Daftar SOP"].iter_rows(values_only=True), 1)}
    edit(demo_book, {"Daftar SOP": {f"J{rows['POLHUKAM']}": "2020-1", f"K{rows['POLHUKAM']}": dt.datetime(2020, 3, 2),
                                    f"J{rows['KEMNAKER']}": "2026-2",
                                    f"K{rows['KEMNAKER']}": dt.datetime.combine(clock.today(), dt.time())}})
    stale = [f for f in validate_workbook(demo_book).findings if f.sheet == "Daftar SOP"]
    assert [(f.sop, f.cell, f.level.value) for f in stale] == [("POLHUKAM", f"K{rows['POLHUKAM']}", "peringatan")]
    assert "2 Maret 2020" in stale[0].message and "lebih dari enam bulan" in stale[0].message


def test_monitor_adds_the_register_to_a_workbook_made_before_it(demo_book, tmp_path):
    from iku_xl.actions.monitor import monitor

    workbook = load_workbook(demo_book)
    del workbook["Daftar SOP"]  # as a workbook made by an earlier version of the program
    workbook.save(demo_book)
    result = monitor(demo_book, "2026-2", out_dir=tmp_path, today=dt.date(2027, 1, 5))
    assert result.register == "Lembar Daftar SOP ditambahkan ke buku kerja."
    rows = register(demo_book)
    assert list(rows) == ["POLHUKAM", "KEMNAKER"] and rows["POLHUKAM"][9] == "2026-2"
    assert rows["KEMNAKER"][11] == result.reports[1].result
