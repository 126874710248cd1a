"""Sheet names, column headers and lists of the IKU workbook: the one place they are spelt.

The schema of the records, owned by core; the workbook layer and the faces read it, core never imports them."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .case import Status
from .document_kinds import KINDS
from .iku import CASCADE_KINDS, FREKUENSI, JENIS_INDIKATOR, POLARISASI, SIFAT_IKU, TINGKAT
from .legal import LEGAL_KINDS
from .people import ESELON, TEAM_POSITIONS
from .profile import IKU_INSTRUMENTS, REGISTER_SCOPES
from .sop import StepKind


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    width: float = 14
    kind: str = "general"  # text | int | money | date | datetime | time | general
    dropdown: str | None = None  # defined name of the list it offers
    required: bool = True  # the program needs it: a renamed header stops it


@dataclass(frozen=True)
class ListSheet:
    """A sheet holding one Excel Table whose header is row 1, starting at `first_column`.
    An `optional` sheet may be missing from older workbooks: it then reads as empty."""
    name: str
    table: str
    columns: tuple[Column, ...]
    first_column: int = 1
    optional: bool = False

    def column(self, field: str) -> Column:
        return next(c for c in self.columns if c.field == field)


KASUS = ListSheet("Kasus", "TabelKasus", (
    Column("id", "ID Kasus", 15, "text"),
    Column("title", "Judul", 42, "text"),
    Column("sop", "Kode SOP", 13, dropdown="DaftarSOP"),
    Column("unit", "Unit", 24, "text"),
    Column("step", "Langkah", 10, "int"),
    Column("activity", "Kegiatan", 42, "text"),
    Column("executor", "Pelaksana", 24, "text"),
    Column("status", "Status", 14, dropdown="DaftarStatus"),
    Column("started", "Mulai Langkah", 17, "datetime"),
    Column("due", "Batas Waktu", 17, "datetime"),
    Column("overdue", "Terlambat", 11, required=False),
    Column("notes", "Catatan", 30, "text"),
    Column("documents", "Naskah", 24, required=False),
))

RIWAYAT = ListSheet("Riwayat", "TabelRiwayat", (
    Column("time", "Waktu", 17, "datetime"),
    Column("case_id", "ID Kasus", 15, "text"),
    Column("action", "Aksi", 11, "text"),
    Column("from_step", "Dari Langkah", 12, "int"),
    Column("to_step", "Ke Langkah", 12, "int"),
    Column("decision", "Keputusan", 11, dropdown="DaftarKeputusan"),
    Column("status_before", "Status Sebelum", 14, "text"),
    Column("status", "Status Sesudah", 14, "text"),
    Column("role", "Peran Pelaksana", 24, "text"),
    Column("by", "Oleh", 18, "text"),
    Column("note", "Catatan", 30, "text"),
    Column("step_started", "Mulai Langkah", 17, "datetime"),
    Column("standard", "Waktu Standar", 13, "text"),
    Column("due", "Batas Waktu", 17, "datetime"),
    Column("minutes", "Durasi (menit kerja)", 13, "int"),
    Column("punctuality", "Ketepatan", 13),
))

# Riwayat is closed per year: a past year's rows move to a sheet of their own ("Riwayat 2026"), laid out as Riwayat
# (same header, Table, formats); Riwayat keeps the current year's, so a move re-packs one year's rows, not all.
HISTORY_YEAR_PREFIX = "Riwayat "
_HISTORY_YEAR = re.compile(r"^Riwayat (\d{4})$")


def history_year(sheet_name: str) -> int | None:
    """The year of a closed year's Riwayat sheet ('Riwayat 2026' -> 2026); None for any other sheet."""
    match = _HISTORY_YEAR.match(sheet_name)
    return int(match.group(1)) if match else None


def history_year_sheet(year: int) -> ListSheet:
    """The sheet holding a closed year's Riwayat rows: Riwayat's columns, its own Table."""
    return ListSheet(f"{HISTORY_YEAR_PREFIX}{year}", f"{RIWAYAT.table}{year}", RIWAYAT.columns)


def history_layout(sheet_name: str) -> ListSheet:
    """Riwayat's layout under the name of the sheet holding the rows (so a message names that sheet)."""
    year = history_year(sheet_name)
    return RIWAYAT if year is None else history_year_sheet(year)


