"""The batch renderer against the plain docxtpl loop: 500 nota dinas from the demo workbook.

Run: python bench/documents.py
"""
from __future__ import annotations

import datetime as dt
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DOCUMENTS = 500


def timed(function, repeat: int = 1) -> float:
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


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

    from iku_xl.documents.batch import render_many
    from iku_xl.documents.render import environment

    with tempfile.TemporaryDirectory() as temp:
        jobs = document_jobs(Path(temp))

        def docxtpl_loop():
            for template, context, _, _ in jobs:
                document = DocxTemplate(str(template))
                document.render(context, environment(), autoescape=True)
                document.save(io.BytesIO())

        baseline = timed(docxtpl_loop)
        fast = timed(lambda: render_many(jobs), repeat=2)
    print(f"{DOCUMENTS} nota dinas: batch renderer {fast:.2f} s, docxtpl loop {baseline:.2f} s, "
          f"{baseline / fast:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
