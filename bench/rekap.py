"""The rekap across a ministry: `iku-xl rekap` over 50 demo-sized workbooks and over 5 stress-sized ones
(5,000 cases and 100,000 Riwayat rows each), timed as a command in a fresh process.

Run alone: python bench/rekap.py (or through bench/run.py, which passes its stress workbook)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

DEMO_UNITS, STRESS_UNITS = 50, 5


def timed_command(args: list[str]) -> tuple[float, int, str]:
    """Wall time, peak memory (KB) and output of one iku-xl command in a fresh process."""
    code = ("import sys; from iku_xl.cli import main; code = main(sys.argv[1:]); "
            "peak = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0]; "
            "print('MAXRSS', peak, file=sys.stderr); sys.exit(code)")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"iku-xl {' '.join(args)} failed: {done.stderr}")
    return elapsed, int(done.stderr.rsplit("MAXRSS", 1)[1].split()[0]), done.stdout.strip()


def units(source: Path, folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, count + 1):
        shutil.copy(source, folder / f"unit-{n:02d}.xlsx")
    return folder


def rekap_rows(folder: Path, stress: Path | None = None) -> list[tuple[str, float, int, str]]:
    """(what, seconds, peak KB, the command's summary) for both rekaps."""
    from iku_xl.actions.init import init_workbook

    demo = folder / "rekap-demo.xlsx"
    init_workbook(demo, demo=True)
    if stress is None:
        from stress import write_stress_workbook

        stress = write_stress_workbook(folder / "rekap-stress.xlsx")
    rows = []
    for label, source, count, semester in ((f"rekap {DEMO_UNITS} buku kerja demo", demo, DEMO_UNITS, "2026-2"),
                                           (f"rekap {STRESS_UNITS} buku kerja stress (5.000 kasus, 100.000 riwayat "
                                            "masing-masing)", stress, STRESS_UNITS, "2023-1")):
        where = units(source, folder / f"unit-{source.stem}", count)
        seconds, peak, said = timed_command(["rekap", str(where), "--semester", semester, "--out",
                                             str(folder / f"rekap-{source.stem}.xlsx")])
        rows.append((label, seconds, peak, said))
    return rows


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        for label, seconds, peak, said in rekap_rows(Path(temp)):
            print(f"| {label} | {seconds:.2f} s | {peak / 1024:.0f} MB |")
            print(f"    {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
