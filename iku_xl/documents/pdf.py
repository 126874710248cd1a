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
WORK_PREFIX = "iku-xl-pdf-"
OWNER_FILE = "pemilik"  # "<pid of iku-xl> <process group of LibreOffice>", for the reaper


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, but another user's
        return True
    return True


def _group_runs_in(group: int, folder: Path) -> bool:
    """True when the process group's leader is still a LibreOffice started on `folder` (a PID may be reused)."""
    try:
        command = Path(f"/proc/{group}/cmdline").read_bytes()
    except OSError:
        return sys.platform != "linux" and _process_alive(group)
    return str(folder).encode() in command


def reap_orphans() -> None:
    """LibreOffice processes and working folders left by an iku-xl that was killed outright (SIGKILL, a crash,
    a power cut on the way out cannot unwind): removed at the next start, when their owner is gone."""
    if sys.platform == "win32":
        return
    try:
        folders = list(Path(tempfile.gettempdir()).glob(f"{WORK_PREFIX}*"))
    except OSError:
        return
    for folder in folders:
        try:
            info = folder.lstat()
            if not folder.is_dir() or folder.is_symlink() or info.st_uid != os.geteuid():
                continue
            owner = (folder / OWNER_FILE).read_text(encoding="ascii").split()
            parent, group = int(owner[0]), int(owner[1])
        except (OSError, ValueError, IndexError):
            continue  # not ours to judge
        if _process_alive(parent):
            continue
        if group and _group_runs_in(group, folder):
            with contextlib.suppress(OSError):
                os.killpg(group, signal.SIGKILL)
        shutil.rmtree(folder, ignore_errors=True)


def _parent_death_signal():
    """A function for LibreOffice's first process to call before it starts, so that a SIGKILL of iku-xl kills it
    too (Linux only; its own children are found by the reaper). prctl is looked up here, in the parent: the child
    between fork and exec may only make the call itself."""
    import ctypes

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return lambda: prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


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
    reap_orphans()
    work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX))
    process = None
    try:
        (work / OWNER_FILE).write_text(f"{os.getpid()} 0\n", encoding="ascii")
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
            start_new_session=sys.platform != "win32",
            preexec_fn=_parent_death_signal() if sys.platform == "linux" else None)
        if sys.platform != "win32":
            (work / OWNER_FILE).write_text(f"{os.getpid()} {process.pid}\n", encoding="ascii")
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
