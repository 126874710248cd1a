"""Rules on the Cascading sheet: each row carries a known IKU to a unit that has an official."""
from __future__ import annotations

from collections.abc import Iterator

from .. import layout
from ..book import Book
from ..cascading import iku_of, superior_of, unit_head
from ..findings import Finding, Level
from ..iku import CASCADE_KINDS, TINGKAT, Cascade
from ..values import text_of

SHEET = layout.CASCADING.name


def check(book: Book) -> Iterator[Finding]:
    for row in book.cascades:
        def finding(level: Level, field: str, message: str, row: Cascade = row) -> Finding:
            return Finding(SHEET, book.cell(SHEET, field, row.row), level, field, message,
                           case=text_of(row.case_id) or None)

        if not row.indikator:
            yield finding(Level.GALAT, "indikator", "Indikator Kinerja Utama kosong; pilih IKU yang diturunkan dari "
                                                    "daftar.")
        elif iku_of(book, row) is None:
            yield finding(Level.GALAT, "indikator", f"IKU '{row.indikator or ''}' tidak ada di lembar IKU; pilih "
                                                    "dari daftar atau samakan ketikannya dengan lembar IKU.")
        if row.kind is None:
            written = f"'{row.cascade or ''}' tidak dikenal" if (row.cascade or '') else "kosong"
            yield finding(Level.GALAT, "cascade", f"Cascading {written}; pilih C (diturunkan utuh), CP (sebagian), "
                                                  "atau N (tidak diturunkan).")
        if row.eselon is None:
            written = f"'{row.level or ''}' tidak dikenal" if (row.level or '') else "kosong"
            yield finding(Level.GALAT, "level", f"Tingkat {written}; pilih {' atau '.join(TINGKAT)}.")
        if row.kind == "N":
            continue
        if not row.unit:
            yield finding(Level.GALAT, "unit", "Unit Kerja kosong; tulis unit yang menerima IKU ini seperti di "
                                               "lembar Pejabat.")
            continue
        head = unit_head(book, row.unit)
        if head is None:
            yield finding(Level.PERINGATAN, "unit", f"Unit '{row.unit or ''}' belum punya pejabat di lembar "
                                                    "Pejabat; tambahkan pimpinannya (Unit Kerja ditulis sama) agar "
                                                    "perjanjian kinerjanya bisa dibuat.")
        elif head.rank in (3, 4) and superior_of(book, head) is None:
            yield finding(Level.PERINGATAN, "unit", f"Pimpinan unit '{row.unit or ''}' ({head.title or ''}) "
                                                    "belum punya atasan langsung; isi kolom Atasan Langsung di lembar "
                                                    "Pejabat agar perjanjian kinerjanya punya pihak kedua.")
        elif row.eselon and head.rank is not None and head.rank > 0 and _eselon_number(head.eselon_text) != row.eselon:
            yield finding(Level.PERINGATAN, "level", f"Tingkat {row.level or ''} tidak cocok dengan pimpinan "
                                                     f"unitnya ({head.title or ''}, eselon {head.eselon_text}); "
                                                     "periksa Tingkat atau Unit Kerja.")
        if not row.indikator_unit:
            yield finding(Level.GALAT, "indikator_unit", "Indikator kinerja unit kosong; tulis indikator sasaran "
                                                         "program/kegiatannya.")
        if not row.sasaran:
            yield finding(Level.PERINGATAN, "sasaran", "Sasaran Program/Kegiatan kosong; isi agar perjanjian "
                                                       "kinerjanya lengkap.")
        if not row.targets:
            yield finding(Level.PERINGATAN, "targets", f"IKU yang diturunkan ({CASCADE_KINDS[row.kind or 'C']}) belum "
                                                       "punya target; isi kolom Target setiap tahun.")


def _eselon_number(eselon: str) -> int | None:
    return 1 if eselon.startswith("I.") else 2 if eselon.startswith("II.") else None
