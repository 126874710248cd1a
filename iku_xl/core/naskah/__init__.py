"""What a naskah dinas says and how it looks: its context, built from the workbook's plain values.

`draft()` gathers everything but the number (a refusal here stops only this document); `finish()` puts
the number and date in once the register has given them. templates/FIELDS.md lists every field; a test
keeps that page and these modules in step.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ...errors import Refused
from .. import layout
from ..book import Book
from ..calendar import OfficeCalendar
from ..case import Case
from ..document_kinds import KINDS, DocumentKind
from ..indonesian import tanggal
from ..meeting import Meeting
from ..numbering import NumberRequest
from ..profile import InstansiProfile
from ..sop import Sop, Step
from ..values import text_of
from . import decrees, letters
from .common import Built, Context, iku_rows, instansi, period, subject


@dataclass(frozen=True)
class DocumentStyle:
    """The profile's look for one kind: paper, font and size, the kop's images."""
    paper: str
    font: str
    size: int
    regulation: bool
    logo: str
    emblem: str


@dataclass
class Draft:
    kind: str
    case_id: str
    title: str                       # the document's title property and the register's Perihal
    context: Context
    style: DocumentStyle
    profile: InstansiProfile
    request: NumberRequest | None    # None for a kind that is not numbered
    properties: dict[str, str] = field(default_factory=dict)
    meeting: Meeting | None = None   # a meeting the document plans, for a new row of the Rapat sheet


def builder(kind: DocumentKind) -> Callable[[Facts], Built]:
    """The function that builds a kind's context, title, signer's code and sifat (declared by the kind)."""
    found: Callable[[Facts], Built] = getattr(decrees if kind.regulation else letters, kind.builder)
    return found


@dataclass
class Facts:
    """What the per-kind builders read."""
    book: Book
    sop: Sop
    case: Case
    step: Step
    kind: str
    day: dt.date
    calendar: OfficeCalendar | None
    profile: InstansiProfile
    period: str
    subject: str
    iku: list[Context]
    years: list[int]
    now: dt.datetime | None = None         # when the document is made (a notula waits for its meeting's end)
    new_meeting: Meeting | None = None     # set by the undangan that plans the case's meeting


def draft(book: Book, sop: Sop, case: Case, step: Step, kind: str, day: dt.date,
          calendar: OfficeCalendar | None, now: dt.datetime | None = None) -> Draft:
    profile = book.profile_of(sop)
    if profile is None:
        wanted = sop.identity.profil or "(kosong)"
        raise Refused(f"SOP {sop.code} belum punya profil instansi (Profil Instansi: {wanted}); isi lembar Instansi "
                      f"dan tulis kodenya di identitas lembar {sop.code}.", sheet=sop.code)
    iku, years = iku_rows(book, case)
    spec = KINDS[kind]
    if spec.sets_iku and not iku:
        raise Refused(f"Kasus {case.id_text} belum punya baris IKU; isi lembar IKU (ID Kasus {case.id_text}) "
                      f"sebelum membuat {spec.label}.", sheet=layout.IKU.name)
    span = period(years, case, day.year)
    facts = Facts(book, sop, case, step, kind, day, calendar, profile, span, subject(profile, span), iku, years, now)
    context, title, signer_code, sifat = builder(spec)(facts)
    regulation = spec.regulation
    font, size = profile.font(regulation)
    signer_unit = text_of(context.get("penandatangan", {}).get("unit"))
    context.update({"jenis": spec.label, "instansi": instansi(profile, signer_unit), "periode": span,
                    "subjek": facts.subject,
                    "iku": iku, "tahun_target": years, "tahun": day.year})
    style = DocumentStyle(profile.paper(regulation), font, size, regulation, profile.text("logo"),
                          profile.text("emblem"))
    request = NumberRequest(kind, case.id_text, step.no, day, title, profile, signer_code, sifat) \
        if spec.numbered else None
    properties = {"title": title, "author": profile.text("author") or profile.text("unit"),
                  "company": profile.text("name"), "case_id": case.id_text, "language": "id-ID"}
    return Draft(kind, case.id_text, title, context, style, profile, request, properties, facts.new_meeting)


def finish(draft_: Draft, number: str, day: dt.date) -> Context:
    """The context with its number and date; a regulation without a number yet shows 'NOMOR ... TAHUN ...'."""
    context = dict(draft_.context)
    context["nomor"] = number
    context["tanggal"] = tanggal(day)
    if KINDS[draft_.kind].sets_iku:
        context["nomor_tampil"] = decrees.regulation_number(number, day.year)
    else:
        context["nomor_tampil"] = number or "...................."
    return context
