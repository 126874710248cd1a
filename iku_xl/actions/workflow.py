"""iku-xl open, advance, hold, resume, cancel, undo: a case's moves, written back losslessly."""
from __future__ import annotations

import copy
import datetime as dt
import getpass
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import clock
from ..core import layout, workflow
from ..core.book import Book
from ..core.calendar import OfficeCalendar
from ..core.case import Case
from ..core.history import HistoryEntry
from ..core.meeting import meeting_of
from ..core.office_hours import office_calendar
from ..core.text_rules import text_problem
from ..core.tracking import TRACKED_FIELDS
from ..core.values import as_int, is_blank, text_of
from ..errors import Refused
from ..store import Store, open_store
from .recent_history import recent_history
from .register import refresh_register


@dataclass
class Change:
    """What one action did to the workbook."""
    cases: list[Case] = field(default_factory=list)       # changed or new
    history: list[HistoryEntry] = field(default_factory=list)
    opened: list[str] = field(default_factory=list)
    rebuild: set[str] = field(default_factory=set)       # SOP codes whose Lacak sheet is rebuilt
    # Riwayat rows read before the change, every row of each case among them (see Store.refresh_tracking)
    tracked: list[HistoryEntry] | None = None
    message: str = ""


def login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some Windows services
        return "tidak diketahui"


def who(book: Book, case: Case, by: str | None) -> str:
    """Riwayat's Oleh: the name given, else the Nama Petugas set in Pengaturan, else the official of the
    step's executor role, else the computer's login name."""
    if by and by.strip():
        return by.strip()
    if book.settings.operator:
        return book.settings.operator
    from ..core.naskah.parties import official_for

    sop = book.sops.get(text_of(case.sop))
    step = sop.step(as_int(case.step)) if sop else None
    if sop and step and step.executors:
        official = official_for(book, sop, step.executors[0])
        if official is not None and not is_blank(official.name):
            return text_of(official.name)
    return login_name()


def _sop_of(book: Book, case: Case):
    sop = book.sops.get(text_of(case.sop))
    if sop is None:
        raise Refused(f"Kode SOP '{text_of(case.sop)}' kasus {case.id_text} tidak dikenal; pilih SOP yang ada "
                      f"({', '.join(book.sops)}).", sheet=layout.KASUS.name)
    return sop


def _open_typed_rows(book: Book, calendar: OfficeCalendar, now: dt.datetime, change: Change) -> None:
    """Rows staff typed into Kasus with an SOP but no ID are opened like 'iku-xl open'."""
    for index, case in enumerate(book.cases):
        if case.id_text or is_blank(case.sop) or text_of(case.sop) not in book.sops:
            continue
        started = case.started if isinstance(case.started, dt.datetime) else now
        case_id = workflow.next_case_id(sorted(book.used_case_ids(started.year)), started.year)
        opened = workflow.open_case(book.sops[text_of(case.sop)], case_id, text_of(case.title),
                                    text_of(case.unit) or None, started, calendar, notes=case.notes)
        book.cases[index] = opened
        change.cases.append(opened)
        change.opened.append(case_id)


def apply_change(target, act: Callable[[Book, OfficeCalendar, dt.datetime, Change], None],
                 now: dt.datetime | None = None,
                 prepare: Callable[[Store, Change, dt.datetime], None] | None = None) -> Change:
    """Read the workbook (a file path, or the live workbook's store), let `act` change the plain
    values, and write back only those. `prepare` reads what `act` needs beyond the Book (Riwayat rows) first."""
    now = now or clock.now()
    with open_store(target) as store:
        book = store.book
        calendar = office_calendar(book.settings, book.days_off)
        change = Change()
        if prepare is not None:
            prepare(store, change, now)
        before = [copy.copy(case) for case in book.cases]
        _open_typed_rows(book, calendar, now, change)
        act(book, calendar, now, change)
        changes = _case_changes(book, before, change.cases)
        _refuse_unstorable_text(changes, change.history)
        store.save_cases(changes)
        store.append_history(change.history)
        store.refresh_tracking(change.cases, change.history, change.rebuild, change.tracked)
        registered = refresh_register(store)
        if change.cases or change.history or change.rebuild or registered:
            store.commit()
        change.message = " ".join(filter(None, [change.message, closing_message(store)]))
    return change


