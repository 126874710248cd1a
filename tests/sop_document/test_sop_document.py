"""The SOP AP document: the flowchart drawn page by page, and BPMN 2.0 read back against the SOP."""
import re

import pytest
from lxml import etree

from iku_xl.core.sop import Sop, SopIdentity, Step, StepKind
from iku_xl.sop_document.drawing import render_sop
from iku_xl.sop_document.flowchart import layout_sop
from iku_xl.workbook.reader import read_book
from tests.helpers import ROOT, run

SHIPPED = read_book(ROOT / "workbook" / "iku.xlsx").sops
BPMN = {"b": "http://www.omg.org/spec/BPMN/20100524/MODEL", "di": "http://www.omg.org/spec/BPMN/20100524/DI"}


def pdf_pages(path):
    from pypdf import PdfReader
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("code,pages", [("POLHUKAM", 3), ("KEMNAKER", 3)])
def test_shipped_sops_render_with_every_activity_role_and_time(code, pages, tmp_path, capsys):
    shipped = ROOT / "workbook" / "iku.xlsx"
    exit_code, _out, err = run(capsys, "sop", "render", shipped, "--sop", code, "--out", tmp_path)
    assert exit_code == 0, err
    texts = pdf_pages(tmp_path / f"SOP-{code}.pdf")
    assert len(texts) == pages
    assert len(list(tmp_path.glob(f"SOP-{code}-*.png"))) == pages
    text = flat(" ".join(texts))
    sop = SHIPPED[code]
    assert sop.identity.judul in text and "STANDAR OPERASIONAL PROSEDUR" in texts[0]
    for step in sop.steps:
        assert flat(step.kegiatan)[:60] in text, step.no
        if step.waktu:
            assert str(step.waktu) in text
    for role in sop.roles:
        assert role in text, role


def test_kemnaker_first_flowchart_page_holds_every_decision_and_its_return(tmp_path):
    sop = SHIPPED["KEMNAKER"]
    first = layout_sop(sop).pages[0]
    decisions = [s for s in first.shapes if s.kind == "decision"]
    returns = [a for a in first.arrows if a.label == "Tidak"]
    assert len(decisions) == len([s for s in sop.steps if s.kind == StepKind.KEPUTUSAN]) == 7
    assert first.rows[0].cells["waktu"] == ["menit (?)"]  # the SOP gives no number: marked, not printed as if whole
    assert len(returns) == 7
    for arrow, step in zip(returns, [s for s in sop.steps if s.is_decision]):
        target_row = next(r for r in first.rows if r.step.no == step.if_no)
        assert target_row.y < arrow.points[-1][1] < target_row.y + target_row.height  # it ends at the target's row
    _, _pngs = render_sop(sop, tmp_path)
    import matplotlib.image as image
    picture = image.imread(tmp_path / "SOP-KEMNAKER-alur-1.png")
    ink = (picture[:, :, :3].mean(axis=2) < 0.5).mean()
    assert 0.01 < ink < 0.3  # drawn, neither blank nor a black page


def test_step_with_two_executors_is_one_process_box_over_their_lanes():
    """Polhukam's meeting (step 11, Kabag Perencanaan with the Unit Organisasi terkait): one of the five symbols,
    not two boxes joined by a dashed line."""
    layout = layout_sop(SHIPPED["POLHUKAM"])
    page = next(p for p in layout.pages if any(r.step.no == 11 for r in p.rows))
    row = next(r for r in page.rows if r.step.no == 11)
    in_row = [s for s in page.shapes if row.y < s.y < row.y + row.height]
    assert [s.kind for s in in_row] == ["process"] and not any(a.dashed for a in page.arrows)
    box = in_row[0]
    for role in ("Kabag Perencanaan", "Unit Organisasi terkait"):
        lane = layout.lane(role)
        assert box.x - box.width / 2 < lane.x + lane.width / 2 < box.x + box.width / 2, role


EPSILON = 1e-6


def _segments(arrow):
    return [(a, b) for a, b in zip(arrow.points, arrow.points[1:]) if abs(a[0] - b[0]) + abs(a[1] - b[1]) > EPSILON]


