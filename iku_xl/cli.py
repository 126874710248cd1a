"""The command line: a thin face over iku_xl.actions; errors become one sentence and an exit code."""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from . import failures
from .errors import IkuError, UsageError

if TYPE_CHECKING:
    from .actions.workflow import Change

# argparse has no Indonesian catalogue: its error sentences that reach staff, translated in Parser.error
_ARGPARSE_ERRORS = (
    (r"^argument (.+?): ", r"argumen \1: "),
    (r"invalid choice: (.+) \(choose from (.+)\)$", r"pilihan \1 tidak dikenal (pilih dari \2)"),
    (r"^the following arguments are required: ", "argumen ini wajib diisi: "),
    (r"^unrecognized arguments: ", "argumen tidak dikenal: "),
    (r"expected one argument$", "perlu satu nilai"),
)


class _Help(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "pemakaian: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse in Bahasa Indonesia, for this parser only (argparse itself is left as it is)."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs["formatter_class"], kwargs["add_help"] = kwargs.get("formatter_class", _Help), False
        super().__init__(*args, **kwargs)
        self._positionals.title, self._optionals.title = "argumen", "pilihan"  # argparse's own two groups
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str) -> NoReturn:
        for english, indonesian in _ARGPARSE_ERRORS:
            message = re.sub(english, indonesian, message)
        raise UsageError(f"{message}. Lihat 'iku-xl --help'.")


