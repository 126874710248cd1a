"""What a naskah dinas says: its context, built from the workbook's plain values.

templates/FIELDS.md lists every field for template authors; a test keeps that page and this
module in step.
"""
from __future__ import annotations

import datetime as dt

from ..errors import Refused
from ..workbook import layout
from .book import Book
from .case import Case
from .document_kinds import KINDS
from .indonesian import hari_tanggal, jam, tanggal, terbilang
from .people import Official, format_nip
from .sop import Sop, Step
from .values import as_int, is_blank, text_of

PENETAP_ROLES = ("menko", "menteri", "menteri koordinator")


def official_fields(official: Official | None, role: str = "") -> dict:
    if official is None:
        return {"peran": role, "jabatan": "", "nama": "", "nip": "", "nip_tampil": ""}
    nip = text_of(official.nip)
    return {"peran": text_of(official.role), "jabatan": text_of(official.title), "nama": text_of(official.name),
            "nip": nip, "nip_tampil": f"NIP {format_nip(nip)}" if nip else ""}


def find_official(book: Book, sop: Sop, role: str, purpose: str) -> Official:
    for official in book.officials:
        if text_of(official.role).lower() == role.lower() and (
            is_blank(official.sop) or text_of(official.sop) == sop.code
        ):
            if is_blank(official.name):
                break
            return official
    raise Refused(
        f"Pejabat untuk peran '{role}' ({purpose}) belum ada di lembar Pejabat; isi nama dan jabatannya dulu.",
        sheet=layout.PEJABAT.name,
    )


def _penetap(book: Book, sop: Sop) -> dict:
    for role in sop.roles:
        if role.lower() in PENETAP_ROLES:
            return official_fields(find_official(book, sop, role, "penetap peraturan"))
    jabatan, nama = book.settings.enactor_title, book.settings.enactor_name
    if not jabatan or not nama:
        raise Refused(
            "Penetap peraturan belum diisi; isi 'Jabatan Penetap' dan 'Nama Penetap' di lembar Pengaturan.",
            sheet=layout.PENGATURAN.name,
        )
    return {"peran": "Penetap", "jabatan": jabatan, "nama": nama, "nip": "", "nip_tampil": ""}


def _target_text(value: object) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}".replace(".", ",")
    return text_of(value)


def iku_fields(book: Book, case: Case) -> tuple[list[dict], list[int]]:
    rows = [r for r in book.iku_rows if text_of(r.case_id) == case.id_text]
    years = sorted({y for r in rows for y in r.targets})
    return [
        {
            "no": i,
            "sasaran": text_of(r.sasaran),
            "indikator": text_of(r.indikator),
            "definisi": text_of(r.definisi),
            "satuan": text_of(r.satuan),
            "target": [_target_text(r.targets.get(y)) for y in years],
            "sumber_data": text_of(r.sumber_data),
            "penanggung_jawab": text_of(r.penanggung_jawab),
        }
        for i, r in enumerate(rows, start=1)
    ], years


def _neighbour(sop: Sop, step: Step, offset: int) -> Step | None:
    numbered = [s for s in sop.steps if isinstance(s.no, int)]
    index = next((i for i, s in enumerate(numbered) if s.no == step.no), None)
    if index is None or not 0 <= index + offset < len(numbered):
        return None
    return numbered[index + offset]


def _addressee_role(sop: Sop, step: Step, sender_role: str) -> str | None:
    """Who the document goes to: the executor of the next step who is not the sender."""
    target: Step | None = step
    for _ in range(len(sop.steps)):
        assert target is not None
        following = sop.next_step(target, True)
        target = sop.step(following) if following is not None else None
        if target is None:
            return None
        other = [r for r in target.executors if r != sender_role]
        if other:
            return other[0]
    return None


