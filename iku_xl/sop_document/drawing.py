"""Drawing the SOP AP with matplotlib: an identity page, then the flowchart pages; PDF and one PNG a page."""
from __future__ import annotations

from pathlib import Path

from ..core.sop import IDENTITY_FIELDS, Sop
from .flowchart import FONT, LABEL_SIZE, MARGIN, Layout, Page, layout_sop, wrap

TITLE = "STANDAR OPERASIONAL PROSEDUR ADMINISTRASI PEMERINTAHAN"


def _figure(layout: Layout):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=(layout.width, layout.height))
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, layout.width)
    axes.set_ylim(layout.height, 0)  # inches from the top-left, as the layout counts
    axes.axis("off")
    return figure, axes


FAMILY = ["DejaVu Sans"]  # the instansi's font first when this machine has it (render_sop sets it)


def _lines(axes, x, y, lines, size=FONT, weight="normal", align="left"):
    axes.text(x, y, "\n".join(lines), fontsize=size, va="top", ha=align, weight=weight, linespacing=1.3,
              family=FAMILY, parse_math=False, usetex=False)  # '$' in a step is a dollar, not math


def _box(axes, x, y, w, h, fill=None):
    from matplotlib.patches import Rectangle
    axes.add_patch(Rectangle((x, y), w, h, fill=fill is not None, facecolor=fill or "none", edgecolor="black", lw=0.5))


def _page_number(axes, layout: Layout, number: int) -> None:
    """'Halaman x dari y', the identity page being the first."""
    _lines(axes, layout.width - MARGIN, MARGIN, [f"Halaman {number} dari {len(layout.pages) + 1}"], size=7,
           align="right")


def _identity_page(layout: Layout, sop: Sop):
    figure, axes = _figure(layout)
    _page_number(axes, layout, 1)
    _lines(axes, layout.width / 2, MARGIN + 0.15, [TITLE], size=11, weight="bold", align="center")
    y = MARGIN + 0.55
    label_w, value_x = 2.2, MARGIN + 2.3
    value_w = layout.width - value_x - MARGIN
    for field, label in IDENTITY_FIELDS:
        value = getattr(sop.identity, field) or "-"
        lines = [line for part in value.splitlines() for line in wrap(part, value_w - 0.1)] or ["-"]
        height = max(0.25, len(lines) * 8 * 1.3 / 72 + 0.08)
        _box(axes, MARGIN, y, label_w + 0.1, height, fill="#DDEBF7")
        _box(axes, value_x, y, value_w, height)
        _lines(axes, MARGIN + 0.05, y + 0.04, [label], size=8, weight="bold")
        _lines(axes, value_x + 0.05, y + 0.04, lines, size=8)
        y += height
    return figure


def _header(axes, layout: Layout, page: Page):
    sop = layout.sop
    _lines(axes, MARGIN, MARGIN, [f"{sop.identity.judul or sop.code} — SOP {sop.code}"], size=9, weight="bold")
    _page_number(axes, layout, page.number + 1)
    top, height = layout.header_top, layout.header_height
    lanes = [c for c in layout.columns if c.key.startswith("role:") or c.key == "channel"]
    mutu = [c for c in layout.columns if c.key in ("kelengkapan", "waktu", "output")]
    first = 0.22
    for column in layout.columns:
        grouped = column in lanes or column in mutu
        _box(axes, column.x, top + (first if grouped else 0), column.width, height - (first if grouped else 0),
             fill="#D9E1F2")
        if not grouped:
            _lines(axes, column.x + column.width / 2, top + 0.05, [column.title], weight="bold", align="center")
    for group, title in ((lanes, "Pelaksana"), (mutu, "Mutu Baku")):
        if group:
            x, w = group[0].x, group[-1].x + group[-1].width - group[0].x
            _box(axes, x, top, w, first, fill="#D9E1F2")
            _lines(axes, x + w / 2, top + 0.05, [title], weight="bold", align="center")
    for column in lanes:
        if column.key == "channel":
            continue
        role = column.key.split(":", 1)[1]
        _lines(axes, column.x + column.width / 2, top + first + 0.04, layout.role_lines[role], weight="bold",
               align="center")
    for column in mutu:
        _lines(axes, column.x + column.width / 2, top + first + 0.04, [column.title], weight="bold", align="center")


