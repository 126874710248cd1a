"""The .xlsx file as a package of parts: opened once per action, read within bounds, saved losslessly.

Bounds: a workbook comes from colleagues and e-mail, so a part that inflates beyond what any IKU
workbook needs (a zip bomb, a runaway sheet) is refused with a sentence before anything parses it,
and so is a sheet whose filled cells reach so far (one stray value in XFD1048576) that a dense
reader would try to allocate billions of cells.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

from lxml import etree

from ...core.cells import column_index
from ...errors import UnreadableFile, os_reason
from .raw_zip import deflated, raw_parts, write_zip
from .sheet_xml import SheetXml, decode_xstring

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

MAX_PART_BYTES = 200 << 20     # a Riwayat of 200,000 moves is about 170 MB of XML
MAX_TOTAL_BYTES = 400 << 20
MAX_RATIO = 400                # sheet XML deflates 10 to 30 times; bombs a thousand times and more
MAX_SHEET_CELLS = 4_000_000    # rows x columns of a sheet's filled area, as a dense reader holds it

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_xml(data: bytes):
    return etree.fromstring(data, PARSER)


def xml_bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def check_readable(path: Path) -> None:
    """Raise UnreadableFile with one sentence when `path` is not an .xlsx we can open."""
    shown = str(path)
    if not path.exists():
        raise UnreadableFile(f"Berkas {shown} tidak ada; periksa nama dan foldernya.", path=shown)
    if path.is_dir():
        raise UnreadableFile(f"{shown} adalah folder, bukan berkas Excel.", path=shown)
    if not path.is_file():  # a pipe or a device: opening it would wait for ever
        raise UnreadableFile(f"{shown} bukan berkas biasa (pipa atau perangkat), bukan berkas Excel.", path=shown)
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
        raise UnreadableFile(f"Berkas {shown} tidak bisa dibaca ({os_reason(error)}).", path=shown) from error
    if not head.startswith(b"PK"):
        raise UnreadableFile(f"Berkas {shown} bukan buku kerja Excel (.xlsx).", path=shown)


class Package:
    """The parts of one workbook; untouched parts are written back exactly as they were stored."""

    def __init__(self, data: bytes, where: str = "buku kerja"):
        self._data = data
        self.where = where
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            self.infos = self._zip.infolist()
        except (zipfile.BadZipFile, ValueError, OSError) as error:
            raise self._broken() from error
        self._by_name = {info.filename: info for info in self.infos}
        if "xl/workbook.xml" not in self._by_name:
            raise UnreadableFile(f"Berkas {where} adalah arsip zip tetapi bukan buku kerja Excel.", path=where)
        self._check_sizes()
        self._changed: dict[str, bytes] = {}
        self._removed: set[str] = set()
        self._cache: dict[str, bytes] = {}
        self._shared: list[str] | None = None
        self._sheet_parts: dict[str, str] | None = None

    @property
    def data(self) -> bytes:
        """The package as it was read."""
        return self._data

    def _broken(self) -> UnreadableFile:
        return UnreadableFile(f"Berkas {self.where} rusak atau terpotong; pakai salinan cadangannya atau simpan ulang "
                              "dari Excel.", path=self.where)

    def _check_sizes(self) -> None:
        total = 0
        for info in self.infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_PART_BYTES or (info.file_size > 20 << 20 and ratio > MAX_RATIO):
                raise UnreadableFile(
                    f"Berkas {self.where} memuat bagian {info.filename} sebesar {info.file_size >> 20} MB setelah "
                    "dibuka, jauh di atas ukuran buku kerja IKU; berkas ini tidak dibaca. Pakai salinan cadangannya "
                    "atau simpan ulang dari Excel tanpa data yang tidak perlu.", path=self.where)
        if total > MAX_TOTAL_BYTES:
            raise UnreadableFile(f"Isi berkas {self.where} setelah dibuka {total >> 20} MB, melebihi batas "
                                 f"{MAX_TOTAL_BYTES >> 20} MB; berkas ini tidak dibaca.", path=self.where)

    # parts

    def names(self) -> list[str]:
        return [i.filename for i in self.infos if i.filename not in self._removed] + \
               [n for n in self._changed if n not in self._by_name]

    def has(self, name: str) -> bool:
        return name in self._changed or (name in self._by_name and name not in self._removed)

    def read(self, name: str, keep: bool = False) -> bytes:
        """A part's bytes; zipfile never inflates beyond the declared size, which _check_sizes bounded."""
        if name in self._changed:
            return self._changed[name]
        if name in self._cache:
            return self._cache[name]
        try:
            data = self._zip.read(name)
        except KeyError:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
            raise self._broken() from error
        if keep:
            self._cache[name] = data
        return data

    def write(self, name: str, data: bytes) -> None:
        self._changed[name] = data
        self._cache.pop(name, None)

    def remove(self, name: str) -> None:
        self._removed.add(name)
        self._changed.pop(name, None)

    def changed_parts(self) -> set[str]:
        return set(self._changed) | self._removed

    def xml(self, name: str):
        """A (small, workbook-level) part as an lxml tree."""
        try:
            return parse_xml(self.read(name))
        except etree.XMLSyntaxError as error:
            raise self._broken() from error

    def to_bytes(self) -> bytes:
        """Untouched parts are copied as stored (not even re-compressed); changed and new ones deflated."""
        parts = []
        for part in raw_parts(self._data):
            if part.name in self._removed:
                continue
            changed = self._changed.get(part.name)
            parts.append(part if changed is None else deflated(part.name, changed, part))
        known = {p.name for p in parts} | self._removed
        parts += [deflated(name, data) for name, data in self._changed.items() if name not in known]
        return write_zip(parts)

    # relationships and the workbook

    def rels_name(self, part: str) -> str:
        folder, name = posixpath.split(part)
        return posixpath.join(folder, "_rels", f"{name}.rels")

    def rels_of(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type, target part path) of `part`'s internal relationships."""
        rels_name = self.rels_name(part)
        if not self.has(rels_name):
            return {}
        folder = posixpath.dirname(part)
        found = {}
        for rel in self.xml(rels_name).iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found[rel.get("Id", "")] = (rel.get("Type", ""), path)
        return found

    def related(self, part: str, type_suffix: str) -> str | None:
        return next((t for kind, t in self.rels_of(part).values() if kind.endswith(type_suffix)), None)

    def sheet_parts(self) -> dict[str, str]:
        """Sheet name -> its worksheet part, in workbook order."""
        if self._sheet_parts is None or "xl/workbook.xml" in self._changed:
            rels = self.rels_of("xl/workbook.xml")
            parts = {}
            for sheet in self.xml("xl/workbook.xml").iter(f"{{{MAIN_NS}}}sheet"):
                rel = rels.get(sheet.get(f"{{{R_NS}}}id", ""))
                if rel:
                    parts[sheet.get("name", "")] = rel[1]
            self._sheet_parts = parts
        return dict(self._sheet_parts)

    def uses_1904_dates(self) -> bool:
        properties = self.xml("xl/workbook.xml").find(f"{{{MAIN_NS}}}workbookPr")
        return properties is not None and properties.get("date1904", "0") in ("1", "true")

    def shared_string(self, index: int) -> str:
        if self._shared is None:
            part = self.related("xl/workbook.xml", "/sharedStrings")
            self._shared = []
            if part and self.has(part):
                item_tag, text_tag, phonetic = (f"{{{MAIN_NS}}}{name}" for name in ("si", "t", "rPh"))
                for _, item in etree.iterparse(io.BytesIO(self.read(part)), tag=item_tag, resolve_entities=False,
                                               no_network=True):
                    self._shared.append(decode_xstring("".join(
                        t.text or "" for t in item.iter(text_tag) if t.getparent().tag != phonetic)))
                    item.clear()
        return self._shared[index] if 0 <= index < len(self._shared) else ""

    def sheet(self, name: str, date1904: bool | None = None) -> SheetXml:
        parts = self.sheet_parts()
        try:
            xml = self.read(parts[name])
            return SheetXml(xml, self.uses_1904_dates() if date1904 is None else date1904, self.shared_string)
        except ValueError as error:
            raise UnreadableFile(f"Lembar '{name}' di berkas {self.where} rusak; pakai salinan cadangannya.",
                                 sheet=name, path=self.where) from error

    def check_extent(self, name: str) -> None:
        """Refuse a sheet whose filled cells span more than a dense reader can hold."""
        rows, columns, far = sheet_extent(self.read(self.sheet_parts()[name]))
        if rows * columns > MAX_SHEET_CELLS:
            raise UnreadableFile(
                f"Lembar '{name}' di berkas {self.where} berisi sel terisi sampai {far}, jauh di luar datanya; "
                f"buka lembar itu, tekan Ctrl+End untuk menemukan sel tersebut, hapus isinya, lalu simpan lagi.",
                sheet=name, cell=far, path=self.where)


