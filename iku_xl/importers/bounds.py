"""What `sop import` reads at most, checked before the work: an SOP AP is a few pages, so a file that
expands, pages or spreads far beyond that (a zip bomb, a 5,000-page PDF, a stray value in XFD1048576, a
million-line text) is refused in one sentence instead of holding the PC for minutes. The README's security
section states these numbers."""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import UnreadableFile

MAX_BYTES = 50 << 20          # the file itself
MAX_EXPANDED_BYTES = 100 << 20  # a Word or Excel file, all its parts unpacked
MAX_PART_BYTES = 25 << 20     # one part unpacked (document.xml of a long SOP is about 1 MB)
MAX_PAGES = 60                # a PDF
MAX_PAGE_OBJECTS = 60_000     # characters, lines and shapes on one PDF page
MAX_SHEET_CELLS = 200_000     # rows x columns an Excel sheet's filled area spans
MAX_TEXT_CHARS = 1_000_000    # a text copy
MAX_TEXT_LINES = 10_000


def _refuse(path: Path, what: str) -> UnreadableFile:
    return UnreadableFile(f"Berkas {path.name} {what}, jauh di atas ukuran SOP AP; berkas ini tidak dibaca. Simpan "
                          "hanya SOP-nya (tabel identitas dan diagram alir) dalam berkas baru, lalu impor lagi.",
                          path=str(path))


def check_file_size(path: Path, size: int) -> None:
    if size > MAX_BYTES:
        raise _refuse(path, f"berukuran {size >> 20} MB (batas {MAX_BYTES >> 20} MB)")


def check_archive(path: Path, archive: zipfile.ZipFile) -> None:
    """A Word or Excel file whose parts unpack to more than the bounds; and XML with a DTD, which no Word or Excel
    file has (the billion-laughs entity bomb needs one)."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise _refuse(path, f"memuat bagian {info.filename} sebesar {info.file_size >> 20} MB setelah dibuka "
                                f"(batas {MAX_PART_BYTES >> 20} MB)")
    if total > MAX_EXPANDED_BYTES:
        raise _refuse(path, f"berisi {total >> 20} MB setelah dibuka (batas {MAX_EXPANDED_BYTES >> 20} MB)")
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as part:
                head = part.read(1 << 16)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise UnreadableFile(f"Berkas {path.name} memuat XML dengan deklarasi DOCTYPE/ENTITY di bagian "
                                     f"{info.filename}, yang tidak pernah dibuat Word atau Excel; berkas ini tidak "
                                     "dibaca. Buka di Word atau Excel dan simpan ulang, lalu impor lagi.",
                                     path=str(path))


def check_sheet_cells(path: Path, sheet: str, rows: int, columns: int, far: str) -> None:
    if rows * columns > MAX_SHEET_CELLS:
        raise UnreadableFile(f"Lembar '{sheet}' di berkas {path.name} berisi sel terisi sampai {far}, jauh di luar "
                             "tabel SOP; buka lembar itu, tekan Ctrl+End untuk menemukan sel tersebut, hapus isinya, "
                             "simpan, lalu impor lagi.", sheet=sheet, cell=far, path=str(path))


def check_pages(path: Path, pages: int) -> None:
    if pages > MAX_PAGES:
        raise _refuse(path, f"berisi {pages} halaman (batas {MAX_PAGES})")


def check_page_objects(path: Path, number: int, count: int) -> None:
    if count > MAX_PAGE_OBJECTS:
        raise _refuse(path, f"memuat {count} huruf dan garis di halaman {number} (batas {MAX_PAGE_OBJECTS})")


def check_text(path: Path, text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise _refuse(path, f"berisi {len(text)} karakter (batas {MAX_TEXT_CHARS})")
    lines = text.count("\n") + 1
    if lines > MAX_TEXT_LINES:
        raise _refuse(path, f"berisi {lines} baris (batas {MAX_TEXT_LINES})")
