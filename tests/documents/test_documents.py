"""Naskah dinas from the Word templates: content, escaping, numbering, refusals, file names, PDF."""
import datetime as dt
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from iku_xl.actions.generate import generate
from iku_xl.core.document_kinds import DOCUMENT_KINDS, KINDS
from iku_xl.documents.names import document_file_name, safe_name
from iku_xl.workbook.reader import read_book
from tests.helpers import ROOT, edit, libreoffice_convert, run

TEMPLATES = ROOT / "templates"
TODAY = dt.date(2026, 11, 23)


def text_of_docx(path: Path) -> str:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    xml = re.sub(r"</w:p>", "\n", xml)
    return (
        re.sub(r"<[^>]+>", "", xml)
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
    )


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_every_template_renders_strictly_against_the_demo_workbook(demo_book, tmp_path):
    assert sorted(p.stem for p in TEMPLATES.glob("*.docx")) == sorted(DOCUMENT_KINDS)
    for case_id, kinds in (
        ("IKU-2026-001", ["nota_dinas", "permenko_iku", "lembar_disposisi"]),
        ("IKU-2026-002", ["undangan_rapat", "notula_rapat"]),
        ("IKU-2026-003", ["sk_tim", "keputusan_iku"]),
    ):
        made = generate(demo_book, [case_id], kinds, tmp_path / case_id, templates=TEMPLATES, today=TODAY)
        assert len(made.files) == len(kinds)
        for file in made.files:
            assert "{{" not in text_of_docx(file) and "{%" not in text_of_docx(file)


def test_fields_page_lists_every_top_level_field(demo_book):
    from iku_xl.core.documents import document_context
    from iku_xl.core.office_hours import office_calendar

    book = read_book(demo_book)
    case = book.cases[0]
    sop = book.sops["POLHUKAM"]
    context = document_context(
        book, sop, case, sop.step(15), "nota_dinas", "1/X", TODAY, office_calendar(book.settings, book.days_off)
    )
    page = (TEMPLATES / "FIELDS.md").read_text(encoding="utf-8")
    for field in context:
        assert f"`{field}" in page, f"templates/FIELDS.md does not describe '{field}'"


def test_nota_dinas_and_permenko_in_pdf_hold_what_the_reader_checks(demo_book, tmp_path):
    made = generate(
        demo_book, ["IKU-2026-001"], ["nota_dinas", "permenko_iku"], tmp_path, templates=TEMPLATES, today=TODAY
    )
    nota, permenko = made.files
    nota_pdf = libreoffice_convert(nota, "pdf", tmp_path / "pdf")
    permenko_pdf = libreoffice_convert(permenko, "pdf", tmp_path / "pdf")
    nota_text, permenko_text = pdf_text(nota_pdf), pdf_text(permenko_pdf)
    def flat(t):
        return re.sub(r"\s+", " ", t)
    assert "NOTA DINAS" in nota_text and "1/Set.PO/OT.01.02/XI/2026" in flat(nota_text)
    assert "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Republik Indonesia" in flat(nota_text)  # Yth.
    assert "Sekretaris Kementerian Koordinator" in flat(nota_text)  # Dari: step 17 is Sesmenko's
    assert "Dr. Bambang Wicaksono, S.H., M.H." in flat(nota_text) and "NIP 19680512 199303 1 002" in flat(nota_text)
    text = flat(permenko_text)
    for words in (
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "MEMUTUSKAN",
        "PERATURAN MENTERI KOORDINATOR BIDANG POLITIK",
        "1 TAHUN 2026",
        "SURYA WIRANATA",
        "Menimbang",
        "Mengingat",
        "Pasal 1",
        "LAMPIRAN",
    ):
        assert words in text, words
    book = read_book(demo_book)
    for row in (r for r in book.iku_rows if r.case_id == "IKU-2026-001"):
        assert row.indikator in text
        for target in row.targets.values():
            shown = str(int(target)) if float(target).is_integer() else f"{target:g}".replace(".", ",")
            assert shown in text, (row.indikator, shown)


def test_title_with_markup_characters_renders_whole(demo_book, tmp_path):
    title = 'Renstra & RPJMN <2025-2029> "final"'
    edit(demo_book, {"Kasus": {"B2": title}})
    made = generate(demo_book, ["IKU-2026-001"], ["nota_dinas"], tmp_path, templates=TEMPLATES, today=TODAY)
    text = text_of_docx(made.files[0])
    assert title in text
    assert "Demikian kami sampaikan" in text and "NIP 19680512 199303 1 002" in text  # what follows it is there
    assert made.files[0].name == document_file_name("nota_dinas", made.numbers[0], title, "IKU-2026-001")


def test_numbers_reused_consecutive_and_registered(demo_book, tmp_path):
    first = generate(demo_book, ["IKU-2026-001"], ["nota_dinas"], tmp_path, templates=TEMPLATES, today=TODAY)
    again = generate(demo_book, ["IKU-2026-001"], ["nota_dinas"], tmp_path, templates=TEMPLATES, today=TODAY)
    other = generate(demo_book, ["IKU-2026-002"], ["nota_dinas"], tmp_path, templates=TEMPLATES, today=TODAY)
    assert first.numbers == again.numbers == ["1/Set.PO/OT.01.02/XI/2026"]
    assert other.numbers == ["2/Set.PO/OT.01.02/XI/2026"]
    register = read_book(demo_book).numbers
    assert [(e.number, e.kind, e.case_id, e.step) for e in register] == [
        ("1/Set.PO/OT.01.02/XI/2026", "nota_dinas", "IKU-2026-001", 17),
        ("2/Set.PO/OT.01.02/XI/2026", "nota_dinas", "IKU-2026-002", 11),
    ]
    assert str(register[0].date)[:10] == "2026-11-23" and register[0].file.endswith(".docx")


