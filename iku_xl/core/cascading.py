"""How the ministry's IKU reach its units: the Cascading rows of an IKU, the official who heads a unit, whose
superior signs that official's Perjanjian Kinerja."""
from __future__ import annotations

from .book import Book
from .iku import Cascade, IkuRow, same_indicator
from .people import Official
from .values import text_of


def same_unit(a: object, b: object) -> bool:
    return " ".join(text_of(a).lower().split()) == " ".join(text_of(b).lower().split()) and bool(text_of(a))


def cascades_of(book: Book, row: IkuRow) -> list[Cascade]:
    """The Cascading rows that carry this IKU down (same indicator; same case where the row names one)."""
    return [c for c in book.cascades if same_indicator(c.indikator, row.indikator)
            and (not c.case_id or (c.case_id or "") == (row.case_id or ""))]


def iku_of(book: Book, cascade: Cascade) -> IkuRow | None:
    """The IKU row a Cascading row carries down; None when the IKU sheet has no such indicator."""
    found = [r for r in book.iku_rows if same_indicator(r.indikator, cascade.indikator)]
    same_case = [r for r in found if (r.case_id or "") == (cascade.case_id or "")]
    return next(iter(same_case or found), None)


def unit_head(book: Book, unit: object) -> Official | None:
    """The highest-ranked official of the unit in Pejabat (Unit Kerja as written, spaces and case aside)."""
    members = [o for o in book.officials if same_unit(o.unit, unit) and o.name]
    ranked = sorted(members, key=lambda o: 99 if o.rank is None else o.rank)
    return ranked[0] if ranked else None


def superior_of(book: Book, official: Official) -> Official | None:
    """The official named in Atasan Langsung (by Peran, else by Jabatan Lengkap), of the same SOP where it has one."""
    wanted = (official.superior or "").lower()
    if not wanted:
        return None
    candidates = [o for o in book.officials if wanted in ((o.role or "").lower(), (o.title or "").lower())]
    same_sop = [o for o in candidates if not official.sop or not o.sop or (o.sop or "") == text_of(
        official.sop)]
    return next(iter(same_sop or candidates), None)
