"""One function per action for the workbook open in Excel; each ends with a message box.

From the xlwings ribbon, 'Run main' runs workbook/iku.py, which calls `run_panel()`: the action
chosen on the Panel sheet, for the rows selected on Kasus. The VBA module workbook/iku_macros.bas
calls the same functions through RunPython. Each function takes the workbook only for tests;
in Excel it is `xw.Book.caller()`.
"""
from __future__ import annotations

import datetime as dt
import sys
from contextlib import contextmanager
from pathlib import Path

from .. import clock, failures
from ..core import layout
from ..core.values import as_int, is_blank, text_of
from ..errors import IkuError, Refused
from .live_sheets import is_sheet, sheet_named
from .live_store import LiveStore, action_lock

TITLE = "iku-xl"


def caller_book():
    import xlwings as xw  # only here: the rest of the package never needs Excel

    return xw.Book.caller()


@contextmanager
def _quiet(book):
    """Screen updating and calculation paused while the action writes."""
    with book.app.properties(screen_updating=False, calculation="manual"):
        yield


def _in_calc(book) -> bool:
    return type(book.app.impl).__module__.endswith("calc.engine")


def _tell(book, message: str, critical: bool = False) -> str:
    """The message box, kept also in the Panel's 'Hasil aksi terakhir' cell; in Calc, with a reminder to save."""
    if _in_calc(book) and _is_modified(book):
        message += ("\n\nBelum tersimpan: simpan buku kerja sekarang (Ctrl+S, pilih format Excel) agar perubahan "
                    "tidak hilang saat LibreOffice ditutup.")
    _keep_on_panel(book, message)
    book.app.alert(message, title=TITLE, buttons="ok", mode="critical" if critical else "info")
    return message


def _is_modified(book) -> bool:
    try:
        return bool(book.api.isModified())
    except Exception:  # a document without the call: say nothing rather than fail the message
        return False


def _keep_on_panel(book, message: str) -> None:
    panel = sheet_named(book, layout.PANEL)
    if panel is None:
        return
    try:
        cell = panel.range((layout.PANEL_FIELDS["result"][0], 2))
        cell.number_format = "@"
        cell.value = message
    except Exception:  # the message box still tells it
        pass


def _clear_inputs(book, *fields: str) -> None:
    """Inputs that belong to the action just run, emptied so the next action does not take them again (a hold
    reason left in place was written again into Riwayat on resume)."""
    panel = sheet_named(book, layout.PANEL)
    if panel is None:
        return
    for field in fields:
        if field in layout.PANEL_FIELDS and panel_value(book, field) is not None:
            panel.range((layout.PANEL_FIELDS[field][0], 2)).clear_contents()


def _action(function):
    """Turn every outcome into one message box; never a traceback."""
    def run(book=None):
        book = book or caller_book()
        failures.forget_written()
        try:
            with action_lock(book), _quiet(book):
                message = function(book)
        except IkuError as error:
            return _tell(book, error.message, critical=True)
        except Exception as error:  # staff must never see a traceback
            message = failures.unexpected(error)
            return _tell(book, message[0].upper() + message[1:], critical=True)
        return _tell(book, message)
    run.__name__, run.__doc__ = function.__name__, function.__doc__
    return run


def panel_value(book, field: str):
    row, _ = layout.PANEL_FIELDS[field]
    panel = sheet_named(book, layout.PANEL)
    if panel is None:
        return None
    value = panel.range((row, 2)).value
    return None if is_blank(value) else value


def _by(book) -> str | None:
    value = panel_value(book, "by")
    return text_of(value) if value is not None else None


def _at(book) -> dt.datetime | None:
    value = panel_value(book, "at")
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value
    raise Refused(f"Waktu selesai di Panel ('{value}') bukan tanggal dan jam; ketik seperti 23/11/2026 09:30 atau "
                  "kosongkan.",
                  sheet=layout.PANEL, cell=layout.panel_cell("at"))


def selected_case_ids(book, store: LiveStore) -> list[str]:
    selection = book.selection
    if selection is None or not is_sheet(selection.sheet, layout.KASUS.name):
        raise Refused("Pilih dulu baris kasus di lembar Kasus, lalu jalankan lagi.", sheet=layout.KASUS.name)
    ids = store.case_ids_in(selection)
    if not ids:
        raise Refused("Baris yang dipilih belum punya ID kasus; pilih baris kasus yang "
                      "sudah dibuka.", sheet=layout.KASUS.name)
    return ids


def _case_step(store: LiveStore, case_id: str):
    case = store.book.case(case_id)
    sop = store.book.sops.get(text_of(case.sop))
    return case, (sop.step(as_int(case.step)) if sop and as_int(case.step) is not None else None)


