"""Letters: nota dinas, undangan rapat, notula rapat, lembar disposisi (NASKAH.md sections 3 to 6).

Text a reader sees is written here for the reader: from the case's subject and period, in formal
Indonesian; no case ID, step number or SOP wording ever reaches it.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NoReturn

from ...errors import Refused
from .. import layout
from ..document_kinds import IKU_INSTRUMENT_KINDS
from ..indonesian import hari_tanggal, jam, tanggal
from ..meeting import Meeting, meeting_of, meeting_step
from ..sop import Step
from ..values import text_of
from ..waktu import Duration
from .common import Built, Context, count_words, sentence
from .parties import Party, find_party, recipient_roles, signer_role

if TYPE_CHECKING:
    from . import Facts

MEETING_DEFAULT_MINUTES = 120
INVITEES_IN_LETTER = 4  # more than this, and the Yth. says "daftar terlampir"
INSTRUCTIONS = ("Tanggapan dan saran", "Proses lebih lanjut", "Koordinasikan/konfirmasikan", "Untuk diketahui",
                "Siapkan bahan", "Hadiri/wakili", "Arsip")
URGENCY = ("Sangat Segera", "Segera", "Rahasia", "Biasa")
CHECKED, UNCHECKED = "☒", "☐"


def _signer(facts: Facts) -> Party:
    return find_party(facts.book, facts.sop, signer_role(facts.step), "penandatangan", facts.profile)


def _recipients(facts: Facts) -> list[Party]:
    return [find_party(facts.book, facts.sop, role, "penerima", facts.profile)
            for role in recipient_roles(facts.sop, facts.step)]


def _produces_regulation(facts: Facts) -> str | None:
    """The IKU instrument the step's nota dinas goes with: the profile's kind of it."""
    found = next((k for k in facts.step.documents if k in IKU_INSTRUMENT_KINDS), None)
    return facts.profile.kind_for(found) if found else None


def nota_dinas(facts: Facts) -> Built:
    signer = _signer(facts)
    to = _recipients(facts)
    if not to:
        raise_no_recipient(facts)
    regulation = _produces_regulation(facts)
    if regulation:
        from .decrees import regulation_names
        short, full, _ = regulation_names(facts.profile, regulation)
        thing = f"konsep {full} tentang {facts.subject}"
        hal = f"Penyampaian Konsep {short} tentang Indikator Kinerja Utama Tahun {facts.period}"
        ask = f"Sehubungan dengan hal tersebut, kami mohon perkenan Bapak/Ibu untuk menetapkan {short} dimaksud."
    else:
        thing = f"konsep {facts.subject}"
        hal = f"Penyampaian Konsep Indikator Kinerja Utama Tahun {facts.period}"
        ask = "Sehubungan dengan hal tersebut, kami mohon arahan Bapak/Ibu untuk penyempurnaan lebih lanjut."
    count = len(facts.iku)
    body = [f"Dengan hormat, bersama ini kami sampaikan {thing} yang telah disusun bersama unit organisasi terkait.",
            f"Konsep tersebut memuat {count_words(count, 'indikator kinerja utama')} beserta target tahun "
            f"{facts.period.replace('-', ' sampai dengan ')}, sebagaimana terlampir." if count else
            "Rincian konsep tersebut sebagaimana terlampir.",
            ask]
    context = {
        "penandatangan": signer.context(), "kepada": [p.title for p in to], "dari": signer.title,
        "tembusan": [], "sifat": "Biasa", "lampiran": "1 (satu) berkas", "hal": hal, "isi": body,
    }
    return Built(context, hal, signer.code, "Biasa")


def raise_no_recipient(facts: Facts) -> NoReturn:
    raise Refused(f"Langkah {facts.step.no} SOP {facts.sop.code} belum menyebut penerima naskah; isi kolom Kepada "
                  f"di lembar {facts.sop.code}.", sheet=facts.sop.code)


def _meeting_step(facts: Facts) -> Step | None:
    """The step where the meeting is held: the record's, else the first after the undangan with several
    executors or a 'rapat'; for a notula, the last such step before it."""
    record = meeting_of(facts.book.meetings, facts.case.id_text)
    named = facts.sop.step(record.step) if record is not None and record.step else None
    if named is not None:
        return named
    here = facts.step.no or 0
    if facts.kind != "notula_rapat":
        return meeting_step(facts.sop, here)
    earlier = [s for s in facts.sop.steps if isinstance(s.no, int) and s.no < here]
    for step in reversed(earlier):
        if len(step.executors) > 1 or ("rapat" in step.kegiatan.lower() and "undangan" not in step.kegiatan.lower()):
            return step
    return None


def _meeting_minutes(step: Step | None) -> int:
    duration = step.duration if step else None
    if isinstance(duration, Duration) and duration.working_minutes and duration.working_minutes <= 8 * 60:
        return int(duration.working_minutes)
    return MEETING_DEFAULT_MINUTES


def _planned_meeting(facts: Facts) -> tuple[dt.datetime, dt.datetime]:
    """Two working days after the letter, at 09.00, for as long as the SOP gives the meeting."""
    start = dt.datetime.combine(facts.day, dt.time(9, 0))
    if facts.calendar is not None:
        start = facts.calendar.add_working_days(start, 2).replace(hour=9, minute=0)
    else:
        start += dt.timedelta(days=2)
    return start, start + dt.timedelta(minutes=_meeting_minutes(_meeting_step(facts)))


def _place(facts: Facts, record: Meeting | None = None) -> str:
    return ((record.place or "") if record is not None else "") or facts.profile.text("meeting_place") or \
        "Ruang Rapat " + facts.profile.text("unit")


def _meeting(facts: Facts, start: dt.datetime, end: dt.datetime, place: str, chair: Party | None = None) -> Context:
    return {"hari_tanggal": hari_tanggal(start.date()), "mulai": f"{jam(start)} WIB",
            "waktu": f"{jam(start)} s.d. {jam(end)} WIB", "selesai": f"{jam(end)} WIB", "tempat": place,
            "acara": f"Pembahasan Konsep {facts.subject}", "pimpinan": chair.context() if chair else {}}


def _recorded_times(facts: Facts, record: Meeting) -> tuple[dt.datetime, dt.datetime] | None:
    start = record.starts
    if start is None:
        return None
    end = record.ends
    if end is None or end <= start:
        end = start + dt.timedelta(minutes=_meeting_minutes(_meeting_step(facts)))
    return start, end


def undangan(facts: Facts) -> Built:
    """The invitation names the meeting of the case's Rapat row; a first invitation plans it and writes the row."""
    signer = _signer(facts)
    invited = _recipients(facts)
    if not invited:
        raise_no_recipient(facts)
    record = meeting_of(facts.book.meetings, facts.case.id_text)
    times = _recorded_times(facts, record) if record is not None else None
    if times is None:
        times = _planned_meeting(facts)
        step = _meeting_step(facts)
        facts.new_meeting = Meeting(
            case_id=facts.case.id_text, step=step.no if step else None,
            date=dt.datetime.combine(times[0].date(), dt.time()), start=times[0].time(), end=times[1].time(),
            place=_place(facts), participants="\n".join(p.title for p in invited))
        record = None
    start, end = times
    if record is not None and start.date() < facts.day:
        raise Refused(f"Rapat kasus {facts.case.id_text} sudah berlangsung pada {hari_tanggal(start.date())}, jadi "
                      f"undangannya bertanggal sebelum itu: buat dengan --tanggal, atau tulis jadwal baru di lembar "
                      f"Rapat baris {record.row}.", sheet=layout.RAPAT.name)
    drafter = find_party(facts.book, facts.sop, facts.step.executors[0], "narahubung", facts.profile) \
        if facts.step.executors else signer
    phone = drafter.phone or facts.profile.text("phone")
    hal = "Undangan Rapat Pembahasan Konsep Indikator Kinerja Utama"
    long_list = len(invited) > INVITEES_IN_LETTER
    context = {
        "penandatangan": signer.context(), "kepada": [p.title for p in invited], "kepada_terlampir": long_list,
        "tembusan": [], "sifat": "Biasa", "lampiran": "1 (satu) lembar" if long_list else "-", "hal": hal,
        "rapat": _meeting(facts, start, end, _place(facts, record)),
        "pembuka": f"Dalam rangka penyusunan {facts.subject}, dengan hormat kami mengundang Bapak/Ibu untuk hadir "
                   "pada rapat yang akan diselenggarakan pada:",
        "narahubung": {"nama": drafter.name, "jabatan": drafter.title, "telepon": phone},
    }
    return Built(context, f"Undangan Rapat Pembahasan Konsep {facts.subject}", signer.code, "Biasa")


