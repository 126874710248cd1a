"""The kinds of user mistake, each with the place it concerns and a message in Bahasa Indonesia.

The faces (command line, Excel macros) turn these into exit codes or message boxes; nothing
below them prints or exits.
"""
from __future__ import annotations

import errno


def os_reason(error: OSError) -> str:
    """What the operating system refused, in Bahasa Indonesia (its own text is English)."""
    reasons = {errno.ENOSPC: "disk penuh", errno.EFBIG: "berkas melebihi batas ukuran", errno.EACCES: "tidak ada izin",
               errno.EPERM: "tidak ada izin", errno.EROFS: "disk hanya-baca", errno.EDQUOT: "kuota disk habis",
               errno.ENOENT: "berkas atau folder tidak ada", errno.EISDIR: "itu sebuah folder",
               errno.ENAMETOOLONG: "nama atau alamat berkas "
                                   "terlalu panjang", errno.EBUSY: "sedang dipakai program lain"}
    return reasons.get(error.errno or 0, "kesalahan sistem berkas")


class IkuError(Exception):
    """A problem the user can fix; `message` is one sentence in Bahasa Indonesia."""

    exit_code = 1

    def __init__(self, message: str, *, sheet: str | None = None, cell: str | None = None,
                 path: str | None = None):
        super().__init__(message)
        self.message = message
        self.sheet = sheet
        self.cell = cell
        self.path = path

    def __str__(self) -> str:
        where = []
        if self.path:
            where.append(f"berkas {self.path}")
        if self.sheet:
            where.append(f"lembar '{self.sheet}'" + (f" sel {self.cell}" if self.cell else ""))
        return (", ".join(where) + ": " if where else "") + self.message


class UsageError(IkuError):
    """The command was called with wrong arguments."""
    exit_code = 2


class UnreadableFile(IkuError):
    """The file is missing, not a workbook, truncated, encrypted or an old .xls."""
    exit_code = 2


class MissingSheet(IkuError):
    """A sheet the program needs is not in the workbook."""
    exit_code = 2


class RenamedHeader(IkuError):
    """A column header the program needs was renamed or removed."""
    exit_code = 2


class SopTextError(IkuError):
    """A text file does not have the layout of an SOP AP."""
    exit_code = 2


class Refused(IkuError):
    """The action is not allowed in the workbook's current state."""
    exit_code = 1


class WorkbookInUse(Refused):
    """Someone has the workbook open in Excel or LibreOffice, or another run is writing it."""


class ChangedOnDisk(Refused):
    """The workbook was saved by someone else while the program was working on it."""


class CannotSave(Refused):
    """The operating system refused to write the file (permissions, full disk)."""


class UnsafePath(Refused):
    """A cell names a file or folder outside the workbook's folder, or something that is not the plain file it
    should be (a link, a pipe, a folder, an oversized or disguised picture)."""
