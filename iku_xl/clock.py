"""The one place the program reads the time.

"Now" is the machine's clock, or the moment in the environment variable IKU_XL_NOW (for example
`IKU_XL_NOW=2026-11-23T09:30`): the command line, the macros and the demo all honour it, so a test, a
rehearsal or a replay of last week's moves runs at the moment it names, whatever the machine's date.
The core never reads the clock: it is handed `now`.
"""
from __future__ import annotations

import datetime as dt
import os

from .errors import UsageError

ENV = "IKU_XL_NOW"


def now() -> dt.datetime:
    """The current moment, to the minute (moves and documents are recorded to the minute)."""
    return (_pinned() or dt.datetime.now()).replace(second=0, microsecond=0)


def today() -> dt.date:
    return now().date()


def machine_now() -> dt.datetime:
    """The machine's own time, never pinned: for file names and logs that must sort by when they were
    written (backups, the error log), not for anything the workbook records."""
    return dt.datetime.now()


def _pinned() -> dt.datetime | None:
    text = os.environ.get(ENV, "").strip()
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace(" ", "T"))
    except ValueError:
        raise UsageError(f"Waktu di variabel lingkungan {ENV} ('{text}') tidak dikenal; tulis seperti "
                         f"2026-11-23T09:30, atau hapus variabelnya untuk memakai jam komputer.") from None
    return moment.replace(tzinfo=None)
