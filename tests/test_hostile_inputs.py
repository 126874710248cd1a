"""Issue 22: a shared workbook is a trust boundary. Whatever a colleague (or an attacker) put in it or beside it,
the program runs no code, reads no file outside the workbook's folder, never hangs and loses no record.

Every hostile file is built here (small generators, nothing downloaded). The matrix at the end runs each one
through validate, status, advance, generate, export and sop import, each in a child process under a CPU-time and
an address-space limit: the command either does its harmless job (exit 0) or refuses in one Indonesian line
(exit 1 or 2) and leaves the workbook byte for byte as it was; never a traceback, never library text.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from openpyxl import load_workbook

from iku_xl.workbook.ooxml.workbook_patch import WorkbookPatch
from iku_xl.workbook.reader import read_book
from tests.helpers import ROOT, edit, run

TEMPLATES = ROOT / "templates"
CPU_SECONDS = 60
MEMORY_MB = 1536
LIBRARY_TEXT = re.compile(r"Traceback|Error\b|Exception|errno|No such file|Permission denied|object has no|"
                          r'File "|line \d+|panicked|RUST_BACKTRACE|WARNING|Warning')
PWNED = "DIJALANKAN.txt"

# ---------------------------------------------------------------- running the command line as staff would


def cli_limited(*args, cwd: Path | None = None, env: dict | None = None, timeout: float = 150):
    """The command line in a child process limited to CPU_SECONDS of CPU and MEMORY_MB of address space."""
    code = ("import resource, sys\n"
            f"resource.setrlimit(resource.RLIMIT_CPU, ({CPU_SECONDS}, {CPU_SECONDS}))\n"
            f"resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_MB << 20}, {MEMORY_MB << 20}))\n"
            "from iku_xl.cli import main\nsys.exit(main(sys.argv[1:]))\n")
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env={**os.environ, **(env or {})})


def one_sentence(text: str) -> str:
    """The one Indonesian line a refusal prints; fails on a traceback, library text or several lines."""
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert lines[0].startswith("iku-xl: "), text
    assert not LIBRARY_TEXT.search(lines[0]), text
    return lines[0]


def set_setting(book: Path, label: str, value: object) -> str:
    """Pengaturan's Nilai of `label`; returns its cell."""
    sheet = load_workbook(book)["Pengaturan"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet[f"A{r}"].value == label)
    edit(book, {"Pengaturan": {f"B{row}": value}})
    return f"B{row}"


def set_logo(book: Path, value: str) -> str:
    """Berkas Logo of every profile (the demo's two); returns the first profile's cell."""
    edit(book, {"Instansi": {"K2": value, "K3": value}})
    return "K2"


def png(size: int = 0) -> bytes:
    """A real PNG (the shipped sample logo), padded to `size` bytes after its end chunk when asked."""
    data = (TEMPLATES / "logo-contoh.png").read_bytes()
    return data + b"\0" * max(size - len(data), 0)


def tagged_docx(path: Path, text: str) -> Path:
    """A Word template holding one paragraph with `text` (a Jinja tag)."""
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


ATTACK = "{{ cycler.__init__.__globals__.os.popen('touch " + PWNED + "').read() }}"


def hostile_templates(folder: Path) -> Path:
    """A templates folder where every template runs a shell command when rendered without a sandbox."""
    for template in TEMPLATES.glob("*.docx"):
        tagged_docx(folder / template.name, ATTACK)
    for image in TEMPLATES.glob("*.png"):
        shutil.copy(image, folder / image.name)
    return folder


@pytest.fixture
def book(demo_master, tmp_path) -> Path:
    """The demo workbook alone in its own folder, with a private file beside that folder."""
    folder = tmp_path / "bersama"
    folder.mkdir()
    (tmp_path / "pribadi.png").write_bytes(png() + b"RAHASIA-PRIBADI")
    copy = folder / "iku.xlsx"
    shutil.copy(demo_master, copy)
    return copy


# ---------------------------------------------------------------- 1. templates are data, never code


@pytest.mark.parametrize("where", ["workbook folder", "command line"])
def test_a_template_cannot_run_a_command(where, book, capsys):
    folder = hostile_templates(book.parent / "templat")
    if where == "workbook folder":
        set_setting(book, "Folder Templat", "templat")
        extra = []
    else:
        extra = ["--templates", str(folder)]
    before = book.read_bytes()
    code, out, err = run(capsys, "generate", book, "--case", "IKU-2026-002", "--doc", "nota_dinas", *extra)
    assert not list(book.parent.rglob(PWNED)) and not (Path.cwd() / PWNED).exists(), "the template ran a command"
    assert code == 1, out + err
    assert "menjalankan perintah" in one_sentence(err)
    assert book.read_bytes() == before


