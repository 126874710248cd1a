"""The monitoring of one SOP as a Word document in the instansi's style: Tabel 7, its charts, the evaluation form."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..core.book import Book
from ..core.indonesian import tanggal
from ..core.monitoring import SopMonitoring
from ..core.naskah.common import instansi
from ..errors import Refused
from .charts import returns_chart, time_chart

TEMPLATE = "monitoring_sop.docx"
CHART_WIDTH_CM = 20.0


def monitoring_context(book: Book, monitoring: SopMonitoring, day: dt.date) -> dict[str, Any]:
    sop = book.sops[monitoring.code]
    profile = book.profile_of(sop)
    if profile is None:
        raise Refused(f"SOP {sop.code} belum punya profil instansi; isi lembar Instansi dan tulis kodenya di identitas "
                      f"lembar {sop.code}.", sheet=sop.code)
    return {
        "instansi": instansi(profile),
        "sop": {"nama": monitoring.title, "nomor": monitoring.number or "-",
                "unit": ", ".join(t for t in (profile.text("unit"), profile.text("parent_unit")) if t)},
        "periode": monitoring.semester.label,
        "periode_tanggal": monitoring.semester.span,
        "hasil": f"{monitoring.result}.",
        "aturan": monitoring.rule.sentence(),
        "langkah": [{"no": i, "prosedur": s.prosedur, "penilaian": s.penilaian, "catatan": s.catatan,
                     "tindakan": s.tindakan} for i, s in enumerate(monitoring.steps, start=1)],
        "kriteria": [{"no": i, "kriteria": c, "bukti": b} for i, (c, b) in enumerate(monitoring.criteria, start=1)],
        "tanpa_keputusan": "SOP ini tidak mempunyai langkah keputusan, sehingga tidak ada pengembalian untuk "
                           "digambarkan.",
        "tanggal": tanggal(day),
    }


def monitoring_document(book: Book, monitoring: SopMonitoring, day: dt.date, templates: Path,
                        workbook_folder: Path) -> bytes:
    from ..actions.generate import profile_images
    from ..documents.render import render_document
    from ..documents.word_style import WordStyle

    context = monitoring_context(book, monitoring, day)
    sop = book.sops[monitoring.code]
    profile = book.profile_of(sop)
    assert profile is not None  # monitoring_context refused otherwise
    font, size = profile.font(False)
    images_of = profile_images(book, profile, templates, workbook_folder, {"logo": profile.text("logo"), "emblem": ""})
    style = WordStyle(profile.paper(False), font, size, images_of["logo"], "")
    images = {"grafik_waktu": (time_chart(monitoring), CHART_WIDTH_CM)}
    returns = returns_chart(monitoring)
    context["grafik_pengembalian"] = ""
    if returns is not None:
        images["grafik_pengembalian"] = (returns, CHART_WIDTH_CM)
        del context["grafik_pengembalian"]
    title = f"Monitoring Pelaksanaan SOP {monitoring.code} {monitoring.semester.label}"
    properties = {"title": title, "author": profile.text("author") or profile.text("unit"),
                  "company": profile.text("name"), "case_id": "", "language": "id-ID"}
    template = templates / TEMPLATE
    if not template.is_file():  # a bureau's own template folder made before monitoring existed
        from ..actions.generate import shipped_templates
        template = shipped_templates() / TEMPLATE
    return render_document(template, context, style, properties, images)
