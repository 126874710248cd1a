"""iku-xl validate: every finding of every rule, with its sheet and cell."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import clock
from ..core.book import Book
from ..core.findings import Finding, Level
from ..core.rules import validate
from ..workbook.reader import read_book


@dataclass
class ValidationReport:
    book: Book
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level is Level.GALAT]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level is Level.PERINGATAN]

    def as_json(self) -> dict:
        return {
            "sops": [
                {"code": s.code, "sheet": s.code, "steps": len(s.steps), "roles": len(s.roles)}
                for s in self.book.sops.values()
            ],
            "cases": len(self.book.cases),
            "issues": [f.as_json() for f in self.findings],
        }


def validate_workbook(path: str | Path) -> ValidationReport:
    book = read_book(path, history=False)
    return ValidationReport(book, validate(book, clock.today()))
