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

from .calc import error_cells_after_recalculation
from .conftest import KEMNAKER_SEED, edit, libreoffice_convert, run

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
                found += [f"{name}:{ref}" for ref in re.findall(r'<c r="([A-Z]+\d+)"[^>]*t="e"', package.read(name).decode())]
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
            new = etree.fromstring(f'<c xmlns="{MAIN}" r="{ref}" {xml}')
            old = row.find(f"{{{MAIN}}}c[@r='{ref}']")
            if old is not None:
                if old.get("s") and not new.get("s"):  # the cell keeps its format, as typing in Excel does
                    new.set("s", old.get("s"))
                row.replace(old, new)
            else:
                cols = [c for c in row if len(re.sub(r"\d", "", c.get("r"))) <= len(re.sub(r"\d", "", ref))
                        and re.sub(r"\d", "", c.get("r")) < re.sub(r"\d", "", ref)]
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
    "N3": '><f>LEN(A3)</f></c>',
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
    lacak_row = next(r for r in range(5, 20)
                     if load_workbook(demo_book)["Lacak POLHUKAM"][f"A{r}"].value == "IKU-2026-002")
    put_cells(demo_book, "Riwayat", {f"R{next_history}": 't="inlineStr"><is><t>catatan staf</t></is></c>'})
    put_cells(demo_book, "Lacak POLHUKAM", {f"Z{lacak_row}": '><f>1+1</f><v>2</v></c>',
                                            f"B{lacak_row}": 't="inlineStr"><is><r><t>Reviu</t></r>'
                                                             '<r><t xml:space="preserve"> IKU Kemenko Polhukam Tahun 2026</t>'
                                                             '</r></is></c>'})
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
    for args in (("generate", demo_book, "--case", "IKU-2026-002", "--doc", "nota_dinas"),
                 ("export", demo_book, "--month", "2026-11"),
                 ("sop", "bpmn", demo_book, "--sop", "POLHUKAM")):
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
    code, out, err = run(capsys, "export", demo_book, "--month", "2026-11")
    assert code == 0, err
    assert list((demo_book.parent / "hasil" / "ekspor" / "2026-11").glob("*.xlsx"))
