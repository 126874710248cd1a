"""Nothing the program writes breaks, leaks or loses (issue 13): formulas recalculate, untouched cells
stay byte for byte, identifiers never become paths, data never becomes a formula, outputs land
beside the workbook."""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

from iku_xl.workbook.ooxml.workbook_patch import WorkbookPatch
from iku_xl.workbook.reader import read_book
from tests.calc.harness import error_cells_after_recalculation
from tests.helpers import KEMNAKER_SEED, edit, libreoffice_convert, run

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def every_command_kind(path: Path, capsys, tmp_path: Path) -> None:
    """One of each kind of write, as staff would run them over a week."""
    for args in (("open", path, "--sop", "POLHUKAM", "--title", "Kasus baru A", "--at", "2026-11-20T09:00"),
                 ("open", path, "--sop", "KEMNAKER", "--title", "Kasus baru B", "--at", "2026-11-20T09:05"),
                 ("open", path, "--sop", "POLHUKAM", "--title", "Kasus baru C", "--at", "2026-11-20T09:10"),
                 ("advance", path, "IKU-2026-004", "--at", "2026-11-20T11:00"),
                 ("advance", path, "IKU-2026-004", "--decision", "tidak", "--at", "2026-11-20T11:30"),
                 ("hold", path, "IKU-2026-002", "--reason", "menunggu rapat", "--at", "2026-11-20T12:00"),
                 ("resume", path, "IKU-2026-002", "--at", "2026-11-20T14:00"),
                 ("cancel", path, "IKU-2026-003", "--reason", "digabung"),
                 ("undo", path, "IKU-2026-003"),
                 ("lacak", path),
                 ("generate", path, "--case", "IKU-2026-002", "--out", tmp_path / "naskah"),
                 ("sop", "import", KEMNAKER_SEED, "--code", "BARU", "--workbook", path)):
        code, _, err = run(capsys, *args)
        assert code == 0, (args, err)


def saved_error_cells(path: Path) -> list[str]:
    """Cells a spreadsheet saved as errors (t="e"), in every sheet of the package."""
    found = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                found += [
                    f"{name}:{ref}" for ref in re.findall(r'<c r="([A-Z]+\d+)"[^>]*t="e"', package.read(name).decode())
                ]
    return found