def _held(facts: Facts) -> tuple[Meeting, dt.datetime, dt.datetime]:
    """The case's meeting, once it is over and its points are typed; else the one sentence saying what is missing."""
    record = meeting_of(facts.book.meetings, facts.case.id_text)
    times = _recorded_times(facts, record) if record is not None else None
    if record is None or times is None:
        raise Refused(f"Rapat kasus {facts.case.id_text} belum tercatat di lembar Rapat; buat undangan rapatnya dulu "
                      "(barisnya ditulis saat undangan dibuat) atau isi tanggal dan jam rapatnya di sana.",
                      sheet=layout.RAPAT.name)
    start, end = times
    now = facts.now or dt.datetime.combine(facts.day, dt.time.max)
    where = f"lembar Rapat baris {record.row}" if record.row else "lembar Rapat"
    if now < end:
        raise Refused(f"Rapat kasus {facts.case.id_text} baru selesai {hari_tanggal(end.date())} pukul {jam(end)} WIB, "
                      f"jadi notulanya dibuat sesudah itu (jadwalnya di {where}).", sheet=layout.RAPAT.name)
    if not record.items("points"):
        raise Refused(f"Pokok bahasan rapat kasus {facts.case.id_text} masih kosong; notulis mengisi kolom Pokok "
                      f"Bahasan, Kesimpulan, dan Tindak Lanjut di {where} lalu membuat notulanya.",
                      sheet=layout.RAPAT.name)
    return record, start, end


