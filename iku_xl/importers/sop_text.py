"""An SOP AP in the text layout of a PDF or Word copy: tab-separated cells, one table row a line.

Such text repeats the table header on every page, shifts some cells by one, and has lost the
flowchart symbols. What the text cannot tell (executors, decision targets) is left empty for
staff to fill; validation then points at it.
"""
from __future__ import annotations

import html
import re

from ..core.sop import Sop, SopIdentity, Step
from ..errors import SopTextError

# label as written (lower case, no punctuation) -> identity field
_LABELS = {
    "nomor sop": "nomor", "no sop": "nomor", "no. sop": "nomor",
    "tanggal pembuatan": "tanggal_pembuatan", "tanggal pengesahan": "tanggal_pembuatan",
    "tanggal revisi": "tanggal_revisi",
    "tanggal efektif": "tanggal_efektif",
    "disahkan oleh": "disahkan_oleh",
    "judul sop": "judul", "nama sop": "judul", "judul sop makro": "judul", "judul sop mikro": "judul",
    "nama/judul sop": "judul",
    "dasar hukum": "dasar_hukum",
    "kualifikasi pelaksana": "kualifikasi", "kualifikasi pelaksanaan": "kualifikasi",
    "keterkaitan": "keterkaitan",
    "peralatan/perlengkapan": "peralatan", "peralatan / perlengkapan": "peralatan",
    "peringatan": "peringatan",
    "pencatatan dan pendataan": "pencatatan",
}
_LIST_FIELDS = ("dasar_hukum", "kualifikasi", "keterkaitan", "peralatan")
_MUTU_BAKU = 4  # Kelengkapan, Waktu, Output, Keterangan


def _clean(cell: str) -> str:
    cell = re.sub(r"<input[^>]*checked[^>]*>", "", cell)
    cell = re.sub(r"<input[^>]*>", "", cell)
    cell = re.sub(r"</p>\s*", "\n", cell)
    cell = re.sub(r"<[^>]+>", "", cell)
    cell = html.unescape(cell)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in cell.split("\n")]
    return "\n".join(line for line in lines if line)


def _label_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().rstrip(":").strip()).lower()


def _split_numbered(text: str) -> str:
    """'1. A 2. B 3. C' -> one item a line, only where the numbers run 1, 2, 3, ..."""
    marks = list(re.finditer(r"(?:(?<=\s)|^)(\d{1,2})\.\s", text))
    cuts, expected = [], 1
    for mark in marks:
        if int(mark.group(1)) == expected:
            cuts.append(mark.start())
            expected += 1
    if len(cuts) < 2:
        return text.strip()
    return "\n".join(text[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(text)]))


def parse_sop_text(text: str, code: str) -> Sop:
    lines = [line.rstrip("\r\n") for line in text.splitlines()]
    header_at = next((i for i, line in enumerate(lines) if _is_table_header(line)), None)
    if header_at is None:
        raise SopTextError("Tabel langkah (judul kolom 'No' dan 'Kegiatan') tidak ditemukan; "
                           "pastikan berkas ini salinan teks SOP AP dengan sel dipisah tab.")
    identity = _parse_identity(lines[:header_at])
    roles, _mutu_baku_at = _parse_roles(lines, header_at)
    steps = _parse_steps(lines[header_at:], header_at, len(roles))
    if not steps:
        raise SopTextError("Tabel langkah tidak berisi langkah bernomor; periksa isi berkasnya.")
    return Sop(code=code, identity=identity, roles=tuple(roles), steps=steps)


def _is_table_header(line: str) -> bool:
    cells = [c.strip().lower().rstrip(".") for c in line.split("\t")]
    return len(cells) >= 2 and cells[0] == "no" and cells[1] == "kegiatan"


