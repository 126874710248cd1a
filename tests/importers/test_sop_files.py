"""Importing SOP AP files as bureaus keep them: Word tables, PDF, Excel, and the text variants people paste."""
import re

import pytest

from iku_xl.core.sop import Sop, SopIdentity, Step, StepKind
from iku_xl.importers.sop_file import read_sop_file
from iku_xl.importers.sop_text import read_sop_text
from iku_xl.shipped_sops import READING, shipped_sop
from iku_xl.workbook.reader import read_book
from tests.helpers import KEMNAKER_SEED, libreoffice_convert, run
from tests.importers.sop_files import sop_docx, sop_pdf

FIELDS = ("no", "kegiatan", "kelengkapan", "waktu", "output", "keterangan")


def fields(sop):
    return [[str(getattr(s, f)) for f in FIELDS] for s in sop.steps]


def decisions(sop):
    return {s.no: (s.if_yes, s.if_no) for s in sop.steps if s.is_decision}


def shipped_decisions(code):
    return {n: (r[2], r[3]) for n, r in READING[code].items() if r[1] is StepKind.KEPUTUSAN}


@pytest.mark.parametrize("code", ["POLHUKAM", "KEMNAKER"])
def test_word_file_with_flowchart_shapes(code, tmp_path):
    shipped = shipped_sop(code)
    imported = read_sop_file(sop_docx(shipped, tmp_path / f"{code}.docx"), code)
    sop = imported.sop
    assert imported.source == "Word"
    assert sop.roles == shipped.roles and fields(sop) == fields(shipped)
    assert [s.executors for s in sop.steps] == [s.executors for s in shipped.steps]  # from the shapes' cells
    assert [s.kind for s in sop.steps] == [s.kind for s in shipped.steps]  # Word's flowchart shapes say the kind
    assert decisions(sop) == shipped_decisions(code)
    assert (sop.identity.nomor, sop.identity.judul, sop.identity.disahkan_oleh) == (
        shipped.identity.nomor, shipped.identity.judul, shipped.identity.disahkan_oleh)


@pytest.mark.parametrize("code", ["POLHUKAM", "KEMNAKER"])
def test_pdf_printed_from_word(code, tmp_path):
    shipped = shipped_sop(code)
    imported = read_sop_file(sop_pdf(shipped, tmp_path), code)
    sop = imported.sop
    assert imported.source == "PDF"
    assert sop.roles == shipped.roles and fields(sop) == fields(shipped)
    assert [s.executors for s in sop.steps] == [s.executors for s in shipped.steps]  # the pictures' cells
    assert decisions(sop) == shipped_decisions(code)  # from the wording, marked to confirm
    assert all("keputusan dibaca dari uraian" in sop.step(n).to_confirm for n in decisions(sop))
    assert sop.identity.nomor == shipped.identity.nomor


def lakip_sop() -> Sop:
    """Another office's SOP: Uraian Prosedur, Persyaratan, titles in full, Waktu in loose forms."""
    roles = ("Kepala Biro", "Kepala Bagian Evaluasi", "Analis Kinerja")
    steps = [
        Step(1, "Menyiapkan bahan LAKIP dan menyampaikannya kepada Kepala Bagian Evaluasi", ("Analis Kinerja",),
             "Data capaian", "1 Minggu", "Bahan LAKIP", kind=StepKind.MULAI),
        Step(2, "Memeriksa bahan. Lengkap/tidak lengkap: bila tidak lengkap dikembalikan kepada Analis Kinerja",
             ("Kepala Bagian Evaluasi",), "Bahan LAKIP", "1-2 hari", "Bahan terperiksa", kind=StepKind.KEPUTUSAN,
             if_yes=3, if_no=1),
        Step(3, "Menyusun konsep LAKIP", ("Analis Kinerja",), "Bahan terperiksa", "3 x 24 jam", "Konsep LAKIP"),
        Step(4, "Menelaah konsep LAKIP, menyampaikan kepada Kepala Biro", ("Kepala Bagian Evaluasi",),
             "Konsep LAKIP", "½ hari", "Konsep LAKIP"),
        Step(5, "Menandatangani LAKIP", ("Kepala Biro",), "Konsep LAKIP", "60", "LAKIP", kind=StepKind.SELESAI),
    ]
    identity = SopIdentity(instansi="KEMENTERIAN CONTOH", nomor="SOP-07/EVA/2025", judul="Penyusunan LAKIP",
                           disahkan_oleh="Kepala Biro Perencanaan")
    return Sop("LAKIP", identity, roles, steps)


