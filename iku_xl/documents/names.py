"""File names built from cell values that are safe on Windows, macOS and Linux."""
from __future__ import annotations

import re
from pathlib import Path

from ..core.identifiers import WINDOWS_RESERVED, is_hidden_character
from ..errors import Refused

MAX_LENGTH = 120  # a name; Windows also limits the whole path (260 characters unless long paths are on)


def safe_name(text: str) -> str:
    visible = "".join(c for c in str(text) if not is_hidden_character(c) or c in "\t\n\r")
    cleaned = re.sub(r'[\x00-\x1f<>:"/\\|?*]+', "-", visible)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .-")
    cleaned = cleaned.replace("..", ".")
    cleaned = cleaned[:MAX_LENGTH].rstrip(" .-") or "naskah"
    if cleaned.split(".")[0].upper() in WINDOWS_RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned


def document_file_name(kind: str, number: str, title: str, case_id: str = "") -> str:
    """kind, number and title; the case ID first when several cases share one folder."""
    parts = [case_id, kind, number.replace("/", "-") if number else "", title]
    return safe_name(" ".join(p for p in parts if p)) + ".docx"


def inside(folder: Path, path: Path) -> Path:
    """`path` resolved; refused unless it lies inside `folder` (a case ID may not lead elsewhere)."""
    resolved = path.resolve()
    if not resolved.is_relative_to(folder.resolve()):
        raise Refused(f"Naskah {path.name} akan tersimpan di luar folder keluaran {folder}; periksa ID kasusnya "
                      "dengan 'iku-xl validate'.")
    return resolved
