"""Cell values as staff typed them, judged and converted: the one home of these coercions.

A cell may hold what the user typed rather than what the column wants (a date typed as text,
an ID typed as 7 that Excel stores as 7.0); the model keeps the raw value and these say what it is.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from .text_rules import CONTROL_CHARACTERS


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_of(value: object) -> str:
    """The value as text: 7.0 reads '7', None reads ''."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def is_date(value: object) -> bool:
    return isinstance(value, (dt.date, dt.datetime))


def as_int(value: object) -> int | None:
    """A step number as typed: 7, 7.0 or "7" is 7; anything else is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def as_moment(value: object) -> dt.datetime | None:
    """A date or date-time cell as a datetime; anything else (text, numbers) is None."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return None


def as_time(value: object) -> dt.time | None:
    """A time cell, or time typed as text ('07.30', '7:30')."""
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.time):
        return value
    if isinstance(value, dt.timedelta):
        return (dt.datetime.min + value).time()
    if isinstance(value, float) and 0 <= value < 1:  # an Excel time serial
        return (dt.datetime.min + dt.timedelta(days=value)).time().replace(microsecond=0)
    match = re.fullmatch(r"\s*(\d{1,2})[.:](\d{2})\s*", str(value or ""))
    if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return dt.time(int(match.group(1)), int(match.group(2)))
    return None


# Reading a cell into a record's field: each field's annotation says what the reader makes of the cell.
# A blank cell reads as None; a cell that cannot be read so (a date typed as text) reads as None too, and the
# reader keeps what it held in Book.unread, where the rules find it to tell staff which cell to retype.

# every whitespace character but the control characters text_rules reports (a cell cannot hold them)
_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and not CONTROL_CHARACTERS.match(c))


def read_text(value: object) -> tuple[str | None, bool]:
    """Text as typed, without the spaces around it; 7.0 reads '7'."""
    if isinstance(value, str):
        text = value.strip(_SPACES)
        return text or None, True
    if value is None:
        return None, True
    return text_of(value) or None, True


def read_int(value: object) -> tuple[int | None, bool]:
    number = as_int(value)
    return number, number is not None or is_blank(value)


def read_moment(value: object) -> tuple[dt.datetime | None, bool]:
    moment = as_moment(value)
    return moment, moment is not None or is_blank(value)


def read_time(value: object) -> tuple[dt.time | None, bool]:
    time = as_time(value)
    return time, time is not None or is_blank(value)


Measure = str | int | float  # a target or a baseline: a number, or words for a unit that is not one ('WTP')


def read_measure(value: object) -> tuple[Measure | None, bool]:
    """A number as Excel holds it (an NIP typed as a number stays one, for the rules to say it lost digits);
    anything else as text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value, True
    return read_text(value)


def read_any(value: object) -> tuple[object, bool]:
    """A field the model keeps as the cell held it (a target may be a number or a text such as 'WTP')."""
    return value, True


CellReader = Callable[[object], tuple[object, bool]]
READERS: dict[str, CellReader] = {"str | None": read_text, "int | None": read_int, "dt.datetime | None": read_moment,
                                  "dt.time | None": read_time, "Measure | None": read_measure}


def field_readers(record: type) -> dict[str, CellReader]:
    """How each field of a record dataclass is read from its cell, by the field's declared type."""
    return {f.name: READERS.get(str(f.type), read_any) for f in dataclasses.fields(record)}