BOOK_HELP = "buku kerja IKU (.xlsx), misalnya workbook/iku.xlsx"
BY_HELP = "siapa yang mengerjakan (bawaan: Nama Petugas di Pengaturan, atau pejabat peran langkah itu)"
AT_HELP = "kapan sebenarnya, misalnya 2026-11-23T09:30 (bawaan: sekarang)"


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="iku-xl", description="Menjalankan SOP AP penyusunan IKU dari buku kerja Excel.")
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=Parser)

    init = commands.add_parser("init", help="membuat buku kerja IKU baru")
    init.add_argument("path", metavar="BERKAS", help="berkas .xlsx yang dibuat, misalnya iku.xlsx")
    init.add_argument("--demo", action="store_true", help="isi dengan kasus, pejabat dan IKU contoh")
    init.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")

    sop = commands.add_parser("sop", help="mengelola lembar SOP")
    sop_commands = sop.add_subparsers(dest="sop_command", metavar="PERINTAH", parser_class=Parser)
    imp = sop_commands.add_parser("import", help="mengimpor SOP AP dari berkas Word, PDF, Excel atau teksnya")
    imp.add_argument("file", metavar="BERKAS_SOP", help="SOP AP sebagai .docx, .pdf, .xlsx atau teks")
    imp.add_argument("--code", required=True, metavar="KODE",
                     help="kode SOP baru, juga nama lembarnya (misalnya LAKIP)")
    imp.add_argument("--workbook", default="workbook/iku.xlsx", metavar="BERKAS",
                     help="buku kerja tujuan (bawaan: workbook/iku.xlsx)")
    imp.add_argument("--replace", action="store_true", help="ganti lembar SOP dengan kode yang sama")
    for name, help_text in (("render", "mencetak SOP AP (PDF dan PNG) dengan diagram alirnya"),
                            ("bpmn", "mengekspor SOP sebagai BPMN 2.0")):
        sub = sop_commands.add_parser(name, help=help_text)
        sub.add_argument("path", metavar="BERKAS", help=BOOK_HELP)
        sub.add_argument("--sop", required=True, metavar="KODE", help="kode SOP (nama lembarnya), misalnya POLHUKAM")
        sub.add_argument("--out", metavar="FOLDER", help="folder keluaran (bawaan: sop/ di Folder Keluaran)")

    validate = commands.add_parser("validate", help="memeriksa isi buku kerja")
    validate.add_argument("path", metavar="BERKAS", help=BOOK_HELP)
    validate.add_argument("--json", action="store_true", help="keluaran JSON untuk program lain")

    status = commands.add_parser("status", help="posisi setiap kasus")
    status.add_argument("path", metavar="BERKAS", help=BOOK_HELP)
    status.add_argument("--case", metavar="ID", help="satu kasus saja, misalnya IKU-2026-001")
    status.add_argument("--json", action="store_true", help="keluaran JSON untuk program lain")

    def case_command(name: str, help_text: str, reason: str | None = None) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("path", metavar="BERKAS", help=BOOK_HELP)
        sub.add_argument("case_id", metavar="ID_KASUS", help="ID kasus, misalnya IKU-2026-001")
        if reason:
            sub.add_argument("--reason", required=reason == "wajib", metavar="ALASAN", help="alasan (dicatat di "
                                                                                            "Riwayat)")
        sub.add_argument("--by", metavar="NAMA", help=BY_HELP)
        sub.add_argument("--at", type=moment, metavar="YYYY-MM-DDTHH:MM", help=AT_HELP)
        return sub

    opener = commands.add_parser("open", help="membuka kasus baru di langkah pertama SOP")
    opener.add_argument("path", metavar="BERKAS", help=BOOK_HELP)
    opener.add_argument("--sop", required=True, metavar="KODE", help="kode SOP yang dijalankan, misalnya POLHUKAM")
    opener.add_argument("--title", required=True, metavar="JUDUL", help="judul kasus, misalnya \"IKU 2025-2029\"")
    opener.add_argument("--unit", metavar="UNIT", help="unit kerja pemilik kasus (boleh kosong)")
    opener.add_argument("--at", type=moment, metavar="YYYY-MM-DDTHH:MM", help="kapan kasus dimulai (bawaan: "
                                                                           "sekarang)")

    adv = case_command("advance", "menyelesaikan langkah sekarang dan memindahkan kasus")
    adv.add_argument("--decision", choices=("ya", "tidak"), help="hasil langkah keputusan")
    adv.add_argument("--note", metavar="CATATAN", help="catatan untuk Riwayat")
    case_command("hold", "menunda kasus", reason="wajib")
    case_command("resume", "melanjutkan kasus yang ditunda", reason="boleh")
    case_command("cancel", "membatalkan kasus", reason="wajib")
    undo = commands.add_parser("undo", help="mengurungkan perpindahan terakhir kasus")
    undo.add_argument("path", metavar="BERKAS", help=BOOK_HELP)
    undo.add_argument("case_id", metavar="ID_KASUS", help="ID kasus, misalnya IKU-2026-001")
    undo.add_argument("--by", metavar="NAMA", help=BY_HELP)
    undo.add_argument("--note", metavar="CATATAN", help="alasan pengurungan, untuk Riwayat")
    undo.add_argument("--at", type=moment, metavar="YYYY-MM-DDTHH:MM", help=AT_HELP)

    gen = commands.add_parser("generate", help="menyusun naskah dinas langkah sekarang dari templat Word")
    gen.add_argument("path", metavar="BERKAS", help=BOOK_HELP)
    gen.add_argument("--case", action="append", dest="cases", metavar="ID", help="kasus (boleh berulang; bawaan: "
                                                                                 "semua kasus terbuka)")
    gen.add_argument("--doc", action="append", dest="kinds", metavar="JENIS",
                     help="jenis naskah, misalnya \"Nota Dinas\" (boleh berulang; bawaan: naskah langkah sekarang)")
    gen.add_argument("--out", metavar="FOLDER", help="folder keluaran (bawaan: output/<ID kasus>/)")
    gen.add_argument("--pdf", action="store_true", help="juga buat PDF dengan LibreOffice")
    gen.add_argument("--templates", metavar="FOLDER", help="folder templat Word (bawaan: templat bawaan program)")
    gen.add_argument("--tanggal", type=day, dest="today", metavar="YYYY-MM-DD",
                     help="tanggal naskah (bawaan: hari ini, atau hari kerja berikutnya bila hari ini libur)")

    exp = commands.add_parser("export", help="ekspor bulanan lembar pelacakan, kepatuhan waktu, dan grafik")
    exp.add_argument("path", metavar="BERKAS", help=BOOK_HELP)
    exp.add_argument("--month", required=True, metavar="YYYY-MM", help="bulan laporan, misalnya 2026-11")
    exp.add_argument("--out", metavar="FOLDER", help="folder keluaran (bawaan: ekspor/YYYY-MM/ di Folder Keluaran)")

    mon = commands.add_parser("monitor", help="monitoring dan evaluasi SOP satu semester (Tabel 7 PermenPAN-RB "
                                              "35/2012) sebagai Word dan Excel")
    mon.add_argument("path", metavar="BERKAS", help=BOOK_HELP)
    mon.add_argument("--semester", required=True, metavar="YYYY-S",
                     help="semester: 2027-1 (Januari-Juni) atau 2027-2 (Juli-Desember)")
    mon.add_argument("--sop", metavar="KODE", help="satu SOP saja (bawaan: semua SOP)")
    mon.add_argument("--out", metavar="FOLDER",
                     help="folder keluaran (bawaan: monitoring/YYYY-S/ di Folder Keluaran)")

    rek = commands.add_parser("rekap", help="rekap SOP satu semester dari buku kerja banyak unit, dalam satu .xlsx")
    rek.add_argument("paths", nargs="+", metavar="BERKAS",
                     help="buku kerja unit (.xlsx), atau folder berisi buku kerja; hanya dibaca, tidak diubah")
    rek.add_argument("--semester", required=True, metavar="YYYY-S",
                     help="semester: 2027-1 (Januari-Juni) atau 2027-2 (Juli-Desember)")
    rek.add_argument("--out", metavar="BERKAS",
                     help="berkas .xlsx rekap, atau foldernya (bawaan: rekap-sop-YYYY-S.xlsx di folder ini)")

    kin = commands.add_parser("kinerja", help="Manual IKU, Perjanjian Kinerja dan matriks cascading satu tahun")
    kin.add_argument("path", metavar="BERKAS", help=BOOK_HELP)
    kin.add_argument("--year", required=True, type=int, metavar="YYYY", help="tahun kinerja, misalnya 2027")
    which = kin.add_mutually_exclusive_group()
    which.add_argument("--sop", metavar="KODE", help="hanya IKU dari kasus SOP ini, misalnya KEMNAKER")
    which.add_argument("--instansi", metavar="KODE", help="hanya instansi ini (Kode Profil di lembar Instansi)")
    kin.add_argument("--out", metavar="FOLDER", help="folder keluaran (bawaan: kinerja/YYYY/ di Folder Keluaran)")
    kin.add_argument("--pdf", action="store_true", help="juga buat PDF dengan LibreOffice")
    kin.add_argument("--templates", metavar="FOLDER", help="folder templat Word (bawaan: templat bawaan program)")

    rebuild = commands.add_parser("lacak", help="membuat ulang lembar Lacak dari Riwayat")
    rebuild.add_argument("path", metavar="BERKAS", help=BOOK_HELP)
    rebuild.add_argument("--semua-tahun", action="store_true",
                         help="juga baris kasus yang sudah pindah ke lembar 'Riwayat TTTT', dibaca dari semua lembar "
                              "Riwayat (setelah lembar tahun lalu diubah dengan tangan; lebih lama)")

    close = commands.add_parser("tutup-tahun", help="memindah baris kasus yang selesai pada tahun-tahun lalu ke "
                                                     "lembar 'Riwayat TTTT' (terjadi sendiri pada perpindahan pertama "
                                                     "tahun baru)")
    close.add_argument("path", metavar="BERKAS", help=BOOK_HELP)

    again = commands.add_parser("reschedule", help="menghitung ulang batas waktu kasus terbuka dari Libur dan "
                                                   "jam kerja")
    again.add_argument("path", metavar="BERKAS", help=BOOK_HELP)
    again.add_argument("--by", metavar="NAMA", help=BY_HELP)

    calc = commands.add_parser("calc", help="Panel iku-xl di LibreOffice Calc")
    calc_commands = calc.add_subparsers(dest="calc_command", metavar="PERINTAH", parser_class=Parser)
    calc_install = calc_commands.add_parser("install", help="memasang makro Panel ke LibreOffice (Makro Saya)")
    calc_install.add_argument("--profile", metavar="FOLDER",
                              help="folder profil pengguna LibreOffice (bawaan: profil pengguna ini)")

    excel = commands.add_parser("excel", help="memeriksa pemasangan Panel di Excel (xlwings)")
    excel_commands = excel.add_subparsers(dest="excel_command", metavar="PERINTAH", parser_class=Parser)
    excel_check = excel_commands.add_parser("check", help="menyebut yang kurang untuk 'Run main' dan cara "
                                                          "memperbaikinya")
    excel_check.add_argument("path", metavar="BERKAS", nargs="?",
                             help="buku kerja yang diperiksa (kosong: hanya Python, xlwings dan add-in)")
    excel_check.add_argument("--fix", action="store_true",
                             help="tulis berkas .py dan xlwings.conf yang kurang di samping buku kerja")

    demo = commands.add_parser("demo", help="menjalankan semua fitur pada data contoh")
    demo.add_argument("--out", default="output/demo", metavar="FOLDER",
                      help="folder hasil demo (bawaan: output/demo)")
    return parser


