"""The package is complete: built as a wheel and installed in a fresh venv, it runs in an empty folder."""
from __future__ import annotations

import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

from tests.helpers import ROOT


def test_a_wheel_installed_in_a_fresh_venv_makes_a_workbook_documents_and_an_sop_print(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q",
                    "-w", str(wheels)], check=True, capture_output=True, timeout=300)
    wheel = next(wheels.glob("iku_xl-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "iku_xl/templates/nota_dinas.docx" in names and "iku_xl/data/seeds/KEMNAKER.txt" in names
    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=True)
    python = fresh / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True, capture_output=True,
                   timeout=300)
    # the libraries it needs come from this test's own environment, as a plain path (no editable finder)
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    empty = tmp_path / "kosong"
    empty.mkdir()
    iku = [python, "-m", "iku_xl"]
    where = subprocess.run([*iku[:1], "-c", "import iku_xl; print(iku_xl.__file__)"], cwd=empty, capture_output=True,
                           text=True, check=True).stdout
    assert str(fresh) in where, where
    for args in (["init", "iku.xlsx", "--demo"],
                 ["generate", "iku.xlsx", "--case", "IKU-2026-002", "--doc", "nota_dinas"],
                 ["sop", "render", "iku.xlsx", "--sop", "KEMNAKER"]):
        done = subprocess.run([*iku, *args], cwd=empty, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, (args, done.stderr)
    assert (empty / "iku.xlsx").exists()
    assert list((empty / "output" / "IKU-2026-002").glob("*.docx"))
    assert (empty / "output" / "sop" / "SOP-KEMNAKER.pdf").exists()
