"""An IKU row: one indicator of a case's Renstra, with its targets per year, and how it is cascaded."""
from __future__ import annotations

from dataclasses import dataclass, field

from .values import text_of

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
    case_id: object
    sasaran: object = None
    indikator: object = None
    definisi: object = None
    satuan: object = None
    targets: dict[int, object] = field(default_factory=dict)
    sumber_data: object = None
    penanggung_jawab: object = None
    formula: object = None
    tujuan: object = None
    jenis: object = None
    sifat: object = None
    polarisasi: object = None
    frekuensi: object = None
    baseline_year: object = None
    baseline_value: object = None
    penyedia_data: object = None
    catatan: object = None
    row: int | None = None

    @property
    def polarity(self) -> str | None:
        """Maksimal, Minimal or Stabil as typed (any letter case, 'maks', 'min'); None when blank or unknown."""
        return polarity_of(self.polarisasi)


@dataclass
class Cascade:
    """One row of the Cascading sheet: an IKU carried down to one eselon I or II unit."""
    case_id: object
    indikator: object = None        # the IKU, as the IKU sheet writes it
    level: object = None            # Eselon I | Eselon II
    unit: object = None             # Unit Kerja, as the Pejabat sheet writes it
    sasaran: object = None          # sasaran program (eselon I) or sasaran kegiatan (eselon II)
    indikator_unit: object = None   # the unit's own indicator
    cascade: object = None          # C | CP | N
    satuan: object = None
    targets: dict[int, object] = field(default_factory=dict)
    catatan: object = None
    row: int | None = None

    @property
    def kind(self) -> str | None:
        text = text_of(self.cascade).upper().replace(" ", "")
        return text if text in CASCADE_KINDS else None

    @property
    def eselon(self) -> int | None:
        """1 or 2; None when the Tingkat is blank or unknown."""
        text = text_of(self.level).lower().replace(" ", "")
        return {"eseloni": 1, "eselon1": 1, "i": 1, "eselonii": 2, "eselon2": 2, "ii": 2}.get(text)


@dataclass
class QuarterTargets:
    """Target Triwulan: the four quarterly targets of one indicator of one unit (blank: the ministry) in one year."""
    case_id: object
    indikator: object = None
    unit: object = None
    year: object = None
    tw1: object = None
    tw2: object = None
    tw3: object = None
    tw4: object = None
    row: int | None = None

    @property
    def quarters(self) -> tuple[object, object, object, object]:
        return (self.tw1, self.tw2, self.tw3, self.tw4)


@dataclass
class Budget:
    """Anggaran: one program or activity of a unit (blank: the ministry) in one year, with its budget in rupiah."""
    year: object
    unit: object = None
    program: object = None
    amount: object = None
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