def moment(text: str) -> dt.datetime:
    """--at: 2026-11-23T09:30 or 2026-11-23 09:30."""
    try:
        return dt.datetime.fromisoformat(text.strip().replace(" ", "T"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"waktu '{text}' tidak dikenal; tulis seperti 2026-11-23T09:30") from None


def day(text: str) -> dt.date:
    """--tanggal: 2026-11-23."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"tanggal '{text}' tidak dikenal; tulis seperti 2026-11-23") from None


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_init(args: argparse.Namespace) -> int:

    from .actions.init import init_workbook
    from .excel import beside
    book = init_workbook(args.path, demo=args.demo, force=args.force)
    print(f"Buku kerja dibuat: {args.path} (SOP: {', '.join(book.sops)}; {len(book.cases)} kasus).")
    _tell_beside(Path(args.path), beside.write_beside(Path(args.path)))
    return 0


def _tell_beside(workbook: Path, written: list[Path]) -> None:
    from .excel import beside
    if written:
        print(f"Untuk 'Run main' di Excel: {', '.join(p.name for p in written)} ditulis di samping {workbook.name}.")
    problem = beside.name_problem(workbook)
    if problem:
        print(problem)


def cmd_excel(args: argparse.Namespace) -> int:

    from .excel import beside
    from .excel.setup_check import check_setup
    if args.excel_command != "check":
        raise UsageError("Pilih perintah: 'iku-xl excel check [BERKAS]'.")
    workbook = Path(args.path) if args.path else None
    if workbook is not None and not workbook.is_file():
        raise UsageError(f"Buku kerja {workbook} tidak ada; sebutkan berkas .xlsx yang dibuka di Excel.")
    if workbook is not None and args.fix:
        _tell_beside(workbook, beside.write_beside(workbook))
    items = check_setup(workbook)
    for item in items:
        print(item.line())
    missing = [item for item in items if not item.ok]
    print("Semua siap: buka buku kerja, pilih aksi di Panel!B3, klik Run main di tab xlwings." if not missing
          else f"{len(missing)} hal perlu dibereskan (lihat PERLU di atas), lalu jalankan lagi perintah ini.")
    return 1 if missing else 0


def cmd_sop(args: argparse.Namespace) -> int:
    if args.sop_command == "render":
        from .actions.sop_document import render_sop_document
        pdf, pngs = render_sop_document(args.path, args.sop, args.out)
        print(f"SOP {args.sop}: {pdf} ({len(pngs)} halaman, PNG di folder yang sama).")
        return 0
    if args.sop_command == "bpmn":
        from .actions.sop_document import export_bpmn
        print(f"SOP {args.sop}: {export_bpmn(args.path, args.sop, args.out)}")
        return 0
    if args.sop_command != "import":
        raise UsageError("Pilih perintah SOP: import, render atau bpmn, misalnya 'iku-xl sop render BERKAS "
                         "--sop KODE'.")
    from .actions.sop_import import import_sop
    imported = import_sop(args.file, args.code, args.workbook, replace=args.replace)
    sop = imported.sop
    print(f"SOP {sop.code} diimpor dari {imported.source} ke {args.workbook}: {len(sop.steps)} langkah, "
          f"{len(sop.roles)} peran ({', '.join(sop.roles)}), "
          f"{sum(s.is_decision for s in sop.steps)} keputusan.")
    for note in sorted(imported.notes, key=lambda n: (n.step is not None, n.step or 0)):
        where = f"Langkah {note.step}" if note.step is not None else note.part
        print(f"  {where}: {note.message}" + (" (dugaan, periksa)" if note.guessed else ""))
    print(f"{imported.guesses} langkah berisi dugaan di kolom 'Periksa (hasil impor)' lembar {sop.code}; periksa, "
          f"kosongkan selnya bila benar, lalu jalankan 'iku-xl validate {args.workbook}'.")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .actions.validate import validate_workbook
    report = validate_workbook(args.path)
    if args.json:
        _print_json(report.as_json())
    else:
        for f in report.findings:
            where = f"{f.sheet}!{f.cell}"
            about = " ".join(x for x in (f.sop, f"langkah {f.step}" if f.step else "", f.case or "") if x)
            print(f"{f.level.value:<10} {where:<16} {about:<22} {f.message}")
        sops = ", ".join(f"{s.code} ({len(s.steps)} langkah, {len(s.roles)} peran)" for s in report.book.sops.values())
        print(f"SOP: {sops}. Kasus: {len(report.book.cases)}. "
              f"Hasil: {len(report.errors)} galat, {len(report.warnings)} peringatan.")
    return 1 if report.errors else 0


def cmd_status(args: argparse.Namespace) -> int:
    from .actions.status import case_status
    cases = case_status(args.path, args.case)
    if args.json:
        _print_json([c.as_json() for c in cases])
        return 0
    if not cases:
        print("Belum ada kasus di lembar Kasus.")
        return 0
    header = ("ID Kasus", "SOP", "Langkah", "Status", "Pelaksana", "Batas waktu", "")
    rows = [(c.id, c.sop, str(c.step) if c.step is not None else "-", c.status, _shorten(c.executor, 48),
             c.due.strftime("%d/%m/%Y %H:%M") if c.due else "-", "LEWAT BATAS WAKTU" if c.overdue else "")
            for c in cases]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    late = sum(c.overdue for c in cases)
    print(f"{len(cases)} kasus" + (f", {late} lewat batas waktu." if late else "."))
    return 0


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def cmd_demo(args: argparse.Namespace) -> int:
    from .actions.demo import run_demo
    result = run_demo(args.out)
    print(f"Demo selesai di {result.folder}; {len(result.files)} berkas dibuat:")
    for path in result.files:
        print(f"  {path}")
    for line in result.summary:
        print(line)
    print(f"Buka dulu {result.folder / 'iku.xlsx'} (lembar Panduan, lalu Kasus), lalu naskah di "
          f"{result.folder / 'naskah'} dan laporan bulanan di {result.folder / 'ekspor'}.")
    return 0


def cmd_calc(args: argparse.Namespace) -> int:
    if args.calc_command != "install":
        raise UsageError("Pilih perintah: 'iku-xl calc install'.")

    from .calc.panel import install
    target = install(Path(args.profile) if args.profile else None)
    print(f"Makro Panel dipasang: {target}, dengan bilah alat 'iku-xl' (satu tombol untuk setiap aksi Panel). "
          "Tutup dan buka lagi LibreOffice; bila bilah alatnya tidak tampak: Tampilan > Bilah Alat > iku-xl. "
          "Makronya juga ada di Alat > Makro > Jalankan Makro > Makro Saya > iku_xl_panel.")
    return 0


def _report(change: Change) -> int:
    for case_id in change.opened:
        if case_id not in change.message:
            print(f"Baris kasus yang diketik langsung dibuka sebagai {case_id}.")
    print(change.message)
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    from .actions import workflow
    return _report(workflow.open_case(args.path, args.sop, args.title, args.unit, args.at))


def cmd_advance(args: argparse.Namespace) -> int:
    from .actions import workflow
    decision = None if args.decision is None else args.decision == "ya"
    return _report(workflow.advance(args.path, args.case_id, decision, args.by, args.note, args.at))


def _status_command(name: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from .actions import workflow
        return _report(getattr(workflow, name)(args.path, args.case_id, args.reason, args.by, args.at))
    return run


def _list_written(paths: Iterable[object], notes: Iterable[str]) -> None:
    """What a batch wrote, a full path a line, then what it did not make and why."""
    for path in paths:
        print(f"  {path}")
    for line in notes:
        print(f"  ({line})")


def cmd_generate(args: argparse.Namespace) -> int:
    from .actions.generate import generate
    result = generate(args.path, args.cases, args.kinds, args.out, args.pdf, today=args.today,
                      templates=args.templates)
    _list_written(result.files + result.pdfs, result.skipped)
    print(f"{len(result.files)} naskah dibuat" + (f", {len(result.pdfs)} PDF" if args.pdf else "")
          + (f"; nomor: {', '.join(result.numbers)}" if result.numbers else "") + ".")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .actions.export import export_month
    result = export_month(args.path, args.month, args.out)
    report = result.report
    for path in result.files:
        print(f"  {path}")
    if not report.has_activity:
        print(f"Tidak ada kegiatan pada {args.month}; ekspor tetap dibuat dan menyatakannya.")
    else:
        print(f"{len(report.history)} baris riwayat; {report.on_time} langkah tepat waktu, {report.late} terlambat; "
              f"{report.open_at_end} kasus terbuka pada akhir bulan.")
    return 0


def cmd_monitor(args: argparse.Namespace) -> int:
    from .actions.monitor import monitor
    result = monitor(args.path, args.semester, args.sop, args.out)
    for path in result.files:
        print(f"  {path}")
    for report in result.reports:
        print(f"{report.code}: {report.result} ({result.semester.label}).")
    for reason in result.skipped:
        print(reason)
    if result.register:
        print(result.register)
    return 0


def cmd_rekap(args: argparse.Namespace) -> int:
    from .actions.rekap import rekap_workbooks
    result = rekap_workbooks(args.paths, args.semester, args.out)
    rekap = result.rekap
    totals = rekap.totals
    units = rekap.sops["Berkas"].nunique()
    share = f"{totals['% Tepat Waktu']}%".replace(".", ",") if totals["% Tepat Waktu"] is not None else "-"
    print(f"Rekap {rekap.semester.label}: {units} buku kerja, {len(rekap.sops)} SOP, {totals['Kasus']} kasus, "
          f"{share} langkah tepat waktu; disimpan di {result.file}.")
    for file, reason in rekap.unreadable:
        print(f"  tidak terbaca: {file}: {reason}")
    return 0


def cmd_kinerja(args: argparse.Namespace) -> int:
    from .actions.kinerja import make_kinerja
    result = make_kinerja(args.path, args.year, args.sop, args.instansi, args.pdf, args.out, templates=args.templates)
    _list_written(result.files + result.pdfs, result.notes)
    print(f"{len(result.files)} berkas kinerja {args.year} dibuat" + (f", {len(result.pdfs)} PDF" if args.pdf else "")
          + (f"; nomor perjanjian kinerja: {', '.join(result.numbers)}" if result.numbers else "") + ".")
    return 0


def cmd_lacak(args: argparse.Namespace) -> int:
    from .actions import workflow
    return _report(workflow.rebuild_tracking(args.path, every_year=args.semua_tahun))


def cmd_close_year(args: argparse.Namespace) -> int:
    from .actions import workflow
    return _report(workflow.close_history_years(args.path))


def cmd_reschedule(args: argparse.Namespace) -> int:
    from .actions import workflow
    return _report(workflow.reschedule(args.path, args.by))


def cmd_undo(args: argparse.Namespace) -> int:
    from .actions import workflow
    return _report(workflow.undo(args.path, args.case_id, args.by, args.note, args.at))


COMMANDS = {"init": cmd_init, "sop": cmd_sop, "validate": cmd_validate, "status": cmd_status, "demo": cmd_demo,
            "open": cmd_open, "advance": cmd_advance, "hold": _status_command("hold"),
            "resume": _status_command("resume"), "cancel": _status_command("cancel"), "undo": cmd_undo,
            "lacak": cmd_lacak, "tutup-tahun": cmd_close_year, "reschedule": cmd_reschedule, "generate": cmd_generate,
            "export": cmd_export, "monitor": cmd_monitor, "rekap": cmd_rekap, "calc": cmd_calc,
            "kinerja": cmd_kinerja, "excel": cmd_excel}


def _interrupt_on_terminate() -> None:
    """A terminated run (kill, logout, service stop) unwinds like Ctrl+C: temporary folders are removed
    and LibreOffice is stopped on the way out."""
    import signal

    def interrupt(signum: int, frame: object) -> NoReturn:
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGTERM, interrupt)
    except (ValueError, OSError):  # not the main thread, or a platform without it
        pass


# the commands read tens of thousands of rows into small objects they keep to the end: at Python's default rhythm
# (a collection every 700 new objects) the cycle collector walks them again and again for nothing (0.22 s of
# an export at 5k/100k, measured; peak memory unchanged); rarer collections still free what cycles a command drops
COLLECT_EVERY = 200_000


def main(argv: list[str] | None = None) -> int:
    _interrupt_on_terminate()
    gc.set_threshold(COLLECT_EVERY, *gc.get_threshold()[1:])
    failures.forget_written()
    try:
        from .documents.pdf import reap_orphans

        reap_orphans()  # what a run killed outright (SIGKILL) left: LibreOffice processes, working folders
        args = build_parser().parse_args(argv)
        if not args.command:
            build_parser().print_help()
            return 2
        code: int = COMMANDS[args.command](args)
        return code
    except IkuError as error:
        print(f"iku-xl: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"iku-xl: dihentikan ({failures.what_changed()}).", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the output went to `head` or `more`, which stopped reading: the work is done
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python exits
        return 0
    except Exception as error:  # the user must never see a traceback
        print(f"iku-xl: {failures.unexpected(error)}", file=sys.stderr)
        return 1


def run() -> NoReturn:
    """The console command: `main`, its output flushed, then out of the process without tearing the interpreter
    down object by object (0.15 s of an export at 5k cases, measured: pandas' modules and the month's records);
    every file the command wrote is closed by then; a library still being imported in the background is dropped."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away (`| head`), or a stream already closed
            pass
    os._exit(code)


if __name__ == "__main__":
    run()
