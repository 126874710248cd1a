"""Waktu as SOPs write it: the unit, the amount, and a reading to confirm when the wording is loose."""
import pytest

from iku_xl.core.waktu import Duration, TimeUnit, WaktuProblem, parse_waktu


@pytest.mark.parametrize("text,amount,unit,loose", [
    ("10 Menit", 10, TimeUnit.MENIT, False),
    ("2 Jam", 2, TimeUnit.JAM, False),
    ("1 Hari", 1, TimeUnit.HARI, False),
    ("1 Minggu", 5, TimeUnit.HARI, False),        # a week of working days
    ("½ hari", 0.5, TimeUnit.HARI, False),
    ("0,5 hari", 0.5, TimeUnit.HARI, False),
    ("1/2 hari", 0.5, TimeUnit.HARI, False),
    ("3 x 24 jam", 3, TimeUnit.HARI, False),     # the wording of three days, not 72 working hours
    ("1-2 hari", 2, TimeUnit.HARI, True),        # a range: its upper bound, said
    ("2 s.d. 3 jam", 3, TimeUnit.JAM, True),
    ("60", 60, TimeUnit.MENIT, True),            # a bare number: minutes, said
    (45, 45, TimeUnit.MENIT, True),
])
def test_waktu_forms(text, amount, unit, loose):
    duration = parse_waktu(text)
    assert isinstance(duration, Duration)
    assert (duration.amount, duration.unit) == (amount, unit)
    assert bool(duration.reading) is loose


@pytest.mark.parametrize("text,problem", [("menit", WaktuProblem.NO_NUMBER), ("", WaktuProblem.EMPTY),
                                          ("5 detik", WaktuProblem.UNKNOWN_UNIT)])
def test_waktu_without_a_time_is_never_invented(text, problem):
    assert parse_waktu(text) is problem
