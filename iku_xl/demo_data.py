"""The demo workbook's cases, officials and IKU rows: a bureau in the middle of its work."""
from __future__ import annotations

import datetime as dt

from .core.iku import IkuRow
from .core.people import Official, TeamMember
from .core.profile import InstansiProfile
from .core.values import as_int
from .shipped_profiles import POLKAM_NAME, shipped_profiles

MINISTERS = {"POLKAM": "Surya Wiranata", "KEMNAKER": "Ahmad Fauzi"}  # made-up names for the demo


def demo_profiles() -> list[InstansiProfile]:
    profiles = shipped_profiles()
    for profile in profiles:
        profile.minister_name = MINISTERS.get(profile.key)
    return profiles

OFFICIALS = [
    # role, full title, name, NIP, unit, SOP, eselon, kode jabatan, telepon
    ("Menko", "Menteri Koordinator Bidang Politik dan Keamanan Republik Indonesia", "Surya Wiranata", "",
     POLKAM_NAME, "POLHUKAM", "Pejabat Negara", "MENKO", ""),
    ("Sesmenko", "Sekretaris Kementerian Koordinator Bidang Politik dan Keamanan",
     "Dr. Bambang Wicaksono, S.H., M.H.", "196805121993031002", "Sekretariat Kementerian Koordinator", "POLHUKAM",
     "I.a", "Ses", ""),
    ("Karo PO", "Kepala Biro Perencanaan dan Organisasi", "Dra. Sri Rahayuningsih, M.Si.",
     "197203151998032001", "Biro Perencanaan dan Organisasi", "POLHUKAM", "II.a", "Set.PO", ""),
    ("Kabag Perencanaan", "Kepala Bagian Perencanaan", "Agus Setiawan, S.E., M.M.",
     "198001222005011003", "Biro Perencanaan dan Organisasi", "POLHUKAM", "III.a", "Set.PO.1", ""),
    ("Kasubbag Program & Anggaran", "Kepala Subbagian Program dan Anggaran", "Rina Marlina, S.Sos., M.A.P.",
     "198609262015052001", "Biro Perencanaan dan Organisasi", "POLHUKAM", "IV.a", "Set.PO.1.1", "0812 1000 2001"),
    ("Unit Organisasi terkait", "Kepala Bagian Program dan Evaluasi Kedeputian Bidang Koordinasi Politik Dalam Negeri",
     "Hendra Gunawan, S.IP.", "198303172009121001", "Kedeputian Bidang Koordinasi Politik Dalam Negeri", "POLHUKAM",
     "III.a", "Dep.I.1", ""),
    ("Kasubag", "Kepala Subbagian Penyusunan Rencana", "Dewi Anggraini, S.E.",
     "198711042010122002", "Biro Perencanaan dan Manajemen Kinerja", "KEMNAKER", "IV.a", "PMK.1.1", "0812 1000 3001"),
    ("Kabag", "Kepala Bagian Perencanaan Program", "Yusuf Hidayat, S.T., M.Eng.",
     "197909182003121001", "Biro Perencanaan dan Manajemen Kinerja", "KEMNAKER", "III.a", "PMK.1", ""),
    ("Karo", "Kepala Biro Perencanaan dan Manajemen Kinerja", "Ir. Ratna Kusumawati, M.P.P.",
     "197010101996032001", "Biro Perencanaan dan Manajemen Kinerja", "KEMNAKER", "II.a", "PMK", ""),
    ("Sekjen", "Sekretaris Jenderal Kementerian Ketenagakerjaan", "Drs. Hadi Prasetyo, M.Si.",
     "196601011991031001", "Sekretariat Jenderal", "KEMNAKER", "I.a", "SJ", ""),
    ("Menteri", "Menteri Ketenagakerjaan Republik Indonesia", "Ahmad Fauzi", "", "Kementerian Ketenagakerjaan",
     "KEMNAKER", "Pejabat Negara", "MEN", ""),
    ("Tim", "Ketua Tim Penyusunan IKU", "Fitri Handayani, S.Si., M.Stat.",
     "198905052014022001", "Biro Perencanaan dan Manajemen Kinerja", "KEMNAKER", "Fungsional", "", ""),
    ("Fungsional Umum", "Pengadministrasi Perencanaan", "Rudi Hartono",
     "199202142019031001", "Biro Perencanaan dan Manajemen Kinerja", "KEMNAKER", "Pelaksana", "", ""),
]

