"""The kinds of naskah dinas a step can produce: the one table of them.

Each has a Word template named after its code; `label` is what staff read in the workbook.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentKind:
    code: str
    label: str
    numbered: bool
    default_pattern: str
    needs_iku: bool = False


KINDS: dict[str, DocumentKind] = {k.code: k for k in (
    DocumentKind("nota_dinas", "Nota Dinas", True, "{urut}/{kode_jabatan}/{klasifikasi}/{bulan}/{tahun}"),
    DocumentKind("undangan_rapat", "Undangan Rapat", True,
                 "{sifat}-{urut}/{kode_jabatan}/{klasifikasi}/{bulan}/{tahun}"),
    DocumentKind("notula_rapat", "Notula Rapat", False, ""),
    DocumentKind("lembar_disposisi", "Lembar Disposisi", False, ""),  # its agenda number is the receiver's
    DocumentKind("permenko_iku", "Peraturan Menteri tentang IKU", True, "Biro Hukum", needs_iku=True),
    DocumentKind("keputusan_iku", "Keputusan Menteri tentang IKU", True, "Biro Hukum", needs_iku=True),
    DocumentKind("sk_tim", "Keputusan Pembentukan Tim", True, "KEP.{urut}/{kode_jabatan}/{bulan}/{tahun}"),
)}
DOCUMENT_KINDS = tuple(KINDS)
IKU_INSTRUMENT_KINDS = ("permenko_iku", "keputusan_iku")  # what sets the IKU: the profile says which one
REGULATIONS = ("permenko_iku", "keputusan_iku", "sk_tim")  # penetapan: Menimbang, Mengingat, legal bases


def kind_label(kind: object) -> object:
    """What the Jenis Naskah cell shows for a kind: its label for a known code, else the value as it is."""
    return KINDS[kind].label if isinstance(kind, str) and kind in KINDS else kind


def kind_code(text: object) -> str | None:
    """A kind as staff type it, by its label (Nota Dinas) or its code (nota_dinas); None when unknown."""
    wanted = " ".join(str(text or "").replace("_", " ").split()).lower()
    for kind in KINDS.values():
        if wanted in (kind.label.lower(), kind.code.replace("_", " ")):
            return kind.code
    return None
