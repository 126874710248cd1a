"""Writing a zip from parts some of which are already deflated.

Python's zipfile cannot write pre-compressed data, so it would deflate every unchanged part of
a template again for every document; in a batch that was most of the time. The format is
simple (local headers, data, central directory), so it is written here for that one use.
"""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class RawPart:
    name: str
    method: int
    crc: int
    size: int
    data: bytes | memoryview  # as stored in the zip (deflated or not)
    date_time: tuple
    external_attr: int


def raw_parts(package_bytes: bytes) -> list[RawPart]:
    """The parts of a zip as stored, without inflating them; each one's data a view into `package_bytes`, not a
    copy (a workbook of 50 MB is not held twice to be saved)."""
    parts = []
    view = memoryview(package_bytes)
    with zipfile.ZipFile(io.BytesIO(package_bytes)) as package:
        for info in package.infolist():
            start = info.header_offset
            name_length, extra_length = struct.unpack("<HH", package_bytes[start + 26:start + 30])
            data_start = start + 30 + name_length + extra_length
            parts.append(RawPart(info.filename, info.compress_type, info.CRC, info.file_size,
                                 view[data_start:data_start + info.compress_size], info.date_time,
                                 info.external_attr))
    return parts


def deflated(name: str, content: bytes, like: RawPart | None = None) -> RawPart:
    """`content` deflated; a large part (a Riwayat of years) with the fastest level, so a save stays quick."""
    level = 1 if len(content) > 2_000_000 else 6
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    return RawPart(name, zipfile.ZIP_DEFLATED, zlib.crc32(content), len(content), data,
                   like.date_time if like else (1980, 1, 1, 0, 0, 0), like.external_attr if like else 0o600 << 16)


def deflated_stream(name: str, chunks: Iterable[bytes], like: RawPart | None = None, level: int = 1) -> RawPart:
    """A large part deflated as its pieces come (by default the fastest level), never held inflated whole."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    packed: list[bytes] = []
    crc = size = 0
    for chunk in chunks:
        crc, size = zlib.crc32(chunk, crc), size + len(chunk)
        packed.append(compressor.compress(chunk))
    packed.append(compressor.flush())
    return RawPart(name, zipfile.ZIP_DEFLATED, crc, size, b"".join(packed),
                   like.date_time if like else (1980, 1, 1, 0, 0, 0), like.external_attr if like else 0o600 << 16)


def _dos_time(date_time: tuple) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day


def write_zip(parts: list[RawPart]) -> bytes:
    """The zip of the parts, each part's data copied once: into the result."""
    chunks: list[bytes | memoryview] = []
    central = bytearray()
    offset = 0
    for part in parts:
        name = part.name.encode("utf-8")
        flags = 0x800 if any(b > 127 for b in name) else 0
        time, date = _dos_time(part.date_time)
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, part.method, time, date, part.crc,
                             len(part.data), part.size, len(name), 0) + name
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, part.method, time, date, part.crc,
                               len(part.data), part.size, len(name), 0, 0, 0, 0, part.external_attr, offset) + name
        chunks += [header, part.data]
        offset += len(header) + len(part.data)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), offset, 0)
    return b"".join([*chunks, central, end])
