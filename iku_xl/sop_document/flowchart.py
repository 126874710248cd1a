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
DECISION_ROW = 0.56  # room under a diamond for the "Ya" label beside its line
CONNECTOR = 0.18
CHANNEL_STEP = 0.09  # between two returns' vertical lines in the channel beside the lanes
LABEL_SIZE = 5.5


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
    target: Shape | None = None  # the shape its head points into (on its boundary)
    label_at: tuple[float, float] | None = None  # the label's top-left corner

    def label_box(self) -> tuple[float, float, float, float] | None:
        """(left, top, right, bottom) the label takes, in inches."""
        if not self.label or self.label_at is None:
            return None
        x, y = self.label_at
        return x, y, x + label_width(self.label), y + LABEL_SIZE * 1.25 / 72


def label_width(text: str) -> float:
    return len(text) * LABEL_SIZE * 0.58 / 72


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


def returns_of(sop: Sop) -> int:
    """How many "Tidak" lines go back: each gets its own vertical line in the channel beside the lanes."""
    return sum(1 for s in sop.steps if s.is_decision and isinstance(s.if_no, int))


def columns_for(sop: Sop, width: float) -> list[Column]:
    usable = width - 2 * MARGIN
    fixed = {"no": 0.35, "kelengkapan": 1.25, "waktu": 0.6, "output": 1.25, "keterangan": 0.95}
    channel = min(1.0, CHANNEL_STEP * (returns_of(sop) + 1)) if returns_of(sop) else 0.0
    roles = max(len(sop.roles), 1)
    room = usable - sum(fixed.values()) - channel
    lane = max(0.5, min(0.9, (room - 2.3) / roles))
    kegiatan = max(1.6, room - lane * roles)
    order = ([("no", "No", fixed["no"]), ("kegiatan", "Kegiatan", kegiatan)]
             + [(f"role:{r}", r, lane) for r in sop.roles]
             + ([("channel", "", channel)] if channel else [])
             + [("kelengkapan", "Kelengkapan", fixed["kelengkapan"]), ("waktu", "Waktu", fixed["waktu"]),
                ("output", "Output", fixed["output"]), ("keterangan", "Keterangan", fixed["keterangan"])])
    columns, x = [], MARGIN
    for key, title, w in order:
        columns.append(Column(key, title, x, w))
        x += w
    return columns


def waktu_shown(waktu: object) -> str:
    """The time standard as printed; one without a number ("menit") is marked, as the SOP leaves it unsaid."""
    text = str(waktu or "").strip()
    return f"{text} (?)" if text and not any(c.isdigit() for c in text) else text


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
            ("waktu", waktu_shown(step.waktu)), ("output", step.output), ("keterangan", step.keterangan))}
        lowest = DECISION_ROW if step.is_decision else MIN_ROW
        row_height = max(lowest, max(len(v) for v in cells.values()) * LINE + 0.1)
        if y + row_height > bottom and page.rows:
            pages.append(page)
            page, y = Page(len(pages) + 1), body_top + CONNECTOR + 0.1
        page.rows.append(Row(step, y, row_height, cells))
        y += row_height
    pages.append(page)
    result = Layout(sop, width, height, columns, header_top, header_height, role_lines, pages)
    _place_symbols_and_arrows(result)
    return result


def _symbol(layout: Layout, row: Row) -> Shape | None:
    """The step's one symbol: in its executor's lane, or across the lanes of all its executors (a meeting)."""
    lanes = [layout.lane(role) for role in row.step.executors if role in layout.sop.roles]
    if not lanes:
        return None
    kinds: dict[object, str] = {StepKind.MULAI: "terminator", StepKind.SELESAI: "terminator",
                                StepKind.KEPUTUSAN: "decision"}
    kind = kinds.get(row.step.kind, "process")
    w = min(lanes[0].width * 0.78, 0.62)
    h = 0.3 if kind == "decision" else 0.2
    first, last = min(c.x + c.width / 2 for c in lanes), max(c.x + c.width / 2 for c in lanes)
    if len(lanes) > 1:
        kind = "process"  # one activity done together: one process box over the lanes
    return Shape(kind, (first + last) / 2, row.y + row.height / 2, w + (last - first), h)