TEAM = [
    # the team Kemnaker's SK Tim forms for case IKU-2026-003: name, jabatan, kedudukan
    ("Drs. Hadi Prasetyo, M.Si.", "Sekretaris Jenderal Kementerian Ketenagakerjaan", "Pengarah"),
    ("Ir. Ratna Kusumawati, M.P.P.", "Kepala Biro Perencanaan dan Manajemen Kinerja", "Penanggung Jawab"),
    ("Yusuf Hidayat, S.T., M.Eng.", "Kepala Bagian Perencanaan Program", "Ketua"),
    ("Dewi Anggraini, S.E.", "Kepala Subbagian Penyusunan Rencana", "Sekretaris"),
    ("Fitri Handayani, S.Si., M.Stat.", "Perencana Ahli Muda", "Anggota"),
    ("Bagus Pratama, S.E.", "Perencana Ahli Pertama, Direktorat Jenderal Pembinaan Penempatan Tenaga Kerja",
     "Anggota"),
    ("Lestari Wulandari, S.Psi.", "Analis Kebijakan Ahli Muda, Direktorat Jenderal Pembinaan Pelatihan Vokasi",
     "Anggota"),
    ("Rudi Hartono", "Pengadministrasi Perencanaan", "Anggota"),
]


def demo_team() -> list[TeamMember]:
    return [TeamMember(case_id="IKU-2026-003", name=n, title=t, position=p) for n, t, p in TEAM]


# id, title, SOP, unit, opened at, the moves it has made since: (working minutes taken, decision)
LATE, ON_TIME = 1.6, 0.7
CASES: list[tuple[str, str, str, str, dt.datetime, list]] = [
    ("IKU-2026-001", "Penyusunan IKU Kemenko Polkam Tahun 2025-2029", "POLHUKAM",
     "Biro Perencanaan dan Organisasi", dt.datetime(2026, 10, 1, 8, 0),
     [(ON_TIME, None)] * 5 + [(LATE, None)] + [(ON_TIME, None)] * 6 + [(LATE, None)] + [(ON_TIME, None)] * 4),
    ("IKU-2026-002", "Reviu IKU Kemenko Polkam Tahun 2026", "POLHUKAM",
     "Biro Perencanaan dan Organisasi", dt.datetime(2026, 11, 16, 8, 0),
     [(ON_TIME, None)] * 3 + [(LATE, None)] + [(ON_TIME, None)] * 6),
    ("IKU-2026-003", "Penyusunan IKU Kementerian Ketenagakerjaan Tahun 2025-2029", "KEMNAKER",
     "Biro Perencanaan dan Manajemen Kinerja", dt.datetime(2026, 11, 2, 8, 0),
     [(ON_TIME, None), (ON_TIME, False), (ON_TIME, None), (ON_TIME, True), (ON_TIME, True), (ON_TIME, None),
      (ON_TIME, None)]),
    ("IKU-2026-004", "Reviu IKU Kementerian Ketenagakerjaan Tahun 2027", "KEMNAKER",
     "Biro Perencanaan dan Manajemen Kinerja", dt.datetime(2026, 11, 20, 10, 30), []),
]
UNTIMED_STEP_MINUTES = 45  # KEMNAKER's steps have no standard time: the demo takes this long

