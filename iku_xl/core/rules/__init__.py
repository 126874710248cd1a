"""Validation: every rule is a function of the Book that yields Findings."""
from __future__ import annotations

from ..book import Book
from ..findings import Finding, Level
from . import (
    case_rules,
    iku_rules,
    monitoring_rules,
    naskah_rules,
    official_rules,
    profile_rules,
    register_rules,
    sop_rules,
)

RULES = (
    sop_rules.check,
    case_rules.check,
    iku_rules.check,
    official_rules.check,
    register_rules.check,
    naskah_rules.check,
    profile_rules.check,
    monitoring_rules.check,
)


def validate(book: Book) -> list[Finding]:
    findings: list[Finding] = []
    for sheet, cell, shown in book.error_cells:
        findings.append(Finding(sheet, cell, Level.GALAT, "sel",
                                f"Sel berisi {shown}; perbaiki rumus atau ketik ulang nilainya."))
    for rule in RULES:
        findings.extend(rule(book))
    return findings


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level is Level.GALAT for f in findings)
