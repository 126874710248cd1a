"""The bureau's yearly performance documents from the workbook's plain values (KINERJA.md sections 2-3): the
Manual IKU's cards, the Perjanjian Kinerja of the Menteri and of each eselon I and II official with cascaded
indicators, and the cascading matrix. Plain dicts a template or a sheet shows as they are."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Refused
from . import layout
from .book import Book
from .cascading import cascades_of, same_unit, superior_of, unit_head
from .iku import Cascade, IkuRow, same_indicator
from .naskah.common import Context, instansi, target_text
from .naskah.parties import Party, minister, party
from .people import Official
from .profile import InstansiProfile
from .sop import Sop
from .values import is_blank, text_of

# The Manual IKU card (KINERJA.md section 2): field -> label; an instansi may list the labels it wants (Isi Manual IKU)
CARD_FIELDS = {
    "sasaran": "Sasaran Strategis",
    "indikator": "Indikator Kinerja Utama",
    "definisi": "Definisi",
    "formula": "Formula/Cara Perhitungan",
    "tujuan": "Tujuan",
    "satuan": "Satuan",
    "jenis": "Jenis Indikator",
    "polarisasi": "Polarisasi",
    "frekuensi": "Frekuensi Pengukuran",
    "baseline": "Baseline",
    "target": "Target",
    "penanggung_jawab": "Unit Penanggung Jawab",
    "penyedia_data": "Unit Penyedia Data",
    "sumber_data": "Sumber Data",
    "catatan": "Catatan",
}
POLARITY_MEANING = {"Maksimal": "makin tinggi realisasi makin baik", "Minimal": "makin rendah realisasi makin baik",
                    "Stabil": "realisasi diharapkan tetap pada rentang target"}
QUARTERS = ("Tw I", "Tw II", "Tw III", "Tw IV")
SASARAN_LABEL = {0: "Sasaran Strategis", 1: "Sasaran Program", 2: "Sasaran Kegiatan"}


@dataclass
class Agreement:
    """One Perjanjian Kinerja: who promises (pihak pertama), to whom (pihak kedua; None for a Menteri), what."""
    level: int                        # 0 Menteri, 1 eselon I, 2 eselon II
    first: Party
    second: Party | None
    unit: str                         # the unit it is the PK of (the ministry, for the Menteri)
    parent_unit: str = ""             # an eselon II unit's eselon I unit, for the kop
    rows: list[Context] = field(default_factory=list)
    budgets: list[Context] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # indicators left out for want of that year's target

    @property
    def key(self) -> str:
        """What the register knows this PK by, year aside: the official's code, else the unit."""
        return self.first.code or self.unit


def instansi_rows(book: Book, profile: InstansiProfile, sop: str | None = None) -> list[IkuRow]:
    """The instansi's IKU rows (of the cases of its SOPs, or of one SOP), one per indicator: where a later case
    (a review) lists an indicator again, its row replaces the earlier one in the same place."""
    cases = {c.id_text: c for c in book.cases if c.id_text}
    found: dict[str, IkuRow] = {}
    for row in book.iku_rows:
        case = cases.get(row.case_id or "")
        code = case.sop or "" if case else ""
        if case is None or code not in book.sops or (sop and code != sop) or not row.indikator:
            continue
        owner = book.profile_of(book.sops[code])
        if owner is None or owner.key != profile.key:
            continue
        key = " ".join((row.indikator or "").lower().split())
        found[key] = row
    return list(found.values())


def profiles_with_iku(book: Book) -> list[InstansiProfile]:
    return [p for p in book.profiles if instansi_rows(book, p)]


def period_years(rows: list[IkuRow]) -> list[int]:
    return sorted({y for r in rows for y in r.targets})


# Manual IKU

