"""Rules that guard the records against a careless or hostile edit: no record of a deleted case left behind
(its ID would pass to a new case), no text a cell cannot hold, no setting naming a path outside the folder."""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import PureWindowsPath

from .. import layout
from ..book import Book
from ..findings import Finding, Level
from ..settings import LABELS
from ..text_rules import text_problem
from ..values import text_of


def check(book: Book) -> Iterator[Finding]:
    yield from _orphans(book)
    yield from _cell_texts(book)
    yield from _named_paths(book)


def leaves_folder(text: str) -> bool:
    """True when a path typed in a cell is absolute or climbs out with '..' (read as Windows and POSIX alike);
    links are found only when the path is followed (iku_xl/confined.py)."""
    path = PureWindowsPath(text.strip())
    return bool(path.drive or path.root) or ".." in path.parts


def _named_paths(book: Book) -> Iterator[Finding]:
    sheet = layout.PENGATURAN.name
    for attribute in ("output_folder", "template_folder"):
        text = book.settings.text(attribute)
        if text and leaves_folder(text):
            yield Finding(sheet, book.settings.cell(attribute) or "B1", Level.GALAT, attribute,
                          f"{LABELS[attribute]} '{text}' menunjuk ke luar folder buku kerja; tulis folder di dalam "
                          "folder buku kerja (folder lain hanya lewat --out di baris perintah).")
    for profile in book.profiles:
        for field, label in (("logo", "Berkas Logo"), ("emblem", "Berkas Lambang Garuda")):
            text = text_of(getattr(profile, field))
            if text and leaves_folder(text):
                yield Finding(layout.INSTANSI.name, book.cell(layout.INSTANSI.name, field, profile.row), Level.GALAT,
                              field, f"{label} '{text}' menunjuk ke luar folder buku kerja; salin gambarnya ke folder "
                                     "buku kerja dan tulis namanya saja.")


CASE_ID = re.compile(r"^IKU-\d{4}-\d+$", re.IGNORECASE)  # as core.workflow.next_case_id makes them


def _orphans(book: Book) -> Iterator[Finding]:
    """Riwayat rows and numbers whose case is no longer in Kasus (IKU rows: iku_rules)."""
    known = {c.id_text.lower() for c in book.cases if c.id_text}
    for case_id, row in sorted(book.history_case_ids().items(), key=lambda item: item[1]):
        if case_id.lower() not in known:
            yield Finding(layout.RIWAYAT.name, book.cell(layout.RIWAYAT.name, "case_id", row), Level.GALAT, "case_id",
                          f"Riwayat mencatat kasus {case_id} (mulai baris {row}) yang tidak ada lagi di lembar Kasus; "
                          "kembalikan baris kasusnya (salin dari folder cadangan), jangan menghapus kasus.",
                          case=case_id)
    for sheet, records, what in ((layout.PENOMORAN, book.numbers, "Nomor naskah"),):  # IKU: iku_rules says it
        for record in records:
            case_id = (record.case_id or "")  # a case's ID; a yearly document's number names no case (PK 2027 ..)
            if CASE_ID.match(case_id) and case_id.lower() not in known:
                yield Finding(sheet.name, book.cell(sheet.name, "case_id", record.row), Level.GALAT, "case_id",
                              f"{what} ini milik kasus {case_id} yang tidak ada lagi di lembar Kasus; kembalikan "
                              "baris kasusnya (salin dari folder cadangan), jangan menghapus kasus.", case=case_id)


def _cell_texts(book: Book) -> Iterator[Finding]:
    """Text with control characters or longer than a cell holds, typed by hand into a list sheet."""
    lists = ((layout.KASUS, book.cases), (layout.IKU, book.iku_rows), (layout.PEJABAT, book.officials),
             (layout.PENOMORAN, book.numbers), (layout.INSTANSI, book.profiles), (layout.TIM, book.team),
             (layout.DASAR_HUKUM, book.legal_bases), (layout.POLA_NOMOR, book.number_patterns))
    for sheet, records in lists:
        for record in records:
            for column in sheet.columns:
                value = getattr(record, column.field, None) if dataclasses.is_dataclass(record) else None
                problem = text_problem(value) if isinstance(value, str) else None
                if problem:
                    yield Finding(sheet.name, book.cell(sheet.name, column.field, record.row), Level.GALAT,
                                  column.field, f"Kolom {column.header} {problem}; ketik ulang isinya.")
