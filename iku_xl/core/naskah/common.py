"""What every document of a case shares: its instansi, its subject and period, its IKU rows."""
from __future__ import annotations

import re
from typing import Any, NamedTuple

from ..book import Book
from ..case import Case
from ..indonesian import terbilang
from ..profile import InstansiProfile
from ..values import text_of

Context = dict[str, Any]  # a template's fields: texts, numbers, lists and nested dicts (templates/FIELDS.md)


class Built(NamedTuple):
    """What a kind's builder makes of the facts."""
    context: Context
    title: str          # the document's title property and the register's Perihal
    signer_code: str    # the signer's kode jabatan, for the number
    sifat: str


_YEARS = re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b|\b((?:19|20)\d{2})\b")


def iku_rows(book: Book, case: Case) -> tuple[list[Context], list[int]]:
    rows = [r for r in book.iku_rows if (r.case_id or "") == case.id_text]
    years = sorted({y for r in rows for y in r.targets})
    found = []
    for i, r in enumerate(rows, start=1):
        row = {"no": i, "sasaran": r.sasaran or "", "indikator": r.indikator or "",
               "definisi": r.definisi or "", "formula": text_of(getattr(r, "formula", None)),
               "satuan": r.satuan or "", "target": [target_text(r.targets.get(y)) for y in years],
               "sumber_data": r.sumber_data or "", "penanggung_jawab": r.penanggung_jawab or ""}
        row["uraian"] = definition(row)
        found.append(row)
    return found, years


def definition(row: Context) -> list[tuple[str, str]]:
    """What a lampiran says of one indicator (KINERJA.md section 1): its definition, formula, unit, data source
    and who answers for it; a workbook keeping definition and formula in one column shows them together."""
    lines = [("Definisi operasional" if row["formula"] else "Definisi operasional dan formula",
              sentence(row["definisi"]) or "-")]
    if row["formula"]:
        lines.append(("Formula", row["formula"]))
    lines += [("Satuan", unit_name(row["satuan"]) or "-"), ("Sumber data", row["sumber_data"] or "-"),
              ("Penanggung jawab", row["penanggung_jawab"] or "-")]
    return lines


def unit_name(satuan: str) -> str:
    """'%' as a reader says it: 'Persen (%)'."""
    satuan = satuan.strip()
    return "Persen (%)" if satuan == "%" else satuan


def target_text(value: object) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}".replace(".", ",")
    return text_of(value)


def period(years: list[int], case: Case, fallback: int) -> str:
    """The IKU's period: its target years; else the years in the case's title; else the document's year."""
    if years:
        return f"{years[0]}-{years[-1]}" if years[0] != years[-1] else str(years[0])
    found = _YEARS.search(case.title or "")
    if found and found.group(1):
        return f"{found.group(1)}-{found.group(2)}"
    if found and found.group(3):
        return found.group(3)
    return str(fallback)


def subject(profile: InstansiProfile, span: str) -> str:
    """Indikator Kinerja Utama Kementerian Ketenagakerjaan Tahun 2025-2029."""
    return f"Indikator Kinerja Utama {profile.text('name')} Tahun {span}"


def instansi(profile: InstansiProfile, signer_unit: str = "") -> Context:
    return {"nama": profile.text("name"), "nama_kapital": profile.text("name").upper(),
            "kop": profile.kop_for(signer_unit),
            "kontak": profile.contact_line, "kota": profile.text("city") or "Jakarta",
            "unit": profile.text("unit")}


def count_words(count: int, noun: str) -> str:
    """'4 (empat) berkas'."""
    return f"{count} ({terbilang(count)}) {noun}"


def sentence(text: str) -> str:
    """Every sentence a reader sees ends with a full stop."""
    text = text.strip()
    return text if not text or text[-1] in ".;:!?" else text + "."
