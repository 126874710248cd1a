"""Letter numbers from the register (Penomoran): per kind and year, never handed out twice."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import Refused
from ..workbook import layout
from .indonesian import bulan_romawi
from .register import NumberEntry
from .settings import NUMBER_PATTERN_LABEL, Settings
from .values import as_int, as_moment, text_of

_FIELDS = ("urut", "kode_unit", "klasifikasi", "bulan", "tahun")


@dataclass(frozen=True)
class NumberRequest:
    kind: str
    case_id: str
    step: int | None
    date: dt.date
    subject: str


def pattern_for(settings: Settings, kind: str) -> str:
    pattern = settings.number_pattern(kind)
    label = NUMBER_PATTERN_LABEL.format(kind=kind)
    if not pattern:
        raise Refused(f"Pola nomor untuk {kind} belum ada; isi '{label}' di lembar Pengaturan, "
                      "misalnya {urut}/{kode_unit}/{klasifikasi}/{bulan}/{tahun}.", sheet=layout.PENGATURAN.name)
    unknown = set(re.findall(r"\{(\w+)\}", pattern)) - set(_FIELDS)
    if "{urut}" not in pattern or unknown:
        raise Refused(
            f"Pola nomor {kind} '{pattern}' harus memuat {{urut}} dan hanya "
            f"{', '.join('{' + f + '}' for f in _FIELDS)}; perbaiki di lembar Pengaturan.",
            sheet=layout.PENGATURAN.name,
        )
    return pattern


def _regex(pattern: str) -> re.Pattern:
    """The pattern as a regex that finds the sequence number inside numbers it produced."""
    parts = re.split(r"(\{\w+\})", pattern)
    body = "".join(
        r"(?P<urut>\d+)" if p == "{urut}" else (r".+?" if p.startswith("{") else re.escape(p)) for p in parts
    )
    return re.compile(f"^{body}$")


def format_number(pattern: str, sequence: int, day: dt.date, settings: Settings) -> str:
    values = {
        "urut": str(sequence),
        "kode_unit": settings.unit_code,
        "klasifikasi": settings.classification,
        "bulan": bulan_romawi(day.month) if settings.roman_months else f"{day.month:02d}",
        "tahun": str(day.year),
    }
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], pattern)


def assign_numbers(
    register: list[NumberEntry], requests: list[NumberRequest], settings: Settings
) -> list[tuple[NumberRequest, str, NumberEntry | None]]:
    """Each request's number: the one the register already holds for the same case, step and kind,
    else the next in sequence for its kind and year. New entries are returned for the register."""
    taken: dict[tuple[str, int], int] = {}
    for entry in register:
        kind, when = text_of(entry.kind), as_moment(entry.date)
        match = (
            _regex(pattern_for(settings, kind)).match(text_of(entry.number))
            if settings.has_number_pattern(kind)
            else None
        )
        year = when.year if when else None
        if match and year:
            taken[(kind, year)] = max(taken.get((kind, year), 0), int(match.group("urut")))
    results: list[tuple[NumberRequest, str, NumberEntry | None]] = []
    for request in requests:
        existing = next(
            (
                e
                for e in register
                if text_of(e.kind) == request.kind
                and text_of(e.case_id) == request.case_id
                and as_int(e.step) == request.step
            ),
            None,
        )
        if existing is not None:
            results.append((request, text_of(existing.number), None))
            continue
        key = (request.kind, request.date.year)
        taken[key] = taken.get(key, 0) + 1
        number = format_number(pattern_for(settings, request.kind), taken[key], request.date, settings)
        entry = NumberEntry(
            number=number,
            kind=request.kind,
            date=dt.datetime.combine(request.date, dt.time()),
            case_id=request.case_id,
            step=request.step,
            subject=request.subject,
        )
        register.append(entry)
        results.append((request, number, entry))
    return results
