"""What the faces say when something unexpected happens: what did change, where the details are.

The user never sees a traceback or a library's own (English) error text: the details go to a log
file for the maintainers, and the sentence names the files this run had already written.
"""
from __future__ import annotations

import os
import stat
import sys
import traceback
from pathlib import Path

from . import clock

_written: list[Path] = []


def record_written(path: Path) -> None:
    """Called for every file the program finished writing in this run."""
    _written.append(Path(path))


def written_files() -> list[Path]:
    return list(_written)


def forget_written() -> None:
    _written.clear()


def log_folder() -> Path:
    """The user's own cache folder (never a shared temporary file other users could read or plant a link at)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "iku-xl"


def log_file() -> Path:
    return log_folder() / "iku-xl-galat.log"


def _open_log() -> tuple[int, Path]:
    """The log opened for appending: mode 0600, never through a link, only a plain file of this user."""
    from .confined import NOFOLLOW, NONBLOCK

    target = log_file()
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT | NOFOLLOW | NONBLOCK, 0o600)
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or (hasattr(os, "geteuid") and info.st_uid != os.geteuid()):
        os.close(fd)
        raise OSError("not the user's own plain file")
    return fd, target


def _log(error: BaseException) -> Path | None:
    """Where the program failed (the call stack and the kinds of error), for the maintainers; not the errors' own
    text, which may quote what a cell held."""
    try:
        fd, target = _open_log()
    except OSError:
        return None
    lines = [f"--- {clock.machine_now():%Y-%m-%d %H:%M:%S}\n"]
    chain: BaseException | None = error
    seen: set[int] = set()
    while chain is not None and id(chain) not in seen:
        seen.add(id(chain))
        lines.append("".join(traceback.format_tb(chain.__traceback__)))
        lines.append(f"{type(chain).__module__}.{type(chain).__qualname__}\n")
        chain = chain.__cause__ or chain.__context__
    try:
        os.write(fd, "".join(lines).encode("utf-8"))
        return target
    except OSError:
        return None
    finally:
        os.close(fd)


def what_changed() -> str:
    files = written_files()
    if not files:
        return "tidak ada berkas yang diubah"
    shown = ", ".join(str(f) for f in files[:5]) + (f" dan {len(files) - 5} berkas lain" if len(files) > 5 else "")
    return f"berkas yang sudah ditulis sebelum kesalahan itu: {shown}"


def unexpected(error: BaseException) -> str:
    """The one sentence for an error the program did not foresee."""
    where = _log(error)
    details = f"; rinciannya dicatat di {where}" if where else ""
    return (f"terjadi kesalahan tak terduga ({what_changed()}){details}. Laporkan pesan ini ke tim pengelola.")
