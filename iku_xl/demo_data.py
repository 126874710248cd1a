"""The demo workbook's cases, officials and IKU rows: a bureau in the middle of its work."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .core.iku import Budget, Cascade, IkuRow, QuarterTargets
from .core.people import Official, TeamMember
from .core.profile import InstansiProfile, NumberPattern
from .shipped_profiles import POLKAM_NAME, shipped_profiles

if TYPE_CHECKING:
    from .core.book import Book
    from .core.calendar import OfficeCalendar
    from .core.meeting import Meeting
    from .core.sop import Step

MINISTERS = {"POLKAM": "Surya Wiranata", "KEMNAKER": "Ahmad Fauzi"}  # made-up names for the demo


def demo_profiles() -> list[InstansiProfile]:
    profiles = shipped_profiles()
    for profile in profiles:
        profile.minister_name = MINISTERS.get(profile.key)
    return profiles

# eselon I and II units the IKU are cascaded to
_POLDAGRI, _KESBANG = "Kedeputian Bidang Koordinasi Politik Dalam Negeri", "Asisten Deputi Koordinasi Kesatuan Bangsa"
_SESMENKO, _BIRO_PO = "Sekretariat Kementerian Koordinator", "Biro Perencanaan dan Organisasi"
_BINAPENTA, _PTKDN = "Direktorat Jenderal Pembinaan Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja", \
    "Direktorat Penempatan Tenaga Kerja Dalam Negeri"
_BINALAVOTAS, _STANKOM = "Direktorat Jenderal Pembinaan Pelatihan Vokasi dan Produktivitas", \
    "Direktorat Bina Standardisasi Kompetensi"

OFFICIALS = [
    # role, full title, name, NIP, unit, SOP, eselon, kode jabatan, telepon, atasan langsung (peran)
    ("Menko", "Menteri Koordinator Bidang Politik dan Keamanan Republik Indonesia", "Surya Wiranata", "",
     POLKAM_NAME, "POLHUKAM", "Pejabat Negara", "MENKO", "", ""),
    ("Sesmenko", "Sekretaris Kementerian Koordinator Bidang Politik dan Keamanan",
     "Dr. Bambang Wicaksono, S.H., M.H.", "196805121993031002", "Sekretariat Kementerian Koordinator", "POLHUKAM",
     "I.a", "Ses", "", "Menko"),
    ("Karo PO", "Kepala Biro Perencanaan dan Organisasi", "Dra. Sri Rahayuningsih, M.Si.",
     "197203151998032001", "Biro Perencanaan dan Organisasi", "POLHUKAM", "II.a", "Set.PO", "", "Sesmenko"),
    ("Kabag Perencanaan", "Kepala Bagian Perencanaan", "Agus Setiawan, S.E., M.M.",
     "198001222005011003", "Biro Perencanaan dan Organisasi", "POLHUKAM", "III.a", "Set.PO.1", "", "Karo PO"),
    ("Kasubbag Program & Anggaran", "Kepala Subbagian Program dan Anggaran", "Rina Marlina, S.Sos., M.A.P.",
     "198609262015052001", "Biro Perencanaan dan Organisasi", "POLHUKAM", "IV.a", "Set.PO.1.1", "0812 1000 2001",
     "Kabag Perencanaan"),
    ("Unit Organisasi terkait", "Kepala Bagian Program dan Evaluasi Kedeputian Bidang Koordinasi Politik Dalam Negeri",
     "Hendra Gunawan, S.IP.", "198303172009121001", "Kedeputian Bidang Koordinasi Politik Dalam Negeri", "POLHUKAM",
     "III.a", "Dep.I.1", "", "Deputi Poldagri"),
    ("Kasubag", "Kepala Subbagian Penyusunan Rencana", "Dewi Anggraini, S.E.",
     "198711042010122002", "Biro Perencanaan dan Manajemen Kinerja", "KEMNAKER", "IV.a", "PMK.1.1", "0812 1000 3001",
     "Kabag"),
    ("Kabag", "Kepala Bagian Perencanaan Program", "Yusuf Hidayat, S.T., M.Eng.",
     "197909182003121001", "Biro Perencanaan dan Manajemen Kinerja", "KEMNAKER", "III.a", "PMK.1", "", "Karo"),
    ("Karo", "Kepala Biro Perencanaan dan Manajemen Kinerja", "Ir. Ratna Kusumawati, M.P.P.",
     "197010101996032001", "Biro Perencanaan dan Manajemen Kinerja", "KEMNAKER", "II.a", "PMK", "", "Sekjen"),
    ("Sekjen", "Sekretaris Jenderal Kementerian Ketenagakerjaan", "Drs. Hadi Prasetyo, M.Si.",
     "196601011991031001", "Sekretariat Jenderal", "KEMNAKER", "I.a", "SJ", "", "Menteri"),
    ("Menteri", "Menteri Ketenagakerjaan Republik Indonesia", "Ahmad Fauzi", "", "Kementerian Ketenagakerjaan",
     "KEMNAKER", "Pejabat Negara", "MEN", "", ""),
    ("Tim", "Ketua Tim Penyusunan IKU", "Fitri Handayani, S.Si., M.Stat.",
     "198905052014022001", "Biro Perencanaan dan Manajemen Kinerja", "KEMNAKER", "Fungsional", "", "", "Kabag"),
    ("Fungsional Umum", "Pengadministrasi Perencanaan", "Rudi Hartono",
     "199202142019031001", "Biro Perencanaan dan Manajemen Kinerja", "KEMNAKER", "Pelaksana", "", "", "Kasubag"),
    ("Deputi Poldagri", "Deputi Bidang Koordinasi Politik Dalam Negeri", "Dr. Irawan Saputra, S.IP., M.Si.",
     "196907141994031002", _POLDAGRI, "POLHUKAM", "I.a", "Dep.I", "", "Menko"),
    ("Asdep Kesbang", "Asisten Deputi Koordinasi Kesatuan Bangsa", "Maya Pertiwi, S.H., M.H.",
     "197505202000032001", _KESBANG, "POLHUKAM", "II.a", "Dep.I.2", "", "Deputi Poldagri"),
    ("Dirjen Binapenta dan PKK", "Direktur Jenderal Pembinaan Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja",
     "Drs. Wahyu Nugroho, M.M.", "196703031992031003", _BINAPENTA, "KEMNAKER", "I.a", "BINAPENTA", "", "Menteri"),
    ("Direktur PTKDN", "Direktur Penempatan Tenaga Kerja Dalam Negeri", "Siti Nurjanah, S.E., M.Si.",
     "197408122001122001", _PTKDN, "KEMNAKER", "II.a", "BINAPENTA.1", "", "Dirjen Binapenta dan PKK"),
    ("Dirjen Binalavotas", "Direktur Jenderal Pembinaan Pelatihan Vokasi dan Produktivitas",
     "Ir. Bayu Santoso, M.T.", "196811241993031001", _BINALAVOTAS, "KEMNAKER", "I.a", "LAVOTAS", "", "Menteri"),
    ("Direktur Stankom", "Direktur Bina Standardisasi Kompetensi", "Andi Permana, S.T., M.M.",
     "197611302002121002", _STANKOM, "KEMNAKER", "II.a", "LAVOTAS.1", "", "Dirjen Binalavotas"),
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
CASES: list[tuple[str, str, str, str, dt.datetime, Sequence[tuple[float, bool | None]]]] = [
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
PANRB = "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"
_S1 = "Meningkatnya efektivitas koordinasi kebijakan bidang politik dan keamanan"
_S2 = "Terwujudnya tata kelola Kementerian Koordinator Bidang Politik dan Keamanan yang akuntabel"
_S3 = "Meningkatnya perluasan kesempatan kerja"
_S4 = "Meningkatnya kualitas dan produktivitas tenaga kerja"
_T1 = "Mengukur sejauh mana koordinasi, sinkronisasi, dan pengendalian kebijakan menghasilkan kebijakan yang selaras"
_T2 = "Mengukur akuntabilitas kinerja dan tata kelola organisasi"
_T3 = "Mengukur keberhasilan perluasan kesempatan kerja"
_T4 = "Mengukur peningkatan kompetensi dan produktivitas tenaga kerja"
# One dict per IKU row: the IKU sheet's fields; targets for 2025-2029
IKU_ROWS: list[dict[str, Any]] = [
    dict(case_id="IKU-2026-001", sasaran=_S1,
         indikator="Indeks Efektivitas Koordinasi Kebijakan Bidang Politik dan Keamanan",
         definisi="Penilaian pemangku kepentingan atas efektivitas koordinasi, sinkronisasi, dan pengendalian "
                  "kebijakan bidang politik dan keamanan",
         formula="Rata-rata tertimbang skor survei pemangku kepentingan (skala 1-4)",
         satuan="Indeks", targets=(3.40, 3.45, 3.50, 3.55, 3.60),
         sumber_data="Laporan Survei Efektivitas Koordinasi", penanggung_jawab="Deputi Bidang Koordinasi",
         tujuan=_T1, jenis="Kuantitatif", sifat="Proksi", polarisasi="Maksimal", frekuensi="Tahunan",
         baseline_year=2024, baseline_value=3.35, penyedia_data="Biro Perencanaan dan Organisasi",
         catatan="Survei dilaksanakan pada triwulan IV"),
    dict(case_id="IKU-2026-001", sasaran=_S1,
         indikator="Persentase rekomendasi kebijakan yang ditindaklanjuti K/L",
         definisi="Rekomendasi kebijakan hasil koordinasi yang ditindaklanjuti oleh kementerian/lembaga terkait",
         formula="(Jumlah rekomendasi yang ditindaklanjuti / jumlah rekomendasi yang diterbitkan) x 100%",
         satuan="%", targets=(70, 72.5, 75, 77.5, 80),
         sumber_data="Laporan Pemantauan Tindak Lanjut", penanggung_jawab="Seluruh Kedeputian",
         tujuan=_T1, jenis="Kuantitatif", sifat="Eksak", polarisasi="Maksimal", frekuensi="Semesteran",
         baseline_year=2024, baseline_value=68, penyedia_data="Kedeputian Bidang Koordinasi Politik Dalam Negeri",
         catatan=None),
    dict(case_id="IKU-2026-001", sasaran=_S2,
         indikator="Nilai SAKIP Kementerian Koordinator Bidang Politik dan Keamanan",
         definisi="Nilai hasil evaluasi Sistem Akuntabilitas Kinerja Instansi Pemerintah oleh " + PANRB,
         formula="Nilai yang tercantum dalam Laporan Hasil Evaluasi Sistem Akuntabilitas Kinerja Instansi Pemerintah",
         satuan="Nilai", targets=(78, 79, 80, 81, 82),
         sumber_data="Laporan Hasil Evaluasi Sistem Akuntabilitas Kinerja Instansi Pemerintah, " + PANRB,
         penanggung_jawab="Biro Perencanaan dan Organisasi",
         tujuan=_T2, jenis="Kuantitatif", sifat="Eksak", polarisasi="Maksimal", frekuensi="Tahunan",
         baseline_year=2024, baseline_value=77.4, penyedia_data="Biro Perencanaan dan Organisasi", catatan=None),
    dict(case_id="IKU-2026-001", sasaran=_S2,
         indikator="Indeks Reformasi Birokrasi",
         definisi="Nilai indeks reformasi birokrasi hasil evaluasi " + PANRB,
         formula="Nilai indeks yang tercantum dalam Laporan Hasil Evaluasi Reformasi Birokrasi",
         satuan="Indeks", targets=(80, 81, 82, 83, 84),
         sumber_data="Laporan Hasil Evaluasi Reformasi Birokrasi, " + PANRB,
         penanggung_jawab="Biro Perencanaan dan Organisasi",
         tujuan=_T2, jenis="Kuantitatif", sifat="Eksak", polarisasi="Maksimal", frekuensi="Tahunan",
         baseline_year=2024, baseline_value=79.2, penyedia_data="Biro Perencanaan dan Organisasi", catatan=None),
    dict(case_id="IKU-2026-002", sasaran=_S2,
         indikator="Opini BPK atas Laporan Keuangan",
         definisi="Opini Badan Pemeriksa Keuangan atas Laporan Keuangan Kementerian Koordinator Bidang Politik dan "
                  "Keamanan",
         formula="Opini yang tercantum dalam Laporan Hasil Pemeriksaan BPK",
         satuan="Predikat", targets=("WTP", "WTP", "WTP", "WTP", "WTP"),
         sumber_data="Laporan Hasil Pemeriksaan Badan Pemeriksa Keuangan", penanggung_jawab="Biro Umum",
         tujuan=_T2, jenis="Kualitatif", sifat="Eksak", polarisasi="Stabil", frekuensi="Tahunan",
         baseline_year=2024, baseline_value="WTP", penyedia_data="Biro Umum", catatan=None),
    # Kemnaker's indicators follow the kinds its IKU regulations set (labour-market outcomes, competence,
    # productivity); the figures are the demo's own.
    dict(case_id="IKU-2026-003", sasaran=_S3,
         indikator="Tingkat Pengangguran Terbuka",
         definisi="Persentase penganggur terhadap angkatan kerja menurut Survei Angkatan Kerja Nasional",
         formula="(Jumlah penganggur / jumlah angkatan kerja) x 100%",
         satuan="%", targets=(5.0, 4.8, 4.6, 4.4, 4.2),
         sumber_data="Survei Angkatan Kerja Nasional, Badan Pusat Statistik",
         penanggung_jawab=_BINAPENTA,
         tujuan=_T3, jenis="Kuantitatif", sifat="Proksi", polarisasi="Minimal", frekuensi="Semesteran",
         baseline_year=2024, baseline_value=4.91, penyedia_data="Pusat Data dan Informasi Ketenagakerjaan",
         catatan="Angka Agustus dipakai sebagai capaian tahunan"),
    dict(case_id="IKU-2026-003", sasaran=_S4,
         indikator="Persentase tenaga kerja kompeten yang tersertifikasi",
         definisi="Tenaga kerja lulusan pelatihan yang memperoleh sertifikat kompetensi",
         formula="(Tenaga kerja bersertifikat kompetensi / tenaga kerja yang dilatih) x 100%",
         satuan="%", targets=(60, 63, 66, 69, 72),
         sumber_data="Sistem Informasi Pelatihan", penanggung_jawab=_BINALAVOTAS,
         tujuan=_T4, jenis="Kuantitatif", sifat="Eksak", polarisasi="Maksimal", frekuensi="Triwulanan",
         baseline_year=2024, baseline_value=58.5, penyedia_data="Direktorat Bina Standardisasi Kompetensi",
         catatan=None),
    dict(case_id="IKU-2026-004", sasaran=_S4,
         indikator="Indeks Produktivitas Tenaga Kerja",
         definisi="Produktivitas tenaga kerja nasional terhadap tahun dasar",
         formula="(PDB riil / jumlah penduduk bekerja) dibagi nilai tahun dasar x 100",
         satuan="Indeks", targets=(101, 102, 103, 104, 105),
         sumber_data="Badan Pusat Statistik", penanggung_jawab=_BINALAVOTAS,
         tujuan=_T4, jenis="Kuantitatif", sifat="Proksi", polarisasi="Maksimal", frekuensi="Tahunan",
         baseline_year=2024, baseline_value=100, penyedia_data="Direktorat Bina Produktivitas", catatan=None),
]
TARGET_YEARS = (2025, 2026, 2027, 2028, 2029)

# How the IKU are carried down: (case, IKU, tingkat, unit, sasaran program/kegiatan, indicator, C/CP/N, satuan,
# targets 2025-2029)
_P1 = "Meningkatnya efektivitas koordinasi kebijakan politik dalam negeri"
_K1 = "Meningkatnya kualitas koordinasi kebijakan kesatuan bangsa"
_P2 = "Meningkatnya kualitas tata kelola Sekretariat Kementerian Koordinator"
_K2 = "Meningkatnya kualitas perencanaan dan akuntabilitas kinerja"
_P3 = "Meningkatnya penempatan tenaga kerja"
_K3 = "Meningkatnya layanan penempatan tenaga kerja dalam negeri"
_P4 = "Meningkatnya tenaga kerja yang kompeten"
_K4 = "Meningkatnya sertifikasi kompetensi tenaga kerja"
CASCADES = [
    ("IKU-2026-001", IKU_ROWS[0]["indikator"], "Eselon I", _POLDAGRI, _P1,
     "Indeks efektivitas koordinasi kebijakan politik dalam negeri", "CP", "Indeks", (3.40, 3.45, 3.50, 3.55, 3.60)),
    ("IKU-2026-001", IKU_ROWS[0]["indikator"], "Eselon II", _KESBANG, _K1,
     "Persentase rekomendasi kebijakan kesatuan bangsa yang disepakati K/L", "CP", "%", (75, 77, 80, 82, 85)),
    ("IKU-2026-001", IKU_ROWS[1]["indikator"], "Eselon I", _POLDAGRI, _P1,
     "Persentase rekomendasi kebijakan politik dalam negeri yang ditindaklanjuti K/L", "C", "%",
     (70, 72.5, 75, 77.5, 80)),
    ("IKU-2026-001", IKU_ROWS[2]["indikator"], "Eselon I", _SESMENKO, _P2,
     "Nilai SAKIP Kementerian Koordinator Bidang Politik dan Keamanan", "C", "Nilai", (78, 79, 80, 81, 82)),
    ("IKU-2026-001", IKU_ROWS[2]["indikator"], "Eselon II", _BIRO_PO, _K2,
     "Nilai komponen perencanaan kinerja dalam evaluasi SAKIP", "CP", "Nilai", (24, 24.5, 25, 25.5, 26)),
    ("IKU-2026-001", IKU_ROWS[3]["indikator"], "Eselon I", _SESMENKO, _P2, "Indeks Reformasi Birokrasi", "C",
     "Indeks", (80, 81, 82, 83, 84)),
    ("IKU-2026-003", IKU_ROWS[5]["indikator"], "Eselon I", _BINAPENTA, _P3,
     "Jumlah tenaga kerja yang ditempatkan", "CP", "Orang", (1_200_000, 1_250_000, 1_300_000, 1_350_000, 1_400_000)),
    ("IKU-2026-003", IKU_ROWS[5]["indikator"], "Eselon II", _PTKDN, _K3,
     "Persentase pencari kerja terdaftar yang ditempatkan", "CP", "%", (40, 42, 44, 46, 48)),
    ("IKU-2026-003", IKU_ROWS[6]["indikator"], "Eselon I", _BINALAVOTAS, _P4,
     "Persentase tenaga kerja kompeten yang tersertifikasi", "C", "%", (60, 63, 66, 69, 72)),
    ("IKU-2026-003", IKU_ROWS[6]["indikator"], "Eselon II", _STANKOM, _K4,
     "Jumlah skema sertifikasi kompetensi yang ditetapkan", "CP", "Skema", (80, 90, 100, 110, 120)),
    ("IKU-2026-004", IKU_ROWS[7]["indikator"], "Eselon I", _BINALAVOTAS, _P4,
     "Indeks Produktivitas Tenaga Kerja", "C", "Indeks", (101, 102, 103, 104, 105)),
]
# Quarterly targets of 2027 for Kemnaker, whose profile puts Tw I-IV in its Perjanjian Kinerja
QUARTERS_2027 = [
    ("IKU-2026-003", IKU_ROWS[5]["indikator"], None, (None, 4.9, None, 4.6)),
    ("IKU-2026-003", IKU_ROWS[6]["indikator"], None, (15, 33, 50, 66)),
    ("IKU-2026-004", IKU_ROWS[7]["indikator"], None, (None, None, None, 103)),
    ("IKU-2026-003", "Jumlah tenaga kerja yang ditempatkan", _BINAPENTA, (250_000, 600_000, 950_000, 1_300_000)),
    ("IKU-2026-003", "Persentase pencari kerja terdaftar yang ditempatkan", _PTKDN, (10, 22, 33, 44)),
    ("IKU-2026-003", "Persentase tenaga kerja kompeten yang tersertifikasi", _BINALAVOTAS, (15, 33, 50, 66)),
    ("IKU-2026-003", "Jumlah skema sertifikasi kompetensi yang ditetapkan", _STANKOM, (20, 50, 75, 100)),
    ("IKU-2026-004", "Indeks Produktivitas Tenaga Kerja", _BINALAVOTAS, (None, None, None, 103)),
]


def demo_officials() -> list[Official]:
    return [
        Official(role=r, title=t, name=n, nip=nip or None, unit=u, sop=s, eselon=e, code=c or None, phone=ph or None,
                 superior=up or None)
        for r, t, n, nip, u, s, e, c, ph, up in OFFICIALS
    ]


def demo_iku_rows() -> list[IkuRow]:
    return [IkuRow(**{**row, "targets": dict(zip(TARGET_YEARS, row["targets"]))}) for row in IKU_ROWS]


def demo_cascades() -> list[Cascade]:
    return [Cascade(case_id=c, indikator=i, level=lv, unit=u, sasaran=s, indikator_unit=iu, cascade=k, satuan=sat,
                    targets=dict(zip(TARGET_YEARS, t)))
            for c, i, lv, u, s, iu, k, sat, t in CASCADES]


def demo_quarter_targets() -> list[QuarterTargets]:
    return [QuarterTargets(case_id=c, indikator=i, unit=u, year=2027, tw1=q[0], tw2=q[1], tw3=q[2], tw4=q[3])
            for c, i, u, q in QUARTERS_2027]


def run_demo_cases(book: Book, calendar: OfficeCalendar) -> None:
    """Open the demo cases and move them through their SOPs, filling Kasus and Riwayat."""
    from .core import workflow
    from .core.meeting import is_meeting_step, meeting_of
    from .core.waktu import Duration

    far_future = dt.datetime(9999, 1, 1)
    for case_id, title, code, unit, opened, moves in CASES:
        sop = book.sops[code]
        case = workflow.open_case(sop, case_id, title, unit, opened, calendar)
        for factor, decision in moves:
            step = sop.step(case.step)
            assert step is not None and case.started is not None
            duration = step.duration
            meeting = meeting_of(book.meetings, case_id)
            if is_meeting_step(sop, step, meeting) and meeting is not None and meeting.ends:
                done = meeting.ends  # the meeting step closes when the meeting does
            else:
                if isinstance(duration, Duration):
                    standard = calendar.working_minutes(case.started, calendar.due(case.started, duration))
                else:
                    standard = UNTIMED_STEP_MINUTES
                done = calendar.add_minutes(case.started, max(1, round(standard * factor)))
            following = sop.step(sop.next_step(step, decision))
            if meeting is None and following is not None and is_meeting_step(sop, following, None):
                meeting = _demo_meeting(case_id, following, done, calendar)
                book.meetings.append(meeting)
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
                meeting=meeting,
            )
            book.history.append(entry)
        book.cases.append(case)


MEETING_PLACE = "Ruang Rapat Biro Perencanaan dan Organisasi, Lantai 3"
# what the notulis typed after the meeting of the finished case (its notula is made from it)
MEETING_NOTES = {
    "IKU-2026-001": (
        "Kepala Bagian Perencanaan\nKepala Subbagian Program dan Anggaran\nKepala Bagian Program dan Evaluasi "
        "Kedeputian Bidang Koordinasi Politik Dalam Negeri\nKepala Bagian Program dan Evaluasi Kedeputian Bidang "
        "Koordinasi Politik Luar Negeri",
        "1. Keselarasan sasaran strategis dengan Rencana Pembangunan Jangka Menengah Nasional Tahun 2025-2029\n"
        "2. Indeks efektivitas koordinasi kebijakan: metode survei dan jumlah responden setiap tahun\n"
        "3. Persentase rekomendasi kebijakan yang ditindaklanjuti: data dari laporan pemantauan setiap kedeputian\n"
        "4. Target nilai evaluasi akuntabilitas kinerja dan indeks reformasi birokrasi",
        "1. Empat indikator kinerja utama disepakati sebagai bahan penyempurnaan konsep\n"
        "2. Setiap kedeputian menyampaikan data dasar tahun 2024 sebagai pembanding target",
        ("Kepala Subbagian Program dan Anggaran: menyempurnakan konsep sesuai hasil rapat", 2),
        ("Kepala Bagian Program dan Evaluasi Kedeputian Bidang Koordinasi Politik Dalam Negeri: menyampaikan data "
         "dasar tahun 2024", 3),
    ),
}


def _demo_meeting(case_id: str, step: Step, invited_at: dt.datetime, calendar: OfficeCalendar) -> Meeting:
    """The meeting the case's undangan set: two working days after it was signed, 09.00 for the SOP's 120 Menit;
    the finished case's meeting has what its notulis typed."""
    from .core.indonesian import tanggal
    from .core.meeting import Meeting

    start = calendar.add_working_days(invited_at, 2).replace(hour=9, minute=0, second=0, microsecond=0)
    end = start + dt.timedelta(minutes=120)
    meeting = Meeting(case_id=case_id, step=step.no, date=dt.datetime.combine(start.date(), dt.time()),
                      start=start.time(), end=end.time(), place=MEETING_PLACE,
                      participants="Kepala Bagian Perencanaan\nKepala Bagian Program dan Evaluasi Kedeputian Bidang "
                                   "Koordinasi Politik Dalam Negeri")
    if case_id in MEETING_NOTES:
        participants, points, conclusions, *follow_ups = MEETING_NOTES[case_id]
        meeting.participants, meeting.points, meeting.conclusions = participants, points, conclusions
        meeting.follow_ups = "\n".join(
            f"{what}, {tanggal(calendar.add_working_days(end, days).date())}" for what, days in follow_ups)
    return meeting