def test_a_sandboxed_template_still_renders_the_fields(book, capsys):
    shutil.copytree(TEMPLATES, book.parent / "templat")
    set_setting(book, "Folder Templat", "templat")
    code, _, err = run(capsys, "generate", book, "--case", "IKU-2026-002", "--doc", "nota_dinas")
    assert code == 0, err
    assert list((book.parent / "output").rglob("*.docx"))


@pytest.mark.parametrize("typed", ["../templat-lain", "ABSOLUTE", "templat-link"])
def test_a_templates_folder_outside_the_workbook_folder_is_refused_naming_the_cell(typed, book, capsys):
    elsewhere = hostile_templates(book.parent.parent / "templat-lain")
    if typed == "ABSOLUTE":
        typed = str(elsewhere)
    elif typed == "templat-link":
        (book.parent / typed).symlink_to(elsewhere, target_is_directory=True)
    cell = set_setting(book, "Folder Templat", typed)
    before = book.read_bytes()
    code, _, err = run(capsys, "generate", book, "--case", "IKU-2026-002", "--doc", "nota_dinas")
    assert code == 1
    sentence = one_sentence(err)
    assert "Folder Templat" in sentence and f"Pengaturan sel {cell}" in sentence and "luar folder" in sentence
    assert book.read_bytes() == before and not list(book.parent.parent.rglob(PWNED))


# ---------------------------------------------------------------- 2. every path a cell names stays in the folder


@pytest.mark.parametrize("typed", ["../pribadi.png", "ABSOLUTE", "tautan.png"])
def test_a_logo_outside_the_workbook_folder_is_refused_and_never_embedded(typed, book, capsys):
    private = book.parent.parent / "pribadi.png"
    if typed == "ABSOLUTE":
        typed = str(private)
    elif typed == "tautan.png":
        (book.parent / typed).symlink_to(private)
    cell = set_logo(book, typed)
    before = book.read_bytes()
    code, _, err = run(capsys, "generate", book, "--case", "IKU-2026-002", "--doc", "nota_dinas")
    assert code == 1
    sentence = one_sentence(err)
    assert "Berkas Logo" in sentence and f"Instansi sel {cell}" in sentence and "luar folder" in sentence
    assert book.read_bytes() == before
    for made in book.parent.rglob("*.docx"):
        assert b"RAHASIA-PRIBADI" not in b"".join(zipfile.ZipFile(made).read(n) for n in zipfile.ZipFile(made)
                                                   .namelist())


@pytest.mark.parametrize("kind", ["too large", "not a picture", "a folder"])
def test_a_logo_is_checked_by_content_and_size_before_it_is_read(kind, book, capsys):
    target = book.parent / "logo.png"
    if kind == "too large":
        target.write_bytes(png(6 << 20))
    elif kind == "not a picture":
        target.write_text("bukan gambar, hanya teks", encoding="utf-8")
    else:
        target.mkdir()
    set_logo(book, "logo.png")
    before = book.read_bytes()
    code, _, err = run(capsys, "generate", book, "--case", "IKU-2026-002", "--doc", "nota_dinas")
    assert code == 1
    sentence = one_sentence(err)
    assert "Berkas Logo" in sentence
    assert {"too large": "MB", "not a picture": "PNG atau JPEG", "a folder": "bukan berkas gambar"}[kind] in sentence
    assert book.read_bytes() == before


def test_a_logo_inside_the_workbook_folder_is_used(book, capsys):
    (book.parent / "gambar").mkdir()
    (book.parent / "gambar" / "logo.png").write_bytes(png())
    set_logo(book, "gambar/logo.png")
    code, _, err = run(capsys, "generate", book, "--case", "IKU-2026-002", "--doc", "nota_dinas")
    assert code == 0, err


