"""The one home of the rule that a shared workbook names only files inside its own folder.

Whatever a cell names (a logo, the Garuda, a templates folder, the Folder Keluaran, an SOP file typed on
the Panel) is resolved, links included, and refused unless it lies inside the workbook's folder; pictures
are checked by their first bytes and their size before anything reads them; the small files that say who
holds a workbook are read without following links and only when they are plain files.
"""
from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from .errors import UnsafePath

MAX_IMAGE_BYTES = 5 << 20  # a logo or an emblem is a few hundred KB; a larger "picture" is not one
MAX_MARKER_BYTES = 4096    # an owner or lock file is a line or two
_IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def _where(sheet: str | None, cell: str | None) -> str:
    return f" (lembar {sheet}" + (f" sel {cell}" if cell else "") + ")" if sheet else ""


def inside_folder(folder: Path, typed: str | Path, what: str, sheet: str | None = None,
                  cell: str | None = None) -> Path:
    """`typed` counted from `folder` and resolved; refused unless it lies inside `folder` (an absolute path,
    '..' or a link that leads out of it is refused)."""
    base = Path(folder).resolve()
    try:
        resolved = (base / typed).resolve()
    except (OSError, RuntimeError, ValueError) as error:  # a link loop, a NUL in the text
        raise UnsafePath(f"{what} '{typed}'{_where(sheet, cell)} tidak bisa diikuti (tautan berputar atau nama "
                         "tidak sah); tulis nama berkas atau folder di dalam folder buku kerja.",
                         sheet=sheet, cell=cell) from error
    if not resolved.is_relative_to(base):
        raise UnsafePath(f"{what} '{typed}'{_where(sheet, cell)} menunjuk ke luar folder buku kerja {base}; "
                         "hanya berkas dan folder di dalam folder buku kerja yang dipakai, jadi salin ke sana dan "
                         "tulis namanya saja.", sheet=sheet, cell=cell)
    return resolved


def checked_image(path: Path, what: str, sheet: str | None = None, cell: str | None = None) -> Path:
    """`path` when it is a plain PNG or JPEG file of at most MAX_IMAGE_BYTES (told by its content, not its
    name); refused otherwise, before the picture is read."""
    try:
        info = os.stat(path)
    except OSError as error:
        raise UnsafePath(f"Berkas gambar {what} '{path.name}'{_where(sheet, cell)} tidak bisa dibuka.",
                         sheet=sheet, cell=cell) from error
    if not stat.S_ISREG(info.st_mode):
        raise UnsafePath(f"{what} '{path.name}'{_where(sheet, cell)} bukan berkas gambar biasa; tulis nama berkas "
                         "PNG atau JPEG.", sheet=sheet, cell=cell)
    if info.st_size > MAX_IMAGE_BYTES:
        raise UnsafePath(f"Berkas gambar {what} '{path.name}'{_where(sheet, cell)} berukuran "
                         f"{info.st_size >> 20} MB, lebih dari batas {MAX_IMAGE_BYTES >> 20} MB; simpan gambar "
                         "yang lebih kecil (beberapa ratus KB cukup untuk kop).", sheet=sheet, cell=cell)
    head = read_plain_file(path, 8) or b""
    if not any(head.startswith(magic) for magic in _IMAGE_MAGIC):
        raise UnsafePath(f"Berkas {what} '{path.name}'{_where(sheet, cell)} bukan gambar PNG atau JPEG menurut "
                         "isinya; simpan gambarnya sebagai PNG atau JPEG.", sheet=sheet, cell=cell)
    return path


def read_plain_file(path: Path, limit: int = MAX_MARKER_BYTES) -> bytes | None:
    """The first `limit` bytes of `path`, read without following a link and without waiting on a pipe;
    None when nothing is there. Anything there that is not a plain file is refused with a sentence."""
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW | NONBLOCK | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    except OSError as error:
        raise not_a_plain_file(path) from error
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise not_a_plain_file(path)
        return os.read(fd, limit)
    finally:
        os.close(fd)


def not_a_plain_file(path: Path) -> UnsafePath:
    return UnsafePath(f"Di folder {path.parent} ada '{path.name}' yang bukan berkas biasa (tautan, folder atau "
                      "pipa); hapus itu (bukan buatan Excel, LibreOffice atau iku-xl), lalu jalankan lagi. Tidak ada "
                      "yang diubah.", path=str(path))


def exists_at(path: Path) -> bool:
    """Something (a file, a link, even a broken one, a folder, a pipe) is at `path`."""
    with contextlib.suppress(OSError):
        os.lstat(path)
        return True
    return False
