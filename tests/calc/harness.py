"""A running LibreOffice Calc for the tests: its own profile, a socket on 127.0.0.1, stopped by its PID.

Used to let a real spreadsheet application open, recalculate and save what the program wrote.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

UNO_PATHS = ("/usr/lib/python3/dist-packages", "/usr/lib/libreoffice/program")


def uno_module():
    """Debian's python3-uno, importable from a venv of the same CPython once its folders are on sys.path."""
    for folder in UNO_PATHS:
        if folder not in sys.path and Path(folder).is_dir():
            sys.path.append(folder)
    import uno

    return uno


def soffice_environment() -> dict[str, str]:
    """Our environment, with the system's folders first on PATH: LibreOffice's own Python finds its standard
    library from the first `python3` on PATH, and another Python's there (pyenv's, a venv's) makes the Panel's
    macros crash inside LibreOffice."""
    environment = dict(os.environ)
    system = ["/usr/bin", "/bin"]
    environment["PATH"] = os.pathsep.join(system + [p for p in environment.get("PATH", "").split(os.pathsep)
                                                     if p and p not in system])
    for name in ("VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH"):
        environment.pop(name, None)
    return environment


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Calc:
    """One soffice process and its desktop; `close()` stops exactly that process."""

    def __init__(self, prepare=None) -> None:
        """`prepare(user_profile_folder)` runs before LibreOffice starts (what it reads once, such as toolbars)."""
        binary = shutil.which("soffice") or shutil.which("libreoffice")
        if binary is None:
            raise RuntimeError("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc")
        self.uno = uno_module()
        self.profile = Path(tempfile.mkdtemp(prefix="iku-calc-"))
        if prepare is not None:
            prepare(self.profile / "user")
        self.port = _free_port()
        self.process = subprocess.Popen(
            [binary, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
             f"-env:UserInstallation=file://{self.profile}",
             f"--accept=socket,host=127.0.0.1,port={self.port};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, env=soffice_environment())
        self.desktop = self._connect()

    def _connect(self, seconds: float = 60):
        local = self.uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + seconds
        while True:
            try:
                context = resolver.resolve(
                    f"uno:socket,host=127.0.0.1,port={self.port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.close()
                    raise RuntimeError("LibreOffice did not start") from None
                time.sleep(0.2)
        self.context = context
        self._recalculate_on_load()
        return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)

    def _recalculate_on_load(self) -> None:
        """Recalculate every workbook on opening, as Excel does for a file the program saved; Calc's default
        would show the cached results instead, and a broken formula would go unseen."""
        provider = self.context.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.context)
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            (self.prop("nodepath", "/org.openoffice.Office.Calc/Formula/Load"),))
        access.setPropertyValue("OOXMLRecalcMode", 0)  # 0: always
        access.setPropertyValue("ODFRecalcMode", 0)
        access.commitChanges()

    def prop(self, name: str, value):
        from com.sun.star.beans import PropertyValue

        item = PropertyValue()
        item.Name, item.Value = name, value
        return item

    def open(self, path: Path, hidden: bool = True):
        """A document in its own window; `hidden=False` makes it the current one, as a person's is."""
        url = self.uno.systemPathToFileUrl(str(Path(path).resolve()))
        return self.desktop.loadComponentFromURL(url, "_blank", 0, (self.prop("Hidden", hidden),))

    def save_as_xlsx(self, document, path: Path) -> None:
        url = self.uno.systemPathToFileUrl(str(Path(path).resolve()))
        document.storeToURL(url, (self.prop("FilterName", "Calc MS Excel 2007 XML"),))

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(self.process.pid, signal.SIGKILL)
        shutil.rmtree(self.profile, ignore_errors=True)


def error_cells_after_recalculation(calc: Calc, path: Path) -> list[str]:
    """'Sheet!A1 (Err:508)' for every cell that shows an error once Calc has recalculated everything."""
    document = calc.open(path)
    try:
        document.calculateAll()
        found = []
        sheets = document.Sheets
        for index in range(sheets.Count):
            sheet = sheets.getByIndex(index)
            ranges = sheet.queryFormulaCells(4)  # com.sun.star.sheet.FormulaResult.ERROR
            for address in ranges.RangeAddresses:
                for row in range(address.StartRow, address.EndRow + 1):
                    for column in range(address.StartColumn, address.EndColumn + 1):
                        cell = sheet.getCellByPosition(column, row)
                        found.append(f"{sheet.Name}!{cell.AbsoluteName.split('.')[-1].replace('$', '')} "
                                     f"(Err:{cell.getError()}, {cell.getFormula()})")
        return found
    finally:
        document.close(True)
