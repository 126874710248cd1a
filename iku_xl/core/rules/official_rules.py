"""Rules on the Pejabat sheet."""
from __future__ import annotations

from collections.abc import Iterator

from .. import layout
from ..book import Book
from ..cascading import superior_of, unit_head
from ..findings import Finding, Level
from ..people import Official, nip_problem
from ..values import is_blank, text_of

SHEET = layout.PEJABAT.name


def check(book: Book) -> Iterator[Finding]:
    roles = {r.lower() for sop in book.sops.values() for r in sop.roles if r}
    roles |= {r.lower() for sop in book.sops.values() for s in sop.steps for r in (s.signer, *s.recipients) if r}
    # officials outside the SOPs who sign a Perjanjian Kinerja: the heads of cascaded units (a typo in their Peran
    # shows where a subordinate names them as Atasan Langsung)
    cascaded = [unit_head(book, c.unit) for c in book.cascades]
    roles |= {(o.role or "").lower() for o in cascaded if o is not None and o.rank in (1, 2, 3, 4)}
    for official in book.officials:
        def finding(level: Level, field: str, message: str, official: Official = official) -> Finding:
            return Finding(SHEET, book.cell(SHEET, field, official.row), level, field, message,
                           sop=text_of(official.sop) or None)

        role = official.role or ""
        if not role:
            yield finding(Level.GALAT, "role", "Peran kosong; pilih peran pejabat ini dari daftar.")
        elif role.lower() not in roles:
            yield finding(Level.PERINGATAN, "role", f"Peran '{role}' tidak dipakai di SOP mana pun; periksa "
                                                    "ketikannya.")
        if (official.superior or "") and superior_of(book, official) is None:
            yield finding(Level.PERINGATAN, "superior", f"Atasan Langsung '{official.superior or ''}' tidak ada di "
                                                        "kolom Peran lembar Pejabat; tulis peran atasannya persis "
                                                        "seperti di kolom Peran.")
        if not official.name:
            yield finding(Level.GALAT, "name", "Nama pejabat kosong; isi nama lengkap dengan gelar.")
        if not official.title:
            yield finding(Level.PERINGATAN, "title", "Jabatan lengkap kosong; isi agar surat memakai nama jabatan "
                                                     "yang benar.")
        eselon = official.eselon_text
        if eselon and official.rank is None:
            yield finding(Level.PERINGATAN, "eselon", f"Eselon '{eselon}' tidak dikenal; pilih dari daftar (Pejabat "
                                                      "Negara, I.a, I.b, II.a, ... , Fungsional, Pelaksana).")
        if is_blank(official.nip) and official.signs_with_nip and eselon not in ("", "Pejabat Negara"):
            yield finding(Level.PERINGATAN, "nip", f"NIP pejabat eselon {eselon} kosong, padahal tertulis di bawah "
                                                   "namanya pada naskah; isi NIP 18 angka.")
        if isinstance(official.nip, float):
            yield finding(Level.GALAT, "nip", "NIP tersimpan sebagai angka sehingga digit terakhirnya bisa hilang; "
                          "ubah format sel menjadi Teks lalu ketik ulang NIP.")
        elif not is_blank(official.nip):
            problem = nip_problem(official.nip)
            if problem:
                yield finding(Level.GALAT, "nip", f"{problem[0].upper()}{problem[1:]}; periksa kembali NIP "
                                                  "pejabat ini.")
