"""SOP monitoring and evaluation (PermenPAN-RB 35/2012 Bab IV): the semester, the rule that judges each step from
its evidence (Tabel 7 "Monitoring Pelaksanaan SOP AP"), and the criteria of the evaluation of the SOP itself."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import Refused, UsageError
from .indonesian import tanggal
from .settings import Settings
from .values import text_of

BAIK = "Berjalan dengan baik"
TIDAK_BAIK = "Tidak berjalan dengan baik"
BELUM = "Belum dapat dinilai"  # the step did not run in the semester: there is no evidence to judge
ROMAN = {1: "I", 2: "II"}

# the regulation's criteria for evaluating an SOP AP, each answered Ya or Tidak
EVALUATION_CRITERIA = (
    "Mampu mendorong peningkatan kinerja",
    "Mudah dipahami",
    "Mudah dilaksanakan",
    "Semua orang dapat menjalankan perannya masing-masing",
    "Mampu mengatasi permasalahan yang berkaitan dengan proses",
    "Mampu menjawab kebutuhan peningkatan kinerja organisasi",
    "Sinergi satu dengan lainnya",
)


@dataclass(frozen=True)
class Semester:
    year: int
    half: int  # 1: January to June, 2: July to December

    @property
    def start(self) -> dt.datetime:
        return dt.datetime(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> dt.datetime:
        return dt.datetime(self.year, 7, 1) if self.half == 1 else dt.datetime(self.year + 1, 1, 1)

    @property
    def code(self) -> str:
        return f"{self.year}-{self.half}"

    @property
    def label(self) -> str:
        return f"Semester {ROMAN[self.half]} Tahun {self.year}"

    @property
    def span(self) -> str:
        return f"{tanggal(self.start.date())} s.d. {tanggal((self.end - dt.timedelta(days=1)).date())}"

    def contains(self, moment: dt.datetime) -> bool:
        return self.start <= moment < self.end


def parse_semester(text: str, today: dt.date) -> Semester:
    """'2027-1' is January to June 2027, '2027-2' July to December; a semester not yet begun is refused."""
    match = re.fullmatch(r"\s*(\d{4})\s*-\s*([12])\s*", str(text))
    if not match:
        raise UsageError(f"Semester '{text}' tidak dikenal; tulis tahun dan semesternya, seperti 2027-1 (Januari-Juni) "
                         "atau 2027-2 (Juli-Desember).")
    semester = Semester(int(match.group(1)), int(match.group(2)))
    if semester.start.date() > today:
        raise UsageError(f"Semester {semester.code} belum dimulai; pilih semester ini atau sebelumnya.")
    return semester


# attribute -> (label in Pengaturan, default, note): the rule a bureau tunes in its workbook
RULE_SETTINGS = {
    "min_on_time": ("Monitoring: Minimal % Tepat Waktu", 80,
                    "Langkah berjalan dengan baik bila sekurang-kurangnya persentase ini pelaksanaannya selesai "
                    "dalam waktu Mutu Baku."),
    "max_returns": ("Monitoring: Maksimal Dikembalikan per Langkah", 1,
                    "Lebih dari ini keputusan Tidak di satu langkah dalam satu semester: tidak berjalan dengan baik."),
    "max_holds": ("Monitoring: Maksimal Ditunda per Langkah", 1,
                  "Lebih dari ini penundaan di satu langkah dalam satu semester: tidak berjalan dengan baik."),
    "untimed_fails": ("Monitoring: Langkah tanpa Waktu Standar", "Tidak baik",
                      "'Tidak baik': langkah tanpa waktu Mutu Baku dinilai tidak berjalan dengan baik (waktunya tidak "
                      "bisa dipantau); 'Abaikan': dinilai dari pengembalian dan penundaan saja."),
}


@dataclass(frozen=True)
class MonitoringRule:
    min_on_time: float = 80.0
    max_returns: int = 1
    max_holds: int = 1
    untimed_fails: bool = True

    def sentence(self) -> str:
        """The rule as the README and the document state it."""
        untimed = (" dan langkah itu mempunyai waktu Mutu Baku" if self.untimed_fails else "")
        return (f"Sebuah langkah dinilai «{BAIK}» bila pada semester itu langkah tersebut dilaksanakan, sekurang-"
                f"kurangnya {_number(self.min_on_time)}% pelaksanaannya selesai dalam waktu Mutu Baku, paling banyak "
                f"{self.max_returns} kali dikembalikan (keputusan Tidak), paling banyak {self.max_holds} kali "
                f"ditunda{untimed}; selain itu «{TIDAK_BAIK}». Langkah yang tidak dilaksanakan pada semester itu "
                f"«{BELUM}».")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}".replace(".", ",")


def rule_from(settings: Settings) -> MonitoringRule:
    """The rule as the workbook's Pengaturan sets it; a row left out keeps its default, a value that is not a
    number is refused with its cell."""
    rule = MonitoringRule()
    values: dict[str, Any] = {}
    for attribute, (label, default, _) in RULE_SETTINGS.items():
        raw = settings.values.get(label)
        if raw is None or text_of(raw) == "":
            values[attribute] = getattr(rule, attribute)
        elif attribute == "untimed_fails":
            values[attribute] = text_of(raw).lower() != "abaikan"
        else:
            number = raw if isinstance(raw, (int, float)) and not isinstance(raw, bool) else \
                _parse_number(text_of(raw).rstrip("%"))
            if number is None or number < 0 or (attribute == "min_on_time" and number > 100):
                row = settings.rows.get(label)
                raise Refused(f"Nilai '{text_of(raw)}' pada '{label}' di lembar Pengaturan bukan angka yang bisa "
                              f"dipakai; isi angka seperti {default}.", sheet="Pengaturan",
                              cell=f"B{row}" if row else None)
            values[attribute] = number
    return MonitoringRule(float(values["min_on_time"]), int(values["max_returns"]), int(values["max_holds"]),
                          bool(values["untimed_fails"]))


def _parse_number(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


@dataclass
class StepEvidence:
    """What Riwayat says of one step in the semester."""
    no: int
    kegiatan: str
    roles: str
    standard: str                 # the Waktu as the SOP writes it ("60 Menit"), "" when it has none
    timed: bool                   # the Waktu reads as a duration
    decision: bool
    return_to: int | None = None  # where a Tidak sends the case
    runs: int = 0                 # times the step was done (moves still in force)
    on_time: int = 0
    late: int = 0
    median_minutes: float | None = None
    standard_minutes: float | None = None
    returns: int = 0              # Tidak at this decision
    holds: int = 0
    cancelled: int = 0


@dataclass
class StepJudgement:
    evidence: StepEvidence
    penilaian: str
    catatan: str
    tindakan: str
    reasons: list[str] = field(default_factory=list)  # why it did not go well, for tests and the rekap

    @property
    def prosedur(self) -> str:
        return f"{self.evidence.no}. {self.evidence.kegiatan}"


def _minutes_text(minutes: float | None) -> str:
    return "" if minutes is None else f" (median {round(minutes)} menit kerja)"


def judge(evidence: StepEvidence, rule: MonitoringRule) -> StepJudgement:
    """Tabel 7's three columns for one step: the judgement, one sentence of evidence, the action to take."""
    e = evidence
    if e.runs == 0 and e.holds == 0 and e.cancelled == 0:
        return StepJudgement(e, BELUM, "Langkah ini tidak dilaksanakan pada semester ini.", "")
    parts, reasons = [], []
    if e.runs == 0:
        parts.append("tidak ada pelaksanaan yang selesai pada semester ini")
    elif e.timed:
        parts.append(f"{e.on_time} dari {e.runs} pelaksanaan selesai dalam {e.standard.lower()}"
                     + _minutes_text(e.median_minutes))
        if 100 * e.on_time / e.runs < rule.min_on_time:
            reasons.append("late")
    else:
        parts.append(f"{e.runs} kali dilaksanakan tanpa waktu Mutu Baku" + _minutes_text(e.median_minutes))
        if rule.untimed_fails:
            reasons.append("untimed")
    if e.returns:
        parts.append(f"{e.returns} kali dikembalikan di langkah {e.no}")
    if e.returns > rule.max_returns:
        reasons.append("returns")
    if e.holds:
        parts.append(f"{e.holds} kali ditunda")
    if e.holds > rule.max_holds:
        reasons.append("holds")
    if e.cancelled:
        parts.append(f"{e.cancelled} kasus dibatalkan di langkah ini")
    actions = {
        "late": f"Telusuri penyebab keterlambatan bersama {e.roles}; bila waktu {e.standard.lower()} tidak memadai, "
                "usulkan revisi waktu Mutu Baku.",
        "untimed": "Tetapkan waktu Mutu Baku langkah ini pada revisi SOP.",
        "returns": f"Perjelas kelengkapan yang diperiksa di langkah {e.no} dan sampaikan kepada pelaksana langkah "
                   f"{e.return_to or 'sebelumnya'} agar berkas tidak dikembalikan.",
        "holds": "Tinjau penyebab penundaan dan tetapkan batas waktu penundaan.",
    }
    catatan = "; ".join(parts)
    catatan = catatan[0].upper() + catatan[1:] + "."
    verdict = TIDAK_BAIK if reasons else (BAIK if e.runs else BELUM)
    return StepJudgement(e, verdict, catatan, " ".join(actions[r] for r in reasons), reasons)


