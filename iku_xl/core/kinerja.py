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
        case = cases.get(text_of(row.case_id))
        code = case.sop or "" if case else ""
        if case is None or code not in book.sops or (sop and code != sop) or is_blank(row.indikator):
            continue
        owner = book.profile_of(book.sops[code])
        if owner is None or owner.key != profile.key:
            continue
        key = " ".join(text_of(row.indikator).lower().split())
        found[key] = row
    return list(found.values())


def profiles_with_iku(book: Book) -> list[InstansiProfile]:
    return [p for p in book.profiles if instansi_rows(book, p)]


def period_years(rows: list[IkuRow]) -> list[int]:
    return sorted({y for r in rows for y in r.targets})


# Manual IKU

def wanted_card_fields(profile: InstansiProfile) -> list[str]:
    """The card's fields in order: the instansi's Isi Manual IKU (labels, comma separated), else all of them."""
    listed = [t.strip().lower() for t in text_of(profile.manual_fields).replace(";", ",").split(",") if t.strip()]
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
        "sasaran": [text_of(row.sasaran)],
        "indikator": [text_of(row.indikator)],
        "definisi": [text_of(row.definisi)],
        "formula": [text_of(row.formula) or text_of(row.definisi)],
        "tujuan": [text_of(row.tujuan)],
        "satuan": [text_of(row.satuan)],
        "jenis": [", ".join(t for t in (text_of(row.jenis), _sifat(row.sifat)) if t)],
        "polarisasi": [f"{polarity} ({POLARITY_MEANING[polarity]})" if polarity else text_of(row.polarisasi)],
        "frekuensi": [text_of(row.frekuensi)],
        "baseline": [f"{target_text(row.baseline_value)} (tahun {text_of(row.baseline_year)})"
                     if text_of(row.baseline_value) and text_of(row.baseline_year)
                     else target_text(row.baseline_value)],
        "target": [f"Tahun {y}: {target_text(row.targets.get(y)) or '-'}" for y in years],
        "penanggung_jawab": [text_of(row.penanggung_jawab)],
        "penyedia_data": [text_of(row.penyedia_data)],
        "sumber_data": [text_of(row.sumber_data)],
        "catatan": [text_of(row.catatan)],
    }
    return {"no": number, "indikator": text_of(row.indikator),
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
            made[0].missing.append(text_of(row.indikator))
            continue
        made[0].rows.append({"sasaran": text_of(row.sasaran), "indikator": text_of(row.indikator),
                             "target": _with_unit(target, row.satuan),
                             "triwulan": _quarters(book, row.case_id, row.indikator, None, row.satuan, year)})
    units: dict[str, list[Cascade]] = {}
    for row in rows:
        for cascade in cascades_of(book, row):
            if cascade.kind in ("C", "CP") and not is_blank(cascade.unit):
                units.setdefault(" ".join(text_of(cascade.unit).split()), []).append(cascade)
    for unit, cascades in units.items():
        official = unit_head(book, unit)
        if official is None or official.rank not in (1, 2, 3, 4):
            problems.append(f"Perjanjian kinerja {unit} tidak dibuat: unit ini belum punya pejabat eselon I atau II "
                            "di lembar Pejabat (Unit Kerja ditulis sama dengan di lembar Cascading).")
            continue
        level = 1 if official.rank in (1, 2) else 2
        superior = _superior(book, profile, official, level, sop)
        if superior is None:
            problems.append(f"Perjanjian kinerja {text_of(official.title)} tidak dibuat: atasan langsungnya belum "
                            "ada; isi kolom Atasan Langsung (peran atasannya) di lembar Pejabat.")
            continue
        above = superior_of(book, official)
        agreement = Agreement(level, party(official), superior, unit,
                              text_of(above.unit) if level == 2 and above is not None else "")
        for cascade in cascades:
            target = cascade.targets.get(year)
            if is_blank(target):
                agreement.missing.append(text_of(cascade.indikator_unit))
                continue
            agreement.rows.append({"sasaran": text_of(cascade.sasaran), "indikator": text_of(cascade.indikator_unit),
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
    if found is not None and not is_blank(found.name):
        if found.rank == 0:
            return minister(profile, book, sop) if sop else minister(profile)
        return party(found)
    if level == 1 and is_blank(official.superior):  # an eselon I official answers to the Menteri
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
                and (is_blank(row.case_id) or text_of(row.case_id) == text_of(case_id))
                and (same_unit(row.unit, unit) if unit else is_blank(row.unit))):
            return [_with_unit(q, satuan) if not is_blank(q) else "-" for q in row.quarters]
    return ["-"] * 4


def _as_year(value: object) -> int | None:
    text = text_of(value)
    return int(text) if text.isdigit() else None


def _budgets(book: Book, unit: str, ministry: str | None, year: int) -> list[Context]:
    rows = [b for b in book.budgets if _as_year(b.year) == year and not is_blank(b.program)
            and (same_unit(b.unit, unit) or (ministry is not None and is_blank(b.unit)))]
    return [{"no": i, "program": text_of(b.program), "anggaran": rupiah(b.amount)} for i, b in enumerate(rows, 1)]


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
        base = {"no": number, "sasaran": text_of(row.sasaran), "iku": text_of(row.indikator),
                "target_iku": _with_unit(row.targets.get(year), row.satuan)}
        carried = cascades_of(book, row)
        ordered = sorted(carried, key=lambda c: (c.eselon or 9, ))
        for cascade in ordered:
            official = unit_head(book, cascade.unit)
            lines.append({**base, "tingkat": text_of(cascade.level), "unit": text_of(cascade.unit),
                          "pejabat": text_of(official.title) if official else "",
                          "sasaran_unit": text_of(cascade.sasaran), "indikator_unit": text_of(cascade.indikator_unit),
                          "target_unit": _with_unit(cascade.targets.get(year), cascade.satuan),
                          "cascading": cascade.kind or text_of(cascade.cascade), "baris_cascading": cascade.row})
        if not carried:
            lines.append({**base, "tingkat": "", "unit": "", "pejabat": "", "sasaran_unit": "", "indikator_unit": "",
                          "target_unit": "", "cascading": "N", "baris_cascading": None})
    previous = None
    for line in lines:  # the printed page shows an IKU once, on the first of its lines
        line["pertama"] = line["no"] != previous
        previous = line["no"]
    return lines
