"""The Waktu of a step's Mutu Baku: "10 Menit", "2 Jam", "1 Hari"."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class TimeUnit(str, Enum):
    MENIT = "Menit"
    JAM = "Jam"
    HARI = "Hari"


@dataclass(frozen=True)
class Duration:
    amount: float
    unit: TimeUnit

    def __str__(self) -> str:
        amount = int(self.amount) if float(self.amount).is_integer() else self.amount
        return f"{amount} {self.unit.value}"

    @property
    def working_minutes(self) -> float | None:
        """Minutes for Menit and Jam; None for Hari, which counts working days."""
        if self.unit is TimeUnit.MENIT:
            return self.amount
        if self.unit is TimeUnit.JAM:
            return self.amount * 60
        return None


_UNITS = {
    "menit": TimeUnit.MENIT, "mnt": TimeUnit.MENIT, "m": TimeUnit.MENIT,
    "jam": TimeUnit.JAM, "j": TimeUnit.JAM,
    "hari": TimeUnit.HARI, "hr": TimeUnit.HARI, "h": TimeUnit.HARI, "hari kerja": TimeUnit.HARI,
}
_PATTERN = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([a-zA-Z ]+?)\.?\s*$")


class WaktuProblem(str, Enum):
    EMPTY = "kosong"
    NO_NUMBER = "tanpa angka"
    UNKNOWN_UNIT = "satuan tidak dikenal"


def parse_waktu(text: object) -> Duration | WaktuProblem:
    """Read a Waktu cell; a number alone counts as minutes, as the SOPs write them."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return WaktuProblem.EMPTY
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return Duration(float(text), TimeUnit.MENIT)
    match = _PATTERN.match(str(text))
    if not match:
        if not re.search(r"\d", str(text)):
            return WaktuProblem.NO_NUMBER
        return WaktuProblem.UNKNOWN_UNIT
    amount = float(match.group(1).replace(",", "."))
    unit = _UNITS.get(match.group(2).strip().lower())
    if unit is None:
        return WaktuProblem.UNKNOWN_UNIT
    return Duration(amount, unit)
