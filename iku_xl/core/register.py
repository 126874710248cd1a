"""The letter-number register (Penomoran) and the office's days off (Libur)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass
class NumberEntry:
    number: str | None
    kind: str | None = None
    date: dt.datetime | None = None
    case_id: str | None = None
    step: int | None = None
    subject: str | None = None
    file: str | None = None
    sequence: int | None = None   # Urut: the sequence number, kept apart so a changed pattern continues it
    profile: str | None = None
    signer: str | None = None     # kode jabatan of the signer, for registers kept per signer
    row: int | None = None


@dataclass
class DayOff:
    date: dt.datetime | None
    name: str | None = None
    kind: str | None = None
    row: int | None = None
