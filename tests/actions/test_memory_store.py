"""The store seam is complete: every action runs on a store that holds plain records in memory, with no workbook.

Each test reads the result from what the memory store committed, so an action that read or wrote a file, changed its
Book without telling the store, or forgot to commit fails here. The file store's own reader, lock and writer are
made to fail for the whole module, so no action can reach a workbook behind the store's back.
"""
from __future__ import annotations

import datetime as dt

import pytest

from iku_xl.actions import workflow
from iku_xl.actions.export import export_month
from iku_xl.actions.generate import generate
from iku_xl.actions.init import init_workbook
from iku_xl.actions.kinerja import make_kinerja
from iku_xl.actions.monitor import monitor
from iku_xl.actions.sop_document import export_bpmn, print_sop, render_sop_document
from iku_xl.actions.sop_import import import_sop
from iku_xl.actions.status import case_status
from iku_xl.actions.validate import validate_workbook
from iku_xl.core.case import Case
from iku_xl.core.register import DayOff
from iku_xl.core.values import as_moment, text_of
from iku_xl.errors import Refused
from iku_xl.shipped_sops import shipped_sop
from iku_xl.store import Store
from tests.importers.sop_files import sop_docx
from tests.memory_store import MemoryStore, plain_store

START = dt.datetime(2026, 12, 1, 8, 0)  # a Tuesday, before the tests' now (7 December 2026)


@pytest.fixture(autouse=True)
def no_workbook_file(monkeypatch):
    """Reading, locking or writing a workbook file fails the test: only the store may be spoken to."""
    def refuse(*args, **kwargs):
        raise AssertionError("an action went past the store to a workbook file")

    from iku_xl.workbook import file_store, reader, shared_file, writer

    for module, name in ((reader, "read_book"), (reader, "open_package"), (shared_file, "exclusive"),
                         (writer, "write_new_workbook"), (file_store.FileStore, "__enter__")):
        monkeypatch.setattr(module, name, refuse)


@pytest.fixture
def store(tmp_path) -> MemoryStore:
    return plain_store(tmp_path)


def saved_case(store: MemoryStore, case_id: str) -> Case:
    return next(c for c in store.saved.cases if c.id_text == case_id)


def test_init_makes_the_book_through_the_store_and_writes_no_file(tmp_path):
    store = plain_store(tmp_path)
    assert isinstance(store, Store)
    assert list(store.saved.sops) == ["POLHUKAM", "KEMNAKER"] and len(store.saved.cases) == 4
    assert store.saved.history and store.saved.settings.output_folder == "output"
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(Refused):
        init_workbook(store)  # no second workbook over the first without force


def test_validate_shows_its_findings_through_the_store(store):
    store.saved.cases[0].status = "Entah"
    report = validate_workbook(store)
    assert store.findings == report.findings
    assert any(f.case == store.saved.cases[0].id_text and "Entah" in f.message for f in report.errors)


def test_status_reads_what_the_store_holds(store):
    before = {s.id: s.status for s in case_status(store)}
    assert before == {c.id_text: c.status for c in store.saved.cases}
    store.saved.cases[-1].status = "Ditunda"
    assert case_status(store, store.saved.cases[-1].id_text)[0].status == "Ditunda"


def test_a_case_through_every_move(store):
    case_id = workflow.open_case(store, "KEMNAKER", "Reviu IKU uji", at=START).opened[0]
    assert (saved_case(store, case_id).step, saved_case(store, case_id).status) == (1, "Berjalan")

    def move(action, *args, hours: int, **kwargs):
        action(store, case_id, *args, at=START + dt.timedelta(hours=hours), **kwargs)
        case = saved_case(store, case_id)
        return case.step, case.status

    assert move(workflow.advance, hours=1) == (2, "Berjalan")
    assert move(workflow.advance, False, hours=2) == (1, "Dikembalikan")       # return at the decision step
    assert move(workflow.advance, hours=3) == (2, "Berjalan")
    assert move(workflow.hold, "menunggu data", hours=4) == (2, "Ditunda")
    assert move(workflow.resume, None, hours=5) == (2, "Berjalan")
    assert move(workflow.undo, hours=6) == (2, "Ditunda")                    # the resume undone
    assert move(workflow.cancel, "tidak dilanjutkan", hours=7) == (2, "Dibatalkan")
    own = [text_of(h.action) for h in store.saved.history if text_of(h.case_id) == case_id]
    assert own == ["Maju", "Maju", "Maju", "Tunda", "Lanjut", "Urungkan", "Batal"]
    assert all("KEMNAKER" in refreshed for refreshed in store.tracked[-8:])  # its tracking followed every move
    assert len([c for c in store.saved.cases if c.id_text == case_id]) == 1


