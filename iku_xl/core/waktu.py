"""The Waktu of a step's Mutu Baku: "10 Menit", "2 Jam", "1 Hari"."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum


class TimeUnit(str, Enum):
    MENIT = "Menit"
    JAM = "Jam"
    HARI = "Hari"


@dataclass(frozen=True)
class Duration:
    amount: float
    unit: TimeUnit
    # how the wording was read when it was not plain ("1-2 hari": the upper bound); validate warns on it
    reading: str = field(default="", compare=False)

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
    "menit": TimeUnit.MENIT, "mnt": TimeUnit.MENIT, "m": TimeUnit.MENIT, "menit kerja": TimeUnit.MENIT,
    "jam": TimeUnit.JAM, "j": TimeUnit.JAM, "jam kerja": TimeUnit.JAM,
    "hari": TimeUnit.HARI, "hr": TimeUnit.HARI, "h": TimeUnit.HARI, "hari kerja": TimeUnit.HARI,
}
_WEEK = ("minggu", "pekan", "minggu kerja")
WORKING_DAYS_A_WEEK = 5
_NUMBER = r"(\d+(?:[.,]\d+)?|½|¼|¾|\d+\s*/\s*\d+)"
_PATTERN = re.compile(rf"^\s*{_NUMBER}\s*([a-zA-Z ]+?)\.?\s*$")
_RANGE = re.compile(rf"^\s*{_NUMBER}\s*(?:-|–|s\.?d\.?|sampai(?: dengan)?)\s*{_NUMBER}\s*([a-zA-Z ]+?)\.?\s*$")
_TIMES_24 = re.compile(r"^\s*(\d+)\s*[x×]\s*24\s*jam\s*$", re.IGNORECASE)
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}


class WaktuProblem(str, Enum):
    EMPTY = "kosong"
    NO_NUMBER = "tanpa angka"
    UNKNOWN_UNIT = "satuan tidak dikenal"


def _amount(text: str) -> float:
    text = text.strip()
    if text in _FRACTIONS:
        return _FRACTIONS[text]
    if "/" in text:
        top, bottom = (float(x) for x in text.split("/"))
        return top / bottom if bottom else 0.0
    return float(text.replace(",", "."))


def _unit(word: str) -> tuple[TimeUnit, float] | None:
    """The unit of a word and what one of it counts in that unit (a week is five working days)."""
    word = re.sub(r"\s+", " ", word.strip().lower())
    if word in _WEEK:
        return TimeUnit.HARI, WORKING_DAYS_A_WEEK
    unit = _UNITS.get(word)
    return (unit, 1) if unit else None


def parse_waktu(text: object) -> Duration | WaktuProblem:
    """Read a Waktu cell; a number alone counts as minutes (as the SOPs mostly mean), said in `reading`."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return WaktuProblem.EMPTY
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return Duration(float(text), TimeUnit.MENIT, f"angka {text:g} tanpa satuan dibaca sebagai menit")
    written = str(text).strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", written):
        return Duration(_amount(written), TimeUnit.MENIT, f"angka '{written}' tanpa satuan dibaca sebagai menit")
    days = _TIMES_24.match(written)
    if days:  # "3 x 24 jam" is the wording of three days
        return Duration(float(days.group(1)), TimeUnit.HARI)
    spread = _RANGE.match(written)
    if spread:
        unit = _unit(spread.group(3))
        if unit is None:
            return WaktuProblem.UNKNOWN_UNIT
        return Duration(_amount(spread.group(2)) * unit[1], unit[0],
                        f"rentang '{written}' dihitung dengan batas atasnya")
    match = _PATTERN.match(written)
    if not match:
        if not re.search(r"\d|½|¼|¾", written):
            return WaktuProblem.NO_NUMBER
        return WaktuProblem.UNKNOWN_UNIT
    unit = _unit(match.group(2))
    if unit is None:
        return WaktuProblem.UNKNOWN_UNIT
    return Duration(_amount(match.group(1)) * unit[1], unit[0])