def history_sheets(sheet_names: Iterable[str]) -> list[str]:
    """Every sheet holding Riwayat rows, oldest first: the closed years in order, then Riwayat."""
    years = sorted((year, name) for name in sheet_names if (year := history_year(name)) is not None)
    return [name for _, name in years] + [RIWAYAT.name]


IKU = ListSheet("IKU", "TabelIKU", (
    Column("case_id", "ID Kasus", 15, "text"),
    Column("sasaran", "Sasaran Strategis", 36),
    Column("indikator", "Indikator Kinerja Utama", 40),
    Column("definisi", "Definisi/Formula", 40),
    Column("satuan", "Satuan", 10),  # the 'Target YYYY' columns follow it
    Column("sumber_data", "Sumber Data", 24),
    Column("penanggung_jawab", "Penanggung Jawab", 24),
    # what the Manual IKU and the Perjanjian Kinerja need besides: staff fill them once per Renstra
    Column("formula", "Formula/Cara Perhitungan", 36, required=False),
    Column("tujuan", "Tujuan", 30, required=False),
    Column("jenis", "Jenis Indikator", 14, dropdown="DaftarJenisIndikator", required=False),
    Column("sifat", "Sifat IKU", 10, dropdown="DaftarSifatIKU", required=False),
    Column("polarisasi", "Polarisasi", 12, dropdown="DaftarPolarisasi", required=False),
    Column("frekuensi", "Frekuensi Pengukuran", 14, dropdown="DaftarFrekuensi", required=False),
    Column("baseline_year", "Baseline Tahun", 10, "int", required=False),
    Column("baseline_value", "Baseline Nilai", 10, required=False),
    Column("penyedia_data", "Unit Penyedia Data", 24, required=False),
    Column("catatan", "Catatan", 30, required=False),
))
TARGET_HEADER = re.compile(r"^\s*target\s+(\d{4})\s*$", re.I)
DEFAULT_TARGET_YEARS = (2025, 2026, 2027, 2028, 2029)

# How each IKU is carried down to eselon I (sasaran program) and eselon II (sasaran kegiatan) units: one row per
# unit; an IKU with no row here is not cascaded (N). Its targets are 'Target YYYY' columns, as on the IKU sheet.
CASCADING = ListSheet("Cascading", "TabelCascading", (
    Column("case_id", "ID Kasus", 15, "text"),
    Column("indikator", "Indikator Kinerja Utama", 40, dropdown="DaftarIKU"),
    Column("level", "Tingkat", 11, dropdown="DaftarTingkat"),
    Column("unit", "Unit Kerja", 34, dropdown="DaftarUnit"),
    Column("sasaran", "Sasaran Program/Kegiatan", 36),
    Column("indikator_unit", "Indikator Kinerja Program/Kegiatan", 40),
    Column("cascade", "Cascading", 11, dropdown="DaftarCascading"),
    Column("satuan", "Satuan", 10, required=False),  # the 'Target YYYY' columns follow it
    Column("catatan", "Catatan", 30, required=False),
), optional=True)

# Quarterly targets for a Perjanjian Kinerja whose profile asks for them: one row per indicator, unit and year.
TARGET_TRIWULAN = ListSheet("Target Triwulan", "TabelTargetTriwulan", (
    Column("case_id", "ID Kasus", 15, "text"),
    Column("indikator", "Indikator Kinerja", 40),
    Column("unit", "Unit Kerja", 30, required=False),  # blank: the ministry's own IKU (the Menteri's PK)
    Column("year", "Tahun", 8, "int"),
    Column("tw1", "Target Tw I", 11),
    Column("tw2", "Target Tw II", 11),
    Column("tw3", "Target Tw III", 11),
    Column("tw4", "Target Tw IV", 11),
), optional=True)

# The programs or activities and their budget, typed by staff, for the second table of a Perjanjian Kinerja's lampiran
ANGGARAN = ListSheet("Anggaran", "TabelAnggaran", (
    Column("year", "Tahun", 8, "int"),
    Column("unit", "Unit Kerja", 34, required=False),  # the ministry's name (or blank): the Menteri's PK
    Column("program", "Program/Kegiatan", 50),
    Column("amount", "Anggaran (Rp)", 20, "money"),
), optional=True)

