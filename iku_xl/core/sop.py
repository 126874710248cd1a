"""An SOP AP: its identity part, its roles and its steps (PermenPAN-RB 35/2012)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from .values import Measure
from .waktu import Duration, WaktuProblem, parse_waktu


class StepKind(str, Enum):
    MULAI = "Mulai"
    PROSES = "Proses"
    KEPUTUSAN = "Keputusan"
    SELESAI = "Selesai"


# The symbol written in the executor's cell, one per kind: the flowchart the SOP draws. Characters that
# Arial (Excel) and Liberation Sans (LibreOffice) both have: "⬭" and "▭" show as empty boxes in LibreOffice.
SYMBOLS = {
    StepKind.MULAI: "○",
    StepKind.PROSES: "□",
    StepKind.KEPUTUSAN: "◊",
    StepKind.SELESAI: "○",
}


IDENTITY_FIELDS = (
    ("instansi", "Instansi / Unit"),
    ("profil", "Profil Instansi"),
    ("nomor", "Nomor SOP"),
    ("tanggal_pembuatan", "Tanggal Pembuatan"),
    ("tanggal_revisi", "Tanggal Revisi"),
    ("tanggal_efektif", "Tanggal Efektif"),
    ("disahkan_oleh", "Disahkan Oleh"),
    ("judul", "Judul SOP"),
    ("dasar_hukum", "Dasar Hukum"),
    ("kualifikasi", "Kualifikasi Pelaksana"),
    ("keterkaitan", "Keterkaitan"),
    ("peralatan", "Peralatan/Perlengkapan"),
    ("peringatan", "Peringatan"),
    ("pencatatan", "Pencatatan dan Pendataan"),
)


@dataclass
class SopIdentity:
    instansi: str = ""
    profil: str = ""
    nomor: str = ""
    tanggal_pembuatan: str = ""
    tanggal_revisi: str = ""
    tanggal_efektif: str = ""
    disahkan_oleh: str = ""
    judul: str = ""
    dasar_hukum: str = ""
    kualifikasi: str = ""
    keterkaitan: str = ""
    peralatan: str = ""
    peringatan: str = ""
    pencatatan: str = ""

    @property
    def legal_basis(self) -> list[str]:
        """Dasar Hukum as a list, one regulation a line, numbering dropped."""
        import re
        return [re.sub(r"^\s*\d{1,2}[.)]\s*", "", line).strip()
                for line in self.dasar_hukum.splitlines() if line.strip()]


@dataclass
class Step:
    """One row of the flowchart table. `row` is where it stands in its sheet (or text)."""
    no: int | None
    kegiatan: str
    executors: tuple[str, ...] = ()
    kelengkapan: str = ""
    waktu: Measure = ""              # as typed: '2 hari', or 45 (minutes)
    output: str = ""
    keterangan: str = ""
    kind: StepKind | str | None = None
    if_yes: int | str | None = None
    if_no: int | str | None = None
    documents: tuple[str, ...] = ()
    signer: str = ""                  # the role that signs the documents of this step (Penandatangan)
    recipients: tuple[str, ...] = ()  # the roles they go to (Kepada)
    to_confirm: str = ""              # what an import read from the wording, for staff to check
    row: int | None = None
    raw_no: str | None = None         # the No. cell as typed, for a message when it is not a step number
    unnamed_executor_columns: tuple[int, ...] = field(default=())

    @property
    def duration(self) -> Duration | WaktuProblem:
        return parse_waktu(self.waktu)

    @property
    def is_decision(self) -> bool:
        return self.kind == StepKind.KEPUTUSAN

    def with_(self, **changes: Any) -> Step:
        return replace(self, **changes)


@dataclass
class Sop:
    code: str  # also the name of its sheet
    identity: SopIdentity
    roles: tuple[str, ...]
    steps: list[Step]

    def step(self, no: int | None) -> Step | None:
        if no is None:
            return None
        for step in self.steps:
            if step.no == no:
                return step
        return None

    @property
    def first_step(self) -> Step | None:
        numbered = [s for s in self.steps if isinstance(s.no, int)]
        return min(numbered, key=lambda s: s.no or 0) if numbered else None

    @property
    def end_steps(self) -> list[Step]:
        """Steps marked Selesai; if none is, the last step."""
        ends = [s for s in self.steps if s.kind == StepKind.SELESAI]
        if ends:
            return ends
        numbered = [s for s in self.steps if isinstance(s.no, int)]
        return [max(numbered, key=lambda s: s.no or 0)] if numbered else []

    def successors(self, step: Step) -> list[int]:
        """Step numbers the flow may go to from `step` (the flowchart's arrows)."""
        if step.kind == StepKind.SELESAI:
            return []
        targets = []
        if step.is_decision:
            targets = [t for t in (step.if_yes, step.if_no) if isinstance(t, int)]
        elif isinstance(step.if_yes, int):
            targets = [step.if_yes]
        elif isinstance(step.no, int) and step is not self.end_steps[-1]:
            following = [s.no for s in self.steps if isinstance(s.no, int) and s.no > step.no]
            targets = [min(following)] if following else []
        return targets

    def next_step(self, step: Step, decision: bool | None = None) -> int | None:
        """Where the case goes after `step`; at a decision, Ya (True) or Tidak (False)."""
        if step.is_decision:
            target = step.if_yes if decision else step.if_no
            return target if isinstance(target, int) else None
        following = self.successors(step)
        return following[0] if following else None
