"""iku-xl generate: the naskah dinas of each case's current step, numbered from the register."""
from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .. import clock
from ..confined import checked_image, inside_folder
from ..core import layout, naskah
from ..core.calendar import OfficeCalendar
from ..core.case import OPEN_STATUSES
from ..core.document_kinds import DOCUMENT_KINDS, IKU_INSTRUMENT_KINDS, KINDS, kind_code
from ..core.identifiers import identifier_problem
from ..core.numbering import assign_numbers
from ..core.office_hours import office_calendar
from ..core.register import NumberEntry
from ..core.settings import LABELS
from ..documents.batch import Job, render_many
from ..documents.names import document_file_name, inside, safe_name
from ..documents.word_style import WordStyle
from ..errors import CannotSave, Refused, UnsafePath, UsageError, os_reason
from ..files import atomic_output
from ..store import open_store


@dataclass
class _Planned:
    """A document drafted and numbered, not yet rendered."""
    file: Path
    job: Job
    entry: NumberEntry | None  # its row for the Penomoran register; None for a kind not numbered
    number: str


@dataclass
class Generated:
    files: list[Path] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def templates_folder(explicit: str | Path | None, book, workbook_folder: Path) -> Path:
    """--templates (typed by whoever runs the command), else the Folder Templat of Pengaturan (a folder inside
    the workbook's folder, never elsewhere: the workbook travels), else the templates shipped with the program."""
    if explicit:
        return Path(explicit)
    configured = book.settings.template_folder
    if configured:
        sheet = layout.PENGATURAN.name
        cell = book.cell(sheet, "value", book.settings.rows.get(LABELS["template_folder"]))
        folder = inside_folder(workbook_folder, configured, "Folder Templat", sheet, cell)
        if folder.is_dir():
            return folder
        raise Refused(f"Folder templat '{configured}' (lembar Pengaturan sel {cell}) tidak ada di {workbook_folder}; "
                      "perbaiki isinya atau kosongkan untuk memakai templat bawaan.", sheet=sheet, cell=cell)
    return shipped_templates()


def shipped_templates() -> Path:
    from importlib.resources import files

    return Path(str(files("iku_xl.templates")))


def _progress(items, label: str):
    """A progress bar on a terminal; under pythonw (Excel's Python on Windows) there is no sys.stderr."""
    stream = sys.stderr
    if stream is not None and hasattr(stream, "isatty") and stream.isatty() and len(items) > 1:
        from tqdm import tqdm
        return tqdm(items, desc=label, unit="naskah", file=sys.stderr)
    return items


def generate(target, case_ids: list[str] | None = None, kinds: list[str] | None = None,
             out_dir: str | Path | None = None, pdf: bool = False, today: dt.date | None = None,
             templates: str | Path | None = None) -> Generated:
    """`target` is the workbook's path, or the live workbook's store. A document that cannot be made is
    named in `skipped` with its reason; the others are made all the same."""
    moment = clock.now()
    now = moment if today is None else None
    wanted_kinds = [_kind(k) for k in kinds or []]
    result = Generated()
    with open_store(target) as store:
        book = store.book
        calendar = office_calendar(book.settings, book.days_off)
        today = today or document_day(moment, calendar)
        folder = templates_folder(templates, book, store.folder)
        drafts: list[_Planned] = []
        meetings, owners = [], []  # owners: each draft's case
        for case, sop, step, kind in _progress(_jobs(book, case_ids, wanted_kinds or None, result), "Menyusun naskah"):
            try:
                made = naskah.draft(book, sop, case, step, kind, today, calendar, now)
                style = _word_style(book, made, folder, store.folder)
                number, day, entry = _number(book, made, today)
            except UnsafePath:
                raise  # a cell naming a file outside the workbook's folder stops the whole run
            except Refused as refusal:
                result.skipped.append(f"{case.id_text} {KINDS[kind].label}: {refusal.message}")
                continue
            base = Path(out_dir).absolute() if out_dir else store.output
            target_folder = base if out_dir else base / safe_name(case.id_text)
            name = document_file_name(KINDS[kind].label, number, "", case.id_text if out_dir else "")
            owners.append(case.id_text)
            template = inside_folder(folder, KINDS[kind].template, "Templat")
            job = Job(template, naskah.finish(made, number, day), style, made.properties)
            drafts.append(_Planned(inside(base, target_folder / name), job, entry, number))
            if made.meeting is not None:
                meetings.append(made.meeting)
                book.meetings.append(made.meeting)  # a second undangan of the batch names the same meeting
        contents = render_many([planned.job for planned in drafts])
        rendered = [(planned.file, content, planned.entry) for planned, content in zip(drafts, contents)]
        # every document rendered: only now is anything written, the register first
        for file, _, entry in rendered:
            if entry is not None:  # relative to the output folder: the same on every colleague's machine
                entry.file = _relative(file, store.output)
        store.record_numbers([entry for _, _, entry in rendered if entry is not None])
        _link_files(store, rendered, owners)
        for meeting in meetings:
            book.meetings.remove(meeting)
        if not store.record_meetings(meetings):
            result.skipped.append(f"Lembar {layout.RAPAT.name} tidak ada di buku kerja ini, jadi jadwal rapat dari "
                                  "undangan tidak dicatat; salin lembar itu dari workbook/iku.xlsx agar notulanya "
                                  "bisa dibuat.")
        store.commit()
        result.numbers = [planned.number for planned in drafts if planned.number]
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


