"""Which cases' rows read are not the whole of their history."""
import datetime as dt

from iku_xl.core.history import HistoryEntry, incomplete_cases

T = dt.datetime(2026, 3, 2, 9, 0)


def row(case_id: str, action: str) -> HistoryEntry:
    return HistoryEntry(T, case_id, action)


def test_an_undo_with_nothing_before_it_marks_a_case_whose_rows_lie_in_a_closed_year():
    rows = [row("IKU-2025-001", "Urungkan"), row("IKU-2025-001", "Maju"), row("IKU-2026-002", "Maju")]
    assert incomplete_cases(rows) == {"IKU-2025-001"}


def test_an_undo_of_a_move_read_before_it_is_a_whole_history():
    rows = [row("IKU-2026-002", "Maju"), row("IKU-2026-002", "Tunda"), row("IKU-2026-002", "Urungkan"),
            row("IKU-2026-002", "Urungkan")]
    assert incomplete_cases(rows) == set()


def test_a_third_undo_after_two_moves_reaches_past_the_rows_read():
    rows = [row("X", "Maju"), row("X", "Urungkan"), row("X", "Maju"), row("X", "Urungkan"), row("X", "Urungkan")]
    assert incomplete_cases(rows) == {"X"}


def test_rows_without_a_case_are_not_named():
    assert incomplete_cases([row("", "Urungkan")]) == set()