def test_another_office_layout_in_word(tmp_path):
    made = lakip_sop()
    path = sop_docx(made, tmp_path / "lakip.docx", header="URAIAN PROSEDUR", numbers="{}.",
                    mutu_headers=("Persyaratan/ Kelengkapan", "Waktu", "Output"))
    sop = read_sop_file(path, "LAKIP").sop
    assert sop.roles == made.roles and fields(sop) == fields(made)
    assert [s.executors for s in sop.steps] == [s.executors for s in made.steps]
    assert decisions(sop) == {2: (3, 1)}
    assert [str(s.duration) for s in sop.steps] == ["5 Hari", "2 Hari", "3 Hari", "0.5 Hari", "60 Menit"]


def rka_sop() -> Sop:
    """A regional office's RKA SOP: one-line rows, abbreviated roles, headers typed in narrow cells."""
    roles = ("Kepala Badan", "Sekretaris", "Kasubag Peren. Ev. & Pelaporan", "Staf")
    kasubag = "Kasubag Peren. Ev. & Pelaporan"
    steps = [
        Step(1, "Kepala Badan memerintahkan Sekretaris menyiapkan bahan RKA", ("Kepala Badan",), "KUA-PPAS",
             "1 hari", "Disposisi", kind=StepKind.MULAI),
        Step(2, "Sekretaris meneruskan perintah kepada Kasubag", ("Sekretaris",), "Disposisi", "1 hari", "Disposisi"),
        Step(3, "Kasubag menugaskan staf menghimpun bahan", (kasubag,), "Disposisi", "1 hari", "Nota dinas"),
        Step(4, "Staf menyusun draft RKA", ("Staf",), "Bahan dari bidang", "3 hari", "Draft RKA"),
        Step(5, "Kasubag memeriksa draft, apabila belum sesuai dikembalikan kepada Staf", (kasubag,), "Draft RKA",
             "1 hari", "Draft RKA terperiksa", kind=StepKind.KEPUTUSAN, if_yes=6, if_no=4),
        Step(6, "Sekretaris memaraf draft RKA", ("Sekretaris",), "Draft RKA", "2 jam", "Draft diparaf"),
        Step(7, "Kepala Badan menandatangani RKA", ("Kepala Badan",), "Draft RKA", "1 hari", "RKA",
             kind=StepKind.SELESAI),
    ]
    identity = SopIdentity(instansi="PEMERINTAH KABUPATEN CONTOH", nomor="12", judul="Penyusunan RKA",
                           tanggal_pembuatan="September 2016", disahkan_oleh="Kepala Badan")
    return Sop("RKA", identity, roles, steps)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_headers_typed_in_narrow_cells_and_symbols_over_the_border(kind, tmp_path):
    """'Kelengka' + 'pan' on two lines and the slip 'Autput' are the Mutu Baku columns, said in the report;
    a symbol taller than its one-line row is still its executor's."""
    made = rka_sop()
    path = sop_docx(made, tmp_path / "rka.docx", symbols="picture", mutu_headers=("Kelengka\npan", "Waktu", "Autput"))
    if kind == "pdf":
        path = libreoffice_convert(path, "pdf", tmp_path)
    imported = read_sop_file(path, "RKA")
    sop = imported.sop
    assert sop.roles == made.roles and fields(sop) == fields(made)
    assert [s.executors for s in sop.steps] == [s.executors for s in made.steps]
    assert decisions(sop) == {5: (6, 4)}
    assert [s.no for s in sop.steps if s.to_confirm] == [5]  # executors from the symbols, not from the wording
    read_as = [n.message for n in imported.notes if n.part == "Tabel langkah"]
    assert read_as == ["Judul kolom 'Kelengka pan' dibaca sebagai Kelengkapan.",
                       "Judul kolom 'Autput' dibaca sebagai Output."]