PEJABAT = ListSheet("Pejabat", "TabelPejabat", (
    Column("role", "Peran", 26, dropdown="DaftarPeran"),
    Column("title", "Jabatan Lengkap", 48),
    Column("name", "Nama", 30),
    Column("nip", "NIP", 24, "text"),
    Column("unit", "Unit Kerja", 36),
    Column("sop", "Kode SOP", 13, dropdown="DaftarSOP", required=False),
    Column("eselon", "Eselon", 15, dropdown="DaftarEselon", required=False),
    Column("code", "Kode Jabatan", 14, "text", required=False),
    Column("phone", "Telepon", 18, "text", required=False),
    Column("superior", "Atasan Langsung (Peran)", 22, required=False),  # pihak kedua of a Perjanjian Kinerja
))

PENOMORAN = ListSheet("Penomoran", "TabelPenomoran", (
    Column("number", "Nomor", 30, "text"),
    Column("kind", "Jenis Naskah", 24, dropdown="DaftarNaskah"),
    Column("date", "Tanggal", 13, "date"),
    Column("case_id", "ID Kasus", 15, "text"),
    Column("step", "Langkah", 10, "int"),
    Column("subject", "Perihal", 40, "text"),
    Column("file", "Berkas", 40, "text"),
    Column("sequence", "Urut", 8, "int", required=False),
    Column("profile", "Profil Instansi", 14, required=False),
    Column("signer", "Kode Penandatangan", 18, "text", required=False),
))

INSTANSI = ListSheet("Instansi", "TabelInstansi", (
    Column("code", "Kode Profil", 12),
    Column("name", "Nama Instansi", 44),
    Column("parent_unit", "Unit Eselon I", 34),
    Column("unit", "Unit Kerja", 34),
    Column("unit_code", "Kode Unit", 11, "text"),
    Column("address", "Alamat", 40),
    Column("phone", "Telepon", 16, "text"),
    Column("website", "Laman", 22),
    Column("email", "Pos-el", 24, required=False),
    Column("city", "Kota", 12),
    Column("logo", "Berkas Logo", 20),
    Column("emblem", "Berkas Lambang Garuda", 22, required=False),
    Column("minister_title", "Jabatan Menteri", 44),
    Column("minister_name", "Nama Menteri", 24),
    Column("promulgator_title", "Jabatan Pengundang", 44, required=False),
    Column("promulgator_name", "Nama Pengundang", 24, required=False),
    Column("letter_paper", "Kertas Surat", 12, dropdown="DaftarKertas"),
    Column("regulation_paper", "Kertas Peraturan", 15, dropdown="DaftarKertas"),
    Column("letter_font", "Huruf Surat", 14),
    Column("letter_size", "Ukuran Huruf Surat", 16, "int"),
    Column("regulation_font", "Huruf Peraturan", 18),
    Column("regulation_size", "Ukuran Huruf Peraturan", 19, "int"),
    Column("classification", "Kode Klasifikasi Arsip", 18, "text"),
    Column("month_style", "Bulan dalam Nomor", 16, dropdown="DaftarBulanNomor"),
    Column("meeting_place", "Tempat Rapat", 28, required=False),
    Column("author", "Penulis Dokumen", 28, required=False),
    Column("iku_instrument", "Instrumen IKU", 20, dropdown="DaftarInstrumenIKU", required=False),
    Column("iku_title", "Judul Instrumen IKU", 44, required=False),
    Column("pk_quarters", "Target Triwulan di PK", 14, dropdown="DaftarYaTidak", required=False),
    Column("manual_fields", "Isi Manual IKU", 30, required=False),  # labels of the card's fields; blank: all
), optional=True)

POLA_NOMOR = ListSheet("Pola Nomor", "TabelPolaNomor", (
    Column("profile", "Profil Instansi", 14),
    Column("kind", "Jenis Naskah", 30, dropdown="DaftarNaskah"),
    Column("pattern", "Pola", 46, "text"),
    Column("register", "Urutan per", 16, dropdown="DaftarRegister"),
), optional=True)

DASAR_HUKUM = ListSheet("Dasar Hukum", "TabelDasarHukum", (
    Column("profile", "Profil Instansi", 14),
    Column("kind", "Jenis", 10, dropdown="DaftarJenisPeraturan"),
    Column("number", "Nomor", 9, "text"),
    Column("year", "Tahun", 8, "int"),
    Column("about", "Tentang", 50),
    Column("article", "Pasal", 16, required=False),
    Column("issuer", "Menteri/Lembaga", 30, required=False),
    Column("gazette_year", "Tahun LN/BN", 12, "int"),
    Column("gazette_number", "Nomor LN/BN", 12, "text"),
    Column("supplement", "Nomor TLN", 11, "text"),
    Column("amended_by", "Diubah dengan", 50, required=False),
    Column("status", "Status", 11, dropdown="DaftarStatusPeraturan"),
    Column("used_for", "Dipakai untuk", 30, required=False),
    Column("note", "Keterangan", 50, required=False),
), optional=True)

