"""Moving a case through its SOP: open, advance, hold, resume, cancel, undo.

Each function takes plain values, checks the move, and returns the changed case and the
history entry to append; it raises Refused with a sentence when the move is not allowed.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..errors import Refused
from . import layout
from .calendar import OfficeCalendar
from .case import Case, Status
from .history import Action, HistoryEntry, Punctuality, effective_moves, hold_periods, last_time
from .meeting import Meeting, is_meeting_step
from .sop import Sop, Step
from .values import as_moment, text_of
from .waktu import Duration

FUTURE_TOLERANCE = dt.timedelta(minutes=2)  # clocks of colleagues' PCs differ a little


def next_case_id(existing: list[str], year: int) -> str:
    pattern = re.compile(rf"^IKU-{year}-(\d+)$", re.IGNORECASE)
    numbers = [int(m.group(1)) for m in (pattern.match(i.strip()) for i in existing) if m]
    return f"IKU-{year}-{max(numbers, default=0) + 1:03d}"


def due_time(step: Step | None, started: dt.datetime, calendar: OfficeCalendar) -> dt.datetime | None:
    duration = step.duration if step else None
    return calendar.due(started, duration) if isinstance(duration, Duration) else None


def place_at_step(case: Case, sop: Sop, step_no: int, started: dt.datetime, status: Status,
                  calendar: OfficeCalendar, meeting: Meeting | None = None) -> Case:
    step = sop.step(step_no)
    if step is None:
        raise Refused(f"SOP {sop.code} tidak punya langkah {step_no}; lengkapi lembar {sop.code}.", sheet=sop.code)
    return replace(case, step=step_no, activity=step.kegiatan, executor=", ".join(step.executors),
                   status=status.value, started=started,
                   due=due_time(step, counts_from(sop, step, started, meeting), calendar))


def counts_from(sop: Sop, step: Step | None, started: dt.datetime, meeting: Meeting | None) -> dt.datetime:
    """Where a step's time standard starts: its start, or for the meeting step the meeting's start (the meeting
    is set days after its undangan is signed; its 120 Menit are the meeting's own)."""
    begins = meeting.starts if meeting is not None else None
    if begins is not None and begins > started and is_meeting_step(sop, step, meeting):
        return begins
    return started


def open_case(sop: Sop, case_id: str, title: str, unit: str | None, at: dt.datetime,
              calendar: OfficeCalendar, notes: str | None = None) -> Case:
    first = sop.first_step
    if first is None:
        raise Refused(f"SOP {sop.code} belum punya langkah; lengkapi lembar {sop.code} dahulu.", sheet=sop.code)
    case = Case(id=case_id, title=title, sop=sop.code, unit=unit, notes=notes)
    return place_at_step(case, sop, first.no or 0, at, Status.BERJALAN, calendar)


def _in_order(case: Case, at: dt.datetime, now: dt.datetime, history: list[HistoryEntry], future_hint: str) -> None:
    """Now or in the past, and never before the case's last recorded move."""
    if at > now + FUTURE_TOLERANCE:
        raise Refused(f"Waktu {at:%d/%m/%Y %H:%M} ada di masa depan; {future_hint}")
    last = last_time(history)
    if last and at < last:
        raise Refused(f"Waktu {at:%d/%m/%Y %H:%M} lebih awal dari perpindahan terakhir kasus {case.id_text} di Riwayat "
                      f"({last:%d/%m/%Y %H:%M}); isi waktu sesudah {last:%d/%m/%Y %H:%M}.")


def _check_time(case: Case, at: dt.datetime, now: dt.datetime, history: list[HistoryEntry]) -> dt.datetime:
    """A move happens now or in the past, and never before the case's last recorded move."""
    started = case.started
    _in_order(case, at, now, history, "isi waktu langkah itu benar-benar selesai.")
    if started and at < started:
        raise Refused(f"Waktu {at:%d/%m/%Y %H:%M} lebih awal dari mulai langkah ({started:%d/%m/%Y %H:%M}); "
                      "periksa tanggal dan jamnya.")
    return at


def working_minutes_on_step(calendar: OfficeCalendar, started: dt.datetime, at: dt.datetime,
                            history: list[HistoryEntry], case_id: str) -> int:
    """Working minutes from the step's start to `at`, leaving out the time the case was on hold."""
    held = hold_periods(effective_moves(history, case_id), started, at)
    return round(calendar.working_minutes(started, at) - sum(calendar.working_minutes(a, b) for a, b in held))


def _current_step(case: Case, sop: Sop) -> Step:
    step = sop.step(case.step)
    if step is None:
        shown = "" if case.step is None else case.step
        raise Refused(f"Kasus {case.id_text} berada di langkah '{shown}' yang tidak ada di SOP {sop.code}; "
                      "perbaiki kolom Langkah di lembar Kasus.", sheet=layout.KASUS.name)
    return step


def _entry(case: Case, action: Action, at: dt.datetime, by: str, note: str | None, after: Case,
           calendar: OfficeCalendar, step: Step | None, decision: str | None = None,
           to_step: int | None = None, history: list[HistoryEntry] | None = None) -> HistoryEntry:
    started = case.started
    due = case.due
    minutes = None
    if started and action is Action.MAJU:
        minutes = working_minutes_on_step(calendar, started, at, history or [], case.id_text)
    punctuality = None
    if action is Action.MAJU:
        if due is None:
            punctuality = Punctuality.TANPA_STANDAR.value
        else:
            punctuality = (Punctuality.TEPAT if at <= due else Punctuality.TERLAMBAT).value
    return HistoryEntry(
        time=at, case_id=case.id_text, action=action.value, from_step=case.step, to_step=to_step,
        decision=decision, status_before=case.status or "", status=after.status or "",
        role=", ".join(step.executors) if step else None, by=by, note=note, step_started=started,
        standard=text_of(step.waktu) if step else None, due=due, minutes=minutes, punctuality=punctuality)


def advance(case: Case, sop: Sop, calendar: OfficeCalendar, *, decision: bool | None, at: dt.datetime,
            by: str, note: str | None, now: dt.datetime, history: list[HistoryEntry],
            meeting: Meeting | None = None) -> tuple[Case, HistoryEntry]:
    status = case.status or ""
    if status in (Status.SELESAI.value, Status.DIBATALKAN.value):
        raise Refused(f"Kasus {case.id_text} sudah {status.lower()}; tidak ada langkah yang bisa diselesaikan.")
    if status == Status.DITUNDA.value:
        raise Refused(f"Kasus {case.id_text} sedang ditunda; lanjutkan dulu dengan 'iku-xl resume'.")
    step = _current_step(case, sop)
    if step.is_decision and decision is None:
        raise Refused(f"Langkah {step.no} kasus {case.id_text} adalah keputusan ({step.kegiatan[:60]}...); "
                      "sebutkan hasilnya: --decision ya atau --decision tidak.")
    if not step.is_decision and decision is not None:
        raise Refused(f"Langkah {step.no} kasus {case.id_text} bukan keputusan; jalankan tanpa --decision.")
    at = _check_time(case, at, now, history)
    target = sop.next_step(step, decision)
    label = None if decision is None else ("Ya" if decision else "Tidak")
    if target is None and step.is_decision:
        raise Refused(f"Langkah {step.no} SOP {sop.code} tidak punya tujuan '{label}'; lengkapi lembar {sop.code}.",
                      sheet=sop.code)
    if target is None:
        after = replace(case, status=Status.SELESAI.value, activity=None, executor=None, started=at, due=None)
    else:
        returned = decision is False
        after = place_at_step(case, sop, target, at, Status.DIKEMBALIKAN if returned else Status.BERJALAN, calendar,
                              meeting)
    entry = _entry(case, Action.MAJU, at, by, note, after, calendar, step, label, target, history)
    return after, entry


def hold(case: Case, *, at: dt.datetime, by: str, reason: str, now: dt.datetime, sop: Sop,
         calendar: OfficeCalendar, history: list[HistoryEntry]) -> tuple[Case, HistoryEntry]:
    _require_open(case, "ditunda", allow=(Status.BERJALAN, Status.DIKEMBALIKAN))
    at = _check_time(case, at, now, history)
    after = replace(case, status=Status.DITUNDA.value)
    return after, _entry(case, Action.TUNDA, at, by, reason, after, calendar, _current_step(case, sop),
                         to_step=case.step)


def resume(case: Case, *, at: dt.datetime, by: str, reason: str | None, now: dt.datetime, sop: Sop,
           calendar: OfficeCalendar, history: list[HistoryEntry]) -> tuple[Case, HistoryEntry]:
    """Back to work; the working time spent on hold does not count against the due time."""
    if case.status != Status.DITUNDA.value:
        raise Refused(f"Kasus {case.id_text} tidak sedang ditunda (status {case.status or ''}).")
    at = _check_time(case, at, now, history)
    moves = effective_moves(history, case.id_text)
    held = moves[-1] if moves and moves[-1].action == Action.TUNDA.value else None
    status = Status(held.status_before) if held and held.status_before in {
        s.value for s in Status} else Status.BERJALAN
    due = case.due
    held_since = held.time if held else None
    if due and held_since:
        due = calendar.add_minutes(due, calendar.working_minutes(held_since, at))
    after = replace(case, status=status.value, due=due)
    return after, _entry(case, Action.LANJUT, at, by, reason, after, calendar, _current_step(case, sop),
                         to_step=case.step)


def cancel(case: Case, *, at: dt.datetime, by: str, reason: str, now: dt.datetime, sop: Sop,
           calendar: OfficeCalendar, history: list[HistoryEntry]) -> tuple[Case, HistoryEntry]:
    _require_open(case, "dibatalkan", allow=(Status.BERJALAN, Status.DIKEMBALIKAN, Status.DITUNDA))
    at = _check_time(case, at, now, history)
    after = replace(case, status=Status.DIBATALKAN.value, due=None)
    return after, _entry(case, Action.BATAL, at, by, reason, after, calendar, sop.step(case.step or 0),
                         to_step=case.step)


def undo(case: Case, sop: Sop, calendar: OfficeCalendar, history: list[HistoryEntry], *, at: dt.datetime,
         by: str, note: str | None, now: dt.datetime) -> tuple[Case, HistoryEntry]:
    """Put the case back as it was before its last move still in force."""
    _in_order(case, at, now, history, "isi waktu pengurungan yang sebenarnya.")
    moves = effective_moves(history, case.id_text)
    if not moves:
        raise Refused(f"Kasus {case.id_text} belum punya perpindahan yang bisa diurungkan.", sheet=layout.RIWAYAT.name)
    last = moves[-1]
    step_no = last.from_step
    status = last.status_before or Status.BERJALAN.value
    started = last.step_started
    step = sop.step(step_no) if step_no is not None else None
    if step is None or started is None or status not in {s.value for s in Status}:
        raise Refused(f"Baris Riwayat {last.row} kasus {case.id_text} tidak lengkap, jadi tidak bisa diurungkan; "
                      "perbaiki kasusnya di lembar Kasus.", sheet=layout.RIWAYAT.name)
    due = last.due
    after = replace(case, step=step_no, activity=step.kegiatan, executor=", ".join(step.executors),
                    status=status, started=started, due=due)
    entry = HistoryEntry(time=at, case_id=case.id_text, action=Action.URUNGKAN.value, from_step=case.step,
                         to_step=step_no, status_before=case.status or "", status=status,
                         role=", ".join(step.executors), by=by,
                         note=note or f"mengurungkan '{last.action}' pada {_shown(last.time)}")
    return after, entry


def _shown(moment: object) -> str:
    found = as_moment(moment)
    return f"{found:%d/%m/%Y %H:%M}" if found else "waktu yang tidak tercatat"


def _require_open(case: Case, verb: str, allow: tuple[Status, ...]) -> None:
    status = case.status or ""
    if status not in {s.value for s in allow}:
        raise Refused(f"Kasus {case.id_text} berstatus {status or 'kosong'}, jadi tidak bisa {verb}.")


def is_open(case: Case) -> bool:
    """Running, sent back or on hold: a case whose due time still counts."""
    return case.status in {s.value for s in (Status.BERJALAN, Status.DIKEMBALIKAN, Status.DITUNDA)}


RESCHEDULE_FIELDS = ("time", "case_id", "action")  # the Riwayat columns a recount reads (the holds)


def reschedule(case: Case, sop: Sop, calendar: OfficeCalendar, history: list[HistoryEntry], *, at: dt.datetime,
               by: str, meeting: Meeting | None = None) -> tuple[Case, HistoryEntry] | None:
    """The due time of an open case recounted on today's calendar; None when it stays the same."""
    if not is_open(case):
        return None
    started, step = case.started, sop.step(case.step or 0)
    if started is None or step is None:
        return None
    due = due_time(step, counts_from(sop, step, started, meeting), calendar)
    if due is not None:
        holds = hold_periods(effective_moves(history, case.id_text), started, at)
        if case.status == Status.DITUNDA.value and holds:
            holds = holds[:-1]  # the hold still running is added when the case is resumed
        due = calendar.add_minutes(due, sum(calendar.working_minutes(a, b) for a, b in holds))
    if due == case.due:
        return None
    after = replace(case, due=due)
    before = case.due
    entry = HistoryEntry(time=at, case_id=case.id_text, action=Action.JADWAL.value, from_step=case.step,
                         to_step=case.step, status_before=case.status or "", status=case.status or "",
                         role=", ".join(step.executors), by=by, step_started=started, standard=text_of(step.waktu),
                         due=before, note=f"batas waktu {before:%d/%m/%Y %H:%M} menjadi {due:%d/%m/%Y %H:%M}"
                         if before and due else "batas waktu dihitung ulang")
    return after, entry
