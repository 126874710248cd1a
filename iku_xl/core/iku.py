"""An IKU row: one indicator of a case's Renstra, with its targets per year."""
from __future__ import annotations

from dataclasses import dataclass, field

# Units whose targets are numbers; others (dokumen, predikat) may hold words.
NUMERIC_UNITS = ("%", "persen", "persentase", "indeks", "nilai", "angka", "poin", "skor", "jumlah", "rasio")


@dataclass
class IkuRow:
    case_id: object
    sasaran: object = None
    indikator: object = None
    definisi: object = None
    satuan: object = None
    targets: dict[int, object] = field(default_factory=dict)
    sumber_data: object = None
    penanggung_jawab: object = None
    row: int | None = None


def is_numeric_unit(satuan: object) -> bool:
    text = str(satuan or "").strip().lower()
    return any(text == unit or text.startswith(unit + " ") for unit in NUMERIC_UNITS)
