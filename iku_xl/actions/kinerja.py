"""iku-xl kinerja: the year's Manual IKU, Perjanjian Kinerja and cascading matrix of each instansi, into
kinerja/YYYY/<instansi>/ of the output folder. A PK is numbered where the instansi's Pola Nomor has a row for it,
and keeps its number and date when made again."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .. import clock
from ..confined import inside_folder
from ..core import kinerja, layout
from ..core.document_kinds import KINDS
from ..core.indonesian import MONTHS
from ..core.naskah.common import instansi as instansi_fields
from ..core.numbering import NumberRequest, assign_numbers
from ..core.profile import InstansiProfile
from ..documents.batch import Job, render_many
from ..documents.names import inside, safe_name
from ..documents.word_style import WordStyle
from ..errors import CannotSave, Refused, UsageError, os_reason
from ..files import atomic_output
from ..store import open_store
from .generate import profile_images, templates_folder

KIND = "perjanjian_kinerja"
STATEMENT_MINISTER = [
    "berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini dalam rangka mencapai "
    "target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan.",
    "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
]
STATEMENT_OFFICIAL = [
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam "
    "rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. "
    "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari "
    "perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.",
]


@dataclass
class Made:
    files: list[Path] = field(default_factory=list)
    pdfs: list[Path] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # what was left out, and why


def make_kinerja(target, year: int, sop: str | None = None, instansi: str | None = None, pdf: bool = False,
                 out_dir: str | Path | None = None, today: dt.date | None = None,
                 templates: str | Path | None = None) -> Made:
    """`target` is the workbook's path, or the live workbook's store."""
    today = today or clock.today()
    if not 2000 <= year <= 2100:
        raise UsageError(f"Tahun {year} tidak masuk akal; tulis tahun kinerja, misalnya {today.year + 1}.")
    made = Made()
    jobs: list[tuple[Path, Job]] = []  # each document's file and what it is rendered from
    sheets: list[tuple[Path, layout.ListSheet, list[list]]] = []
    with open_store(target) as store:
        book = store.book
        folder = templates_folder(templates, book, store.folder)
        base = (Path(out_dir).absolute() if out_dir else store.output / "kinerja" / str(year))
        entries = []
        for profile in _profiles(book, sop, instansi):
            rows = kinerja.instansi_rows(book, profile, sop)
            if not rows:
                made.notes.append(f"{profile.text('name') or profile.key}: belum ada baris IKU; isi lembar IKU dulu.")
                continue
            where = inside(base, base / safe_name(profile.key))
            style = _style(book, profile, folder, store.folder)
            properties = {"author": profile.text("author") or profile.text("unit"), "company": profile.text("name"),
                          "case_id": "", "language": "id-ID"}
            years = kinerja.period_years(rows)
            span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0] if years else year)
            # Manual IKU
            cards = kinerja.manual_cards(rows, kinerja.wanted_card_fields(profile))
            title = f"Manual IKU {profile.text('name')} Tahun {span}"
            context = {"kartu": cards, "periode": span, "tahun": year, "instansi": instansi_fields(profile)}
            template = inside_folder(folder, "manual_iku.docx", "Templat")
            jobs.append((where / f"{safe_name(title)}.docx",
                         Job(template, context, style, {**properties, "title": title})))
            from ..workbook.kinerja_writer import manual_sheet, matrix_sheet
            sheets.append((where / f"{safe_name(title)}.xlsx", *manual_sheet(cards)))
            # Perjanjian Kinerja
            agreements, problems = kinerja.agreements(book, profile, rows, year)
            made.notes += problems
            for agreement in agreements:
                if agreement.missing:
                    made.notes.append(f"Perjanjian kinerja {agreement.first.title}: tanpa target {year} untuk "
                                      f"{', '.join(agreement.missing)}.")
                context = kinerja.agreement_context(agreement, profile, year, profile.wants_quarters)
                number, day, entry = _number(book, profile, agreement, year, today)
                if entry is not None:
                    entries.append(entry)
                if number:
                    made.numbers.append(number)
                context.update(nomor=number, tanggal=_shown_date(day),
                               pernyataan=STATEMENT_MINISTER if agreement.level == 0 else STATEMENT_OFFICIAL)
                title = f"Perjanjian Kinerja Tahun {year} {agreement.first.title}"
                file = where / f"{safe_name(title)}.docx"
                if entry is not None:
                    entry.file = str(file)
                jobs.append((file, Job(inside_folder(folder, KINDS[KIND].template, "Templat"), context, style,
                                       {**properties, "title": title})))
            # the cascading matrix
            lines = kinerja.matrix(book, rows, year)
            title = f"Matriks Cascading IKU {profile.text('name')} Tahun {year}"
            context = {"matriks": lines, "tahun": year, "instansi": instansi_fields(profile)}
            template = inside_folder(folder, "matriks_cascading.docx", "Templat")
            jobs.append((where / f"{safe_name(title)}.docx",
                         Job(template, context, style, {**properties, "title": title})))
            sheets.append((where / f"{safe_name(title)}.xlsx", *matrix_sheet(lines, year)))
        if not jobs:
            raise Refused("Tidak ada IKU untuk dibuatkan dokumen kinerja; isi lembar IKU (dengan ID kasus dari SOP "
                          "instansinya) dulu.", sheet=layout.IKU.name)
        contents = render_many([job for _, job in jobs])
        from ..documents.tables import merge_repeated_cells
        contents = [merge_repeated_cells(content) for content in contents]
        # every document rendered: only now is anything written, the register first
        store.record_numbers(entries)
        store.commit()
    _save(made, [(file, content) for (file, _), content in zip(jobs, contents)], sheets)
    if pdf:
        from ..documents.pdf import convert_to_pdf
        made.pdfs = convert_to_pdf([f for f in made.files if f.suffix == ".docx"])
    return made


def _profiles(book, sop: str | None, code: str | None) -> list[InstansiProfile]:
    if sop:
        found = book.sops.get(sop) or next((s for c, s in book.sops.items() if c.lower() == sop.lower()), None)
        if found is None:
            raise UsageError(f"SOP '{sop}' tidak ada di buku kerja; pilih dari: {', '.join(book.sops)}.")
        profile = book.profile_of(found)
        if profile is None:
            raise Refused(f"SOP {found.code} belum punya profil instansi; isi lembar Instansi dan tulis kodenya di "
                          f"identitas lembar {found.code}.", sheet=found.code)
        return [profile]
    if code:
        profile = next((p for p in book.profiles if p.key == code.strip().upper()), None)
        if profile is None:
            raise UsageError(f"Profil instansi '{code}' tidak ada di lembar Instansi; pilih dari: "
                             f"{', '.join(p.key for p in book.profiles)}.")
        return [profile]
    return kinerja.profiles_with_iku(book)


def _style(book, profile: InstansiProfile, templates: Path, workbook_folder: Path) -> WordStyle:
    """The instansi's letter style, with its logo and emblem (found and checked as generate finds them)."""
    images = profile_images(book, profile, templates, workbook_folder)
    font, size = profile.font(False)
    return WordStyle(profile.paper(False), font, size, images["logo"], images["emblem"])


