"""`iku-xl excel check`: what Excel's path to the Panel needs on this machine and beside a workbook, each item
said in Indonesian with how to fix it. Run main fails before any of our code runs when one is missing, with an
English traceback or nothing at all, so the check runs from the command line (and as a Panel action).
"""
from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from . import beside

XLWINGS_VERSION = "0.37.8"  # the version the macros and the Calc engine are tested with


@dataclass
class Item:
    label: str
    ok: bool
    message: str

    def line(self) -> str:
        return f"{'OK   ' if self.ok else 'PERLU'}  {self.label}: {self.message}"


def user_config(environ=os.environ, platform: str = sys.platform) -> Path:
    """Each user's own xlwings settings, where xlwings (and `xlwings config create`) keep them."""
    if platform == "darwin":
        return Path(environ.get("HOME", str(Path.home()))) / "Library" / "Containers" / "com.microsoft.Excel" / \
            "Data" / "xlwings.conf"
    return Path(environ.get("USERPROFILE") or environ.get("HOME") or str(Path.home())) / ".xlwings" / "xlwings.conf"


def addin_places(environ=os.environ, platform: str = sys.platform) -> list[Path]:
    """Where `xlwings addin install` puts xlwings.xlam: the user's Excel start-up folder."""
    if platform == "win32":
        appdata = environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return [Path(appdata) / "Microsoft" / "Excel" / "XLSTART" / "xlwings.xlam"]
    home = Path(environ.get("HOME", str(Path.home())))
    return [home / "Library" / "Group Containers" / "UBF8T346G9.Office" / "User Content.localized" /
            "Startup.localized" / "Excel" / "xlwings.xlam",
            home / "Library" / "Containers" / "com.microsoft.Excel" / "Data" / "Library" / "Application Support" /
            "Microsoft" / "Office" / "Startup.localized" / "Excel" / "xlwings.xlam"]


def check_python(environ=os.environ, platform: str = sys.platform, which=shutil.which, run=subprocess.run) -> Item:
    """The Python Excel starts: the user's INTERPRETER_WIN/_MAC, else `pythonw`/`python` on PATH (as the add-in
    does), and that it loads iku_xl and xlwings."""
    label = "Python untuk Excel"
    key = "INTERPRETER_MAC" if platform == "darwin" else "INTERPRETER_WIN"
    configured = beside.conf_keys(user_config(environ, platform)).get(key) or \
        beside.conf_keys(user_config(environ, platform)).get("INTERPRETER")
    if configured:
        python = configured if Path(configured).is_file() else which(configured)
        if python is None:
            return Item(label, False, f"{key} di {user_config(environ, platform)} menunjuk '{configured}', yang tidak "
                        "ada. Jalankan 'xlwings config create --force' dengan Python yang dipakai iku-xl.")
    else:
        names = ("pythonw", "python") if platform == "win32" else ("python3", "python")
        python = next((found for name in names if (found := which(name))), None)
        if python is None:
            return Item(label, False, "Python tidak ditemukan di PATH. Pasang Python 3.11+ dari python.org dengan "
                        "centang 'Add python.exe to PATH', atau jalankan 'xlwings config create' agar lokasi Python "
                        "Anda ditulis ke konfigurasi xlwings milik Anda sendiri.")
    if "windowsapps" in python.lower():
        return Item(label, False, f"'{python}' adalah pintasan Microsoft Store, bukan Python yang terpasang. Pasang "
                    "Python 3.11+ dari python.org (centang 'Add python.exe to PATH'), atau matikan pintasannya di "
                    "Settings > Apps > Advanced app settings > App execution aliases.")
    try:
        same = Path(python).resolve() == Path(sys.executable).resolve()
    except OSError:
        same = False
    if not same:
        try:
            probe = run([python, "-c", "import iku_xl, xlwings"], capture_output=True, timeout=60)
            loads = probe.returncode == 0
        except (OSError, subprocess.SubprocessError):
            loads = False
        if not loads:
            return Item(label, False, f"{python} belum bisa memuat iku_xl dan xlwings. Jalankan "
                        f"'\"{python}\" -m pip install -e \".[excel]\"' di folder program, atau jalankan "
                        "'xlwings config create --force' dengan Python tempat iku-xl terpasang.")
    return Item(label, True, f"{python}" + (f" (dari {key} di konfigurasi Anda sendiri)" if configured else ""))