@dataclass
class SopEvidence:
    """What Riwayat and the workbook say of the SOP as a whole in the semester."""
    cases: int = 0
    finished: int = 0
    cancelled: int = 0
    open_at_end: int = 0
    timed_runs: int = 0
    on_time: int = 0
    decisions: int = 0
    returns: int = 0
    holds: int = 0
    handovers: int = 0          # moves from one role's step to another role's
    late_handovers: int = 0
    late_per_role: dict[str, int] = field(default_factory=dict)
    roles_without_official: list[str] = field(default_factory=list)
    iku_rows: int = 0
    untimed_steps: int = 0


@dataclass
class SopMonitoring:
    code: str
    title: str
    number: str
    semester: Semester
    rule: MonitoringRule
    steps: list[StepJudgement]
    evidence: SopEvidence
    criteria: list[tuple[str, str]]   # (criterion, the program's evidence for it)

    @property
    def judged(self) -> list[StepJudgement]:
        return [s for s in self.steps if s.penilaian != BELUM]

    @property
    def good(self) -> int:
        return sum(s.penilaian == BAIK for s in self.steps)

    @property
    def result(self) -> str:
        """The register's 'Hasil Monitoring': '15 dari 17 langkah berjalan dengan baik'."""
        if not self.judged:
            return "Tidak ada pelaksanaan pada semester ini"
        return f"{self.good} dari {len(self.judged)} langkah berjalan dengan baik"


