"""iku-xl demo: everything the program can do, on the bundled demo data, into one folder."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .init import init_workbook
from .status import case_status
from .validate import validate_workbook


@dataclass
class DemoResult:
    folder: Path
    files: list[Path] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


def run_demo(folder: str | Path) -> DemoResult:
    folder = Path(folder)
    result = DemoResult(folder)
    workbook = folder / "iku.xlsx"
    init_workbook(workbook, demo=True, force=True)
    result.files.append(workbook)
    result.summary += _moves_on_the_file(workbook)
    report = validate_workbook(workbook)
    findings = folder / "validasi.json"
    findings.write_text(json.dumps(report.as_json(), ensure_ascii=False, indent=2), encoding="utf-8")
    result.files.append(findings)
    result.summary.append(f"Validasi: {len(report.errors)} galat, {len(report.warnings)} peringatan "
                          f"({', '.join(f'{s.code} {len(s.steps)} langkah' for s in report.book.sops.values())}).")
    statuses = case_status(workbook)
    status_file = folder / "status.json"
    status_file.write_text(json.dumps([s.as_json() for s in statuses], ensure_ascii=False, indent=2), encoding="utf-8")
    result.files.append(status_file)
    result.summary.append(f"Kasus: {len(statuses)} ({sum(s.overdue for s in statuses)} lewat batas waktu).")
    return result


def _moves_on_the_file(workbook: Path) -> list[str]:
    """The same moves staff make every day, on the file itself (lossless writes, history, Lacak)."""
    from . import workflow

    lines = []
    opened = workflow.open_case(workbook, "POLHUKAM", "Penyusunan IKU Perubahan Renstra 2025-2029",
                                "Biro Perencanaan dan Organisasi")
    lines.append(f"Dibuka: {opened.message} (POLHUKAM langkah 1).")
    lines.append(workflow.advance(workbook, opened.message, by="Sesmenko", note="Arahan diberikan").message)
    lines.append(workflow.advance(workbook, "IKU-2026-004", by="Dewi Anggraini, S.E.").message)
    lines.append(workflow.advance(workbook, "IKU-2026-004", decision=False, note="TOR belum memuat jadwal").message)
    lines.append(workflow.hold(workbook, "IKU-2026-002", "Menunggu jadwal rapat pimpinan").message)
    lines.append(workflow.resume(workbook, "IKU-2026-002", "Jadwal rapat sudah ada").message)
    lines.append(workflow.undo(workbook, opened.message, note="Salah klik, diurungkan").message)
    return lines