TIM = ListSheet("Tim", "TabelTim", (
    Column("case_id", "ID Kasus", 15, "text"),
    Column("name", "Nama", 30),
    Column("title", "Jabatan", 44),
    Column("position", "Kedudukan dalam Tim", 20, dropdown="DaftarKedudukanTim"),
), optional=True)

DAFTAR_SOP = ListSheet("Daftar SOP", "TabelDaftarSOP", (
    Column("code", "Kode SOP", 13, "text"),
    Column("nomor", "Nomor SOP", 26, "text"),
    Column("judul", "Nama SOP", 40, "text"),
    Column("tanggal_pembuatan", "Tanggal Pembuatan", 18, "text"),
    Column("tanggal_revisi", "Tanggal Revisi", 18, "text"),
    Column("revisi", "Revisi ke", 9, "int"),
    Column("tanggal_efektif", "Tanggal Efektif", 18, "text"),
    Column("disahkan_oleh", "Disahkan Oleh", 36, "text"),
    Column("instansi", "Instansi", 34, "text"),
    Column("monitoring", "Monitoring Terakhir (Semester)", 16, "text"),
    Column("monitoring_date", "Tanggal Monitoring", 17, "date"),
    Column("result", "Hasil Monitoring", 36, "text"),
), optional=True)

RAPAT = ListSheet("Rapat", "TabelRapat", (
    Column("case_id", "ID Kasus", 15, "text"),
    Column("step", "Langkah Rapat", 10, "int"),
    Column("date", "Tanggal", 13, "date"),
    Column("start", "Mulai", 9, "time"),
    Column("end", "Selesai", 9, "time"),
    Column("place", "Tempat", 30),
    Column("participants", "Peserta", 40),
    Column("points", "Pokok Bahasan", 50),
    Column("conclusions", "Kesimpulan", 44),
    Column("follow_ups", "Tindak Lanjut (siapa: apa, kapan)", 44),
), optional=True)

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

LIST_SHEETS = (KASUS, RIWAYAT, IKU, PEJABAT, PENOMORAN, LIBUR, PENGATURAN, INSTANSI, POLA_NOMOR, DASAR_HUKUM, TIM,
               CASCADING, TARGET_TRIWULAN, ANGGARAN, RAPAT, DAFTAR_SOP)
PANDUAN = "Panduan"
PANEL = "Panel"
TEMUAN = "Temuan"
# Panel: label in column A, value in column B, one row each
PANEL_FIELDS = {
    "action": (3, "Aksi"),
    "note": (4, "Alasan / catatan"),
    "by": (5, "Oleh (kosong = Nama Petugas atau pejabatnya)"),
    "at": (6, "Waktu selesai (kosong = sekarang)"),
    "month": (7, "Bulan ekspor (YYYY-MM, kosong = bulan lalu)"),
    "sop_file": (8, "Berkas SOP untuk diimpor (Word, PDF, Excel, teks)"),
    "sop_code": (9, "Kode SOP baru (nama lembarnya)"),
    "year": (10, "Tahun dokumen kinerja (kosong = tahun depan mulai Oktober)"),
    "semester": (11, "Semester monitoring (YYYY-1 atau YYYY-2, kosong = semester lalu)"),
    "kind": (12, "Jenis naskah (kosong = naskah langkah sekarang)"),
    "result": (13, "Hasil aksi terakhir"),
}


def panel_cell(field: str) -> str:
    """Where a Panel field is typed, e.g. 'B4' for the note."""
    return f"B{PANEL_FIELDS[field][0]}"


