"""NIP: 18 digits of birth date, TMT CPNS, gender and sequence; typos are caught."""
import pytest

from iku_xl.core.people import format_nip, nip_problem


@pytest.mark.parametrize("nip", ["198609262015052001", "19860926 201505 2 001", "19860926.201505.2.001"])
def test_a_good_nip_in_every_way_it_is_typed(nip):
    assert nip_problem(nip) is None
    assert format_nip(nip) == "19860926 201505 2 001"


def test_an_nip_stored_as_a_number_has_lost_its_last_digits():
    assert "Teks" in nip_problem(198609262015052001.0)


@pytest.mark.parametrize("nip,words", [
    ("", "kosong"), ("19860926201505200", "18 angka"), ("1986092620150520O1", "angka"),
    ("198602302015052001", "tanggal lahir"), ("198609262015132001", "bulan TMT"),
    ("198609261990052001", "tidak cocok"), ("198609262015053001", "jenis kelamin"),
])
def test_typos_are_named(nip, words):
    assert words in nip_problem(nip)
