"""Writing files so that a crash never leaves half a file where the old one was."""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .failures import record_written


@contextlib.contextmanager
def atomic_output(path: Path, on_replace: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path` in one rename (then `on_replace`
    hears of it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".~{path.stem}-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        if path.exists():  # a shared file keeps who may read and write it
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
        record_written(path)
        if on_replace is not None:
            on_replace(path)
    finally:
        temporary.unlink(missing_ok=True)
