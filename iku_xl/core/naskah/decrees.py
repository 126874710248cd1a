"""Regulations and decrees: the Peraturan Menteri and the Keputusan that set the IKU, and the SK that forms
the team (NASKAH.md sections 7 to 9, UU 12/2011 Lampiran II)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...errors import Refused
from .. import layout
from ..document_kinds import KINDS
from ..legal import mengingat
from ..profile import InstansiProfile
from .common import Built, Context
from .parties import find_party, minister, signer_role

if TYPE_CHECKING:
    from . import Facts


def regulation_names(profile: InstansiProfile, kind: str) -> tuple[str, str, str]:
    """('Peraturan Menteri Koordinator', 'Peraturan Menteri Koordinator Bidang Politik dan Keamanan',
    'PERATURAN MENTERI KOORDINATOR BIDANG POLITIK DAN KEAMANAN REPUBLIK INDONESIA')."""
    title = profile.text("minister_title") or "Menteri"
    coordinating = title.lower().startswith("menteri koordinator")
    form = KINDS[kind].decree or "Keputusan"
    short = f"{form} Menteri Koordinator" if coordinating else f"{form} Menteri"
    line = profile.text("iku_title")  # the profile's own title line of its IKU instrument
    if line and line.split()[0].lower() == form.lower():
        return short, _no_country(line), line.upper()
    return short, f"{form} {_no_country(title)}", f"{form} {title}".upper()


def _no_country(title: str) -> str:
    return title.removesuffix(" Republik Indonesia").removesuffix(" REPUBLIK INDONESIA")


def regulation_number(number: str, year: int) -> str:
    """'12 TAHUN 2026' (after NOMOR); a draft the legal bureau has not numbered yet shows '... TAHUN ...'."""
    number = number.strip()
    if not number:
        return "... TAHUN ..."
    if "TAHUN" in number.upper():
        return number.upper().removeprefix("NOMOR").strip()
    return f"{number} TAHUN {year}"


def _bases(facts: Facts, kind_label: str) -> list[str]:
    bases = [b for b in facts.book.legal_bases if b.serves_profile(facts.profile.key)]
    items = mengingat(bases, kind_label)
    if not items:
        raise Refused(f"Dasar hukum profil {facts.profile.key} belum ada; isi lembar Dasar Hukum sebelum membuat "
                      f"{kind_label}.", sheet=layout.DASAR_HUKUM.name)
    return items


def _jabatan_heading(title: str) -> str:
    """The jabatan ending with a comma, in capitals, as it stands above Menimbang."""
    return f"{title.upper()},"


def regulation(facts: Facts) -> Built:
    kind = facts.kind
    short, full, heading = regulation_names(facts.profile, kind)
    setter = minister(facts.profile, facts.book, facts.sop)
    minister_title = facts.profile.text("minister_title") or setter.title
    about = f"Indikator Kinerja Utama {facts.profile.text('name')} Tahun {facts.period}"
    menimbang = [
        f"bahwa untuk mengukur keberhasilan pencapaian tujuan dan sasaran strategis {facts.profile.text('name')} "
        f"dalam periode tahun {facts.period}, perlu ditetapkan indikator kinerja utama;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
        f"{full} tentang {about};",
    ]
    pieces: Context = {
        "jenis_kapital": heading, "nama_pendek": short, "nama_lengkap_kapital": full.upper(),
        "tentang": about, "tentang_kapital": about.upper(), "jabatan_penetap": _jabatan_heading(minister_title),
        "jabatan_penetap_kapital": minister_title.upper(), "menimbang": menimbang,
        "mengingat": _bases(facts, KINDS[kind].label), "penetap": setter.context(),
        "kota": facts.profile.text("city") or "Jakarta",
        "pengundang": {"jabatan_kapital": (facts.profile.text("promulgator_title") or
                                           "Direktur Jenderal Peraturan Perundang-undangan").upper() + ",",
                       "nama": facts.profile.text("promulgator_name") or "...................."},
    }
    if KINDS[kind].decree == "Peraturan":  # a regulation has articles, a decision has dictums
        pieces["pasal"] = [
            [f"Indikator Kinerja Utama {facts.profile.text('name')} Tahun {facts.period} yang selanjutnya disebut "
             f"IKU merupakan ukuran keberhasilan dari tujuan dan sasaran strategis {facts.profile.text('name')}."],
            ["IKU sebagaimana dimaksud dalam Pasal 1 tercantum dalam Lampiran yang merupakan bagian tidak "
             f"terpisahkan dari {short} ini.",
             "IKU sebagaimana dimaksud pada ayat (1) digunakan sebagai acuan dalam penyusunan perjanjian kinerja, "
             "laporan kinerja, dan evaluasi akuntabilitas kinerja."],
            [f"{short} ini mulai berlaku pada tanggal diundangkan."],
        ]
    else:
        pieces["diktum"] = [
            ("KESATU", f"Menetapkan {about} sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak "
                       f"terpisahkan dari {short} ini."),
            ("KEDUA", "Indikator kinerja utama sebagaimana dimaksud dalam Diktum KESATU digunakan sebagai acuan "
                      "dalam penyusunan perjanjian kinerja, laporan kinerja, dan evaluasi akuntabilitas kinerja."),
            ("KETIGA", f"{short} ini mulai berlaku pada tanggal ditetapkan."),
        ]
    context = {"peraturan": pieces, "penandatangan": setter.context()}
    return Built(context, f"{short} tentang {about}", setter.code, "Biasa")


def team_decree(facts: Facts) -> Built:
    role = signer_role(facts.step)
    signer = find_party(facts.book, facts.sop, role, "penetap keputusan pembentukan tim", facts.profile)
    drafters = set(facts.step.executors)
    if role in drafters:
        raise Refused(f"Keputusan pembentukan tim pada langkah {facts.step.no} SOP {facts.sop.code} akan ditetapkan "
                      "oleh penyusunnya sendiri; isi kolom Penandatangan dengan pejabat yang berwenang membentuk tim.",
                      sheet=facts.sop.code)
    members = sorted((m for m in facts.book.team if (m.case_id or "") == facts.case.id_text),
                     key=lambda m: m.order)
    if not members:
        raise Refused(f"Anggota tim kasus {facts.case.id_text} belum ada; isi lembar Tim (nama, jabatan, kedudukan "
                      "dalam tim) sebelum membuat keputusan pembentukan tim.", sheet=layout.TIM.name)
    unit_title = signer.title if facts.profile.text("name").lower() in signer.title.lower() else \
        f"{signer.title} {facts.profile.text('name')}"
    team = f"Tim Penyusunan {facts.subject}"
    about = f"Pembentukan {team}"
    menimbang = [
        f"bahwa dalam rangka penyusunan {facts.subject}, perlu membentuk tim yang bertugas menyiapkan konsep "
        "indikator kinerja utama;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan "
        f"{unit_title} tentang {about};",
    ]
    pieces: Context = {
        "jenis_kapital": f"KEPUTUSAN {unit_title.upper()}", "nama_pendek": f"Keputusan {unit_title}",
        "nama_lengkap_kapital": f"KEPUTUSAN {unit_title.upper()}",
        "tentang": about, "tentang_kapital": about.upper(), "jabatan_penetap": _jabatan_heading(unit_title),
        "jabatan_penetap_kapital": unit_title.upper(), "menimbang": menimbang,
        "mengingat": _bases(facts, "Keputusan Pembentukan Tim"), "penetap": signer.context(),
        "kota": facts.profile.text("city") or "Jakarta", "nama_tim": team,
        "diktum": [
            ("KESATU", f"Membentuk {team} dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang "
                       f"merupakan bagian tidak terpisahkan dari Keputusan ini."),
            ("KEDUA", "Tim sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas mengumpulkan bahan, menyusun "
                      "konsep indikator kinerja utama beserta targetnya, membahasnya bersama unit organisasi terkait, "
                      "dan menyampaikan hasilnya kepada pimpinan."),
            ("KETIGA", f"Dalam melaksanakan tugasnya, tim bertanggung jawab kepada {signer.title}."),
            ("KEEMPAT", "Keputusan ini mulai berlaku pada tanggal ditetapkan."),
        ],
        "anggota": [{"no": i, "nama": m.name or "", "jabatan": m.title or "",
                     "kedudukan": m.position or ""} for i, m in enumerate(members, start=1)],
    }
    context = {"peraturan": pieces, "penandatangan": signer.context()}
    return Built(context, f"Keputusan {unit_title} tentang {about}", signer.code, "Biasa")