@pytest.mark.parametrize("origin", ["program", "libreoffice"])
def test_every_write_recalculates_without_an_error_cell(origin, demo_book, tmp_path, capsys, calc):
    path = demo_book
    if origin == "libreoffice":
        converted = libreoffice_convert(demo_book, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
        path = tmp_path / "lo-saved.xlsx"
        shutil.move(converted, path)
    every_command_kind(path, capsys, tmp_path)
    assert error_cells_after_recalculation(calc, path) == []
    document = calc.open(path)
    try:
        document.calculateAll()
        calc.save_as_xlsx(document, tmp_path / "resaved.xlsx")
    finally:
        document.close(True)
    assert saved_error_cells(tmp_path / "resaved.xlsx") == []
    flags = {c.id_text: c for c in read_book(tmp_path / "resaved.xlsx").cases}
    assert set(flags) >= {"IKU-2026-005", "IKU-2026-006", "IKU-2026-007"}


def test_the_overdue_formula_of_a_new_row_is_the_row_above_moved_down(demo_book, capsys):
    for title in ("A", "B"):
        assert run(capsys, "open", demo_book, "--sop", "POLHUKAM", "--title", title)[0] == 0
    sheet = load_workbook(demo_book)["Kasus"]
    assert sheet["K6"].value == sheet["K5"].value.replace("5", "6")
    assert sheet["K7"].value == sheet["K5"].value.replace("5", "7")
    assert "&" not in sheet["K7"].value


# point 2: a move rewrites only the cells whose value changes


def cell_xml(xml: bytes, ref: str) -> str:
    match = re.search(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', xml.decode("utf-8"), re.S)
    assert match, ref
    return match.group(0)


def put_cells(path: Path, sheet: str, cells: dict[str, str]) -> None:
    """Replace (or add) cells in a sheet's XML, as Excel itself would have written them."""
    part = WorkbookPatch(path.read_bytes()).parts[sheet]
    with zipfile.ZipFile(path) as package:
        contents = {info: package.read(info.filename) for info in package.infolist()}
    for info, data in contents.items():
        if info.filename != part:
            continue
        root = etree.fromstring(data)
        for ref, xml in cells.items():
            row_no = int(re.sub(r"[A-Z]", "", ref))
            row = root.find(f".//{{{MAIN}}}row[@r='{row_no}']")
            if row is None:  # a row nothing was written in yet: Excel adds it in order
                data_rows = root.find(f"{{{MAIN}}}sheetData")
                row = etree.SubElement(data_rows, f"{{{MAIN}}}row", r=str(row_no))
                for later in [r for r in data_rows if int(r.get("r")) > row_no]:
                    data_rows.remove(later)
                    data_rows.append(later)
            new = etree.fromstring(f'<c xmlns="{MAIN}" r="{ref}" {xml}')
            old = row.find(f"{{{MAIN}}}c[@r='{ref}']")
            if old is not None:
                if old.get("s") and not new.get("s"):  # the cell keeps its format, as typing in Excel does
                    new.set("s", old.get("s"))
                row.replace(old, new)
            else:
                cols = [
                    c
                    for c in row
                    if len(re.sub(r"\d", "", c.get("r"))) <= len(re.sub(r"\d", "", ref))
                    and re.sub(r"\d", "", c.get("r")) < re.sub(r"\d", "", ref)
                ]
                (cols[-1].addnext(new) if cols else row.insert(0, new))
        contents[info] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in contents.items():
            out.writestr(info, data)


STAFF_CELLS = {
    # Judul: a formula with its cached value; Unit: rich text; Catatan: escapes and a control character;
    # column N (beside the table): a formula Excel has not computed yet
    "B3": 't="str"><f>"Reviu IKU "&amp;"2026"</f><v>Reviu IKU 2026</v></c>',
    "D3": 't="inlineStr"><is><r><rPr><b/></rPr><t>Biro</t></r><r><t xml:space="preserve"> PO</t></r></is></c>',
    "L3": 't="inlineStr"><is><t>kode _x005F_x0041_ dan bel _x0007_</t></is></c>',
    "N3": "><f>LEN(A3)</f></c>",
}


def test_a_move_keeps_every_cell_it_does_not_change(demo_book, capsys):
    put_cells(demo_book, "Kasus", STAFF_CELLS)
    names = WorkbookPatch(demo_book.read_bytes()).parts
    before = zipfile.ZipFile(demo_book).read(names["Kasus"])
    code, _, err = run(capsys, "advance", demo_book, "IKU-2026-002", "--at", "2026-11-18T10:30")
    assert code == 0, err
    after = zipfile.ZipFile(demo_book).read(names["Kasus"])
    for ref in ("A3", "B3", "C3", "D3", "K3", "L3", "N3"):
        assert cell_xml(after, ref) == cell_xml(before, ref), ref
    for ref in ("E3", "F3", "G3", "I3", "J3"):  # the step, its executor and times did change
        assert cell_xml(after, ref) != cell_xml(before, ref), ref
    case = next(c for c in read_book(demo_book).cases if c.id_text == "IKU-2026-002")
    assert case.step == 12 and case.title == "Reviu IKU 2026" and case.notes == "kode _x0041_ dan bel \x07"


def test_riwayat_and_lacak_rows_keep_staff_content(demo_book, capsys):
    book = read_book(demo_book)
    next_history = max(h.row for h in book.history) + 1
    lacak_row = next(
        r for r in range(5, 20) if load_workbook(demo_book)["Lacak POLHUKAM"][f"A{r}"].value == "IKU-2026-002"
    )
    put_cells(demo_book, "Riwayat", {f"R{next_history}": 't="inlineStr"><is><t>catatan staf</t></is></c>'})
    put_cells(
        demo_book,
        "Lacak POLHUKAM",
        {
            f"Z{lacak_row}": "><f>1+1</f><v>2</v></c>",
            f"B{lacak_row}": 't="inlineStr"><is><r><t>Reviu</t></r>'
            '<r><t xml:space="preserve"> IKU Kemenko Polkam Tahun '
            "2026</t>"
            "</r></is></c>",
        },
    )
    names = WorkbookPatch(demo_book.read_bytes()).parts
    package = zipfile.ZipFile(demo_book)
    riwayat, lacak = package.read(names["Riwayat"]), package.read(names["Lacak POLHUKAM"])
    assert run(capsys, "advance", demo_book, "IKU-2026-002", "--at", "2026-11-18T10:30")[0] == 0
    package = zipfile.ZipFile(demo_book)
    assert cell_xml(package.read(names["Riwayat"]), f"R{next_history}") == cell_xml(riwayat, f"R{next_history}")
    new_lacak = package.read(names["Lacak POLHUKAM"])
    for ref in (f"Z{lacak_row}", f"A{lacak_row}", f"B{lacak_row}", f"D{lacak_row}"):
        assert cell_xml(new_lacak, ref) == cell_xml(lacak, ref), ref
    assert read_book(demo_book).history[-1].row == next_history


# point 3: identifiers are not paths


@pytest.mark.parametrize("bad_id", ["../../X", "/tmp/elsewhere", "C:\\Windows\\x", "CON", "IKU\u202e-2026", "A" * 70])
def test_a_case_id_that_names_a_path_is_an_error_and_writes_nothing_outside(bad_id, demo_book, tmp_path, capsys):
    edit(demo_book, {"Kasus": {"A3": bad_id}})
    code, out, _ = run(capsys, "validate", demo_book, "--json")
    assert code == 1
    assert any(i["cell"] == "A3" and i["level"] == "error" for i in __import__("json").loads(out)["issues"])
    outside = tmp_path.parent / "X"
    code, out, err = run(capsys, "generate", demo_book)
    assert not outside.exists() and not Path("/tmp/elsewhere").exists()
    output = demo_book.parent / "output"
    for written in output.rglob("*"):
        assert written.resolve().is_relative_to(output.resolve())
    assert "ID kasus" in out + err


def test_file_names_drop_control_and_bidi_characters():
    from iku_xl.documents.names import document_file_name, safe_name

    name = document_file_name("nota_dinas", "1/Set.PO/XI/2026", "Judul\u202egnp.exe\x07 " + "x" * 300, "IKU-2026-001")
    assert "\u202e" not in name and "\x07" not in name and "/" not in name
    assert len(name) <= 125
    assert safe_name("..") != ".." and safe_name("CON") == "_CON"


# point 4: the export never stores data as a live formula


def test_the_export_workbook_keeps_formula_like_data_as_text(demo_book, tmp_path, capsys):
    workbook = load_workbook(demo_book)  # typed as text (Excel: a leading apostrophe), not as a formula
    for ref, text in (("B3", "=cmd|' /C calc'!A0"), ("D3", "@SUM(1)")):
        workbook["Kasus"][ref] = text
        workbook["Kasus"][ref].data_type = "s"
    workbook.save(demo_book)
    code, _, err = run(capsys, "export", demo_book, "--month", "2026-11", "--out", tmp_path / "ekspor")
    assert code == 0, err
    exported = next((tmp_path / "ekspor").glob("*.xlsx"))
    with zipfile.ZipFile(exported) as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/"):
                assert "cmd|" not in re.sub(r"<(?:t|v)[^>]*>[^<]*</(?:t|v)>", "", package.read(name).decode()), name
    values = [c.value for row in load_workbook(exported)["Kasus"].iter_rows() for c in row]
    assert "=cmd|' /C calc'!A0" in values


# point 11: outputs beside the workbook


def test_outputs_land_beside_the_workbook_whatever_the_current_folder(demo_book, tmp_path, capsys, monkeypatch):
    elsewhere = tmp_path / "di-tempat-lain"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    for args in (
        ("generate", demo_book, "--case", "IKU-2026-002", "--doc", "nota_dinas"),
        ("export", demo_book, "--month", "2026-11"),
        ("sop", "bpmn", demo_book, "--sop", "POLHUKAM"),
    ):
        code, out, err = run(capsys, *args)
        assert code == 0, err
        assert str(demo_book.parent / "output") in out
    assert not any(elsewhere.iterdir())
    assert list((demo_book.parent / "output" / "IKU-2026-002").glob("*.docx"))
    assert list((demo_book.parent / "output" / "ekspor" / "2026-11").glob("*.xlsx"))
    assert (demo_book.parent / "output" / "sop" / "SOP-POLHUKAM.bpmn").exists()


def test_the_output_folder_setting_is_read(demo_book, tmp_path, capsys):
    workbook = load_workbook(demo_book)
    sheet = workbook["Pengaturan"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet[f"A{r}"].value == "Folder Keluaran")
    edit(demo_book, {"Pengaturan": {f"B{row}": "hasil"}})
    code, _out, err = run(capsys, "export", demo_book, "--month", "2026-11")
    assert code == 0, err
    assert list((demo_book.parent / "hasil" / "ekspor" / "2026-11").glob("*.xlsx"))


# point 5: bounded reads


def cli_limited(*args, memory_mb: int = 1500, cwd: Path | None = None):
    """The command line in a process that may use no more than `memory_mb` of address space."""
    import subprocess
    import sys

    code = (
        "import resource, sys; limit = %d << 20; resource.setrlimit(resource.RLIMIT_AS, (limit, limit)); "
        "from iku_xl.cli import main; sys.exit(main(sys.argv[1:]))" % memory_mb
    )
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, timeout=300, cwd=cwd
    )


def rewrite_part(path: Path, part: str, change) -> None:
    with zipfile.ZipFile(path) as package:
        contents = [(info, package.read(info.filename)) for info in package.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in contents:
            out.writestr(info, change(data) if info.filename == part else data, compress_type=zipfile.ZIP_DEFLATED)


@pytest.mark.parametrize("sheet", ["Kasus", "Catatan Staf"])
def test_a_far_stray_cell_is_one_sentence_not_a_crash(sheet, demo_book):
    if sheet == "Catatan Staf":
        workbook = load_workbook(demo_book)
        workbook.create_sheet(sheet)["A1"] = "catatan"
        workbook.save(demo_book)
    part = WorkbookPatch(demo_book.read_bytes()).parts[sheet]
    rewrite_part(
        demo_book,
        part,
        lambda xml: xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
    )
    before = demo_book.read_bytes()
    for args in (("status", demo_book), ("validate", demo_book), ("advance", demo_book, "IKU-2026-004")):
        done = cli_limited(*args)
        assert done.returncode == 2, (args, done.stderr)
        assert "XFD1048576" in done.stderr and sheet in done.stderr
        assert "panicked" not in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
    assert demo_book.read_bytes() == before


def test_a_part_that_inflates_beyond_the_bound_is_refused(demo_book):
    part = WorkbookPatch(demo_book.read_bytes()).parts["Pejabat"]
    padding = b" " * (300 << 20)  # 300 MB of legal whitespace: deflates to well under a megabyte
    rewrite_part(demo_book, part, lambda xml: xml.replace(b"</worksheet>", padding + b"</worksheet>"))
    assert demo_book.stat().st_size < 5 << 20
    done = cli_limited("status", demo_book, memory_mb=700)
    assert done.returncode == 2, done.stderr
    assert "MB" in done.stderr and "Traceback" not in done.stderr


def test_a_zip_whose_sizes_lie_is_refused(demo_book):
    """The central directory says a part is small; it inflates to far more (a zip bomb's trick)."""
    import struct

    part = WorkbookPatch(demo_book.read_bytes()).parts["Pejabat"]
    rewrite_part(demo_book, part, lambda xml: xml.replace(b"</worksheet>", b" " * (100 << 20) + b"</worksheet>"))
    data = bytearray(demo_book.read_bytes())
    name = part.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, start + offset, 20_000)
            start += 4
    demo_book.write_bytes(bytes(data))
    done = cli_limited("status", demo_book, memory_mb=700)
    assert done.returncode == 2, done.stderr
    assert "rusak" in done.stderr and "Traceback" not in done.stderr


# point 6: backups that can be trusted


def test_failed_writes_leave_no_partial_backup_and_keep_the_good_ones(demo_book, capsys):
    for n in range(3):
        assert run(capsys, "open", demo_book, "--sop", "POLHUKAM", "--title", f"Kasus {n}")[0] == 0
    backups = demo_book.parent / "cadangan"
    good = {b.name: b.read_bytes() for b in backups.iterdir()}
    current = demo_book.read_bytes()
    limit = len(current) // 2  # every file larger than this cannot be written: the backup fails half-way
    for _ in range(4):
        done = _with_file_size_limit(limit, "open", demo_book, "--sop", "KEMNAKER", "--title", "Tidak tersimpan")
        assert done.returncode == 1, done.stderr
        assert "tidak bisa disimpan" in done.stderr and "Berkas lama tidak berubah" in done.stderr
    assert demo_book.read_bytes() == current
    left = {b.name: b.read_bytes() for b in backups.iterdir()}
    assert left == good, "a failed write must neither add a broken backup nor push a good one out"
    assert not [p for p in demo_book.parent.iterdir() if p.name.startswith((".~", ".iku"))]


def _with_file_size_limit(limit: int, *args):
    import subprocess
    import sys

    code = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (%d, %d)); "
        "from iku_xl.cli import main; sys.exit(main(sys.argv[1:]))" % (limit, limit)
    )
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, timeout=300)