PANRB = "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"
_S1 = "Meningkatnya efektivitas koordinasi kebijakan bidang politik dan keamanan"
_S2 = "Terwujudnya tata kelola Kementerian Koordinator Bidang Politik dan Keamanan yang akuntabel"
_S3 = "Meningkatnya perluasan kesempatan kerja"
_S4 = "Meningkatnya kualitas dan produktivitas tenaga kerja"
IKU_ROWS = [
    (
        "IKU-2026-001",
        _S1,
        "Indeks Efektivitas Koordinasi Kebijakan Bidang Politik dan Keamanan",
        "Rata-rata tertimbang skor survei pemangku kepentingan atas koordinasi, sinkronisasi, dan pengendalian "
        "kebijakan",
        "Indeks",
        (3.40, 3.45, 3.50, 3.55, 3.60),
        "Laporan Survei Efektivitas Koordinasi",
        "Deputi Bidang Koordinasi",
    ),
    (
        "IKU-2026-001",
        _S1,
        "Persentase rekomendasi kebijakan yang ditindaklanjuti K/L",
        "(Jumlah rekomendasi yang ditindaklanjuti / jumlah rekomendasi yang diterbitkan) x 100%",
        "%",
        (70, 72.5, 75, 77.5, 80),
        "Laporan Pemantauan Tindak Lanjut",
        "Seluruh Kedeputian",
    ),
    (
        "IKU-2026-001",
        _S2,
        "Nilai SAKIP Kementerian Koordinator Bidang Politik dan Keamanan",
        "Nilai hasil evaluasi Sistem Akuntabilitas Kinerja Instansi Pemerintah oleh " + PANRB,
        "Nilai",
        (78, 79, 80, 81, 82),
        "Laporan Hasil Evaluasi Sistem Akuntabilitas Kinerja Instansi Pemerintah, " + PANRB,
        "Biro Perencanaan dan Organisasi",
    ),
    (
        "IKU-2026-001",
        _S2,
        "Indeks Reformasi Birokrasi",
        "Nilai indeks reformasi birokrasi hasil evaluasi " + PANRB,
        "Indeks",
        (80, 81, 82, 83, 84),
        "Laporan Hasil Evaluasi Reformasi Birokrasi, " + PANRB,
        "Biro Perencanaan dan Organisasi",
    ),
    (
        "IKU-2026-002",
        _S2,
        "Opini BPK atas Laporan Keuangan",
        "Opini Badan Pemeriksa Keuangan atas Laporan Keuangan Kementerian Koordinator Bidang Politik dan Keamanan",
        "Predikat",
        ("WTP", "WTP", "WTP", "WTP", "WTP"),
        "Laporan Hasil Pemeriksaan Badan Pemeriksa Keuangan",
        "Biro Umum",
    ),
    (
        "IKU-2026-003",
        _S3,
        "Tingkat Pengangguran Terbuka",
        "(Jumlah penganggur / angkatan kerja) x 100%",
        "%",
        (5.0, 4.8, 4.6, 4.4, 4.2),
        "Survei Angkatan Kerja Nasional, Badan Pusat Statistik",
        "Direktorat Jenderal Pembinaan Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja",
    ),
    (
        "IKU-2026-003",
        _S4,
        "Persentase tenaga kerja kompeten yang tersertifikasi",
        "(Tenaga kerja bersertifikat kompetensi / tenaga kerja yang dilatih) x 100%",
        "%",
        (60, 63, 66, 69, 72),
        "Sistem Informasi Pelatihan",
        "Direktorat Jenderal Pembinaan Pelatihan Vokasi dan Produktivitas",
    ),
    (
        "IKU-2026-004",
        _S4,
        "Indeks Produktivitas Tenaga Kerja",
        "PDB riil / jumlah penduduk bekerja, dinyatakan dalam indeks",
        "Indeks",
        (101, 102, 103, 104, 105),
        "Badan Pusat Statistik",
        "Direktorat Jenderal Pembinaan Pelatihan Vokasi dan Produktivitas",
    ),
]
TARGET_YEARS = (2025, 2026, 2027, 2028, 2029)


def demo_officials() -> list[Official]:
    return [
        Official(role=r, title=t, name=n, nip=nip or None, unit=u, sop=s, eselon=e, code=c or None, phone=ph or None)
        for r, t, n, nip, u, s, e, c, ph in OFFICIALS
    ]


def demo_iku_rows() -> list[IkuRow]:
    return [
        IkuRow(
            case_id=c,
            sasaran=s,
            indikator=i,
            definisi=d,
            satuan=u,
            targets=dict(zip(TARGET_YEARS, t)),
            sumber_data=src,
            penanggung_jawab=pj,
        )
        for c, s, i, d, u, t, src, pj in IKU_ROWS
    ]


def run_demo_cases(book, calendar) -> None:
    """Open the demo cases and move them through their SOPs, filling Kasus and Riwayat."""
    from .core import workflow
    from .core.waktu import Duration

    far_future = dt.datetime(9999, 1, 1)
    for case_id, title, code, unit, opened, moves in CASES:
        sop = book.sops[code]
        case = workflow.open_case(sop, case_id, title, unit, opened, calendar)
        for factor, decision in moves:
            step = sop.step(as_int(case.step))
            assert step is not None and isinstance(case.started, dt.datetime)
            duration = step.duration
            if isinstance(duration, Duration):
                standard = calendar.working_minutes(case.started, calendar.due(case.started, duration))
            else:
                standard = UNTIMED_STEP_MINUTES
            done = calendar.add_minutes(case.started, max(1, round(standard * factor)))
            case, entry = workflow.advance(
                case,
                sop,
                calendar,
                decision=decision,
                at=done,
                by=_executor_name(step.executors),
                note=None,
                now=far_future,
                history=[h for h in book.history if h.case_id == case_id],
            )
            book.history.append(entry)
        book.cases.append(case)


def _executor_name(roles) -> str:
    names = {role: name for role, _, name, *_ in OFFICIALS}
    return names.get(roles[0], roles[0]) if roles else "Staf"
