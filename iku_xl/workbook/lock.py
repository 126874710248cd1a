"""The program's own lock beside the workbook: one writer at a time, and no lock file left behind.

Written here rather than taken from filelock because filelock leaves its lock file on Unix (removing it
while another process waits on it would let two processes hold "the" lock). This one removes it:
after taking the lock it checks that the file it locked is still the one at the path, and takes it again
when a previous holder removed it in between.
"""
from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
from pathlib import Path

POLL_SECONDS = 0.05


class LockTimeout(Exception):
    """Another process held the lock for longer than the wait allowed."""


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _still_at(path: Path, fd: int) -> bool:
    """True when `fd` is the file now at `path` (a previous holder may have removed it meanwhile)."""
    try:
        at_path, mine = os.stat(path), os.fstat(fd)
    except OSError:
        return False
    return (at_path.st_dev, at_path.st_ino) == (mine.st_dev, mine.st_ino) or sys.platform == "win32"


def _open_plain(path: Path) -> int:
    """The lock file, created if need be, never through a link and never waiting on a pipe; anything there that
    is not a plain file (a link a colleague planted, a folder, a pipe) is refused with a sentence."""
    from ..confined import NOFOLLOW, NONBLOCK, not_a_plain_file

    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | NOFOLLOW | NONBLOCK, 0o666)
    except OSError as error:
        if isinstance(error, PermissionError) and not os.path.islink(path):
            raise
        raise not_a_plain_file(path) from error
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise not_a_plain_file(path)
    return fd


@contextlib.contextmanager
def held(path: Path, timeout: float):
    """Hold the lock file `path` for the duration of the block; it is removed on leaving."""
    deadline = time.monotonic() + timeout
    while True:
        fd = _open_plain(path)
        if _try_lock(fd):
            if _still_at(path, fd):
                break
            _unlock(fd)
        os.close(fd)
        if time.monotonic() > deadline:
            raise LockTimeout(str(path))
        time.sleep(POLL_SECONDS)
    try:
        with contextlib.suppress(OSError):
            os.truncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        if sys.platform != "win32":
            with contextlib.suppress(OSError):
                os.unlink(path)  # while still holding it: a waiter then finds a new file and locks that
        _unlock(fd)
        os.close(fd)
        if sys.platform == "win32":  # Windows cannot remove a file that is open
            with contextlib.suppress(OSError):
                os.unlink(path)
