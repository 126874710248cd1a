"""One cell as SpreadsheetML: values become inline strings, numbers, or date serials."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

_EPOCH_1900 = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)
_ILLEGAL = dict.fromkeys(list(range(0, 9)) + [11, 12] + list(range(14, 32)))


def escape(text: str) -> str:
    """XML text escaping (xml.sax.saxutils would pull in urllib at start-up for the same three lines)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class Formula:
    text: str  # without the leading '='


def column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index


def split_ref(ref: str) -> tuple[str, int]:
    letters = "".join(c for c in ref if c.isalpha())
    return letters, int(ref[len(letters):])


def date_serial(value: dt.date | dt.datetime | dt.time, date1904: bool = False) -> float:
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    delta = value - (_EPOCH_1904 if date1904 else _EPOCH_1900)
    return round(delta.days + delta.seconds / 86400, 10)


def from_serial(value: object, date1904: bool = False) -> object:
    """A date serial back to a datetime (to the minute); anything else as it is."""
    if not isinstance(value, float):
        return value
    moment = (_EPOCH_1904 if date1904 else _EPOCH_1900) + dt.timedelta(days=value)
    return (moment + dt.timedelta(seconds=30)).replace(second=0, microsecond=0)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))


def cell_xml(ref: str, value: object, style: str | None, prefix: str = "", date1904: bool = False) -> str:
    s = f' s="{style}"' if style not in (None, "", "0") else ""
    c = f"{prefix}c"
    if value is None or value == "":
        return f'<{c} r="{ref}"{s}/>'
    if isinstance(value, Formula):
        return f'<{c} r="{ref}"{s}><{prefix}f>{escape(value.text)}</{prefix}f></{c}>'
    if isinstance(value, bool):
        return f'<{c} r="{ref}"{s} t="b"><{prefix}v>{int(value)}</{prefix}v></{c}>'
    if isinstance(value, (int, float)):
        return f'<{c} r="{ref}"{s}><{prefix}v>{_number(value)}</{prefix}v></{c}>'
    if isinstance(value, (dt.date, dt.time)):
        return f'<{c} r="{ref}"{s}><{prefix}v>{_number(date_serial(value, date1904))}</{prefix}v></{c}>'
    text = escape(str(value).translate(_ILLEGAL))
    return (f'<{c} r="{ref}"{s} t="inlineStr"><{prefix}is><{prefix}t xml:space="preserve">{text}'
            f'</{prefix}t></{prefix}is></{c}>')
