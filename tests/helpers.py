"""What the tests share besides fixtures: where things are, running the command line, editing cells."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from iku_xl.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT / "iku_xl" / "data" / "seeds"  # the seed SOPs as shipped (provenance: README.md there)
POLHUKAM_SEED = SEEDS / "POLHUKAM.txt"
KEMNAKER_SEED = SEEDS / "KEMNAKER.txt"
EXCEL_MADE = FIXTURES / "excel_made"  # files Excel itself saved (provenance and licence: README.md there)
# "now" for every test (tests/conftest.py sets it): a Monday morning after every date in the fixtures and the
# demo's story (cases opened October-November 2026, a move on 1 December), so no move is "in the future"
TEST_NOW = "2026-12-07T10:00"


def now_at(monkeypatch, moment: str) -> None:
    """Run the rest of the test at `moment` (ISO, e.g. 2027-01-04T09:00), as the program sees it."""
    from iku_xl import clock

    monkeypatch.setenv(clock.ENV, moment)


def edit(path: Path, changes: dict[str, dict[str, object]]) -> Path:
    """Change cells as a user would in Excel: {sheet: {cell: value}}."""
    workbook = load_workbook(path)
    for sheet, cells in changes.items():
        for ref, value in cells.items():
            workbook[sheet][ref] = value
    workbook.save(path)
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_convert(source: Path, fmt: str, out_dir: Path) -> Path:
    """Convert with LibreOffice headless, in a profile of its own; returns the new file."""
    binary = soffice()
    if binary is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc and -writer")
    profile = out_dir / "lo-profile"
    subprocess.run([binary, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(out_dir), str(source)], check=True, capture_output=True, timeout=180)
    produced = out_dir / f"{source.stem}.{fmt.split(':')[0]}"
    assert produced.exists(), f"LibreOffice did not write {produced}"
    return produced
