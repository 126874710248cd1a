"""iku-xl monitor: each SOP's monitoring for a semester (Tabel 7, evaluation form, charts) as Word and Excel files
in monitoring/YYYY-S/ of the output folder, and its result in the Daftar SOP register."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .. import clock
from ..core.monitoring import Semester, SopMonitoring, parse_semester, rule_from
from ..core.office_hours import office_calendar
from ..core.sop_register import monitored, refreshed, register_changes
from ..errors import CannotSave, Refused, os_reason
from ..files import atomic_output
from ..store import open_store
from .register import SHEET, has_register


@dataclass
class Monitored:
    semester: Semester
    reports: list[SopMonitoring] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    folder: Path | None = None
    register: str = ""  # what happened to the Daftar SOP register, when it is not simply updated
    skipped: list[str] = field(default_factory=list)  # SOPs whose monitoring could not be made, with the reason


def monitor(target, semester: str, sop: str | None = None, out_dir: str | Path | None = None,
            today: dt.date | None = None, templates: str | Path | None = None) -> Monitored:
    """`target` is the workbook's path or the live workbook's store; every SOP, or the one named by `sop`."""
    from ..actions.generate import templates_folder
    from ..analysis.history_frame import history_frame
    from ..analysis.monitoring import sop_monitoring
    from ..reports.monitoring_document import monitoring_document
    from ..reports.monitoring_sheet import write_monitoring_sheet

    today = today or clock.today()
    chosen = parse_semester(semester, today)
    result = Monitored(chosen)
    with open_store(target) as store:
        book = store.book
        codes = list(book.sops)
        if sop:
            wanted = sop.strip().upper()
            if wanted not in book.sops:
                raise Refused(f"SOP '{sop}' tidak ada; pilih salah satu: {', '.join(book.sops)}.")
            codes = [wanted]
        if not codes:
            raise Refused("Buku kerja belum punya lembar SOP; impor SOP dahulu dengan 'iku-xl sop import'.")
        rule = rule_from(book.settings)
        calendar = office_calendar(book.settings, book.days_off)
        frame = history_frame(book)
        folder = (Path(out_dir) if out_dir else store.output / "monitoring" / chosen.code).absolute()
        template_folder = templates_folder(templates, book, store.folder)
        made = []
        for code in codes:
            report = sop_monitoring(book, code, chosen, rule, calendar, frame)
            try:
                document = monitoring_document(book, report, today, template_folder, store.folder)
            except Refused as refusal:
                if sop or len(codes) == 1:  # the SOP asked for: its refusal is the answer
                    raise
                result.skipped.append(f"{code} tidak dimonitor: {refusal.message}")  # the others go on, as generate
                continue
            result.reports.append(report)
            made.append((report, document))
        if not made:
            raise Refused("Tidak ada SOP yang bisa dimonitor: " + " ".join(result.skipped))
        result.folder = folder
        try:
            for report, document in made:
                stem = f"monitoring-{report.code}-{chosen.code}"
                with atomic_output(folder / f"{stem}.docx") as temporary:
                    temporary.write_bytes(document)
                result.files.append(folder / f"{stem}.docx")
                with atomic_output(folder / f"{stem}.xlsx") as temporary:
                    write_monitoring_sheet(temporary, report)
                result.files.append(folder / f"{stem}.xlsx")
        except OSError as error:
            raise CannotSave(f"Hasil monitoring tidak bisa disimpan di {folder} ({os_reason(error)}); periksa folder "
                             "keluaran lalu jalankan lagi.", path=str(folder)) from error
        had_register = has_register(book)
        if store.save_register(_register_changes(book, result, today)):
            store.commit()
            if not had_register:
                result.register = f"Lembar {SHEET.name} ditambahkan ke buku kerja."
    return result


def _register_changes(book, result: Monitored, today: dt.date):
    """The register refreshed from every SOP sheet, with this semester's monitoring on the SOPs monitored."""
    changes = {after.code: (before, after) for before, after in register_changes(book)}
    for entry in book.sop_register:
        changes.setdefault(entry.code or "", (entry, entry))
    for report in result.reports:
        before, after = changes.get(report.code, (None, refreshed(book, book.sops[report.code], None)))
        changes[report.code] = (before, monitored(after, result.semester.code, today, report.result))
    ordered = [changes[code] for code in book.sops if code in changes]
    return [(before, after) for before, after in ordered if before is None or before != after]