def notula(facts: Facts) -> Built:
    notulis = _signer(facts)
    chairs = _recipients(facts)
    chair = chairs[0] if chairs else notulis
    record, start, end = _held(facts)
    day = max(facts.day, end.date())  # written after the meeting, never before it
    if facts.calendar is not None and not facts.calendar.is_working_day(day):
        day = facts.calendar.next_working_moment(dt.datetime.combine(day, dt.time(23, 59))).date()
    participants = [sentence_case(p) for p in record.items("participants")] or \
        _participants(facts, (notulis, chair))
    later = [s for s in facts.sop.steps if isinstance(s.no, int) and s.no > (facts.step.no or 0)]
    follow_ups = record.follow_up_items() or _follow_ups(facts, notulis, later, end)
    conclusions = record.items("conclusions") or [
        "Rapat menyepakati pokok-pokok bahasan di atas sebagai bahan penyempurnaan konsep."]
    context = {
        "penandatangan": notulis.context(), "pimpinan": chair.context(), "notulis": notulis.context(),
        "rapat": _meeting(facts, start, end, _place(facts, record), chair), "peserta": participants,
        "pembukaan": f"Rapat dibuka pukul {jam(start)} WIB oleh {chair.title} selaku pimpinan rapat, yang "
                     f"menyampaikan bahwa rapat diselenggarakan untuk membahas konsep {facts.subject}.",
        "pembahasan": [sentence(p) for p in record.items("points")],
        "kesimpulan": [sentence(c) for c in conclusions],
        "tindak_lanjut": follow_ups,
        "penutup": f"Rapat ditutup pukul {jam(end)} WIB.",
        "tanggal_notula": tanggal(day),
    }
    return Built(context, f"Notula Rapat Pembahasan Konsep {facts.subject}", notulis.code, "Biasa")


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _participants(facts: Facts, present: tuple[Party, ...]) -> list[str]:
    step = _meeting_step(facts)
    roles = list(step.executors) if step else []
    found = [p.title for p in present]
    for role in roles:
        try:
            title = find_party(facts.book, facts.sop, role, "peserta", facts.profile).title
        except Refused:  # a participant without a Pejabat row is named by its role
            title = role
        if title not in found:
            found.append(title)
    return found