@pytest.mark.parametrize("typed", ["../keluar", "ABSOLUTE"])
def test_a_folder_keluaran_outside_the_folder_is_refused_but_out_on_the_command_line_is_not(typed, book, capsys):
    elsewhere = book.parent.parent / "keluar"
    cell = set_setting(book, "Folder Keluaran", str(elsewhere) if typed == "ABSOLUTE" else typed)
    before = book.read_bytes()
    for args in (("export", book, "--month", "2026-11"),
                 ("generate", book, "--case", "IKU-2026-002", "--doc", "nota_dinas")):
        code, _, err = run(capsys, *args)
        assert code == 1, err
        sentence = one_sentence(err)
        assert "Folder Keluaran" in sentence and f"Pengaturan sel {cell}" in sentence
    assert not elsewhere.exists() and book.read_bytes() == before
    code, _, err = run(capsys, "export", book, "--month", "2026-11", "--out", elsewhere)
    assert code == 0, err
    assert list(elsewhere.glob("*.xlsx"))


# ---------------------------------------------------------------- 3. lock and owner files


def test_a_link_named_like_the_lock_file_is_refused_and_its_target_untouched(book, capsys):
    target = book.parent.parent / "penting.txt"
    target.write_text("isi penting", encoding="utf-8")
    (book.parent / f".{book.name}.iku-lock").symlink_to(target)
    before = book.read_bytes()
    code, _, err = run(capsys, "advance", book, "IKU-2026-004")
    assert code == 1
    assert "bukan berkas biasa" in one_sentence(err)
    assert target.read_text(encoding="utf-8") == "isi penting" and book.read_bytes() == before


@pytest.mark.parametrize("name", ["~$iku.xlsx", ".~lock.iku.xlsx#", ".iku.xlsx.iku-lock"])
@pytest.mark.parametrize("kind", ["pipe", "folder"])
def test_a_pipe_or_folder_where_a_lock_file_belongs_is_refused_at_once(name, kind, book):
    place = book.parent / name
    os.mkfifo(place) if kind == "pipe" else place.mkdir()
    before = book.read_bytes()
    result = cli_limited("advance", book, "IKU-2026-004", timeout=60)
    assert result.returncode == 1, result.stderr
    assert "bukan berkas biasa" in one_sentence(result.stderr)
    assert book.read_bytes() == before


# ---------------------------------------------------------------- 4. IDs and numbers are never reused


def delete_case_row(book: Path, row: int) -> None:
    workbook = load_workbook(book)
    sheet = workbook["Kasus"]
    for column in range(1, sheet.max_column + 1):
        sheet.cell(row=row, column=column).value = None
    workbook.save(book)


def test_a_deleted_case_leaves_its_id_unused_and_validate_reports_its_records(book, capsys):
    assert run(capsys, "advance", book, "IKU-2026-004")[0] == 0  # a Riwayat row of its own
    code, _, err = run(capsys, "generate", book, "--case", "IKU-2026-004", "--doc", "nota_dinas")
    assert code == 0, err
    assert any(str(n.case_id) == "IKU-2026-004" for n in read_book(book).numbers)
    delete_case_row(book, 5)  # IKU-2026-004, the last case
    code, out, _ = run(capsys, "validate", book)
    assert code == 1
    for sheet in ("Riwayat", "Penomoran", "IKU"):
        assert re.search(rf"^galat\s+{sheet}!\S+\s+IKU-2026-004 .*tidak ada (lagi )?di lembar Kasus", out, re.M), out
    code, out, err = run(capsys, "open", book, "--sop", "KEMNAKER", "--title", "Kasus baru", "--at", "2026-11-25T09:00")
    assert code == 0, err
    assert "IKU-2026-005" in out and "IKU-2026-004" not in out
    assert not [e for e in read_book(book).history if e.case_id == "IKU-2026-005"]  # nothing inherited


def test_case_ids_are_compared_whatever_their_letter_case(book, capsys):
    delete_case_row(book, 5)
    edit(book, {"IKU": {"A9": "iku-2026-009"}})
    code, out, err = run(capsys, "open", book, "--sop", "KEMNAKER", "--title", "Baru", "--at", "2026-11-25T09:00")
    assert code == 0, err
    assert "IKU-2026-010" in out


# ---------------------------------------------------------------- 5. backups: only the program's own


def test_pruning_keeps_staff_files_and_counts_only_its_own_complete_backups(book, capsys):
    backups = book.parent / "cadangan"
    backups.mkdir()
    staff = {"iku-arsip-2025-final.xlsx": book.read_bytes(), "iku-20250101-000000-000000.xlsx": b"PK bukan lengkap",
             "iku-lama.xlsx": b"terkunci kata sandi"}
    for name, data in staff.items():
        (backups / name).write_bytes(data)
    for index in range(7):
        shutil.copy(book, backups / f"iku-20250102-0000{index:02d}-000000.xlsx")
    assert run(capsys, "advance", book, "IKU-2026-004")[0] == 0
    for name, data in staff.items():
        assert (backups / name).read_bytes() == data, name
    own = sorted(p.name for p in backups.glob("iku-2*.xlsx") if p.name not in staff)
    assert len(own) == 5 and own[-1].startswith("iku-20") and "iku-20250102-000000-000000.xlsx" not in own


