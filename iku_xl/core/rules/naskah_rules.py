"""Rules on who signs and who receives the documents each SOP step produces (NASKAH.md sections 3 to 7)."""
from __future__ import annotations

from collections.abc import Iterator

from ..book import Book
from ..findings import Finding, Level
from ..naskah.parties import is_minister_role, official_for, recipient_roles, signer_role
from ..sop import Sop, Step


def check(book: Book) -> Iterator[Finding]:
    for sop in book.sops.values():
        for step in sop.steps:
            if step.documents:
                yield from _check_step(book, sop, step)


def _rank(book: Book, sop: Sop, role: str) -> int | None:
    if is_minister_role(role):
        return 0
    official = official_for(book, sop, role)
    return official.rank if official is not None else None


def _check_step(book: Book, sop: Sop, step: Step) -> Iterator[Finding]:
    sheet = sop.code  # an SOP's sheet is named by its code

    def finding(message: str, field: str = "signer", level: Level = Level.PERINGATAN) -> Finding:
        return Finding(sheet, book.cell(sheet, field, step.row), level, field, message, sop=sop.code, step=step.no)

    signer = signer_role(step)
    signer_rank = _rank(book, sop, signer) if signer else None
    recipients = [(role, _rank(book, sop, role)) for role in recipient_roles(sop, step)]
    for kind in step.documents:
        if kind == "nota_dinas":
            lower = [role for role, rank in recipients if _below(rank, signer_rank)]
            if lower:
                yield finding(f"Nota dinas langkah {step.no} dikirim {signer} ke bawah ({', '.join(lower)}); nota "
                              "dinas hanya ke atasan atau yang setingkat, ke bawahan pakai disposisi atau memo.",
                              "recipients")
        elif kind == "undangan_rapat":
            higher = [role for role, rank in recipients if _below(signer_rank, rank)]
            if higher:
                yield finding(f"Undangan langkah {step.no} ditandatangani {signer}, yang lebih rendah dari undangannya "
                              f"({', '.join(higher)}); isi kolom Penandatangan dengan pejabat yang setingkat atau "
                              "lebih tinggi.")
        elif kind == "lembar_disposisi":
            upward = [role for role, rank in recipients if _below(signer_rank, rank)]
            if upward:
                yield finding(f"Disposisi langkah {step.no} dari {signer} ditujukan ke atas ({', '.join(upward)}); "
                              "disposisi hanya dari atasan ke bawahan.", "recipients")
        elif kind == "sk_tim" and signer in step.executors:
            yield finding(f"Keputusan pembentukan tim langkah {step.no} ditetapkan oleh penyusunnya sendiri "
                          f"({signer}); isi kolom Penandatangan dengan pejabat yang berwenang membentuk tim.",
                          level=Level.GALAT)


def _below(rank: int | None, other: int | None) -> bool:
    """True when `rank` stands lower than `other` (a larger index); unknown ranks are not judged."""
    return rank is not None and other is not None and rank > other
