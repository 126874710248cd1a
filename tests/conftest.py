"""Shared fixtures: workbooks made by the program, and a running LibreOffice Calc.

The tests run at a fixed moment, whatever the machine's date: the program reads "now" only through
iku_xl.clock, which honours IKU_XL_NOW. A test that needs another moment sets it with `monkeypatch.setenv(
clock.ENV, "2027-01-04T09:00")` (or the `now_at` helper); processes the tests start (the command line,
LibreOffice running the macros) inherit it.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from iku_xl import clock
from iku_xl.actions.init import init_workbook

from .helpers import TEST_NOW, soffice

os.environ[clock.ENV] = TEST_NOW  # before any fixture: LibreOffice, started once, inherits it


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


@pytest.fixture(scope="session")
def calc():
    """A LibreOffice Calc running for the whole test session."""
    from .calc.harness import Calc

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc")
    running = Calc()
    yield running
    running.close()
