"""What we write opens in LibreOffice Calc, and its dropdowns, tables and overdue rule survive."""
import datetime as dt
import json

from openpyxl import load_workbook

from tests.helpers import libreoffice_convert, run


def test_workbook_survives_libreoffice(demo_master, tmp_path, capsys):
    source = tmp_path / "asli.xlsx"
    source.write_bytes(demo_master.read_bytes())
    converted = libreoffice_convert(source, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    workbook = load_workbook(converted)
    for sheet in ("Panduan", "Kasus", "Riwayat", "IKU", "Pejabat", "Penomoran", "POLHUKAM", "KEMNAKER",
                  "Libur", "Pengaturan"):
        assert sheet in workbook.sheetnames
    kasus = workbook["Kasus"]
    lists = {dv.formula1 for dv in kasus.data_validations.dataValidation if dv.type == "list"}
    assert lists == {"DaftarSOP", "DaftarStatus"}
    assert kasus.tables, "the Kasus table was lost"
    rules = [rule for cf in kasus.conditional_formatting for rule in cf.rules]
    assert any("NOW()" in formula for rule in rules for formula in rule.formula)
    assert "DaftarStatus" in workbook.defined_names
    # LibreOffice recalculated the overdue flag: finished is not late, open past its due time is, no due time is
    # not. The sheet's NOW() is the computer's clock (IKU_XL_NOW is only the program's), so "past" is judged by it.
    from python_calamine import CalamineWorkbook
    rows = CalamineWorkbook.from_path(str(converted)).get_sheet_by_name("Kasus").to_python()[1:5]
    assert [(row[0], row[7], row[9]) for row in rows[:2]] == [
        ("IKU-2026-001", "Selesai", ""), ("IKU-2026-002", "Berjalan", dt.datetime(2026, 11, 20, 11, 0))]
    late = "Ya" if dt.datetime.now() > rows[1][9] else ""
    assert [row[10] for row in rows] == ["", late, "", ""]
    # and our own reader still reads what LibreOffice wrote
    code, out, _ = run(capsys, "validate", converted, "--json")
    report = json.loads(out)
    assert code == 0, [i for i in report["issues"] if i["level"] == "error"]
    assert [(s["code"], s["steps"], s["roles"]) for s in report["sops"]] == [("POLHUKAM", 17, 5), ("KEMNAKER", 16, 7)]
    assert report["cases"] == 4


def test_libreoffice_renders_the_sop_sheet(demo_master, tmp_path):
    source = tmp_path / "sop.xlsx"
    source.write_bytes(demo_master.read_bytes())
    pdf = libreoffice_convert(source, "pdf", tmp_path / "pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
