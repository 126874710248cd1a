"""Letter numbers from the register: per kind and year, the same case and step reuse theirs."""
import datetime as dt

import pytest

from iku_xl.core.numbering import NumberRequest, assign_numbers, format_number
from iku_xl.core.register import NumberEntry
from iku_xl.core.settings import Settings
from iku_xl.errors import Refused

SETTINGS = Settings(values={"Kode Unit": "Set.PO", "Kode Klasifikasi Arsip": "OT.01.02", "Bulan dalam Nomor": "Angka",
                            "Pola Nomor nota_dinas": "{urut}/{kode_unit}/{klasifikasi}/{bulan}/{tahun}",
                            "Pola Nomor undangan_rapat": "B-{urut}/{kode_unit}/{klasifikasi}/{bulan}/{tahun}"})
DAY = dt.date(2026, 11, 24)


def request(kind="nota_dinas", case="IKU-2026-001", step=1, day=DAY):
    return NumberRequest(kind, case, step, day, "Penyusunan IKU")


def test_numbers_follow_the_pattern_and_run_per_kind():
    register: list[NumberEntry] = []
    numbers = [n for _, n, _ in assign_numbers(register, [request(), request(step=2), request("undangan_rapat")],
                                               SETTINGS)]
    assert numbers == ["1/Set.PO/OT.01.02/11/2026", "2/Set.PO/OT.01.02/11/2026", "B-1/Set.PO/OT.01.02/11/2026"]
    assert len(register) == 3


def test_the_same_case_step_and_kind_reuse_their_number_and_the_year_restarts():
    register: list[NumberEntry] = []
    assign_numbers(register, [request()], SETTINGS)
    again = assign_numbers(register, [request(), request(case="IKU-2027-001", day=dt.date(2027, 1, 4))], SETTINGS)
    assert [n for _, n, _ in again] == ["1/Set.PO/OT.01.02/11/2026", "1/Set.PO/OT.01.02/01/2027"]
    assert again[0][2] is None  # nothing new for the register


def test_numbers_typed_by_hand_count():
    register = [NumberEntry(number="41/Set.PO/OT.01.02/10/2026", kind="nota_dinas", date=dt.datetime(2026, 10, 2))]
    assert assign_numbers(register, [request()], SETTINGS)[0][1] == "42/Set.PO/OT.01.02/11/2026"


def test_roman_months_and_a_bad_pattern():
    roman = Settings(values={**SETTINGS.values, "Bulan dalam Nomor": "Romawi"})
    assert format_number("{urut}/{bulan}/{tahun}", 3, DAY, roman) == "3/XI/2026"
    broken = Settings(values={**SETTINGS.values, "Pola Nomor nota_dinas": "{nomor}/{tahun}"})
    with pytest.raises(Refused, match="urut"):
        assign_numbers([], [request()], broken)
