"""`sop import FILE`: which reader a file needs, told by its content rather than its name."""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import UnreadableFile
from .sop_rows import Cell, ImportedSop, parse_sop_rows

MAX_BYTES = 50 * 1024 * 1024  # an SOP is a few pages; anything larger is not one
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, Excel .xls


def _text_of(data: bytes, path: Path) -> str:
    if b"\x00" in data[:4096]:
        raise UnreadableFile(f"Berkas {path.name} bukan Word (.docx), PDF, Excel (.xlsx) atau teks; simpan SOP-nya "
                             "dalam salah satu bentuk itu, lalu impor lagi.", path=str(path))
    for encoding in ("utf-8-sig", "cp1252"):  # Word on Windows saves text as cp1252 unless told otherwise
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(f"Berkas {path.name} bukan berkas teks yang terbaca.", path=str(path))


def _xlsx_rows(path: Path) -> list[list[Cell]]:
    """An SOP kept in an Excel sheet: every sheet's cells, one row a row."""
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    rows: list[list[Cell]] = []
    for name in workbook.sheet_names:
        for values in workbook.get_sheet_by_name(name).to_python():
            rows.append([Cell("" if v is None else str(v).strip()) for v in values])
    return rows


def read_sop_file(path: Path, code: str) -> ImportedSop:
    from .sop_text import read_sop_text

    if not path.is_file():
        raise UnreadableFile(f"Berkas {path} tidak ada; periksa nama dan foldernya.", path=str(path))
    if path.stat().st_size > MAX_BYTES:
        raise UnreadableFile(f"Berkas {path.name} lebih dari 50 MB; itu bukan SOP AP.", path=str(path))
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        from .sop_pdf import read_pdf_rows

        rows, text = read_pdf_rows(path)
        if text is not None:
            return _as(read_sop_text(text, code), "PDF (teks)")
        return parse_sop_rows(rows, code, "PDF")
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            names = set()
        if "word/document.xml" in names:
            from .sop_docx import read_docx_rows

            return parse_sop_rows(read_docx_rows(path), code, "Word")
        if "xl/workbook.xml" in names:
            return parse_sop_rows(_xlsx_rows(path), code, "Excel")
        raise UnreadableFile(f"Berkas {path.name} berbentuk zip tetapi bukan Word (.docx) atau Excel (.xlsx); "
                             "buka di Word dan simpan sebagai .docx, lalu impor lagi.", path=str(path))
    if data.startswith(_OLE):
        raise UnreadableFile(f"Berkas {path.name} berbentuk Word/Excel lama (97-2003); buka lalu simpan sebagai "
                             ".docx (File > Save As > Word Document), lalu impor lagi.", path=str(path))
    return read_sop_text(_text_of(data, path), code)


def _as(imported: ImportedSop, source: str) -> ImportedSop:
    imported.source = source
    return imported
