"""Sheet names, column headers and lists of the IKU workbook: the one place they are spelt."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.case import Status
from ..core.document_kinds import DOCUMENT_KINDS
from ..core.sop import StepKind


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    width: float = 14
    kind: str = "general"  # text | int | date | datetime | time | general
    dropdown: str | None = None  # defined name of the list it offers
    required: bool = True  # the program needs it: a renamed header stops it


@dataclass(frozen=True)
class ListSheet:
    """A sheet holding one Excel Table whose header is row 1, starting at `first_column`."""
    name: str
    table: str
    columns: tuple[Column, ...]
    first_column: int = 1

    def column(self, field: str) -> Column:
        return next(c for c in self.columns if c.field == field)


KASUS = ListSheet("Kasus", "TabelKasus", (
    Column("id", "ID Kasus", 15, "text"),
    Column("title", "Judul", 42),
    Column("sop", "Kode SOP", 13, dropdown="DaftarSOP"),
    Column("unit", "Unit", 24),
    Column("step", "Langkah", 10, "int"),
    Column("activity", "Kegiatan", 42),
    Column("executor", "Pelaksana", 24),
    Column("status", "Status", 14, dropdown="DaftarStatus"),
    Column("started", "Mulai Langkah", 17, "datetime"),
    Column("due", "Batas Waktu", 17, "datetime"),
    Column("overdue", "Terlambat", 11, required=False),
    Column("notes", "Catatan", 30),
    Column("documents", "Naskah", 24, required=False),
))

RIWAYAT = ListSheet("Riwayat", "TabelRiwayat", (
    Column("time", "Waktu", 17, "datetime"),
    Column("case_id", "ID Kasus", 15, "text"),
    Column("action", "Aksi", 11),
    Column("from_step", "Dari Langkah", 12, "int"),
    Column("to_step", "Ke Langkah", 12, "int"),
    Column("decision", "Keputusan", 11, dropdown="DaftarKeputusan"),
    Column("status_before", "Status Sebelum", 14),
    Column("status", "Status Sesudah", 14),
    Column("role", "Peran Pelaksana", 24),
    Column("by", "Oleh", 18),
    Column("note", "Catatan", 30),
    Column("step_started", "Mulai Langkah", 17, "datetime"),
    Column("standard", "Waktu Standar", 13),
    Column("due", "Batas Waktu", 17, "datetime"),
    Column("minutes", "Durasi (menit kerja)", 13, "int"),
    Column("punctuality", "Ketepatan", 13),
))

IKU = ListSheet("IKU", "TabelIKU", (
    Column("case_id", "ID Kasus", 15, "text"),
    Column("sasaran", "Sasaran Strategis", 36),
    Column("indikator", "Indikator Kinerja Utama", 40),
    Column("definisi", "Definisi/Formula", 40),
    Column("satuan", "Satuan", 10),
    Column("sumber_data", "Sumber Data", 24),
    Column("penanggung_jawab", "Penanggung Jawab", 24),
))
TARGET_HEADER = re.compile(r"^\s*target\s+(\d{4})\s*$", re.I)
DEFAULT_TARGET_YEARS = (2025, 2026, 2027, 2028, 2029)

PEJABAT = ListSheet("Pejabat", "TabelPejabat", (
    Column("role", "Peran", 26, dropdown="DaftarPeran"),
    Column("title", "Jabatan Lengkap", 48),
    Column("name", "Nama", 30),
    Column("nip", "NIP", 24, "text"),
    Column("unit", "Unit Kerja", 36),
    Column("sop", "Kode SOP", 13, dropdown="DaftarSOP", required=False),
))

PENOMORAN = ListSheet("Penomoran", "TabelPenomoran", (
    Column("number", "Nomor", 30, "text"),
    Column("kind", "Jenis Naskah", 18, dropdown="DaftarNaskah"),
    Column("date", "Tanggal", 13, "date"),
    Column("case_id", "ID Kasus", 15, "text"),
    Column("step", "Langkah", 10, "int"),
    Column("subject", "Perihal", 40),
    Column("file", "Berkas", 40),
))

LIBUR = ListSheet("Libur", "TabelLibur", (
    Column("date", "Tanggal", 13, "date"),
    Column("name", "Keterangan", 44),
    Column("kind", "Jenis", 16, dropdown="DaftarJenisLibur"),
))

PENGATURAN = ListSheet("Pengaturan", "TabelPengaturan", (
    Column("key", "Pengaturan", 34),
    Column("value", "Nilai", 46),
    Column("note", "Keterangan", 50, required=False),
))
JAM_KERJA = ListSheet("Pengaturan", "TabelJamKerja", (
    Column("day", "Hari", 10),
    Column("period", "Periode", 11),
    Column("start", "Masuk", 9, "time"),
    Column("end", "Pulang", 9, "time"),
    Column("break_start", "Istirahat Mulai", 15, "time"),
    Column("break_end", "Istirahat Selesai", 16, "time"),
), first_column=5)

# One tracking sheet per SOP: a row per case, a column per step, the date each step was done.
LACAK_PREFIX = "Lacak "
LACAK_TITLE_ROW, LACAK_LEGEND_ROW, LACAK_HEADER_ROW = 1, 2, 4
LACAK_FIXED = ("ID Kasus", "Judul", "Status")
# the legend row: (column, text, the style its cells show); the program reads each style back from here
LACAK_LEGEND = ((1, "Keterangan:", "text"), (2, "Selesai tepat waktu", "done"), (3, "Selesai terlambat", "late"),
                (4, "Langkah sekarang", "current"))
MAX_SOP_CODE = 31 - len(LACAK_PREFIX)

LIST_SHEETS = (KASUS, RIWAYAT, IKU, PEJABAT, PENOMORAN, LIBUR, PENGATURAN)
PANDUAN = "Panduan"
PANEL = "Panel"
TEMUAN = "Temuan"
# Panel: label in column A, value in column B, one row each
PANEL_FIELDS = {
    "action": (3, "Aksi"),
    "note": (4, "Alasan / catatan"),
    "by": (5, "Oleh (kosong = nama login)"),
    "at": (6, "Waktu selesai (kosong = sekarang)"),
    "month": (7, "Bulan ekspor (YYYY-MM, kosong = bulan lalu)"),
}
DAFTAR = "Daftar Pilihan"
RESERVED_SHEETS = {s.name for s in LIST_SHEETS} | {PANDUAN, DAFTAR, PANEL, TEMUAN}

HOLIDAY_KINDS = ("Libur Nasional", "Cuti Bersama", "Libur Kantor")
PERIODS = ("Normal", "Ramadan")
DECISIONS = ("Ya", "Tidak")

# defined name -> header in the Daftar Pilihan sheet; the values are filled per workbook
PICK_LISTS = {
    "DaftarSOP": "Kode SOP",
    "DaftarStatus": "Status",
    "DaftarPeran": "Peran",
    "DaftarNaskah": "Jenis Naskah",
    "DaftarKeputusan": "Keputusan",
    "DaftarJenisLangkah": "Jenis Langkah",
    "DaftarJenisLibur": "Jenis Libur",
    "DaftarAksi": "Aksi",
}
FIXED_LISTS = {
    "DaftarStatus": tuple(s.value for s in Status),
    "DaftarNaskah": DOCUMENT_KINDS,
    "DaftarKeputusan": DECISIONS,
    "DaftarJenisLangkah": tuple(k.value for k in StepKind),
    "DaftarJenisLibur": HOLIDAY_KINDS,
    "DaftarAksi": (
        "Periksa buku kerja", "Buka kasus yang diketik", "Selesaikan langkah", "Kembalikan (keputusan Tidak)",
        "Tunda", "Lanjutkan", "Batalkan", "Urungkan perpindahan terakhir", "Buat naskah dinas", "Ekspor bulanan",
        "Buat ulang lembar Lacak", "Cetak SOP dan BPMN (pilih sel di lembar SOP)"),
}

# The SOP sheet: identity block, then the two-row flowchart header, then one row a step.
SOP_TITLE = "STANDAR OPERASIONAL PROSEDUR ADMINISTRASI PEMERINTAHAN"
SOP_IDENTITY_FIRST_ROW = 3
SOP_HEADER_ROW = 18  # first of the two header rows; steps start two rows below
SOP_FIXED_HEADERS = {  # field -> header of the second header row (or the first, merged down)
    "no": "No",
    "kegiatan": "Kegiatan",
    "kelengkapan": "Kelengkapan",
    "waktu": "Waktu",
    "output": "Output",
    "keterangan": "Keterangan",
    "kind": "Jenis Langkah",
    "if_yes": "Jika Ya → Langkah",
    "if_no": "Jika Tidak → Langkah",
    "documents": "Dokumen",
}
SOP_GROUP_HEADERS = ("Pelaksana", "Mutu Baku", "Alur (dibaca program)")


def normalise_header(text: object) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text or "").lower()).strip()