def _overlap(one, other) -> float:
    """The length two axis-parallel segments share (0 when they only cross or touch at a point)."""
    (a, b), (c, d) = one, other
    for axis in (0, 1):
        if abs(a[axis] - b[axis]) < EPSILON and abs(c[axis] - d[axis]) < EPSILON and abs(a[axis] - c[axis]) < EPSILON:
            along = 1 - axis
            low = max(min(a[along], b[along]), min(c[along], d[along]))
            high = min(max(a[along], b[along]), max(c[along], d[along]))
            return max(0.0, high - low)
    return 0.0


def _inside(shape, point, grow=0.0) -> bool:
    dx, dy = abs(point[0] - shape.x), abs(point[1] - shape.y)
    half_w, half_h = shape.width / 2 + grow, shape.height / 2 + grow
    if shape.kind == "decision":
        return dx / half_w + dy / half_h < 1
    return dx < half_w and dy < half_h


def _on_boundary(shape, point) -> bool:
    dx, dy = abs(point[0] - shape.x), abs(point[1] - shape.y)
    if shape.kind == "decision":
        return abs(dx / (shape.width / 2) + dy / (shape.height / 2) - 1) < 1e-3
    return (abs(dx - shape.width / 2) < 1e-3 and dy <= shape.height / 2 + 1e-3) or (
        abs(dy - shape.height / 2) < 1e-3 and dx <= shape.width / 2 + 1e-3)


def _crosses(box, segment) -> bool:
    left, top, right, bottom = box
    (a, b) = segment
    return (min(a[0], b[0]) < right and max(a[0], b[0]) > left and min(a[1], b[1]) < bottom
            and max(a[1], b[1]) > top)


@pytest.mark.parametrize("code", ["POLHUKAM", "KEMNAKER", "BESAR"])
def test_flowchart_lines_never_share_a_segment_and_every_head_enters_its_shape(code):
    """Both shipped SOPs (and a long one across pages): no two lines run along the same stretch, every arrowhead
    sits on its shape's outline pointing in, no label lies on a line or a symbol."""
    sop = big_sop() if code == "BESAR" else SHIPPED[code]
    for page in layout_sop(sop).pages:
        segments = [segment for arrow in page.arrows for segment in _segments(arrow)]
        for i, one in enumerate(segments):
            for other in segments[i + 1:]:
                assert _overlap(one, other) < EPSILON, (page.number, one, other)
        for arrow in page.arrows:
            if not arrow.head:
                continue
            assert arrow.target is not None and _on_boundary(arrow.target, arrow.points[-1]), arrow
            (x0, y0), (x1, y1) = _segments(arrow)[-1]
            length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
            step = (0.02 * (x1 - x0) / length, 0.02 * (y1 - y0) / length)
            assert not _inside(arrow.target, (x1 - step[0], y1 - step[1])), arrow  # comes from outside
            assert _inside(arrow.target, (x1 + step[0], y1 + step[1])), arrow  # and points into it
        for arrow in page.arrows:
            box = arrow.label_box()
            if box is None:
                continue
            clear = [segment for segment in segments if _crosses(box, segment)]
            assert not clear, (page.number, arrow.label, box, clear)
            assert not [s for s in page.shapes if _crosses(box, ((s.x - s.width / 2, s.y - s.height / 2),
                                                                 (s.x + s.width / 2, s.y + s.height / 2)))]


def big_sop() -> Sop:
    roles = tuple(f"Peran {i}" for i in range(1, 10))
    steps = []
    for n in range(1, 41):
        kind = StepKind.MULAI if n == 1 else StepKind.SELESAI if n == 40 else (
            StepKind.KEPUTUSAN if n % 7 == 0 else StepKind.PROSES)
        steps.append(Step(n, f"Kegiatan nomor {n} yang cukup panjang untuk dibungkus menjadi beberapa baris teks",
                          executors=(roles[n % 9],), kelengkapan="Berkas", waktu="30 Menit", output="Berkas",
                          kind=kind, if_yes=n + 1 if kind == StepKind.KEPUTUSAN else None,
                          if_no=n - 3 if kind == StepKind.KEPUTUSAN else None))
    return Sop("BESAR", SopIdentity(judul="SOP Besar"), roles, steps)


