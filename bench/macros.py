"""The macros in LibreOffice Calc on a stress workbook: wall time and engine calls of each action.

Run: python bench/macros.py [--cases 1000] [--history 20000] [--findings 500] [--repeat 3]
A stress workbook (bench/stress.py) gets `--findings` Kasus rows with a status no SOP knows (one finding
each), is opened in a LibreOffice Calc of its own, and each action runs through the real xlwings package
(iku_xl/calc/engine.py); `validate` runs twice (the second clears the first run's marks), `advance` moves
the newest open case (its rows are the last of Riwayat). Median of `--repeat` runs, each on a fresh copy.
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stress import write_stress_workbook  # noqa: E402


def with_findings(path: Path, findings: int) -> None:
    """`findings` finished cases given a status no SOP knows: one finding each, on Kasus column H."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    kasus = book["Kasus"]
    for row in range(2, min(findings, kasus.max_row - 1) + 2):
        kasus.cell(row, 8).value = "Proses"
    book.save(path)


def run_once(calc, path: Path) -> list[tuple[str, float, int]]:
    from iku_xl.core import layout
    from iku_xl.excel import macros
    from iku_xl.workbook.reader import read_book
    from tests.calc.live import LiveWorkbook

    newest = max((c for c in read_book(path).cases if c.status == "Berjalan"), key=lambda c: c.row or 0)
    workbook = LiveWorkbook(calc, path)
    results = []
    try:
        def timed(name, action):
            start, calls = time.perf_counter(), workbook.calls
            message = action(workbook.book)
            results.append((name, time.perf_counter() - start, workbook.calls - calls))
            print(f"{name}: {results[-1][1]:.2f} s, {results[-1][2]} calls", file=sys.stderr, flush=True)
            if workbook.app.alerts and workbook.app.alerts[-1]["mode"] == "critical":
                raise SystemExit(f"{name} failed: {message}")

        timed("status (read the workbook)", lambda book: _read(book))
        timed("validate (first run)", macros.validate)
        timed("validate (again: clears and marks)", macros.validate)
        workbook.panel(by="Dewi", at=dt.datetime(2026, 11, 20, 11, 0))
        workbook.select(f"A{newest.row}")
        timed("advance (newest open case)", macros.advance)
        timed("undo (that move)", macros.undo)
        timed("rebuild Lacak", macros.rebuild_tracking)
        kasus = workbook.sheet(layout.KASUS.name)
        last = kasus.used_range.last_cell.row
        kasus.range((last + 1, 2), (last + 1, 3)).value = [["Kasus baru", "POLHUKAM"]]
        timed("open (one typed case)", macros.open_cases)
    finally:
        workbook.close()
    return results


def _read(book):
    from iku_xl.excel.live_store import LiveStore

    with LiveStore(book):
        return "ok"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000)
    parser.add_argument("--history", type=int, default=20_000)
    parser.add_argument("--findings", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from tests.calc.harness import Calc

    folder = Path(tempfile.mkdtemp(prefix="iku-bench-macros-"))
    master = write_stress_workbook(folder / "master.xlsx", cases=args.cases, history=args.history)
    with_findings(master, args.findings)
    calc = Calc()
    rounds: list[list[tuple[str, float, int]]] = []
    try:
        for n in range(args.repeat):
            copy = folder / f"round{n}" / "iku.xlsx"
            copy.parent.mkdir()
            shutil.copy(master, copy)
            rounds.append(run_once(calc, copy))
    finally:
        calc.close()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"| action ({args.cases:,} cases / {args.history:,} Riwayat rows, {args.findings} findings) "
          "| time (median) | engine calls |")
    print("| --- | --- | --- |")
    for i, (name, _, calls) in enumerate(rounds[0]):
        seconds = statistics.median(r[i][1] for r in rounds)
        print(f"| {name} | {seconds:.2f} s | {calls:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
