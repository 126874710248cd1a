"""An IKU row: one indicator of a case's Renstra, with its targets per year, and how it is cascaded."""
from __future__ import annotations

from dataclasses import dataclass, field

from .values import Measure, text_of

# Units whose targets are numbers; others (dokumen, predikat) may hold words.
NUMERIC_UNITS = ("%", "persen", "persentase", "indeks", "nilai", "angka", "poin", "skor", "jumlah", "rasio")

# The Manual IKU's lists (KINERJA.md section 2)
POLARISASI = ("Maksimal", "Minimal", "Stabil")
FREKUENSI = ("Bulanan", "Triwulanan", "Semesteran", "Tahunan")
JENIS_INDIKATOR = ("Kuantitatif", "Kualitatif")
SIFAT_IKU = ("Eksak", "Proksi")
# Cascading (KINERJA.md section 3): the unit levels an IKU is carried down to, and how
TINGKAT = ("Eselon I", "Eselon II")
CASCADE_KINDS = {"C": "diturunkan utuh", "CP": "diturunkan sebagian", "N": "tidak diturunkan"}


@dataclass
class IkuRow:
    case_id: str | None
    sasaran: str | None = None
    indikator: str | None = None
    definisi: str | None = None
    satuan: str | None = None
    targets: dict[int, Measure] = field(default_factory=dict)
    sumber_data: str | None = None
    penanggung_jawab: str | None = None
    formula: str | None = None
    tujuan: str | None = None
    jenis: str | None = None
    sifat: str | None = None
    polarisasi: str | None = None
    frekuensi: str | None = None
    baseline_year: int | None = None
    baseline_value: Measure | None = None
    penyedia_data: str | None = None
    catatan: str | None = None
    row: int | None = None

    @property
    def polarity(self) -> str | None:
        """Maksimal, Minimal or Stabil as typed (any letter case, 'maks', 'min'); None when blank or unknown."""
        return polarity_of(self.polarisasi)


@dataclass
class Cascade:
    """One row of the Cascading sheet: an IKU carried down to one eselon I or II unit."""
    case_id: str | None
    indikator: str | None = None        # the IKU, as the IKU sheet writes it
    level: str | None = None            # Eselon I | Eselon II
    unit: str | None = None             # Unit Kerja, as the Pejabat sheet writes it
    sasaran: str | None = None          # sasaran program (eselon I) or sasaran kegiatan (eselon II)
    indikator_unit: str | None = None   # the unit's own indicator
    cascade: str | None = None          # C | CP | N
    satuan: str | None = None
    targets: dict[int, Measure] = field(default_factory=dict)
    catatan: str | None = None
    row: int | None = None

    @property
    def kind(self) -> str | None:
        text = (self.cascade or "").upper().replace(" ", "")
        return text if text in CASCADE_KINDS else None

    @property
    def eselon(self) -> int | None:
        """1 or 2; None when the Tingkat is blank or unknown."""
        text = (self.level or "").lower().replace(" ", "")
        return {"eseloni": 1, "eselon1": 1, "i": 1, "eselonii": 2, "eselon2": 2, "ii": 2}.get(text)


@dataclass
class QuarterTargets:
    """Target Triwulan: the four quarterly targets of one indicator of one unit (blank: the ministry) in one year."""
    case_id: str | None
    indikator: str | None = None
    unit: str | None = None
    year: int | None = None
    tw1: Measure | None = None
    tw2: Measure | None = None
    tw3: Measure | None = None
    tw4: Measure | None = None
    row: int | None = None

    @property
    def quarters(self) -> tuple[object, object, object, object]:
        return (self.tw1, self.tw2, self.tw3, self.tw4)


@dataclass
class Budget:
    """Anggaran: one program or activity of a unit (blank: the ministry) in one year, with its budget in rupiah."""
    year: int | None
    unit: str | None = None
    program: str | None = None
    amount: Measure | None = None
    row: int | None = None


def polarity_of(value: object) -> str | None:
    text = text_of(value).lower()
    for name in POLARISASI:
        if text and (text == name.lower() or (len(text) >= 3 and name.lower().startswith(text))):
            return name
    return None


def same_indicator(a: object, b: object) -> bool:
    """Two cells naming the same indicator, spaces and letter case aside."""
    return " ".join(text_of(a).lower().split()) == " ".join(text_of(b).lower().split()) and bool(text_of(a))


def is_numeric_unit(satuan: object) -> bool:
    text = str(satuan or "").strip().lower()
    return any(text == unit or text.startswith(unit + " ") for unit in NUMERIC_UNITS)