def wanted_card_fields(profile: InstansiProfile) -> list[str]:
    """The card's fields in order: the instansi's Isi Manual IKU (labels, comma separated), else all of them."""
    listed = [t.strip().lower() for t in (profile.manual_fields or "").replace(";", ",").split(",") if t.strip()]
    if not listed:
        return list(CARD_FIELDS)
    by_label = {label.lower(): name for name, label in CARD_FIELDS.items()}
    by_label.update({name: name for name in CARD_FIELDS})
    unknown = [t for t in listed if t not in by_label]
    if unknown:
        raise Refused(f"Isi Manual IKU profil {profile.key} menyebut '{unknown[0]}' yang tidak dikenal; pilih dari: "
                      f"{', '.join(CARD_FIELDS.values())}.", sheet=layout.INSTANSI.name)
    return [by_label[t] for t in listed]


def card(row: IkuRow, number: int, years: list[int], fields: list[str]) -> Context:
    """One indicator's card: its rows of (label, lines), every field filled or marked '-'."""
    polarity = row.polarity
    values: dict[str, list[str]] = {
        "sasaran": [row.sasaran or ""],
        "indikator": [row.indikator or ""],
        "definisi": [row.definisi or ""],
        "formula": [(row.formula or "") or (row.definisi or "")],
        "tujuan": [row.tujuan or ""],
        "satuan": [row.satuan or ""],
        "jenis": [", ".join(t for t in (row.jenis or "", _sifat(row.sifat)) if t)],
        "polarisasi": [f"{polarity} ({POLARITY_MEANING[polarity]})" if polarity else (row.polarisasi or '')],
        "frekuensi": [row.frekuensi or ""],
        "baseline": [f"{target_text(row.baseline_value)} (tahun {text_of(row.baseline_year)})"
                     if text_of(row.baseline_value) and text_of(row.baseline_year)
                     else target_text(row.baseline_value)],
        "target": [f"Tahun {y}: {target_text(row.targets.get(y)) or '-'}" for y in years],
        "penanggung_jawab": [row.penanggung_jawab or ""],
        "penyedia_data": [row.penyedia_data or ""],
        "sumber_data": [row.sumber_data or ""],
        "catatan": [row.catatan or ""],
    }
    return {"no": number, "indikator": row.indikator or "",
            "isian": [{"label": CARD_FIELDS[f], "baris": [line or "-" for line in values[f]] or ["-"]}
                      for f in fields],
            "nilai": {f: "\n".join(values[f]) for f in fields if f != "target"},
            "target": {y: target_text(row.targets.get(y)) for y in years} if "target" in fields else {}}


def _sifat(value: object) -> str:
    text = text_of(value)
    return f"IKU {text.lower()}" if text else ""


def manual_cards(rows: list[IkuRow], fields: list[str]) -> list[Context]:
    years = period_years(rows)
    return [card(row, number, years, fields) for number, row in enumerate(rows, start=1)]


# Perjanjian Kinerja

