"""The monitoring's two charts as PNG pictures for the Word document: each step's time against its Mutu Baku, and
the returns at each decision. The .xlsx draws the same figures as native charts from its own cells."""
from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, cast

from ..core.monitoring import SopMonitoring, StepEvidence

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

FONT = "DejaVu Sans"  # shipped with matplotlib: the same letters on every machine
ON_TIME, LATE, NEUTRAL = "#4f8a3c", "#c0392b", "#5b7fa6"
CAP = 300  # % of the standard: a step ten times slower would flatten every other bar; its label says how far


def percent_of_standard(step: StepEvidence) -> float | None:
    """The median working time as a share of the Mutu Baku time: over 100 is slower than the standard."""
    if step.median_minutes is None or not step.standard_minutes:
        return None
    return round(100 * step.median_minutes / step.standard_minutes, 1)


def _figure(rows: int) -> tuple[Any, Figure, Axes]:  # pyplot, the figure, its axes
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["font.family"] = FONT
    figure, axes = plt.subplots(figsize=(10.0, min(5.4, max(2.2, 0.24 * rows + 1.3))), dpi=150)
    return plt, figure, axes


def _png(plt: Any, figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.tight_layout()
    figure.savefig(out, format="png", metadata={"Software": None})
    plt.close(figure)
    return out.getvalue()


def time_chart(monitoring: SopMonitoring) -> bytes:
    """One bar a step that ran: its median time as % of the Mutu Baku (100% is the standard), labelled with both
    times; an SOP without Mutu Baku times shows the median minutes themselves."""
    ran = [s.evidence for s in monitoring.steps if s.evidence.runs]
    timed = [e for e in ran if percent_of_standard(e) is not None]
    plt, figure, axes = _figure(len(ran) or 1)
    labels = [f"Langkah {e.no}" for e in ran]
    if timed:
        shares = [percent_of_standard(e) for e in ran]
        top = min(max([v or 0 for v in shares] + [100]), CAP)
        colours = [NEUTRAL if v is None else LATE if v > 100 else ON_TIME for v in shares]
        axes.barh(labels, [min(v or 0, CAP) for v in shares], color=colours, height=0.6)
        axes.axvline(100, color="#333333", linestyle="--", linewidth=1)
        for y, (e, share) in enumerate(zip(ran, shares)):
            text = "tanpa Mutu Baku" if share is None else \
                f"{round(e.median_minutes or 0)} / {round(e.standard_minutes or 0)} menit kerja ({round(share)}%)"
            axes.text(min(share or 0, CAP) + top * 0.015, y, text, va="center", fontsize=7)
        axes.set_xlabel(f"waktu pelaksanaan (median) sebagai % waktu Mutu Baku; garis putus-putus = 100%; batang "
                        f"dipotong pada {CAP}%")
        axes.set_xlim(0, top * 1.45)
        title = f"Waktu per langkah terhadap Mutu Baku — {monitoring.code}, {monitoring.semester.label}"
    else:
        values = [round(e.median_minutes or 0) for e in ran]
        axes.barh(labels, values, color=NEUTRAL, height=0.6)
        axes.set_xlabel("waktu pelaksanaan (median, menit kerja); SOP ini belum mempunyai waktu Mutu Baku")
        title = f"Waktu per langkah (tanpa Mutu Baku) — {monitoring.code}, {monitoring.semester.label}"
    if not ran:
        axes.text(0.5, 0.5, "Tidak ada langkah yang dilaksanakan pada semester ini.", ha="center", va="center",
                  transform=axes.transAxes)
        axes.set_yticks([])
    axes.invert_yaxis()
    axes.set_title(title, fontsize=10, fontweight="bold")
    axes.tick_params(labelsize=8)
    return _png(plt, figure)


def returns_chart(monitoring: SopMonitoring) -> bytes | None:
    """Per decision step, the decisions answered Ya and those answered Tidak (returned); None without decisions."""
    decisions = [s.evidence for s in monitoring.steps if s.evidence.decision]
    if not decisions:
        return None
    plt, figure, axes = _figure(len(decisions))
    labels = [f"Langkah {e.no}" for e in decisions]
    returned = [e.returns for e in decisions]
    approved = [e.runs - e.returns for e in decisions]
    axes.barh(labels, approved, color=ON_TIME, height=0.6, label="Ya (diteruskan)")
    axes.barh(labels, returned, left=approved, color=LATE, height=0.6, label="Tidak (dikembalikan)")
    for y, (yes, no) in enumerate(zip(approved, returned)):
        if no:
            axes.text(yes + no + 0.1, y, f"{no} kali dikembalikan", va="center", fontsize=7)
    axes.set_xlabel("jumlah keputusan pada semester ini")
    cast("MaxNLocator", axes.xaxis.get_major_locator()).set_params(integer=True)  # the default AutoLocator is one
    axes.set_xlim(0, max([a + r for a, r in zip(approved, returned)] + [1]) * 1.35)
    axes.invert_yaxis()
    axes.legend(fontsize=7, loc="lower right")
    axes.set_title(f"Keputusan dan pengembalian — {monitoring.code}, {monitoring.semester.label}", fontsize=10,
                   fontweight="bold")
    axes.tick_params(labelsize=8)
    return _png(plt, figure)
