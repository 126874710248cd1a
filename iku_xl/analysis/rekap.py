"""The rekap across a ministry's workbooks: each unit's SOPs for a semester, from the same monitoring as `monitor`,
as one DataFrame a row per workbook and SOP (and one a row per step)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.book import Book
from ..core.monitoring import BAIK, TIDAK_BAIK, Semester, SopMonitoring, StepEvidence, rule_from
from ..core.office_hours import office_calendar
from ..core.rules.monitoring_rules import six_months_before
from .history_frame import history_frame
from .monitoring import sop_monitoring

SOP_COLUMNS = ("Berkas", "Instansi", "Unit Kerja", "Kode SOP", "Nama SOP", "Kasus", "Kasus Selesai",
               "Langkah Dilaksanakan (dengan Mutu Baku)", "Tepat Waktu", "% Tepat Waktu", "Dikembalikan", "Ditunda",
               "Langkah Berjalan Baik", "Langkah Tidak Berjalan Baik", "Langkah Terburuk", "Monitoring Terakhir",
               "Status Monitoring")
SUMMED = ("Kasus", "Kasus Selesai", "Langkah Dilaksanakan (dengan Mutu Baku)", "Tepat Waktu", "Dikembalikan", "Ditunda",
          "Langkah Berjalan Baik", "Langkah Tidak Berjalan Baik")
STEP_COLUMNS = ("Berkas", "Unit Kerja", "Kode SOP", "Langkah", "Kegiatan", "Waktu Standar", "Dilaksanakan",
                "Tepat Waktu", "Terlambat", "Median (menit kerja)", "Dikembalikan", "Ditunda", "Penilaian")


@dataclass
class Rekap:
    semester: Semester
    sops: pd.DataFrame
    steps: pd.DataFrame
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)

    @property
    def totals(self) -> dict[str, Any]:
        """The ministry's figures: the sum of every unit's."""
        sums: dict[str, Any] = {c: int(self.sops[c].sum()) for c in SUMMED}
        timed = sums["Langkah Dilaksanakan (dengan Mutu Baku)"]
        sums["% Tepat Waktu"] = round(100 * sums["Tepat Waktu"] / timed, 1) if timed else None
        return sums


def worst_steps(report: SopMonitoring, count: int = 3) -> str:
    """The steps that went worst: lowest share on time, then most returns and holds."""
    ran = [s.evidence for s in report.steps if s.penilaian == TIDAK_BAIK]

    def share(e: StepEvidence) -> float:
        return e.on_time / e.runs if e.timed and e.runs else 1.0

    ran.sort(key=lambda e: (share(e), -e.returns, -e.holds, e.no))
    parts = []
    for e in ran[:count]:
        if e.timed and e.runs:
            parts.append(f"langkah {e.no} ({e.on_time} dari {e.runs} tepat waktu)")
        elif e.returns:
            parts.append(f"langkah {e.no} ({e.returns} kali dikembalikan)")
        else:
            parts.append(f"langkah {e.no}")
    return "; ".join(parts)


def monitoring_status(book: Book, code: str, semester: Semester, today: dt.date) -> tuple[str, str]:
    """(last monitoring, status) from the workbook's Daftar SOP register."""
    entry = next((e for e in book.sop_register if (e.code or "").upper() == code.upper()), None)
    last = (entry.monitoring or "") if entry is not None else ""
    done = entry.monitoring_date if entry is not None else None
    if not last:
        return "", "Belum pernah dimonitor"
    if last == semester.code:
        return last, "Sudah dimonitor"
    if done is not None and done.date() < six_months_before(today):
        return last, "Lebih dari enam bulan lalu"
    return last, f"Belum untuk semester {semester.code}"


def book_rows(book: Book, name: str, semester: Semester, today: dt.date
              ) -> tuple[list[list[object]], list[list[object]]]:
    """One workbook's rows for both tables."""
    rule = rule_from(book.settings)
    calendar = office_calendar(book.settings, book.days_off)
    frame = history_frame(book)
    sop_rows, step_rows = [], []
    for code, sop in book.sops.items():
        report = sop_monitoring(book, code, semester, rule, calendar, frame)
        profile = book.profile_of(sop)
        instansi = profile.text("name") if profile else ""
        unit = profile.text("unit") if profile else ""
        e = report.evidence
        last, status = monitoring_status(book, code, semester, today)
        sop_rows.append([name, instansi, unit, code, report.title, e.cases, e.finished, e.timed_runs, e.on_time,
                         round(100 * e.on_time / e.timed_runs, 1) if e.timed_runs else None, e.returns, e.holds,
                         sum(s.penilaian == BAIK for s in report.steps),
                         sum(s.penilaian == TIDAK_BAIK for s in report.steps), worst_steps(report), last, status])
        for s in report.steps:
            v = s.evidence
            step_rows.append([name, unit, code, v.no, v.kegiatan, v.standard, v.runs, v.on_time, v.late,
                              None if v.median_minutes is None else round(v.median_minutes), v.returns, v.holds,
                              s.penilaian])
    return sop_rows, step_rows


def rekap(paths: list[Path], semester: Semester, today: dt.date,
          progress: Callable[[list[Path]], Iterable[Path]] | None = None) -> Rekap:
    """Every workbook read with the fast reader and never written; one that cannot be read is listed with the
    reason and the others go on."""
    from ..errors import IkuError
    from ..failures import unexpected
    from ..store import open_store

    sop_rows: list[list[object]] = []
    step_rows: list[list[object]] = []
    unreadable = []
    for path in progress(paths) if progress else paths:
        try:
            with open_store(path, history=True, write=False) as store:
                book = store.book
            rows = book_rows(book, path.name, semester, today)
        except IkuError as error:
            unreadable.append((str(path), error.message))
            continue
        except Exception as error:  # one broken unit must not stop a ministry's rekap
            unreadable.append((str(path), unexpected(error)))
            continue
        sop_rows += rows[0]
        step_rows += rows[1]
    return Rekap(semester, pd.DataFrame(sop_rows, columns=list(SOP_COLUMNS)),
                 pd.DataFrame(step_rows, columns=list(STEP_COLUMNS)), unreadable)