def check_xlwings() -> Item:
    label = "Paket xlwings"
    if importlib.util.find_spec("xlwings") is None:
        return Item(label, False, "belum terpasang. Jalankan 'python -m pip install -e \".[excel]\"' di folder "
                    "program.")
    version = importlib.metadata.version("xlwings")
    if version != XLWINGS_VERSION:
        return Item(label, False, f"versi {version}, sedangkan iku-xl diuji dengan {XLWINGS_VERSION}. Jalankan "
                    f"'python -m pip install xlwings=={XLWINGS_VERSION}', lalu 'xlwings addin install'.")
    return Item(label, True, f"versi {version}")


def check_addin(environ=os.environ, platform: str = sys.platform) -> Item:
    label = "Add-in xlwings di Excel"
    if platform not in ("win32", "darwin"):
        return Item(label, True, "tidak ada Excel di sistem ini; di LibreOffice Calc pakai 'iku-xl calc install'")
    places = addin_places(environ, platform)
    found = next((p for p in places if p.is_file()), None)
    if found is None:
        return Item(label, False, f"xlwings.xlam tidak ada di {places[0].parent}. Jalankan 'xlwings addin install', "
                    "lalu tutup dan buka lagi Excel: tab xlwings muncul di pita.")
    return Item(label, True, str(found))


def check_workbook(workbook: Path) -> list[Item]:
    """What must be beside the workbook, and its name."""
    items = []
    problem = beside.name_problem(workbook)
    items.append(Item("Nama buku kerja", problem is None, problem or f"'{workbook.name}' dapat dimuat oleh Run main"))
    module = beside.module_path(workbook)
    if problem is None:
        text = beside._read(module) if module.exists() else ""
        if not module.exists():
            items.append(Item(f"Berkas {module.name}", False, f"tidak ada di samping {workbook.name}, sehingga "
                              f"Run main berkata 'No module named {workbook.stem}'. Jalankan "
                              f"'iku-xl excel check \"{workbook}\" --fix'."))
        elif "run_panel" not in text:
            items.append(Item(f"Berkas {module.name}", False, "ada tetapi tidak menjalankan Panel iku-xl (tidak "
                              "memanggil run_panel). Ganti namanya, lalu jalankan 'iku-xl excel check --fix'."))
        else:
            items.append(Item(f"Berkas {module.name}", True, "ada di samping buku kerja"))
    conf = workbook.parent / beside.CONF_NAME
    personal = [k for k in beside.conf_keys(conf) if k in beside.PERSONAL_KEYS]
    if not conf.exists():
        items.append(Item(beside.CONF_NAME, False, f"tidak ada di samping {workbook.name}. Jalankan "
                          f"'iku-xl excel check \"{workbook}\" --fix'."))
    elif personal:
        items.append(Item(beside.CONF_NAME, False, f"xlwings.conf bersama berisi {', '.join(personal)}, lokasi "
                          "Python satu komputer; rekan lain gagal menjalankannya. Hapus baris itu; setiap pengguna "
                          "menjalankan 'xlwings config create' sekali (konfigurasinya sendiri)."))
    else:
        items.append(Item(beside.CONF_NAME, True, "ada, tanpa lokasi Python pribadi"))
    items.append(check_vba(workbook))
    return items


def check_vba(workbook: Path) -> Item:
    """Buttons from iku_macros.bas call RunPython, which needs a reference to the xlwings add-in; Run main does not.
    The reference sits in the compressed VBA project, which only Excel reads: the check says how to look."""
    label = "Referensi VBA ke xlwings"
    if workbook.suffix.lower() != ".xlsm":
        return Item(label, True, "tidak perlu: buku kerja .xlsx tanpa makro VBA memakai Run main")
    return Item(label, True, "tidak dapat diperiksa dari luar Excel. Bila tombol berkata 'Sub or Function not "
                "defined', buka Alt+F11 > Tools > References dan centang xlwings")


def check_setup(workbook: Path | None) -> list[Item]:
    items = [check_python(), check_xlwings(), check_addin()]
    if workbook is not None:
        items += check_workbook(workbook)
    return items
