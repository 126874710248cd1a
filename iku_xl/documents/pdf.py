"""Converting a batch of .docx to PDF with one LibreOffice call (one call per file costs seconds each)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import Refused


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(files: list[Path]) -> list[Path]:
    """Each file's PDF beside it. The batch goes to LibreOffice at once, from one folder, under
    numbered names (two cases may have documents of the same name)."""
    binary = soffice()
    if binary is None:
        raise Refused("LibreOffice tidak terpasang, jadi PDF tidak dibuat (dokumen .docx sudah ada); pasang LibreOffice "
                      "(Debian: apt-get install libreoffice-writer) atau simpan sebagai PDF dari Word.")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        staged = []
        for index, file in enumerate(files):
            copy = work / f"{index:05d}{file.suffix}"
            try:
                os.link(file, copy)
            except OSError:  # another file system, or links not allowed
                shutil.copyfile(file, copy)
            staged.append(copy)
        done = subprocess.run([binary, f"-env:UserInstallation=file://{work / 'profil'}", "--headless", "--convert-to",
                               "pdf", "--outdir", str(work), *map(str, staged)], capture_output=True, text=True,
                              timeout=600)
        if done.returncode != 0:
            raise Refused(f"LibreOffice gagal membuat PDF ({done.stderr.strip()[:200]}).")
        made = []
        for file, copy in zip(files, staged):
            pdf = copy.with_suffix(".pdf")
            if pdf.exists():
                target = file.with_suffix(".pdf")
                shutil.move(str(pdf), target)
                made.append(target)
    return made
