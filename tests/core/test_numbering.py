"""Document numbers from the register (NASKAH.md section 2)."""
import datetime as dt

import pytest

from iku_xl.core.numbering import NumberRequest, assign_numbers
from iku_xl.core.profile import InstansiProfile, NumberPattern
from iku_xl.core.register import NumberEntry
from iku_xl.errors import Refused

PROFILE = InstansiProfile(code="POLKAM", unit_code="Set.PO", classification="OT.01.02", month_style="Angka")
PATTERNS = [NumberPattern("POLKAM", "nota_dinas", "{urut}/{kode_jabatan}/{klasifikasi}/{bulan}/{tahun}",
                          "Penandatangan"),
            NumberPattern("POLKAM", "undangan_rapat", "{sifat}-{urut}/{kode_jabatan}/{klasifikasi}/{bulan}/{tahun}",
                          "Jenis"),
            NumberPattern("POLKAM", "permenko_iku", "Biro Hukum", "Jenis")]
DAY = dt.date(2026, 11, 24)


def request(kind="nota_dinas", case="IKU-2026-001", step=1, day=DAY, signer="Set.PO", profile=PROFILE,
            sifat="Biasa"):
    return NumberRequest(kind, case, step, day, "Penyusunan IKU", profile, signer, sifat)


def numbers(register, requests, patterns=PATTERNS):
    return [a.number for a in assign_numbers(register, requests, patterns)]


def test_the_signers_code_and_the_security_prefix_make_the_number():
    register: list[NumberEntry] = []
    assert numbers(register, [request(), request("undangan_rapat", step=8, sifat="Rahasia")]) == \
        ["1/Set.PO/OT.01.02/11/2026", "R-1/Set.PO/OT.01.02/11/2026"]


def test_a_register_per_signer_runs_its_own_sequence():
    register: list[NumberEntry] = []
    got = numbers(register, [request(step=1), request(step=2, signer="Ses"), request(step=3)])
    assert got == ["1/Set.PO/OT.01.02/11/2026", "1/Ses/OT.01.02/11/2026", "2/Set.PO/OT.01.02/11/2026"]


def test_a_regenerated_document_keeps_its_number_and_its_date():
    register: list[NumberEntry] = []
    assign_numbers(register, [request(day=dt.date(2026, 12, 30))], PATTERNS)
    again = assign_numbers(register, [request(day=dt.date(2027, 1, 4))], PATTERNS)[0]
    assert (again.number, again.date, again.entry) == ("1/Set.PO/OT.01.02/12/2026", dt.date(2026, 12, 30), None)


def test_a_changed_pattern_continues_the_years_sequence():
    register: list[NumberEntry] = []
    assign_numbers(register, [request(step=1), request(step=2)], PATTERNS)
    changed = [NumberPattern("POLKAM", "nota_dinas", "ND-{urut}/{kode_jabatan}/{tahun}", "Penandatangan")]
    assert numbers(register, [request(step=3)], changed) == ["ND-3/Set.PO/2026"]
    assert numbers(register, [request(step=4, day=dt.date(2027, 1, 5))], changed) == ["ND-1/Set.PO/2027"]


def test_numbers_typed_by_hand_before_the_urut_column_count():
    register = [NumberEntry(number="41/Set.PO/OT.01.02/10/2026", kind="nota_dinas", date=dt.datetime(2026, 10, 2),
                            signer="Set.PO")]
    assert numbers(register, [request()]) == ["42/Set.PO/OT.01.02/11/2026"]


def test_a_regulation_waits_for_the_legal_bureau_and_keeps_the_number_given():
    register: list[NumberEntry] = []
    first = assign_numbers(register, [request("permenko_iku", step=15)], PATTERNS)[0]
    assert first.number == "" and first.entry is not None and register[-1].kind == "permenko_iku"
    register[-1].number = "12"  # typed by staff once the Biro Hukum gives it
    assert numbers(register, [request("permenko_iku", step=15)]) == ["12"]


def test_roman_months_and_a_bad_pattern():
    roman = InstansiProfile(code="POLKAM", classification="OT.01.02", month_style="Romawi")
    assert numbers([], [request(profile=roman)]) == ["1/Set.PO/OT.01.02/XI/2026"]
    broken = [NumberPattern("POLKAM", "nota_dinas", "{nomor}/{tahun}", "Jenis", row=3)]
    with pytest.raises(Refused, match="urut"):
        assign_numbers([], [request()], broken)
    with pytest.raises(Refused, match="Pola Nomor"):
        assign_numbers([], [request("sk_tim")], PATTERNS)
