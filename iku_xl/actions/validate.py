"""iku-xl validate: every finding of every rule, with its sheet and cell."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import clock
from ..core.book import Book
from ..core.findings import Finding, Level
from ..core.rules import validate
from ..store import Store, open_store


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


def validate_workbook(target: Store | str | Path) -> ValidationReport:
    """Every finding, shown where the store shows them (the live workbook: on their cells and on Temuan)."""
    with open_store(target, history=False, write=False) as store:
        report = ValidationReport(store.book, validate(store.book, clock.today()))
        store.show_findings(report.findings)
    return report
