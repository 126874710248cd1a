"""Every Panel action through its button in LibreOffice Calc, as staff click it: the iku-xl toolbar that
`iku-xl calc install` writes, read back through LibreOffice's own UI configuration, each button's command
dispatched on the open document. The message is read from the Panel's 'Hasil aksi terakhir' cell."""
import shutil

import pytest

from iku_xl.calc import panel
from iku_xl.core import layout
from iku_xl.excel import macros
from iku_xl.workbook.reader import read_book
from tests.calc.harness import Calc, error_cells_after_recalculation
from tests.helpers import KEMNAKER_SEED, soffice

UNEXPECTED = "tak terduga"


@pytest.fixture(scope="module")
def calc_with_toolbar():
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc")
    running = Calc(prepare=panel.install)
    yield running
    running.close()


class Clicks:
    """The document open in Calc and the iku-xl toolbar's buttons, by label."""

    def __init__(self, calc, document) -> None:
        self.calc, self.document = calc, document
        supplier = calc.context.ServiceManager.createInstanceWithContext(
            "com.sun.star.ui.ModuleUIConfigurationManagerSupplier", calc.context)
        settings = supplier.getUIConfigurationManager("com.sun.star.sheet.SpreadsheetDocument").getSettings(
            panel.TOOLBAR_URL, False)
        items = [{p.Name: p.Value for p in settings.getByIndex(i)} for i in range(settings.Count)]
        self.buttons = {item["Label"]: item["CommandURL"] for item in items}
        self.dispatcher = calc.context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                                                calc.context)

    def sheet(self, name):
        return self.document.Sheets.getByName(name)

    def select(self, address: str, sheet: str = "Kasus") -> None:
        controller = self.document.getCurrentController()
        controller.setActiveSheet(self.sheet(sheet))
        controller.select(self.sheet(sheet).getCellRangeByName(address))

    def panel(self, field: str, text: str | None = None) -> str:
        cell = self.sheet(layout.PANEL).getCellByPosition(1, layout.PANEL_FIELDS[field][0] - 1)
        if text is not None:
            cell.setString(text)  # typed into a text cell
        return cell.getString()

    def click(self, label: str) -> str:
        self.panel("result", "")
        frame = self.document.getCurrentController().getFrame()
        self.dispatcher.executeDispatch(frame, self.buttons[label], "", 0, ())
        message = self.panel("result")
        assert message and UNEXPECTED not in message, (label, message)
        return message

    def cell(self, address: str, sheet: str = "Kasus"):
        return self.sheet(sheet).getCellRangeByName(address)

    def findings(self) -> int:
        return self.sheet(layout.TEMUAN).createCursor().getRangeAddress().EndRow  # header row 0

    def temuan_errors(self) -> int:
        return self.sheet(layout.TEMUAN).queryFormulaCells(4).Count  # com.sun.star.sheet.FormulaResult.ERROR


def test_toolbar_has_one_button_per_panel_action(calc_with_toolbar):
    document = calc_with_toolbar.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, ())
    try:
        buttons = Clicks(calc_with_toolbar, document).buttons
    finally:
        document.close(True)
    assert list(buttons) == [label.split(" (")[0] for label in macros.PANEL_ACTIONS]
    assert all(url.startswith("vnd.sun.star.script:iku_xl_panel.py$") for url in buttons.values())


