"""The README's demo command: everything the program makes, end to end, on the bundled data."""
import json

from iku_xl.actions.demo import run_demo
from iku_xl.core.document_kinds import DOCUMENT_KINDS, KINDS
from iku_xl.documents.pdf import soffice


def test_demo_runs_end_to_end(tmp_path):
    result = run_demo(tmp_path / "demo")
    report = json.loads((tmp_path / "demo" / "validasi.json").read_text(encoding="utf-8"))
    assert [i for i in report["issues"] if i["level"] == "error"] == []
    assert report["cases"] == 5
    documents = [p for p in result.files if p.suffix == ".docx"]
    named = {kind for kind in DOCUMENT_KINDS if any(KINDS[kind].label in p.name for p in documents)}
    # both shipped ministries set their IKU by Peraturan Menteri; the Keputusan Menteri is for a profile that says so
    assert named == set(DOCUMENT_KINDS) - {"keputusan_iku"}
    if soffice():
        assert len([p for p in result.files if p.suffix == ".pdf" and "naskah" in p.parts]) == len(documents)
    assert {p.name for p in result.files if "sop" in p.parts} >= {"SOP-POLHUKAM.pdf", "SOP-KEMNAKER.pdf",
                                                                 "SOP-POLHUKAM.bpmn", "SOP-KEMNAKER.bpmn"}
    assert all(p.exists() for p in result.files)
    statuses = {c["id"]: c["status"] for c in json.loads((tmp_path / "demo" / "status.json").read_text("utf-8"))}
    assert statuses["IKU-2026-001"] == "Selesai" and statuses["IKU-2026-004"] == "Dikembalikan"
