"""Converting a batch of .docx to PDF with one LibreOffice call (one call per file costs seconds each)."""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import Refused

TIMEOUT_SECONDS = 600


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _stop(process: subprocess.Popen) -> None:
    """LibreOffice and every process it started, whatever state they are in."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
        if sys.platform == "win32":
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


def convert_to_pdf(files: list[Path]) -> list[Path]:
    """Each file's PDF beside it. The batch goes to LibreOffice at once, from one folder, under
    numbered names (two cases may have documents of the same name). LibreOffice is stopped and the
    working folder removed on every way out, an interrupt included."""
    binary = soffice()
    if binary is None:
        raise Refused("LibreOffice tidak terpasang, jadi PDF tidak dibuat (dokumen .docx sudah ada); pasang "
                      "LibreOffice "
                      "(Debian: apt-get install libreoffice-writer) atau simpan sebagai PDF dari Word.")
    work = Path(tempfile.mkdtemp(prefix="iku-xl-pdf-"))
    process = None
    try:
        staged = []
        for index, file in enumerate(files):
            copy = work / f"{index:05d}{file.suffix}"
            try:
                os.link(file, copy)
            except OSError:  # another file system, or links not allowed
                shutil.copyfile(file, copy)
            staged.append(copy)
        process = subprocess.Popen(
            [binary, f"-env:UserInstallation={(work / 'profil').as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(work), *map(str, staged)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            start_new_session=sys.platform != "win32")
        try:
            _, _errors = process.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise Refused(f"LibreOffice tidak selesai membuat PDF dalam {TIMEOUT_SECONDS // 60} menit; dokumen .docx "
                          "sudah ada, PDF-nya bisa dibuat dari Word.") from None
        if process.returncode != 0:
            raise Refused("LibreOffice gagal membuat PDF; dokumen .docx sudah ada, PDF-nya bisa dibuat dari Word.")
        made = []
        for file, copy in zip(files, staged):
            pdf = copy.with_suffix(".pdf")
            if pdf.exists():
                target = file.with_suffix(".pdf")
                shutil.move(str(pdf), target)
                made.append(target)
        return made
    finally:
        if process is not None:
            _stop(process)
        shutil.rmtree(work, ignore_errors=True)
