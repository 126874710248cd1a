"""Officials (Pejabat) and their NIP (18 digits: birth date, TMT CPNS, gender, sequence)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .values import Measure

# Eselon, highest first; a pejabat negara (a Menteri) stands above every eselon
ESELON = ("Pejabat Negara", "I.a", "I.b", "II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b", "V.a", "Fungsional",
          "Pelaksana")
NO_NIP = ("Pejabat Negara", "I.a", "I.b")  # their signature block carries no NIP (NASKAH.md section 3)


@dataclass
class Official:
    role: str | None
    title: str | None = None
    name: str | None = None
    nip: Measure | None = None
    unit: str | None = None
    sop: str | None = None
    eselon: str | None = None
    code: str | None = None   # kode jabatan penandatangan, used in letter numbers ({kode_jabatan})
    phone: str | None = None
    superior: str | None = None  # the Peran of the direct superior: pihak kedua of this official's Perjanjian Kinerja
    row: int | None = None

    @property
    def eselon_text(self) -> str:
        text = re.sub(r"\s+", " ", str(self.eselon or "")).strip()
        return next((e for e in ESELON if e.lower() == text.lower()), text)

    @property
    def rank(self) -> int | None:
        """0 for a pejabat negara, 1 for eselon I.a, ...; None when the eselon is not known."""
        text = self.eselon_text
        return ESELON.index(text) if text in ESELON else None

    @property
    def signs_with_nip(self) -> bool:
        return self.eselon_text not in NO_NIP


def nip_digits(value: object) -> str:
    """The NIP as typed, spaces and dots removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"[\s.]", "", str(value))


def nip_problem(value: object) -> str | None:
    """Why an NIP cannot be right, in Bahasa Indonesia; None when it can be."""
    digits = nip_digits(value)
    if not digits:
        return "NIP kosong"
    if isinstance(value, (int, float)) and len(digits) > 15:
        return ("NIP tersimpan sebagai angka, sehingga Excel membulatkan angka-angka terakhirnya; ubah format selnya "
                "menjadi Teks lalu ketik ulang NIP-nya")
    if not digits.isdigit():
        return "NIP hanya boleh berisi angka"
    if len(digits) != 18:
        return f"NIP harus 18 angka, yang tertulis {len(digits)} angka"
    try:
        birth = dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return f"tanggal lahir dalam NIP ({digits[0:8]}) tidak ada di kalender"
    year, month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= month <= 12:
        return f"bulan TMT CPNS dalam NIP ({digits[8:14]}) tidak mungkin"
    if not (birth.year + 15 <= year <= birth.year + 60):
        return f"TMT CPNS ({digits[8:14]}) tidak cocok dengan tanggal lahir ({digits[0:8]})"
    if digits[14] not in "12":
        return f"digit jenis kelamin NIP harus 1 atau 2, tertulis {digits[14]}"
    return None


def format_nip(value: object) -> str:
    """`198609262015051001` → `19860926 201505 1 001`."""
    digits = nip_digits(value)
    if len(digits) != 18:
        return digits
    return f"{digits[0:8]} {digits[8:14]} {digits[14]} {digits[15:18]}"


TEAM_POSITIONS = ("Pengarah", "Penanggung Jawab", "Ketua", "Wakil Ketua", "Sekretaris", "Anggota")


@dataclass
class TeamMember:
    """One member of a team a keputusan forms (the Tim sheet): listed in the SK's lampiran."""
    case_id: str | None
    name: str | None = None
    title: str | None = None      # jabatan
    position: str | None = None   # kedudukan dalam tim: Pengarah, Penanggung Jawab, Ketua, Sekretaris, Anggota
    row: int | None = None

    @property
    def order(self) -> int:
        text = str(self.position or "").strip().lower()
        return next((i for i, p in enumerate(TEAM_POSITIONS) if p.lower() == text), len(TEAM_POSITIONS))
