"""Document numbers from the register (Penomoran), as NASKAH.md section 2 says.

A number is `urut/kode jabatan penandatangan/klasifikasi/bulan/tahun` or whatever the instansi's Pola
Nomor says; its sequence runs per kind and year (and per signer or unit where the pattern says so) and is
kept in its own column, so a pattern changed mid-year continues it. A number is never given twice; the
same case, step and kind keep their number and their date. Regulations and a Menteri's keputusan are
numbered by the legal bureau: their drafts are recorded without a number until staff type the one given.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import Refused
from . import layout
from .document_kinds import KINDS
from .indonesian import bulan_romawi
from .profile import InstansiProfile, NumberPattern
from .register import NumberEntry
from .values import text_of

FIELDS = ("urut", "kode_jabatan", "kode_unit", "klasifikasi", "bulan", "tahun", "sifat")
SECURITY = {"biasa": "B", "terbatas": "T", "rahasia": "R", "sangat rahasia": "SR"}


@dataclass(frozen=True)
class NumberRequest:
    kind: str
    case_id: str
    step: int | None
    date: dt.date
    subject: str
    profile: InstansiProfile
    signer_code: str = ""
    sifat: str = "Biasa"


@dataclass(frozen=True)
class Assigned:
    request: NumberRequest
    number: str               # "" while the legal bureau has not given it
    date: dt.date             # the document's date: the register's, when it was numbered before
    entry: NumberEntry | None  # a new register row, or None when the register already has one


def pattern_for(patterns: list[NumberPattern], profile: InstansiProfile, kind: str) -> NumberPattern:
    label = KINDS[kind].label
    found = next((p for p in patterns if (p.profile or "").upper() == profile.key and p.kind == kind), None)
    if found is None or not found.pattern:
        raise Refused(f"Pola nomor {label} untuk profil {profile.key} belum ada; isi baris di lembar Pola Nomor, "
                      "misalnya {urut}/{kode_jabatan}/{klasifikasi}/{bulan}/{tahun}.", sheet=layout.POLA_NOMOR.name)
    if found.by_legal_bureau:
        return found
    used = set(re.findall(r"\{(\w+)\}", found.pattern or ""))
    if "urut" not in used or used - set(FIELDS):
        raise Refused(f"Pola nomor {label} '{found.pattern or ''}' harus memuat {{urut}} dan hanya "
                      f"{', '.join('{' + f + '}' for f in FIELDS)}; perbaiki di lembar Pola Nomor.",
                      sheet=layout.POLA_NOMOR.name, cell=f"C{found.row}" if found.row else None)
    return found


# where staff fill each field a number takes from the workbook, for the sentence that asks them to
WHERE_FILLED = {"kode_jabatan": "kolom Kode Jabatan penandatangannya di lembar Pejabat",
                "kode_unit": "kolom Kode Unit profil {profile} di lembar Instansi",
                "klasifikasi": "kolom Kode Klasifikasi Arsip profil {profile} di lembar Instansi"}


def format_number(pattern: str, sequence: int, request: NumberRequest) -> str:
    """The number by its pattern; a field the pattern uses but the workbook leaves empty refuses the number (never
    'B-1//OT.02.02/XII/2026')."""
    profile, day = request.profile, request.date
    values = {"urut": str(sequence), "kode_jabatan": request.signer_code, "kode_unit": profile.text("unit_code"),
              "klasifikasi": profile.text("classification"),
              "bulan": bulan_romawi(day.month) if profile.roman_months else f"{day.month:02d}",
              "tahun": str(day.year), "sifat": SECURITY.get(request.sifat.lower(), "B")}
    for field in re.findall(r"\{(\w+)\}", pattern):
        if not values[field].strip():
            where = WHERE_FILLED.get(field, "lembar Pola Nomor").format(profile=profile.key)
            raise Refused(f"Nomor {KINDS[request.kind].label} memakai {{{field}}}, yang masih kosong; isi {where} "
                          "lalu buat naskahnya lagi.", sheet=layout.PEJABAT.name if field == "kode_jabatan"
                          else layout.INSTANSI.name)
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], pattern)


def _register_key(entry_or_request: NumberEntry | NumberRequest, scope: str, profile: str, kind: str, year: int
                  ) -> tuple[str, str, int, str]:
    signer = text_of(getattr(entry_or_request, "signer", None) or getattr(entry_or_request, "signer_code", ""))
    return profile, kind, year, signer if scope == "Penandatangan" else ""


def _legacy_sequence(pattern: str, number: str) -> int | None:
    """The sequence inside a number typed before the Urut column existed, read with the pattern."""
    parts = re.split(r"(\{\w+\})", pattern)
    body = "".join(r"(?P<urut>\d+)" if p == "{urut}" else (r".+?" if p.startswith("{") else re.escape(p))
                   for p in parts)
    found = re.match(f"^{body}$", number)
    return int(found.group("urut")) if found else None


def assign_numbers(register: list[NumberEntry], requests: list[NumberRequest],
                   patterns: list[NumberPattern]) -> list[Assigned]:
    """Each request's number and date; new register rows are appended to `register` and returned."""
    results = []
    for request in requests:
        existing = next((e for e in register if e.kind == request.kind and (e.case_id or "") == request.case_id
                         and e.step == request.step), None)
        if existing is not None:
            when = existing.date
            results.append(Assigned(request, existing.number or "", when.date() if when else request.date, None))
            continue
        rule = pattern_for(patterns, request.profile, request.kind)
        entry = NumberEntry(number="", kind=request.kind, date=dt.datetime.combine(request.date, dt.time()),
                            case_id=request.case_id, step=request.step, subject=request.subject,
                            profile=request.profile.key, signer=request.signer_code or None)
        if not rule.by_legal_bureau:
            sequence = _next_sequence(register, rule, request)
            entry.number, entry.sequence = format_number(rule.pattern or "", sequence, request), sequence
        register.append(entry)
        results.append(Assigned(request, entry.number or "", request.date, entry))
    return results


def _next_sequence(register: list[NumberEntry], rule: NumberPattern, request: NumberRequest) -> int:
    key = _register_key(request, rule.scope, request.profile.key, request.kind, request.date.year)
    taken = 0
    for entry in register:
        when = entry.date
        profile = (entry.profile or "").upper() or request.profile.key
        if when is None or entry.kind != request.kind or profile != request.profile.key:
            continue
        if _register_key(entry, rule.scope, profile, request.kind, when.year) != key:
            continue
        sequence = entry.sequence
        if sequence is None:
            sequence = _legacy_sequence(rule.pattern or "", entry.number or "")
        taken = max(taken, sequence or 0)
    return taken + 1
