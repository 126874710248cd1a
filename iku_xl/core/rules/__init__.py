"""Validation: every rule is a function of the Book that yields Findings."""
from __future__ import annotations

import datetime as dt

from ..book import Book
from ..findings import Finding, Level
from . import (
    cascading_rules,
    case_rules,
    iku_rules,
    integrity_rules,
    monitoring_rules,
    naskah_rules,
    official_rules,
    profile_rules,
    read_rules,
    register_rules,
    sop_rules,
)

RULES = (
    sop_rules.check,
    case_rules.check,
    iku_rules.check,
    cascading_rules.check,
    official_rules.check,
    register_rules.check,
    naskah_rules.check,
    integrity_rules.check,
    read_rules.check,
)


def validate(book: Book, today: dt.date) -> list[Finding]:
    """Every finding; `today` dates the legal bases when the IKU rows give no target year."""
    findings: list[Finding] = []
    for sheet, cell, shown in book.error_cells:
        findings.append(Finding(sheet, cell, Level.GALAT, "sel",
                                f"Sel berisi {shown}; perbaiki rumus atau ketik ulang nilainya."))
    for sheet, cell, message in book.structure_problems:
        findings.append(Finding(sheet, cell, Level.GALAT, "struktur", message))
    for rule in RULES:
        findings.extend(rule(book))
    findings.extend(profile_rules.check(book, today))
    findings.extend(monitoring_rules.check(book, today))
    return findings


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level is Level.GALAT for f in findings)