def agreements(book: Book, profile: InstansiProfile, rows: list[IkuRow], year: int) -> tuple[list[Agreement],
                                                                                                list[str]]:
    """The Menteri's PK and one per eselon I/II official heading a unit the IKU are cascaded to; and, for each
    PK that cannot be made, why (in a sentence staff can act on)."""
    problems: list[str] = []
    sop = next((s for s in book.sops.values() if book.profile_of(s) is profile), None)
    head = minister(profile, book, sop) if sop else minister(profile)
    ministry = profile.text("name")
    made = [Agreement(0, head, None, ministry)]
    for row in rows:
        target = row.targets.get(year)
        if is_blank(target):
            made[0].missing.append(row.indikator or "")
            continue
        made[0].rows.append({"sasaran": row.sasaran or "", "indikator": row.indikator or "",
                             "target": _with_unit(target, row.satuan),
                             "triwulan": _quarters(book, row.case_id, row.indikator, None, row.satuan, year)})
    units: dict[str, list[Cascade]] = {}
    for row in rows:
        for cascade in cascades_of(book, row):
            if cascade.kind in ("C", "CP") and cascade.unit:
                units.setdefault(" ".join((cascade.unit or "").split()), []).append(cascade)
    for unit, cascades in units.items():
        official = unit_head(book, unit)
        if official is None or official.rank not in (1, 2, 3, 4):
            problems.append(f"Perjanjian kinerja {unit} tidak dibuat: unit ini belum punya pejabat eselon I atau II "
                            "di lembar Pejabat (Unit Kerja ditulis sama dengan di lembar Cascading).")
            continue
        level = 1 if official.rank in (1, 2) else 2
        superior = _superior(book, profile, official, level, sop)
        if superior is None:
            problems.append(f"Perjanjian kinerja {official.title or ''} tidak dibuat: atasan langsungnya belum "
                            "ada; isi kolom Atasan Langsung (peran atasannya) di lembar Pejabat.")
            continue
        above = superior_of(book, official)
        agreement = Agreement(level, party(official), superior, unit,
                              (above.unit or "") if level == 2 and above is not None else "")
        for cascade in cascades:
            target = cascade.targets.get(year)
            if is_blank(target):
                agreement.missing.append(cascade.indikator_unit or "")
                continue
            agreement.rows.append({"sasaran": cascade.sasaran or "", "indikator": cascade.indikator_unit or "",
                                   "target": _with_unit(target, cascade.satuan),
                                   "triwulan": _quarters(book, cascade.case_id, cascade.indikator_unit, unit,
                                                         cascade.satuan, year)})
        made.append(agreement)
    made.sort(key=lambda a: (a.level, a.first.rank if a.first.rank is not None else 9, a.unit))
    for agreement in made:
        agreement.budgets = _budgets(book, agreement.unit, ministry if agreement.level == 0 else None, year)
        _number_rows(agreement.rows)
    return [a for a in made if a.rows], problems + [
        f"Perjanjian kinerja {a.first.title} tidak dibuat: belum ada target tahun {year} untuk indikatornya."
        for a in made if not a.rows]


def _superior(book: Book, profile: InstansiProfile, official: Official, level: int, sop: Sop | None
              ) -> Party | None:
    found = superior_of(book, official)
    if found is not None and found.name:
        if found.rank == 0:
            return minister(profile, book, sop) if sop else minister(profile)
        return party(found)
    if level == 1 and not official.superior:  # an eselon I official answers to the Menteri
        return minister(profile, book, sop) if sop else minister(profile)
    return None


def _with_unit(target: object, satuan: object) -> str:
    """'3,50 Indeks', '75%', '1.300.000 Orang', 'WTP' (a word target carries no unit)."""
    text, unit = target_text(target), text_of(satuan)
    if isinstance(target, (int, float)) and not isinstance(target, bool) and float(target).is_integer() \
            and abs(target) >= 10000:
        text = f"{int(target):,}".replace(",", ".")
    if not isinstance(target, (int, float)) or not unit:
        return text
    return f"{text}%" if unit in ("%", "persen") else f"{text} {unit}"


def _quarters(book: Book, case_id: object, indikator: object, unit: str | None, satuan: object,
              year: int) -> list[str]:
    for row in book.quarter_targets:
        if (same_indicator(row.indikator, indikator) and _as_year(row.year) == year
                and (not row.case_id or (row.case_id or "") == text_of(case_id))
                and (same_unit(row.unit, unit) if unit else not row.unit)):
            return [_with_unit(q, satuan) if not is_blank(q) else "-" for q in row.quarters]
    return ["-"] * 4


def _as_year(value: object) -> int | None:
    text = text_of(value)
    return int(text) if text.isdigit() else None


def _budgets(book: Book, unit: str, ministry: str | None, year: int) -> list[Context]:
    rows = [b for b in book.budgets if _as_year(b.year) == year and b.program
            and (same_unit(b.unit, unit) or (ministry is not None and not b.unit))]
    return [{"no": i, "program": b.program or "", "anggaran": rupiah(b.amount)} for i, b in enumerate(rows, 1)]