def test_a_cadangan_link_out_of_the_folder_is_refused_and_nothing_there_changes(book, capsys):
    elsewhere = book.parent.parent / "arsip-lain"
    elsewhere.mkdir()
    for index in range(7):
        shutil.copy(book, elsewhere / f"iku-20250102-0000{index:02d}-000000.xlsx")
    before_elsewhere = sorted(p.name for p in elsewhere.iterdir())
    (book.parent / "cadangan").symlink_to(elsewhere, target_is_directory=True)
    before = book.read_bytes()
    code, _, err = run(capsys, "advance", book, "IKU-2026-004")
    assert code == 1
    assert "cadangan" in one_sentence(err)
    assert sorted(p.name for p in elsewhere.iterdir()) == before_elsewhere and book.read_bytes() == before


# ---------------------------------------------------------------- 6. sop import in bounded time and memory


def minimal_pdf(pages: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def nested_pdf(depth: int = 200_000) -> bytes:
    """A PDF whose one object is an array nested `depth` deep (a parser that recurses dies of it)."""
    body = b"[" * depth + b"]" * depth
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(b"q " + body + b" Q") + b"q " + body + b" Q\nendstream"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, content in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + content + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def docx_with(parts: dict[str, bytes], drop: tuple[str, ...] = ()) -> bytes:
    """A real .docx (python-docx's default) with some parts replaced or added, and some dropped."""
    from docx import Document

    source = io.BytesIO()
    Document().save(source)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name in original.namelist():
            if name not in parts and name not in drop:
                package.writestr(name, original.read(name))
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahahahahahahaha">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
          + f']><w:document {W_NS}><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>').encode()


