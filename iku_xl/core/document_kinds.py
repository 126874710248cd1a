"""The kinds of naskah dinas a step can produce: the one registry of them.

A kind declares, here and nowhere else: the label staff read and type in the workbook, its Word template
(in templates/), its form (a letter, built by core/naskah/letters.py, or a regulation, built by
core/naskah/decrees.py, with its own paper, font, Menimbang and Mengingat), the builder function there, and
whether and how the numbering register numbers it. Adding a kind is one entry here, its template, and its
builder. A yearly document of `iku-xl kinerja` (the Perjanjian Kinerja) is a kind no step produces.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .profile import LEGAL_BUREAU


@dataclass(frozen=True)
class DocumentKind:
    code: str
    label: str
    template: str
    form: Literal["letter", "regulation"]
    builder: str                # the function of letters.py (letter) or decrees.py (regulation) that builds it
    numbered: bool              # takes a number from the register (Penomoran)
    default_pattern: str = ""   # its number pattern in a new workbook
    decree: str = ""            # "Peraturan" or "Keputusan": the minister's regulation that sets the IKU
    step: bool = True           # a step of an SOP produces it (else: a yearly document of `iku-xl kinerja`)

    @property
    def regulation(self) -> bool:
        return self.form == "regulation"

    @property
    def sets_iku(self) -> bool:
        """The minister's regulation setting the IKU: needs the case's IKU rows, numbered NOMOR n TAHUN y."""
        return bool(self.decree)


KINDS: dict[str, DocumentKind] = {k.code: k for k in (
    DocumentKind("nota_dinas", "Nota Dinas", "nota_dinas.docx", "letter", "nota_dinas", True,
                 "{urut}/{kode_jabatan}/{klasifikasi}/{bulan}/{tahun}"),
    DocumentKind("undangan_rapat", "Undangan Rapat", "undangan_rapat.docx", "letter", "undangan", True,
                 "{sifat}-{urut}/{kode_jabatan}/{klasifikasi}/{bulan}/{tahun}"),
    DocumentKind("notula_rapat", "Notula Rapat", "notula_rapat.docx", "letter", "notula", False),
    # a lembar disposisi's agenda number is the receiver's
    DocumentKind("lembar_disposisi", "Lembar Disposisi", "lembar_disposisi.docx", "letter", "disposisi", False),
    DocumentKind("permenko_iku", "Peraturan Menteri tentang IKU", "permenko_iku.docx", "regulation", "regulation",
                 True, LEGAL_BUREAU, decree="Peraturan"),
    DocumentKind("keputusan_iku", "Keputusan Menteri tentang IKU", "keputusan_iku.docx", "regulation",
                 "regulation", True, LEGAL_BUREAU, decree="Keputusan"),
    DocumentKind("sk_tim", "Keputusan Pembentukan Tim", "sk_tim.docx", "regulation", "team_decree", True,
                 "KEP.{urut}/{kode_jabatan}/{bulan}/{tahun}"),
    # built by core/kinerja.py; numbered only where the instansi's Pola Nomor has a row for it
    DocumentKind("perjanjian_kinerja", "Perjanjian Kinerja", "perjanjian_kinerja.docx", "letter", "", True,
                 "{urut}/PK/{kode_jabatan}/{tahun}", step=False),
)}
DOCUMENT_KINDS = tuple(code for code, kind in KINDS.items() if kind.step)  # the naskah a step can produce
IKU_INSTRUMENT_KINDS = tuple(k.code for k in KINDS.values() if k.sets_iku)  # the profile says which one it uses


def kind_label(kind: str | None) -> str | None:
    """What the Jenis Naskah cell shows for a kind: its label for a known code, else the value as it is."""
    return KINDS[kind].label if kind in KINDS else kind


def kind_code(text: object) -> str | None:
    """A kind as staff type it, by its label (Nota Dinas) or its code (nota_dinas); None when unknown."""
    wanted = " ".join(str(text or "").replace("_", " ").split()).lower()
    for kind in KINDS.values():
        if wanted in (kind.label.lower(), kind.code.replace("_", " ")):
            return kind.code
    return None