def kemnaker_text() -> str:
    return KEMNAKER_SEED.read_text(encoding="utf-8")


def whole(sop, reference=None):
    reference = reference or read_sop_text(kemnaker_text(), "KEMNAKER").sop
    assert sop.roles == reference.roles
    flat = [[f.replace("\n", " ") for f in row] for row in fields(sop)]
    assert flat == fields(reference)
    assert decisions(sop) == shipped_decisions("KEMNAKER")


@pytest.mark.parametrize("header", ["Uraian Kegiatan", "URAIAN PROSEDUR"])
def test_text_with_another_header(header):
    whole(read_sop_text(kemnaker_text().replace("No.\tKegiatan\t", f"No.\t{header}\t"), "K").sop)


def test_text_with_step_numbers_written_with_a_full_stop():
    text = re.sub(r"(?m)^(\d{1,2})\t(?=[a-zA-Z])", r"\1.\t", kemnaker_text())
    assert "\n2.\tmemeriksa" in text
    whole(read_sop_text(text, "K").sop)


def test_text_with_a_line_break_inside_a_cell():
    """Copied from Word, a cell's line break cuts its row in two lines: nothing of the row may be lost."""
    text = kemnaker_text().replace("memeriksa usulan. Jika setuju menyampaikan", "memeriksa usulan.\nJika setuju "
                                   "menyampaikan", 1)
    sop = read_sop_text(text, "K").sop
    whole(sop)
    step = sop.step(2)
    assert (step.kelengkapan, step.waktu, step.output) == ("Konsep Rencana Kerja, TOR", "menit",
                                                           "Rencana Kerja, Disposisi")


def test_text_with_mulai_in_the_executor_cell():
    lines = kemnaker_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("1\tmengajukan"))
    cells = lines[at].split("\t")
    cells[2] = "MULAI"  # the Kasubag column
    lines[at] = "\t".join(cells)
    sop = read_sop_text("\n".join(lines), "K").sop
    whole(sop)
    assert sop.step(1).executors == ("Kasubag",) and sop.step(1).kind is StepKind.MULAI
    assert "pelaksana" not in sop.step(1).to_confirm  # the file said it


def test_text_with_cells_separated_by_bars():
    text = "\n".join(f"| {' | '.join(line.split(chr(9)))} |" if "\t" in line else line
                     for line in kemnaker_text().splitlines())
    whole(read_sop_text(text, "K").sop)


def test_seed_as_excel_sheet(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for line in kemnaker_text().splitlines():
        sheet.append([cell or None for cell in line.split("\t")])
    workbook.save(tmp_path / "sop.xlsx")
    imported = read_sop_file(tmp_path / "sop.xlsx", "K")
    assert imported.source == "Excel" and len(imported.sop.steps) == 16
    assert decisions(imported.sop) == shipped_decisions("KEMNAKER")


def test_identity_missing_is_reported_and_validated(plain_master, tmp_path, capsys):
    text = "\n".join(line for line in kemnaker_text().splitlines() if "NO SOP" not in line)
    (tmp_path / "sop.txt").write_text(text, encoding="utf-8")
    target = tmp_path / "iku.xlsx"
    target.write_bytes(plain_master.read_bytes())
    code, out, _ = run(capsys, "sop", "import", tmp_path / "sop.txt", "--code", "BARU", "--workbook", target)
    assert code == 0 and "Identitas: Nomor SOP tidak ada di berkas" in out
    assert "Nomor SOP SOP ini kosong" in run(capsys, "validate", target)[1]
    assert read_book(target).sops["BARU"].identity.nomor == ""


@pytest.mark.parametrize("content,message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "Word/Excel lama"),
    (b"\x00\x01\x02binary" * 100, "bukan Word (.docx), PDF"),
    (b"PK\x03\x04" + b"\x00" * 100, "bukan Word (.docx) atau Excel"),
])
def test_files_of_another_kind_are_refused_in_one_sentence(content, message, demo_book, tmp_path, capsys):
    path = tmp_path / "sop.bin"
    path.write_bytes(content)
    code, _, err = run(capsys, "sop", "import", path, "--code", "BARU", "--workbook", demo_book)
    assert code == 2 and message in err and "Traceback" not in err and err.count("\n") == 1