@_action
def check_setup(book) -> str:
    """Periksa pemasangan: what Run main needs on this machine and beside the workbook, as `iku-xl excel check`."""
    from .live_store import workbook_path
    from .setup_check import check_setup as check

    if type(book.app.impl).__module__.endswith("calc.engine"):
        return ("Di LibreOffice Calc Panel berjalan lewat makro iku_xl_panel (Python "
                f"{sys.version_info[0]}.{sys.version_info[1]}); add-in xlwings dan berkas .py di samping buku kerja "
                "hanya diperlukan Excel. Untuk Excel, jalankan 'iku-xl excel check BERKAS' di komputer itu.")
    path = workbook_path(book)
    items = check(Path(path) if path else None)
    missing = [item for item in items if not item.ok]
    if not missing:
        return "Pemasangan lengkap:\n" + "\n".join(f"- {item.label}: {item.message}" for item in items)
    return f"{len(missing)} hal perlu dibereskan:\n" + "\n".join(f"- {i.label}: {i.message}" for i in missing)


@_action
def validate(book) -> str:
    """Periksa buku kerja: findings marked on their cells and listed on the Temuan sheet."""
    from ..actions.validate import validate_workbook
    from .findings_sheet import NOTES_AT_MOST

    store = LiveStore(book)
    report = validate_workbook(store)
    findings, errors, unnoted = report.findings, len(report.errors), store.unnoted
    notes = (f" Catatan di sel hanya pada {NOTES_AT_MOST} sel pertama; pesan untuk {unnoted} sel lainnya ada di "
             f"lembar {layout.TEMUAN}." if unnoted else "")
    if not findings:
        return "Buku kerja sudah benar: tidak ada temuan."
    if not errors:
        return (f"Tidak ada galat; {len(findings)} peringatan ditandai di selnya dan didaftar di lembar "
                f"{layout.TEMUAN}. Periksa bila perlu." + notes)
    return (f"{errors} galat dan {len(findings) - errors} peringatan ditandai di selnya dan didaftar di lembar "
            f"{layout.TEMUAN}. Perbaiki galat lebih dulu." + notes)


def _moves(book, move) -> str:
    """`move(workflow, store, case_id, step)` for each selected case; the workbook is read once, for the
    selection, each case's current step and every move (each move changes the store's Book as it writes, so
    it sees the one before)."""
    from ..actions import workflow

    with LiveStore(book) as store:
        ids = selected_case_ids(book, store)
        steps = {case_id: _case_step(store, case_id)[1] for case_id in ids}
    message = "\n".join(move(workflow, store, case_id, steps[case_id]) for case_id in ids)
    _clear_inputs(book, "note", "at")
    return message


@_action
def open_cases(book) -> str:
    """Buka kasus yang diketik: rows with an SOP and a title but no ID get one."""
    from ..actions import workflow

    change = workflow.apply_change(LiveStore(book), lambda *args: None)
    if not change.opened:
        return "Tidak ada baris kasus baru (baris dengan Kode SOP tetapi tanpa ID) di lembar Kasus."
    return f"{len(change.opened)} kasus dibuka: {', '.join(change.opened)}."


@_action
def advance(book) -> str:
    """Selesaikan langkah: at a decision step, a question box asks Ya or Tidak."""
    def move(workflow, store, case_id, step):
        decision = None
        if step is not None and step.is_decision:
            answer = book.app.alert(f"Kasus {case_id}, langkah {step.no}: {step.kegiatan}\n\nSetuju (Ya) atau "
                                    "dikembalikan untuk diperbaiki "
                                    "(Tidak)?", title="Keputusan", buttons="yes_no_cancel")
            if answer not in ("yes", "no"):
                return f"Kasus {case_id}: keputusan tidak dipilih; kasus tetap di langkah {step.no}."
            decision = answer == "yes"
        return workflow.advance(store, case_id, decision, _by(book), _note(book), _at(book)).message
    return _moves(book, move)


@_action
def return_case(book) -> str:
    """Kembalikan: the decision step of each selected case answered Tidak."""
    return _moves(book, lambda workflow, store, case_id, _: workflow.advance(
        store, case_id, False, _by(book), _note(book), _at(book)).message)


def _note(book) -> str | None:
    value = panel_value(book, "note")
    return text_of(value) if value is not None else None


def _reason(book, verb: str) -> str:
    reason = _note(book)
    if not reason:
        cell = layout.panel_cell("note")
        raise Refused(f"Isi alasan {verb} di sel {cell} lembar Panel, lalu jalankan lagi.", sheet=layout.PANEL,
                      cell=cell)
    return reason


