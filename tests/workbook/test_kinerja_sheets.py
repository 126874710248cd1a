"""The IKU sheet's Manual IKU columns and the Cascading and Target Triwulan sheets: dropdowns staff pick from, and
what the program reads back."""
from openpyxl import load_workbook

from iku_xl.core.iku import CASCADE_KINDS, FREKUENSI, POLARISASI, TINGKAT
from iku_xl.workbook.reader import read_book


def _lists(ws) -> dict[str, str]:
    """Dropdown name -> the first column it covers."""
    return {dv.formula1: str(dv.sqref).split(":")[0] for dv in ws.data_validations.dataValidation if dv.type == "list"}


def test_iku_and_cascading_columns_offer_their_lists(plain_master):
    workbook = load_workbook(plain_master)
    iku = workbook["IKU"]
    headers = {c.value: c.column_letter for c in iku[1]}
    lists = _lists(iku)
    for header, name in (("Polarisasi", "DaftarPolarisasi"), ("Frekuensi Pengukuran", "DaftarFrekuensi"),
                         ("Jenis Indikator", "DaftarJenisIndikator"), ("Sifat IKU", "DaftarSifatIKU")):
        assert lists[name] == f"{headers[header]}2"
    for header in ("Baseline Tahun", "Baseline Nilai", "Unit Penyedia Data", "Tujuan", "Catatan",
                   "Formula/Cara Perhitungan", "Target 2027"):
        assert header in headers
    cascading = workbook["Cascading"]
    headers = {c.value: c.column_letter for c in cascading[1]}
    lists = _lists(cascading)
    assert lists["DaftarIKU"] == f"{headers['Indikator Kinerja Utama']}2"
    assert lists["DaftarUnit"] == f"{headers['Unit Kerja']}2"
    assert lists["DaftarCascading"] == f"{headers['Cascading']}2"
    assert lists["DaftarTingkat"] == f"{headers['Tingkat']}2"
    # the IKU and unit lists are the IKU and Pejabat sheets' own columns: a new IKU row is offered at once
    assert workbook.defined_names["DaftarIKU"].attr_text == "'IKU'!$C$2:$C$2000"
    assert workbook.defined_names["DaftarUnit"].attr_text == "'Pejabat'!$E$2:$E$2000"
    daftar = workbook["Daftar Pilihan"]
    columns = {c.value: [v.value for v in daftar[c.column_letter][1:] if v.value] for c in daftar[1]}
    assert columns["Polarisasi"] == list(POLARISASI)
    assert columns["Frekuensi Pengukuran"] == list(FREKUENSI)
    assert columns["Cascading"] == list(CASCADE_KINDS)
    assert columns["Tingkat"] == list(TINGKAT)


def test_demo_fills_every_manual_iku_field_and_cascades_both_ministries(demo_master):
    book = read_book(demo_master, history=False)
    for row in book.iku_rows:
        for field in ("polarisasi", "frekuensi", "baseline_year", "baseline_value", "jenis", "sifat",
                      "penyedia_data", "tujuan", "formula"):
            assert getattr(row, field) not in (None, ""), (row.indikator, field)
        assert row.polarity in POLARISASI
    cascaded = {(c.case_id, c.eselon) for c in book.cascades}
    assert {("IKU-2026-001", 1), ("IKU-2026-001", 2), ("IKU-2026-003", 1), ("IKU-2026-003", 2)} <= cascaded
    heads = {o.unit: o for o in book.officials}
    for cascade in book.cascades:
        assert cascade.unit in heads, cascade.unit
        assert cascade.kind in CASCADE_KINDS and cascade.targets
    assert {p.key: p.wants_quarters for p in book.profiles} == {"POLKAM": False, "KEMNAKER": True}
    assert [q.quarters for q in book.quarter_targets if q.unit is None and q.indikator == "Tingkat Pengangguran "
            "Terbuka"] == [(None, 4.9, None, 4.6)]
