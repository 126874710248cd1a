"""Writing the shared workbook safely: one writer at a time, never over an open or changed file.

A save is atomic (a new file renamed over the old one), keeps the last versions as backups,
and is refused when Excel or LibreOffice holds the file or when it changed since it was read.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import CannotSave, ChangedOnDisk, WorkbookInUse
from ..files import atomic_output

BACKUPS_KEPT = 5
LOCK_WAIT_SECONDS = 60


def _excel_owner(path: Path) -> Path | None:
    """Excel's owner file: ~$ plus the name, with its first two letters dropped when the name is long."""
    for name in (f"~${path.name}", f"~${path.name[2:]}"):
        candidate = path.with_name(name)
        if candidate.exists():
            return candidate
    return None


def _excel_owner_name(owner: Path) -> str:
    try:
        data = owner.read_bytes()
    except OSError:
        return ""
    if data and 0 < data[0] <= 53:
        name = data[1:1 + data[0]].decode("cp1252", errors="replace").strip()
        if name:
            return name
    if len(data) >= 56:
        return data[55:].split(b"\x00\x00")[0].decode("utf-16-le", errors="ignore").strip()
    return ""


def holder(path: Path) -> str | None:
    """A sentence naming who has `path` open in Excel or LibreOffice, or None."""
    owner = _excel_owner(path)
    if owner:
        who = _excel_owner_name(owner)
        return (f"Berkas {path.name} sedang dibuka di Excel{f' oleh {who}' if who else ''}; tutup dulu di Excel "
                f"(atau hapus {owner.name} bila tidak ada yang membukanya), lalu jalankan lagi.")
    lock = path.with_name(f".~lock.{path.name}#")
    if lock.exists():
        fields = lock.read_text(encoding="utf-8", errors="replace").split(",")
        who = fields[1].strip() if len(fields) > 1 else ""
        host = fields[2].strip() if len(fields) > 2 else ""
        by = f" oleh {who}" + (f" di komputer {host}" if host else "") if who else ""
        return (f"Berkas {path.name} sedang dibuka di LibreOffice{by}; tutup dulu "
                f"(atau hapus {lock.name} bila tidak ada yang membukanya), lalu jalankan lagi.")
    return None


@dataclass
class Snapshot:
    data: bytes
    digest: str


class SharedWorkbook:
    """Read once, then write back, with the program's own lock held in between."""

    def __init__(self, path: Path):
        self.path = path
        self.snapshot: Snapshot | None = None

    def read(self) -> bytes:
        data = self.path.read_bytes()
        self.snapshot = Snapshot(data, hashlib.sha256(data).hexdigest())
        return data

    def write(self, data: bytes) -> None:
        in_use = holder(self.path)
        if in_use:
            raise WorkbookInUse(in_use, path=str(self.path))
        now = hashlib.sha256(self.path.read_bytes()).hexdigest()
        if self.snapshot is None or now != self.snapshot.digest:
            raise ChangedOnDisk(f"Berkas {self.path.name} baru saja disimpan orang lain; tidak ada yang ditimpa. "
                                "Jalankan perintahnya lagi.", path=str(self.path))
        try:
            self._backup()
            with atomic_output(self.path) as temporary:
                temporary.write_bytes(data)
        except OSError as error:
            raise CannotSave(f"Berkas {self.path.name} tidak bisa disimpan ({error.strerror or error}); periksa izin "
                             "folder dan ruang disk, lalu jalankan lagi. Berkas lama tidak berubah.",
                             path=str(self.path)) from error

    def _backup(self) -> None:
        folder = self.path.parent / "cadangan"
        folder.mkdir(exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        shutil.copy2(self.path, folder / f"{self.path.stem}-{stamp}{self.path.suffix}")
        kept = sorted(folder.glob(f"{self.path.stem}-*{self.path.suffix}"))
        for old in kept[:-BACKUPS_KEPT]:
            old.unlink(missing_ok=True)


@contextlib.contextmanager
def exclusive(path: Path):
    """Hold the program's lock on `path` for one read-change-write; refuse if a person holds the file."""
    from filelock import FileLock, Timeout

    from .ooxml.package import check_readable

    check_readable(path)
    in_use = holder(path)
    if in_use:
        raise WorkbookInUse(in_use, path=str(path))
    lock = FileLock(str(path.with_name(f".{path.name}.iku-lock")))
    try:
        lock.acquire(timeout=LOCK_WAIT_SECONDS)
    except Timeout as error:
        raise WorkbookInUse(f"Berkas {path.name} sedang ditulis oleh proses iku-xl lain lebih dari "
                            f"{LOCK_WAIT_SECONDS} detik; coba lagi sebentar lagi.", path=str(path)) from error
    try:
        yield SharedWorkbook(path)
    finally:
        lock.release()  # the lock file stays: unlinking it would let two runs lock different files