def test_every_panel_action_through_its_button(calc_with_toolbar, demo_master, tmp_path):
    workbook = tmp_path / "iku.xlsx"
    shutil.copy(demo_master, workbook)
    shutil.copy(KEMNAKER_SEED, tmp_path / "sop-baru.txt")
    document = calc_with_toolbar.open(workbook, hidden=False)
    clicks = Clicks(calc_with_toolbar, document)
    try:
        assert "LibreOffice Calc" in clicks.click("Periksa pemasangan")

        first = clicks.click("Periksa buku kerja")
        counted = clicks.findings()
        assert counted > 0 and clicks.temuan_errors() == 0
        assert clicks.click("Periksa buku kerja") == first and clicks.findings() == counted  # the same, run after run
        assert clicks.temuan_errors() == 0

        clicks.cell("B6").setString("Kasus uji tombol")
        clicks.cell("C6").setString("POLHUKAM")
        assert "1 kasus dibuka: IKU-2026-005" in clicks.click("Buka kasus yang diketik")

        clicks.select("A5")  # IKU-2026-004, KEMNAKER step 1
        message = clicks.click("Selesaikan langkah")
        assert "IKU-2026-004 ke langkah 2" in message and "Belum tersimpan" in message, message
        assert clicks.cell("E5").Value == 2
        message = clicks.click("Selesaikan langkah")  # a decision; no answer given (the box closed)
        assert "keputusan tidak dipilih" in message and "dibatalkan" not in message, message
        assert clicks.cell("E5").Value == 2
        clicks.click("Kembalikan")
        assert clicks.cell("E5").Value == 1 and clicks.cell("H5").String == "Dikembalikan"

        clicks.select("A3")
        clicks.panel("note", "Menunggu rapat pimpinan")
        clicks.click("Tunda")
        assert clicks.cell("H3").String == "Ditunda" and clicks.panel("note") == ""  # the reason is used once
        clicks.click("Lanjutkan")
        assert clicks.cell("H3").String == "Berjalan"

        clicks.select("A4")
        clicks.panel("note", "Digabung")
        clicks.click("Batalkan")
        assert clicks.cell("H4").String == "Dibatalkan"
        clicks.click("Urungkan perpindahan terakhir")
        assert clicks.cell("H4").String == "Berjalan"

        clicks.select("A6")  # IKU-2026-005 at POLHUKAM step 1: a lembar disposisi
        message = clicks.click("Buat naskah dinas")
        folder = tmp_path / "output" / "IKU-2026-005"
        assert "1 naskah dibuat di" in message and str(folder) in message, message
        assert list(folder.glob("*.docx"))

        clicks.panel("month", "2026-11")
        assert "Ekspor 2026-11" in clicks.click("Ekspor bulanan")
        assert (tmp_path / "output" / "ekspor" / "2026-11").is_dir()

        clicks.click("Buat ulang lembar Lacak")

        clicks.select("B3", "POLHUKAM")
        assert "SOP POLHUKAM dicetak" in clicks.click("Cetak SOP dan BPMN")
        assert list((tmp_path / "output" / "sop").glob("*.pdf"))

        clicks.panel("sop_file", "Sop-baru.txt")  # as Calc's AutoCorrect leaves a typed sop-baru.txt
        clicks.panel("sop_code", "BARU")
        assert "SOP BARU diimpor" in clicks.click("Impor SOP")
        assert clicks.panel("sop_file") == "" and document.Sheets.hasByName("BARU")

        clicks.panel("year", "2027")
        message = clicks.click("Buat dokumen kinerja")
        assert "dokumen kinerja 2027 dibuat di" in message, message
        assert list((tmp_path / "output" / "kinerja" / "2027").rglob("*.docx"))

        clicks.panel("semester", "2026-2")
        message = clicks.click("Monitoring dan evaluasi SOP")
        assert "Monitoring Semester II Tahun 2026 disimpan di" in message, message
        assert "BARU tidak dimonitor" in message, message  # imported just now, not yet tied to a profile
        assert {f.name for f in (tmp_path / "output" / "monitoring" / "2026-2").glob("*.docx")} == {
            "monitoring-POLHUKAM-2026-2.docx", "monitoring-KEMNAKER-2026-2.docx"}

        again = clicks.click("Periksa buku kerja")
        counted = clicks.findings()
        assert clicks.click("Periksa buku kerja") == again and clicks.findings() == counted
        assert clicks.temuan_errors() == 0
        calc_with_toolbar.save_as_xlsx(document, workbook)
    finally:
        document.close(True)
    assert [c for c in error_cells_after_recalculation(calc_with_toolbar, workbook) if c.startswith("Temuan")] == []
    history = [h for h in read_book(workbook).history if h.case_id == "IKU-2026-002"]
    assert history[-1].note != "Menunggu rapat pimpinan"  # the hold reason is not written again on resume
