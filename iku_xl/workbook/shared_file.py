"""Writing the shared workbook safely: one writer at a time, never over an open or changed file.

A save is atomic (a new file renamed over the old one), keeps the last versions as backups,
and is refused when Excel or LibreOffice holds the file or when it changed since it was read.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .. import clock
from ..confined import exists_at, inside_folder, read_plain_file
from ..errors import CannotSave, ChangedOnDisk, WorkbookInUse, os_reason
from ..files import atomic_output

BACKUPS_KEPT = 5
BACKUP_FOLDER = "cadangan"
LOCK_WAIT_SECONDS = 60


def _excel_owner(path: Path) -> Path | None:
    """Excel's owner file: ~$ plus the name, with its first two letters dropped when the name is long."""
    for name in (f"~${path.name}", f"~${path.name[2:]}"):
        candidate = path.with_name(name)
        if exists_at(candidate):
            return candidate
    return None


def _excel_owner_name(owner: Path) -> str:
    """The user name in Excel's owner file; the file is read only when it is a plain file (never a pipe)."""
    try:
        data = read_plain_file(owner) or b""
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
    if exists_at(lock):
        try:
            fields = (read_plain_file(lock) or b"").decode("utf-8", errors="replace").split(",")
        except OSError:
            fields = []
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


def _opens_as_workbook(path: Path) -> bool:
    """A zip whose directory reads and names the workbook part (no part is inflated)."""
    try:
        with zipfile.ZipFile(path) as package:
            return "xl/workbook.xml" in package.namelist()
    except (OSError, zipfile.BadZipFile, EOFError, ValueError):
        return False


class SharedWorkbook:
    """Read once, then write back, with the program's own lock held in between.

    `path` is the real file (a symbolic link is followed: the target is written, the link stays)."""

    def __init__(self, path: Path):
        self.path = path
        self.snapshot: Snapshot | None = None
        self.backups = path.parent / BACKUP_FOLDER

    def read(self) -> bytes:
        data = self.path.read_bytes()
        self.snapshot = Snapshot(data, hashlib.sha256(data).hexdigest())
        return data

    def write(self, data: bytes) -> None:
        in_use = holder(self.path)
        if in_use:
            raise WorkbookInUse(in_use, path=str(self.path))
        now = _digest(self.path)
        if self.snapshot is None or now != self.snapshot.digest:
            raise ChangedOnDisk(f"Berkas {self.path.name} baru saja disimpan orang lain; tidak ada yang ditimpa. "
                                "Jalankan perintahnya lagi.", path=str(self.path))
        try:
            self._backup(self.snapshot)
            with atomic_output(self.path) as temporary:
                temporary.write_bytes(data)
        except OSError as error:
            raise CannotSave(f"Berkas {self.path.name} tidak bisa disimpan ({os_reason(error)}); periksa izin "
                             "folder dan ruang disk, lalu jalankan lagi. Berkas lama tidak berubah.",
                             path=str(self.path)) from error
        self._prune()

    def _backup(self, snapshot: Snapshot) -> None:
        """The version being replaced, as a complete copy made from the bytes just read and checked."""
        inside_folder(self.path.parent, BACKUP_FOLDER, "Folder cadangan")  # never a link to another folder
        self.backups.mkdir(exist_ok=True)
        kept = self._own()
        if kept and _digest(kept[-1]) == snapshot.digest:
            return  # the newest backup is this very version (an earlier save of it failed)
        stamp = clock.machine_now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.backups / f"{self.path.stem}-{stamp}{self.path.suffix}"
        with atomic_output(target) as temporary:
            temporary.write_bytes(snapshot.data)
            if _digest(temporary) != snapshot.digest:
                raise OSError(5, "salinan cadangan tidak sama dengan aslinya")

    def _own(self) -> list[Path]:
        """Plain files named as _backup names them (the stamp to the microsecond), oldest first."""
        own = re.compile(rf"{re.escape(self.path.stem)}-\d{{8}}-\d{{6}}-\d{{6}}{re.escape(self.path.suffix)}")
        try:
            names = sorted(entry.name for entry in os.scandir(self.backups)
                           if own.fullmatch(entry.name) and entry.is_file(follow_symlinks=False))
        except OSError:
            return []
        return [self.backups / name for name in names]

    def _kept(self) -> list[Path]:
        """The backups this program wrote: its own name, and a workbook's zip. A colleague's copy in the folder
        (another name, a password-protected or unfinished file) is none of them, so it is never counted nor
        deleted. Only the zip directory is read: a backup holds the very bytes the program had just read and
        opened as a workbook (its digest says so), and inflating every part of every backup on every save
        cost seconds on a long Riwayat."""
        return [path for path in self._own() if _opens_as_workbook(path)]

    def _prune(self) -> None:
        """Keep the newest BACKUPS_KEPT of the program's own backups; older ones of its own go."""
        kept = self._kept()
        for backup in kept[:max(len(kept) - BACKUPS_KEPT, 0)]:
            with contextlib.suppress(OSError):
                backup.unlink()


def _check_writable(path: Path) -> None:
    """A read-only workbook, or a folder where nothing may be written, is refused before any work."""
    mode = path.stat().st_mode
    if not os.access(path, os.W_OK) or not mode & stat.S_IWUSR:
        raise CannotSave(f"Berkas {path.name} hanya-baca; hilangkan tanda hanya-baca (klik kanan > Properties) "
                         "atau salin ke folder Anda sendiri, lalu jalankan lagi. Tidak ada "
                         "yang diubah.", path=str(path))
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK) or not folder.stat().st_mode & stat.S_IWUSR:
        raise CannotSave(f"Folder {folder} tidak boleh ditulisi, jadi {path.name} tidak bisa disimpan di sana; minta "
                         "izin tulis atau salin buku kerja ke folder lain. Tidak ada yang diubah.", path=str(path))


@contextlib.contextmanager
def program_lock(path: Path, wait: float | None = None):
    """The program's own lock on the workbook, shared by the command line and the macros: one action at a
    time, however it was started (a second click on macOS, where RunPython returns at once, waits here)."""
    from .lock import LockTimeout, held

    target = path.resolve()
    seconds = LOCK_WAIT_SECONDS if wait is None else wait
    try:
        with held(target.with_name(f".{target.name}.iku-lock"), seconds):
            yield target
    except LockTimeout as error:
        raise WorkbookInUse(f"Berkas {path.name} sedang dikerjakan oleh aksi iku-xl lain lebih dari "
                            f"{seconds:g} detik; tunggu aksi itu selesai, lalu jalankan lagi.",
                            path=str(path)) from error


@contextlib.contextmanager
def exclusive(path: Path):
    """Hold the program's lock on the workbook for one read-change-write; refuse if a person holds the file."""
    from .ooxml.package import check_readable

    check_readable(path)
    target = path.resolve()  # a symbolic link: the shared file is its target
    for shown in dict.fromkeys((path, target)):
        in_use = holder(shown)
        if in_use:
            raise WorkbookInUse(in_use, path=str(path))
    _check_writable(target)
    with program_lock(path):
        yield SharedWorkbook(target)


def _digest(path: Path) -> str:
    """The file's SHA-256, read in pieces: a copy of a large workbook is not held in memory to check it."""
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()
