"""Converting a batch of .docx to PDF with one LibreOffice call (one call per file costs seconds each)."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import Refused


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(files: list[Path]) -> list[Path]:
    binary = soffice()
    if binary is None:
        raise Refused("LibreOffice tidak terpasang, jadi PDF tidak dibuat (dokumen .docx sudah ada); pasang LibreOffice "
                      "(Debian: apt-get install libreoffice-writer) atau simpan sebagai PDF dari Word.")
    made = []
    for folder in sorted({f.parent for f in files}):
        batch = [str(f) for f in files if f.parent == folder]
        with tempfile.TemporaryDirectory() as profile:
            done = subprocess.run([binary, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                                   "--outdir", str(folder), *batch], capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise Refused(f"LibreOffice gagal membuat PDF di {folder} ({done.stderr.strip()[:200]}).")
        made += [folder / f"{Path(f).stem}.pdf" for f in batch]
    return [p for p in made if p.exists()]
