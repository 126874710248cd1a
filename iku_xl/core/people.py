"""Officials (Pejabat) and their NIP (18 digits: birth date, TMT CPNS, gender, sequence)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass
class Official:
    role: object
    title: object = None
    name: object = None
    nip: object = None
    unit: object = None
    sop: object = None
    row: int | None = None


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