def _parse_identity(lines: list[str]) -> SopIdentity:
    identity = SopIdentity()
    instansi: list[str] = []
    pending: list[str] = []  # labels on a line of their own; their values come on the next line
    seen_body = False
    for line in lines:
        cells = [_clean(c) for c in line.split("\t")]
        if not any(cells):
            continue
        if pending:
            values = [c for c in cells if c]
            if len(values) == len(pending) and not any(_label_key(v) in _LABELS for v in values):
                for field, value in zip(pending, values):
                    setattr(identity, field, value)
                pending = []
                continue
            pending = []
        labels_only = [c for c in cells if c]
        # labels alone on a line, none followed by a cell of its own: values on the next line
        if labels_only and all(_label_key(c) in _LABELS for c in labels_only) and cells[-1]:
            pending = [_LABELS[_label_key(c)] for c in labels_only]
            seen_body = True
            continue
        i = 0
        while i < len(cells):
            cell = cells[i]
            key = _label_key(cell)
            inline = re.match(r"^([^:]{3,40}?)\s*:\s*(.*)$", cell, re.S)
            if key in _LABELS:
                value = cells[i + 1] if i + 1 < len(cells) else ""
                if _label_key(value) in _LABELS:
                    value = ""
                else:
                    i += 1
                setattr(identity, _LABELS[key], value)
                seen_body = seen_body or _LABELS[key] == "dasar_hukum"
            elif inline and _label_key(inline.group(1)) in _LABELS:
                field = _LABELS[_label_key(inline.group(1))]
                setattr(identity, field, inline.group(2).strip())
                seen_body = True
            elif cell and not seen_body:
                instansi.extend(cell.split("\n"))
            i += 1
    identity.instansi = "\n".join(instansi)
    for field in _LIST_FIELDS:
        setattr(identity, field, _split_numbered(getattr(identity, field)))
    if "\n" not in identity.keterkaitan and len(re.findall(r"\bSOP\b", identity.keterkaitan)) > 1:
        identity.keterkaitan = "\n".join(re.split(r"\s+(?=SOP\b)", identity.keterkaitan.strip()))
    return identity


def _parse_roles(lines: list[str], header_at: int) -> tuple[list[str], int]:
    """Role names from the header's second line, between Kegiatan and the Mutu Baku columns."""
    if header_at + 1 >= len(lines):
        raise SopTextError("Baris nama peran di bawah judul tabel tidak ditemukan.")
    cells = [_clean(c) for c in lines[header_at + 1].split("\t")]
    mutu = next((i for i, c in enumerate(cells) if "kelengkapan" in c.lower() or "persyaratan" in c.lower()), None)
    if mutu is None:
        raise SopTextError("Kolom Mutu Baku (Kelengkapan, Waktu, Output) tidak ditemukan di judul tabel.")
    roles = [c for c in cells[2:mutu] if c]
    if not roles:
        raise SopTextError("Nama peran pelaksana tidak ditemukan di judul tabel.")
    return roles, mutu


def _parse_steps(lines: list[str], offset: int, role_count: int) -> list[Step]:
    steps: list[Step] = []
    width = 2 + role_count + _MUTU_BAKU
    for index, line in enumerate(lines):
        cells = [_clean(c) for c in line.split("\t")]
        if not cells or not re.fullmatch(r"\d{1,3}", cells[0]):
            continue  # blank lines, repeated page headers
        if len(cells) > 2 and all(re.fullmatch(r"\d{1,3}", c) for c in cells if c):
            continue  # the row that numbers the columns (1, 2, 3, ...)
        cells = _fit(cells, width, role_count)
        kelengkapan, waktu, output, keterangan = cells[2 + role_count:2 + role_count + _MUTU_BAKU]
        steps.append(Step(no=int(cells[0]), raw_no=int(cells[0]), kegiatan=cells[1], kelengkapan=kelengkapan,
                          waktu=waktu, output=output, keterangan=keterangan, row=offset + index + 1))
    return steps


def _fit(cells: list[str], width: int, role_count: int) -> list[str]:
    """Undo the extraction's shift: drop surplus empty cells from the executor columns."""
    cells = list(cells)
    while len(cells) > width:
        role_zone = range(2, 2 + role_count + (len(cells) - width))
        empty = next((i for i in role_zone if not cells[i]), None)
        if empty is None:
            if not cells[-1]:
                cells.pop()
                continue
            break
        del cells[empty]
    return cells + [""] * (width - len(cells))
