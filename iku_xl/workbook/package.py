"""The .xlsx file as a package: is it one we can read, and which cells hold errors.

calamine reads an error cell (#REF!, #N/A) as empty, so the error cells are found here by
scanning the sheet XML itself.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from defusedxml import ElementTree

from ..errors import UnreadableFile

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def check_readable(path: Path) -> None:
    """Raise UnreadableFile with one sentence when `path` is not an .xlsx we can open."""
    shown = str(path)
    if not path.exists():
        raise UnreadableFile(f"Berkas {shown} tidak ada; periksa nama dan foldernya.", path=shown)
    if path.is_dir():
        raise UnreadableFile(f"{shown} adalah folder, bukan berkas Excel.", path=shown)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head == _CFB_MAGIC:
                if _ENCRYPTION_STREAM in handle.read(1 << 20):
                    raise UnreadableFile(f"Berkas {shown} dilindungi kata sandi; buka di Excel, hapus kata sandinya "
                                         "(File > Info > Protect Workbook), lalu simpan ulang.", path=shown)
                raise UnreadableFile(f"Berkas {shown} berformat Excel lama (.xls); buka di Excel lalu simpan sebagai "
                                     "Excel Workbook (.xlsx).", path=shown)
    except OSError as error:
        raise UnreadableFile(f"Berkas {shown} tidak bisa dibaca ({error.strerror}).", path=shown) from error
    if not head.startswith(b"PK"):
        raise UnreadableFile(f"Berkas {shown} bukan buku kerja Excel (.xlsx).", path=shown)
    try:
        with zipfile.ZipFile(path) as package:
            if "xl/workbook.xml" not in package.namelist():
                raise UnreadableFile(f"Berkas {shown} adalah arsip zip tetapi bukan buku kerja Excel.", path=shown)
    except zipfile.BadZipFile as error:
        raise UnreadableFile(f"Berkas {shown} rusak atau terpotong; pakai salinan cadangannya atau simpan ulang dari Excel.",
                             path=shown) from error


def sheet_parts(package: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its XML part inside the package."""
    workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.findall("rel:Relationship", _NS)}
    parts = {}
    for sheet in workbook.findall("m:sheets/m:sheet", _NS):
        target = targets.get(sheet.get(f"{{{_NS['r']}}}id"), "")
        parts[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    return parts


_ERROR_CELL = re.compile(rb'<c\b([^>]*\bt="e"[^>]*)>(.*?)</c>', re.S)
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")


def error_cells(path, sheets: list[str]) -> list[tuple[str, str, str]]:
    """(sheet, cell, shown error) for every cell of `sheets` that holds an Excel error value."""
    found = []
    try:
        with zipfile.ZipFile(path) as package:
            parts = sheet_parts(package)
            for sheet in sheets:
                part = parts.get(sheet)
                if not part or part not in package.namelist():
                    continue
                data = package.read(part)
                if b't="e"' not in data:
                    continue
                for match in _ERROR_CELL.finditer(data):
                    ref = _REF.search(match.group(1))
                    value = _VALUE.search(match.group(2))
                    if ref:
                        found.append((sheet, ref.group(1).decode(), value.group(1).decode() if value else "#ERROR"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as error:
        raise UnreadableFile(f"Berkas {path} rusak; pakai salinan cadangannya.", path=str(path)) from error
    return found
