"""Writes that lose nothing: parts the program did not change stay byte for byte, and what it changed
keeps every element outside the rows it wrote. Checked on files saved by Excel itself, by LibreOffice,
and on workbooks carrying x14 extension lists and a VBA project."""
import datetime as dt
import re
import shutil
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.datavalidation import DataValidation

from iku_xl.workbook.ooxml.workbook_patch import WorkbookPatch
from iku_xl.workbook.reader import read_book
from tests.helpers import EXCEL_MADE as EXCEL_MADE_FOLDER
from tests.helpers import libreoffice_convert, run, soffice

EXCEL_MADE = sorted(EXCEL_MADE_FOLDER.glob("*.xls[xm]"))


def parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def outside_sheet_data(xml: bytes) -> str:
    text = xml.decode("utf-8")
    text = re.sub(r"<(\w+:)?sheetData\b[^>]*?(/>|>.*?</(\w+:)?sheetData>)", "<sheetData/>", text, count=1, flags=re.S)
    return re.sub(r'(<(\w+:)?dimension ref=")[^"]*"', r'\1"', text)


def rows_of(xml: bytes) -> list[str]:
    return re.findall(r"<(?:\w+:)?row\b[^>]*?(?:/>|>.*?</(?:\w+:)?row>)", xml.decode("utf-8"), re.S)


def assert_kept(before: dict[str, bytes], after: dict[str, bytes], allowed_changes: set[str]):
    assert set(before) <= set(after), f"parts lost: {set(before) - set(after)}"
    changed = {name for name in before if before[name] != after[name]}
    assert changed <= allowed_changes, f"changed beyond what was written: {changed - allowed_changes}"
    for name in changed & {n for n in changed if n.startswith("xl/worksheets/sheet")}:
        assert outside_sheet_data(before[name]) == outside_sheet_data(after[name]), name
    return changed


