"""Libraries imported ahead in a thread: what fails there is left for the caller's own import."""
import sys
import threading

from iku_xl.background_import import import_in_background


def _wait_for_imports() -> None:
    for thread in threading.enumerate():
        if thread.name == "iku-xl-import":
            thread.join(timeout=60)


def test_the_modules_are_imported_and_a_missing_one_raises_nothing_there(monkeypatch):
    monkeypatch.delitem(sys.modules, "colorsys", raising=False)
    import_in_background("iku_xl_no_such_library", "colorsys")  # the first fails: the rest is left alone
    _wait_for_imports()
    assert "colorsys" not in sys.modules
    import_in_background("colorsys")
    _wait_for_imports()
    assert "colorsys" in sys.modules