def closing_message(store) -> str:
    """What closing Riwayat's past years did, in a sentence (empty when it did nothing)."""
    closed = getattr(store, "closed", [])
    moved = "; ".join(f"{c.rows} baris dari {c.cases} kasus yang selesai pada {c.year} ke lembar '{c.sheet}'"
                      for c in closed if c.rows)
    empty = ", ".join(f"'{c.sheet}'" for c in closed if not c.rows)
    parts = []
    if moved:
        parts.append(f"Riwayat tahun lalu ditutup: {moved} (kasus yang masih berjalan tetap di lembar Riwayat).")
    if empty:
        parts.append(f"Lembar {empty} dibuat kosong: tidak ada kasus yang selesai pada tahun itu.")
    return " ".join(parts) if parts else getattr(store, "closing_note", "")


def close_history_years(path, now: dt.datetime | None = None) -> Change:
    """iku-xl tutup-tahun: move the rows of the cases finished in past years to their years' sheets now."""
    from ..workbook.file_store import FileStore

    year = (now or clock.now()).year
    change = Change()
    with FileStore(path) as store:
        store.close_years(year, look_at_all=True)
        if store.closed:
            store.commit()
        change.message = closing_message(store) or (f"Riwayat tidak memuat kasus yang selesai sebelum {year}; tidak "
                                                    "ada yang dipindah.")
    return change


def _case_changes(book: Book, before: list[Case], changed: list[Case]) -> list[tuple[Case | None, Case]]:
    """(before, after) of each changed case, paired by its place in Kasus (a move puts the case where it was;
    a typed row opened keeps its place; a new case comes after the others)."""
    place = {id(case): index for index, case in enumerate(book.cases)}
    return [(before[index] if (index := place.get(id(case), len(before))) < len(before) else None, case)
            for case in changed]


def _refuse_unstorable_text(changes: list[tuple[Case | None, Case]], history: list[HistoryEntry]) -> None:
    """What would be written is text a cell can hold (no control characters, at most 32,767 characters);
    otherwise nothing is written and the sentence names the column. A cell the move leaves alone is not
    judged here (validate reports it)."""
    pairs: list[tuple[layout.ListSheet, object, object]] = [(layout.KASUS, earlier, case) for earlier, case in changes]
    for sheet, earlier, record in pairs + [(layout.RIWAYAT, None, entry) for entry in history]:
        for column in sheet.columns:
            value = getattr(record, column.field, None)
            if earlier is not None and getattr(earlier, column.field, None) == value:
                continue
            problem = text_problem(value) if isinstance(value, str) else None
            if problem:
                owner = getattr(record, "id_text", "") or text_of(getattr(record, "case_id", ""))
                raise Refused(f"Isi {column.header} (lembar {sheet.name}, kasus {owner}) {problem}; ketik ulang "
                              "tanpa karakter itu. Tidak ada yang diubah.", sheet=sheet.name)


def _replace(book: Book, before: Case, after: Case, change: Change) -> None:
    index = next(i for i, c in enumerate(book.cases) if c is before)
    book.cases[index] = after
    change.cases = [c for c in change.cases if c.id_text != after.id_text] + [after]


def open_case(path, sop_code: str, title: str, unit: str | None = None, at: dt.datetime | None = None,
              now: dt.datetime | None = None) -> Change:
    def act(book, calendar, now, change):
        code = sop_code.strip().upper()
        if code not in book.sops:
            raise Refused(f"SOP '{sop_code}' tidak ada; pilih salah satu: {', '.join(book.sops)}.")
        if not title.strip():
            raise Refused("Judul kasus kosong; isi --title.")
        started = at or now
        if started > now + workflow.FUTURE_TOLERANCE:
            raise Refused(f"Waktu {started:%d/%m/%Y %H:%M} ada di masa depan; isi waktu kasus benar-benar dimulai.")
        case_id = workflow.next_case_id(sorted(book.used_case_ids(started.year)), started.year)
        case = workflow.open_case(book.sops[code], case_id, title.strip(), unit, started, calendar)
        book.cases.append(case)
        change.cases.append(case)
        change.opened.append(case_id)
        step = book.sops[code].step(case.step)
        due = f"batas waktu {case.due:%d/%m/%Y %H:%M}" if isinstance(case.due, dt.datetime) else "tanpa batas waktu"
        change.message = (f"Kasus {case_id} dibuka di langkah {case.step}"
                          + (f" ({step.kegiatan[:60].rstrip()}{'…' if len(step.kegiatan) > 60 else ''})" if step
                             else "")
                          + f"; pelaksana {case.executor or '-'}, {due}.")

    return apply_change(path, act, now)