def xlsx_far_cell() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["A1"] = "No"
    workbook.active["B1"] = "Kegiatan"
    out = io.BytesIO()
    workbook.save(out)
    patch = out.getvalue()
    with zipfile.ZipFile(io.BytesIO(patch)) as original:
        parts = {n: original.read(n) for n in original.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
                                                         b"</sheetData>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


def inflating_docx() -> bytes:
    """document.xml that inflates to 300 MB from a zip of about 300 KB."""
    filler = b" " * (300 << 20)
    return docx_with({"word/document.xml": b"<?xml version='1.0'?><w:document " + W_NS.encode() + b"><w:body>"
                      + filler + b"</w:body></w:document>"})


# each hostile source, and what the sentence says: the bound it broke, found before the work (a refusal only after
# minutes and gigabytes would be too late), or that the file is broken
SOURCES: dict[str, tuple[Callable[[], bytes], str]] = {
    "pdf-5000-pages.pdf": (lambda: minimal_pdf(5000), "5000 halaman"),
    "pdf-truncated.pdf": (lambda: minimal_pdf(3)[:400], "rusak"),
    "pdf-nested.pdf": (nested_pdf, "rusak|tabel langkah .* tidak ditemukan"),
    "docx-inflating.docx": (inflating_docx, "300 MB setelah dibuka"),
    "docx-huge-image.docx": (lambda: docx_with({"word/media/image1.png": png(120 << 20)}), "MB setelah dibuka"),
    "docx-billion-laughs.docx": (lambda: docx_with({"word/document.xml": LAUGHS}), "DOCTYPE"),
    "docx-no-content-types.docx": (lambda: docx_with({}, drop=("[Content_Types].xml",)), "rusak"),
    "xlsx-far-cell.xlsx": (xlsx_far_cell, "XFD1048576"),
    "text-million-lines.txt": (lambda: b"1\tKegiatan\tKasubag\n" * 1_000_000, "batas"),
    "binary.txt": (lambda: bytes(range(256)) * 64, "bukan Word"),
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_a_hostile_sop_file_is_one_sentence_and_exit_2(name, book, tmp_path):
    make, said = SOURCES[name]
    source = tmp_path / name
    source.write_bytes(make())
    before = book.read_bytes()
    result = cli_limited("sop", "import", source, "--code", "BARU", "--workbook", book)
    assert result.returncode == 2, result.stdout + result.stderr
    assert re.search(said, one_sentence(result.stderr), re.IGNORECASE), result.stderr
    assert book.read_bytes() == before


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_a_text_sop_saved_as_unicode_by_notepad_is_read(encoding, book, capsys, tmp_path):
    from tests.helpers import KEMNAKER_SEED

    source = tmp_path / "sop.txt"
    source.write_bytes(KEMNAKER_SEED.read_text(encoding="utf-8").encode(encoding))
    code, out, err = run(capsys, "sop", "import", source, "--code", "NAKER2", "--workbook", book)
    assert code == 0, err
    assert "16 langkah" in out


# ---------------------------------------------------------------- 7. text a cell can hold; export


@pytest.mark.parametrize("args", [("open", "--sop", "KEMNAKER", "--title", "Judul\x0bdengan tab vertikal"),
                                  ("open", "--sop", "KEMNAKER", "--title", "x" * 32_768),
                                  ("advance", "IKU-2026-004", "--note", "catatan\x1b[31m"),
                                  ("hold", "IKU-2026-004", "--reason", "alasan\x00")])
def test_text_a_cell_cannot_hold_is_refused_before_anything_is_written(args, book, capsys):
    before = book.read_bytes()
    command, *rest = args
    code, _, err = run(capsys, command, book, *rest) if command == "open" else \
        run(capsys, command, book, rest[0], *rest[1:])
    assert code == 1
    assert "ketik ulang" in one_sentence(err)
    assert book.read_bytes() == before


def put_inline_text(book: Path, sheet: str, ref: str, escaped: str) -> None:
    """A cell as Excel writes typed text holding a control character (_x000B_ is a vertical tab)."""
    part = WorkbookPatch(book.read_bytes()).parts[sheet]
    with zipfile.ZipFile(book) as package:
        contents = [(info, package.read(info.filename)) for info in package.infolist()]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in contents:
            if info.filename == part:
                data = re.sub(rb'<c r="' + ref.encode() + rb'"[^>]*?(/>|>.*?</c>)',
                              b'<c r="' + ref.encode() + b'" t="inlineStr"><is><t>' + escaped.encode()
                              + b"</t></is></c>", data, count=1, flags=re.S)
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def test_validate_reports_control_characters_and_export_still_writes_every_file(book, capsys):
    put_inline_text(book, "Kasus", "B3", "Reviu_x000B_IKU")
    code, out, _ = run(capsys, "validate", book)
    assert code == 1
    assert re.search(r"^galat\s+Kasus!B3 .*karakter kendali", out, re.M), out
    code, out, err = run(capsys, "export", book, "--month", "2026-11")
    assert code == 0, err
    folder = book.parent / "output" / "ekspor" / "2026-11"
    assert sorted(p.name for p in folder.iterdir()) == ["ekspor-2026-11.xlsx", "kasus.csv", "kepatuhan_waktu.csv",
                                                         "lacak.csv", "ringkasan.csv", "riwayat.csv"]
    assert "Reviu IKU" in (folder / "kasus.csv").read_text(encoding="utf-8-sig").replace("ReviuIKU", "Reviu IKU")


def test_a_failed_export_leaves_the_last_export_whole_and_says_so(book, capsys, monkeypatch):
    import errno

    import iku_xl.workbook.export_writer as export_writer

    assert run(capsys, "export", book, "--month", "2026-11")[0] == 0
    folder = book.parent / "output" / "ekspor" / "2026-11"
    last = {p.name: p.read_bytes() for p in folder.iterdir()}
    real = export_writer.write_csv

    def full_disk(path, **kwargs):
        if "riwayat" in path.name or "ringkasan" in path.name:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, **kwargs)

    monkeypatch.setattr(export_writer, "write_csv", full_disk)
    code, _, err = run(capsys, "export", book, "--month", "2026-11")
    assert code == 1
    sentence = one_sentence(err)
    assert "disk penuh" in sentence and "tidak ada berkas ekspor yang ditulis" in sentence
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == last  # no temporary file, no half file


def test_a_folder_keluaran_that_is_a_file_is_one_sentence(book, capsys):
    (book.parent / "hasil").write_text("bukan folder", encoding="utf-8")
    set_setting(book, "Folder Keluaran", "hasil")
    code, _, err = run(capsys, "export", book, "--month", "2026-11")
    assert code == 1
    assert "tidak ada berkas ekspor" in one_sentence(err)


# ---------------------------------------------------------------- 8. smaller holes


def test_the_error_log_is_the_users_own_file_and_follows_no_link(book, tmp_path, monkeypatch, capsys):
    import iku_xl.actions.workflow as workflow
    from iku_xl import failures

    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))

    secret = "RAHASIA"

    def broken(*args, **kwargs):
        raise ValueError(f"isi sel {secret} dari buku kerja")

    monkeypatch.setattr(workflow, "who", broken)
    code, _, err = run(capsys, "advance", book, "IKU-2026-004")
    assert code == 1 and str(cache) in one_sentence(err)
    log = failures.log_file()
    assert log.is_relative_to(cache)
    assert stat.S_IMODE(log.stat().st_mode) == 0o600 and stat.S_IMODE(log.parent.stat().st_mode) == 0o700
    text = log.read_text(encoding="utf-8")
    assert "ValueError" in text and "RAHASIA" not in text
    victim = tmp_path / "korban.txt"
    victim.write_text("asli", encoding="utf-8")
    log.unlink()
    log.symlink_to(victim)
    code, _, err = run(capsys, "advance", book, "IKU-2026-004")
    assert code == 1 and victim.read_text(encoding="utf-8") == "asli"


