"""Reading a cell into a record's typed field: what each type accepts, and what it refuses (kept for the rules)."""
import datetime as dt

from iku_xl.core.case import Case
from iku_xl.core.history import HistoryEntry
from iku_xl.core.people import Official
from iku_xl.core.values import field_readers, read_int, read_measure, read_moment, read_text, read_time


def test_text_is_stripped_and_numbers_read_as_typed():
    assert read_text("  IKU-2026-001 ") == ("IKU-2026-001", True)
    assert read_text(7.0) == ("7", True)
    assert read_text("   ") == (None, True)
    assert read_text("Reviu\x0b") == ("Reviu\x0b", True)  # a control character stays, for validate to name it


def test_a_step_number_as_staff_type_it():
    assert read_int(7.0) == (7, True) and read_int(" 7 ") == (7, True) and read_int(None) == (None, True)
    assert read_int("tujuh") == (None, False)
    assert read_int(True) == (None, False)
    assert read_int(7.5) == (None, False)


def test_a_date_typed_as_text_is_not_read_but_kept_aside():
    assert read_moment(dt.date(2026, 11, 23)) == (dt.datetime(2026, 11, 23), True)
    assert read_moment("23/11/2026") == (None, False)
    assert read_moment(0.5) == (None, False)
    assert read_moment("") == (None, True)


def test_times_and_measures():
    assert read_time("07.30") == (dt.time(7, 30), True) and read_time("jam tujuh") == (None, False)
    assert read_measure(196805121993031002) == (196805121993031002, True)  # an NIP typed as a number stays one
    assert read_measure(" WTP ") == ("WTP", True)


def test_each_field_is_read_by_its_declared_type():
    case = field_readers(Case)
    assert case["step"] is read_int and case["started"] is read_moment and case["sop"] is read_text
    assert field_readers(HistoryEntry)["minutes"] is read_int
    assert field_readers(Official)["nip"] is read_measure
