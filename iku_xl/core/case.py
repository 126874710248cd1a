"""A case: one run of an SOP (one IKU drafting), and where it stands."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .values import text_of


class Status(str, Enum):
    BERJALAN = "Berjalan"
    DIKEMBALIKAN = "Dikembalikan"
    DITUNDA = "Ditunda"
    SELESAI = "Selesai"
    DIBATALKAN = "Dibatalkan"


OPEN_STATUSES = (Status.BERJALAN, Status.DIKEMBALIKAN, Status.DITUNDA)


@dataclass
class Case:
    """Fields hold what the cell held (a date typed as text stays text); rules judge them."""
    id: object
    title: object = None
    sop: object = None
    unit: object = None
    step: object = None
    activity: object = None
    executor: object = None
    status: object = None
    started: object = None
    due: object = None
    notes: object = None
    row: int | None = None

    @property
    def id_text(self) -> str:
        return text_of(self.id)
