"""Small judgements the rules share."""
from __future__ import annotations

import datetime as dt


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_of(value: object) -> str:
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
