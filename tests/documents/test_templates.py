"""The templates in templates/ are the source of truth: the generator still writes them as committed, and
one opened and saved by LibreOffice Writer (as a bureau would edit it) still renders."""
from __future__ import annotations

import datetime as dt
import io
import runpy
import zipfile

import pytest
from lxml import etree

from iku_xl.actions.generate import generate
from iku_xl.core.document_kinds import DOCUMENT_KINDS
from tests.helpers import ROOT, libreoffice_convert

TEMPLATES = ROOT / "templates"


def canonical_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: etree.tostring(etree.fromstring(package.read(name)), method="c14n")
                if name.endswith((".xml", ".rels")) else package.read(name) for name in package.namelist()}


@pytest.mark.parametrize("kind", [*DOCUMENT_KINDS, "monitoring_sop"])
def test_the_committed_template_is_what_the_generator_writes(kind):
    generator = runpy.run_path(str(ROOT / "tools" / "make_templates.py"))
    written = canonical_parts(generator["build"](kind))
    committed = canonical_parts((TEMPLATES / f"{kind}.docx").read_bytes())
    assert written == committed, f"templates/{kind}.docx differs: run python tools/make_templates.py"


def test_a_template_saved_by_libreoffice_writer_still_renders(demo_book, tmp_path):
    edited = tmp_path / "templat"
    edited.mkdir()
    for file in TEMPLATES.iterdir():
        if file.suffix in (".png", ".md"):
            (edited / file.name).write_bytes(file.read_bytes())
    for kind in ("nota_dinas", "undangan_rapat"):
        source = tmp_path / f"{kind}.docx"
        source.write_bytes((TEMPLATES / f"{kind}.docx").read_bytes())
        saved = libreoffice_convert(source, "docx:MS Word 2007 XML", tmp_path / "lo")
        (edited / f"{kind}.docx").write_bytes(saved.read_bytes())
    made = generate(demo_book, ["IKU-2026-001", "IKU-2026-002"], ["nota_dinas", "undangan_rapat"], tmp_path / "out",
                    templates=edited, today=dt.date(2026, 9, 30))  # before both cases' meetings
    assert len(made.files) == 4, made.skipped
    for file in made.files:
        text = zipfile.ZipFile(file).read("word/document.xml").decode()
        assert "{{" not in text and "Kementerian Koordinator Bidang Politik dan Keamanan" in text
