"""Rules on the instansi profiles, their number patterns and their legal bases (NASKAH.md sections 1, 2, 9)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .. import layout
from ..book import Book
from ..document_kinds import KINDS
from ..findings import Finding, Level
from ..legal import LegalBasis
from ..profile import PLACEHOLDER_EMBLEM, PLACEHOLDER_LOGO, InstansiProfile
from ..values import text_of


def check(book: Book, today: dt.date) -> Iterator[Finding]:
    yield from _profiles(book)
    yield from _sops_without_profile(book)
    yield from _legal_bases(book)
    yield from _sop_bases(book, today)


def _profiles(book: Book) -> Iterator[Finding]:
    sheet = layout.INSTANSI.name
    for profile in book.profiles:
        def finding(field: str, message: str, level: Level = Level.PERINGATAN,
                    profile: InstansiProfile = profile) -> Finding:
            return Finding(sheet, book.cell(sheet, field, profile.row), level, field, message)

        for field, image, what in (("logo", PLACEHOLDER_LOGO, "logo"), ("emblem", PLACEHOLDER_EMBLEM, "lambang")):
            if text_of(getattr(profile, field)).lower() == image:
                yield finding(field, f"Profil {profile.key} masih memakai gambar {what} contoh ({image}); simpan "
                                     f"berkas {what} resmi di folder buku kerja lalu tulis namanya di sini.")
        for field, label in (("name", "Nama Instansi"), ("unit", "Unit Kerja"), ("address", "Alamat"),
                             ("minister_title", "Jabatan Menteri")):
            if not text_of(getattr(profile, field)):
                yield finding(field, f"{label} profil {profile.key} kosong; isi agar kop dan naskah lengkap.",
                              Level.GALAT if field == "name" else Level.PERINGATAN)
        for sop in book.sops.values():
            if book.profile_of(sop) is not profile:
                continue
            for kind in sorted({k for s in sop.steps for k in s.documents if k in KINDS and KINDS[k].numbered}):
                if not any((p.profile or "").upper() == profile.key and p.kind == kind for p in book.number_patterns):
                    yield Finding(layout.POLA_NOMOR.name, "A1", Level.PERINGATAN, "pattern",
                                  f"Pola nomor {KINDS[kind].label} untuk profil {profile.key} belum ada, padahal SOP "
                                  f"{sop.code} menghasilkannya; tambahkan barisnya di lembar Pola Nomor.",
                                  sop=sop.code)


def _sops_without_profile(book: Book) -> Iterator[Finding]:
    for sop in book.sops.values():
        if book.profile_of(sop) is None and any(s.documents for s in sop.steps):
            wanted = sop.identity.profil or "(kosong)"
            yield Finding(sop.code, "B4", Level.PERINGATAN, "profil",
                          f"SOP {sop.code} belum terhubung ke profil instansi (Profil Instansi: {wanted}); tulis kode "
                          "profilnya dari lembar Instansi agar naskahnya bisa dibuat.", sop=sop.code)


def _legal_bases(book: Book) -> Iterator[Finding]:
    sheet = layout.DASAR_HUKUM.name
    earliest = _earliest_target_year(book)
    by_profile: dict[str, list[LegalBasis]] = {}
    for basis in book.legal_bases:
        by_profile.setdefault((basis.profile or "").upper(), []).append(basis)
    for bases in by_profile.values():
        last = None
        for basis in bases:
            def finding(field: str, message: str, basis: LegalBasis = basis) -> Finding:
                return Finding(sheet, book.cell(sheet, field, basis.row), Level.PERINGATAN, field, message)

            name = f"{basis.jenis} {basis.number or ''}/{text_of(basis.year)}".strip(" /")
            gaps = basis.missing()
            if gaps:
                yield finding("gazette_number" if any("Negara" in g for g in gaps) else "number",
                              f"Dasar hukum {name} belum lengkap: {', '.join(gaps)}; lengkapi dari salinan resminya "
                              "agar Mengingat tertulis lengkap.")
            if not basis.in_force():
                yield finding("status", f"Dasar hukum {name} berstatus {basis.status or ''}; ganti dengan "
                                        "peraturan yang berlaku, karena yang tidak berlaku tidak dikutip.")
            elif earliest and basis.ends_before(earliest):
                yield finding("about", f"Dasar hukum {name} untuk periode yang berakhir sebelum {earliest}; IKU "
                                       f"periode mulai {earliest} memerlukan peraturan periode yang sedang berjalan.")
            if last is not None and basis.sort_key < last.sort_key:
                yield finding("kind", f"Dasar hukum {name} tertulis sesudah {last.jenis} {last.number or ''}/"
                                      f"{text_of(last.year)}; urutkan menurut hierarki (UUD, UU, PP, Perpres, "
                                      "Peraturan Menteri) lalu tahun.")
            last = basis


def _earliest_target_year(book: Book) -> int | None:
    years = [y for row in book.iku_rows for y in row.targets]
    return min(years) if years else None


def _sop_bases(book: Book, today: dt.date) -> Iterator[Finding]:
    """An SOP's own Dasar Hukum (its identity) citing a basis by the wrong kind or for a period already over."""
    from ..layout import SOP_IDENTITY_FIRST_ROW
    from ..legal import cited_basis_problems
    from ..sop import IDENTITY_FIELDS

    row = SOP_IDENTITY_FIRST_ROW + [name for name, _ in IDENTITY_FIELDS].index("dasar_hukum")
    year = _earliest_target_year(book) or today.year
    for sop in book.sops.values():
        profile = book.profile_of(sop)
        register = [b for b in book.legal_bases if profile is None or b.serves_profile(profile.key)]
        for problem in cited_basis_problems(text_of(sop.identity.dasar_hukum), year, register):
            yield Finding(sop.code, f"C{row}", Level.PERINGATAN, "dasar_hukum",
                          f"Dasar Hukum SOP {sop.code}: {problem}; perbaiki di identitas SOP (dan di SOP yang "
                          "disahkan saat revisi berikutnya).", sop=sop.code)
