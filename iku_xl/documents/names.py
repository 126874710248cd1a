"""File names built from cell values that are safe on Windows, macOS and Linux."""
from __future__ import annotations

import re

_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_LENGTH = 120


def safe_name(text: str) -> str:
    cleaned = re.sub(r'[\x00-\x1f<>:"/\\|?*]+', "-", str(text))
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .-")
    cleaned = cleaned[:MAX_LENGTH].rstrip(" .-") or "naskah"
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned


def document_file_name(kind: str, number: str, title: str, case_id: str = "") -> str:
    """kind, number and title; the case ID first when several cases share one folder."""
    parts = [case_id, kind, number.replace("/", "-") if number else "", title]
    return safe_name(" ".join(p for p in parts if p)) + ".docx"
