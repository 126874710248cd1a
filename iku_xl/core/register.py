"""The letter-number register (Penomoran) and the office's days off (Libur)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class NumberEntry:
    number: object
    kind: object = None
    date: object = None
    case_id: object = None
    step: object = None
    subject: object = None
    file: object = None
    sequence: object = None   # Urut: the sequence number, kept apart so a changed pattern continues it
    profile: object = None
    signer: object = None     # kode jabatan of the signer, for registers kept per signer
    row: int | None = None


@dataclass
class DayOff:
    date: object
    name: object = None
    kind: object = None
    row: int | None = None
