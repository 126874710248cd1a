"""iku-xl demo: everything the program can do, on the bundled demo data, into one folder."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..excel import beside
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
    result.files += beside.write_beside(workbook)  # Run main in Excel imports iku.py from beside the workbook
    result.summary += _moves_on_the_file(workbook)
    result.summary += _documents(workbook, folder, result)
    from .export import export_month
    monthly = export_month(workbook, "2026-11", folder / "ekspor" / "2026-11")
    result.files += monthly.files
    result.summary.append(f"Ekspor November 2026: {len(monthly.report.history)} baris riwayat, "
                          f"{monthly.report.late} langkah terlambat.")
    result.summary += _kinerja(workbook, folder, result)
    from .sop_document import export_bpmn, render_sop_document
    for code in ("POLHUKAM", "KEMNAKER"):
        pdf, pngs = render_sop_document(workbook, code, folder / "sop")
        result.files += [pdf, *pngs, export_bpmn(workbook, code, folder / "sop")]
    result.summary.append("SOP POLHUKAM dan KEMNAKER dicetak (PDF, PNG) dan diekspor ke BPMN.")
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
    case_id = opened.opened[-1]
    lines.append(opened.message)
    lines.append(workflow.advance(workbook, case_id, by="Sesmenko", note="Arahan diberikan").message)
    lines.append(workflow.advance(workbook, "IKU-2026-004", by="Dewi Anggraini, S.E.").message)
    lines.append(workflow.advance(workbook, "IKU-2026-004", decision=False, note="TOR belum memuat jadwal").message)
    lines.append(workflow.hold(workbook, "IKU-2026-002", "Menunggu jadwal rapat pimpinan").message)
    lines.append(workflow.resume(workbook, "IKU-2026-002", "Jadwal rapat sudah ada").message)
    lines.append(workflow.undo(workbook, case_id, note="Salah klik, diurungkan").message)
    return lines


def _documents(workbook: Path, folder: Path, result: DemoResult) -> list[str]:
    """Every kind of naskah dinas for the demo cases, and their PDFs when LibreOffice is installed."""
    from ..documents.pdf import soffice
    from .generate import generate

    # each document dated the day its step was done (from Riwayat), as the bureau made it then; None: today
    batches = (("IKU-2026-001", ["undangan_rapat"], 10), ("IKU-2026-001", ["notula_rapat"], 12),
               ("IKU-2026-001", ["nota_dinas", "permenko_iku"], 15), ("IKU-2026-002", ["undangan_rapat"], 10),
               ("IKU-2026-002", ["notula_rapat"], None), ("IKU-2026-003", ["sk_tim"], 5),
               ("IKU-2026-003", ["permenko_iku"], None), (None, None, None))
    with_pdf = soffice() is not None
    lines = []
    for case_id, kinds, step in batches:  # the last batch: the current step of every open case
        made = generate(workbook, [case_id] if case_id else None, kinds,
                        folder / "naskah" / (case_id or "langkah-sekarang"), pdf=with_pdf,
                        today=_step_day(workbook, case_id, step) if case_id and step else None)
        result.files += made.files + made.pdfs
        lines.append(f"Naskah {case_id or 'kasus terbuka'}: {len(made.files)} dokumen"
                     + (f", {len(made.pdfs)} PDF" if with_pdf else " (PDF dilewati: LibreOffice tidak terpasang)")
                     + (f", nomor {', '.join(made.numbers)}" if made.numbers else "") + ".")
        lines += [f"  tidak dibuat: {line}" for line in made.skipped]
    return lines


def _step_day(workbook: Path, case_id: str, step: int):
    """The day a case's step was done, from Riwayat."""
    from ..store import open_store

    with open_store(workbook, history=True, write=False) as store:
        history = store.book.history
    done = [h.time for h in history
            if h.case_id == case_id and h.from_step == step and h.action == "Maju"]
    return done[-1].date() if done and done[-1] else None


def _kinerja(workbook: Path, folder: Path, result: DemoResult) -> list[str]:
    """The 2027 Manual IKU, Perjanjian Kinerja and cascading matrix of both ministries."""
    from ..documents.pdf import soffice
    from .kinerja import make_kinerja

    made = make_kinerja(workbook, 2027, pdf=soffice() is not None, out_dir=folder / "kinerja" / "2027")
    result.files += made.files + made.pdfs
    agreements = sum(1 for f in made.files if f.suffix == ".docx" and f.name.startswith("Perjanjian Kinerja"))
    return [f"Dokumen kinerja 2027: Manual IKU, {agreements} perjanjian kinerja dan matriks cascading kedua "
            f"instansi ({len(made.files)} berkas, {len(made.pdfs)} PDF)"
            + (f", nomor {', '.join(made.numbers)}" if made.numbers else "") + "."] + \
        [f"  catatan: {line}" for line in made.notes]
