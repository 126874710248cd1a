"""Heavy libraries imported in a background thread while an action reads the workbook."""
from __future__ import annotations

import importlib
import threading


def import_in_background(*modules: str) -> None:
    """Start importing `modules` (third-party libraries that never import this program, so the two threads can
    only wait for each other's module, never both) while the caller goes on reading the workbook: calamine and
    zlib let go of the GIL, so pandas' 0.3 s of import mostly overlaps the read (an export at 5k cases: about
    0.25 s sooner, measured). An import that fails here is left for the caller's own import to raise."""
    def run() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # the caller's import says what is missing, in its own words
                return

    # not a daemon: where the interpreter finalizes (the macros' Python, the tests) it waits for the import
    # instead of cutting an extension module's initialisation off; the console command leaves by os._exit
    threading.Thread(target=run, name="iku-xl-import", daemon=False).start()
