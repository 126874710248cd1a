"""Rules on who signs and who receives the documents each SOP step produces (NASKAH.md sections 3 to 7)."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from .. import layout
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
            yield from _against_the_flow(book, sop, step, signer, signer_rank, finding)
        elif kind == "sk_tim" and signer in step.executors:
            yield finding(f"Keputusan pembentukan tim langkah {step.no} ditetapkan oleh penyusunnya sendiri "
                          f"({signer}); isi kolom Penandatangan dengan pejabat yang berwenang membentuk tim.",
                          level=Level.GALAT)
        if kind == "sk_tim":
            yield from _team_above_its_signer(book, sop, signer, signer_rank)
    if signer and step.documents and not is_minister_role(signer):
        yield from _kop_of_another_unit(book, sop, step, signer)


def _against_the_flow(book: Book, sop: Sop, step: Step, signer: str, signer_rank: int | None,
                      finding: Callable[..., Finding]) -> Iterator[Finding]:
    """A disposisi goes down; where the SOP sends the file up next (a decision's Ya to a superior), the step's
    letter is a nota dinas to that superior."""
    following = sop.step(sop.next_step(step, True if step.is_decision else None))
    if following is None or not following.executors:
        return
    role = following.executors[0]
    if role != signer and _below(signer_rank, _rank(book, sop, role)):
        yield finding(f"Disposisi langkah {step.no} dari {signer} turun ke bawahan, padahal berkasnya naik ke "
                      f"{role} (langkah {following.no}); naskah ke atasan adalah nota dinas, jadi ganti Dokumen "
                      "langkah ini dengan Nota Dinas kepada atasan itu.", "documents")


def _team_above_its_signer(book: Book, sop: Sop, signer: str, signer_rank: int | None) -> Iterator[Finding]:
    """An SK Tim appoints only those its signer may: no member above the official who signs it."""
    cases = {c.id_text for c in book.cases if c.sop == sop.code}
    sheet = layout.TIM.name
    for member in book.team:
        if (member.case_id or "") not in cases:
            continue
        official = next((o for o in book.officials if ((o.name or "") and (o.name or "") == member.name) or ""),
                        None) or next((o for o in book.officials if (o.title or "")
                                       and (o.title or "").lower() == (member.title or "").lower()), None)
        rank = official.rank if official is not None else None
        if _below(signer_rank, rank):
            yield Finding(sheet, book.cell(sheet, "title", member.row), Level.PERINGATAN, "title",
                          f"Tim kasus {member.case_id or ''} memuat {member.name or ''} "
                          f"({member.title or ''}), "
                          f"yang lebih tinggi dari penetap keputusannya ({signer}); keputusan ditetapkan pejabat yang "
                          f"berwenang mengangkat semua anggotanya, jadi ganti Penandatangan di lembar {sop.code}.",
                          sop=sop.code, case=(member.case_id or ""))


def _kop_of_another_unit(book: Book, sop: Sop, step: Step, signer: str) -> Iterator[Finding]:
    """A letter carries the kop of its signer's unit: a signer from a unit the profile has no kop for."""
    profile = book.profile_of(sop)
    official = official_for(book, sop, signer)
    unit = (official.unit or "") if official is not None else ""
    if profile is None or official is None or not unit or profile.has_unit(unit):
        return
    sheet = layout.PEJABAT.name
    yield Finding(sheet, book.cell(sheet, "unit", official.row), Level.PERINGATAN, "unit",
                  f"{signer} ({unit}) menandatangani naskah langkah {step.no} SOP {sop.code}, tetapi profil "
                  f"{profile.key} hanya punya kop {', '.join(profile.kop_lines)}; naskahnya harus berkop unit "
                  "penandatangan, jadi tambahkan profil unit itu atau perbaiki Unit Kerja-nya.", sop=sop.code,
                  step=step.no)


def _below(rank: int | None, other: int | None) -> bool:
    """True when `rank` stands lower than `other` (a larger index); unknown ranks are not judged."""
    return rank is not None and other is not None and rank > other
