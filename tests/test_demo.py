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
    documents = [p for p in result.files if p.suffix == ".docx" and "naskah" in p.parts]
    named = {kind for kind in DOCUMENT_KINDS if any(KINDS[kind].label in p.name for p in documents)}
    # both shipped ministries set their IKU by Peraturan Menteri; the Keputusan Menteri is for a profile that says so
    assert named == set(DOCUMENT_KINDS) - {"keputusan_iku"}
    if soffice():
        assert len([p for p in result.files if p.suffix == ".pdf" and "naskah" in p.parts]) == len(documents)
    assert {p.name for p in result.files if "sop" in p.parts} >= {"SOP-POLHUKAM.pdf", "SOP-KEMNAKER.pdf",
                                                                 "SOP-POLHUKAM.bpmn", "SOP-KEMNAKER.bpmn"}
    kinerja = {(p.parent.name, p.name) for p in result.files if "kinerja" in p.parts}
    for key, name in (("POLKAM", "Kementerian Koordinator Bidang Politik dan Keamanan"),
                      ("KEMNAKER", "Kementerian Ketenagakerjaan")):
        assert {(key, f"Manual IKU {name} Tahun 2025-2029.docx"), (key, f"Manual IKU {name} Tahun 2025-2029.xlsx"),
                (key, f"Matriks Cascading IKU {name} Tahun 2027.xlsx")} <= kinerja
    assert len([n for _, n in kinerja if n.startswith("Perjanjian Kinerja") and n.endswith(".docx")]) == 10
    assert all(p.exists() for p in result.files)
    statuses = {c["id"]: c["status"] for c in json.loads((tmp_path / "demo" / "status.json").read_text("utf-8"))}
    assert statuses["IKU-2026-001"] == "Selesai" and statuses["IKU-2026-004"] == "Dikembalikan"
