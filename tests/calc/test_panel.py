"""The Panel inside LibreOffice Calc: the installed macro runs in Calc's own Python, on the open document."""
import shutil

from iku_xl.calc import panel
from iku_xl.workbook.reader import read_book
from tests.helpers import run

SCRIPT_URL = "vnd.sun.star.script:iku_xl_panel.py${}?language=Python&location=user"


def test_install_writes_one_script_with_every_macro(tmp_path, capsys):
    code, out, _ = run(capsys, "calc", "install", "--profile", tmp_path)
    script = tmp_path / "Scripts" / "python" / panel.SCRIPT_NAME
    assert code == 0 and str(script) in out and "Makro Saya" in out
    text = script.read_text(encoding="utf-8")
    compile(text, str(script), "exec")
    for name in panel.MACROS:
        assert f"def {name}(" in text
    assert "g_exportedScripts" in text


def test_selesaikan_langkah_runs_inside_calc_on_the_demo_workbook(calc, demo_master, tmp_path):
    workbook = tmp_path / "iku.xlsx"
    shutil.copy(demo_master, workbook)
    panel.install(calc.profile / "user")
    document = calc.open(workbook, hidden=False)
    try:
        sheet = document.Sheets.getByName("Kasus")
        controller = document.getCurrentController()
        controller.setActiveSheet(sheet)
        controller.select(sheet.getCellRangeByName("A5"))  # IKU-2026-004, at step 1
        script = document.getScriptProvider().getScript(SCRIPT_URL.format("selesaikan_langkah"))
        message, _, _ = script.invoke((), (), ())
        assert "IKU-2026-004 ke langkah 2" in message, message
        assert sheet.getCellRangeByName("E5").Value == 2  # Langkah
        assert sheet.getCellRangeByName("H5").String == "Berjalan"
        riwayat = document.Sheets.getByName("Riwayat")
        cursor = riwayat.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last = cursor.RangeAddress.EndRow
        assert riwayat.getCellByPosition(1, last).String == "IKU-2026-004"
        calc.save_as_xlsx(document, workbook)
    finally:
        document.close(True)
    case = next(c for c in read_book(workbook).cases if c.id_text == "IKU-2026-004")
    assert case.step == 2
