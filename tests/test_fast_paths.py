"""The fast paths give what the plain libraries give: the batch renderer the documents docxtpl
makes, the calamine reader the values openpyxl reads."""
import datetime as dt
import io
import re
import sys
import zipfile

import pytest
from lxml import etree
from openpyxl import load_workbook

from iku_xl.core.cells import column_letter
from iku_xl.core.document_kinds import DOCUMENT_KINDS
from iku_xl.documents.batch import PARALLEL_FROM, compiled, render_many
from iku_xl.workbook.reader import load_grids, open_package
from tests.documents.test_generate import BEFORE_MEETING, TEMPLATES, TODAY
from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))


def docxtpl_document(template, context, style=None, properties=None) -> bytes:
    """The plain docxtpl way, plus the steps the project adds around it (style before, table fixes after)."""
    from iku_xl.documents.render import render_document

    return render_document(template, context, style, properties)


def contexts_for_every_template(demo_book):
    from iku_xl.actions.generate import producing_step
    from iku_xl.core import naskah
    from iku_xl.core.office_hours import office_calendar
    from iku_xl.documents.word_style import WordStyle
    from iku_xl.workbook.reader import read_book

    book = read_book(demo_book)
    calendar = office_calendar(book.settings, book.days_off)
    cases = {c.id_text: c for c in book.cases}
    plan = {"nota_dinas": "IKU-2026-001", "permenko_iku": "IKU-2026-001", "lembar_disposisi": "IKU-2026-001",
            "undangan_rapat": "IKU-2026-002", "notula_rapat": "IKU-2026-001", "sk_tim": "IKU-2026-003",
            "keputusan_iku": "IKU-2026-003"}
    for kind in DOCUMENT_KINDS:
        case = cases[plan[kind]]
        sop = book.sops[case.sop]
        step = producing_step(sop, sop.step(int(case.step)), kind)
        day = BEFORE_MEETING if kind == "undangan_rapat" else TODAY
        draft = naskah.draft(book, sop, case, step, kind, day, calendar)
        style = WordStyle(draft.style.paper, draft.style.font, draft.style.size,
                          str(TEMPLATES / "logo-contoh.png"), str(TEMPLATES / "garuda-contoh.png"))
        yield kind, naskah.finish(draft, "7/X/2026", TODAY), style, draft.properties


def canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def test_batch_renderer_equals_docxtpl_for_every_template(demo_book):
    for kind, context, style, properties in contexts_for_every_template(demo_book):
        template = TEMPLATES / f"{kind}.docx"
        slow = zipfile.ZipFile(io.BytesIO(docxtpl_document(template, context, style, properties)))
        fast = zipfile.ZipFile(io.BytesIO(compiled(template, style).render(context, properties)))
        assert fast.testzip() is None
        assert sorted(slow.namelist()) == sorted(fast.namelist()), kind
        for name in slow.namelist():
            a, b = slow.read(name), fast.read(name)
            if name == "docProps/core.xml":  # written a second apart, perhaps
                a, b = (re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:[a-z]+>", b"", x) for x in (a, b))
            if name.endswith((".xml", ".rels")):
                assert canonical(a) == canonical(b), (kind, name)
            else:
                assert a == b, (kind, name)


def test_parallel_batch_gives_the_same_documents_in_order(demo_book):
    kind, context, style, properties = next(contexts_for_every_template(demo_book))
    template = TEMPLATES / f"{kind}.docx"
    jobs = [(template, {**context, "nomor_tampil": f"{n}/X/2026"}, style, properties)
            for n in range(PARALLEL_FROM + 2)]
    parallel = render_many(jobs, workers=2)
    serial = render_many(jobs[:3], workers=1)
    for one, other in zip(parallel, serial):
        assert zipfile.ZipFile(io.BytesIO(one)).read("word/document.xml") == \
            zipfile.ZipFile(io.BytesIO(other)).read("word/document.xml")
    assert f"{len(jobs) - 1}/X/2026".encode() in zipfile.ZipFile(io.BytesIO(parallel[-1])).read("word/document.xml")


def _plain(value):
    """openpyxl's value as calamine gives it: whole numbers as float, midnight datetimes as dates."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return float(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    if isinstance(value, str) and value.startswith("="):
        return None  # a formula: no cached value in a file openpyxl wrote
    return value


def assert_same_values(path):
    package = open_package(path)
    grids = load_grids(package, list(package.sheet_parts()))
    workbook = load_workbook(path)
    for sheet in workbook.worksheets:
        grid = grids[sheet.title]
        for row in sheet.iter_rows():
            for cell in row:
                expected = _plain(cell.value)
                got = grid.value(cell.row, cell.column)
                if expected in (None, ""):
                    assert got in (None, ""), (sheet.title, cell.coordinate, got)
                elif isinstance(expected, float):
                    assert got == pytest.approx(expected), (sheet.title, cell.coordinate)
                else:
                    assert got == expected, (sheet.title, cell.coordinate, got, expected)


def test_fast_reader_equals_openpyxl_on_the_shipped_workbook():
    assert_same_values(ROOT / "workbook" / "iku.xlsx")


def test_fast_reader_equals_openpyxl_on_a_stress_workbook(tmp_path):
    from stress import write_stress_workbook  # the bench's own generator, at a tenth of its size
    path = write_stress_workbook(tmp_path / "stress.xlsx", cases=500, history=5_000)
    assert_same_values(path)
    assert column_letter(16) == "P"
