"""The .docx templates in templates/ are the source of truth: a bureau edits them in Word or LibreOffice Writer
(there is no generator). Each reads only fields templates/FIELDS.md documents, and each still renders after a
round trip through Writer, as a template a bureau opened and saved would."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from iku_xl.actions.generate import generate
from iku_xl.core.document_kinds import KINDS
from iku_xl.documents.render import environment
from tests.helpers import ROOT, edit, soffice

TEMPLATES = ROOT / "templates"
TODAY, BEFORE_MEETING = dt.date(2026, 11, 23), dt.date(2026, 11, 18)  # IKU-2026-002 meets on 20 November
# a demo case whose SOP makes each kind, and the day it is made on (a kind added to the registry is added here)
DEMO_CASE = {"nota_dinas": ("IKU-2026-001", TODAY), "permenko_iku": ("IKU-2026-001", TODAY),
             "lembar_disposisi": ("IKU-2026-001", TODAY), "undangan_rapat": ("IKU-2026-002", BEFORE_MEETING),
             "notula_rapat": ("IKU-2026-001", TODAY), "sk_tim": ("IKU-2026-003", TODAY),
             "keputusan_iku": ("IKU-2026-003", TODAY)}  # Kemnaker set by Keputusan Menteri (below)


def fields_used(template: Path) -> set[str]:
    """The fields a template reads, as docxtpl parses it (a tag Word split over several runs included)."""
    from docxtpl import DocxTemplate

    return set(DocxTemplate(str(template)).get_undeclared_template_variables(environment()))


def fields_documented() -> set[str]:
    """Every field named in the tables of FIELDS.md (`instansi.nama` documents `instansi`)."""
    page = (TEMPLATES / "FIELDS.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("|")]
    return {name for row in rows for name in re.findall(r"`([a-z_]+)[a-z_.]*`", row.split("|")[1])}


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.docx")), ids=lambda path: path.stem)
def test_every_field_a_template_reads_is_documented(template):
    used = fields_used(template)
    assert used, f"{template.name} reads no field: not a docxtpl template?"
    assert used - fields_documented() == set(), f"document these fields of {template.name} in templates/FIELDS.md"


def test_every_template_renders_after_a_round_trip_through_writer(demo_book, tmp_path):
    """Writer rewrites the whole package (styles, runs, numbering): the tags must survive it and render, the
    naskah of the SOP steps and the yearly performance documents of `iku-xl kinerja` alike."""
    from iku_xl.actions.kinerja import make_kinerja
    from iku_xl.actions.monitor import monitor

    binary = soffice()
    if binary is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer")
    step_kinds = [kind for kind in KINDS.values() if kind.step]
    assert set(DEMO_CASE) == {kind.code for kind in step_kinds}, "add a demo case for each new kind to DEMO_CASE"
    edit(demo_book, {"Instansi": {"AA3": "Keputusan Menteri", "AB3": None}})  # Kemnaker's IKU by Keputusan
    saved = tmp_path / "templat"
    saved.mkdir()
    for file in TEMPLATES.iterdir():
        if file.suffix in (".png", ".md"):
            shutil.copy(file, saved / file.name)
    templates = sorted(TEMPLATES.glob("*.docx"))
    subprocess.run([binary, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(saved), *map(str, templates)],
                   check=True, capture_output=True, timeout=300)
    for original in templates:
        round_trip = saved / original.name
        assert round_trip.exists(), f"Writer did not save {original.name}"
        assert zipfile.ZipFile(round_trip).read("word/document.xml") != zipfile.ZipFile(original).read(
            "word/document.xml"), f"{original.name} came back untouched: not a real round trip"
        assert fields_used(round_trip) == fields_used(original), original.name
    yearly = make_kinerja(demo_book, 2027, out_dir=tmp_path / "kinerja", today=dt.date(2026, 12, 1), templates=saved)
    monitored = monitor(demo_book, "2026-2", out_dir=tmp_path / "monitoring", today=dt.date(2026, 12, 1),
                        templates=saved)
    made = [*(file for kind in step_kinds for file in _one(demo_book, kind.code, saved, tmp_path)),
            *(file for file in yearly.files if file.suffix == ".docx"),
            *(file for file in monitored.files if file.suffix == ".docx")]
    rendered = {_template_of(file) for file in made}
    assert rendered == {path.stem for path in templates}, "every template was rendered"
    for file in made:
        text = zipfile.ZipFile(file).read("word/document.xml").decode("utf-8")
        assert "{{" not in text and "{%" not in text, file.name
        assert "kementerian" in re.sub(r"<[^>]+>", "", text).lower(), file.name


def _one(demo_book, kind: str, templates: Path, tmp_path: Path) -> list[Path]:
    case_id, day = DEMO_CASE[kind]
    made = generate(demo_book, [case_id], [kind], tmp_path / "naskah" / kind, templates=templates, today=day)
    assert len(made.files) == 1, (kind, made.skipped)
    return made.files


def _template_of(file: Path) -> str:
    """Which template a document was made from: its kind's folder, or the start of a yearly document's name."""
    if file.parent.parent.name == "naskah":
        return file.parent.name
    if file.name.startswith("monitoring-"):  # iku-xl monitor's Tabel 7 and evaluation form
        return "monitoring_sop"
    yearly = (("Manual IKU", "manual_iku"), ("Matriks Cascading", "matriks_cascading"),
              ("Perjanjian Kinerja", "perjanjian_kinerja"))
    return next((stem for start, stem in yearly if file.name.startswith(start)), file.name)
