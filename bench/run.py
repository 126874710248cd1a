"""iku-xl benchmarks: every command on stress workbooks, against the plain libraries on the same file.

Run: python bench/run.py [--sizes 1000/20000,5000/100000,20000/400000] [--repeat 3] [--keep DIR]
(python3 tasks.py bench runs the default sizes). Each measurement is a fresh process: a small wrapper
starts the command and reports its wall time and its peak memory (resource.getrusage(RUSAGE_CHILDREN)
.ru_maxrss of the wrapper, whose only child is the command); the median of `--repeat` runs is printed,
with the ratio to the calamine full read of the same workbook measured in the same run. Commands that
change the workbook run on a fresh copy each time.
"""
from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "code": done.returncode, "stdout": done.stdout[-2000:], "stderr": done.stderr[-2000:]}))
"""

CALAMINE = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
cells = sum(len(row) for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python())
print(cells)
"""

OPENPYXL = """
import sys
from openpyxl import load_workbook
load_workbook(sys.argv[1]).save(sys.argv[2])
"""


def measure(args: list[str]) -> dict:
    """One run of `args` in a fresh process: seconds, peak memory (KB), exit code."""
    done = subprocess.run([sys.executable, "-c", WRAPPER, *args], capture_output=True, text=True, cwd=ROOT)
    result = json.loads(done.stdout)
    if result["code"] not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({result['code']}): {result['stderr']}")
    return result


def iku(*args: str) -> list[str]:
    return [sys.executable, "-m", "iku_xl", *args]


def stress_workbook(folder: Path, cases: int, history: int) -> Path:
    path = folder / f"stress-{cases}-{history}.xlsx"
    if not path.exists():
        print(f"building {path.name} ...", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE / "stress.py"), str(path), "--cases", str(cases),
                        "--history", str(history)], check=True, cwd=ROOT)
    return path


def plan(stress: Path, work: Path, cases: int) -> list[tuple[str, list[str], bool]]:
    """(name, command, whether it changes the workbook); {book} is the workbook the run works on."""
    late = f"IKU-2026-{cases:05d}"  # the newest case: its rows are the last in Riwayat
    return [
        ("calamine: read every sheet", [sys.executable, "-c", CALAMINE, "{book}"], False),
        ("status", iku("status", "{book}"), False),
        ("validate", iku("validate", "{book}"), False),
        ("open", iku("open", "{book}", "--sop", "POLHUKAM", "--title", "Uji kecepatan"), True),
        ("advance (a case late in Riwayat)", iku("advance", "{book}", late), True),
        ("undo (that move)", iku("undo", "{book}", late), True),
        ("generate (one nota dinas)", iku("generate", "{book}", "--case", late, "--doc", "nota_dinas", "--out",
                                           str(work / "naskah")), True),
        ("export --month 2026-09", iku("export", "{book}", "--month", "2026-09", "--out", str(work / "ekspor")),
         False),
        ("lacak", iku("lacak", "{book}"), True),
        (f"reschedule ({cases // 20} open cases)", iku("reschedule", "{book}"), True),
        ("openpyxl: load + save", [sys.executable, "-c", OPENPYXL, "{book}", str(work / "openpyxl.xlsx")], False),
    ]


def run_size(folder: Path, cases: int, history: int, repeat: int, openpyxl_repeat: int) -> list[dict]:
    stress = stress_workbook(folder, cases, history)
    work = folder / f"work-{cases}"
    work.mkdir(exist_ok=True)
    runs: dict[str, list[dict]] = {}
    steps = plan(stress, work, cases)
    for round_ in range(repeat):
        copy = work / "book.xlsx"  # a fresh copy per round; advance and undo follow each other on it
        shutil.copy(stress, copy)
        shutil.rmtree(copy.parent / "cadangan", ignore_errors=True)
        for name, command, _ in steps:
            if name.startswith("openpyxl") and round_ >= openpyxl_repeat:
                continue
            book = str(stress if name.startswith(("calamine", "openpyxl")) else copy)
            if name.startswith(("lacak", "reschedule")):
                book = str(work / "other.xlsx")  # on the workbook as built, not after this round's moves
                shutil.copy(stress, book)
            result = measure([part.replace("{book}", book) for part in command])
            runs.setdefault(name, []).append(result)
            print(f"  {cases}/{history} {name}: {result['seconds']:.2f} s, {result['peak_kb'] / 1024:.0f} MB",
                  file=sys.stderr)
    rows = []
    base = statistics.median(r["seconds"] for r in runs["calamine: read every sheet"])
    for name, _, _ in steps:
        if name not in runs:
            continue
        seconds = statistics.median(r["seconds"] for r in runs[name])
        rows.append({"size": f"{cases:,} / {history:,}", "command": name, "seconds": seconds,
                     "peak_mb": max(r["peak_kb"] for r in runs[name]) / 1024, "ratio": seconds / base,
                     "runs": len(runs[name]), "mb": stress.stat().st_size / 1e6})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000/20000,5000/100000,20000/400000",
                        help="cases/Riwayat rows, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--openpyxl-repeat", type=int, default=1,
                        help="runs of the openpyxl baseline (minutes each at the largest size)")
    parser.add_argument("--keep", type=Path, help="folder for the stress workbooks (kept and reused)")
    parser.add_argument("--no-rekap", action="store_true", help="leave out the rekap across 50 and 5 workbooks")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="iku-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    # the program's bytecode made first, as an installed program has it (pip compiles at install, a first run
    # caches it): where PYTHONDONTWRITEBYTECODE is set, every command would otherwise compile its modules anew
    compileall.compile_dir(ROOT / "iku_xl", quiet=1)
    rows = []
    for size in args.sizes.split(","):
        cases, history = (int(n) for n in size.split("/"))
        rows += run_size(folder, cases, history, args.repeat, args.openpyxl_repeat)
        print_table(rows)
    if not args.no_rekap:  # iku-xl rekap over 50 demo workbooks and 5 stress ones (bench/rekap.py)
        from rekap import rekap_rows

        print("\n| rekap | time | peak memory |\n| --- | --- | --- |")
        for name, seconds, peak, _ in rekap_rows(folder, stress_workbook(folder, 5_000, 100_000)):
            print(f"| {name} | {seconds:.2f} s | {peak / 1024:.0f} MB |")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def print_table(rows: list[dict]) -> None:
    print(f"\nMachine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; {dt.datetime.now():%Y-%m-%d %H:%M}; "
          "median of the runs; ratio = time / calamine full read of the same workbook\n")
    print("| cases / Riwayat rows | command | time | ratio to calamine | peak memory | runs |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print(f"| {row['size']} ({row['mb']:.0f} MB) | {row['command']} | {row['seconds']:.2f} s | "
              f"{row['ratio']:.2f} | {row['peak_mb']:.0f} MB | {row['runs']} |")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