def _executor_name(roles: tuple[str, ...]) -> str:
    names = {role: name for role, _, name, *_ in OFFICIALS}
    return names.get(roles[0], roles[0]) if roles else "Staf"


# The 2027 programs and activities with their budget (rupiah), for the Perjanjian Kinerja's second table
BUDGETS_2027 = [
    (POLKAM_NAME, "Program Koordinasi Politik dan Keamanan", 185_000_000_000),
    (POLKAM_NAME, "Program Dukungan Manajemen", 320_000_000_000),
    (_POLDAGRI, "Program Koordinasi Politik dan Keamanan", 42_500_000_000),
    (_KESBANG, "Koordinasi Kebijakan Kesatuan Bangsa", 6_750_000_000),
    (_SESMENKO, "Program Dukungan Manajemen", 320_000_000_000),
    (_BIRO_PO, "Perencanaan, Organisasi, dan Akuntabilitas Kinerja", 8_400_000_000),
    (_BINAPENTA, "Program Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja", 610_000_000_000),
    (_PTKDN, "Pelayanan Penempatan Tenaga Kerja Dalam Negeri", 95_000_000_000),
    (_BINALAVOTAS, "Program Pelatihan Vokasi dan Produktivitas", 1_450_000_000_000),
    (_STANKOM, "Standardisasi dan Sertifikasi Kompetensi", 120_000_000_000),
]


def demo_budgets() -> list[Budget]:
    """A ministry's own programs (the Menteri's PK) are under its name."""
    rows = [Budget(year=2027, unit=u, program=p, amount=a) for u, p, a in BUDGETS_2027]
    kemnaker = [("Program Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja", 610_000_000_000),
                ("Program Pelatihan Vokasi dan Produktivitas", 1_450_000_000_000),
                ("Program Dukungan Manajemen", 780_000_000_000)]
    return rows + [Budget(year=2027, unit="Kementerian Ketenagakerjaan", program=p, amount=a) for p, a in kemnaker]


def demo_number_patterns() -> list[NumberPattern]:
    """Kemnaker numbers its Perjanjian Kinerja (Kemenko Polkam does not): the demo shows both."""
    return [NumberPattern(profile="KEMNAKER", kind="perjanjian_kinerja", pattern="{urut}/PK/{kode_jabatan}/{tahun}",
                          register="Jenis")]
