"""The unit's register of SOPs (Daftar SOP): each SOP's identity as its sheet says it, how often it was revised,
and its last monitoring with the result; what reviewers of reformasi birokrasi ask to see."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .values import text_of

if TYPE_CHECKING:
    from .book import Book
    from .sop import Sop


@dataclass
class SopRegisterEntry:
    code: str | None = None
    nomor: str | None = None
    judul: str | None = None
    tanggal_pembuatan: str | None = None
    tanggal_revisi: str | None = None
    revisi: int | None = None            # Revisi ke: counted up each time the sheet's Tanggal Revisi changes
    tanggal_efektif: str | None = None
    disahkan_oleh: str | None = None
    instansi: str | None = None
    monitoring: str | None = None        # the semester last monitored, "2027-1"
    monitoring_date: dt.datetime | None = None   # the day it was done
    result: str | None = None            # "15 dari 17 langkah berjalan dengan baik"
    row: int | None = None


IDENTITY = ("nomor", "judul", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan_oleh")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def refreshed(book: Book, sop: Sop, entry: SopRegisterEntry | None) -> SopRegisterEntry:
    """The register row of `sop` as its sheet says it now; a changed Tanggal Revisi counts one more revision."""
    profile = book.profile_of(sop)
    instansi = profile.text("name") if profile is not None else _one_line(sop.identity.instansi.split("\n")[0])
    revision = _one_line(sop.identity.tanggal_revisi)
    if entry is None:
        count = 1 if revision else 0
        entry = SopRegisterEntry()
    else:
        count = entry.revisi or 0
        if revision and revision != (entry.tanggal_revisi or ""):
            count += 1
    after = replace(entry, code=sop.code, instansi=instansi or None, revisi=count)
    for field in IDENTITY:
        setattr(after, field, _one_line(getattr(sop.identity, field)) or None)
    return after


def register_changes(book: Book, codes: list[str] | None = None
                     ) -> list[tuple[SopRegisterEntry | None, SopRegisterEntry]]:
    """(before, after) for each SOP of the workbook (or of `codes`) whose register row is new or differs."""
    by_code = {(e.code or "").upper(): e for e in book.sop_register if (e.code or "")}
    changes = []
    for code, sop in book.sops.items():
        if codes is not None and code not in codes:
            continue
        before = by_code.get(code.upper())
        after = refreshed(book, sop, before)
        if before is None or after != before:
            changes.append((before, after))
    return changes


def _semester_key(text: object) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{4})\s*-\s*([12])\s*", text_of(text))
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def monitored(entry: SopRegisterEntry, semester: str, day: dt.date, result: str) -> SopRegisterEntry:
    """The row with this monitoring as its last one; an earlier semester monitored late leaves a later one in place."""
    if _semester_key(entry.monitoring) > _semester_key(semester):
        return entry
    return replace(entry, monitoring=semester, monitoring_date=dt.datetime.combine(day, dt.time()), result=result)