def test_sop_text_with_dollars_and_backslashes_is_drawn_as_text(book, capsys):
    kegiatan = read_book(book).sops["KEMNAKER"].step(2).kegiatan
    workbook = load_workbook(book)
    cell = next(c for row in workbook["KEMNAKER"].iter_rows() for c in row if c.value == kegiatan)
    cell.value = r"Biaya $\undefinedcommand{x}$ dan $5 juta$ \textbf{tebal}"
    workbook.save(book)
    code, _, err = run(capsys, "sop", "render", book, "--sop", "KEMNAKER")
    assert code == 0, err
    pdf = book.parent / "output" / "sop" / "SOP-KEMNAKER.pdf"
    from pypdf import PdfReader

    assert "undefinedcommand" in "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_libreoffice_and_its_folder_left_by_a_killed_run_are_removed_at_the_next_start(tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    work = scratch / "iku-xl-pdf-sisa"
    (work / "profil").mkdir(parents=True)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stray = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", f"{work.as_uri()}/profil"],
                             start_new_session=True)
    try:
        (work / "pemilik").write_text(f"{gone.pid} {stray.pid}\n", encoding="ascii")
        result = subprocess.run([sys.executable, "-m", "iku_xl", "--help"], capture_output=True, text=True,
                                env={**os.environ, "TMPDIR": str(scratch)}, timeout=60)
        assert result.returncode == 0
        assert stray.wait(timeout=10) != 0, "the stray LibreOffice still runs"
        assert not work.exists()
    finally:
        if stray.poll() is None:
            stray.kill()
            stray.wait()


def test_a_running_owner_keeps_its_folder(tmp_path):
    scratch = tmp_path / "tmp"
    work = scratch / "iku-xl-pdf-jalan"
    work.mkdir(parents=True)
    (work / "pemilik").write_text(f"{os.getpid()} 0\n", encoding="ascii")
    result = subprocess.run([sys.executable, "-m", "iku_xl", "--help"], capture_output=True, text=True,
                            env={**os.environ, "TMPDIR": str(scratch)}, timeout=60)
    assert result.returncode == 0 and work.exists()


def remove_part_of(book: Path, sheet: str) -> None:
    part = WorkbookPatch(book.read_bytes()).parts[sheet]
    with zipfile.ZipFile(book) as package:
        contents = [(info, package.read(info.filename)) for info in package.infolist() if info.filename != part]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in contents:
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def shrink_kasus_table(book: Path) -> None:
    with zipfile.ZipFile(book) as package:
        contents = [(info, package.read(info.filename)) for info in package.infolist()]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in contents:
            if info.filename.startswith("xl/tables/") and b'name="TabelKasus"' in data:
                data = re.sub(rb'ref="([A-Z]+)1:([A-Z]+)\d+"', rb'ref="\g<1>1:\g<2>3"', data)
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def add_twin_sheet(book: Path) -> None:
    workbook = load_workbook(book)
    workbook.create_sheet("KASUS-sementara")["A1"] = "salinan"
    workbook.save(book)
    with zipfile.ZipFile(book) as package:
        contents = [(info, package.read(info.filename)) for info in package.infolist()]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in contents:
            if info.filename == "xl/workbook.xml":
                data = data.replace(b'name="KASUS-sementara"', b'name="KASUS"')
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def test_a_missing_riwayat_part_is_unreadable_for_every_command(book, capsys):
    remove_part_of(book, "Riwayat")
    before = book.read_bytes()
    for args in (("validate", book), ("status", book), ("advance", book, "IKU-2026-004")):
        code, _, err = run(capsys, *args)
        assert code == 2, err
        assert "Riwayat" in one_sentence(err)
    assert book.read_bytes() == before