def test_a_typed_row_is_opened_in_its_place_and_lacak_rebuilt(store):
    store.saved.cases.insert(1, Case(id=None, title="Diketik langsung", sop="POLHUKAM"))
    change = workflow.rebuild_tracking(store)
    assert change.opened and store.tracked[-1] == {"POLHUKAM", "KEMNAKER"}
    typed = store.saved.cases[1]
    assert (typed.id_text, typed.title, typed.step) == (change.opened[0], "Diketik langsung", 1)
    assert len(store.saved.cases) == 5


def test_reschedule_follows_a_new_day_off(store):
    open_case = next(c for c in store.saved.cases if text_of(c.status) == "Berjalan" and as_moment(c.due))
    due = as_moment(open_case.due)
    store.saved.days_off.append(DayOff(dt.datetime.combine(due.date(), dt.time()), "Cuti bersama", "Cuti Bersama"))
    change = workflow.reschedule(store)
    assert open_case.id_text in change.message
    assert as_moment(saved_case(store, open_case.id_text).due) > due
    assert text_of(store.saved.history[-1].action) == "Jadwal Ulang"


def test_generate_numbers_in_the_store_and_links_each_case(store, tmp_path):
    case_id = next(c.id_text for c in store.saved.cases if text_of(c.status) == "Berjalan")
    numbers = len(store.saved.numbers)
    result = generate(store, [case_id], ["nota_dinas"])
    assert result.files and all(f.is_relative_to(tmp_path / "output" / case_id) and f.exists() for f in result.files)
    assert len(store.saved.numbers) == numbers + len(result.numbers) and result.numbers
    assert store.links[("Kasus", case_id, "documents")][1] == f"{len(result.files)} naskah"


def test_export_reads_the_store(store, tmp_path):
    result = export_month(store, "2026-11")
    assert result.report.has_activity
    assert all(f.is_relative_to(tmp_path / "output" / "ekspor" / "2026-11") for f in result.files)


def test_sop_prints_from_the_store(store, tmp_path):
    prints = print_sop(store, "KEMNAKER")
    assert prints.pdf.exists() and prints.pages and prints.bpmn.exists()
    assert prints.folder == tmp_path / "output" / "sop"
    assert export_bpmn(store, "POLHUKAM").exists()
    assert render_sop_document(store, "polhukam", tmp_path / "elsewhere")[0].parent == tmp_path / "elsewhere"


def test_sop_import_adds_the_sop_and_its_register_row(store, tmp_path):
    source = sop_docx(shipped_sop("KEMNAKER"), tmp_path / "SOP Kemnaker.docx")
    import_sop(source, "NAKER2", store)
    assert list(store.saved.sops) == ["POLHUKAM", "KEMNAKER", "NAKER2"]
    assert "NAKER2" in [text_of(e.code) for e in store.saved.sop_register]
    with pytest.raises(Refused, match="sudah ada"):
        import_sop(source, "NAKER2", store)
    assert workflow.open_case(store, "NAKER2", "Uji SOP impor", at=START).opened


def test_monitor_and_kinerja_write_through_the_store(store, tmp_path):
    result = monitor(store, "2026-2", templates=None)
    assert {r.code for r in result.reports} == {"POLHUKAM", "KEMNAKER"}
    assert {text_of(e.code): text_of(e.monitoring) for e in store.saved.sop_register} == {
        "POLHUKAM": "2026-2", "KEMNAKER": "2026-2"}
    made = make_kinerja(store, 2027)
    assert made.files and all(f.exists() for f in made.files)
    assert len(store.saved.numbers) >= len(made.numbers)


def test_every_store_has_every_method_of_the_interface():
    """The file store, the live store and this one implement each method `Store` declares, with its parameters."""
    import inspect

    from iku_xl.excel.live_store import LiveStore
    from iku_xl.workbook.file_store import FileStore

    declared = {name: inspect.signature(member) for name, member in vars(Store).items()
                if callable(member) and (not name.startswith("_") or name in ("__enter__", "__exit__"))}
    assert {"save_cases", "append_history", "add_sop", "save_register", "show_findings", "commit"} <= set(declared)
    for store in (FileStore, LiveStore, MemoryStore):
        for name, signature in declared.items():
            own = inspect.signature(getattr(store, name))
            assert name.startswith("__") or list(own.parameters)[1:] == list(signature.parameters)[1:], \
                (store.__name__, name)
        assert isinstance(store.output, property), store.__name__