@_action
def hold(book) -> str:
    """Tunda, with the reason written on the Panel."""
    reason = _reason(book, "penundaan")
    return _moves(book, lambda workflow, store, case_id, _: workflow.hold(
        store, case_id, reason, _by(book), _at(book)).message)


@_action
def resume(book) -> str:
    """Lanjutkan a case on hold."""
    return _moves(book, lambda workflow, store, case_id, _: workflow.resume(
        store, case_id, _note(book), _by(book), _at(book)).message)


@_action
def cancel(book) -> str:
    """Batalkan, with the reason written on the Panel."""
    reason = _reason(book, "pembatalan")
    return _moves(book, lambda workflow, store, case_id, _: workflow.cancel(
        store, case_id, reason, _by(book), _at(book)).message)


@_action
def undo(book) -> str:
    """Urungkan the last move of each selected case."""
    return _moves(book, lambda workflow, store, case_id, _: workflow.undo(
        store, case_id, _by(book), _note(book), _at(book)).message)


@_action
def generate(book) -> str:
    """Buat naskah dinas of the selected cases' current steps (or the kind chosen on the Panel); each case's
    Naskah cell links to its folder."""
    from ..actions.generate import generate as make

    with LiveStore(book) as store:
        ids = selected_case_ids(book, store)
    kind = panel_value(book, "kind")
    result = make(store, ids, [text_of(kind)] if kind is not None else None)
    _clear_inputs(book, "kind")
    skipped = "\n".join(result.skipped)
    folders = sorted({str(f.parent) for f in result.files})
    return (f"{len(result.files)} naskah dibuat"
            + (f" di {', '.join(folders)}" if folders else "")
            + (f" (nomor {', '.join(result.numbers)})" if result.numbers else "") + "."
            + (f"\n{skipped}" if skipped else "")
            + ("" if kind is not None else "\nNaskah lain: pilih jenisnya di sel Jenis naskah lembar Panel."))


@_action
def export(book) -> str:
    """Ekspor bulanan of the month on the Panel (default: last month)."""
    from ..actions.export import export_month

    month = panel_value(book, "month")
    if month is None:
        first = clock.today().replace(day=1) - dt.timedelta(days=1)
        month = f"{first:%Y-%m}"
    elif isinstance(month, dt.datetime):
        month = f"{month:%Y-%m}"
    result = export_month(LiveStore(book), text_of(month))
    state = "tidak ada kegiatan" if not result.report.has_activity else f"{len(result.report.history)} baris riwayat"
    return f"Ekspor {month} ({state}) disimpan di {result.files[0].parent}."


def panel_semester(book, today: dt.date) -> str:
    """The semester on the Panel; a date typed there (Excel reads 2027-1 as January 2027) names its half year;
    empty is the last semester that ended."""
    value = panel_value(book, "semester")
    if isinstance(value, (dt.datetime, dt.date)):
        return f"{value.year}-{1 if value.month <= 6 else 2}"
    if value is None:
        return f"{today.year - 1}-2" if today.month <= 6 else f"{today.year}-1"
    return text_of(value)


@_action
def monitor(book) -> str:
    """Monitoring dan evaluasi SOP for the semester on the Panel: Word and Excel files, and the Daftar SOP register."""
    from ..actions.monitor import monitor as run

    semester = panel_semester(book, clock.today())
    result = run(LiveStore(book), semester)
    lines = [f"{r.code}: {r.result}." for r in result.reports] + result.skipped
    return (f"Monitoring {result.semester.label} disimpan di {result.folder}:\n" + "\n".join(lines)
            + (f"\n{result.register}" if result.register else ""))


@_action
def kinerja(book) -> str:
    """Buat dokumen kinerja: the Manual IKU, Perjanjian Kinerja and cascading matrix of the year on the Panel."""
    from ..actions.kinerja import default_year, make_kinerja

    value = panel_value(book, "year")
    year = as_int(value) if value is not None else default_year(clock.today())
    if year is None:
        raise Refused(f"Tahun di Panel ('{value}') bukan tahun; ketik misalnya {clock.today().year + 1} atau "
                      "kosongkan.", sheet=layout.PANEL, cell=layout.panel_cell("year"))
    result = make_kinerja(LiveStore(book), year)
    folder = result.files[0].parent.parent if result.files else None
    notes = "\n".join(result.notes)
    return (f"{len(result.files)} dokumen kinerja {year} dibuat di {folder}"
            + (f" (nomor perjanjian kinerja {', '.join(result.numbers)})" if result.numbers else "") + "."
            + (f"\n{notes}" if notes else ""))


