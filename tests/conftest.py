"""Shared fixtures: workbooks made by the program, the seeds in ../shared, a way to edit cells."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from iku_xl.actions.init import init_workbook
from iku_xl.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
POLHUKAM_SEED = SEEDS / "000_893022443de9db37.txt"
KEMNAKER_SEED = SEEDS / "004_4e4673fc01ac9a65.txt"


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("master") / "iku.xlsx"
    init_workbook(path, demo=True)
    return path


@pytest.fixture(scope="session")
def plain_master(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("plain") / "iku.xlsx"
    init_workbook(path)
    return path


@pytest.fixture
def demo_book(demo_master, tmp_path) -> Path:
    """A private copy of the demo workbook, free to change."""
    copy = tmp_path / "iku.xlsx"
    shutil.copy(demo_master, copy)
    return copy


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


def pytest_report_header(config):
    """Tests of the seed SOPs and of files saved by Excel read ../shared beside the clone, as CI has it."""
    if not SEEDS.is_dir():
        return (f"iku-xl: {SHARED} is missing: the tests that read the seed SOPs and the Excel-made workbooks "
                "will fail; clone beside shared/ (as CI does) to run them")
    return f"iku-xl: reading seeds and Excel-made workbooks from {SHARED}"
