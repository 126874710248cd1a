"""Where everything of the flowchart table goes, page by page: plain geometry, in inches from the
top-left corner, so it can be tested without drawing anything."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from ..core.sop import Sop, Step, StepKind

PAPER = {"A4": (11.69, 8.27), "F4": (13.0, 8.46)}  # landscape
MARGIN = 0.4
TITLE_HEIGHT = 0.35
FONT = 6.0
LINE = FONT * 1.3 / 72
CHAR = FONT * 0.58 / 72  # DejaVu Sans is wide: an average letter at this size
MIN_ROW = 0.44
CONNECTOR = 0.18


def wrap(text: str, width: float) -> list[str]:
    columns = max(4, int(width / CHAR))
    lines = []
    for paragraph in str(text or "").splitlines() or [""]:
        lines += textwrap.wrap(paragraph, columns, break_long_words=True) or [""]
    return lines


@dataclass
class Column:
    key: str
    title: str
    x: float
    width: float


@dataclass
class Shape:
    kind: str  # terminator | process | decision | connector
    x: float  # centre
    y: float
    width: float
    height: float
    label: str = ""


@dataclass
class Arrow:
    points: list[tuple[float, float]]
    label: str = ""
    dashed: bool = False
    head: bool = True


@dataclass
class Row:
    step: Step
    y: float
    height: float
    cells: dict[str, list[str]]


@dataclass
class Page:
    number: int
    rows: list[Row] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)


@dataclass
class Layout:
    sop: Sop
    width: float
    height: float
    columns: list[Column]
    header_top: float
    header_height: float
    role_lines: dict[str, list[str]]
    pages: list[Page]

    def lane(self, role: str) -> Column:
        return next(c for c in self.columns if c.key == f"role:{role}")


def columns_for(sop: Sop, width: float) -> list[Column]:
    usable = width - 2 * MARGIN
    fixed = {"no": 0.35, "kelengkapan": 1.25, "waktu": 0.6, "output": 1.25, "keterangan": 0.95}
    roles = max(len(sop.roles), 1)
    room = usable - sum(fixed.values())
    lane = max(0.5, min(0.9, (room - 2.3) / roles))
    kegiatan = max(1.6, room - lane * roles)
    order = ([("no", "No", fixed["no"]), ("kegiatan", "Kegiatan", kegiatan)]
             + [(f"role:{r}", r, lane) for r in sop.roles]
             + [("kelengkapan", "Kelengkapan", fixed["kelengkapan"]), ("waktu", "Waktu", fixed["waktu"]),
                ("output", "Output", fixed["output"]), ("keterangan", "Keterangan", fixed["keterangan"])])
    columns, x = [], MARGIN
    for key, title, w in order:
        columns.append(Column(key, title, x, w))
        x += w
    return columns


def layout_sop(sop: Sop, paper: str = "A4") -> Layout:
    width, height = PAPER.get(paper, PAPER["A4"])
    columns = columns_for(sop, width)
    by_key = {c.key: c for c in columns}
    role_lines = {r: wrap(r, by_key[f"role:{r}"].width - 0.05) for r in sop.roles}
    header_top = MARGIN + TITLE_HEIGHT
    header_height = 0.22 + max([len(v) for v in role_lines.values()] + [1]) * LINE + 0.08
    body_top = header_top + header_height
    bottom = height - MARGIN - CONNECTOR - 0.1
    pages, page, y = [], Page(1), body_top
    for step in [s for s in sop.steps if s.no is not None]:
        cells = {key: wrap(value, by_key[key].width - 0.06) for key, value in (
            ("no", str(step.no)), ("kegiatan", step.kegiatan), ("kelengkapan", step.kelengkapan),
            ("waktu", str(step.waktu or "")), ("output", step.output), ("keterangan", step.keterangan))}
        row_height = max(MIN_ROW, max(len(v) for v in cells.values()) * LINE + 0.1)
        if y + row_height > bottom and page.rows:
            pages.append(page)
            page, y = Page(len(pages) + 1), body_top + CONNECTOR + 0.1
        page.rows.append(Row(step, y, row_height, cells))
        y += row_height
    pages.append(page)
    result = Layout(sop, width, height, columns, header_top, header_height, role_lines, pages)
    _place_symbols_and_arrows(result)
    return result


def _symbol(layout: Layout, row: Row, role: str) -> Shape:
    lane = layout.lane(role)
    kinds: dict[object, str] = {StepKind.MULAI: "terminator", StepKind.SELESAI: "terminator",
                                StepKind.KEPUTUSAN: "decision"}
    kind = kinds.get(row.step.kind, "process")
    w = min(lane.width * 0.78, 0.62)
    h = 0.3 if kind == "decision" else 0.2
    return Shape(kind, lane.x + lane.width / 2, row.y + row.height / 2, w, h)


def _place_symbols_and_arrows(layout: Layout) -> None:
    where: dict[int, tuple[Page, Row, list[Shape]]] = {}
    for page in layout.pages:
        for row in page.rows:
            shapes = [_symbol(layout, row, role) for role in row.step.executors if role in layout.sop.roles]
            page.shapes += shapes
            if len(shapes) > 1:  # one step, several executors: symbols joined
                first, last = shapes[0], shapes[-1]
                joint = [(first.x + first.width / 2, first.y), (last.x - last.width / 2, last.y)]
                page.arrows.append(Arrow(joint, dashed=True, head=False))
            if row.step.no is not None:
                where[row.step.no] = (page, row, shapes)
    labels = iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    lanes_right = max(c.x + c.width for c in layout.columns if c.key.startswith("role:"))
    for page, row, shapes in where.values():
        if not shapes:
            continue
        source = shapes[0]
        step = row.step
        if step.kind == StepKind.SELESAI:
            continue
        forward = layout.sop.next_step(step, True)
        if forward in where and where[forward][2]:
            target_page, target_row, target_shapes = where[forward]
            label = "Ya" if step.is_decision else ""
            if target_page is page:
                below = source.y + source.height / 2
                page.arrows.append(_down(source, target_shapes[0], (below + row.y + row.height) / 2, label))
            else:
                mark = next(labels)
                out = Shape(
                    "connector",
                    source.x,
                    page.rows[-1].y + page.rows[-1].height + CONNECTOR / 2 + 0.05,
                    0.22,
                    CONNECTOR,
                    mark,
                )
                page.shapes.append(out)
                page.arrows.append(
                    Arrow([(source.x, source.y + source.height / 2), (out.x, out.y - out.height / 2)], label)
                )
                first = target_shapes[0]
                into = Shape("connector", first.x, target_row.y - CONNECTOR / 2 - 0.05, 0.22, CONNECTOR, mark)
                target_page.shapes.append(into)
                target_page.arrows.append(
                    Arrow([(into.x, into.y + into.height / 2), (first.x, first.y - first.height / 2)])
                )
        if step.is_decision and isinstance(step.if_no, int) and step.if_no in where and where[step.if_no][2]:
            target_page, target_row, target_shapes = where[step.if_no]
            start = (source.x + source.width / 2, source.y)
            if target_page is page:
                target = target_shapes[0]
                channel = min(lanes_right - 0.05, max(source.x + source.width / 2, target.x + target.width / 2) + 0.12)
                page.arrows.append(
                    Arrow(
                        [start, (channel, source.y), (channel, target.y), (target.x + target.width / 2, target.y)],
                        "Tidak",
                    )
                )
            else:
                back = Shape(
                    "connector", min(lanes_right - 0.15, start[0] + 0.25), source.y, 0.22, CONNECTOR, str(step.if_no)
                )
                page.shapes.append(back)
                page.arrows.append(Arrow([start, (back.x - back.width / 2, back.y)], "Tidak"))


def _down(source: Shape, target: Shape, gap_y: float, label: str) -> Arrow:
    start = (source.x, source.y + source.height / 2)
    end = (target.x, target.y - target.height / 2)
    if abs(source.x - target.x) < 1e-6:
        return Arrow([start, end], label)
    return Arrow([start, (source.x, gap_y), (target.x, gap_y), end], label)