def _place_symbols_and_arrows(layout: Layout) -> None:
    where: dict[int, tuple[Page, Row, Shape]] = {}
    for page in layout.pages:
        for row in page.rows:
            shape = _symbol(layout, row)
            if shape is None:
                continue
            page.shapes.append(shape)
            if row.step.no is not None:
                where[row.step.no] = (page, row, shape)
    labels = iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    channel = next((c for c in layout.columns if c.key == "channel"), None)
    lanes_right = max(c.x + c.width for c in layout.columns if c.key.startswith("role:"))
    returns: list[tuple[Page, Shape, Shape, int]] = []
    for page, row, source in where.values():
        step = row.step
        if step.kind == StepKind.SELESAI:
            continue
        forward = layout.sop.next_step(step, True)
        if forward in where:
            target_page, target_row, target = where[forward]
            label = "Ya" if step.is_decision else ""
            if target_page is page:
                below = source.y + source.height / 2
                page.arrows.append(_down(source, target, (below + row.y + row.height) / 2, label))
            else:
                mark = next(labels)
                out = Shape("connector", source.x, page.rows[-1].y + page.rows[-1].height + CONNECTOR / 2 + 0.05,
                            0.22, CONNECTOR, mark)
                page.shapes.append(out)
                arrow = Arrow([(source.x, source.y + source.height / 2), (out.x, out.y - out.height / 2)], label,
                              target=out)
                arrow.label_at = _label_beside(arrow.points[0], arrow.label, left=False)
                page.arrows.append(arrow)
                into = Shape("connector", target.x, target_row.y - CONNECTOR / 2 - 0.05, 0.22, CONNECTOR, mark)
                target_page.shapes.append(into)
                target_page.arrows.append(Arrow([(into.x, into.y + into.height / 2),
                                                 (target.x, target.y - target.height / 2)], target=target))
        if step.is_decision and isinstance(step.if_no, int) and step.if_no in where:
            target_page, _, target = where[step.if_no]
            start = (source.x + source.width / 2, source.y)
            if target_page is page and channel is not None:
                returns.append((page, source, target, step.no or 0))
            else:
                back = Shape("connector", min(lanes_right - 0.15, start[0] + 0.42), source.y, 0.22, CONNECTOR,
                             str(step.if_no))
                page.shapes.append(back)
                arrow = Arrow([start, (back.x - back.width / 2, back.y)], "Tidak", target=back)
                arrow.label_at = (start[0] + 0.03, start[1] + 0.03)
                page.arrows.append(arrow)
    if channel is not None:
        _route_returns(returns, channel)


def _route_returns(returns: list[tuple[Page, Shape, Shape, int]], channel: Column) -> None:
    """Each "Tidak" on its own vertical line in the channel beside the lanes: out of the diamond's right corner,
    along the channel, and into the target's right side (a diamond's upper-right edge, as its own right corner
    is where its own "Tidak" leaves); several lines into one shape enter at points of their own."""
    into: dict[int, list[int]] = {}
    for index, (_, _, target, _) in enumerate(returns):
        into.setdefault(id(target), []).append(index)
    per_page: dict[int, int] = {}
    for index, (page, source, target, _) in enumerate(returns):
        lane = per_page.get(id(page), 0)
        per_page[id(page)] = lane + 1
        x = channel.x + CHANNEL_STEP * (lane + 1)
        entering = into[id(target)]
        t = (entering.index(index) + 1) / (len(entering) + 1)
        if target.kind == "decision":
            end = (target.x + t * target.width / 2, target.y - target.height / 2 + t * target.height / 2)
        else:
            end = (target.x + target.width / 2, target.y - target.height / 2 + t * target.height)
        start = (source.x + source.width / 2, source.y)
        arrow = Arrow([start, (x, start[1]), (x, end[1]), end], "Tidak", target=target)
        arrow.label_at = (start[0] + 0.03, start[1] + 0.03)  # under its line, right of the corner
        page.arrows.append(arrow)


def _label_beside(point: tuple[float, float], label: str, left: bool) -> tuple[float, float] | None:
    """A label just beside a line going down from `point`, on the side no other line of the arrow takes."""
    if not label:
        return None
    x = point[0] - 0.04 - label_width(label) if left else point[0] + 0.04
    return x, point[1] + 0.01


def _down(source: Shape, target: Shape, gap_y: float, label: str) -> Arrow:
    start = (source.x, source.y + source.height / 2)
    end = (target.x, target.y - target.height / 2)
    if abs(source.x - target.x) < 1e-6:
        arrow = Arrow([start, end], label, target=target)
    else:
        arrow = Arrow([start, (source.x, gap_y), (target.x, gap_y), end], label, target=target)
    arrow.label_at = _label_beside(start, label, left=target.x > source.x + 1e-6)
    return arrow
