"""The README's pictures: the demo workbook's SOP sheet and a generated nota dinas, as LibreOffice prints them.

    python3 tasks.py pictures     (writes docs/gambar/*.png; needs LibreOffice and pdftoppm)
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "gambar"
RESOLUTION = 45  # dots per inch: enough to see the layout, small enough to keep in git


def _pdf(source: Path, folder: Path) -> Path:
    profile = folder / "profil-lo"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                    "--outdir", str(folder), str(source)], check=True, capture_output=True, timeout=300)
    return folder / f"{source.stem}.pdf"


def _page(pdf: Path, wanted: str) -> int:
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(str(pdf)).pages, start=1):
        if (page.extract_text() or "").strip().startswith(wanted):
            return number
    return 1


def _png(pdf: Path, page: int, target: Path) -> None:
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True)
    print(f"{target} ({target.stat().st_size // 1024} KB)")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from iku_xl.actions.demo import run_demo

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="iku-gambar-") as scratch:
        folder = Path(scratch)
        result = run_demo(folder / "demo")
        workbook = _pdf(result.folder / "iku.xlsx", folder)
        _png(workbook, _page(workbook, "POLHUKAM"), OUT / "buku-kerja-sop.png")
        nota = next((result.folder / "naskah").rglob("*Nota Dinas*.docx"))
        copy = folder / "nota-dinas.docx"
        shutil.copy(nota, copy)
        _png(_pdf(copy, folder), 1, OUT / "nota-dinas.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
