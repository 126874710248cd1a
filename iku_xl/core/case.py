"""A case: one run of an SOP (one IKU drafting), and where it stands."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum


class Status(str, Enum):
    BERJALAN = "Berjalan"
    DIKEMBALIKAN = "Dikembalikan"
    DITUNDA = "Ditunda"
    SELESAI = "Selesai"
    DIBATALKAN = "Dibatalkan"


OPEN_STATUSES = (Status.BERJALAN, Status.DIKEMBALIKAN, Status.DITUNDA)
CLOSED = (Status.SELESAI.value, Status.DIBATALKAN.value)  # a case finished: done or cancelled


@dataclass
class Case:
    """A Kasus row, read into these types (a blank cell, or one that cannot be read so, is None: see Book.unread)."""
    id: str | None
    title: str | None = None
    sop: str | None = None
    unit: str | None = None
    step: int | None = None
    activity: str | None = None
    executor: str | None = None
    status: str | None = None
    started: dt.datetime | None = None
    due: dt.datetime | None = None
    notes: str | None = None
    row: int | None = None

    @property
    def id_text(self) -> str:
        return self.id or ""