def sheet_extent(xml: bytes) -> tuple[int, int, str]:
    """(last filled row, last filled column, the cell that reaches furthest) of a worksheet, from its text."""
    last_row, row_cell = 0, "A1"
    end = xml.rfind(b"sheetData>")  # the x14 lists after it hold <xm:f> too
    tail = max(xml.rfind(m, 0, end) for m in (b"<v>", b"<is>", b"<f>", b"<f ", b":v>", b":is>", b":f>", b":f "))
    if tail >= 0:
        start = max(xml.rfind(b"<c ", 0, tail), xml.rfind(b":c ", 0, tail))
        found = _CELL_REF.search(xml, max(start, 0), tail)
        if found:
            last_row, row_cell = int(found.group(2)), (found.group(1) + found.group(2)).decode()
    last_column, column_cell = 1, "A1"
    for match in _WIDE_FILLED.finditer(xml):  # only cells past column Z are looked at one by one
        index = column_index(match.group(1).decode())
        if index > last_column:
            last_column, column_cell = index, (match.group(1) + match.group(2)).decode()
    far = column_cell if last_column * 1000 > last_row else row_cell
    return last_row, max(last_column, 26), far


# a cell that holds something (not self-closing: a cell's attributes never contain '/')
_WIDE_FILLED = re.compile(rb'<(?:\w+:)?c\b[^>/]*?\br="([A-Z]{2,3})(\d+)"[^>/]*>(?!</(?:\w+:)?c>)')
_CELL_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
