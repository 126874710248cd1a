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
    DocumentKind("nota_dinas", "Nota Dinas", True, "{urut}/{kode_unit}/{klasifikasi}/{bulan}/{tahun}"),
    DocumentKind("undangan_rapat", "Undangan Rapat", True, "B-{urut}/{kode_unit}/{klasifikasi}/{bulan}/{tahun}"),
    DocumentKind("notula_rapat", "Notula Rapat", False, "{urut}/NOT/{kode_unit}/{bulan}/{tahun}"),
    DocumentKind("lembar_disposisi", "Lembar Disposisi", True, "{urut}/DISP/{kode_unit}/{bulan}/{tahun}"),
    DocumentKind("permenko_iku", "Rancangan Peraturan Menteri Koordinator tentang IKU", True, "{urut} TAHUN {tahun}",
                 needs_iku=True),
    DocumentKind("keputusan_iku", "Rancangan Keputusan Menteri tentang IKU", True, "{urut} TAHUN {tahun}",
                 needs_iku=True),
    DocumentKind("sk_tim", "Keputusan Pembentukan Tim Penyusun IKU", True, "KEP.{urut}/{kode_unit}/{bulan}/{tahun}"),
)}
DOCUMENT_KINDS = tuple(KINDS)
