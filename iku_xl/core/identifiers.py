"""Identifiers typed by staff (case IDs, SOP codes, document kinds) become parts of file names:
they must never name a path."""
from __future__ import annotations

import re
import unicodedata

MAX_IDENTIFIER = 64
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
_DRIVE = re.compile(r"^[A-Za-z]:")


def is_hidden_character(char: str) -> bool:
    """Control characters and the invisible format characters (bidi overrides, zero-width marks)."""
    return unicodedata.category(char) in ("Cc", "Cf")


def identifier_problem(text: str) -> str | None:
    """Why `text` cannot serve as an identifier in a file name, as a phrase; None when it can."""
    if len(text) > MAX_IDENTIFIER:
        return f"lebih dari {MAX_IDENTIFIER} karakter"
    if any(is_hidden_character(c) for c in text):
        return "memuat karakter kendali atau karakter tak terlihat (misalnya pembalik arah teks)"
    if "/" in text or "\\" in text:
        return "memuat garis miring '/' atau '\\'"
    if ".." in text:
        return "memuat '..'"
    if _DRIVE.match(text) or text.startswith(("~", ".")):
        return "berbentuk alamat folder"
    if text.split(".")[0].strip().upper() in WINDOWS_RESERVED:
        return f"'{text}' adalah nama yang dicadangkan Windows"
    if any(c in '<>:"|?*' for c in text):
        return "memuat karakter yang tidak boleh ada di nama berkas (< > : \" | ? *)"
    return None
