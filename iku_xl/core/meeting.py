"""A case's meeting as a record (the Rapat sheet): written when its undangan is made, completed by the notulis.

The undangan and the notula name the meeting this record holds; the notula is made from what the notulis typed
(points discussed, conclusions, tindak lanjut) and only once the meeting is over (NASKAH.md sections 4 and 5).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .sop import Sop, Step
from .values import as_time, text_of

_ITEMS = re.compile(r"\s*(?:\n|;)\s*")
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*])\s*")


@dataclass
class Meeting:
    case_id: str | None
    step: int | None = None            # the SOP step where the meeting is held
    date: dt.datetime | None = None            # Tanggal
    start: dt.time | None = None           # Mulai (a time)
    end: dt.time | None = None             # Selesai (a time)
    place: str | None = None           # Tempat
    participants: str | None = None    # Peserta: jabatan, one a line (or separated by ';')
    points: str | None = None          # Pokok Bahasan: one point a line
    conclusions: str | None = None     # Kesimpulan: one a line
    follow_ups: str | None = None      # Tindak Lanjut: "who: what, by when", one a line
    row: int | None = None

    def _at(self, value: object) -> dt.datetime | None:
        day, time = self.date, as_time(value)
        return dt.datetime.combine(day.date(), time) if day and time else None

    @property
    def starts(self) -> dt.datetime | None:
        return self._at(self.start)

    @property
    def ends(self) -> dt.datetime | None:
        return self._at(self.end)

    def items(self, field: str) -> list[str]:
        """A multi-line cell as its items, without the numbers or dashes staff type in front."""
        return [_NUMBERING.sub("", t).strip() for t in _ITEMS.split(text_of(getattr(self, field))) if t.strip()]

    def follow_up_items(self) -> list[dict[str, str]]:
        """'Kepala Bagian Perencanaan: menyempurnakan konsep, 11 Desember 2026' as who, what, by when."""
        found = []
        for item in self.items("follow_ups"):
            who, _, rest = item.partition(":") if ":" in item else ("", "", item)
            what, _, when = rest.rpartition(",") if re.search(r",\s*\d", rest) else (rest, "", "")
            found.append({"siapa": who.strip(), "apa": what.strip().rstrip("."), "kapan": when.strip().rstrip(".")})
        return found


def meeting_of(meetings: list[Meeting], case_id: str) -> Meeting | None:
    """The case's meeting: its last row in the Rapat sheet."""
    found = [m for m in meetings if (m.case_id or "") == case_id]
    return found[-1] if found else None


def meeting_step(sop: Sop, after: int = 0) -> Step | None:
    """The step where the meeting is held: the first after `after` where several roles work at once, else one
    whose activity is a meeting (and not its invitation)."""
    numbered = [s for s in sop.steps if isinstance(s.no, int) and s.no > after]
    together = next((s for s in numbered if len(s.executors) > 1), None)
    if together is not None:
        return together
    return next((s for s in numbered if "rapat" in s.kegiatan.lower() and "undangan" not in s.kegiatan.lower()), None)


def is_meeting_step(sop: Sop, step: Step | None, meeting: Meeting | None) -> bool:
    """Whether `step` is the meeting's: the step the record names, else the SOP's meeting step."""
    if step is None:
        return False
    named = meeting.step if meeting is not None else None
    if named is not None:
        return named == step.no
    found = meeting_step(sop)
    return found is not None and found.no == step.no
