"""The .xlsx file as a package of parts: opened once per action, read within bounds, saved losslessly.

Bounds by danger, not by size: a workbook comes from colleagues and e-mail, so a part that would
inflate beyond what this computer's memory can hold, or a thousand times its packed size (a zip bomb),
is refused with a sentence before anything parses it; so is a sheet whose filled cells reach so far
beyond the cells its XML can hold (one stray value in XFD1048576) that a dense reader would try to
allocate billions of cells. A long history is not a danger: a Riwayat of 400,000 rows (about 340 MB of
XML) is read like any other sheet.
"""
from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ...core.cells import column_index
from ...errors import UnreadableFile, os_reason
from .raw_zip import deflated, deflated_stream, raw_parts, write_zip
from .sheet_xml import SheetXml, decode_xstring

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

PART_SHARE = 8          # one part may inflate to an eighth of the memory the program may use
TOTAL_SHARE = 3         # all parts together to a third
MAX_RATIO = 400         # sheet XML deflates 10 to 30 times; bombs a thousand times and more
MAX_SHEET_CELLS = 4_000_000  # a dense grid this large is always allowed (rows x columns of the filled area)
XML_BYTES_PER_CELL = 16      # beyond it, a dense grid may hold one cell per this many bytes of the sheet's XML
FALLBACK_MEMORY = 4 << 30    # where the system does not say how much memory there is
PIECE = 4 << 20              # inflated at a time when a part is read in pieces


def memory_budget() -> int:
    """The memory this process may use: the computer's, or less when the process is limited."""
    try:
        budget = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # Windows has no sysconf
        budget = FALLBACK_MEMORY
    try:
        import resource

        limit = resource.getrlimit(resource.RLIMIT_AS)[0]
        if limit != resource.RLIM_INFINITY and limit > 0:
            budget = min(budget, limit)
    except (ImportError, ValueError, OSError):
        pass
    return budget

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_xml(data: bytes):
    return etree.fromstring(data, PARSER)