def test_concurrent_runs_never_repeat_a_number(demo_book, tmp_path):
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "iku_xl",
                "generate",
                str(demo_book),
                "--case",
                case,
                "--doc",
                "lembar_disposisi",
                "--out",
                str(tmp_path / case),
                "--templates",
                str(TEMPLATES),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for case in ("IKU-2026-001", "IKU-2026-002", "IKU-2026-003", "IKU-2026-004")
    ]
    for process in runs:
        _out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
    numbers = [e.number for e in read_book(demo_book).numbers]
    assert len(numbers) == 4 and len(set(numbers)) == 4


def test_missing_field_is_reported_before_any_file(demo_book, tmp_path):
    custom = tmp_path / "templat"
    shutil.copytree(TEMPLATES, custom)
    from docx import Document

    doc = Document(custom / "nota_dinas.docx")
    doc.add_paragraph("{{ kasus.anggaran }}")
    doc.save(custom / "nota_dinas.docx")
    out = tmp_path / "keluar"
    with pytest.raises(Exception) as caught:
        generate(demo_book, ["IKU-2026-001"], ["lembar_disposisi", "nota_dinas"], out, templates=custom, today=TODAY)
    assert "nota_dinas.docx" in str(caught.value) and "anggaran" in str(caught.value)
    assert not out.exists() and read_book(demo_book).numbers == []


def test_broken_tag_names_template_and_tag(demo_book, tmp_path, capsys):
    custom = tmp_path / "templat"
    shutil.copytree(TEMPLATES, custom)
    from docx import Document

    doc = Document(custom / "lembar_disposisi.docx")
    doc.add_paragraph("{% if kasus.judul %} tanpa penutup")
    doc.save(custom / "lembar_disposisi.docx")
    code, _, err = run(
        capsys,
        "generate",
        demo_book,
        "--case",
        "IKU-2026-001",
        "--doc",
        "lembar_disposisi",
        "--templates",
        custom,
        "--out",
        tmp_path / "x",
    )
    assert code == 1 and "lembar_disposisi.docx" in err and "rusak" in err and "Traceback" not in err


def test_refusals_say_what_to_fill(demo_book, tmp_path, capsys):
    edit(demo_book, {"Pejabat": {"C2": None}})  # Sesmenko without a name
    code, _, err = run(
        capsys,
        "generate",
        demo_book,
        "--case",
        "IKU-2026-001",
        "--doc",
        "nota_dinas",
        "--templates",
        TEMPLATES,
        "--out",
        tmp_path,
    )
    assert code == 1 and "Sesmenko" in err and "Pejabat" in err
    code, _, err = run(
        capsys,
        "generate",
        demo_book,
        "--case",
        "IKU-2026-004",
        "--doc",
        "keputusan_iku",
        "--templates",
        TEMPLATES,
        "--out",
        tmp_path,
    )
    assert code == 0, err
    edit(demo_book, {"IKU": {"A9": "IKU-2026-001"}})
    code, _, err = run(
        capsys,
        "generate",
        demo_book,
        "--case",
        "IKU-2026-004",
        "--doc",
        "keputusan_iku",
        "--templates",
        TEMPLATES,
        "--out",
        tmp_path,
    )
    assert code == 1 and "belum punya baris IKU" in err
    code, _, err = run(capsys, "generate", demo_book, "--doc", "surat_cinta", "--templates", TEMPLATES)
    assert code == 2 and "tidak dikenal" in err


def test_default_batch_is_the_current_step_of_open_cases(demo_book, tmp_path, capsys):
    run(capsys, "open", demo_book, "--sop", "POLHUKAM", "--title", "Kasus baru")  # step 1: lembar disposisi
    code, out, _ = run(capsys, "generate", demo_book, "--templates", TEMPLATES, "--out", tmp_path / "batch")
    assert code == 0 and "1 naskah dibuat" in out and "lembar_disposisi" in out
    assert "tidak menghasilkan naskah" in out


def test_pdf_without_libreoffice_says_so(demo_book, tmp_path, capsys, monkeypatch):
    import iku_xl.documents.pdf as pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    code, _out, err = run(
        capsys,
        "generate",
        demo_book,
        "--case",
        "IKU-2026-001",
        "--doc",
        "lembar_disposisi",
        "--pdf",
        "--templates",
        TEMPLATES,
        "--out",
        tmp_path,
    )
    assert code == 1 and "LibreOffice tidak terpasang" in err
    assert list(tmp_path.glob("*.docx"))  # the documents themselves are there


@pytest.mark.parametrize(
    "title,expected",
    [
        ("Reviu IKU: 2026/2027", "Reviu IKU- 2026-2027"),
        ("CON", "_CON"),
        ('a<b>c"d|e?f*g', "a-b-c-d-e-f-g"),
        ("   ...   ", "naskah"),
    ],
)
def test_file_names_are_safe_on_windows(title, expected):
    assert safe_name(title) == expected


def test_every_kind_has_a_title_and_a_template():
    assert set(KINDS) == set(DOCUMENT_KINDS)


def test_cases_sharing_an_output_folder_never_overwrite_each_other(demo_book, tmp_path, capsys):
    for ref in ("B3", "B4"):
        edit(demo_book, {"Kasus": {ref: "Judul yang sama"}})
    code, _out, _ = run(
        capsys,
        "generate",
        demo_book,
        "--case",
        "IKU-2026-002",
        "--case",
        "IKU-2026-003",
        "--doc",
        "notula_rapat",
        "--templates",
        TEMPLATES,
        "--out",
        tmp_path,
        "--pdf",
    )
    assert code == 0
    assert len(list(tmp_path.glob("*.docx"))) == 2 and len(list(tmp_path.glob("*.pdf"))) == 2
