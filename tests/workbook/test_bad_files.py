"""Files a user may hand the program: one sentence naming the file and the problem, exit 2, nothing written."""
import pytest
from openpyxl import load_workbook

from tests.helpers import edit, run

CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def not_a_workbook(path):
    path.write_text("ini bukan excel", encoding="utf-8")


def truncated(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def password_protected(path):
    path.write_bytes(CFB + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 2000)


def old_xls(path):
    path.write_bytes(CFB + "Workbook".encode("utf-16-le") + b"\x00" * 2000)


def zip_not_excel(path):
    import zipfile
    path.unlink()
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<x/>")


def missing_sheet(path):
    workbook = load_workbook(path)
    workbook.remove(workbook["Pejabat"])
    workbook.save(path)


def renamed_header(path):
    edit(path, {"Kasus": {"C1": "SOP"}})


def renamed_sop_header(path):
    edit(path, {"POLHUKAM": {"I19": "Lama"}})


BAD = {
    "not a workbook": (not_a_workbook, "bukan buku kerja Excel"),
    "truncated": (truncated, "rusak atau terpotong"),
    "password-protected": (password_protected, "kata sandi"),
    "old xls": (old_xls, ".xls"),
    "zip but not excel": (zip_not_excel, "bukan buku kerja Excel"),
    "missing sheet": (missing_sheet, "Lembar 'Pejabat' tidak ada"),
    "renamed header": (renamed_header, "'Kode SOP'"),
    "renamed SOP header": (renamed_sop_header, "'Waktu'"),
}


@pytest.mark.parametrize("command", ["validate", "status"])
@pytest.mark.parametrize("name", list(BAD))
def test_bad_file_one_sentence_exit_2(name, command, demo_book, capsys):
    spoil, words = BAD[name]
    spoil(demo_book)
    before = demo_book.read_bytes()
    code, _out, err = run(capsys, command, demo_book)
    assert code == 2
    assert words in err
    assert "Traceback" not in err and err.count("\n") == 1
    if name not in ("missing sheet", "renamed header", "renamed SOP header"):
        assert str(demo_book) in err
    assert demo_book.read_bytes() == before


def test_renamed_header_names_the_cell_and_what_it_says(demo_book, capsys):
    renamed_header(demo_book)
    _, _, err = run(capsys, "validate", demo_book)
    assert "C1" in err and "'SOP'" in err


def test_missing_file(tmp_path, capsys):
    code, _, err = run(capsys, "validate", tmp_path / "tidak-ada.xlsx")
    assert code == 2 and "tidak-ada.xlsx tidak ada" in err


def test_import_into_a_broken_workbook_writes_nothing(demo_book, capsys):
    from tests.helpers import POLHUKAM_SEED
    truncated(demo_book)
    before = demo_book.read_bytes()
    code, _, err = run(capsys, "sop", "import", POLHUKAM_SEED, "--code", "BARU", "--workbook", demo_book)
    assert code == 2 and "terpotong" in err
    assert demo_book.read_bytes() == before
