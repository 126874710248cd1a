"""The identity block of an SOP AP (Nomor SOP, Tanggal, Disahkan oleh, Nama SOP, Dasar Hukum...), from rows of
cells: a label cell followed by its value, "Label : value" in one cell, or labels on a row of their own
with their values on the next.
"""
from __future__ import annotations

import re

from ..core.sop import SopIdentity

# label as written (lower case, no punctuation) -> identity field
_LABELS = {
    "nomor sop": "nomor", "no sop": "nomor", "no. sop": "nomor",
    "tanggal pembuatan": "tanggal_pembuatan", "tanggal pengesahan": "tanggal_pembuatan",
    "tanggal revisi": "tanggal_revisi",
    "tanggal efektif": "tanggal_efektif",
    "disahkan oleh": "disahkan_oleh",
    "judul sop": "judul", "nama sop": "judul", "judul sop makro": "judul", "judul sop mikro": "judul",
    "nama/judul sop": "judul", "judul": "judul", "nama prosedur": "judul",
    "nomor": "nomor", "no. sop.": "nomor", "nomor sop ap": "nomor", "tgl pembuatan": "tanggal_pembuatan",
    "tgl. pembuatan": "tanggal_pembuatan", "tgl revisi": "tanggal_revisi", "tgl efektif": "tanggal_efektif",
    "tgl. revisi": "tanggal_revisi", "tgl. efektif": "tanggal_efektif", "pengesahan": "disahkan_oleh",
    "dasar hukum": "dasar_hukum",
    "kualifikasi pelaksana": "kualifikasi", "kualifikasi pelaksanaan": "kualifikasi",
    "keterkaitan": "keterkaitan",
    "peralatan/perlengkapan": "peralatan", "peralatan / perlengkapan": "peralatan",
    "peringatan": "peringatan",
    "pencatatan dan pendataan": "pencatatan",
}
_LIST_FIELDS = ("dasar_hukum", "kualifikasi", "keterkaitan", "peralatan")


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


def parse_identity(rows: list[list[str]]) -> SopIdentity:
    """The identity block: label cells and their values, as the table or the text lays them out."""
    identity = SopIdentity()
    instansi: list[str] = []
    pending: list[str] = []  # labels on a line of their own; their values come on the next line
    seen_body = False
    for cells in rows:
        cells = [c.strip() for c in cells]
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