def _follow_ups(facts: Facts, notulis: Party, later: list[Step], after: dt.datetime) -> list[Context]:
    """Who does what by when: the notulis completes the draft, then the next steps' officials act on it,
    each by the time the SOP gives their step."""
    meeting = _meeting_step(facts)
    units = set(meeting.executors[1:]) if meeting else set()
    moment = _due(facts, facts.step, after)
    items = [{"siapa": notulis.title, "apa": "menyempurnakan konsep sesuai hasil pembahasan rapat",
              "kapan": tanggal(moment.date())}]
    seen = {notulis.title}
    for step in later[:3]:
        if not step.executors:
            continue
        moment = _due(facts, step, moment)
        role = step.executors[0]
        try:
            who = find_party(facts.book, facts.sop, role, "tindak lanjut", facts.profile).title
        except Refused:  # an official not yet in Pejabat is named by the role
            who = role
        if who in seen:
            continue
        seen.add(who)
        task = ("menyampaikan konfirmasi atas indikator dan target yang menjadi tugas unitnya" if role in units
                else "memeriksa konsep yang telah disempurnakan")
        items.append({"siapa": who, "apa": task, "kapan": tanggal(moment.date())})
    return items


def _due(facts: Facts, step: Step, start: dt.datetime) -> dt.datetime:
    duration = step.duration
    if facts.calendar is not None and isinstance(duration, Duration):
        return facts.calendar.due(start, duration)
    return start + dt.timedelta(days=1)


def disposisi(facts: Facts) -> Built:
    signer = _signer(facts)
    to = _recipients(facts)
    if not to:
        raise_no_recipient(facts)
    letter = _disposed_letter(facts)
    subordinates = _subordinates(facts, signer, to)
    following = next((s for s in facts.sop.steps if isinstance(s.no, int) and s.no > (facts.step.no or 0)), None)
    wording = (following.kegiatan if following else "").lower()
    ticked = {"Proses lebih lanjut"}
    if "rapat" in wording or "undangan" in wording:
        ticked.add("Hadiri/wakili")
    if "koordinasi" in wording:
        ticked.add("Koordinasikan/konfirmasikan")
    if any(w in wording for w in ("menyusun", "konsep", "menyiapkan", "bahan", "draf")):
        ticked.add("Siapkan bahan")
    context = {
        "penandatangan": signer.context(),
        "surat": letter,
        "sifat_kotak": [{"teks": u, "tanda": CHECKED if u == "Biasa" else UNCHECKED} for u in URGENCY],
        "hal": f"Penyusunan {facts.subject}",
        "diteruskan": [{"jabatan": title, "tanda": CHECKED if title in {p.title for p in to} else UNCHECKED}
                       for title in subordinates],
        "instruksi": [{"teks": text, "tanda": CHECKED if text in ticked else UNCHECKED} for text in INSTRUCTIONS],
        "catatan": f"Mohon ditindaklanjuti dengan penyiapan konsep {facts.subject} sesuai tahapan "
                   "penyusunannya.",
    }
    return Built(context, f"Disposisi Penyusunan {facts.subject}", signer.code, "Biasa")


def _subordinates(facts: Facts, signer: Party, to: list[Party]) -> list[str]:
    """A box for every jabatan of the SOP below the disposing official, those disposed to first."""
    titles = [p.title for p in to]
    for role in facts.sop.roles:
        try:
            other = find_party(facts.book, facts.sop, role, "penerima disposisi", facts.profile)
        except Refused:  # a role without an official gets no box
            continue
        below = other.rank is not None and signer.rank is not None and other.rank > signer.rank
        if below and other.title not in titles:
            titles.append(other.title)
    return titles


def _disposed_letter(facts: Facts) -> Context:
    """The letter this disposisi follows: the case's last numbered document before this step, if any."""
    earlier = [e for e in facts.book.numbers if (e.case_id or "") == facts.case.id_text and (e.number or "")
               and (e.step or 0) < (facts.step.no or 0)]
    if not earlier:
        blank = "...................."
        return {"dari": blank, "nomor": blank, "tanggal": blank, "diterima": blank, "agenda": blank}
    last = earlier[-1]
    when = last.date
    signer = next((o.title for o in facts.book.officials if (o.code or "") == (last.signer or "")), "")
    return {"dari": text_of(signer) or "....................", "nomor": text_of(last.number),
            "tanggal": tanggal(when.date()) if when else "....................",
            "diterima": tanggal(facts.day), "agenda": "...................."}