def test_patch_keeps_every_part_of_files_excel_saved(tmp_path):
    assert EXCEL_MADE, f"{EXCEL_MADE_FOLDER} is missing"
    written = []
    for source in EXCEL_MADE:
        data = source.read_bytes()
        patch = WorkbookPatch(data)
        sheet_part = patch.parts["Sheet1"]
        original_rows = rows_of(patch.package.read(sheet_part))
        sheet = patch.sheet("Sheet1")
        row = sheet.last_row() + 3
        sheet.set(row, 1, "Diubah oleh iku-xl & <uji>")
        sheet.set(row, 3, dt.datetime(2026, 11, 23, 9, 30))
        sheet.set(row + 1, 2, 1234.5)
        target = tmp_path / source.name
        target.write_bytes(patch.to_bytes())
        before, after = parts(source), parts(target)
        assert_kept(before, after, {sheet_part})
        new_rows = rows_of(after[sheet_part])
        for kept in original_rows:  # every row the file had is still there as it was
            assert kept in new_rows, (source.name, kept[:80])
        if target.suffix == ".xlsx":
            cells = load_workbook(target)["Sheet1"]
            assert cells[f"A{row}"].value == "Diubah oleh iku-xl & <uji>" and cells[f"B{row + 1}"].value == 1234.5
            assert (
                cells[f"C{row}"].value == dt.datetime(2026, 11, 23, 9, 30) or cells[f"C{row}"].value == 46349.3958333333
            )
        written.append(target)
    binary = soffice()
    if binary is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    out = tmp_path / "lo"
    subprocess.run(
        [
            binary,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(out),
            *map(str, written),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for target in written:
        csv = (out / f"{target.stem}.csv").read_text(encoding="utf-8", errors="replace")
        assert "Diubah oleh iku-xl & <uji>" in csv, target.name


def libreoffice_saved_with_staff_additions(demo_master, tmp_path):
    """The demo workbook, with a sheet, a formula and a dropdown added by hand, saved by LibreOffice."""
    staff = tmp_path / "staf.xlsx"
    workbook = load_workbook(demo_master)
    extra = workbook.create_sheet("Catatan Staf")
    extra["A1"], extra["B1"] = "Jumlah kasus", "=COUNTA(Kasus!A2:A100)"
    rule = DataValidation(type="list", formula1='"Sudah,Belum"', allow_blank=True)
    rule.add("C1:C20")
    extra.add_data_validation(rule)
    workbook["Pejabat"]["H2"] = "=LEN(D2)"
    workbook.save(staff)
    converted = libreoffice_convert(staff, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    final = tmp_path / "iku.xlsx"
    shutil.move(converted, final)
    return final


def test_advance_keeps_what_staff_added_in_libreoffice(demo_master, tmp_path, capsys):
    path = libreoffice_saved_with_staff_additions(demo_master, tmp_path)
    before = parts(path)
    code, _, err = run(capsys, "advance", path, "IKU-2026-002", "--at", "2026-11-18T10:30")
    assert code == 0, err
    after = parts(path)
    names = {name: part for name, part in WorkbookPatch(path.read_bytes()).parts.items()}
    tables = {n for n in before if n.startswith("xl/tables/")}
    allowed = {names["Kasus"], names["Riwayat"], names["Lacak POLHUKAM"]} | tables
    changed = assert_kept(before, after, allowed)
    assert names["Catatan Staf"] not in changed and names["Pejabat"] not in changed
    workbook = load_workbook(path)
    assert workbook["Catatan Staf"]["B1"].value == "=COUNTA(Kasus!A2:A100)"
    assert workbook["Catatan Staf"].data_validations.dataValidation[0].formula1 == '"Sudah,Belum"'
    assert workbook["Pejabat"]["H2"].value == "=LEN(D2)"
    assert read_book(path).history[-1].case_id == "IKU-2026-002"


X14_VALIDATION = (
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">'
    "<x14:formula1><xm:f>'Daftar Pilihan'!$B$2:$B$6</xm:f></x14:formula1><xm:sqref>M2:M500</xm:sqref>"
    "</x14:dataValidation></x14:dataValidations></ext>"
    '<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    "<x14:conditionalFormattings><x14:conditionalFormatting "
    'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    '<x14:cfRule type="dataBar" id="{00000000-000E-0000-0000-000001000000}"><x14:dataBar minLength="0" maxLength="100">'
    '<x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>E2:E500</xm:sqref>'
    "</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>"
)


def with_x14_and_vba(source, target):
    """Add what openpyxl would drop: x14 lists on two sheets, and Excel's VBA project."""
    vba = zipfile.ZipFile(EXCEL_MADE_FOLDER / "macro01.xlsm").read("xl/vbaProject.bin")
    patch = WorkbookPatch(source.read_bytes())
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename in (patch.parts["Kasus"], patch.parts["Pejabat"]):
                data = data.replace(b"</worksheet>", X14_VALIDATION.encode() + b"</worksheet>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                )
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdVba" '
                    b'Type="http://schemas.microsoft.com/'
                    b'office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
                )
            out.writestr(info, data)
        out.writestr("xl/vbaProject.bin", vba)
    return patch.parts


def test_advance_keeps_x14_extension_lists_and_vba(demo_master, tmp_path, capsys):
    path = tmp_path / "iku.xlsm"
    names = with_x14_and_vba(demo_master, path)
    before = parts(path)
    code, _, err = run(capsys, "advance", path, "IKU-2026-004", "--at", "2026-11-20T11:00")
    assert code == 0, err
    after = parts(path)
    allowed = {names["Kasus"], names["Riwayat"], names["Lacak KEMNAKER"]} | {
        n for n in before if n.startswith("xl/tables/")
    }
    changed = assert_kept(before, after, allowed)
    assert names["Kasus"] in changed
    assert X14_VALIDATION.encode() in after[names["Kasus"]]
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    assert after[names["Pejabat"]] == before[names["Pejabat"]]
    converted = libreoffice_convert(path, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    assert read_book(converted).cases[3].step == 2


def test_untouched_parts_are_byte_identical_after_every_kind_of_write(demo_book, capsys):
    before = parts(demo_book)
    for args in (
        ("open", demo_book, "--sop", "KEMNAKER", "--title", "Uji"),
        ("hold", demo_book, "IKU-2026-003", "--reason", "cuti"),
        ("resume", demo_book, "IKU-2026-003"),
        ("undo", demo_book, "IKU-2026-003"),
        ("lacak", demo_book),
    ):
        assert run(capsys, *args)[0] == 0
    after = parts(demo_book)
    names = WorkbookPatch(demo_book.read_bytes()).parts
    allowed = {names[s] for s in ("Kasus", "Riwayat", "Lacak POLHUKAM", "Lacak KEMNAKER")}
    allowed |= {n for n in before if n.startswith("xl/tables/")}
    assert_kept(before, after, allowed)


def test_sop_import_adds_sheets_and_keeps_everything_else(demo_master, tmp_path, capsys):
    """sop import on a LibreOffice-saved workbook: two sheets are added, the pick lists and styles
    grow, and every other part stays as it was."""
    from tests.helpers import KEMNAKER_SEED

    path = libreoffice_saved_with_staff_additions(demo_master, tmp_path)
    before = parts(path)
    names_before = WorkbookPatch(path.read_bytes()).parts
    code, _, err = run(capsys, "sop", "import", KEMNAKER_SEED, "--code", "BARU", "--workbook", path)
    assert code == 0, err
    after = parts(path)
    names = WorkbookPatch(path.read_bytes()).parts
    added = {names["BARU"], names["Lacak BARU"]}
    assert set(after) - set(before) == added
    styles = next(n for n in before if n.endswith("styles.xml"))
    allowed = {
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
        styles,
        names_before["Daftar Pilihan"],
        names_before["Daftar SOP"],  # the register gains the new SOP's row, and its table grows by one
        *(n for n in before if n.startswith("xl/tables/") and b"TabelDaftarSOP" in before[n]),
    }
    assert_kept(before, after, allowed)
    book = read_book(path)
    assert [s.code for s in book.sops.values()][-1] == "BARU" and len(book.sops["BARU"].steps) == 16
    assert [e.code for e in book.sop_register] == ["POLHUKAM", "KEMNAKER", "BARU"]
    workbook = load_workbook(path)
    assert workbook.defined_names["DaftarSOP"].attr_text.endswith("$A$4")
    assert workbook["BARU"].print_title_rows == "$18:$19"
    assert workbook["BARU"]["B20"].font.name == "Arial"
    assert workbook["Catatan Staf"]["B1"].value == "=COUNTA(Kasus!A2:A100)"
    again = libreoffice_convert(path, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo2")
    assert "BARU" in read_book(again).sops


def test_incremental_lacak_rows_equal_a_full_rebuild_on_a_libreoffice_file(demo_master, tmp_path, capsys):
    """advance reads Riwayat lazily (shared strings here, as LibreOffice saves them) and rewrites
    only the moved case's Lacak row; a full rebuild from Riwayat must give the same sheet."""
    path = libreoffice_saved_with_staff_additions(demo_master, tmp_path)
    for args in (
        ("advance", path, "IKU-2026-004", "--at", "2026-11-20T11:00"),
        ("advance", path, "IKU-2026-004", "--decision", "tidak", "--at", "2026-11-20T11:30"),
        ("advance", path, "IKU-2026-004", "--at", "2026-11-20T12:00"),
        ("open", path, "--sop", "KEMNAKER", "--title", "Kasus baru", "--at", "2026-11-20T12:00"),
    ):
        code, _, err = run(capsys, *args)
        assert code == 0, err
    history = read_book(path).history
    assert [h.row for h in history] == list(range(2, len(history) + 2))  # appended right after the last row
    incremental = [[c.value for c in row] for row in load_workbook(path)["Lacak KEMNAKER"].iter_rows(min_row=4)]
    assert run(capsys, "lacak", path)[0] == 0
    rebuilt = [[c.value for c in row] for row in load_workbook(path)["Lacak KEMNAKER"].iter_rows(min_row=4)]
    def strip(rows):
        return [r for r in rows if any(v is not None for v in r)]
    assert strip(incremental) == strip(rebuilt)
    assert any(str(v).endswith("(2x)") for row in strip(rebuilt) for v in row)