def test_forty_steps_nine_roles_break_across_pages_with_connectors(tmp_path):
    sop = big_sop()
    layout = layout_sop(sop)
    assert len(layout.pages) >= 3
    for before, after in zip(layout.pages, layout.pages[1:]):
        out = [s.label for s in before.shapes if s.kind == "connector" and s.y > before.rows[-1].y]
        into = [s.label for s in after.shapes if s.kind == "connector" and s.y < after.rows[0].y]
        assert out and out == into, (before.number, out, into)
    pdf, pngs = render_sop(sop, tmp_path)
    assert len(pdf_pages(pdf)) == len(layout.pages) + 1 == len(pngs)
    assert "Peran 9" in flat(" ".join(pdf_pages(pdf)))


@pytest.mark.parametrize("code", ["POLHUKAM", "KEMNAKER"])
def test_bpmn_reads_back_as_the_sop(code, tmp_path, capsys):
    assert run(capsys, "sop", "bpmn", ROOT / "workbook" / "iku.xlsx", "--sop", code, "--out", tmp_path)[0] == 0
    tree = etree.parse(str(tmp_path / f"SOP-{code}.bpmn"))
    sop = SHIPPED[code]
    lanes = tree.findall(".//b:lane", BPMN)
    assert [lane.get("name") for lane in lanes] == list(sop.roles)
    tasks = tree.findall(".//b:task", BPMN)
    assert len(tasks) == len(sop.steps)
    gateways = tree.findall(".//b:exclusiveGateway", BPMN)
    assert len(gateways) == sum(s.is_decision for s in sop.steps)
    ids = {e.get("id") for e in tree.iter() if e.get("id")}
    flows = tree.findall(".//b:sequenceFlow", BPMN)
    for flow in flows:
        assert flow.get("sourceRef") in ids and flow.get("targetRef") in ids
    for step in (s for s in sop.steps if s.is_decision):
        out = {f.get("name"): f.get("targetRef") for f in flows if f.get("sourceRef") == f"Gateway_{step.no}"}
        assert out == {"Ya": f"Task_{step.if_yes}", "Tidak": f"Task_{step.if_no}"}
    notes = [t.text for t in tree.findall(".//b:textAnnotation/b:text", BPMN)]
    assert len(notes) == len(sop.steps)
    if code == "POLHUKAM":
        assert "Waktu: 10 Menit (PT10M)" in notes and "Waktu: 1 Hari (P1D)" in notes
    drawn = {s.get("bpmnElement") for s in tree.iter("{http://www.omg.org/spec/BPMN/20100524/DI}BPMNShape")}
    assert {t.get("id") for t in tasks + gateways} <= drawn
    lane_of = {ref.text: lane.get("name") for lane in lanes for ref in lane.findall("b:flowNodeRef", BPMN)}
    assert all(lane_of[f"Task_{s.no}"] == s.executors[0] for s in sop.steps)


def test_unknown_sop_is_refused(capsys):
    code, _, err = run(capsys, "sop", "render", ROOT / "workbook" / "iku.xlsx", "--sop", "NOPE")
    assert code == 1 and "POLHUKAM" in err


def test_render_macro_on_the_sop_sheet(demo_master, tmp_path, calc):
    import shutil

    from iku_xl.excel import macros
    from tests.calc.live import LiveWorkbook

    path = tmp_path / "iku.xlsx"
    shutil.copy(demo_master, path)
    workbook = LiveWorkbook(calc, path)
    try:
        workbook.select("B25", sheet="KEMNAKER")
        assert "SOP KEMNAKER dicetak" in macros.render_sop(workbook.book)
    finally:
        workbook.close()
    assert (tmp_path / "output" / "sop" / "SOP-KEMNAKER.pdf").exists()
    assert (tmp_path / "output" / "sop" / "SOP-KEMNAKER.bpmn").exists()