def test_validate_reports_a_shrunk_table_and_a_twin_sheet(book, capsys):
    shrink_kasus_table(book)
    add_twin_sheet(book)
    code, out, _ = run(capsys, "validate", book)
    assert code == 1
    assert re.search(r"^galat\s+Kasus!A4 .*berakhir di baris 3", out, re.M), out
    assert re.search(r"^galat\s+KASUS!A1 .*hanya berbeda huruf besar-kecil", out, re.M), out


# ---------------------------------------------------------------- the matrix: every bad file, every command


@dataclass
class Hostile:
    plant: Callable[[Path], None]  # makes the workbook (or its folder) hostile
    refuse: set[str]  # commands that must refuse; the others may do their harmless job
    harmless: Callable[[Path], None] = field(default=lambda book: None)  # what must hold afterwards


def _set(label: str, value: str) -> Callable[[Path], None]:
    def plant(book: Path) -> None:
        set_setting(book, label, value)
    return plant


def _logo_outside(book: Path) -> None:
    set_logo(book, "../pribadi.png")


def _large_logo(book: Path) -> None:
    (book.parent / "logo.png").write_bytes(png(6 << 20))
    set_logo(book, "logo.png")


def _templates_here(book: Path) -> None:
    hostile_templates(book.parent / "templat")
    set_setting(book, "Folder Templat", "templat")


def _no_command_ran(book: Path) -> None:
    assert not list(book.parent.parent.rglob(PWNED))


def _private_not_embedded(book: Path) -> None:
    for made in book.parent.rglob("*.docx"):
        with zipfile.ZipFile(made) as package:
            assert not any(b"RAHASIA-PRIBADI" in package.read(n) for n in package.namelist())


def _nothing_outside(book: Path) -> None:
    assert sorted(p.name for p in book.parent.parent.iterdir()) == ["bersama", "pribadi.png"]


def _link(name: str, target: str, directory: bool = False) -> Callable[[Path], None]:
    def plant(book: Path) -> None:
        destination = book.parent.parent / target
        if directory:
            destination.mkdir(exist_ok=True)
        else:
            destination.write_text("isi penting", encoding="utf-8")
        (book.parent / name).symlink_to(destination, target_is_directory=directory)
    return plant


def _target_intact(name: str) -> Callable[[Path], None]:
    def check(book: Path) -> None:
        target = book.parent.parent / name
        assert (target.read_text(encoding="utf-8") == "isi penting") if target.is_file() else \
            not any(target.iterdir())
    return check


def _fifo(name: str) -> Callable[[Path], None]:
    return lambda book: os.mkfifo(book.parent / name)


def _far_cell(sheet: str) -> Callable[[Path], None]:
    def plant(book: Path) -> None:
        from tests.test_integrity import rewrite_part

        rewrite_part(book, WorkbookPatch(book.read_bytes()).parts[sheet],
                     lambda xml: xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c>'
                                                              b"</row></sheetData>"))
    return plant


