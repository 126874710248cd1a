"""`sop import FILE`: which reader a file needs, told by its content rather than its name."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import IkuError, UnreadableFile
from .bounds import check_archive, check_file_size, check_sheet_cells, check_text
from .sop_rows import Cell, ImportedSop, parse_sop_rows

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, Excel .xls
_UTF16 = (b"\xff\xfe", b"\xfe\xff")  # Notepad's "Unicode" and "Unicode big endian"


def _text_of(data: bytes, path: Path) -> str:
    if data.startswith(_UTF16):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableFile(f"Berkas {path.name} bertanda teks Unicode (UTF-16) tetapi isinya rusak; simpan "
                                 "ulang sebagai teks UTF-8, lalu impor lagi.", path=str(path)) from None
    if b"\x00" in data[:4096]:
        raise UnreadableFile(f"Berkas {path.name} bukan Word (.docx), PDF, Excel (.xlsx) atau teks; simpan SOP-nya "
                             "dalam salah satu bentuk itu, lalu impor lagi.", path=str(path))
    for encoding in ("utf-8-sig", "cp1252"):  # Word on Windows saves text as cp1252 unless told otherwise
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(f"Berkas {path.name} bukan berkas teks yang terbaca.", path=str(path))


def _xlsx_rows(path: Path, data: bytes) -> list[list[Cell]]:
    """An SOP kept in an Excel sheet: every sheet's cells, one row a row. Each sheet's reach is measured from
    its XML first: calamine allocates the whole filled area, and one value in XFD1048576 aborts the process."""
    from python_calamine import CalamineWorkbook

    from ..workbook.ooxml.package import Package, sheet_extent

    package = Package(data, path.name)
    for name, part in package.sheet_parts().items():
        if package.has(part):
            check_sheet_cells(path, name, *sheet_extent(package.read(part)))
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    rows: list[list[Cell]] = []
    for name in workbook.sheet_names:
        for values in workbook.get_sheet_by_name(name).to_python():
            rows.append([Cell("" if v is None else str(v).strip()) for v in values])
    return rows


def read_sop_file(path: Path, code: str) -> ImportedSop:
    """The SOP in `path`, whatever form it has; a file beyond the bounds (importers/bounds.py), broken or of
    another kind ends in one sentence (UnreadableFile, exit 2), never in a library's own error."""
    try:
        return _read(path, code)
    except IkuError:
        raise
    except Exception as error:  # a library's own error (a recursion, memory) about a broken file: a sentence
        raise _unreadable(path) from error


def _unreadable(path: Path) -> UnreadableFile:
    return UnreadableFile(f"Berkas {path.name} rusak, terpotong atau tersusun tidak wajar sehingga tidak bisa dibaca; "
                          "buka di Word, Excel atau pembaca PDF dan simpan ulang, lalu impor lagi.", path=str(path))


def _read(path: Path, code: str) -> ImportedSop:
    from .sop_text import read_sop_text

    if not path.is_file():
        raise UnreadableFile(f"Berkas {path} tidak ada atau bukan berkas biasa; periksa nama dan foldernya.",
                             path=str(path))
    check_file_size(path, path.stat().st_size)
    data = path.read_bytes()
    check_file_size(path, len(data))
    if data.startswith(b"%PDF"):
        from .sop_pdf import read_pdf_rows

        rows, text = read_pdf_rows(path)
        if text is not None:
            check_text(path, text)
            return _as(read_sop_text(text, code), "PDF (teks)")
        return parse_sop_rows(rows, code, "PDF")
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                check_archive(path, archive)
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            names = set()
        if "word/document.xml" in names:
            from .sop_docx import read_docx_rows

            return parse_sop_rows(read_docx_rows(path), code, "Word")
        if "xl/workbook.xml" in names:
            return parse_sop_rows(_xlsx_rows(path, data), code, "Excel")
        raise UnreadableFile(f"Berkas {path.name} berbentuk zip tetapi bukan Word (.docx) atau Excel (.xlsx); "
                             "buka di Word dan simpan sebagai .docx, lalu impor lagi.", path=str(path))
    if data.startswith(_OLE):
        raise UnreadableFile(f"Berkas {path.name} berbentuk Word/Excel lama (97-2003); buka lalu simpan sebagai "
                             ".docx (File > Save As > Word Document), lalu impor lagi.", path=str(path))
    text = _text_of(data, path)
    check_text(path, text)
    return read_sop_text(text, code)


def _as(imported: ImportedSop, source: str) -> ImportedSop:
    imported.source = source
    return imported
