"""The register of legal bases (Dasar Hukum) and the Mengingat it gives a regulation.

An SOP writes its bases loosely ("UU No.39 Tahun 2008 Tentang ..."); the register holds each in full
once, with its publication, and Mengingat is built from it in the order UU 12/2011 Lampiran II asks:
by hierarchy, then by year (NASKAH.md section 9).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .values import as_int, text_of


class LegalKind(NamedTuple):
    """A kind of regulation a basis can be: its rank in the hierarchy, full name, where it is published."""
    rank: int
    name: str
    publication: str  # LN: Lembaran Negara, BN: Berita Negara


LEGAL_KINDS: dict[str, LegalKind] = {  # jenis, as the Dasar Hukum sheet writes it -> what it is
    "UUD": LegalKind(0, "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", ""),
    "UU": LegalKind(1, "Undang-Undang", "LN"),
    "Perppu": LegalKind(1, "Peraturan Pemerintah Pengganti Undang-Undang", "LN"),
    "PP": LegalKind(2, "Peraturan Pemerintah", "LN"),
    "Perpres": LegalKind(3, "Peraturan Presiden", "LN"),
    "Permen": LegalKind(4, "Peraturan Menteri", "BN"),
    "Perlem": LegalKind(4, "Peraturan Lembaga", "BN"),
}
IN_FORCE = ("Berlaku", "Diubah")
ALL_PROFILES = "SEMUA"  # the Profil Instansi of a basis every instansi cites
GAP = "..."  # what a draft shows where the register lacks a publication number
_PERIOD = re.compile(r"(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})")


@dataclass
class LegalBasis:
    profile: str | None
    kind: str | None                 # UUD, UU, PP, Perpres, Permen
    number: str | None = None
    year: int | None = None
    about: str | None = None         # tentang ...
    article: str | None = None       # for the UUD: "Pasal 17 ayat (3)"
    issuer: str | None = None        # for a Peraturan Menteri: "Menteri Pendayagunaan Aparatur Negara dan ..."
    gazette_year: int | None = None  # Lembaran Negara or Berita Negara: year
    gazette_number: str | None = None
    supplement: str | None = None    # Tambahan Lembaran Negara: number
    amended_by: str | None = None    # "sebagaimana telah diubah dengan ...", written in full
    status: str | None = None        # Berlaku | Diubah | Dicabut
    used_for: str | None = None      # document kinds (labels) it serves; empty: every regulation
    note: str | None = None          # Keterangan: where it was checked, what is still to confirm
    row: int | None = None

    @property
    def jenis(self) -> str:
        text = self.kind or ""
        return next((k for k in LEGAL_KINDS if k.lower() == text.lower()), text)

    @property
    def rank(self) -> int:
        found = LEGAL_KINDS.get(self.jenis)
        return found.rank if found else 9

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return self.rank, self.year or 0, as_int(self.number) or 0

    def missing(self) -> list[str]:
        """What the register still lacks to write this basis in full."""
        if self.jenis not in LEGAL_KINDS:
            return ["jenis (UUD, UU, PP, Perpres, Permen)"]
        if self.jenis == "UUD":
            return []
        gaps = [label for label, value in (("nomor", self.number), ("tahun", self.year), ("tentang", self.about))
                if not text_of(value)]
        publication = LEGAL_KINDS[self.jenis].publication
        if not text_of(self.gazette_year) or not self.gazette_number:
            gaps.append(f"{'Lembaran' if publication == 'LN' else 'Berita'} Negara (tahun dan nomor)")
        if self.jenis in ("UU", "Perppu", "PP") and not self.supplement:
            gaps.append("Tambahan Lembaran Negara")
        return gaps

    def in_force(self) -> bool:
        status = self.status or ""
        return not status or status.capitalize() in IN_FORCE

    def ends_before(self, year: int) -> bool:
        """A basis for a period (an RPJMN 2015-2019) that ends before `year`."""
        found = _PERIOD.search(self.about or "")
        return bool(found and int(found.group(1)) < year)

    def serves_profile(self, key: str) -> bool:
        """The instansi it serves: its own code(s), or every instansi when the column says Semua or nothing."""
        wanted = [t.strip().upper() for t in (self.profile or "").split(",") if t.strip()]
        return not wanted or ALL_PROFILES in wanted or key.upper() in wanted

    def serves(self, kind_label: str) -> bool:
        wanted = [t.strip().lower() for t in (self.used_for or "").split(",") if t.strip()]
        return not wanted or kind_label.lower() in wanted

    def citation(self) -> str:
        """The basis in full, as Mengingat writes it (without the closing ';')."""
        if self.jenis == "UUD":
            article = self.article or ""
            return f"{article} {LEGAL_KINDS['UUD'].name}" if article else LEGAL_KINDS["UUD"].name
        name = LEGAL_KINDS[self.jenis].name
        if self.jenis in ("Permen", "Perlem") and (self.issuer or ""):
            name = f"Peraturan {self.issuer or ''}"
        text = f"{name} Nomor {self.number or ''} Tahun {text_of(self.year)} tentang {self.about or ''}"
        publication = LEGAL_KINDS[self.jenis].publication
        where = "Lembaran Negara" if publication == "LN" else "Berita Negara"
        # a publication the register still lacks shows as '...', as a draft shows a number not yet given
        text += (f" ({where} Republik Indonesia Tahun {text_of(self.gazette_year) or GAP} "
                 f"Nomor {(self.gazette_number or '') or GAP}")
        if self.jenis in ("UU", "Perppu", "PP") or (self.supplement or ""):
            text += f", Tambahan Lembaran Negara Republik Indonesia Nomor {(self.supplement or '') or GAP}"
        text += ")"
        if (self.amended_by or ""):
            text += f" sebagaimana telah diubah dengan {self.amended_by or ''}"
        return text


def mengingat(bases: list[LegalBasis], kind_label: str) -> list[str]:
    """The Mengingat items of one regulation: bases in force that serve it, in hierarchy and year order."""
    chosen = sorted((b for b in bases if b.in_force() and b.serves(kind_label)), key=lambda b: b.sort_key)
    return [b.citation() + ";" for b in chosen]


# How an SOP's Dasar Hukum writes a basis: "PP No. 47 Tahun 2009 Tentang ...", "Peraturan Presiden Republik
# Indonesia Nomor 2 Tahun 2015 tentang ..."
_LOOSE_KINDS = (("Perppu", r"Perppu|Peraturan Pemerintah Pengganti Undang-Undang"),
                ("Perpres", r"Perpres|Peraturan Presiden"), ("PP", r"PP|Peraturan Pemerintah"),
                ("UU", r"UU|Undang-Undang"), ("Permen", r"Permen\w*|Peraturan Menteri(?: \w+)*?"))
_CITED = re.compile(r"\b(?P<kind>" + "|".join(f"(?:{p})" for _, p in _LOOSE_KINDS) + r")\b(?:\s+Republik Indonesia)?"
                    r"\s*(?:No\.?|Nomor)\s*(?P<number>\d+)\s+Tahun\s+(?P<year>\d{4})", re.I)
# bases SOPs are known to miscite, as their published texts name them (Perpres 47/2009: its own heading)
KNOWN_KINDS = {("47", 2009): ("Perpres", "Pembentukan dan Organisasi Kementerian Negara")}


def _loose_kind(text: str) -> str:
    return next(kind for kind, pattern in _LOOSE_KINDS if re.fullmatch(pattern, text, re.I))


def cited_basis_problems(text: str, year: int, register: list[LegalBasis]) -> list[str]:
    """What is wrong with the bases an SOP's identity cites: a basis called by the wrong kind (a Perpres written
    "PP"), or one for a period that ended before `year` (the RPJMN 2015-2019 under a 2025 IKU)."""
    problems = []
    items = [t.strip() for t in re.split(r"(?:^|\s)\d{1,2}\.\s+", text) if t.strip()]
    for item in items:
        found = _CITED.search(item)
        if found:
            kind, number, year_cited = _loose_kind(found.group("kind")), str(int(found.group("number"))), \
                int(found.group("year"))
            known = KNOWN_KINDS.get((number, year_cited)) or next(
                ((b.jenis, b.about or "") for b in register
                 if (b.number or "") == number and b.year == year_cited), None)
            if known and known[0] != kind and not (known[0] == "Permen" and kind == "Permen"):
                problems.append(f"'{found.group(0)}' adalah {LEGAL_KINDS[known[0]].name} Nomor {number} Tahun "
                                f"{year_cited}{' tentang ' + known[1] if known[1] else ''}, bukan "
                                f"{LEGAL_KINDS[kind].name}")
        period = _PERIOD.search(item)
        if period and int(period.group(1)) < year:
            shown = item if len(item) <= 160 else item[:157] + "..."
            span = re.sub(r"\s*[-–]\s*", "-", period.group(0))
            problems.append(f"'{shown}' untuk periode {span}, yang berakhir sebelum {year}")
    return problems