def _link_files(store, rendered, owners: list[str]) -> None:
    """Each case's Naskah cell links to the folder of its documents and each new Penomoran entry to its file,
    relative to the workbook's folder."""
    for file, _, entry in rendered:
        if entry is not None:
            store.link(layout.PENOMORAN, entry, "file", _relative(file, store.folder), entry.file)
    by_case: dict[str, list[Path]] = {}
    for (file, _, _), owner in zip(rendered, owners):
        by_case.setdefault(owner, []).append(file)
    for case in store.book.cases:
        files = by_case.get(case.id_text) if case.id_text else None
        if files:
            store.link(layout.KASUS, case, "documents", _relative(files[0].parent, store.folder),
                       f"{len(files)} naskah")


def _relative(file: Path, output: Path) -> str:
    try:
        return file.resolve().relative_to(output.resolve()).as_posix()
    except ValueError:
        return str(file)


def document_day(now: dt.datetime, calendar: OfficeCalendar) -> dt.date:
    """A document's date: today when it is a working day of the office calendar, else the next working day."""
    if calendar.is_working_day(now.date()):
        return now.date()
    return calendar.next_working_moment(dt.datetime.combine(now.date(), dt.time(23, 59))).date()


def _kind(text: str) -> str:
    code = kind_code(text)
    if code is None or code not in DOCUMENT_KINDS:
        raise UsageError(f"Jenis naskah '{text}' tidak dikenal; pilih dari: "
                         f"{', '.join(DOCUMENT_KINDS)} (atau namanya, misalnya \"Nota Dinas\")"
                         + ("; perjanjian kinerja dibuat dengan 'iku-xl kinerja'." if code else "."))
    return code


def _number(book, made, today: dt.date):
    """The register's number and date for a draft (a new entry when it has none yet)."""
    if made.request is None:
        return "", today, None
    assigned = assign_numbers(book.numbers, [made.request], book.number_patterns)[0]
    return assigned.number, assigned.date, assigned.entry


def _word_style(book, made, templates: Path, workbook_folder: Path) -> WordStyle:
    """The profile's look, with its logo and emblem (profile_images)."""
    images = profile_images(book, made.profile, templates, workbook_folder,
                            {"logo": made.style.logo, "emblem": made.style.emblem})
    return WordStyle(made.style.paper, made.style.font, made.style.size, images["logo"], images["emblem"])


def profile_images(book, profile, templates: Path, workbook_folder: Path,
                   names: dict[str, str] | None = None) -> dict[str, str]:
    """The profile's logo and emblem (absolute paths, "" when none is named), found inside the workbook's folder
    or the templates folder, never elsewhere, each checked to be a PNG or JPEG of a sensible size."""
    images = {}
    for image, column in (("logo", "Berkas Logo"), ("emblem", "Berkas Lambang Garuda")):
        name = names[image] if names is not None else profile.text(image)
        if not name:
            images[image] = ""
            continue
        sheet = layout.INSTANSI.name
        cell = book.cell(sheet, image, profile.row)
        found, outside = None, None
        for folder in (workbook_folder, templates):
            try:
                candidate = inside_folder(folder, name, column, sheet, cell)
            except UnsafePath as refusal:
                outside = outside or refusal
                continue
            if candidate.exists():
                found = candidate
                break
        if found is None and outside is not None:
            raise outside
        if found is None:
            raise Refused(f"Berkas gambar '{name}' (kolom {column} profil {profile.key}) tidak ada di folder buku "
                          "kerja maupun folder templat; salin berkasnya ke sana atau perbaiki namanya di lembar "
                          "Instansi.", sheet=sheet, cell=cell)
        images[image] = str(checked_image(found, column, sheet, cell))
    return images


def _jobs(book, case_ids, kinds, result: Generated):
    if case_ids:
        wanted = []
        for case_id in case_ids:
            wanted.append(book.case(case_id))
    else:
        wanted = [c for c in book.cases if c.id_text and c.status in {s.value for s in OPEN_STATUSES}]
    jobs = []
    for case in wanted:
        problem = identifier_problem(case.id_text)
        if problem:
            result.skipped.append(f"{case.id_text!r}: ID kasus {problem}, jadi naskahnya tidak dibuat; perbaiki ID-nya")
            continue
        sop = book.sops.get(case.sop or "")
        step = sop.step(case.step) if sop and case.step is not None else None
        if sop is None or step is None:
            raise Refused(f"Kasus {case.id_text} tidak punya SOP atau langkah yang dikenal; jalankan 'iku-xl "
                          "validate'.",
                          sheet=layout.KASUS.name)
        chosen = kinds or list(step.documents)
        if not chosen:
            result.skipped.append(f"{case.id_text}: langkah {step.no} tidak menghasilkan naskah")
        profile = book.profile_of(sop)
        made = [profile.kind_for(kind) if profile else kind for kind in chosen]
        jobs += [(case, sop, producing_step(sop, step, kind), kind) for kind in dict.fromkeys(made)]
    return jobs


def _produces(step, kind: str) -> bool:
    """Whether a step makes that kind; a step naming either IKU instrument makes the profile's one."""
    if kind in IKU_INSTRUMENT_KINDS:
        return any(k in IKU_INSTRUMENT_KINDS for k in step.documents)
    return kind in step.documents


def producing_step(sop, current, kind: str):
    """The step whose document it is: the current one if it produces that kind, else the nearest step before
    it that does (after it, if none before), so signer and addressee are that step's."""
    if _produces(current, kind):
        return current
    here = current.no or 0
    producing = [s for s in sop.steps if _produces(s, kind) and isinstance(s.no, int)]
    before = [s for s in producing if (s.no or 0) <= here]
    if before:
        return before[-1]
    return producing[0] if producing else current