def rupiah(value: object) -> str:
    """1250000000 -> 'Rp1.250.000.000' (as the TND writes amounts); text as typed."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "Rp" + f"{round(value):,}".replace(",", ".")
    return text_of(value)


def _number_rows(rows: list[Context]) -> None:
    """No runs per row; a Sasaran repeated on the next row is shown once (the cell above holds it)."""
    previous = None
    for number, row in enumerate(rows, start=1):
        row["no"] = number
        row["sasaran_tampil"] = "" if row["sasaran"] == previous else row["sasaran"]
        previous = row["sasaran"]


def agreement_context(agreement: Agreement, profile: InstansiProfile, year: int, quarters: bool) -> Context:
    """The template's fields for one PK (the number and date are put in when the register gives them)."""
    kop = [profile.text("name").upper()]
    kop += [u.upper() for u in (agreement.parent_unit, agreement.unit if agreement.level else "") if u]
    heads = [SASARAN_LABEL[agreement.level], "Indikator Kinerja", f"Target {year}",
             *(QUARTERS if quarters else ())]
    rows = [{**r, "kolom": [r["target"], *(r["triwulan"] if quarters else [])]} for r in agreement.rows]
    return {
        "tahun": year, "tingkat": agreement.level, "menteri": agreement.level == 0,
        **_signers(agreement), "unit": agreement.unit, "unit_kapital": agreement.unit.upper(),
        "instansi": {**instansi(profile), "kop": kop}, "judul_kolom": heads, "baris": rows,
        "label_program": "Program" if agreement.level < 2 else "Kegiatan", "anggaran": agreement.budgets,
    }


def _signers(agreement: Agreement) -> Context:
    """The parties' fields; side by side, the shorter jabatan is padded with blank lines so both blocks read level."""
    first: Context = dict(agreement.first.context())
    if agreement.second is None:
        return {"pihak_pertama": first, "pihak_kedua": None}
    second: Context = dict(agreement.second.context())
    left, right = wrapped_lines(second["jabatan"] + ",", SIGN_CHARS[0]), wrapped_lines(first["jabatan"] + ",",
                                                                                      SIGN_CHARS[1])
    second["sela"], first["sela"] = [""] * (max(left, right) - left), [""] * (max(left, right) - right)
    return {"pihak_pertama": first, "pihak_kedua": second}


SIGN_CHARS = (34, 30)  # about how many letters of Arial 12 a line of the left and right signature cell holds


def wrapped_lines(text: str, width: int) -> int:
    """How many lines `text` takes when wrapped at word breaks to `width` letters."""
    lines, length = 1, 0
    for word in text.split():
        if length and length + 1 + len(word) > width:
            lines, length = lines + 1, len(word)
        else:
            length += len(word) + (1 if length else 0)
    return lines


# Cascading matrix

def matrix(book: Book, rows: list[IkuRow], year: int) -> list[Context]:
    """One line per Cascading row of the instansi's IKU (the IKU repeated on each), and an N line for each IKU
    that no row carries down."""
    lines = []
    for number, row in enumerate(rows, start=1):
        base = {"no": number, "sasaran": row.sasaran or "", "iku": row.indikator or "",
                "target_iku": _with_unit(row.targets.get(year), row.satuan)}
        carried = cascades_of(book, row)
        ordered = sorted(carried, key=lambda c: (c.eselon or 9, ))
        for cascade in ordered:
            official = unit_head(book, cascade.unit)
            lines.append({**base, "tingkat": cascade.level or "", "unit": cascade.unit or "",
                          "pejabat": (official.title or "") if official else "",
                          "sasaran_unit": cascade.sasaran or "", "indikator_unit": cascade.indikator_unit or "",
                          "target_unit": _with_unit(cascade.targets.get(year), cascade.satuan),
                          "cascading": cascade.kind or (cascade.cascade or ""), "baris_cascading": cascade.row})
        if not carried:
            lines.append({**base, "tingkat": "", "unit": "", "pejabat": "", "sasaran_unit": "", "indikator_unit": "",
                          "target_unit": "", "cascading": "N", "baris_cascading": None})
    previous = None
    for line in lines:  # the printed page shows an IKU once, on the first of its lines
        line["pertama"] = line["no"] != previous
        previous = line["no"]
    return lines