WRITERS = {"advance", "generate", "sop import"}
ALL = {"validate", "status", "advance", "generate", "export", "sop import"}
HOSTILE: dict[str, Hostile] = {
    "template runs a command": Hostile(_templates_here, {"generate"}, _no_command_ran),
    "templates folder outside": Hostile(_set("Folder Templat", "../templat-lain"), {"generate", "validate"}),
    "logo outside": Hostile(_logo_outside, {"generate", "validate"}, _private_not_embedded),
    "logo is a large file": Hostile(_large_logo, {"generate"}),
    "folder keluaran outside": Hostile(_set("Folder Keluaran", "../keluar"), {"generate", "export", "validate"},
                                       _nothing_outside),
    "folder keluaran is /dev/null": Hostile(_set("Folder Keluaran", "/dev/null"), {"generate", "export", "validate"}),
    "lock file is a link": Hostile(_link(".iku.xlsx.iku-lock", "penting.txt"), WRITERS, _target_intact("penting.txt")),
    "excel owner file is a pipe": Hostile(_fifo("~$iku.xlsx"), WRITERS),
    "libreoffice lock is a pipe": Hostile(_fifo(".~lock.iku.xlsx#"), WRITERS),
    "cadangan links elsewhere": Hostile(_link("cadangan", "arsip-lain", directory=True), WRITERS,
                                        _target_intact("arsip-lain")),
    "control character in a title": Hostile(lambda b: put_inline_text(b, "Kasus", "B3", "A_x000B_B"), {"validate"}),
    "riwayat part missing": Hostile(lambda b: remove_part_of(b, "Riwayat"), ALL),
    "twin sheet KASUS": Hostile(add_twin_sheet, {"validate"}),
    "far cell XFD1048576": Hostile(_far_cell("Kasus"), ALL),
    # Riwayat read whole (export: its read begun in a thread as the store opens) is refused in the same words
    "far cell XFD1048576 in Riwayat": Hostile(_far_cell("Riwayat"), {"export", "sop import"}),
}


def _commands(book: Path) -> dict[str, tuple]:
    from tests.helpers import KEMNAKER_SEED

    source = book.parent / "sop.txt"
    shutil.copy(KEMNAKER_SEED, source)
    return {"validate": ("validate", book), "status": ("status", book), "advance": ("advance", book, "IKU-2026-004"),
            "generate": ("generate", book, "--case", "IKU-2026-002", "--doc", "nota_dinas"),
            "export": ("export", book, "--month", "2026-11"),
            "sop import": ("sop", "import", source, "--code", "BARU", "--workbook", book)}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_every_command_on_a_hostile_workbook_is_harmless_or_one_sentence(name, demo_master, tmp_path):
    hostile = HOSTILE[name]
    folder = tmp_path / "bersama"
    folder.mkdir()
    (tmp_path / "pribadi.png").write_bytes(png() + b"RAHASIA-PRIBADI")
    book = folder / "iku.xlsx"
    shutil.copy(demo_master, book)
    hostile.plant(book)
    pristine = book.read_bytes()
    commands = _commands(book)
    failures = []
    for command, args in commands.items():
        result = cli_limited(*args, cwd=tmp_path)
        if command in hostile.refuse:
            if result.returncode not in (1, 2):
                failures.append(f"{command}: exit {result.returncode}: {result.stdout[-300:]} {result.stderr}")
                continue
            if command == "validate" and result.returncode == 1:  # the report of findings is its answer
                assert re.search(r"^galat ", result.stdout, re.M) and not result.stderr, result.stdout
            else:
                one_sentence(result.stderr)
            assert book.read_bytes() == pristine, f"{command} changed the workbook"
        else:
            assert result.returncode == 0, f"{command}: {result.stderr}"
            assert not LIBRARY_TEXT.search(result.stderr), result.stderr
            pristine = book.read_bytes()  # a harmless write (advance, generate) is the new starting point
        hostile.harmless(book)
    assert not failures, failures


def test_an_export_refused_while_riwayat_is_still_being_read_leaves_no_read_running(demo_book):
    """Export begins reading Riwayat in a thread as the workbook opens; when another sheet is refused before
    that read is done, the refusal waits for it (a thread left running into the interpreter's exit made
    calamine panic with a Rust backtrace after the sentence, now and then)."""
    import threading

    from iku_xl.actions.export import export_month
    from iku_xl.errors import UnreadableFile
    from tests.test_integrity import rewrite_part

    parts = WorkbookPatch(demo_book.read_bytes()).parts
    cells = b"".join(b'<c r="%s%%d"><v>%d</v></c>' % (letter.encode(), n) for n, letter in enumerate("CDEFGHIJLMNO"))
    rows = b"".join(b'<row r="%d"><c r="B%d" t="inlineStr"><is><t>IKU-2026-%05d</t></is></c>' % (r, r, r)
                    + cells.replace(b"%d", b"%d" % r) + b"</row>"
                    for r in range(1000, 81000))  # long enough that its read (about a second) outlasts the refusal
    rewrite_part(demo_book, parts["Riwayat"], lambda xml: xml.replace(b"</sheetData>", rows + b"</sheetData>"))
    _far_cell("Kasus")(demo_book)
    with pytest.raises(UnreadableFile, match="Ctrl\\+End"):
        export_month(demo_book, "2026-11")
    assert not [t.name for t in threading.enumerate() if t.name.startswith("iku-xl-read")]
