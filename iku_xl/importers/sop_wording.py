"""What an SOP says only in words: who does a step (when no symbol marks it) and where a decision goes.

Each reading is a guess, written in the step's "Periksa" cell for staff to confirm; `validate` warns on
it until the cell is cleared.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..core.sop import Step, StepKind

if TYPE_CHECKING:
    from .sop_rows import ImportNote

# "jika setuju ..., jika tidak setuju dikembalikan kepada X", "Ya/Tidak", "lengkap/tidak lengkap"
_DECISION = re.compile(r"\b(?:jika|apabila|bila|kalau)\s+(?:tidak|belum)\b|\bya\s*/\s*tidak\b|\blengkap\s*/\s*tidak\b"
                       r"|\bsetuju\s*/\s*tidak\b|\bsesuai\s*/\s*tidak\b|\bdikembalikan\b|\bditolak\b")
_RETURN = re.compile(r"\b(?:dikembalikan|dikembalikannya|kembalikan)\s+(?:lagi\s+)?(?:kepada|ke)\s+(.+)")
_NO_PART = re.compile(r"\b(?:jika|apabila|bila|kalau)\s+(?:tidak|belum)\b|\bdikembalikan\b")
# words after which the role named is the one the work goes to next
_HANDOVER = re.compile(r"\b(?:kepada|memerintahkan|menugaskan|menugasi|mendisposisikan|menyerahkan|meneruskan|"
                       r"menyampaikan|melaporkan|diserahkan|disampaikan|diteruskan)\s+(?:kepada\s+)?")


# titles written out in full and as the SOP tables abbreviate them (after folding)
_SHORT = (("sekretaris kementerian koordinator", "sesmenko"), ("sekretaris jenderal", "sekjen"),
          ("sekretaris utama", "sestama"), ("direktur jenderal", "dirjen"), ("inspektur jenderal", "irjen"),
          ("kepala subbagian", "kasubag"), ("kepala sub bagian", "kasubag"), ("kepala bagian", "kabag"),
          ("kepala biro", "karo"), ("kepala pusat", "kapus"), ("kepala bidang", "kabid"),
          ("kepala subbidang", "kasubid"), ("kepala seksi", "kasi"))


def _fold(text: str) -> str:
    """Lower case, letters and digits, doubled letters once ("Kasubbag" and "Kasubag" are one name), and
    titles in their short form ("Sekretaris Jenderal" is "Sekjen")."""
    text = re.sub(r"&", " dan ", text.lower())
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = " " + _once(text).strip() + " "
    for full, short in _SHORT:
        text = text.replace(" " + _once(full) + " ", f" {short} ")
    return text.strip()


def _once(text: str) -> str:
    return re.sub(r"([a-z])\1+", r"\1", text)


def _keys(roles: tuple[str, ...]) -> list[tuple[str, str]]:
    """(key, role), longest first: a role by its full name, or by its first words where they are its own."""
    keys: list[tuple[str, str]] = []
    folded = {role: _fold(role).split() for role in roles}
    for role, parts in folded.items():
        for length in range(len(parts), 0, -1):
            key = " ".join(parts[:length])
            if not any(other != role and " ".join(p[:length]) == key for other, p in folded.items()):
                keys.append((key, role))
    return sorted(keys, key=lambda k: -len(k[0]))


def mentions(text: str, roles: tuple[str, ...]) -> list[tuple[int, str]]:
    """(position, role) of every role the text names, in order."""
    folded = f" {_fold(text)} "
    found: dict[int, str] = {}
    taken: list[range] = []
    for key, role in _keys(roles):
        for match in re.finditer(rf"(?<= ){re.escape(key)}(?= )", folded):
            span = range(match.start(), match.end())
            if not any(span.start in t or t.start in span for t in taken):
                found[match.start()] = role
                taken.append(span)
    return sorted(found.items())


def role_at_start(text: str, roles: tuple[str, ...]) -> str | None:
    named = mentions(text, roles)
    return named[0][1] if named and named[0][0] <= 1 else None


def _yes_part(text: str) -> str:
    cut = _NO_PART.search(text.lower())
    return text[:cut.start()] if cut else text


def next_executor(text: str, roles: tuple[str, ...]) -> str | None:
    """Whom a step hands its work to: the role after 'kepada', 'menugaskan' ... or else the last one named."""
    part = _yes_part(text)
    targets = []
    for handover in _HANDOVER.finditer(part.lower()):
        start = role_at_start(part[handover.end():], roles)
        if start:
            targets.append(start)
    if targets:
        return targets[-1]
    named = mentions(part, roles)
    return named[-1][1] if named else None


def complete(steps: list[Step], roles: tuple[str, ...]) -> tuple[list[Step], list[ImportNote]]:
    """Executors and decisions the file does not mark, read from the wording and marked to confirm."""
    from .sop_rows import ImportNote

    notes: list[ImportNote] = []
    done: list[Step] = []
    for index, step in enumerate(steps):
        checks = []
        if not step.executors:
            role = role_at_start(step.kegiatan, roles)
            if role is None and done:
                role = next_executor(done[-1].kegiatan, roles) or (done[-1].executors[0] if done[-1].executors
                                                                   else None)
            if role is None and not done:
                role = roles[0]
            if role:
                step = step.with_(executors=(role,))
                checks.append(f"pelaksana {role} dibaca dari uraian")
        following = steps[index + 1].no if index + 1 < len(steps) else None
        if _DECISION.search(step.kegiatan.lower()) and step.kind in (None, StepKind.PROSES, StepKind.KEPUTUSAN):
            target, why = _return_target(step, done, roles)
            step = step.with_(kind=StepKind.KEPUTUSAN, if_yes=step.if_yes or following, if_no=step.if_no or target)
            checks.append(f"keputusan dibaca dari uraian: Ya ke langkah {step.if_yes}, Tidak ke langkah "
                          f"{step.if_no if step.if_no is not None else '(belum diketahui)'} ({why})")
        elif step.kind is StepKind.KEPUTUSAN and (step.if_yes is None or step.if_no is None):
            target, why = _return_target(step, done, roles)
            step = step.with_(if_yes=step.if_yes or following, if_no=step.if_no or target)
            checks.append(f"tujuan keputusan dibaca dari uraian: Ya ke langkah {step.if_yes}, Tidak ke langkah "
                          f"{step.if_no if step.if_no is not None else '(belum diketahui)'} ({why})")
        if checks:
            step = step.with_(to_confirm="; ".join(checks))
            notes += [ImportNote(step.no, check[0].upper() + check[1:] + ".", guessed=True) for check in checks]
        done.append(step)
    return done, notes


def _return_target(step: Step, earlier: list[Step], roles: tuple[str, ...]) -> tuple[int | None, str]:
    """The latest earlier step of the role the wording sends the case back to."""
    back = _RETURN.search(step.kegiatan.lower())
    role = role_at_start(back.group(1), roles) if back else None
    if role:
        for previous in reversed(earlier):
            if role in previous.executors:
                return previous.no, f"dikembalikan kepada {role}"
        return None, f"dikembalikan kepada {role}, tetapi tidak ada langkah {role} sebelumnya"
    if earlier:
        return earlier[-1].no, "tujuan pengembalian tidak disebut; dipakai langkah sebelumnya"
    return None, "tujuan pengembalian tidak disebut"
