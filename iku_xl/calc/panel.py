"""The Panel inside LibreOffice Calc: the same macros, on the open document, through the UNO engine.

`install()` writes a small Python script module into the LibreOffice user profile (Tools > Macros >
Run Macro > My Macros > iku_xl_panel). Each of its macros calls `run_in_calc`, which puts the document
behind xlwings (calc.engine) and runs the action of `iku_xl.excel.macros` that Excel runs.

LibreOffice runs the script in its own Python: on Linux that is the system's python3 (Debian's
python3-uno), so iku-xl must be installed for a Python of the same version; the script says so in a
message box when it is not.
"""
from __future__ import annotations

import os
import site
import sys
import sysconfig
from pathlib import Path

SCRIPT_NAME = "iku_xl_panel.py"
# macro name in the script -> the action in iku_xl.excel.macros (None: the one chosen on the Panel)
MACROS = {
    "jalankan_panel": None,
    "periksa_pemasangan": "check_setup",
    "periksa_buku_kerja": "validate",
    "buka_kasus_yang_diketik": "open_cases",
    "selesaikan_langkah": "advance",
    "kembalikan_kasus": "return_case",
    "tunda_kasus": "hold",
    "lanjutkan_kasus": "resume",
    "batalkan_kasus": "cancel",
    "urungkan": "undo",
    "buat_naskah_dinas": "generate",
    "ekspor_bulanan": "export",
    "buat_ulang_lacak": "rebuild_tracking",
    "cetak_sop": "render_sop",
    "impor_sop": "import_sop",
    "monitoring_sop": "monitor",
    "buat_dokumen_kinerja": "kinerja",
}


def default_profile() -> Path:
    """LibreOffice's user profile folder on this machine."""
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "LibreOffice" / "4" / "user"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "LibreOffice" / "4" / "user"
    return Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "libreoffice" / "4" / "user"


def _import_folders() -> list[str]:
    """Where this Python finds iku_xl and its libraries; .pth files there (editable installs) count too."""
    package_parent = str(Path(__file__).resolve().parents[2])
    folders = [sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()]
    if site.ENABLE_USER_SITE:
        folders.append(site.getusersitepackages())
    return list(dict.fromkeys([package_parent, *folders]))


def script_text() -> str:
    lines = [
        '"""iku-xl: Panel di LibreOffice Calc. Dibuat oleh "iku-xl calc install"; pasang ulang, jangan diubah."""',
        "import site",
        "import sys",
        "",
        f"FOLDERS = {_import_folders()!r}",
        f"PYTHON = {tuple(sys.version_info[:2])!r}",
        "",
        "",
        "def _run(action):",
        "    if tuple(sys.version_info[:2]) != PYTHON:",
        "        from iku_xl_panel_message import tell  # noqa",
        "    for folder in FOLDERS:",
        "        site.addsitedir(folder)",
        "    from iku_xl.calc.panel import run_in_calc",
        "",
        "    return run_in_calc(XSCRIPTCONTEXT, action, PYTHON)  # noqa: F821 - given by LibreOffice",
        "",
    ]
    for name, action in MACROS.items():
        lines += ["", f"def {name}(*args):", f"    return _run({action!r})", ""]
    lines += ["", f"g_exportedScripts = ({', '.join(MACROS)},)", ""]
    text = "\n".join(lines)
    # a LibreOffice of another Python version cannot load the libraries: say so instead of failing
    return text.replace("        from iku_xl_panel_message import tell  # noqa\n", _VERSION_BOX)


_VERSION_BOX = '''        document = XSCRIPTCONTEXT.getDocument()  # noqa: F821
        window = document.getCurrentController().getFrame().getContainerWindow()
        toolkit = window.getToolkit()
        text = ("Python LibreOffice ini versi %d.%d, sedangkan iku-xl dipasang untuk Python %d.%d. Pasang "
                "iku-xl untuk Python yang dipakai LibreOffice, lalu jalankan lagi 'iku-xl calc install'."
                % (sys.version_info[0], sys.version_info[1], PYTHON[0], PYTHON[1]))
        import uno
        kind = uno.Enum("com.sun.star.awt.MessageBoxType", "ERRORBOX")
        toolkit.createMessageBox(window, kind, 1, "iku-xl", text).execute()
        return text
'''


TOOLBAR_NAME = "custom_toolbar_iku_xl"
TOOLBAR_URL = f"private:resource/toolbar/{TOOLBAR_NAME}"


def macro_url(macro: str) -> str:
    """The address LibreOffice runs a macro of the installed script by (what a toolbar button dispatches)."""
    return f"vnd.sun.star.script:{SCRIPT_NAME}${macro}?language=Python&location=user"


def toolbar_buttons() -> list[tuple[str, str]]:
    """(label, macro) for each Panel action, in the Panel's order: one click runs one action."""
    from ..excel import macros

    by_action = {action: name for name, action in MACROS.items() if action}
    return [(label.split(" (")[0], by_action[function.__name__]) for label, function in macros.PANEL_ACTIONS.items()]


def toolbar_xml() -> bytes:
    """Calc's custom toolbar "iku-xl" (a file in the user profile, as Tools > Customize > Toolbars writes it)."""
    from lxml import etree

    toolbar, xlink = "http://openoffice.org/2001/toolbar", "http://www.w3.org/1999/xlink"
    root = etree.Element(f"{{{toolbar}}}toolbar", nsmap={"toolbar": toolbar, "xlink": xlink})
    root.set(f"{{{toolbar}}}uiname", "iku-xl")
    for label, macro in toolbar_buttons():
        item = etree.SubElement(root, f"{{{toolbar}}}toolbaritem")
        item.set(f"{{{xlink}}}href", macro_url(macro))
        item.set(f"{{{toolbar}}}text", label)
        item.set(f"{{{toolbar}}}style", "text")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def install(profile: Path | None = None) -> Path:
    """Write the script module into the profile's Scripts/python folder, and the iku-xl toolbar whose buttons
    run its macros; returns the script's path."""
    import importlib.util

    from ..errors import Refused

    if importlib.util.find_spec("xlwings") is None:
        raise Refused('Paket xlwings belum terpasang untuk Python ini; jalankan dulu '
                      '\'python -m pip install -e ".[excel]"\' di folder program, lalu ulangi.')
    folder = (profile or default_profile()) / "Scripts" / "python"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / SCRIPT_NAME
    target.write_text(script_text(), encoding="utf-8")
    toolbars = (profile or default_profile()) / "config" / "soffice.cfg" / "modules" / "scalc" / "toolbar"
    toolbars.mkdir(parents=True, exist_ok=True)
    (toolbars / f"{TOOLBAR_NAME}.xml").write_bytes(toolbar_xml())
    return target


def run_in_calc(script_context, action: str | None, python: tuple[int, int] | None = None) -> str:
    """One macro on the document the script runs for; message boxes over its window (recorded when hidden)."""
    import uno

    from ..excel import macros
    from .engine import App, wrap

    document = script_context.getDocument()
    window = document.getCurrentController().getFrame().getContainerWindow()
    app = App(script_context.getDesktop(), script_context.getComponentContext(), os.getpid(),
              headless=not window.isVisible(), window=window)
    path = uno.fileUrlToSystemPath(document.URL) if document.URL else ""
    book = wrap(app, document, path)
    try:
        function = macros.run_panel if action is None else getattr(macros, action)
        said: str = function(book)  # the macros are typed; getattr hides it
        return said
    finally:
        app.release()
