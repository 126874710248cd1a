"""iku-xl generate: strict templates, numbers from the register, refusals that stop only their document."""
import datetime as dt
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from iku_xl.actions.generate import generate
from iku_xl.core.document_kinds import DOCUMENT_KINDS, KINDS, kind_code
from iku_xl.documents.names import safe_name
from iku_xl.workbook.reader import read_book
from tests.helpers import ROOT, edit, run

TEMPLATES = ROOT / "templates"
TODAY = dt.date(2026, 11, 23)
BEFORE_MEETING = dt.date(2026, 11, 18)  # IKU-2026-002 meets on 20 November 2026


def text_of_docx(path: Path) -> str:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    xml = re.sub(r"</w:p>", "\n", xml)
    return re.sub(r"<[^>]+>", "", xml).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def test_every_template_renders_strictly_against_the_demo_workbook(demo_book, tmp_path):
    yearly = ["manual_iku", "matriks_cascading", "perjanjian_kinerja"]  # iku-xl kinerja's (documents/test_kinerja)
    reports = ["monitoring_sop"]  # not a naskah of a case: tests/actions/test_monitor.py renders it
    assert sorted(p.stem for p in TEMPLATES.glob("*.docx")) == sorted([*DOCUMENT_KINDS, *yearly, *reports])
    # Kemnaker set by Keputusan Menteri, as other ministries do: its instrument is then the keputusan, whichever
    # instrument the SOP's step names
    edit(demo_book, {"Instansi": {"AA3": "Keputusan Menteri", "AB3": None}})
    for case_id, kinds, day in (("IKU-2026-001", ["nota_dinas", "permenko_iku", "lembar_disposisi"], TODAY),
                                ("IKU-2026-002", ["undangan_rapat"], BEFORE_MEETING),
                                ("IKU-2026-001", ["notula_rapat"], TODAY),  # after its meeting
                                ("IKU-2026-003", ["sk_tim", "permenko_iku"], TODAY)):
        made = generate(demo_book, [case_id], kinds, tmp_path / f"{case_id}-{kinds[0]}", templates=TEMPLATES,
                        today=day)
        assert len(made.files) == len(kinds), made.skipped
        for file in made.files:
            assert "{{" not in text_of_docx(file) and "{%" not in text_of_docx(file)
    keputusan = text_of_docx(made.files[-1])
    assert "KEPUTUSAN MENTERI KETENAGAKERJAAN" in keputusan and "KESATU" in keputusan


def test_the_iku_instrument_is_the_profiles_whatever_the_sop_step_names(demo_book, tmp_path):
    """A workbook whose Kemnaker step still names the Keputusan makes the Peraturan Menteri its profile sets."""
    edit(demo_book, {"KEMNAKER": {"Q29": "Keputusan Menteri tentang IKU, Nota Dinas"}})
    assert "keputusan_iku" in read_book(demo_book).sops["KEMNAKER"].step(10).documents
    made = generate(demo_book, ["IKU-2026-003"], ["keputusan_iku"], tmp_path, templates=TEMPLATES, today=TODAY)
    text = text_of_docx(made.files[0])
    assert "PERATURAN MENTERI KETENAGAKERJAAN REPUBLIK INDONESIA" in text and "Pasal 1" in text
    assert "KESATU" not in text and made.files[0].name.startswith("IKU-2026-003 Peraturan Menteri")


def test_fields_page_lists_every_field_the_templates_use():
    fields = (TEMPLATES / "FIELDS.md").read_text(encoding="utf-8")
    used = set()
    for template in TEMPLATES.glob("*.docx"):
        xml = re.sub(r"<[^>]+>", "", zipfile.ZipFile(template).read("word/document.xml").decode("utf-8"))
        used |= set(re.findall(r"\{\{\s*([a-z_]+(?:\.[a-z_]+)?)", xml))
    loop_names = {"loop", "line", "k", "p", "t", "item", "d", "i", "s", "a", "row", "y", "ayat", "pasal"}

    def documented(field: str) -> bool:
        top = field.split(".")[0]
        return f"`{field}`" in fields or f"`{top}`" in fields or f"`{field}." in fields

    missing = sorted(f for f in used if f.split(".")[0] not in loop_names and not documented(f))
    assert missing == []