def test_pruning_keeps_the_newest_good_backups(demo_book, capsys):
    backups = demo_book.parent / "cadangan"
    backups.mkdir()
    (backups / "iku-29991231-235959-000000.xlsx").write_bytes(b"PK\x03\x04 rusak")  # newest by name, but broken
    for n in range(6):
        assert run(capsys, "open", demo_book, "--sop", "POLHUKAM", "--title", f"Kasus {n}")[0] == 0
    kept = sorted(b for b in backups.iterdir() if b.name != "iku-29991231-235959-000000.xlsx")
    assert len(kept) == 5
    assert all(zipfile.ZipFile(b).testzip() is None for b in kept)
    # a file the program cannot read is not one it wrote: it is neither counted nor deleted (issue 22)
    assert (backups / "iku-29991231-235959-000000.xlsx").read_bytes() == b"PK\x03\x04 rusak"


# point 7: the shared file


def test_a_workbook_reached_through_a_symbolic_link_is_written_in_place(demo_book, tmp_path, capsys):
    link_folder = tmp_path / "pintasan"
    link_folder.mkdir()
    link = link_folder / "iku.xlsx"
    link.symlink_to(demo_book)
    assert run(capsys, "advance", link, "IKU-2026-004", "--at", "2026-11-20T11:00")[0] == 0
    assert link.is_symlink() and link.resolve() == demo_book.resolve()
    assert next(c for c in read_book(demo_book).cases if c.id_text == "IKU-2026-004").step == 2
    assert (demo_book.parent / "cadangan").is_dir() and not (link_folder / "cadangan").exists()


