"""iku-xl init: write a new IKU workbook, with both shipped SOPs (and demo data on request)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import clock, shipped_profiles
from ..core.book import Book
from ..core.calendar import OfficeCalendar
from ..shipped_sops import shipped_sops
from ..store import Store, open_store


def init_workbook(target: Store | str | Path, *, demo: bool = False, force: bool = False,
                  today: dt.date | None = None) -> Book:
    """A new workbook with the shipped SOPs, profiles, days off and settings (and the demo's cases on request)."""
    from .. import defaults

    store = open_store(target)  # refuses to write over a workbook that is there, unless `force`
    today = today or clock.today()
    years = [today.year, today.year + 1]
    if demo:  # the demo's cases need their own years' days off, whenever the demo is run
        from ..demo_data import CASES
        first = min(opened.year for _, _, _, _, opened, _ in CASES)
        years = list(range(min(first, today.year), today.year + 2))
    book = Book(sops={sop.code: sop for sop in shipped_sops()})
    book.days_off = defaults.holiday_rows(years)
    book.profiles = shipped_profiles.shipped_profiles()
    book.number_patterns = shipped_profiles.number_patterns()
    book.legal_bases = shipped_profiles.legal_bases()
    if demo:
        from .. import demo_data
        book.profiles = demo_data.demo_profiles()
        book.officials = demo_data.demo_officials()
        book.iku_rows = demo_data.demo_iku_rows()
        book.cascades = demo_data.demo_cascades()
        book.quarter_targets = demo_data.demo_quarter_targets()
        book.budgets = demo_data.demo_budgets()
        book.number_patterns += demo_data.demo_number_patterns()
        book.team = demo_data.demo_team()
        calendar = OfficeCalendar(days_off=frozenset(m.date() for d in book.days_off if (m := d.date)),
                                  ramadan_periods=list(defaults.ramadan_estimates(years).values()))
        demo_data.run_demo_cases(book, calendar)
    store.create(book, defaults.settings_rows(years), list(defaults.hours_rows()),
                 (2025, 2026, 2027, 2028, 2029), force=force)
    return book