def test_markup_characters_render_whole(demo_book, tmp_path):
    edit(demo_book, {"Instansi": {"F2": 'Jalan "Merdeka" & <Barat> 15'}})
    made = generate(demo_book, ["IKU-2026-001"], ["nota_dinas"], tmp_path, templates=TEMPLATES, today=TODAY)
    text = text_of_docx(made.files[0])
    assert 'Jalan "Merdeka" & <Barat> 15' in text
    assert "Demikian kami sampaikan" in text  # what follows the markup is there


def test_numbers_are_kept_consecutive_and_registered(demo_book, tmp_path):
    first = generate(demo_book, ["IKU-2026-001"], ["nota_dinas"], tmp_path, templates=TEMPLATES, today=TODAY)
    again = generate(demo_book, ["IKU-2026-001"], ["nota_dinas"], tmp_path, templates=TEMPLATES,
                     today=dt.date(2027, 1, 4))
    assert first.numbers == again.numbers == ["1/Ses/OT.01.02/11/2026"]
    assert "23 November 2026" in text_of_docx(again.files[0])  # a regenerated document keeps its date
    other = generate(demo_book, ["IKU-2026-002"], ["undangan_rapat"], tmp_path, templates=TEMPLATES,
                     today=BEFORE_MEETING)
    assert other.numbers == ["B-1/Set.PO/OT.01.02/11/2026"]
    register = read_book(demo_book).numbers
    assert [(e.number, e.kind, e.case_id, e.step, e.sequence, e.signer) for e in register] == [
        ("1/Ses/OT.01.02/11/2026", "nota_dinas", "IKU-2026-001", 15, 1.0, "Ses"),
        ("B-1/Set.PO/OT.01.02/11/2026", "undangan_rapat", "IKU-2026-002", 8, 1.0, "Set.PO"),
    ]
    assert register[0].file.endswith(".docx")


def test_a_regulation_draft_waits_for_its_number_from_the_legal_bureau(demo_book, tmp_path):
    made = generate(demo_book, ["IKU-2026-001"], ["permenko_iku"], tmp_path, templates=TEMPLATES, today=TODAY)
    assert "NOMOR ... TAHUN ..." in text_of_docx(made.files[0])
    entry = read_book(demo_book).numbers[-1]
    assert (entry.kind, entry.number) == ("permenko_iku", None)
    edit(demo_book, {"Penomoran": {f"A{entry.row}": "7"}})  # the Biro Hukum gave number 7
    again = generate(demo_book, ["IKU-2026-001"], ["permenko_iku"], tmp_path / "2", templates=TEMPLATES, today=TODAY)
    assert "NOMOR 7 TAHUN 2026" in text_of_docx(again.files[0])


