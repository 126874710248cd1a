"""iku-xl benchmarks: builds its own data, times each operation against its baseline, prints a table.

Run: python3 tasks.py bench (or make bench). Baselines are measured in the same run: the plain
docxtpl loop for documents, openpyxl load-and-save for the workbook.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

DOCUMENTS = 500


def timed(function, repeat: int = 1) -> float:
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def command(args: list[str]) -> tuple[float, int]:
    """Wall time and peak memory (KB) of one iku-xl command in a fresh process."""
    # VmHWM: the process's own peak (ru_maxrss would carry the bench's own peak across fork and exec)
    code = ("import sys; from iku_xl.cli import main; code = main(sys.argv[1:]); "
            "peak = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0]; "
            "print('MAXRSS', peak, file=sys.stderr); sys.exit(code)")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"iku-xl {' '.join(args)} failed: {done.stderr}")
    peak = int(done.stderr.rsplit("MAXRSS", 1)[1].split()[0])
    return elapsed, peak


def document_jobs(folder: Path):
    """The jobs `generate` hands the renderer: a nota dinas per case, in the profile's style."""
    from iku_xl.actions.init import init_workbook
    from iku_xl.core import naskah
    from iku_xl.core.office_hours import office_calendar
    from iku_xl.documents.word_style import WordStyle
    from iku_xl.workbook.reader import read_book

    workbook = folder / "demo.xlsx"
    init_workbook(workbook, demo=True)
    book = read_book(workbook)
    calendar = office_calendar(book.settings, book.days_off)
    sop = book.sops["POLHUKAM"]
    case = book.cases[0]
    templates = ROOT / "templates"
    draft = naskah.draft(book, sop, case, sop.step(15), "nota_dinas", dt.date(2026, 11, 23), calendar)
    style = WordStyle(draft.style.paper, draft.style.font, draft.style.size, str(templates / "logo-contoh.png"))
    jobs = []
    for n in range(1, DOCUMENTS + 1):
        context = naskah.finish(draft, f"{n}/Ses/OT.01.02/11/2026", dt.date(2026, 11, 23))
        context["isi"] = [f"Unit kerja {n} & mitra <{n}>: {line}" for line in context["isi"]]
        jobs.append((templates / "nota_dinas.docx", context, style, {**draft.properties, "case_id": f"C-{n}"}))
    return jobs


def main() -> int:
    from docxtpl import DocxTemplate
    from openpyxl import load_workbook
    from stress import write_stress_workbook

    from iku_xl.documents.batch import render_many
    from iku_xl.documents.render import environment

    rows = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        print(f"Membuat data uji di {folder} ...", file=sys.stderr)
        jobs = document_jobs(folder)

        def docxtpl_loop():
            for template, context, _, _ in jobs:
                document = DocxTemplate(str(template))
                document.render(context, environment(), autoescape=True)
                document.save(io.BytesIO())

        baseline = timed(docxtpl_loop)
        fast = timed(lambda: render_many(jobs), repeat=2)
        rows.append((f"{DOCUMENTS} nota dinas", fast, baseline, "loop docxtpl"))

        stress = folder / "stress.xlsx"
        start = time.perf_counter()
        write_stress_workbook(stress)
        print(f"Buku kerja uji: {stress.stat().st_size / 1e6:.1f} MB, dibuat dalam {time.perf_counter() - start:.0f} s",
              file=sys.stderr)
        saved = folder / "stress-openpyxl.xlsx"
        openpyxl_time = timed(lambda: load_workbook(stress).save(saved))
        peaks = {}
        for name, args in (("status", ["status", str(stress)]), ("validate", ["validate", str(stress)])):
            elapsed, peaks[name] = command(args)
            rows.append((f"{name} (5.000 kasus, 100.000 riwayat)", elapsed, openpyxl_time, "openpyxl load+save"))
        copy = folder / "stress-advance.xlsx"
        shutil.copy(stress, copy)
        elapsed, peaks["advance"] = command(["advance", str(copy), "IKU-2021-00001", "--at", "2026-11-23T08:00"])
        rows.append(("advance satu kasus", elapsed, openpyxl_time, "openpyxl load+save"))
        demo = folder / "demo.xlsx"
        elapsed, peaks["status demo"] = command(["status", str(demo)])
        rows.append(("status pada buku kerja demo (start-up)", elapsed, None, "goal 0,5 s"))
        from rekap import rekap_rows

        for name, elapsed, peak, _ in rekap_rows(folder, stress):
            rows.append((name, elapsed, None, "-"))
            peaks[name] = peak

    print(f"\nMesin: {os.cpu_count()} inti; tanggal {dt.date.today():%Y-%m-%d}\n")
    print("| operasi | waktu | baseline | baseline diukur | rasio |")
    print("| --- | --- | --- | --- | --- |")
    for name, ours, base, what in rows:
        ratio = f"{base / ours:.1f}x lebih cepat" if base else "-"
        print(f"| {name} | {ours:.2f} s | {f'{base:.2f} s' if base else '-'} | {what} | {ratio} |")
    print("\n| perintah | memori puncak |")
    print("| --- | --- |")
    for name, peak in peaks.items():
        print(f"| {name} | {peak / 1024:.0f} MB |")
    importtime = subprocess.run([sys.executable, "-X", "importtime", "-c", "import iku_xl.excel.macros"],
                                capture_output=True, text=True, cwd=ROOT).stderr.splitlines()
    heaviest = sorted((line for line in importtime if "|" in line and "cumulative" not in line),
                      key=lambda line: -int(line.split("|")[1]))[:6]
    print("\npython -X importtime -c 'import iku_xl.excel.macros' (paling berat, mikrodetik kumulatif):\n")
    for line in heaviest:
        print("    " + line.replace("import time:", "").strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
