"""iku-xl status: where each case stands, who holds it, and by when."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .. import clock
from ..core.case import OPEN_STATUSES
from ..store import Store, open_store


@dataclass
class CaseStatus:
    id: str
    title: str
    sop: str
    step: int | None
    activity: str
    executor: str
    status: str
    started: dt.datetime | None
    due: dt.datetime | None
    overdue: bool

    def as_json(self) -> dict:
        return {"id": self.id, "sop": self.sop, "step": self.step, "status": self.status,
                "executor": self.executor,
                "started": self.started.isoformat(timespec="minutes") if self.started else None,
                "due": self.due.isoformat(timespec="minutes") if self.due else None}


def case_status(target: Store | str | Path, case_id: str | None = None,
                now: dt.datetime | None = None) -> list[CaseStatus]:
    with open_store(target, history=False, write=False) as store:
        book = store.book
    now = now or clock.now()
    found = []
    for case in [book.case(case_id)] if case_id else book.cases:
        if not case.id_text:
            continue
        step_no = case.step
        sop = book.sops.get(case.sop or "")
        status = case.status or ""
        closed = status in ("Selesai", "Dibatalkan")
        step = sop.step(step_no) if sop and step_no is not None and not closed else None
        due = case.due
        found.append(CaseStatus(
            id=case.id_text, title=case.title or "", sop=case.sop or "", step=step_no,
            activity=case.activity or (step.kegiatan if step else ""),
            executor=case.executor or (", ".join(step.executors) if step else ""),
            status=status, started=case.started, due=due,
            overdue=bool(due and due < now and status in {s.value for s in OPEN_STATUSES} and status != "Ditunda"),
        ))
    return found
