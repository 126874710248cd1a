"""Riwayat as one DataFrame, built once from the store: one row a move, typed, with its SOP and whether it
still counts (a move later undone by Urungkan, and the Urungkan itself, do not)."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from ..core.book import Book
from ..core.calendar import OfficeCalendar
from ..core.history import Action, HistoryEntry, Punctuality, moves_by_case
from ..core.workflow import working_minutes_on_step

COLUMNS = ("position", "row", "time", "case_id", "sop", "action", "from_step", "to_step", "decision", "status_before",
           "status", "role", "step_started", "standard", "due", "minutes", "punctuality", "in_force")
MAJU, TUNDA, LANJUT, BATAL = Action.MAJU.value, Action.TUNDA.value, Action.LANJUT.value, Action.BATAL.value
TEPAT, TERLAMBAT, TANPA_STANDAR = (Punctuality.TEPAT.value, Punctuality.TERLAMBAT.value,
                                   Punctuality.TANPA_STANDAR.value)


def _number(value: object) -> float | None:
    """Minutes as the cell holds them: a number, else nothing (text in the column is not a duration)."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def history_frame(book: Book) -> pd.DataFrame:
    """`position` is the entry's index in `book.history`, so a row leads back to the HistoryEntry it came from."""
    sop_of = {c.id_text: c.sop or "" for c in book.cases}
    in_force = {id(m) for moves in moves_by_case(book.history).values() for m in moves}
    records = [
        (position, h.row, h.time, h.case_id or "", sop_of.get(h.case_id or "", ""), h.action or "",
         h.from_step, h.to_step, h.decision or "", h.status_before or "", h.status or "",
         h.role or "", h.step_started, h.standard or "", h.due, _number(h.minutes),
         h.punctuality or "", id(h) in in_force)
        for position, h in enumerate(book.history)
    ]
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    for column in ("time", "step_started", "due"):
        frame[column] = pd.to_datetime(frame[column])
    for column in ("from_step", "to_step", "row"):
        frame[column] = frame[column].astype("Int64")
    frame["minutes"] = frame["minutes"].astype("float64")
    frame["in_force"] = frame["in_force"].astype(bool)
    return frame


def between(frame: pd.DataFrame, start: dt.datetime, end: dt.datetime) -> pd.DataFrame:
    """The rows dated in [start, end); rows without a time belong to no period."""
    return frame[frame["time"].notna() & (frame["time"] >= start) & (frame["time"] < end)]


def moment(value: object) -> dt.datetime | None:
    """A frame cell back as a plain datetime (NaT as None)."""
    return None if value is None or pd.isna(value) else pd.Timestamp(value).to_pydatetime()


def step_number(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)  # type: ignore[call-overload]


def recounted_minutes(frame: pd.DataFrame, rows: pd.DataFrame, book: Book, calendar: OfficeCalendar
                      ) -> dict[int, int]:
    """Working minutes of each move in `rows` counted again from its step's start, leaving out the time the case
    spent on hold (Tunda to Lanjut still in force); keyed by position. Moves without both times keep theirs."""
    holds = frame[frame["in_force"] & frame["action"].isin((TUNDA, LANJUT))]
    holds_of: dict[str, list[HistoryEntry]] = {case_id: [book.history[p] for p in group["position"]]
                                               for case_id, group in holds.groupby("case_id", sort=False)}
    minutes = {}
    for position, case_id, started, at in rows[["position", "case_id", "step_started", "time"]].itertuples(
            index=False):
        if pd.isna(started) or pd.isna(at):
            continue
        minutes[int(position)] = working_minutes_on_step(calendar, moment(started), moment(at),  # type: ignore[arg-type]
                                                         holds_of.get(case_id, []), case_id)
    return minutes