def document_context(
    book: Book, sop: Sop, case: Case, step: Step, kind: str, number: str, day: dt.date, calendar
) -> dict:
    spec = KINDS[kind]
    if not step.executors:
        raise Refused(
            f"Langkah {step.no} SOP {sop.code} belum punya pelaksana; lengkapi lembar {sop.code}.", sheet=sop.code
        )
    sender_role = step.executors[0]
    sender = official_fields(find_official(book, sop, sender_role, "pengirim"))
    addressee_role = _addressee_role(sop, step, sender_role)
    iku, years = iku_fields(book, case)
    if spec.needs_iku and not iku:
        raise Refused(
            f"Kasus {case.id_text} belum punya baris IKU; isi lembar IKU (ID Kasus {case.id_text}) "
            f"sebelum membuat {spec.label}.",
            sheet=layout.IKU.name,
        )
    penetap = _penetap(book, sop) if spec.needs_iku else official_fields(None)
    if addressee_role:
        addressee = official_fields(find_official(book, sop, addressee_role, "penerima"))
    else:  # the last step sends its work up to whoever sets the IKU
        try:
            addressee = penetap if spec.needs_iku else _penetap(book, sop)
        except Refused:
            addressee = official_fields(None)
    kop = [line for line in sop.identity.instansi.splitlines() if line.strip()] or [
        book.settings.instansi,
        book.settings.unit,
    ]
    instansi = kop[0]
    period = f"{years[0]}-{years[-1]}" if years else str(day.year)
    tentang = f"INDIKATOR KINERJA UTAMA {instansi.upper()} TAHUN {period}"
    meeting_day = (
        calendar.add_working_days(dt.datetime.combine(day, dt.time(9, 0)), 1)
        if calendar
        else dt.datetime.combine(day + dt.timedelta(days=1), dt.time(9, 0))
    )
    before = _neighbour(sop, step, -1)
    chair_role = before.executors[0] if before and before.executors else sender_role
    chair = (
        official_fields(find_official(book, sop, chair_role, "pimpinan rapat")) if kind == "notula_rapat" else sender
    )
    participants = [
        official_fields(o)
        for o in book.officials
        if (is_blank(o.sop) or text_of(o.sop) == sop.code)
        and text_of(o.role) in sop.roles
        and text_of(o.role).lower() not in PENETAP_ROLES
        and not is_blank(o.name)
    ]
    ordering_role = before.executors[0] if before and before.executors else sender_role
    team = [p for p in participants if p["peran"] in ("Tim", sender_role)]
    tembusan = [p["jabatan"] for p in participants[:1] if p["peran"] not in (sender_role, addressee_role)]
    subject = f"{text_of(case.title)}"
    return {
        "jenis": spec.label,
        "nomor": number,
        "tanggal": tanggal(day),
        "hari_tanggal": hari_tanggal(day),
        "tahun": day.year,
        "kota": book.settings.city,
        "instansi": {"nama": instansi, "kop": kop, "unit": kop[-1] if len(kop) > 1 else book.settings.unit},
        "kasus": {
            "id": case.id_text,
            "judul": text_of(case.title),
            "unit": text_of(case.unit),
            "langkah": as_int(case.step),
            "status": text_of(case.status),
        },
        "langkah": {
            "no": step.no,
            "kegiatan": step.kegiatan,
            "kelengkapan": step.kelengkapan,
            "output": step.output,
            "waktu": text_of(step.waktu),
        },
        "sop": {"kode": sop.code, "judul": sop.identity.judul, "nomor": sop.identity.nomor},
        "pengirim": sender,
        "penerima": addressee,
        "penandatangan": sender,
        "tembusan": tembusan,
        "hal": subject,
        "sifat": "Biasa",
        "lampiran": "1 (satu) berkas" if iku else "-",
        "dasar_hukum": sop.identity.legal_basis,
        "iku": iku,
        "tahun_target": years,
        "jumlah_iku": f"{len(iku)} ({terbilang(len(iku))})",
        "rapat": {
            "hari_tanggal": hari_tanggal(meeting_day.date()),
            "waktu": f"{jam(meeting_day)} WIB s.d. selesai",
            "tempat": book.settings.meeting_place,
            "acara": f"Pembahasan {text_of(case.title)}",
            "pimpinan": chair,
            "notulis": sender,
            "peserta": participants,
        },
        "peraturan": {
            "jenis": f"PERATURAN {penetap['jabatan'].upper()}"
            if kind == "permenko_iku"
            else f"KEPUTUSAN {penetap['jabatan'].upper()}",
            "penetap": penetap,
            "jabatan_penetap": penetap["jabatan"].upper(),
            "tentang": tentang,
            "periode": period,
        },
        "tim": {
            "pembentuk": official_fields(find_official(book, sop, ordering_role, "pembentuk tim"))
            if kind == "sk_tim"
            else sender,
            "anggota": team,
        },
    }
