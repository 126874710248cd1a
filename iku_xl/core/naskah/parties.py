"""Who a document is from and to: the officials behind the SOP's roles, their rank, their signature block."""
from __future__ import annotations

from dataclasses import dataclass

from ...errors import Refused
from .. import layout
from ..book import Book
from ..people import Official, format_nip
from ..profile import InstansiProfile
from ..sop import Sop, Step
from ..values import text_of

MINISTER_ROLES = ("menteri", "menko", "menteri koordinator")


@dataclass(frozen=True)
class Party:
    """An official as a document names them."""
    role: str
    title: str          # jabatan, in full
    name: str
    nip: str            # as printed under the name ("NIP 19860926 201505 2 001"), or "" where none is due
    code: str           # kode jabatan, for numbers
    rank: int | None
    phone: str = ""
    unit: str = ""      # Unit Kerja: whose kop the document carries

    def context(self) -> dict[str, str]:
        return {"peran": self.role, "jabatan": self.title, "jabatan_kapital": self.title.upper(), "nama": self.name,
                "nama_polos": plain_name(self.name), "nip_tampil": self.nip, "telepon": self.phone, "unit": self.unit}


ACADEMIC_PREFIXES = ("prof.", "dr.", "drs.", "dra.", "ir.")


def plain_name(name: str) -> str:
    """The name as a regulation signs it: no academic titles ('Ir. Ratna Kusumawati, M.P.P.' -> 'Ratna Kusumawati')."""
    words = name.split(",")[0].split()
    while words and words[0].lower() in ACADEMIC_PREFIXES:
        words = words[1:]
    return " ".join(words)


def party(official: Official) -> Party:
    nip = text_of(official.nip)
    shown = f"NIP {format_nip(nip)}" if nip and official.signs_with_nip else ""
    return Party(text_of(official.role), text_of(official.title), text_of(official.name), shown,
                 text_of(official.code), official.rank, text_of(official.phone), text_of(official.unit))


def is_minister_role(role: str) -> bool:
    return role.strip().lower() in MINISTER_ROLES


def official_for(book: Book, sop: Sop, role: str) -> Official | None:
    """The Pejabat row of a role, for this SOP (a row without Kode SOP serves every SOP)."""
    wanted = role.strip().lower()
    for official in book.officials:
        if (official.role or "").lower() == wanted and (not official.sop or (official.sop or "") == sop.code):
            return official
    return None


def find_party(book: Book, sop: Sop, role: str, purpose: str, profile: InstansiProfile | None = None) -> Party:
    official = official_for(book, sop, role)
    if official is not None and official.name:
        return party(official)
    if profile is not None and is_minister_role(role) and profile.text("minister_name"):
        return minister(profile)
    raise Refused(f"Pejabat untuk peran '{role}' ({purpose}) belum ada di lembar Pejabat; isi nama, jabatan dan "
                  "eselonnya dulu.", sheet=layout.PEJABAT.name)


def minister(profile: InstansiProfile, book: Book | None = None, sop: Sop | None = None) -> Party:
    """The Menteri who sets a regulation: the SOP's minister role in Pejabat, else the profile's."""
    if book is not None and sop is not None:
        for role in (*sop.roles, "Menteri", "Menko"):
            official = official_for(book, sop, role) if is_minister_role(role) else None
            if official is not None and official.name:
                found = party(official)
                return Party(found.role, found.title or profile.text("minister_title"), found.name, "", found.code, 0)
    title, name = profile.text("minister_title"), profile.text("minister_name")
    if not title or not name:
        raise Refused(f"Jabatan dan nama Menteri profil {profile.key} belum diisi; lengkapi kolom Jabatan Menteri "
                      "dan Nama Menteri di lembar Instansi.", sheet=layout.INSTANSI.name)
    return Party("Menteri", title, name, "", "MENTERI", 0)


def signer_role(step: Step) -> str:
    """Who signs what a step produces: its Penandatangan column, else the step's own executor."""
    return step.signer or (step.executors[0] if step.executors else "")


def recipient_roles(sop: Sop, step: Step) -> list[str]:
    """To whom: the Kepada column, else the executor of the next step who is not the signer."""
    if step.recipients:
        return list(step.recipients)
    sender = signer_role(step)
    target: Step | None = step
    for _ in range(len(sop.steps)):
        following = sop.next_step(target, True) if target is not None else None
        target = sop.step(following)
        if target is None:
            return []
        others = [r for r in target.executors if r != sender]
        if others:
            return others[:1]
    return []
