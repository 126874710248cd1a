"""The office calendar: due times worked by hand, and properties that hold for any start."""
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from iku_xl.core.calendar import OfficeCalendar
from iku_xl.core.waktu import Duration, TimeUnit, WaktuProblem, parse_waktu
from iku_xl.defaults import holiday_rows

DAYS_OFF = frozenset(d.date.date() for d in holiday_rows([2026, 2027]))
RAMADAN_2026 = (dt.date(2026, 2, 18), dt.date(2026, 3, 19))
CAL = OfficeCalendar(days_off=DAYS_OFF, ramadan_periods=[RAMADAN_2026])


def at(text):
    return dt.datetime.fromisoformat(text)


def minutes(n):
    return Duration(n, TimeUnit.MENIT)


def test_friday_afternoon_runs_into_monday():
    assert CAL.due(at("2026-11-20T16:20"), minutes(30)) == at("2026-11-23T07:50")


def test_one_day_is_same_clock_next_working_day():
    assert CAL.due(at("2026-11-19T10:00"), Duration(1, TimeUnit.HARI)) == at("2026-11-20T10:00")


def test_lunch_break_is_skipped():
    assert CAL.due(at("2026-11-23T11:30"), minutes(60)) == at("2026-11-23T13:30")


def test_friday_longer_break_is_skipped():
    assert CAL.due(at("2026-11-20T11:00"), minutes(60)) == at("2026-11-20T13:30")


def test_hours_count_as_working_minutes():
    assert CAL.due(at("2026-11-23T15:00"), Duration(2, TimeUnit.JAM)) == at("2026-11-24T08:30")


def test_december_cuti_bersama_and_christmas():
    # 24 Dec 2026 cuti bersama (Thursday), 25 Dec Natal (Friday), then the weekend
    assert CAL.due(at("2026-12-23T15:30"), minutes(60)) == at("2026-12-28T08:00")


def test_march_2026_run_of_days_off():
    # 18 Mar cuti Nyepi, 19 Nyepi, 20 cuti Idul Fitri, 21-22 weekend, 23-24 cuti bersama
    assert CAL.due(at("2026-03-17T10:00"), Duration(1, TimeUnit.HARI)) == at("2026-03-25T10:00")


def test_ramadan_hours():
    # Ramadan: Monday 08:00-15:00 with a 12:00-12:30 break
    assert CAL.due(at("2026-03-02T14:30"), minutes(60)) == at("2026-03-03T08:30")
    assert CAL.due(at("2026-03-02T11:45"), minutes(30)) == at("2026-03-02T12:45")


def test_start_outside_office_hours_counts_from_opening():
    assert CAL.due(at("2026-11-21T09:00"), minutes(10)) == at("2026-11-23T07:40")  # Saturday
    assert CAL.due(at("2026-11-23T06:00"), Duration(1, TimeUnit.HARI)) == at("2026-11-24T07:30")


def test_working_minutes_between():
    assert CAL.working_minutes(at("2026-11-20T16:00"), at("2026-11-23T08:00")) == 60
    assert CAL.working_minutes(at("2026-11-23T08:00"), at("2026-11-20T16:00")) == -60


def test_parse_waktu():
    assert parse_waktu("10 Menit") == minutes(10)
    assert parse_waktu(" 2 jam ") == Duration(2, TimeUnit.JAM)
    assert parse_waktu("1 Hari") == Duration(1, TimeUnit.HARI)
    assert parse_waktu("menit") is WaktuProblem.NO_NUMBER
    assert parse_waktu("") is WaktuProblem.EMPTY
    assert parse_waktu("3 bulan") is WaktuProblem.UNKNOWN_UNIT


starts = st.datetimes(min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2027, 11, 30)).map(
    lambda d: d.replace(second=0, microsecond=0))


def inside_a_break_or_day_off(moment):
    hours = CAL.day_hours(moment.date())
    if hours is None:
        return True
    return any(a < moment.time() < b for a, b in hours.breaks) or not (hours.start <= moment.time() <= hours.end)


@settings(max_examples=300, deadline=None)
@given(start=starts, amount=st.integers(min_value=1, max_value=3000))
def test_adding_then_measuring_gives_the_duration(start, amount):
    due = CAL.due(start, minutes(amount))
    assert CAL.working_minutes(start, due) == amount
    assert not inside_a_break_or_day_off(due)


@settings(max_examples=200, deadline=None)
@given(start=starts, days=st.integers(min_value=1, max_value=10))
def test_working_days_land_on_a_working_moment(start, days):
    due = CAL.due(start, Duration(days, TimeUnit.HARI))
    assert CAL.is_working_moment(due)
    assert due > start


def test_office_hours_come_from_pengaturan(plain_master, tmp_path, capsys):
    """Staff change Monday's opening to 08:00 in the Jam Kerja table; due times follow."""
    import shutil

    from iku_xl.core.office_hours import office_calendar
    from iku_xl.workbook.reader import read_book
    from tests.helpers import edit, run

    path = tmp_path / "iku.xlsx"
    shutil.copy(plain_master, path)
    edit(path, {"Pengaturan": {"G2": dt.time(8, 0)}})  # Senin, Normal: Masuk
    book = read_book(path)
    calendar = office_calendar(book.settings, book.days_off)
    assert calendar.day_hours(dt.date(2026, 11, 23)).start == dt.time(8, 0)
    assert calendar.day_hours(dt.date(2026, 11, 24)).start == dt.time(7, 30)
    assert any(first <= dt.date(2026, 3, 1) <= last for first, last in calendar.ramadan_periods)
    code, _out, _ = run(capsys, "open", path, "--sop", "POLHUKAM", "--title", "Uji jam", "--at", "2026-11-23T07:45")
    assert code == 0
    case = read_book(path).cases[0]
    assert case.due == at("2026-11-23T08:10")


def test_time_typed_as_text_in_jam_kerja_is_read():
    from iku_xl.core.book import Book
    from iku_xl.core.office_hours import office_calendar
    from iku_xl.core.settings import HoursRow, Settings
    from iku_xl.workbook.list_sheet import typed_records

    typed = {"day": "Senin", "period": "Normal", "start": "08.00", "end": "16.00", "break_start": "12.00",
             "break_end": "13.00"}  # as the cells hold them: text
    rows = typed_records(Book(), "Pengaturan", HoursRow, [(2, typed)])  # what the reader makes of them
    calendar = office_calendar(Settings(hours=rows), [])
    assert calendar.due(at("2026-11-23T11:30"), minutes(60)) == at("2026-11-23T13:30")
    assert calendar.day_hours(dt.date(2026, 11, 24)) is None  # Tuesday not in the table: no office hours
