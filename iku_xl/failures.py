"""What the faces say when something unexpected happens: what did change, where the details are.

The user never sees a traceback or a library's own (English) error text: the details go to a log
file for the maintainers, and the sentence names the files this run had already written.
"""
from __future__ import annotations

import tempfile
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


def log_file() -> Path:
    return Path(tempfile.gettempdir()) / "iku-xl-galat.log"


def _log(error: BaseException) -> Path | None:
    target = log_file()
    try:
        with target.open("a", encoding="utf-8") as log:
            log.write(f"--- {clock.machine_now():%Y-%m-%d %H:%M:%S}\n")
            log.write("".join(traceback.format_exception(error)))
        return target
    except OSError:
        return None


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
