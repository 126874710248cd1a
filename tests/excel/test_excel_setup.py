"""The first run in Excel: the files "Run main" needs beside each workbook, and `iku-xl excel check` saying what is
missing. The add-in's Run main does `import <workbook name>; <workbook name>.main()` from the workbook's folder
(xlwings 0.37.8, addin/RibbonXlwings.bas RunMain) and reads xlwings.conf there, then the user's own file."""
import sys
from pathlib import Path

import pytest

from iku_xl.excel import beside, setup_check
from tests.helpers import ROOT, run


def test_init_writes_the_module_and_conf_beside_the_workbook(tmp_path, capsys):
    workbook = tmp_path / "iku_2027.xlsx"
    code, out, _ = run(capsys, "init", workbook)
    module = tmp_path / "iku_2027.py"
    assert code == 0 and "iku_2027.py" in out and "xlwings.conf" in out
    assert "def main():\n    run_panel()" in module.read_text(encoding="utf-8")
    assert "INTERPRETER" not in (tmp_path / "xlwings.conf").read_text(encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:  # what Run main does
        import iku_2027  # type: ignore[import-not-found]
        assert callable(iku_2027.main)
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("iku_2027", None)


def test_shipped_module_is_what_init_writes():
    assert (ROOT / "workbook" / "iku.py").read_text(encoding="utf-8") == beside.module_text("iku.xlsx")


def test_a_module_staff_wrote_is_kept(tmp_path):
    workbook = tmp_path / "iku.xlsx"
    workbook.write_bytes(b"")
    (tmp_path / "iku.py").write_text("def main():\n    pass\n", encoding="utf-8")
    (tmp_path / "xlwings.conf").write_text('"SHOW CONSOLE","True"\n', encoding="utf-8")
    assert beside.write_beside(workbook) == []
    assert (tmp_path / "iku.py").read_text(encoding="utf-8") == "def main():\n    pass\n"


@pytest.mark.parametrize("name, why", [
    ("IKU 2027.xlsx", "spasi"), ("iku (1).xlsx", "(1)"), ("iku - Copy.xlsx", "spasi"), ("2027iku.xlsx", "angka"),
    ("calendar.xlsx", "modul Python 'calendar'"), ("iku-2027.xlsx", "selain huruf"), ("class.xlsx", "kata kunci")])
def test_names_run_main_cannot_import_are_told_with_a_name_that_works(tmp_path, capsys, name, why):
    workbook = tmp_path / name
    code, out, _ = run(capsys, "init", workbook)
    assert code == 0 and why in out and "Ganti nama" in out, out
    suggested = beside.suggested_name(workbook)
    assert beside.name_problem(tmp_path / suggested) is None, suggested
    assert not workbook.with_suffix(".py").exists()  # a module no one can import helps no one


def test_check_says_what_is_missing_beside_the_workbook_and_fix_writes_it(tmp_path, capsys):
    workbook = tmp_path / "iku.xlsx"
    run(capsys, "init", workbook)
    (tmp_path / "iku.py").unlink()
    (tmp_path / "xlwings.conf").write_text('"INTERPRETER_WIN","C:\\Users\\dewi\\python.exe"\n', encoding="utf-8")
    code, out, _ = run(capsys, "excel", "check", workbook)
    assert code == 1
    assert "PERLU  Berkas iku.py: tidak ada di samping iku.xlsx" in out and "--fix" in out
    assert "PERLU  xlwings.conf: xlwings.conf bersama berisi INTERPRETER_WIN" in out
    assert "OK     Nama buku kerja" in out
    (tmp_path / "xlwings.conf").unlink()
    code, out, _ = run(capsys, "excel", "check", workbook, "--fix")
    assert (tmp_path / "iku.py").exists() and (tmp_path / "xlwings.conf").exists()
    assert "OK     Berkas iku.py" in out and "OK     xlwings.conf" in out


def test_check_on_a_name_run_main_cannot_import(tmp_path, capsys):
    workbook = tmp_path / "iku (1).xlsx"
    run(capsys, "init", workbook)
    code, out, _ = run(capsys, "excel", "check", workbook)
    assert code == 1 and "PERLU  Nama buku kerja: Nama buku kerja 'iku (1).xlsx'" in out and "'iku.xlsx'" in out


def test_python_missing_from_path_and_a_user_interpreter_that_is_gone(tmp_path):
    environ = {"USERPROFILE": str(tmp_path), "APPDATA": str(tmp_path / "AppData")}
    item = setup_check.check_python(environ, "win32", which=lambda name: None)
    assert not item.ok and "Python tidak ditemukan di PATH" in item.message and "xlwings config create" in item.message
    config = setup_check.user_config(environ, "win32")
    assert config == tmp_path / ".xlwings" / "xlwings.conf"
    config.parent.mkdir()
    config.write_text('"INTERPRETER_WIN","C:\\Python311\\pythonw.exe"\n', encoding="utf-8")
    item = setup_check.check_python(environ, "win32", which=lambda name: None)
    assert not item.ok and "C:\\Python311\\pythonw.exe" in item.message and "--force" in item.message


def test_store_alias_and_a_python_without_iku_xl(tmp_path):
    alias = "C:\\Users\\dewi\\AppData\\Local\\Microsoft\\WindowsApps\\python.exe"
    item = setup_check.check_python({"USERPROFILE": str(tmp_path)}, "win32", which=lambda name: alias)
    assert not item.ok and "Microsoft Store" in item.message
    python = tmp_path / "python.exe"
    python.write_bytes(b"")

    class Failed:
        returncode = 1

    item = setup_check.check_python({"USERPROFILE": str(tmp_path)}, "win32", which=lambda name: str(python),
                                    run=lambda *args, **kwargs: Failed())
    assert not item.ok and "belum bisa memuat iku_xl" in item.message and "pip install" in item.message


def test_addin_missing_then_installed(tmp_path):
    environ = {"APPDATA": str(tmp_path)}
    item = setup_check.check_addin(environ, "win32")
    assert not item.ok and "xlwings addin install" in item.message
    place = tmp_path / "Microsoft" / "Excel" / "XLSTART" / "xlwings.xlam"
    place.parent.mkdir(parents=True)
    place.write_bytes(b"")
    assert setup_check.check_addin(environ, "win32").ok


def test_vba_reference_said_for_xlsm_only():
    assert setup_check.check_vba(Path("iku.xlsx")).message.startswith("tidak perlu")
    assert "Tools > References" in setup_check.check_vba(Path("iku.xlsm")).message