@_action
def rebuild_tracking(book) -> str:
    """Buat ulang lembar Lacak from Kasus and Riwayat."""
    from ..actions import workflow

    return workflow.rebuild_tracking(LiveStore(book)).message


@_action
def render_sop(book) -> str:
    """Cetak SOP: the SOP sheet the selection is on, as PDF and PNG pages, and as BPMN."""
    from ..actions.sop_document import print_sop

    selection = book.selection
    sop_sheet = selection.sheet.name if selection is not None else ""
    if not sop_sheet or sop_sheet.casefold() in {n.casefold() for n in layout.RESERVED_SHEETS} or \
            sop_sheet.startswith(layout.LACAK_PREFIX):
        raise Refused("Pilih dulu sebuah sel di lembar SOP (misalnya POLHUKAM), lalu jalankan lagi.")
    prints = print_sop(LiveStore(book), sop_sheet)
    return (f"SOP {sop_sheet} dicetak: {prints.pdf.name} ({len(prints.pages)} halaman) dan {prints.bpmn.name}, di "
            f"folder {prints.folder}.")


@_action
def import_sop(book) -> str:
    """Impor SOP: the file named on the Panel as a new SOP sheet with the code given there, and its Lacak sheet."""
    from ..actions.sop_import import check_code
    from ..actions.sop_import import import_sop as run
    from ..confined import inside_folder

    source, code = panel_value(book, "sop_file"), panel_value(book, "sop_code")
    file_cell, code_cell = layout.panel_cell("sop_file"), layout.panel_cell("sop_code")
    if source is None or code is None:
        raise Refused(f"Isi berkas SOP di sel {file_cell} dan kode SOP baru di sel {code_cell} lembar Panel, lalu "
                      "jalankan lagi.", sheet=layout.PANEL, cell=file_cell if source is None else code_cell)
    code = check_code(text_of(code))
    if sheet_named(book, code) is not None:
        raise Refused(f"Lembar {code} sudah ada; pakai kode lain di sel {code_cell}.", sheet=layout.PANEL,
                      cell=code_cell)
    # the cell travels with the workbook: only a file inside the workbook's folder is read
    path = inside_folder(workbook_folder(book), text_of(source).strip().strip('"'), "Berkas SOP", layout.PANEL,
                         file_cell)
    imported = run(_file_as_typed(path), code, LiveStore(book))
    sop = imported.sop
    _clear_inputs(book, "sop_file", "sop_code")
    return (f"SOP {code} diimpor dari {imported.source}: {len(sop.steps)} langkah, {len(sop.roles)} peran, "
            f"{sum(s.is_decision for s in sop.steps)} keputusan. {imported.guesses} langkah berisi dugaan di kolom "
            f"'Periksa (hasil impor)' lembar {code}; periksa, lalu jalankan 'Periksa buku kerja'.")


def _file_as_typed(path: Path) -> Path:
    """The file staff meant: LibreOffice's AutoCorrect writes 'Sop-baru.txt' for a typed 'sop-baru.txt', so a
    name matching but for capitals is taken; none, and the message says what was looked for where."""
    if path.exists():
        return path
    try:
        same = [p for p in path.parent.iterdir() if p.name.lower() == path.name.lower()]
    except OSError:
        same = []
    if len(same) == 1:
        return same[0]
    raise Refused(f"Berkas SOP '{path.name}' tidak ditemukan di folder {path.parent} (dicari juga tanpa membedakan "
                  "huruf besar dan kecil). Periksa nama dan foldernya di lembar Panel; di LibreOffice, AutoKoreksi "
                  "dapat mengubah huruf pertama.", sheet=layout.PANEL, cell=layout.panel_cell("sop_file"))


def workbook_folder(book) -> Path:
    from .live_store import workbook_path

    path = workbook_path(book)
    return path.parent if path else Path.cwd()


PANEL_ACTIONS = {layout.PANEL_ACTIONS[macro.__name__]: macro for macro in (  # by name: a choice runs its own macro
    check_setup, validate, open_cases, advance, return_case, hold, resume, cancel, undo, generate, export,
    rebuild_tracking, render_sop, import_sop, kinerja, monitor)}


def run_panel(book=None):
    """What 'Run main' does: the action chosen on the Panel."""
    book = book or caller_book()
    chosen = text_of(panel_value(book, "action"))
    action = PANEL_ACTIONS.get(chosen)
    if action is None:
        return _tell(book, f"Aksi '{chosen}' di Panel!{layout.panel_cell('action')} tidak dikenal; pilih dari daftar "
                                 "di sel itu.", critical=True)
    return action(book)
