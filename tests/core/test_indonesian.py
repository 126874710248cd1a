"""Numbers, dates and times as Indonesian official letters write them."""
import datetime as dt

import pytest

from iku_xl.core.indonesian import bulan_romawi, hari_tanggal, jam, tanggal, terbilang


@pytest.mark.parametrize("number,words", [
    (0, "nol"), (1, "satu"), (10, "sepuluh"), (11, "sebelas"), (12, "dua belas"), (19, "sembilan belas"),
    (21, "dua puluh satu"), (100, "seratus"), (110, "seratus sepuluh"), (111, "seratus sebelas"),
    (999, "sembilan ratus sembilan puluh sembilan"), (1000, "seribu"), (1001, "seribu satu"),
    (2000, "dua ribu"), (11_000, "sebelas ribu"), (100_000, "seratus ribu"), (1_000_000, "satu juta"),
    (1_000_001, "satu juta satu"), (2_500_000, "dua juta lima ratus ribu"), (1_000_000_000, "satu miliar"),
])
def test_terbilang(number, words):
    assert terbilang(number) == words


def test_dates_and_times():
    assert tanggal(dt.date(2026, 11, 24)) == "24 November 2026"
    assert hari_tanggal(dt.date(2026, 11, 24)) == "Selasa, 24 November 2026"
    assert jam(dt.time(9, 5)) == "09.05"
    assert [bulan_romawi(m) for m in (1, 4, 9, 11, 12)] == ["I", "IV", "IX", "XI", "XII"]
