"""A workbook open in the tests' LibreOffice Calc, as the macros see it: through the real xlwings package."""
from __future__ import annotations

from pathlib import Path

from iku_xl.calc.engine import App, wrap
from iku_xl.core import layout


class LiveWorkbook:
    """`book` is an xlwings Book over the Calc document; `app` counts the calls and records message boxes."""

    def __init__(self, calc, path: Path) -> None:
        self.path = Path(path)
        self.document = calc.open(self.path)
        if self.document is None:
            raise RuntimeError(f"LibreOffice did not open {path}")
        self.app = App(calc.desktop, calc.context, calc.process.pid)
        self.book = wrap(self.app, self.document, str(self.path))

    @property
    def calls(self) -> int:
        return self.app.calls

    def sheet(self, name: str):
        return self.book.sheets[name]

    def select(self, address: str, sheet: str = "Kasus") -> None:
        self.book.impl.select(address, sheet)

    def panel(self, **values) -> None:
        for key, value in values.items():
            self.sheet(layout.PANEL).range((layout.PANEL_FIELDS[key][0], 2)).value = value

    def save(self) -> None:
        """Saved as Calc saves an .xlsx, and closed (so no lock file stays beside it)."""
        self.book.impl.save(str(self.path))
        self.close()

    def close(self) -> None:
        if self.document is not None:
            self.book.impl.close()
            self.document = None
            self.app.release()