def test_concurrent_runs_never_repeat_a_number(demo_book, tmp_path):
    runs = [subprocess.Popen([sys.executable, "-m", "iku_xl", "generate", str(demo_book), "--case", case, "--doc",
                              "undangan_rapat", "--out", str(tmp_path / case), "--templates", str(TEMPLATES),
                              "--tanggal", "2026-09-30"],  # before every demo meeting
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for case in ("IKU-2026-001", "IKU-2026-002", "IKU-2026-005", "IKU-2026-006")
            if case in {c.id_text for c in read_book(demo_book).cases}]
    for process in runs:
        _, err = process.communicate(timeout=180)
        assert process.returncode == 0, err
    numbers = [e.number for e in read_book(demo_book).numbers]
    assert len(numbers) == len(runs) and len(set(numbers)) == len(runs)


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
    assert "nota_dinas.docx" in str(caught.value) and "kasus" in str(caught.value)
    assert not out.exists() and read_book(demo_book).numbers == []


def test_broken_tag_names_template_and_tag(demo_book, tmp_path, capsys):
    custom = tmp_path / "templat"
    shutil.copytree(TEMPLATES, custom)
    from docx import Document

    doc = Document(custom / "lembar_disposisi.docx")
    doc.add_paragraph("{% if hal %} tanpa penutup")
    doc.save(custom / "lembar_disposisi.docx")
    code, _, err = run(capsys, "generate", demo_book, "--case", "IKU-2026-001", "--doc", "lembar_disposisi",
                       "--templates", custom, "--out", tmp_path / "x")
    assert code == 1 and "lembar_disposisi.docx" in err and "rusak" in err and "Traceback" not in err


def test_a_refusal_stops_only_its_document_and_the_batch_says_which(demo_book, tmp_path, capsys):
    edit(demo_book, {"Pejabat": {"C3": None}})  # the Sesmenko without a name: the nota dinas cannot be signed
    code, out, _ = run(capsys, "generate", demo_book, "--case", "IKU-2026-001", "--doc", "nota_dinas", "--doc",
                       "lembar_disposisi", "--templates", TEMPLATES, "--out", tmp_path)
    assert code == 0
    assert "Nota Dinas" in out and "Sesmenko" in out and "Pejabat" in out
    assert [p.name for p in tmp_path.glob("*.docx")] == ["IKU-2026-001 Lembar Disposisi.docx"]
    assert [e.kind for e in read_book(demo_book).numbers] == []  # nothing numbered for what was not made
    code, out, _ = run(capsys, "generate", demo_book, "--case", "IKU-2026-004", "--doc", "keputusan_iku",
                       "--templates", TEMPLATES, "--out", tmp_path)
    assert code == 0 and "belum punya baris IKU" not in out
    code, _, err = run(capsys, "generate", demo_book, "--doc", "surat_cinta", "--templates", TEMPLATES)
    assert code == 2 and "tidak dikenal" in err


def test_kinds_are_named_as_staff_read_them(demo_book, tmp_path, capsys):
    code, out, _ = run(capsys, "generate", demo_book, "--case", "IKU-2026-001", "--doc", "Nota Dinas", "--out",
                       tmp_path)
    assert code == 0 and "IKU-2026-001 Nota Dinas" in out


def test_default_batch_is_the_current_step_of_open_cases(demo_book, tmp_path, capsys):
    run(capsys, "open", demo_book, "--sop", "POLHUKAM", "--title", "Kasus baru")  # step 1: lembar disposisi
    code, out, _ = run(capsys, "generate", demo_book, "--templates", TEMPLATES, "--out", tmp_path / "batch")
    assert code == 0 and "1 naskah dibuat" in out and "Lembar Disposisi" in out
    assert "tidak menghasilkan naskah" in out


def test_pdf_without_libreoffice_says_so(demo_book, tmp_path, capsys, monkeypatch):
    import iku_xl.documents.pdf as pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    code, _, err = run(capsys, "generate", demo_book, "--case", "IKU-2026-001", "--doc", "lembar_disposisi", "--pdf",
                       "--templates", TEMPLATES, "--out", tmp_path)
    assert code == 1 and "LibreOffice tidak terpasang" in err
    assert list(tmp_path.glob("*.docx"))  # the documents themselves are there


@pytest.mark.parametrize("title,expected", [("Reviu IKU: 2026/2027", "Reviu IKU- 2026-2027"), ("CON", "_CON"),
                                            ('a<b>c"d|e?f*g', "a-b-c-d-e-f-g"), ("   ...   ", "naskah")])
def test_file_names_are_safe_on_windows(title, expected):
    assert safe_name(title) == expected


def test_every_kind_is_declared_whole_in_the_registry():
    """Label, template, builder and numbering, each declared by the kind (core/document_kinds.py)."""
    from iku_xl.core import naskah

    yearly = ["manual_iku.docx", "matriks_cascading.docx"]  # iku-xl kinerja's own, besides its Perjanjian Kinerja
    reports = ["monitoring_sop.docx"]  # the SOP monitoring's template: not a naskah kind
    assert sorted(p.name for p in TEMPLATES.glob("*.docx")) == sorted([*(k.template for k in KINDS.values()),
                                                                       *yearly, *reports])
    for kind in KINDS.values():
        assert kind.label and kind.label == KINDS[kind_code(kind.label)].label
        assert not kind.step or callable(naskah.builder(kind)), kind.code  # a yearly kind: core/kinerja.py
        assert kind.numbered == bool(kind.default_pattern), kind.code  # a numbered kind has a pattern to start
        assert not kind.sets_iku or kind.regulation, kind.code


def test_cases_sharing_an_output_folder_never_overwrite_each_other(demo_book, tmp_path, capsys):
    edit(demo_book, {"Rapat": {"H3": "Target indikator opini laporan keuangan"}})  # the notulis typed the points
    code, _, _ = run(capsys, "generate", demo_book, "--case", "IKU-2026-002", "--case", "IKU-2026-001", "--doc",
                     "notula_rapat", "--templates", TEMPLATES, "--out", tmp_path, "--pdf")
    assert code == 0
    assert len(list(tmp_path.glob("*.docx"))) == 2 and len(list(tmp_path.glob("*.pdf"))) == 2


def test_a_long_invitee_list_goes_into_a_lampiran(demo_book, tmp_path):
    edit(demo_book, {"POLHUKAM": {"Q27": "Kabag Perencanaan, Unit Organisasi terkait, Kasubbag Program & Anggaran, "
                                         "Sesmenko, Menko"}})
    made = generate(demo_book, ["IKU-2026-002"], ["undangan_rapat"], tmp_path, templates=TEMPLATES,
                    today=BEFORE_MEETING)
    text = text_of_docx(made.files[0])
    assert "sebagaimana daftar terlampir" in text and "DAFTAR UNDANGAN" in text
    assert text.index("1. Kepala Bagian Perencanaan") > text.index("DAFTAR UNDANGAN")  # the list is in the lampiran


def test_register_rows_read_as_staff_read_them(demo_book, capsys, calc):
    """Penomoran shows the kind as its dropdown offers it, and the file relative to the output folder (the same on
    every colleague's machine); the program reads the label back as the kind."""
    from openpyxl import load_workbook

    assert run(capsys, "generate", demo_book, "--case", "IKU-2026-003", "--doc", "SK Tim")[0] == 0
    rows = [r for r in load_workbook(demo_book)["Penomoran"].iter_rows(min_row=2, values_only=True)
            if r[3] == "IKU-2026-003"]
    assert [r[1] for r in rows] == ["Keputusan Pembentukan Tim"]
    penomoran = load_workbook(demo_book)["Penomoran"]  # the first row under the header, styled as its columns
    assert penomoran["C2"].is_date and penomoran["C2"].number_format == "dd/mm/yyyy"
    assert penomoran["A2"].number_format == "@" and penomoran["A2"].font.name == "Arial"
    link = re.fullmatch(r'=HYPERLINK\("(output/IKU-2026-003/[^"]+\.docx)","(IKU-2026-003/[^"]+\.docx)"\)', rows[0][6])
    assert link and (demo_book.parent / link.group(1)).is_file() and link.group(2) == link.group(1)[len("output/"):]
    kasus = load_workbook(demo_book)["Kasus"]
    row = next(r for r in range(2, kasus.max_row + 1) if kasus[f"A{r}"].value == "IKU-2026-003")
    assert kasus[f"M{row}"].value == '=HYPERLINK("output/IKU-2026-003","1 naskah")'  # as the Panel leaves it
    from tests.calc.harness import error_cells_after_recalculation

    assert error_cells_after_recalculation(calc, demo_book) == []  # the links compute in Calc
    assert [e.kind for e in read_book(demo_book).numbers] == ["sk_tim"]
    assert run(capsys, "generate", demo_book, "--case", "IKU-2026-003", "--doc", "SK Tim")[0] == 0  # same number
    assert len(read_book(demo_book).numbers) == 1


def test_a_number_whose_pattern_field_is_empty_is_refused_naming_the_field(demo_book, tmp_path):
    """Never 'B-1//OT.01.02/11/2026': the Karo's Kode Jabatan emptied, the undangan says which field to fill."""
    edit(demo_book, {"Pejabat": {"H4": None}})
    made = generate(demo_book, ["IKU-2026-002"], ["undangan_rapat"], tmp_path, templates=TEMPLATES,
                    today=BEFORE_MEETING)
    assert made.files == [] and made.numbers == []
    [reason] = made.skipped
    assert "{kode_jabatan}" in reason and "Kode Jabatan" in reason and "Pejabat" in reason
    assert read_book(demo_book).numbers == []


def test_a_document_made_on_a_day_off_is_dated_the_next_working_day(demo_book, tmp_path, capsys, monkeypatch):
    """Made on Sunday 22 November 2026, the nota dinas is dated Monday the 23rd; --tanggal dates it as given."""
    monkeypatch.setenv("IKU_XL_NOW", "2026-11-22T10:00")
    code, _, _ = run(capsys, "generate", demo_book, "--case", "IKU-2026-001", "--doc", "nota_dinas", "--out",
                     tmp_path / "minggu", "--templates", TEMPLATES)
    assert code == 0
    [made] = list((tmp_path / "minggu").glob("*.docx"))
    assert "23 November 2026" in text_of_docx(made) and "22 November 2026" not in text_of_docx(made)
    code, _, _ = run(capsys, "generate", demo_book, "--case", "IKU-2026-003", "--doc", "nota_dinas", "--out",
                     tmp_path / "diberi", "--templates", TEMPLATES, "--tanggal", "2026-11-20")
    [made] = list((tmp_path / "diberi").glob("*.docx"))
    assert code == 0 and "20 November 2026" in text_of_docx(made)
