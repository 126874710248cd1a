"""The command line with a hook inside the workbook's save, for the kill tests in test_shared_use.py.

`python -m tests.workbook.save_hook POINT iku-xl-arguments...`: when the save of the workbook (the second
argument) reaches POINT, the process prints POINT and waits to be killed, so the test kills it at that
point and no other. POINT is one of POINTS.
"""
from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

POINTS = ("backup_written", "half_written", "before_rename", "after_rename")


def _stop_here(point: str) -> None:
    print(point, flush=True)
    while True:  # until the test's SIGKILL
        signal.pause()


def _install(point: str, workbook: Path) -> None:
    from iku_xl import files
    from iku_xl.workbook import shared_file

    def is_workbook(path) -> bool:
        return Path(path).resolve() == workbook

    if point == "backup_written":
        backup = shared_file.SharedWorkbook._backup

        def backup_then_stop(self, snapshot):
            backup(self, snapshot)
            _stop_here(point)
        shared_file.SharedWorkbook._backup = backup_then_stop  # type: ignore[method-assign]
    elif point == "half_written":
        write_bytes = Path.write_bytes

        def half_then_stop(self, data):
            if self.parent.resolve() == workbook.parent and self.name.startswith(f".~{workbook.stem}-"):
                with self.open("wb") as temporary:  # the new workbook's first half is on disk
                    temporary.write(data[:len(data) // 2])
                    temporary.flush()
                    os.fsync(temporary.fileno())
                _stop_here(point)
            return write_bytes(self, data)
        Path.write_bytes = half_then_stop  # type: ignore[method-assign]
    elif point == "before_rename":
        replace = os.replace

        def stop_then_replace(source, target):
            if is_workbook(target):
                _stop_here(point)
            replace(source, target)
        files.os.replace = stop_then_replace  # type: ignore[assignment]
    elif point == "after_rename":
        recorded = files.record_written

        def stop_after(path):
            recorded(path)
            if is_workbook(path):
                _stop_here(point)
        files.record_written = stop_after
    else:
        raise SystemExit(f"unknown point {point}; one of {POINTS}")


def main() -> int:
    point, arguments = sys.argv[1], sys.argv[2:]
    _install(point, Path(arguments[1]).resolve())
    from iku_xl.cli import main as cli

    return cli(arguments)


if __name__ == "__main__":
    sys.exit(main())