# the Panel's Aksi dropdown, in its order: the macro each choice runs (a function of excel/macros.py) -> its label
PANEL_ACTIONS = {
    "check_setup": "Periksa pemasangan",
    "validate": "Periksa buku kerja",
    "open_cases": "Buka kasus yang diketik",
    "advance": "Selesaikan langkah",
    "return_case": "Kembalikan (keputusan Tidak)",
    "hold": "Tunda",
    "resume": "Lanjutkan",
    "cancel": "Batalkan",
    "undo": "Urungkan perpindahan terakhir",
    "generate": "Buat naskah dinas",
    "export": "Ekspor bulanan",
    "rebuild_tracking": "Buat ulang lembar Lacak",
    "render_sop": "Cetak SOP dan BPMN (pilih sel di lembar SOP)",
    "import_sop": f"Impor SOP (berkas di {panel_cell('sop_file')}, kode di {panel_cell('sop_code')})",
    "kinerja": f"Buat dokumen kinerja (tahun di {panel_cell('year')})",
    "monitor": f"Monitoring dan evaluasi SOP (semester di {panel_cell('semester')})",
}
DAFTAR = "Daftar Pilihan"
RESERVED_SHEETS = {s.name for s in LIST_SHEETS} | {PANDUAN, DAFTAR, PANEL, TEMUAN}


def staff_typed(sheet_name: str) -> bool:
    """A sheet staff type into, whose error cells validation reports; not the ones the program writes (Panduan,
    Panel, Temuan and its links, Daftar Pilihan, Lacak, Riwayat and its closed years)."""
    return (sheet_name not in {PANDUAN, PANEL, TEMUAN, DAFTAR, RIWAYAT.name}
            and not sheet_name.startswith(LACAK_PREFIX) and history_year(sheet_name) is None)

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
    "DaftarEselon": "Eselon",
    "DaftarKertas": "Kertas",
    "DaftarBulanNomor": "Bulan dalam Nomor",
    "DaftarRegister": "Urutan per",
    "DaftarJenisPeraturan": "Jenis Peraturan",
    "DaftarStatusPeraturan": "Status Peraturan",
    "DaftarKedudukanTim": "Kedudukan dalam Tim",
    "DaftarInstrumenIKU": "Instrumen IKU",
    "DaftarJenisIndikator": "Jenis Indikator",
    "DaftarSifatIKU": "Sifat IKU",
    "DaftarPolarisasi": "Polarisasi",
    "DaftarFrekuensi": "Frekuensi Pengukuran",
    "DaftarTingkat": "Tingkat",
    "DaftarCascading": "Cascading",
    "DaftarYaTidak": "Ya/Tidak",
}
# dropdowns whose items are another sheet's column (defined name -> sheet, field): they follow what staff type there
SHEET_LISTS = {
    "DaftarIKU": ("IKU", "indikator"),
    "DaftarUnit": ("Pejabat", "unit"),
}
FIXED_LISTS = {
    "DaftarStatus": tuple(s.value for s in Status),
    "DaftarNaskah": tuple(k.label for k in KINDS.values()),
    "DaftarEselon": ESELON,
    "DaftarKertas": ("A4", "F4"),
    "DaftarBulanNomor": ("Angka", "Romawi"),
    "DaftarRegister": REGISTER_SCOPES,
    "DaftarJenisPeraturan": tuple(LEGAL_KINDS),
    "DaftarStatusPeraturan": ("Berlaku", "Diubah", "Dicabut"),
    "DaftarKedudukanTim": TEAM_POSITIONS,
    "DaftarInstrumenIKU": tuple(IKU_INSTRUMENTS),
    "DaftarKeputusan": DECISIONS,
    "DaftarJenisLangkah": tuple(k.value for k in StepKind),
    "DaftarJenisLibur": HOLIDAY_KINDS,
    "DaftarJenisIndikator": JENIS_INDIKATOR,
    "DaftarSifatIKU": SIFAT_IKU,
    "DaftarPolarisasi": POLARISASI,
    "DaftarFrekuensi": FREKUENSI,
    "DaftarTingkat": TINGKAT,
    "DaftarCascading": tuple(CASCADE_KINDS),
    "DaftarYaTidak": DECISIONS,
    "DaftarAksi": tuple(PANEL_ACTIONS.values()),
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
    "signer": "Penandatangan",
    "recipients": "Kepada",
    "to_confirm": "Periksa (hasil impor)",
}
SOP_OPTIONAL_HEADERS = {"signer", "recipients", "to_confirm"}  # older SOP sheets have no such columns
SOP_GROUP_HEADERS = ("Pelaksana", "Mutu Baku", "Alur (dibaca program)")


def normalise_header(text: object) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text or "").lower()).strip()
