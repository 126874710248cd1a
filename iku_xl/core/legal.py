"""The register of legal bases (Dasar Hukum) and the Mengingat it gives a regulation.

An SOP writes its bases loosely ("UU No.39 Tahun 2008 Tentang ..."); the register holds each in full
once, with its publication, and Mengingat is built from it in the order UU 12/2011 Lampiran II asks:
by hierarchy, then by year (NASKAH.md section 9).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .values import as_int, text_of

# jenis -> (rank in the hierarchy, its full name, where it is published)
KINDS: dict[str, tuple[int, str, str]] = {
    "UUD": (0, "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", ""),
    "UU": (1, "Undang-Undang", "LN"),
    "Perppu": (1, "Peraturan Pemerintah Pengganti Undang-Undang", "LN"),
    "PP": (2, "Peraturan Pemerintah", "LN"),
    "Perpres": (3, "Peraturan Presiden", "LN"),
    "Permen": (4, "Peraturan Menteri", "BN"),
    "Perlem": (4, "Peraturan Lembaga", "BN"),
}
IN_FORCE = ("Berlaku", "Diubah")
_PERIOD = re.compile(r"(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})")


@dataclass
class LegalBasis:
    profile: object
    kind: object                 # UUD, UU, PP, Perpres, Permen
    number: object = None
    year: object = None
    about: object = None         # tentang ...
    article: object = None       # for the UUD: "Pasal 17 ayat (3)"
    issuer: object = None        # for a Peraturan Menteri: "Menteri Pendayagunaan Aparatur Negara dan ..."
    gazette_year: object = None  # Lembaran Negara or Berita Negara: year
    gazette_number: object = None
    supplement: object = None    # Tambahan Lembaran Negara: number
    amended_by: object = None    # "sebagaimana telah diubah dengan ...", written in full
    status: object = None        # Berlaku | Diubah | Dicabut
    used_for: object = None      # document kinds (labels) it serves; empty: every regulation
    row: int | None = None

    @property
    def jenis(self) -> str:
        text = text_of(self.kind)
        return next((k for k in KINDS if k.lower() == text.lower()), text)

    @property
    def rank(self) -> int:
        return KINDS.get(self.jenis, (9, "", ""))[0]

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return self.rank, as_int(self.year) or 0, as_int(self.number) or 0

    def missing(self) -> list[str]:
        """What the register still lacks to write this basis in full."""
        if self.jenis not in KINDS:
            return ["jenis (UUD, UU, PP, Perpres, Permen)"]
        if self.jenis == "UUD":
            return []
        gaps = [label for label, value in (("nomor", self.number), ("tahun", self.year), ("tentang", self.about))
                if not text_of(value)]
        publication = KINDS[self.jenis][2]
        if not text_of(self.gazette_year) or not text_of(self.gazette_number):
            gaps.append(f"{'Lembaran' if publication == 'LN' else 'Berita'} Negara (tahun dan nomor)")
        if self.jenis in ("UU", "Perppu", "PP") and not text_of(self.supplement):
            gaps.append("Tambahan Lembaran Negara")
        return gaps

    def in_force(self) -> bool:
        status = text_of(self.status)
        return not status or status.capitalize() in IN_FORCE

    def ends_before(self, year: int) -> bool:
        """A basis for a period (an RPJMN 2015-2019) that ends before `year`."""
        found = _PERIOD.search(text_of(self.about))
        return bool(found and int(found.group(1)) < year)

    def serves(self, kind_label: str) -> bool:
        wanted = [t.strip().lower() for t in text_of(self.used_for).split(",") if t.strip()]
        return not wanted or kind_label.lower() in wanted

    def citation(self) -> str:
        """The basis in full, as Mengingat writes it (without the closing ';')."""
        if self.jenis == "UUD":
            article = text_of(self.article)
            return f"{article} {KINDS['UUD'][1]}" if article else KINDS["UUD"][1]
        name = KINDS[self.jenis][1]
        if self.jenis in ("Permen", "Perlem") and text_of(self.issuer):
            name = f"Peraturan {text_of(self.issuer)}"
        text = f"{name} Nomor {text_of(self.number)} Tahun {text_of(self.year)} tentang {text_of(self.about)}"
        publication = KINDS[self.jenis][2]
        if text_of(self.gazette_number):
            where = "Lembaran Negara" if publication == "LN" else "Berita Negara"
            text += (f" ({where} Republik Indonesia Tahun {text_of(self.gazette_year)} "
                     f"Nomor {text_of(self.gazette_number)}")
            if text_of(self.supplement):
                text += f", Tambahan Lembaran Negara Republik Indonesia Nomor {text_of(self.supplement)}"
            text += ")"
        if text_of(self.amended_by):
            text += f" sebagaimana telah diubah dengan {text_of(self.amended_by)}"
        return text


def mengingat(bases: list[LegalBasis], kind_label: str) -> list[str]:
    """The Mengingat items of one regulation: bases in force that serve it, in hierarchy and year order."""
    chosen = sorted((b for b in bases if b.in_force() and b.serves(kind_label)), key=lambda b: b.sort_key)
    return [b.citation() + ";" for b in chosen]