def _shape(axes, shape):
    from matplotlib.patches import FancyBboxPatch, Polygon, Rectangle

    x, y, w, h = shape.x - shape.width / 2, shape.y - shape.height / 2, shape.width, shape.height
    style: dict = dict(edgecolor="black", facecolor="white", lw=0.7, zorder=3)
    if shape.kind == "terminator":
        axes.add_patch(FancyBboxPatch((x, y), w, h, boxstyle=f"round,pad=0,rounding_size={h / 2}", **style))
    elif shape.kind == "decision":
        axes.add_patch(Polygon([(shape.x, y), (x + w, shape.y), (shape.x, y + h), (x, shape.y)], closed=True, **style))
    elif shape.kind == "connector":  # off-page connector: a pentagon pointing down
        axes.add_patch(Polygon([(x, y), (x + w, y), (x + w, y + h * 0.6), (shape.x, y + h), (x, y + h * 0.6)],
                               closed=True, **style))
        axes.text(shape.x, y + h * 0.35, shape.label, fontsize=5.5, ha="center", va="center", zorder=4,
                  parse_math=False, usetex=False)
    else:
        axes.add_patch(Rectangle((x, y), w, h, **style))


def _arrow(axes, arrow):
    xs, ys = zip(*arrow.points)
    style = "--" if arrow.dashed else "-"
    axes.plot(xs[:-1] if arrow.head else xs, ys[:-1] if arrow.head else ys, style, color="black", lw=0.6, zorder=2)
    if arrow.head:
        axes.annotate("", xy=arrow.points[-1], xytext=arrow.points[-2],
                      arrowprops=dict(arrowstyle="-|>", lw=0.6, color="black", shrinkA=0, shrinkB=0), zorder=2)
    if arrow.label and arrow.label_at:
        axes.text(*arrow.label_at, arrow.label, fontsize=LABEL_SIZE, style="italic", va="top", ha="left", zorder=4,
                  family=FAMILY, parse_math=False, usetex=False)


def _flow_page(layout: Layout, page: Page):
    figure, axes = _figure(layout)
    _header(axes, layout, page)
    for row in page.rows:
        for column in layout.columns:
            _box(axes, column.x, row.y, column.width, row.height)
            lines = row.cells.get(column.key)
            if lines:
                centred = column.key in ("no", "waktu")
                _lines(axes, column.x + (column.width / 2 if centred else 0.03), row.y + 0.04, lines,
                       align="center" if centred else "left")
    for shape in page.shapes:
        _shape(axes, shape)
    for arrow in page.arrows:
        _arrow(axes, arrow)
    return figure


def font_family(font: str) -> list[str]:
    """The instansi's font when matplotlib finds it on this machine, DejaVu Sans (always there) after it."""
    from matplotlib import font_manager

    try:
        font_manager.findfont(font, fallback_to_default=False)
        return [font, "DejaVu Sans"]
    except ValueError:
        return ["DejaVu Sans"]


def render_sop(sop: Sop, folder: Path, paper: str = "A4", font: str = "", author: str = "") -> tuple[Path, list[Path]]:
    """The PDF (identity page, then the flowchart pages) and one PNG per page; the PDF's title and author say
    whose SOP it is."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["pdf.fonttype"] = 42  # TrueType in the PDF: its text can be searched and copied
    matplotlib.rcParams["text.usetex"] = False  # a user's matplotlibrc must not hand SOP text to LaTeX
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    FAMILY[:] = font_family(font) if font else ["DejaVu Sans"]
    layout = layout_sop(sop, paper)
    folder.mkdir(parents=True, exist_ok=True)
    pdf_path = folder / f"SOP-{sop.code}.pdf"
    pngs = []
    figures = [("identitas", _identity_page(layout, sop))] + \
              [(f"alur-{p.number}", _flow_page(layout, p)) for p in layout.pages]
    title = f"SOP {sop.code}" + (f" — {sop.identity.judul}" if sop.identity.judul else "")
    metadata = {"Title": title, "Author": author or "iku-xl", "Subject": "Standar Operasional Prosedur "
                "Administrasi Pemerintahan", "Creator": "iku-xl"}
    with PdfPages(pdf_path, metadata=metadata) as pdf:
        for name, figure in figures:
            pdf.savefig(figure)
            png = folder / f"SOP-{sop.code}-{name}.png"
            figure.savefig(png, dpi=110)
            pngs.append(png)
            plt.close(figure)
    return pdf_path, pngs