def _number(book, profile: InstansiProfile, agreement: kinerja.Agreement, year: int, today: dt.date):
    """The register's number and date for a PK whose instansi numbers them (a Pola Nomor row); else none. A PK
    drafted before its year is numbered in its year's sequence, dated the first of January (one made after its
    year, the last of December)."""
    if not any((p.profile or "").upper() == profile.key and p.kind == KIND and (p.pattern or "")
               for p in book.number_patterns):
        return "", max(today, dt.date(year, 1, 1)), None
    day = min(max(today, dt.date(year, 1, 1)), dt.date(year, 12, 31))  # in its year's register, whenever made
    request = NumberRequest(KIND, f"PK {year} {agreement.unit}", None, day,
                            f"Perjanjian Kinerja Tahun {year} {agreement.first.title}", profile, agreement.first.code)
    assigned = assign_numbers(book.numbers, [request], book.number_patterns)[0]
    return assigned.number, assigned.date, assigned.entry


def _shown_date(day: dt.date) -> str:
    """The date as it stands above the signatures: the month and year, the day left for the signing (the program
    cannot know it; a PK made again shows the same month, the register's)."""
    return f"... {MONTHS[day.month - 1]} {day.year}"


def _save(made: Made, documents: list[tuple[Path, bytes]], sheets: list[tuple[Path, layout.ListSheet, list[list]]]) \
        -> None:
    from ..workbook.kinerja_writer import write_table_workbook

    try:
        for file, content in documents:
            with atomic_output(file) as temporary:
                temporary.write_bytes(content)
            made.files.append(file)
        for file, sheet, rows in sheets:
            with atomic_output(file) as temporary:
                write_table_workbook(temporary, sheet, rows)
            made.files.append(file)
    except OSError as error:
        taken = f"; nomor {', '.join(made.numbers)} sudah dicatat di Penomoran dan dipakai lagi saat dibuat ulang" \
            if made.numbers else ""
        raise CannotSave(f"Dokumen kinerja tidak bisa disimpan di {file.parent} ({os_reason(error)}); "
                         f"{len(made.files)} berkas sudah tersimpan{taken}. Periksa folder keluaran lalu jalankan "
                         "lagi.", path=str(file)) from error


def default_year(today: dt.date) -> int:
    """The year whose documents a bureau prepares now: the next one from October, when next year's PK are drafted."""
    return today.year + 1 if today.month >= 10 else today.year
