"""The batch renderer against docxtpl itself (pinned: docxtpl==0.20.2), for tags where docxtpl looks for them:
the body, headers, footers and footnotes."""
from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from iku_xl.documents.batch import compiled, render_many
from iku_xl.documents.render import render_document

FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def template(path, header: str, footer: str, footnote: str | None):
    document = Document()
    document.add_paragraph("Isi: {{ isi }}")
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    if footnote is not None:
        xml = (f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
               f'<w:footnote w:id="1"><w:p><w:r><w:t>{footnote}</w:t></w:r></w:p></w:footnote></w:footnotes>')
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES, xml.encode(), document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    document.save(path)
    return path


def texts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name).decode("utf-8") for name in package.namelist()
                if name.startswith(("word/header", "word/footer", "word/footnotes", "word/document"))}


CONTEXT = {"isi": "Nota & <rapat>", "judul": "Kop Biro", "halaman": "- 2 -", "catatan": "Lihat Perpres 139/2024"}


@pytest.mark.parametrize("header,footer,footnote", [
    ("{{ judul }}", "Halaman {{ halaman }}", "{{ catatan }}"),
    ("{{ judul }}", "tetap", None),
    ("tetap", "tetap", "{{ catatan }}"),
])
def test_tags_in_headers_footers_and_footnotes_render_as_docxtpl_renders_them(header, footer, footnote, tmp_path):
    path = template(tmp_path / "t.docx", header, footer, footnote)
    ours = texts(render_many([(path, CONTEXT)])[0])
    theirs = texts(render_document(path, CONTEXT))
    assert ours == theirs
    joined = " ".join(ours.values())
    for value in ("Nota &amp; &lt;rapat&gt;", "Kop Biro" if "judul" in header else "tetap"):
        assert value in joined
    if footnote:
        assert "Lihat Perpres 139/2024" in ours["word/footnotes.xml"]


def test_static_headers_stay_in_the_fast_path(tmp_path):
    path = template(tmp_path / "statis.docx", "Kementerian", "- halaman -", None)
    assert compiled(path).simple
    assert "Kementerian" in texts(render_many([(path, CONTEXT)])[0])["word/header1.xml"]
