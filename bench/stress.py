"""A workbook at a ministry's scale, on which every command has work to do.

Run on its own: python bench/stress.py OUT.xlsx --cases 5000 --history 100000

Both shipped SOPs; the demo's Instansi, Pola Nomor, Dasar Hukum, Tim, Pejabat and IKU sheets (so
`generate` finds its signers and numbers); cases opened from January 2021 to October 2026, each with its
share of Riwayat in order, the newest cases last (so a case late in Riwayat is a recent one); every open
case's due time set two hours after its step began, so `reschedule` recounts each of them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from iku_xl import defaults, demo_data
from iku_xl.core.book import Book
from iku_xl.core.case import Case
from iku_xl.core.history import HistoryEntry
from iku_xl.shipped_sops import shipped_sops
from iku_xl.workbook.writer import write_new_workbook

FIRST = dt.datetime(2021, 1, 4, 8, 0)
LAST = dt.datetime(2026, 10, 1, 8, 0)
OPEN_SHARE = 20  # one case in this many is still open (the rest finished): a bureau's usual backlog


def case_ids(cases: int) -> list[str]:
    """The stress workbook's case IDs, oldest first (the order of their Riwayat rows)."""
    step = (LAST - FIRST) / max(cases, 1)
    return [f"IKU-{(FIRST + step * n).year}-{n:05d}" for n in range(1, cases + 1)]


def stress_book(cases: int = 5_000, history: int = 100_000, seed: int = 7) -> Book:
    rng = random.Random(seed)
    sops = {s.code: s for s in shipped_sops()}
    book = Book(sops=sops)
    book.officials = demo_data.demo_officials()
    book.profiles = demo_data.demo_profiles()
    book.iku_rows = demo_data.demo_iku_rows()
    book.team = demo_data.demo_team()
    from iku_xl import shipped_profiles
    book.number_patterns = shipped_profiles.number_patterns()
    book.legal_bases = shipped_profiles.legal_bases()
    book.days_off = defaults.holiday_rows(list(range(FIRST.year, LAST.year + 2)))
    per_case = max(history // cases, 1)
    spacing = (LAST - FIRST) / max(cases, 1)
    for n, case_id in enumerate(case_ids(cases), start=1):
        code = "POLHUKAM" if n % 2 else "KEMNAKER"
        sop = sops[code]
        moment = (FIRST + spacing * n).replace(microsecond=0)  # Riwayat holds whole seconds, as Lacak must
        finished = n % OPEN_SHARE != 0 and n < cases - 10
        moves = per_case
        for k in range(moves):
            step = sop.steps[k % len(sop.steps)]
            done = moment + dt.timedelta(minutes=rng.randint(5, 600))
            closing = finished and k == moves - 1  # a finished case's last move closes it, as in real Riwayat
            book.history.append(HistoryEntry(
                time=done, case_id=case_id, action="Maju", from_step=step.no,
                to_step=None if closing else step.no % len(sop.steps) + 1, decision="Ya" if step.is_decision else None,
                status_before="Berjalan", status="Selesai" if closing else "Berjalan", role=", ".join(step.executors),
                by="Staf",
                step_started=moment, standard=str(step.waktu), due=moment + dt.timedelta(minutes=60),
                minutes=rng.randint(5, 600), punctuality=rng.choice(["Tepat Waktu", "Terlambat", "Tanpa Standar"])))
            moment = done
        current = sop.steps[moves % len(sop.steps)]
        status = "Selesai" if finished else "Berjalan"
        book.cases.append(Case(id=case_id, title=f"Penyusunan IKU unit {n}", sop=code, unit="Biro Perencanaan",
                               step=current.no, activity=current.kegiatan, executor=", ".join(current.executors),
                               status=status, started=moment, due=moment + dt.timedelta(hours=2)))
    return book


def write_stress_workbook(path: Path, **sizes) -> Path:
    book = stress_book(**sizes)
    years = list(range(FIRST.year, LAST.year + 2))
    settings = defaults.settings_rows(years)
    write_new_workbook(Path(path), book, settings, defaults.hours_rows(), (2025, 2026, 2027, 2028, 2029))
    return Path(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the workbook to write (.xlsx)")
    parser.add_argument("--cases", type=int, default=5_000)
    parser.add_argument("--history", type=int, default=100_000, help="Riwayat rows")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one-sheet", action="store_true",
                        help="keep every year on Riwayat (by default the years before the last are closed into their "
                             "'Riwayat YYYY' sheets, as in a workbook in use)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    write_stress_workbook(args.out, cases=args.cases, history=args.history, seed=args.seed)
    if not args.one_sheet:
        # Otherwise the first move the bench times would pay the one-time close of five years.
        from iku_xl.actions.workflow import close_history_years

        close_history_years(args.out, now=LAST)
    print(f"{args.out}: {args.cases} cases, {args.history} Riwayat rows, {args.out.stat().st_size / 1e6:.1f} MB, "
          f"{time.perf_counter() - start:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
