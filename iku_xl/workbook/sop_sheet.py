"""Reading an SOP sheet: the identity block, the role columns, one row a step."""
from __future__ import annotations

import re

from ..core import layout
from ..core.cells import column_letter
from ..core.document_kinds import kind_code
from ..core.sop import IDENTITY_FIELDS, Sop, SopIdentity, Step, StepKind
from ..core.values import Measure, as_int, is_blank, read_measure, read_text, text_of
from ..errors import RenamedHeader
from .grid import Grid

_IDENTITY_LABELS = {layout.normalise_header(label): field for field, label in IDENTITY_FIELDS}
_KINDS = {k.value.lower(): k for k in StepKind}


def find_sop_header(grid: Grid, search_rows: int = 60) -> int | None:
    """The first of the two header rows: 'No' then 'Kegiatan'."""
    for row in range(1, min(grid.height, search_rows) + 1):
        if (layout.normalise_header(grid.value(row, 1)) == "no"
                and layout.normalise_header(grid.value(row, 2)) == "kegiatan"):
            return row
    return None


def read_sop_sheet(grid: Grid) -> tuple[Sop, dict[str, str], int]:
    """The SOP, field -> column letter, and the row that names the roles."""
    header = find_sop_header(grid)
    if header is None:
        raise ValueError(f"{grid.name} is not an SOP sheet")  # callers look for the header first
    role_row = header + 1
    columns = _fixed_columns(grid, header)
    role_columns = list(range(columns["kegiatan"] + 1, columns["kelengkapan"]))
    roles = tuple(text_of(grid.value(role_row, c)) for c in role_columns)
    letters = {field: column_letter(c) for field, c in columns.items()}
    letters.update({f"peran:{name}": column_letter(c) for name, c in zip(roles, role_columns) if name})
    letters["pelaksana"] = column_letter(role_columns[0]) if role_columns else letters["kelengkapan"]
    steps = []
    for row in range(role_row + 1, grid.height + 1):
        values = {field: grid.value(row, c) for field, c in columns.items()}
        marks = [(name, c) for name, c in zip(roles, role_columns) if not is_blank(grid.value(row, c))]
        if all(is_blank(v) for v in values.values()) and not marks:
            continue
        steps.append(Step(
            no=as_int(values["no"]), raw_no=read_text(values["no"])[0], kegiatan=text_of(values["kegiatan"]),
            executors=tuple(name for name, _ in marks if name),
            unnamed_executor_columns=tuple(c for name, c in marks if not name),
            kelengkapan=text_of(values["kelengkapan"]), waktu=_waktu(values["waktu"]),
            output=text_of(values["output"]), keterangan=text_of(values["keterangan"]),
            kind=_kind(values["kind"]), if_yes=_target(values["if_yes"]), if_no=_target(values["if_no"]),
            documents=_documents(values["documents"]), row=row,
            signer=text_of(values.get("signer")), recipients=tuple(_list(values.get("recipients"))),
            to_confirm=text_of(values.get("to_confirm")),
        ))
    sop = Sop(code=grid.name, identity=_identity(grid, header), roles=tuple(r for r in roles if r), steps=steps)
    return sop, letters, role_row


def _fixed_columns(grid: Grid, header: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for row in (header, header + 1):
        for column in range(1, grid.width + 1):
            text = layout.normalise_header(grid.value(row, column))
            for field, title in layout.SOP_FIXED_HEADERS.items():
                if field not in found and text and text == layout.normalise_header(title):
                    found[field] = column
    if "kelengkapan" not in found:  # some SOPs call it Persyaratan
        for column in range(1, grid.width + 1):
            if "persyaratan" in layout.normalise_header(grid.value(header + 1, column)):
                found["kelengkapan"] = column
    for field, title in layout.SOP_FIXED_HEADERS.items():
        if field not in found and field not in layout.SOP_OPTIONAL_HEADERS:
            cell = f"A{header + 1}"
            raise RenamedHeader(f"Judul kolom '{title}' tidak ditemukan di baris {header}-{header + 1} lembar SOP "
                                f"{grid.name}; kembalikan judul kolom itu.", sheet=grid.name, cell=cell)
    return found


def _identity(grid: Grid, header: int) -> SopIdentity:
    identity = SopIdentity()
    for row in range(1, header):
        for column in range(1, 4):
            field = _IDENTITY_LABELS.get(layout.normalise_header(grid.value(row, column)))
            if field:
                value = next((grid.value(row, c) for c in range(column + 1, grid.width + 1)
                              if not is_blank(grid.value(row, c))), None)
                setattr(identity, field, text_of(value))
                break
    return identity


def _kind(value: object) -> StepKind | str | None:
    if is_blank(value):
        return None
    return _KINDS.get(text_of(value).lower(), text_of(value))


def _target(value: object) -> int | str | None:
    if is_blank(value):
        return None
    number = as_int(value)
    return number if number is not None else text_of(value)


def _documents(value: object) -> tuple[str, ...]:
    """Kinds by label (Nota Dinas) or code (nota_dinas); an unknown one is kept as typed, for validate."""
    return tuple(kind_code(p) or p for p in _list(value))


def _list(value: object) -> list[str]:
    if is_blank(value):
        return []
    return [p.strip() for p in re.split(r"[,;\n]+", text_of(value)) if p.strip()]


def _waktu(value: object) -> Measure:
    """The Waktu cell as typed: words, or a number of minutes ("" when blank)."""
    read = read_measure(value)[0]
    return "" if read is None else read