def test_a_read_only_workbook_or_folder_is_refused(demo_book, tmp_path, capsys):
    import os
    import stat

    before = demo_book.read_bytes()
    demo_book.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        code, _, err = run(capsys, "advance", demo_book, "IKU-2026-004")
        assert code == 1 and "hanya-baca" in err
    finally:
        demo_book.chmod(0o644)
    folder = demo_book.parent
    os.chmod(folder, 0o555)
    try:
        code, _, err = run(capsys, "advance", demo_book, "IKU-2026-004")
        assert code == 1 and "tidak boleh ditulisi" in err
    finally:
        os.chmod(folder, 0o755)
    assert demo_book.read_bytes() == before


def test_no_lock_file_is_left_behind(demo_book, capsys):
    for args in (
        ("advance", demo_book, "IKU-2026-004"),
        ("advance", demo_book, "IKU-2026-999"),
        ("generate", demo_book, "--case", "IKU-2026-002", "--doc", "nota_dinas"),
    ):
        run(capsys, *args)
    assert [p.name for p in demo_book.parent.iterdir() if "lock" in p.name] == []


# point 8: honest failures


def test_a_document_that_cannot_be_written_says_which_numbers_were_taken(demo_book, tmp_path, capsys, monkeypatch):
    import iku_xl.actions.generate as generate

    def full_disk(path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(generate, "atomic_output", lambda path: __import__("contextlib").nullcontext(full_disk(path)))
    code, _, err = run(capsys, "generate", demo_book, "--case", "IKU-2026-002", "--doc", "nota_dinas")
    assert code == 1
    number = read_book(demo_book).numbers[-1].number
    assert number in err and "Penomoran" in err and "disk penuh" in err and "No space" not in err


def test_an_unexpected_error_names_what_changed_without_library_text(demo_book, capsys, monkeypatch):
    import iku_xl.actions.workflow as workflow

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(workflow, "who", broken)
    code, _, err = run(capsys, "advance", demo_book, "IKU-2026-004")
    assert code == 1
    assert "tidak ada berkas yang diubah" in err and "division" not in err and "ZeroDivision" not in err
    assert "iku-xl-galat.log" in err


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_an_interrupted_pdf_batch_leaves_no_libreoffice_and_no_temporary_folder(signal_name, demo_book, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = dict(os.environ, TMPDIR=str(scratch))
    kinds = [a for kind in ("nota_dinas", "undangan_rapat", "notula_rapat", "permenko_iku") for a in ("--doc", kind)]
    process = subprocess.Popen(
        [sys.executable, "-m", "iku_xl", "generate", str(demo_book), "--case", "IKU-2026-002", *kinds, "--pdf"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(scratch.glob("iku-xl-pdf-*/profil")):
        time.sleep(0.05)
    assert list(scratch.glob("iku-xl-pdf-*")), "LibreOffice never started"
    time.sleep(0.5)
    process.send_signal(getattr(signal, signal_name))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "dihentikan" in err
    assert list(scratch.glob("iku-xl-pdf-*")) == []
    found = subprocess.run(["pgrep", "-f", str(scratch)], capture_output=True, text=True).stdout.split()
    assert found == [], "LibreOffice is still running"


# point 9: history runs forward


@pytest.mark.parametrize(
    "args",
    [
        ("advance", "IKU-2026-003", "--at", "2026-11-02T11:00"),
        ("hold", "IKU-2026-003", "--reason", "x", "--at", "2026-11-02T11:00"),
        ("cancel", "IKU-2026-003", "--reason", "x", "--at", "2026-11-02T11:00"),
        ("undo", "IKU-2026-003", "--at", "2026-11-02T11:00"),
    ],
)
def test_a_move_dated_before_the_last_riwayat_row_is_refused(args, demo_book, capsys):
    before = demo_book.read_bytes()
    code, _, err = run(capsys, args[0], demo_book, *args[1:])
    assert code == 1 and "02/11/2026 11:37" in err, err
    assert demo_book.read_bytes() == before


def test_resume_before_the_hold_is_refused_and_durasi_leaves_out_the_hold(demo_book, capsys):
    import datetime as dt

    from iku_xl.core.office_hours import office_calendar

    assert run(capsys, "hold", demo_book, "IKU-2026-004", "--reason", "cuti", "--at", "2026-11-20T11:00")[0] == 0
    code, _, err = run(capsys, "resume", demo_book, "IKU-2026-004", "--at", "2026-11-20T10:50")
    assert code == 1 and "20/11/2026 11:00" in err
    assert run(capsys, "resume", demo_book, "IKU-2026-004", "--at", "2026-11-23T08:00")[0] == 0
    assert run(capsys, "advance", demo_book, "IKU-2026-004", "--at", "2026-11-23T09:00")[0] == 0
    book = read_book(demo_book)
    entry = book.history[-1]
    calendar = office_calendar(book.settings, book.days_off)
    total = calendar.working_minutes(dt.datetime(2026, 11, 20, 10, 30), entry.time)
    held = calendar.working_minutes(dt.datetime(2026, 11, 20, 11, 0), dt.datetime(2026, 11, 23, 8, 0))
    assert held == 270 and entry.minutes == total - held == 90  # 30 before the hold, 60 after it


def test_the_export_does_not_count_an_undone_cancellation(demo_book, tmp_path, capsys):
    assert run(capsys, "cancel", demo_book, "IKU-2026-003", "--reason", "salah", "--at", "2026-11-20T09:00")[0] == 0
    assert run(capsys, "undo", demo_book, "IKU-2026-003", "--at", "2026-11-20T09:05")[0] == 0
    import datetime as dt

    from iku_xl.actions.export import export_month

    report = export_month(demo_book, "2026-11", tmp_path / "e", today=dt.date(2026, 12, 1)).report
    assert report.cancelled == 0


# point 10: the calendar stays true


def test_due_times_are_checked_against_libur_and_recounted(demo_book, capsys):
    import datetime as dt
    import json

    assert run(capsys, "open", demo_book, "--sop", "POLHUKAM", "--title", "Baru", "--at", "2026-11-23T09:00")[0] == 0
    case = next(c for c in read_book(demo_book).cases if c.id_text == "IKU-2026-005")
    assert case.due == dt.datetime(2026, 11, 23, 9, 10)
    workbook = load_workbook(demo_book)
    libur = workbook["Libur"]
    free = libur.max_row + 1
    libur[f"A{free}"], libur[f"B{free}"], libur[f"C{free}"] = dt.datetime(2026, 11, 23), "Libur kantor", "Libur Kantor"
    workbook.save(demo_book)
    code, out, _ = run(capsys, "validate", demo_book, "--json")
    warnings = [i for i in json.loads(out)["issues"] if i["case"] == "IKU-2026-005" and i["field"] == "due"]
    assert warnings and "hari libur" in warnings[0]["message"]
    code, out, err = run(capsys, "reschedule", demo_book)
    assert code == 0, err
    assert "IKU-2026-005" in out
    after = next(c for c in read_book(demo_book).cases if c.id_text == "IKU-2026-005")
    assert after.due == dt.datetime(2026, 11, 24, 7, 40)
    last = read_book(demo_book).history[-1]
    assert (last.case_id, last.action) == ("IKU-2026-005", "Jadwal Ulang")
    assert run(capsys, "reschedule", demo_book)[1].startswith("Semua batas waktu")


def test_a_due_time_in_a_year_libur_does_not_list_is_warned(demo_book, capsys):
    import json

    edit(demo_book, {"Kasus": {"J4": __import__("datetime").datetime(2031, 3, 3, 10, 0)}})
    _code, out, _ = run(capsys, "validate", demo_book, "--json")
    assert any(i["cell"] == "J4" and "2031" in i["message"] for i in json.loads(out)["issues"])
