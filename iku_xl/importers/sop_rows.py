"""An SOP AP as rows of cells, whichever file it came from: the one reading of the identity block and the
flowchart table (Word tables, PDF tables and pasted text all arrive here as rows).

The table is found by its header ("No" and "Kegiatan", "Uraian Kegiatan" or "Uraian Prosedur"), the roles
are the columns between Kegiatan and the Mutu Baku, a step is a row whose first cell is its number ("1" or
"1."). What the file does not say (executors without symbols, decisions) is read from the wording by
`sop_wording` and marked for staff to confirm.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.sop import Sop, SopIdentity, Step, StepKind
from ..errors import SopTextError
from . import sop_wording
from .sop_identity import parse_identity


@dataclass
class Cell:
    text: str
    marked: bool = False                 # a flowchart symbol is drawn in the cell (Word shape, PDF picture)
    shape: StepKind | None = None        # which symbol, when the file says (Word's flowchart shapes)


@dataclass
class ImportNote:
    """One line of the import report: what was read, guessed or missing, and where."""
    step: int | None
    message: str
    guessed: bool = False
    part: str = "Identitas"              # where a note without a step belongs


@dataclass
class ImportedSop:
    sop: Sop
    notes: list[ImportNote] = field(default_factory=list)
    source: str = ""                     # "Word", "PDF", "teks"

    @property
    def guesses(self) -> int:
        """Steps marked in the SOP sheet's "Periksa (hasil impor)" column."""
        return sum(bool(s.to_confirm) for s in self.sop.steps)


_NUMBER = re.compile(r"^(\d{1,3})\.?$")
_KEGIATAN = ("kegiatan", "uraian kegiatan", "uraian prosedur", "uraian", "aktivitas", "prosedur", "langkah kegiatan")
_MUTU = {"kelengkapan": ("kelengkapan", "persyaratan", "syarat"), "waktu": ("waktu",),
         "output": ("output", "keluaran", "hasil")}
_KETERANGAN = ("ket", "keterangan", "catatan")
_NOT_ROLES = ("pelaksana", "mutu baku", "mutu")
START_WORDS = {"mulai": StepKind.MULAI, "start": StepKind.MULAI, "selesai": StepKind.SELESAI, "end": StepKind.SELESAI}
# Written in executor cells of pasted text where the symbols were: marks of an executor. "Y"/"T" are not:
# they label a decision's arrows and land in whichever cell the arrow crossed.
_MARKS = {"√", "✓", "✔", "v", "x", "▭", "□", "◇", "◊", "⬭", "○", "●", "■", "◆", "*"}


def words(text: str) -> str:
    return re.sub(r"[^a-z0-9/ ]+", " ", text.lower()).strip()


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", words(text))


def _is_no(text: str) -> bool:
    return _key(text) in ("no", "nomor", "no urut")


def find_header(rows: list[list[Cell]]) -> int | None:
    for index, row in enumerate(rows):
        texts = [_key(c.text) for c in row]
        for i, text in enumerate(texts):
            if _is_no(text) and any(t in _KEGIATAN for t in texts[i + 1:i + 3]):
                return index
    return None


@dataclass
class Columns:
    no: int
    kegiatan: int
    roles: list[tuple[int, str]]
    mutu: dict[str, int]
    keterangan: int | None
    body_from: int  # the first row below the header
    notes: list[ImportNote] = field(default_factory=list)


def table_columns(rows: list[list[Cell]], at: int) -> Columns:
    head = [_key(c.text) for c in rows[at]]
    no = next(i for i, t in enumerate(head) if _is_no(t))
    kegiatan = next(i for i in range(no + 1, len(head)) if head[i] in _KEGIATAN)
    below = [_key(c.text) for c in rows[at + 1]] if at + 1 < len(rows) else []
    names_row, body_from = (rows[at + 1], at + 2) if _mutu_columns(below) else (rows[at], at + 1)
    names = [_key(c.text) for c in names_row]
    mutu = _mutu_columns(names) or _mutu_columns(head)
    if "kelengkapan" not in mutu and "waktu" not in mutu:
        raise SopTextError("Kolom Mutu Baku (Kelengkapan/Persyaratan, Waktu, Output) tidak ditemukan di judul tabel "
                           "langkah; periksa bahwa tabel SOP-nya lengkap.")
    first_mutu = min(mutu.values())
    roles: list[tuple[int, str]] = []
    for i in range(kegiatan + 1, first_mutu):
        name = _clean_role(names_row[i].text if i < len(names_row) else "")
        if name and _key(name) not in _NOT_ROLES and all(name != r for _, r in roles):
            roles.append((i, name))
    if not roles:
        raise SopTextError("Nama peran pelaksana tidak ditemukan di judul tabel (di antara Kegiatan dan Mutu Baku).")
    heading = names_row if _mutu_columns(names) else rows[at]
    keterangan = next((i for i, t in enumerate(head + [""] * (len(names) - len(head)))
                       if i > first_mutu and (t in _KETERANGAN or (i < len(names) and names[i] in _KETERANGAN))),
                      None)
    return Columns(no, kegiatan, roles, mutu, keterangan, body_from, _loose_headers(heading, mutu))


