"""A workbook at a ministry's scale: 5,000 cases and 100,000 Riwayat rows on both shipped SOPs."""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from iku_xl import defaults, demo_data
from iku_xl.core.book import Book
from iku_xl.core.case import Case
from iku_xl.core.history import HistoryEntry
from iku_xl.shipped_sops import shipped_sops
from iku_xl.workbook.writer import write_new_workbook


def stress_book(cases: int = 5_000, history: int = 100_000, seed: int = 7) -> Book:
    rng = random.Random(seed)
    sops = {s.code: s for s in shipped_sops()}
    book = Book(sops=sops)
    book.officials = demo_data.demo_officials()
    book.days_off = defaults.holiday_rows([2026, 2027])
    per_case = history // cases
    start = dt.datetime(2021, 1, 4, 8, 0)
    for n in range(1, cases + 1):
        code = "POLHUKAM" if n % 2 else "KEMNAKER"
        sop = sops[code]
        opened = start + dt.timedelta(hours=7 * n)
        case_id = f"IKU-{opened.year}-{n:05d}"
        moment = opened
        for k in range(per_case):
            step = sop.steps[k % len(sop.steps)]
            done = moment + dt.timedelta(minutes=rng.randint(5, 600))
            book.history.append(HistoryEntry(
                time=done, case_id=case_id, action="Maju", from_step=step.no,
                to_step=step.no % len(sop.steps) + 1, decision="Ya" if step.is_decision else None,
                status_before="Berjalan", status="Berjalan", role=", ".join(step.executors), by="Staf",
                step_started=moment, standard=str(step.waktu), due=moment + dt.timedelta(minutes=60),
                minutes=rng.randint(5, 600), punctuality=rng.choice(["Tepat Waktu", "Terlambat", "Tanpa Standar"])))
            moment = done
        current = sop.steps[per_case % len(sop.steps)]
        book.cases.append(Case(id=case_id, title=f"Penyusunan IKU unit {n}", sop=code, unit="Biro Perencanaan",
                               step=current.no, activity=current.kegiatan, executor=", ".join(current.executors),
                               status="Berjalan", started=moment, due=moment + dt.timedelta(hours=2)))
    return book


def write_stress_workbook(path: Path, **sizes) -> Path:
    book = stress_book(**sizes)
    settings = defaults.settings_rows([2026, 2027])
    write_new_workbook(path, book, settings, defaults.hours_rows(), (2025, 2026, 2027, 2028, 2029))
    return path
