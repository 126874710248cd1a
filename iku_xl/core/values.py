"""Cell values as staff typed them, judged and converted: the one home of these coercions.

A cell may hold what the user typed rather than what the column wants (a date typed as text,
an ID typed as 7 that Excel stores as 7.0); the model keeps the raw value and these say what it is.
"""
from __future__ import annotations

import datetime as dt
import re


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
