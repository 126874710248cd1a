#!/usr/bin/env python3
"""The project's commands, needing only python3: `python3 tasks.py demo` and `python3 tasks.py test`.

Also `check` (ruff and mypy), `workbook` (rewrite workbook/iku.xlsx), `pictures` (the README's pictures) and
`bench`.
Each creates .venv on first use and installs the package into it.
"""
from __future__ import annotations

import hashlib
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if sys.platform == "win32" else "bin")
STAMP = VENV / ".installed"


def ensure_venv() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not (BIN / "python").exists():
        try:
            venv.create(VENV, with_pip=True)
        except Exception as error:  # Debian without python3-venv
            sys.exit(f"Tidak bisa membuat .venv ({error}). Di Debian/Ubuntu pasang dulu: apt-get install python3-venv")
    subprocess.run([BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([BIN / "python", "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test,excel,check]"],
                   check=True)
    STAMP.write_text(wanted)


def main() -> int:
    task = sys.argv[1] if len(sys.argv) > 1 else "help"
    if task not in ("demo", "test", "check", "workbook", "bench", "pictures"):
        print(__doc__)
        return 2
    ensure_venv()
    if task == "demo":
        return subprocess.run([BIN / "iku-xl", "demo", "--out", "output/demo"], cwd=ROOT).returncode
    if task == "workbook":
        return subprocess.run([BIN / "iku-xl", "init", "workbook/iku.xlsx", "--force"], cwd=ROOT).returncode
    if task == "check":
        lint = subprocess.run([BIN / "ruff", "check", "."], cwd=ROOT).returncode
        types = subprocess.run([BIN / "mypy"], cwd=ROOT).returncode
        return lint or types
    if task == "pictures":
        return subprocess.run([BIN / "python", "tools/make_pictures.py"], cwd=ROOT).returncode
    if task == "bench":
        return subprocess.run([BIN / "python", "bench/run.py"], cwd=ROOT).returncode
    return subprocess.run([BIN / "python", "-m", "pytest", *sys.argv[2:]], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