def _clean_role(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _mutu_name(text: str) -> tuple[str, bool] | None:
    """Which Mutu Baku column a header names, and whether that was a loose reading: a word broken inside
    its cell ("Kelengka pan") or one slip of a letter ("Autput"), as in headers typed in narrow cells."""
    for name, options in _MUTU.items():
        if any(text == o or text.startswith(o + " ") or text.endswith(" " + o) or text.startswith(o + "/")
               for o in options):
            return name, False
    compact = text.replace(" ", "")
    for name, options in _MUTU.items():
        if compact in options:
            return name, True
    for name, options in _MUTU.items():
        if any(len(o) >= 5 and len(compact) == len(o) and sum(a != b for a, b in zip(compact, o)) == 1
               for o in options):
            return name, True
    return None


def _mutu_columns(texts: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, text in enumerate(texts):
        named = _mutu_name(text)
        if named and named[0] not in found:
            found[named[0]] = i
    return found


def _loose_headers(row: list[Cell], mutu: dict[str, int]) -> list[ImportNote]:
    notes = []
    for name, i in mutu.items():
        named = _mutu_name(_key(row[i].text)) if i < len(row) else None
        if named and named[1]:
            shown = re.sub(r"\s+", " ", row[i].text).strip()
            notes.append(ImportNote(None, f"Judul kolom '{shown}' dibaca sebagai {name.capitalize()}.",
                                    guessed=True, part="Tabel langkah"))
    return notes


def parse_sop_rows(rows: list[list[Cell]], code: str, source: str = "teks") -> ImportedSop:
    at = find_header(rows)
    if at is None:
        raise SopTextError("Tabel langkah (judul kolom 'No' dan 'Kegiatan' atau 'Uraian Kegiatan') tidak ditemukan; "
                           "pastikan berkas ini SOP AP dengan tabel langkahnya.")
    columns = table_columns(rows, at)
    identity = parse_identity([[c.text for c in row] for row in rows[:at]])
    notes = _identity_notes(identity) + columns.notes
    steps: list[Step] = []
    marks: list[dict[str, Cell]] = []
    repeated = -2
    for index in range(columns.body_from, len(rows)):
        row = rows[index]
        number = _NUMBER.match(row[columns.no].text.strip()) if columns.no < len(row) else None
        if find_header([row]) is not None:
            repeated = index  # the header repeated on each page, and its row of role names below
            continue
        if index == repeated + 1 and _mutu_columns([_key(c.text) for c in row]):
            continue
        if not number:
            if steps and _continues(row, columns):  # a step's row broken across a page
                steps[-1], marks[-1] = _joined(steps[-1], marks[-1], row, columns)
            continue  # blank lines, titles between pages
        texts = [c.text for c in row]
        if all(_NUMBER.match(t.strip()) for t in texts if t.strip()) and len([t for t in texts if t.strip()]) > 2:
            continue  # the row that numbers the columns (1, 2, 3, ...)

        def cell(i: int | None, row: list[Cell] = row) -> str:
            return row[i].text.strip() if i is not None and i < len(row) else ""

        steps.append(Step(no=int(number.group(1)), raw_no=str(int(number.group(1))), kegiatan=cell(columns.kegiatan),
                          kelengkapan=cell(columns.mutu.get("kelengkapan")), waktu=cell(columns.mutu.get("waktu")),
                          output=cell(columns.mutu.get("output")), keterangan=cell(columns.keterangan),
                          row=index + 1))
        marks.append({name: row[i] for i, name in columns.roles if i < len(row)})
    if not steps:
        raise SopTextError("Tabel langkah tidak berisi langkah bernomor; periksa isi berkasnya.")
    roles = tuple(name for _, name in columns.roles)
    steps = [_with_marks(step, marked, roles) for step, marked in zip(steps, marks)]
    steps = [s.with_(kind=StepKind.SELESAI) if i and s.kind is StepKind.MULAI else s for i, s in enumerate(steps)]
    steps, guessed = sop_wording.complete(steps, roles)
    notes += guessed
    step_notes = _step_notes(steps)
    notes += step_notes
    steps = [_confirming(step, [n for n in step_notes if n.guessed and n.step == step.no]) for step in steps]
    return ImportedSop(Sop(code=code, identity=identity, roles=roles, steps=steps), notes, source)


def _continues(row: list[Cell], columns: Columns) -> bool:
    """A row without a number that carries on the step above: the step's columns, some of them filled."""
    texts = [c.text.strip() for c in row]
    return len(texts) > columns.kegiatan and any(texts[columns.kegiatan:])


def _joined(step: Step, marks: dict[str, Cell], row: list[Cell], columns: Columns) -> tuple[Step, dict[str, Cell]]:
    def more(old: str, i: int | None) -> str:
        new = row[i].text.strip() if i is not None and i < len(row) else ""
        return f"{old} {new}".strip() if new else old

    step = step.with_(kegiatan=more(step.kegiatan, columns.kegiatan),
                      kelengkapan=more(step.kelengkapan, columns.mutu.get("kelengkapan")),
                      waktu=more(str(step.waktu), columns.mutu.get("waktu")),
                      output=more(step.output, columns.mutu.get("output")),
                      keterangan=more(step.keterangan, columns.keterangan))
    marks = dict(marks)
    for i, name in columns.roles:
        if i < len(row) and (row[i].marked or row[i].text.strip()) and name in marks:
            marks[name] = Cell(f"{marks[name].text}{row[i].text}", marks[name].marked or row[i].marked,
                               marks[name].shape or row[i].shape)
    return step, marks


def _with_marks(step: Step, cells: dict[str, Cell], roles: tuple[str, ...]) -> Step:
    """Executors where the file marks them: a drawn symbol, a symbol character, MULAI/SELESAI."""
    executors, kind = [], None
    for role in roles:
        cell = cells.get(role)
        if cell is None:
            continue
        text = _key(cell.text)
        if text in START_WORDS:
            executors.append(role)
            kind = START_WORDS[text]
        elif cell.marked or cell.text.strip().lower() in _MARKS:
            executors.append(role)
            kind = kind or cell.shape
    return step.with_(executors=tuple(executors), kind=kind)


def _confirming(step: Step, guesses: list[ImportNote]) -> Step:
    """The step's guesses written where `validate` keeps asking until staff clear them."""
    checks = [step.to_confirm] if step.to_confirm else []
    checks += [n.message.rstrip(".").replace("Waktu: ", "waktu ", 1) for n in guesses]
    return step.with_(to_confirm="; ".join(checks)) if checks else step


def _identity_notes(identity: SopIdentity) -> list[ImportNote]:
    wanted = (("nomor", "Nomor SOP"), ("judul", "Judul/Nama SOP"), ("disahkan_oleh", "Disahkan oleh"),
              ("tanggal_pembuatan", "Tanggal pembuatan/pengesahan"))
    return [ImportNote(None, f"{label} tidak ada di berkas; isi di lembar SOP.")
            for name, label in wanted if not getattr(identity, name).strip()]


def _step_notes(steps: list[Step]) -> list[ImportNote]:
    from ..core.waktu import WaktuProblem

    notes = []
    for step in steps:
        missing = [label for label, value in (("Kegiatan", step.kegiatan), ("Kelengkapan", step.kelengkapan),
                                              ("Output", step.output)) if not value]
        if missing:
            notes.append(ImportNote(step.no, f"{', '.join(missing)} kosong di berkas."))
        duration = step.duration
        if isinstance(duration, WaktuProblem):
            notes.append(ImportNote(step.no, f"Waktu '{step.waktu}' {duration.value}; isi standar waktunya."
                                    if step.waktu else "Waktu kosong di berkas."))
        elif duration.reading:
            notes.append(ImportNote(step.no, f"Waktu: {duration.reading} ({duration}).", guessed=True))
    return notes