def advance(path, case_id: str, decision: bool | None = None, by: str | None = None, note: str | None = None,
            at: dt.datetime | None = None, now: dt.datetime | None = None) -> Change:
    def act(book, calendar, now, change):
        case = book.case(case_id)
        after, entry = workflow.advance(copy.copy(case), _sop_of(book, case), calendar, decision=decision,
                                        at=at or now, by=who(book, case, by), note=note, now=now,
                                        history=book.history_of(case.id_text),
                                        meeting=meeting_of(book.meetings, case.id_text))
        _replace(book, case, after, change)
        change.history.append(entry)
        where = f"langkah {after.step}" if text_of(after.status) != "Selesai" else "akhir SOP"
        change.message = f"Kasus {after.id_text} ke {where}, status {after.status}."

    return apply_change(path, act, now)


def _status_move(move, verb: str):
    def run(path, case_id: str, reason: str | None, by: str | None = None, at: dt.datetime | None = None,
            now: dt.datetime | None = None) -> Change:
        def act(book, calendar, now, change):
            case = book.case(case_id)
            after, entry = move(copy.copy(case), at=at or now, by=who(book, case, by), reason=reason, now=now,
                                sop=_sop_of(book, case), calendar=calendar, history=book.history_of(case.id_text))
            _replace(book, case, after, change)
            change.history.append(entry)
            change.message = f"Kasus {after.id_text} {verb}, status {after.status}."

        return apply_change(path, act, now)

    return run


hold = _status_move(workflow.hold, "ditunda")
resume = _status_move(workflow.resume, "dilanjutkan")
cancel = _status_move(workflow.cancel, "dibatalkan")


def undo(path, case_id: str, by: str | None = None, note: str | None = None, at: dt.datetime | None = None,
         now: dt.datetime | None = None) -> Change:
    def act(book, calendar, now, change):
        case = book.case(case_id)
        after, entry = workflow.undo(copy.copy(case), _sop_of(book, case), calendar, book.history_of(case.id_text),
                                     at=at or now, by=who(book, case, by), note=note, now=now)
        _replace(book, case, after, change)
        change.history.append(entry)
        change.message = (f"Perpindahan terakhir kasus {after.id_text} diurungkan: kembali ke langkah {after.step}, "
                          f"status {after.status}.")

    return apply_change(path, act, now)


def reschedule(path, by: str | None = None, now: dt.datetime | None = None) -> Change:
    """Recount the due time of every open case on the current Libur and office hours."""
    histories: dict[str, list[HistoryEntry]] = {}

    def prepare(store, change, now):
        """The open cases' rows, all in Riwayat (a close moves the finished cases only): its one sheet is read."""
        wanted = {case.id_text for case in store.book.cases if case.id_text and workflow.is_open(case)}
        change.tracked = recent_history(store, now.year, workflow.RESCHEDULE_FIELDS + TRACKED_FIELDS,
                                        keep=wanted.__contains__)
        for entry in change.tracked:
            histories.setdefault(entry.case_id or "", []).append(entry)

    def act(book, calendar, now, change):
        moved, recounted = [], []
        for index, case in enumerate(list(book.cases)):
            sop = book.sops.get(text_of(case.sop))
            if not case.id_text or sop is None or not workflow.is_open(case):
                continue  # a closed case keeps its due time: its history is not read
            found = workflow.reschedule(
                copy.copy(case), sop, calendar, histories.get(case.id_text, []), at=now, by=who(book, case, by),
                meeting=meeting_of(book.meetings, case.id_text))
            if found:
                after, entry = found
                book.cases[index] = after  # each case once: no search through the cases per move
                recounted.append(after)
                change.history.append(entry)
                moved.append(f"{after.id_text} ({entry.note})")
        ids = {c.id_text for c in recounted}
        change.cases = [c for c in change.cases if c.id_text not in ids] + recounted
        change.message = (
            f"Batas waktu dihitung ulang: {'; '.join(moved)}."
            if moved
            else "Semua batas waktu kasus terbuka sudah sesuai dengan Libur dan jam kerja."
        )

    return apply_change(path, act, now, prepare)


def rebuild_tracking(path, now: dt.datetime | None = None, every_year: bool = False) -> Change:
    """Rebuild every Lacak sheet from Kasus and Riwayat. The rows of the cases finished and moved to a closed
    year's sheet keep their step marks as the sheet shows them (nothing can change them but an undo, which
    appends to Riwayat); `every_year` rebuilds them too, from every year's sheet (after a closed year was edited
    by hand)."""

    def prepare(store, change, now):
        if not every_year:
            change.tracked = recent_history(store, now.year, TRACKED_FIELDS)

    def act(book, calendar, now, change):
        change.rebuild = set(book.sops)
        change.message = (f"Lembar Lacak dibuat ulang dari Riwayat{' semua tahun' if every_year else ''}: "
                          f"{', '.join(book.sops)}.")

    return apply_change(path, act, now, prepare)
