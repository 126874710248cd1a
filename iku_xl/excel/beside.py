"""The files Excel's "Run main" needs beside a workbook: `<workbook name>.py` and `xlwings.conf`.

The xlwings add-in's "Run main" imports the module named as the workbook (`iku.xlsx` -> `import iku`) from the
workbook's folder and calls its `main()`; it reads settings from `xlwings.conf` in that folder, then from the
user's own `%USERPROFILE%\\.xlwings\\xlwings.conf`. The shared folder's file holds no interpreter: each colleague's
Python lives elsewhere, so it belongs in each user's own file (`xlwings config create`).
"""
from __future__ import annotations

import keyword
import re
import sys
from pathlib import Path

MARK = "Dibuat oleh iku-xl"
CONF_NAME = "xlwings.conf"
CONF_TEXT = '"SHOW CONSOLE","False"\n'
# settings that name one person's machine: never in the shared folder's xlwings.conf
PERSONAL_KEYS = ("INTERPRETER", "INTERPRETER_WIN", "INTERPRETER_MAC", "CONDA PATH", "CONDA ENV")


def module_text(workbook_name: str) -> str:
    return (f'"""Run main (pita xlwings) untuk {workbook_name}: aksi yang dipilih di lembar Panel. {MARK}.\n\n'
            "xlwings menjalankan main() dari berkas .py yang namanya sama dengan buku kerja: simpan berkas ini\n"
            "di samping buku kerja dan samakan namanya bila buku kerja diganti nama.\n"
            '"""\n'
            "from iku_xl.excel.macros import run_panel\n\n\n"
            "def main():\n"
            "    run_panel()\n")


def module_path(workbook: Path) -> Path:
    return workbook.with_suffix(".py")


def name_problem(workbook: Path) -> str | None:
    """Why "Run main" cannot import this workbook's name (in Indonesian), or None when it can."""
    stem = workbook.stem
    reason = None
    if re.search(r"\(\d+\)", stem):
        reason = 'mengandung "(1)" seperti salinan unduhan'
    elif " " in stem:
        reason = "mengandung spasi"
    elif stem[:1].isdigit():
        reason = "diawali angka"
    elif not stem.isidentifier() or not stem.isascii():
        reason = "mengandung tanda selain huruf, angka dan garis bawah"
    elif keyword.iskeyword(stem):
        reason = "sama dengan kata kunci Python"
    elif stem in sys.stdlib_module_names or stem.lower() in {"xlwings", "iku_xl", "openpyxl", "pandas"}:
        reason = f"sama dengan nama modul Python '{stem}' yang akan dimuat lebih dulu"
    if reason is None:
        return None
    return (f"Nama buku kerja '{workbook.name}' {reason}, sehingga 'Run main' tidak dapat memuat {stem}.py. "
            f"Ganti nama buku kerja, misalnya menjadi '{suggested_name(workbook)}', lalu jalankan "
            f"'iku-xl excel check --fix' di foldernya.")


def suggested_name(workbook: Path) -> str:
    stem = re.sub(r"\(\d+\)", "", workbook.stem)
    stem = re.sub(r"\W+", "_", stem.encode("ascii", "ignore").decode()).strip("_").lower() or "iku"
    if stem[0].isdigit() or keyword.iskeyword(stem) or stem in sys.stdlib_module_names:
        stem = f"iku_{stem}"
    return stem + workbook.suffix


def write_beside(workbook: Path) -> list[Path]:
    """Write `<name>.py` and `xlwings.conf` beside the workbook; a file staff wrote themselves stays as it is.
    Nothing is written for a name "Run main" cannot import (the check says why). Returns what was written."""
    written = []
    module = module_path(workbook)
    if name_problem(workbook) is None and (not module.exists() or MARK in _read(module)):
        text = module_text(workbook.name)
        if not module.exists() or _read(module) != text:
            module.write_text(text, encoding="utf-8", newline="\n")
            written.append(module)
    conf = workbook.parent / CONF_NAME
    if not conf.exists():
        conf.write_text(CONF_TEXT, encoding="utf-8", newline="\r\n")
        written.append(conf)
    return written


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def conf_keys(path: Path) -> dict[str, str]:
    """The settings of an xlwings.conf file ("KEY","value" a line, as VBA's Write # puts them)."""
    settings = {}
    for line in _read(path).splitlines():
        match = re.match(r'^\s*"([^"]*)"\s*,\s*"?(.*?)"?\s*$', line)
        if match:
            settings[match.group(1).upper()] = match.group(2)
    return settings
