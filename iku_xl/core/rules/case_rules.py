"""Rules on the Kasus sheet."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace

from .. import layout
from ..book import Book
from ..case import OPEN_STATUSES, Case, Status
from ..findings import Finding, Level
from ..identifiers import identifier_problem
from ..values import text_of

SHEET = layout.KASUS.name
STATUS_NAMES = ", ".join(s.value for s in Status)


def check(book: Book) -> Iterator[Finding]:
    ids = Counter(c.id_text for c in book.cases if c.id_text)
    days_off = {m.date() for m in (d.date for d in book.days_off) if m}
    years = {day.year for day in days_off}
    for case in book.cases:
        yield from _check_case(book, case, ids)
        yield from _check_due_against_calendar(book, case, days_off, years)


def _check_due_against_calendar(book: Book, case: Case, days_off: set[dt.date], years: set[int]) -> Iterator[Finding]:
    """A stored due time is computed once; Libur may change after, or not reach that far yet."""
    due = case.due
    if due is None or not case.id_text or case.status not in {s.value for s in OPEN_STATUSES}:
        return
    where = Finding(
        SHEET,
        book.cell(SHEET, "due", case.row),
        Level.PERINGATAN,
        "due",
        "",
        sop=case.sop,
        step=case.step,
        case=case.id_text,
    )
    if due.date() in days_off:
        yield replace(
            where,
            message=f"Batas waktu {due:%d/%m/%Y %H:%M} jatuh pada hari libur menurut lembar Libur; "
            "jalankan 'iku-xl reschedule' agar batas waktu dihitung ulang.",
        )
    elif due.year not in years:
        yield replace(
            where,
            message=f"Batas waktu jatuh pada tahun {due.year}, yang belum ada di lembar Libur; "
            f"tambahkan hari libur {due.year} lalu jalankan 'iku-xl reschedule'.",
        )


def _check_case(book: Book, case: Case, ids: Counter[str]) -> Iterator[Finding]:
    case_id = case.id_text or None

    def finding(level: Level, field: str, message: str, step: int | None = None) -> Finding:
        return Finding(
            SHEET,
            book.cell(SHEET, field, case.row),
            level,
            field,
            message,
            sop=case.sop,
            step=step,
            case=case_id,
        )

    problem = identifier_problem(case_id) if case_id else None
    if problem:
        yield finding(
            Level.GALAT,
            "id",
            f"ID kasus {problem}; ID dipakai sebagai nama folder naskah, jadi tulis "
            "seperti IKU-2026-001 (huruf, angka dan '-').",
        )
    if case_id and ids[case_id] > 1:
        yield finding(
            Level.GALAT, "id", f"ID kasus '{case_id}' dipakai lebih dari sekali; setiap kasus perlu ID sendiri."
        )
    code = case.sop or ""
    sop = book.sops.get(code)
    if not code:
        yield finding(Level.GALAT, "sop", "Kode SOP kosong; pilih SOP kasus ini dari daftar.")
    elif sop is None:
        known = ", ".join(book.sops) or "(belum ada)"
        yield finding(Level.GALAT, "sop", f"Kode SOP '{code}' tidak dikenal; pilih salah satu: {known}.")
    if case.title is None:
        yield finding(Level.PERINGATAN, "title", "Judul kasus kosong; isi judulnya agar mudah dikenali di surat.")
    if not case_id:
        return  # a row typed by hand, opened by the program's next write
    step_no = case.step
    typed = book.unread_value(SHEET, "step", case.row)
    if typed is not None:
        yield finding(Level.GALAT, "step", f"Langkah '{text_of(typed)}' bukan nomor langkah; tulis angka saja.")
    elif step_no is None:
        if case.status not in (Status.SELESAI.value, Status.DIBATALKAN.value):
            yield finding(Level.GALAT, "step", "Langkah kosong; isi nomor langkah kasus ini sekarang.")
    elif sop is not None and sop.step(step_no) is None:
        yield finding(
            Level.GALAT, "step", f"SOP {code} tidak punya langkah {step_no}; isi nomor langkah yang ada.", step=step_no
        )
    status = case.status or ""
    if status not in {s.value for s in Status}:
        shown = f"'{status}'" if status else "kosong"
        yield finding(
            Level.GALAT, "status", f"Status {shown} tidak dikenal; pilih salah satu: {STATUS_NAMES}.", step=step_no
        )
    for field, label in (("started", "Mulai Langkah"), ("due", "Batas Waktu")):
        yield from _check_date(book.unread_value(SHEET, field, case.row), field, label, finding)


def _check_date(value: object, field: str, label: str, finding: Callable[..., Finding]) -> Iterator[Finding]:
    """What a date cell held that is not a date (None: it held a date, or nothing)."""
    if value is None:
        return
    if isinstance(value, str):
        yield finding(
            Level.GALAT,
            field,
            f"{label} '{value.strip()}' diketik sebagai teks; ketik ulang sebagai tanggal, misalnya 23/11/2026 09:30.",
        )
    else:
        yield finding(Level.GALAT, field, f"{label} berisi angka, bukan tanggal; ubah format selnya menjadi tanggal.")
