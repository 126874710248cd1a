"""Rules on the IKU sheet."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from itertools import pairwise

from .. import layout
from ..book import Book
from ..findings import Finding, Level
from ..iku import POLARISASI, IkuRow, is_numeric_unit
from ..values import is_blank, text_of

SHEET = layout.IKU.name
MAX_IKU_PER_SASARAN = 3
REQUIRED = (("case_id", "ID Kasus"), ("sasaran", "Sasaran Strategis"), ("indikator", "Indikator Kinerja Utama"),
            ("definisi", "Definisi/Formula"), ("satuan", "Satuan"), ("sumber_data", "Sumber Data"),
            ("penanggung_jawab", "Penanggung Jawab"))


def check(book: Book) -> Iterator[Finding]:
    case_ids = {c.id_text for c in book.cases if c.id_text}
    per_sasaran: dict[tuple[str, str], list[IkuRow]] = defaultdict(list)
    for row in book.iku_rows:
        case_id = (row.case_id or "") or None

        def finding(level: Level, field: str, message: str, cell: str | None = None, row: IkuRow = row,
                    case_id: str | None = case_id) -> Finding:
            return Finding(SHEET, cell or book.cell(SHEET, field, row.row), level, field, message, case=case_id)

        for field, label in REQUIRED:
            if is_blank(getattr(row, field)):
                yield finding(Level.GALAT, field, f"{label} kosong; isi kolom ini.")
        if case_id and case_id not in case_ids:
            yield finding(Level.GALAT, "case_id", f"ID kasus '{case_id}' tidak ada di lembar Kasus; periksa "
                                                  "ketikannya.")
        if not row.targets:
            yield finding(Level.GALAT, "targets", "Belum ada target tahunan; isi minimal satu kolom Target.")
        if is_numeric_unit(row.satuan):
            for year, target in row.targets.items():
                if not is_blank(target) and not isinstance(target, (int, float)):
                    yield finding(Level.GALAT, f"target:{year}",
                                  f"Target {year} '{text_of(target)}' bukan angka padahal satuannya "
                                  f"{row.satuan or ''}; tulis angka saja.",
                                  cell=book.cell(SHEET, f"target:{year}", row.row))
        yield from _polarity(book, row, finding)
        if row.sasaran:
            per_sasaran[(case_id or "", (row.sasaran or "").lower())].append(row)
    for rows in per_sasaran.values():
        if len(rows) > MAX_IKU_PER_SASARAN:
            extra = rows[MAX_IKU_PER_SASARAN]
            yield Finding(SHEET, book.cell(SHEET, "sasaran", extra.row), Level.PERINGATAN, "sasaran",
                          f"Sasaran Strategis '{extra.sasaran or ''}' punya {len(rows)} IKU, lebih dari "
                          f"{MAX_IKU_PER_SASARAN}; "
                          "pertimbangkan untuk memilih yang paling utama.", case=(extra.case_id or "") or None)


def _polarity(book: Book, row: IkuRow, finding: Callable[..., Finding]) -> Iterator[Finding]:
    """Polarisasi filled and known, and targets that move its way: up for Maksimal, down for Minimal."""
    if not row.polarisasi:
        yield finding(Level.PERINGATAN, "polarisasi", f"Polarisasi kosong; pilih {', '.join(POLARISASI[:-1])} atau "
                                                      f"{POLARISASI[-1]} agar capaian IKU ini bisa dinilai.")
        return
    if row.polarity is None:
        yield finding(Level.PERINGATAN, "polarisasi", f"Polarisasi '{row.polarisasi or ''}' tidak dikenal; pilih "
                                                      f"{', '.join(POLARISASI[:-1])} atau {POLARISASI[-1]}.")
        return
    numbers = [(y, t) for y, t in sorted(row.targets.items()) if isinstance(t, (int, float))
               and not isinstance(t, bool)]
    for (year_before, before), (year, target) in pairwise(numbers):
        wrong = (row.polarity == "Maksimal" and target < before) or (row.polarity == "Minimal" and target > before)
        if wrong:
            way = "naik" if row.polarity == "Maksimal" else "turun"
            yield finding(Level.PERINGATAN, f"target:{year}",
                          f"Target {year} ({text_of(target)}) {'turun' if target < before else 'naik'} dari target "
                          f"{year_before} ({text_of(before)}), padahal polarisasinya {row.polarity} (makin "
                          f"{'besar' if way == 'naik' else 'kecil'} makin baik); periksa target atau polarisasinya.",
                          cell=book.cell(SHEET, f"target:{year}", row.row))
            break