def _one_line(text: str) -> str:
    """A list typed one item a line ('1. SOP ...'), as one line: 'SOP ...; SOP ...'."""
    items = [re.sub(r"^\s*\d{1,2}[.)]\s*", "", line).strip() for line in text.splitlines()]
    return "; ".join(i.rstrip(";.") for i in items if i)


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


def criteria_evidence(evidence: SopEvidence, steps: list[StepJudgement], keterkaitan: str) -> list[tuple[str, str]]:
    """Each criterion of the evaluation with the evidence the program has for it; the evaluator answers Ya/Tidak."""
    e = evidence
    judged = [s for s in steps if s.penilaian != BELUM]
    good = sum(s.penilaian == BAIK for s in judged)
    late_roles = ", ".join(f"{role} {count} kali" for role, count in e.late_per_role.items())
    without = f" Peran tanpa pejabat di lembar Pejabat: {', '.join(e.roles_without_official)}." \
        if e.roles_without_official else " Setiap peran mempunyai pejabat di lembar Pejabat."
    texts = [
        (f"{e.on_time} dari {e.timed_runs} pelaksanaan langkah ({_percent(e.on_time, e.timed_runs)}) selesai dalam "
         "waktu Mutu Baku" if e.timed_runs else "Tidak ada langkah dengan waktu Mutu Baku yang dilaksanakan")
        + f"; {e.finished} dari {e.cases} kasus selesai pada semester ini.",
        (f"{e.returns} dari {e.decisions} keputusan dikembalikan untuk diperbaiki (keputusan Tidak)" if e.decisions
         else "SOP ini tidak mempunyai keputusan yang dijalankan pada semester ini")
        + (f"; {e.untimed_steps} langkah belum mempunyai waktu Mutu Baku." if e.untimed_steps else "."),
        f"{good} dari {len(judged)} langkah yang dilaksanakan berjalan dengan baik; kasus ditunda {e.holds} kali.",
        (f"Keterlambatan per peran: {late_roles}." if late_roles else "Tidak ada peran yang terlambat.") + without,
        f"{e.finished} kasus selesai, {e.cancelled} dibatalkan, {e.open_at_end} masih berjalan pada akhir semester.",
        f"{e.iku_rows} baris IKU dari kasus SOP ini tercatat di lembar IKU.",
        f"{e.handovers} kali pekerjaan berpindah antarperan, {e.late_handovers} di antaranya terlambat; keterkaitan "
        f"SOP: {_one_line(keterkaitan) or 'tidak disebut'}.",
    ]
    return list(zip(EVALUATION_CRITERIA, texts))
