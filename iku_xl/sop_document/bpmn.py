"""The SOP as BPMN 2.0 (opens in bpmn.io and Camunda Modeler): a pool with one lane per role,
a task per step, an exclusive gateway after each decision, Waktu as text annotations."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..core.sop import Sop, StepKind
from ..core.waktu import Duration, TimeUnit

LANE_HEIGHT, TASK_W, TASK_H, GATE, STEP_X = 130, 110, 70, 50, 170
LEFT = 180  # room for the pool and lane names


def iso_duration(duration: Duration) -> str:
    amount = int(duration.amount) if float(duration.amount).is_integer() else duration.amount
    return {TimeUnit.MENIT: f"PT{amount}M", TimeUnit.JAM: f"PT{amount}H", TimeUnit.HARI: f"P{amount}D"}[duration.unit]


def sop_to_bpmn(sop: Sop) -> str:
    steps = [s for s in sop.steps if isinstance(s.no, int)]
    lane_of = {s.no: (s.executors[0] if s.executors and s.executors[0] in sop.roles else sop.roles[0]) for s in steps}
    lane_y = {role: 60 + i * LANE_HEIGHT for i, role in enumerate(sop.roles)}
    width = LEFT + STEP_X * (len(steps) + 2)
    nodes: list[str] = []
    flows: list[str] = []
    shapes: list[str] = []
    edges: list[str] = []
    annotations: list[tuple[str, str, str, float, float]] = []
    centre: dict[str, tuple[float, float]] = {}

    def shape(node_id, x, y, w, h):
        centre[node_id] = (x + w / 2, y + h / 2)
        shapes.append(f'<bpmndi:BPMNShape id="{node_id}_di" bpmnElement="{node_id}"><dc:Bounds x="{x}" y="{y}" '
                      f'width="{w}" height="{h}"/></bpmndi:BPMNShape>')

    def flow(source, target, name=""):
        flow_id = f"Flow_{len(flows) + 1}"
        label = f" name={quoteattr(name)}" if name else ""
        flows.append(f'<sequenceFlow id="{flow_id}" sourceRef="{source}" targetRef="{target}"{label}/>')
        (x1, y1), (x2, y2) = centre[source], centre[target]
        edges.append(f'<bpmndi:BPMNEdge id="{flow_id}_di" bpmnElement="{flow_id}"><di:waypoint x="{x1:.0f}" '
                     f'y="{y1:.0f}"/>'
                     f'<di:waypoint x="{x1:.0f}" y="{y2:.0f}"/><di:waypoint x="{x2:.0f}" '
                     f'y="{y2:.0f}"/></bpmndi:BPMNEdge>')

    members: dict[str, list[str]] = {role: [] for role in sop.roles}
    first_lane = lane_of[steps[0].no] if steps else sop.roles[0]
    nodes.append('<startEvent id="Start" name="Mulai"/>')
    shape("Start", LEFT + 20, lane_y[first_lane] + (LANE_HEIGHT - 36) / 2, 36, 36)
    members[first_lane].append("Start")
    for index, step in enumerate(steps, start=1):
        task, lane = f"Task_{step.no}", lane_of[step.no]
        others = [r for r in step.executors[1:]]
        doc = f"<documentation>{escape('Bersama: ' + ', '.join(others))}</documentation>" if others else ""
        nodes.append(f'<task id="{task}" name={quoteattr(f"{step.no}. {step.kegiatan}")}>{doc}</task>')
        x = LEFT + index * STEP_X
        shape(task, x, lane_y[lane] + (LANE_HEIGHT - TASK_H) / 2, TASK_W, TASK_H)
        members[lane].append(task)
        if step.is_decision:
            gate = f"Gateway_{step.no}"
            nodes.append(f'<exclusiveGateway id="{gate}" name={quoteattr(f"Keputusan langkah {step.no}")}/>')
            shape(gate, x + TASK_W + 8, lane_y[lane] + (LANE_HEIGHT - GATE) / 2 - 40, GATE, GATE)
            members[lane].append(gate)
        duration = step.duration
        text = f"Waktu: {duration} ({iso_duration(duration)})" if isinstance(duration, Duration) else \
            f"Waktu: {step.waktu or 'tidak ditentukan'}"
        annotations.append((f"Note_{step.no}", task, text, x, lane_y[lane] + 4))
    nodes.append('<endEvent id="End" name="Selesai"/>')
    last_lane = lane_of[steps[-1].no] if steps else sop.roles[0]
    shape("End", LEFT + (len(steps) + 1) * STEP_X, lane_y[last_lane] + (LANE_HEIGHT - 36) / 2, 36, 36)
    members[last_lane].append("End")

    if steps:
        flow("Start", f"Task_{steps[0].no}")
    for step in steps:
        task = f"Task_{step.no}"
        if step.is_decision:
            gate = f"Gateway_{step.no}"
            flow(task, gate)
            for target, name in ((step.if_yes, "Ya"), (step.if_no, "Tidak")):
                if isinstance(target, int) and sop.step(target):
                    flow(gate, f"Task_{target}", name)
            continue
        following = sop.next_step(step, True)
        if step.kind == StepKind.SELESAI or following is None:
            flow(task, "End")
        else:
            flow(task, f"Task_{following}")

    lanes = "".join(f'<lane id="Lane_{i}" name={quoteattr(role)}>'
                    + "".join(f"<flowNodeRef>{n}</flowNodeRef>" for n in members[role]) + "</lane>"
                    for i, role in enumerate(sop.roles, start=1))
    lane_shapes = "".join(f'<bpmndi:BPMNShape id="Lane_{i}_di" bpmnElement="Lane_{i}" isHorizontal="true">'
                          f'<dc:Bounds x="{LEFT - 150}" y="{lane_y[role]}" width="{width - LEFT + 150}" '
                          f'height="{LANE_HEIGHT}"/></bpmndi:BPMNShape>' for i, role in enumerate(sop.roles, start=1))
    notes = "".join(f'<textAnnotation id="{n}"><text>{escape(t)}</text></textAnnotation>'
                    f'<association id="{n}_link" sourceRef="{task}" '
                    f'targetRef="{n}"/>' for n, task, t, _, _ in annotations)
    note_shapes = "".join(f'<bpmndi:BPMNShape id="{n}_di" bpmnElement="{n}"><dc:Bounds x="{x}" y="{y}" '
                          f'width="{TASK_W}" '
                          f'height="22"/></bpmndi:BPMNShape>' for n, _, _, x, y in annotations)
    pool_height = LANE_HEIGHT * max(len(sop.roles), 1)
    title = sop.identity.judul or sop.code
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
        'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
        f'id="Definitions_{sop.code}" targetNamespace="https://iku-xl/sop/{sop.code}" exporter="iku-xl">'
        f'<collaboration id="Collaboration_{sop.code}">'
        f'<participant id="Pool" name={quoteattr(f"SOP {sop.code}: {title}")} '
        f'processRef="Process_{sop.code}"/></collaboration>'
        f'<process id="Process_{sop.code}" name={quoteattr(title)} isExecutable="false">'
        f'<laneSet id="LaneSet_1">{lanes}</laneSet>{"".join(nodes)}{"".join(flows)}{notes}</process>'
        f'<bpmndi:BPMNDiagram id="Diagram_1"><bpmndi:BPMNPlane id="Plane_1" bpmnElement="Collaboration_{sop.code}">'
        f'<bpmndi:BPMNShape id="Pool_di" bpmnElement="Pool" isHorizontal="true"><dc:Bounds x="{LEFT - 180}" y="60" '
        f'width="{width - LEFT + 180}" height="{pool_height}"/></bpmndi:BPMNShape>'
        f"{lane_shapes}{''.join(shapes)}{note_shapes}{''.join(edges)}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>"
        "</definitions>\n"
    )
