"""The workbook's settings (the Pengaturan sheet) as typed values: the one place their labels are spelt."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .values import as_moment, text_of

# attribute -> the label staff read in the Pengaturan sheet
LABELS = {
    "output_folder": "Folder Keluaran",
    "template_folder": "Folder Templat",
    "operator": "Nama Petugas",
}
RAMADAN_LABELS = ("Awal Ramadan {year}", "Akhir Ramadan {year}")
_RAMADAN_START = re.compile(r"^Awal Ramadan (\d{4})$")
DEFAULT_OUTPUT = "output"


@dataclass(frozen=True)
class HoursRow:
    """One row of the Jam Kerja table (a time typed as text, '07.30', reads as a time)."""
    day: str | None = None
    period: str | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    break_start: dt.time | None = None
    break_end: dt.time | None = None
    row: int | None = None


@dataclass
class Settings:
    values: dict[str, object] = field(default_factory=dict)  # label -> value, as the sheet holds them
    hours: list[HoursRow] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)      # label -> its row, for messages

    def text(self, attribute: str) -> str:
        return text_of(self.values.get(LABELS[attribute]))

    @property
    def output_folder(self) -> str:
        return self.text("output_folder") or DEFAULT_OUTPUT

    def output_root(self, workbook_folder: Path) -> Path:
        """Where documents, exports and SOP prints go: the Folder Keluaran, counted from the workbook's folder and
        kept inside it (a folder elsewhere may only be given on the command line, with --out)."""
        from ..confined import inside_folder
        from . import layout

        return inside_folder(Path(workbook_folder).absolute(), self.output_folder, LABELS["output_folder"],
                             layout.PENGATURAN.name, self.cell("output_folder"))

    def cell(self, attribute: str) -> str | None:
        """The Nilai cell of a setting, for messages (None when the sheet has no such row)."""
        from . import layout
        from .cells import column_letter

        row = self.rows.get(LABELS[attribute])
        value_column = layout.PENGATURAN.first_column + [c.field for c in layout.PENGATURAN.columns].index("value")
        return f"{column_letter(value_column)}{row}" if row else None

    @property
    def operator(self) -> str:
        """The name Riwayat's Oleh takes when nobody is named (set once per workbook or per computer)."""
        return self.text("operator")

    @property
    def template_folder(self) -> str:
        return self.text("template_folder")

    def ramadan_periods(self) -> list[tuple[dt.date, dt.date]]:
        periods = []
        for label, value in self.values.items():
            match = _RAMADAN_START.match(label)
            if match:
                first = as_moment(value)
                last = as_moment(self.values.get(RAMADAN_LABELS[1].format(year=match.group(1))))
                if first and last and first <= last:
                    periods.append((first.date(), last.date()))
        return periods
