"""iku-xl generate: the naskah dinas of each case's current step, numbered from the register."""
from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..core.case import OPEN_STATUSES
from ..core.document_kinds import DOCUMENT_KINDS, KINDS
from ..core.documents import document_context
from ..core.identifiers import identifier_problem
from ..core.numbering import NumberRequest, assign_numbers
from ..core.office_hours import office_calendar
from ..core.settings import Settings
from ..core.values import as_int, text_of
from ..documents.batch import render_many
from ..documents.names import document_file_name, inside, safe_name
from ..errors import CannotSave, Refused, UsageError, os_reason
from ..files import atomic_output
from ..store import open_store
from ..workbook import layout


@dataclass
class Generated:
    files: list[Path] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def templates_folder(explicit: str | Path | None, settings: Settings, workbook_folder: Path) -> Path:
    """--templates, else the Folder Templat of Pengaturan (counted from the workbook's folder), else the
    templates shipped with the program."""
    if explicit:
        return Path(explicit)
    configured = settings.template_folder
    if configured:
        folder = workbook_folder / configured
        if folder.is_dir():
            return folder
        raise Refused(f"Folder templat '{configured}' (lembar Pengaturan) tidak ada di {workbook_folder}; perbaiki "
                      "isinya "
                      "atau kosongkan untuk memakai templat bawaan.", sheet=layout.PENGATURAN.name)
    return shipped_templates()


def shipped_templates() -> Path:
    from importlib.resources import files

    return Path(str(files("iku_xl.templates")))


def _progress(items, label: str):
    if sys.stderr.isatty() and len(items) > 1:
        from tqdm import tqdm
        return tqdm(items, desc=label, unit="naskah", file=sys.stderr)
    return items


def generate(target, case_ids: list[str] | None = None, kinds: list[str] | None = None,
             out_dir: str | Path | None = None, pdf: bool = False, today: dt.date | None = None,
             templates: str | Path | None = None) -> Generated:
    """`target` is the workbook's path, or the live workbook's store."""
    today = today or dt.date.today()
    for kind in kinds or []:
        if kind not in DOCUMENT_KINDS:
            raise UsageError(f"Jenis naskah '{kind}' tidak dikenal; pilih dari: {', '.join(DOCUMENT_KINDS)}.")
    result = Generated()
    with open_store(target) as store:
        book = store.book
        calendar = office_calendar(book.settings, book.days_off)
        folder = templates_folder(templates, book.settings, store.folder)
        jobs = _jobs(book, case_ids, kinds, result)
        requests = [NumberRequest(kind, case.id_text, step.no, today, text_of(case.title))
                    for case, sop, step, kind in jobs if KINDS[kind].numbered]
        assigned = {(r.case_id, r.kind): (number, entry)
                    for r, number, entry in assign_numbers(book.numbers, requests, book.settings)}
        planned = []
        for case, sop, step, kind in _progress(jobs, "Menyusun naskah"):
            number, entry = assigned.get((case.id_text, kind), ("", None))
            context = document_context(book, sop, case, step, kind, number, today, calendar)
            base = Path(out_dir).absolute() if out_dir else store.output
            target_folder = base if out_dir else base / safe_name(case.id_text)
            name = document_file_name(kind, number, text_of(case.title), case.id_text if out_dir else "")
            planned.append((inside(base, target_folder / name), folder / f"{kind}.docx", context, entry))
        contents = render_many([(template, context) for _, template, context, _ in planned])
        rendered = [(file, content, entry) for (file, _, _, entry), content in zip(planned, contents)]
        # every document rendered: only now is anything written, the register first
        for file, _, entry in rendered:
            if entry is not None:
                entry.file = str(file)
        store.record_numbers([entry for _, _, entry in rendered if entry is not None])
        store.commit()
    result.numbers = [n for n, _ in assigned.values() if n]
    try:
        for file, content, _ in rendered:
            with atomic_output(file) as temporary:
                temporary.write_bytes(content)
            result.files.append(file)
    except OSError as error:
        taken = f"; nomor {', '.join(result.numbers)} sudah dicatat di Penomoran dan dipakai lagi saat naskah yang " \
                "sama dibuat ulang" if result.numbers else ""
        raise CannotSave(f"Naskah tidak bisa disimpan di {file.parent} ({os_reason(error)}); {len(result.files)} dari "
                         f"{len(rendered)} naskah sudah tersimpan{taken}. Periksa folder keluaran lalu jalankan lagi.",
                         path=str(file)) from error
    if pdf and result.files:
        from ..documents.pdf import convert_to_pdf
        result.pdfs = convert_to_pdf(result.files)
    return result


def _jobs(book, case_ids, kinds, result: Generated):
    if case_ids:
        wanted = []
        for case_id in case_ids:
            wanted.append(book.case(case_id))
    else:
        wanted = [c for c in book.cases if c.id_text and text_of(c.status) in {s.value for s in OPEN_STATUSES}]
    jobs = []
    for case in wanted:
        problem = identifier_problem(case.id_text)
        if problem:
            result.skipped.append(f"{case.id_text!r}: ID kasus {problem}, jadi naskahnya tidak dibuat; perbaiki ID-nya")
            continue
        sop = book.sops.get(text_of(case.sop))
        step = sop.step(as_int(case.step)) if sop and as_int(case.step) is not None else None
        if sop is None or step is None:
            raise Refused(f"Kasus {case.id_text} tidak punya SOP atau langkah yang dikenal; jalankan 'iku-xl "
                          "validate'.",
                          sheet=layout.KASUS.name)
        chosen = kinds or list(step.documents)
        if not chosen:
            result.skipped.append(f"{case.id_text}: langkah {step.no} tidak menghasilkan naskah")
        jobs += [(case, sop, step, kind) for kind in chosen]
    return jobs
