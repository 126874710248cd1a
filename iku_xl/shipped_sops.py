"""The two SOPs the workbook ships with: the seed text, plus this project's reading of it.

The text lost who executes each step and where a decision returns the work (DOMAIN.md
section 2). The reading below fills that in; it lands in ordinary cells of the SOP sheet,
where the bureau can see and correct it.
"""
from __future__ import annotations

from importlib import resources

from .core.sop import Sop, StepKind
from .importers.sop_text import parse_sop_text

M, P, K, S = StepKind.MULAI, StepKind.PROSES, StepKind.KEPUTUSAN, StepKind.SELESAI

# step -> (executors, kind, Jika Ya, Jika Tidak, documents produced)
Reading = tuple[tuple[str, ...], StepKind, "int | None", "int | None", tuple[str, ...]]
# step -> (who signs its documents, to whom they go), read from the SOP's wording: the undangan drafted at
# POLHUKAM step 8 is signed by the Karo PO at step 10; the nota dinas pengantar of step 15 goes from the
# Sesmenko to the Menko (step 17); Kemnaker's SK Tim (step 5) is signed by the Sekjen, the level that may appoint
# its members (NASKAH.md section 7).
SIGNERS: dict[str, dict[int, tuple[str, tuple[str, ...]]]] = {
    "POLHUKAM": {
        1: ("Sesmenko", ("Karo PO",)),
        2: ("Karo PO", ("Kabag Perencanaan",)),
        3: ("Kabag Perencanaan", ("Kasubbag Program & Anggaran",)),
        6: ("Karo PO", ("Kabag Perencanaan",)),
        7: ("Kabag Perencanaan", ("Kasubbag Program & Anggaran",)),
        8: ("Karo PO", ("Kabag Perencanaan", "Unit Organisasi terkait")),
        12: ("Kasubbag Program & Anggaran", ("Kabag Perencanaan",)),
        15: ("Sesmenko", ("Menko",)),
    },
    "KEMNAKER": {
        2: ("Kabag", ("Karo",)),     # on Ya the file goes up to the Karo (step 3): a nota dinas, not a disposisi
        3: ("Karo", ("Kabag",)),
        4: ("Kabag", ("Kasubag",)),
        5: ("Sekjen", ()),           # the team has the Sekjen as Pengarah: only the Sekjen may appoint it
        10: ("Sekjen", ("Menteri",)),
    },
}
PROFILES = {"POLHUKAM": "POLKAM", "KEMNAKER": "KEMNAKER"}
READING: dict[str, dict[int, Reading]] = {
    "POLHUKAM": {
        1: (("Sesmenko",), M, None, None, ("lembar_disposisi",)),
        2: (("Karo PO",), P, None, None, ("lembar_disposisi",)),
        3: (("Kabag Perencanaan",), P, None, None, ("lembar_disposisi",)),
        4: (("Kasubbag Program & Anggaran",), P, None, None, ()),
        5: (("Kabag Perencanaan",), P, None, None, ()),
        6: (("Karo PO",), P, None, None, ("lembar_disposisi",)),
        7: (("Kabag Perencanaan",), P, None, None, ("lembar_disposisi",)),
        8: (("Kasubbag Program & Anggaran",), P, None, None, ("undangan_rapat",)),
        9: (("Kabag Perencanaan",), P, None, None, ()),
        10: (("Karo PO",), P, None, None, ()),
        11: (("Kabag Perencanaan", "Unit Organisasi terkait"), P, None, None, ()),
        12: (("Kasubbag Program & Anggaran",), P, None, None, ("notula_rapat",)),
        13: (("Kabag Perencanaan",), P, None, None, ()),
        14: (("Unit Organisasi terkait",), P, None, None, ()),
        15: (("Kabag Perencanaan",), P, None, None, ("permenko_iku", "nota_dinas")),
        16: (("Karo PO",), P, None, None, ()),
        17: (("Sesmenko",), S, None, None, ()),
    },
    "KEMNAKER": {
        1: (("Kasubag",), M, None, None, ()),
        2: (("Kabag",), K, 3, 1, ("nota_dinas",)),
        3: (("Karo",), K, 4, 2, ("lembar_disposisi",)),
        4: (("Kabag",), P, None, None, ("lembar_disposisi",)),
        5: (("Kasubag",), P, None, None, ("sk_tim",)),
        6: (("Tim",), P, None, None, ()),
        7: (("Kasubag",), K, 8, 6, ()),
        8: (("Kabag",), K, 9, 7, ()),
        9: (("Karo",), K, 10, 8, ()),
        10: (("Sekjen",), K, 11, 9, ("permenko_iku", "nota_dinas")),
        11: (("Menteri",), K, 12, 10, ()),
        12: (("Sekjen",), P, None, None, ()),
        13: (("Karo",), P, None, None, ()),
        14: (("Kabag",), P, None, None, ()),
        15: (("Kasubag",), P, None, None, ()),
        16: (("Fungsional Umum",), S, None, None, ()),
    },
}


def seed_text(code: str) -> str:
    return resources.files("iku_xl.data.seeds").joinpath(f"{code}.txt").read_text(encoding="utf-8")


def shipped_sop(code: str) -> Sop:
    sop = parse_sop_text(seed_text(code), code)
    reading = READING[code]
    signers = SIGNERS[code]
    sop.steps = [
        step.with_(executors=executors, kind=kind, if_yes=if_yes, if_no=if_no, documents=documents, to_confirm="",
                   signer=signers.get(step.no or 0, ("", ()))[0], recipients=signers.get(step.no or 0, ("", ()))[1])
        for step in sop.steps
        for executors, kind, if_yes, if_no, documents in [reading[step.no or 0]]
    ]
    sop.identity.profil = PROFILES[code]
    return sop


def shipped_sops() -> list[Sop]:
    return [shipped_sop(code) for code in READING]