def xml_bytes(root) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


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
        self._streamed: dict[str, Iterator[bytes]] = {}
        self._levels: dict[str, int] = {}
        self._ends: dict[str, tuple[bytes, int, bytes]] = {}
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
        budget = memory_budget()
        total = 0
        for info in self.infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 20 << 20 and ratio > MAX_RATIO:
                raise UnreadableFile(
                    f"Berkas {self.where} memuat bagian {info.filename} yang membesar {ratio:.0f} kali menjadi "
                    f"{info.file_size >> 20} MB setelah dibuka, ciri berkas yang dirusak; berkas ini tidak dibaca. "
                    "Pakai salinan cadangannya atau simpan ulang dari Excel.", path=self.where)
            if info.file_size > budget // PART_SHARE:
                raise self._too_big(f"bagian {info.filename} sebesar {info.file_size >> 20} MB", budget)
        if total > budget // TOTAL_SHARE:
            raise self._too_big(f"isi sebesar {total >> 20} MB", budget)

    def _too_big(self, what: str, budget: int) -> UnreadableFile:
        return UnreadableFile(
            f"Berkas {self.where} memuat {what} setelah dibuka, lebih dari yang aman dibaca dengan memori komputer "
            f"ini ({budget >> 20} MB); berkas ini tidak dibaca dan tidak diubah. Jalankan di komputer dengan memori "
            "lebih besar, atau tutup program lain lalu coba lagi.", path=self.where)

    # parts

    def names(self) -> list[str]:
        return [i.filename for i in self.infos if i.filename not in self._removed] + \
               [n for n in [*self._changed, *self._streamed] if n not in self._by_name]

    def size(self, name: str) -> int:
        """A part's inflated size (as the zip declares it, bounded by _check_sizes)."""
        self._materialize(name)
        if name in self._changed:
            return len(self._changed[name])
        return self._by_name[name].file_size

    def has(self, name: str) -> bool:
        return name in self._changed or name in self._streamed or (name in self._by_name and name not in self._removed)

    def read(self, name: str, keep: bool = False) -> bytes:
        """A part's bytes; zipfile never inflates beyond the declared size, which _check_sizes bounded."""
        self._materialize(name)
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
        self._ends.pop(name, None)  # the ends of what it held before are not this part's

    def write_stream(self, name: str, chunks: Iterator[bytes], level: int = 1) -> None:
        """A changed part given as its pieces, deflated as they come when the package is saved (once), at the
        fastest level unless `level` says otherwise (a part written once and kept)."""
        self._streamed[name] = chunks
        self._levels[name] = level
        self._cache.pop(name, None)

    def _materialize(self, name: str) -> None:
        """A streamed part read before the save (rare: the stream is meant for the save) is made whole first."""
        if name in self._streamed:
            self._changed[name] = b"".join(self._streamed.pop(name))

    def remove(self, name: str) -> None:
        self._removed.add(name)
        self._changed.pop(name, None)

    def changed_parts(self) -> set[str]:
        return set(self._changed) | set(self._streamed) | self._removed

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
            if part.name in self._streamed:
                parts.append(deflated_stream(part.name, self._streamed.pop(part.name), part,
                                             self._levels.get(part.name, 1)))
            else:
                parts.append(part if changed is None else deflated(part.name, changed, part))
        known = {p.name for p in parts} | self._removed
        parts += [deflated(name, data) for name, data in self._changed.items() if name not in known]
        parts += [deflated_stream(name, self._streamed.pop(name), level=self._levels.get(name, 1))
                  for name in list(self._streamed) if name not in known]
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

    def shared_strings_holding(self, text: str) -> list[int]:
        """The indices of the shared strings that contain `text`."""
        self.shared_string(0)  # the table, read once
        return [index for index, item in enumerate(self._shared or []) if text in item]

    def sheet(self, name: str, date1904: bool | None = None) -> SheetXml:
        parts = self.sheet_parts()
        try:
            xml = self.read(parts[name])
            return SheetXml(xml, self.uses_1904_dates() if date1904 is None else date1904, self.shared_string)
        except ValueError as error:
            raise UnreadableFile(f"Lembar '{name}' di berkas {self.where} rusak; pakai salinan cadangannya.",
                                 sheet=name, path=self.where) from error

    def pieces(self, name: str, size: int = PIECE, as_stored: bool = False) -> Iterator[bytes]:
        """A part's bytes as it is inflated, `size` at a time (its checksum proven at the end): a long
        Riwayat read without holding it whole. `as_stored`: as the workbook held it when read, whatever was
        written to it since."""
        changed = name in self._changed or name in self._streamed
        if not as_stored or not changed:
            self._materialize(name)
            if name in self._changed or name in self._cache:
                yield self.read(name)
                return
        first, offset, last = b"", 0, [b"", b""]
        try:
            with self._zip.open(name) as stream:
                while piece := stream.read(size):
                    first = first or piece
                    offset += len(last[0])
                    last = [last[1], piece]
                    yield piece
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as error:
            raise self._broken() from error
        if not changed:
            self._ends[name] = (first, offset, last[0] + last[1])

    def ends(self, name: str) -> tuple[bytes, int, bytes] | None:
        """(first piece, offset of the last two, the last two pieces) of a part read in pieces to its end
        before: where its tail is found without inflating it again."""
        return self._ends.get(name)

    def sheet_head(self, name: str, date1904: bool | None = None) -> SheetXml:
        """The sheet with its first row only, inflating no more of the part than that takes: the header of a
        long Riwayat is read without unpacking years of history."""
        part = self.sheet_parts()[name]
        self._materialize(part)
        if part in self._changed or part in self._cache:
            return self.sheet(name, date1904)
        head = b""
        try:
            with self._zip.open(part) as stream:
                while len(head) < HEAD_LIMIT:
                    chunk = stream.read(1 << 16)
                    if not chunk:
                        return self.sheet(name, date1904)  # a small part: read whole, its checksum proven
                    head += chunk
                    cut = _first_row_end(head)
                    if cut is not None:
                        head = head[:cut[0]] + b"</" + cut[1] + b"sheetData></worksheet>"
                        return SheetXml(head, self.uses_1904_dates() if date1904 is None else date1904,
                                        self.shared_string)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as error:
            raise self._broken() from error
        return self.sheet(name, date1904)

    def check_extent(self, name: str) -> None:
        """Refuse a sheet whose filled cells span more than a dense reader can hold."""
        xml = self.read(self.sheet_parts()[name])
        rows, columns, far = sheet_extent(xml)
        if rows * columns > max(MAX_SHEET_CELLS, len(xml) // XML_BYTES_PER_CELL):
            raise UnreadableFile(
                f"Lembar '{name}' di berkas {self.where} berisi sel terisi sampai {far}, jauh di luar datanya; "
                f"buka lembar itu, tekan Ctrl+End untuk menemukan sel tersebut, hapus isinya, lalu simpan lagi.",
                sheet=name, cell=far, path=self.where)


def sheet_extent(xml: bytes) -> tuple[int, int, str]:
    """(last filled row, last filled column, the cell that reaches furthest) of a worksheet, from its text."""
    last_row, row_cell = 0, "A1"
    end = xml.rfind(b"sheetData>")  # the x14 lists after it hold <xm:f> too
    opening = _SHEET_DATA.search(xml)
    p = b"<" + (opening.group(1) or b"" if opening else b"")
    # the last value or formula: looked for in the part's last megabyte first, the whole part only when
    # that holds none (a needle that never occurs, such as a formula, would otherwise scan it all)
    needles = [p + m for m in (b"v>", b"is>", b"f>", b"f ")]
    tail = max(xml.rfind(n, max(end - (1 << 20), 0), end) for n in needles)
    if tail < 0:
        tail = max(xml.rfind(n, 0, end) for n in needles)
    if tail >= 0:
        start = xml.rfind(p + b"c ", 0, tail)
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


HEAD_LIMIT = 4 << 20  # a first row longer than this is read with the whole part
_ROW_OPENING = re.compile(rb"<(\w+:)?(row\b|/sheetData>)")


def _first_row_end(head: bytes) -> tuple[int, bytes] | None:
    """(where the second row, or the end of sheetData, starts; the namespace prefix), once the head
    holds all of the first row."""
    opening = re.search(rb"<(\w+:)?sheetData\b", head)
    if opening is None:
        return None
    rows = _ROW_OPENING.finditer(head, opening.end())
    first = next(rows, None)
    if first is None:
        return None
    if first.group(2) == b"/sheetData>":
        return first.start(), first.group(1) or b""
    following = next(rows, None)
    return (following.start(), first.group(1) or b"") if following else None


_SHEET_DATA = re.compile(rb"<(\w+:)?sheetData\b")
# a cell past column Z that holds something (not self-closing: a cell's attributes never contain '/'); the
# pattern starts at the literal r=" of the reference, so the scan skips ahead between candidates
_WIDE_FILLED = re.compile(rb'r="([A-Z]{2,3})(\d+)"[^>/]*>(?!</(?:\w+:)?c>)')
_CELL_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
