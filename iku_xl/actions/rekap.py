"""iku-xl rekap: many units' workbooks read (never written) into one .xlsx of their SOPs for a semester."""
from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import clock
from ..core.monitoring import parse_semester
from ..errors import CannotSave, UsageError, os_reason
from ..files import atomic_output

if TYPE_CHECKING:
    from ..analysis.rekap import Rekap

SKIPPED_PREFIXES = ("~$", ".~")  # the lock files Excel and LibreOffice keep beside an open workbook


@dataclass
class RekapResult:
    file: Path
    rekap: Rekap  # pandas stays out of this module's imports


def workbook_files(targets: list[str | Path]) -> list[Path]:
    """The files named, and the .xlsx files directly inside the folders named, in name order."""
    found: list[Path] = []
    for target in targets:
        path = Path(target)
        if path.is_dir():
            found += sorted(p for p in path.glob("*.xlsx") if not p.name.startswith(SKIPPED_PREFIXES))
        else:
            found.append(path)
    if not found:
        raise UsageError("Tidak ada buku kerja .xlsx di yang disebut; sebut berkasnya atau folder yang berisi "
                         "buku kerja unit-unit.")
    return list(dict.fromkeys(found))


def _progress(items):
    stream = sys.stderr
    if stream is not None and hasattr(stream, "isatty") and stream.isatty() and len(items) > 1:
        from tqdm import tqdm
        return tqdm(items, desc="Membaca buku kerja", unit="berkas", file=sys.stderr)
    return items


def rekap_workbooks(targets: list[str | Path], semester: str, out: str | Path | None = None,
                    today: dt.date | None = None) -> RekapResult:
    from ..analysis.rekap import rekap
    from ..reports.rekap_sheet import write_rekap

    today = today or clock.today()
    chosen = parse_semester(semester, today)
    files = workbook_files(targets)
    result = rekap(files, chosen, today, _progress)
    target = Path(out) if out else Path.cwd() / f"rekap-sop-{chosen.code}.xlsx"
    if target.suffix.lower() != ".xlsx":
        target = target / f"rekap-sop-{chosen.code}.xlsx"
    if target.resolve() in {f.resolve() for f in files}:
        raise UsageError(f"Berkas rekap {target} adalah salah satu buku kerja yang dibaca; pilih nama lain dengan "
                         "--out.")
    try:
        with atomic_output(target) as temporary:
            write_rekap(temporary, result)
    except OSError as error:
        raise CannotSave(f"Rekap tidak bisa disimpan di {target} ({os_reason(error)}); pilih folder lain dengan "
                         "--out.", path=str(target)) from error
    return RekapResult(target, result)
