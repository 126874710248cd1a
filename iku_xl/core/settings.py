"""The workbook's settings (the Pengaturan sheet) as typed values: the one place their labels are spelt."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .values import as_moment, text_of

# attribute -> the label staff read in the Pengaturan sheet
LABELS = {
    "instansi": "Nama Instansi",
    "unit": "Unit Kerja",
    "city": "Kota",
    "unit_code": "Kode Unit",
    "classification": "Kode Klasifikasi Arsip",
    "month_style": "Bulan dalam Nomor",
    "paper": "Ukuran Kertas",
    "output_folder": "Folder Keluaran",
    "template_folder": "Folder Templat",
    "meeting_place": "Tempat Rapat",
    "enactor_title": "Jabatan Penetap",
    "enactor_name": "Nama Penetap",
}
NUMBER_PATTERN_LABEL = "Pola Nomor {kind}"
RAMADAN_LABELS = ("Awal Ramadan {year}", "Akhir Ramadan {year}")
_RAMADAN_START = re.compile(r"^Awal Ramadan (\d{4})$")
DEFAULT_OUTPUT = "output"


@dataclass(frozen=True)
class HoursRow:
    """One row of the Jam Kerja table, as typed (times may be text)."""
    day: object = None
    period: object = None
    start: object = None
    end: object = None
    break_start: object = None
    break_end: object = None


@dataclass
class Settings:
    values: dict[str, object] = field(default_factory=dict)  # label -> value, as the sheet holds them
    hours: list[HoursRow] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)      # label -> its row, for messages

    def text(self, attribute: str) -> str:
        return text_of(self.values.get(LABELS[attribute]))

    @property
    def instansi(self) -> str:
        return self.text("instansi")

    @property
    def unit(self) -> str:
        return self.text("unit")

    @property
    def city(self) -> str:
        return self.text("city") or "Jakarta"

    @property
    def unit_code(self) -> str:
        return self.text("unit_code")

    @property
    def classification(self) -> str:
        return self.text("classification")

    @property
    def roman_months(self) -> bool:
        return self.text("month_style").lower() != "angka"

    @property
    def paper(self) -> str:
        return self.text("paper").upper() or "A4"

    @property
    def output_folder(self) -> str:
        return self.text("output_folder") or DEFAULT_OUTPUT

    def output_root(self, workbook_folder: Path) -> Path:
        """Where documents, exports and SOP prints go: the Folder Keluaran, counted from the workbook's folder."""
        return (Path(workbook_folder).absolute() / self.output_folder).resolve()

    @property
    def template_folder(self) -> str:
        return self.text("template_folder")

    @property
    def meeting_place(self) -> str:
        return self.text("meeting_place") or "Ruang Rapat"

    @property
    def enactor_title(self) -> str:
        return self.text("enactor_title")

    @property
    def enactor_name(self) -> str:
        return self.text("enactor_name")

    def number_pattern(self, kind: str) -> str:
        return text_of(self.values.get(NUMBER_PATTERN_LABEL.format(kind=kind)))

    def has_number_pattern(self, kind: str) -> bool:
        return NUMBER_PATTERN_LABEL.format(kind=kind) in self.values

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
