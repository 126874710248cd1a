"""The workbook file as the place an action reads from and writes its changes to."""
from __future__ import annotations

from pathlib import Path

from ..core.book import Book
from . import layout
from .patch.workbook_patch import WorkbookPatch
from .reader import read_book
from .record_writer import rebuild_lacak, write_record
from .shared_file import exclusive


class FileStore:
    """Read under the program's lock; changes are patched in and saved once, losslessly."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.folder = self.path.parent
        self.output = Path("output")
        self.book: Book | None = None
        self._dirty = False

    def __enter__(self) -> "FileStore":
        self._lock = exclusive(self.path)
        self._shared = self._lock.__enter__()
        try:
            data = self._shared.read()
            self.book = read_book(self.path, data)
            self._patch = WorkbookPatch(data)
        except BaseException:
            self._lock.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        self._lock.__exit__(*exc)

    def write_record(self, sheet: layout.ListSheet, record, row: int, fields: list[str] | None = None) -> None:
        write_record(self._patch, self.book, sheet, record, row, fields)
        self._dirty = True

    def rebuild_lacak(self, code: str) -> None:
        self._dirty |= rebuild_lacak(self._patch, self.book, code)

    def commit(self) -> None:
        if self._dirty:
            self._shared.write(self._patch.to_bytes())


def store_for(target) -> "FileStore":
    """An action's target: a store already made (the live workbook), or a path to a file."""
    return target if hasattr(target, "write_record") else FileStore(target)
