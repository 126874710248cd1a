"""An instansi's profile: how its letters and regulations look and are numbered (the Instansi sheet).

Every SOP belongs to one instansi; a case's documents take its SOP's profile. Where ministries differ
(paper, fonts, the month in numbers, who promulgates), the profile says, never the code.
"""
from __future__ import annotations

from dataclasses import dataclass

from .values import as_int, text_of

PLACEHOLDER_LOGO = "logo-contoh.png"      # shipped so documents lay out; validate warns while it is used
PLACEHOLDER_EMBLEM = "garuda-contoh.png"
REGISTER_SCOPES = ("Jenis", "Penandatangan", "Unit")  # what a number's sequence runs per, besides kind and year
LEGAL_BUREAU = "Biro Hukum"  # a pattern naming it: the number is given by the legal bureau, the draft shows "..."
# the instrument that sets the IKU (KINERJA.md section 1): a profile's choice, and the kind of document it is
IKU_INSTRUMENTS = {"Peraturan Menteri": "permenko_iku", "Keputusan Menteri": "keputusan_iku"}


@dataclass
class InstansiProfile:
    code: str | None
    name: str | None = None              # Kementerian Koordinator Bidang Politik dan Keamanan
    parent_unit: str | None = None       # Sekretariat Kementerian Koordinator
    unit: str | None = None              # Biro Perencanaan dan Organisasi
    unit_code: str | None = None         # Set.PO, used in numbers as {kode_unit}
    address: str | None = None
    phone: str | None = None
    website: str | None = None
    email: str | None = None
    city: str | None = None
    logo: str | None = None              # image file, relative to the templates folder or the workbook
    emblem: str | None = None            # Garuda Pancasila, for the kop jabatan of a Menteri's documents
    minister_title: str | None = None    # Menteri Koordinator Bidang Politik dan Keamanan Republik Indonesia
    minister_name: str | None = None
    promulgator_title: str | None = None  # who promulgates a Peraturan Menteri in the Berita Negara
    promulgator_name: str | None = None
    letter_paper: str | None = None
    regulation_paper: str | None = None
    letter_font: str | None = None
    letter_size: int | None = None
    regulation_font: str | None = None
    regulation_size: int | None = None
    classification: str | None = None    # kode klasifikasi arsip, {klasifikasi}
    month_style: str | None = None       # Angka (11) or Romawi (XI), {bulan}
    meeting_place: str | None = None
    author: str | None = None            # the documents' author property
    pk_quarters: str | None = None       # Ya: a Perjanjian Kinerja's lampiran has target columns Tw I to IV
    manual_fields: str | None = None     # the Manual IKU card's fields, by label, comma separated; blank: all
    iku_instrument: str | None = None    # Peraturan Menteri | Keputusan Menteri: what sets the IKU
    iku_title: str | None = None  # its title line, when not the Menteri's own ("Peraturan Menteri Ketenagakerjaan")
    row: int | None = None

    @property
    def key(self) -> str:
        return text_of(self.code).upper()

    def text(self, field: str) -> str:
        return text_of(getattr(self, field))

    @property
    def iku_kind(self) -> str | None:
        """The document kind of the profile's IKU instrument; None when the profile leaves it to the SOP."""
        wanted = " ".join(self.text("iku_instrument").split()).lower()
        return next((kind for label, kind in IKU_INSTRUMENTS.items() if label.lower() == wanted), None)

    def kind_for(self, kind: str) -> str:
        """The kind a step's IKU instrument is made as: the profile's instrument, whichever the SOP names."""
        from .document_kinds import IKU_INSTRUMENT_KINDS

        return (self.iku_kind or kind) if kind in IKU_INSTRUMENT_KINDS else kind

    @property
    def roman_months(self) -> bool:
        return text_of(self.month_style).lower().startswith("romawi")

    @property
    def wants_quarters(self) -> bool:
        return (self.pk_quarters or "").lower() in ("ya", "y", "yes")

    def paper(self, regulation: bool) -> str:
        value = text_of(self.regulation_paper if regulation else self.letter_paper).upper()
        return value if value in ("A4", "F4") else ("F4" if regulation else "A4")

    def font(self, regulation: bool) -> tuple[str, int]:
        name = text_of(self.regulation_font if regulation else self.letter_font)
        size = as_int(self.regulation_size if regulation else self.letter_size)
        return (name or ("Bookman Old Style" if regulation else "Arial"),
                size if size in (10, 11, 12, 13, 14) else 12)

    @property
    def kop_lines(self) -> list[str]:
        """The kop instansi, as the ministry's name then its units, in capitals."""
        return self.kop_for("")

    def kop_for(self, signer_unit: str) -> list[str]:
        """The kop of the signer's unit: a letter of the Sekretariat carries the ministry and the Sekretariat, one
        of the Biro the Biro too (the bureau's own unit when the signer's is not one of the profile's)."""
        levels = [t for t in (self.text("name"), self.text("parent_unit"), self.text("unit")) if t]
        wanted = " ".join(signer_unit.split()).lower()
        depth = next((i + 1 for i, t in enumerate(levels) if t.lower() == wanted), len(levels))
        return [t.upper() for t in levels[:depth]]

    def has_unit(self, unit: str) -> bool:
        """Whether a kop of this profile can be the unit's own."""
        wanted = " ".join(unit.split()).lower()
        return any(self.text(f).lower() == wanted for f in ("name", "parent_unit", "unit"))

    @property
    def contact_line(self) -> str:
        parts = [self.text("address")]
        if self.text("phone"):
            parts.append(f"Telepon {self.text('phone')}")
        if self.text("website"):
            parts.append(f"Laman {self.text('website')}")
        if self.text("email"):
            parts.append(f"Pos-el {self.text('email')}")
        return "; ".join(p for p in parts if p)


@dataclass
class NumberPattern:
    """Pola Nomor: how one kind of document of one instansi is numbered."""
    profile: str | None
    kind: str | None                     # the kind's label, as staff read it (Nota Dinas)
    pattern: str | None = None           # {urut}/{kode_jabatan}/{klasifikasi}/{bulan}/{tahun}, or Biro Hukum
    register: str | None = None          # Jenis | Penandatangan | Unit
    row: int | None = None

    @property
    def by_legal_bureau(self) -> bool:
        return LEGAL_BUREAU.lower() in (self.pattern or "").lower()

    @property
    def scope(self) -> str:
        text = (self.register or "").capitalize()
        return text if text in REGISTER_SCOPES else "Jenis"
