"""iku-xl sop render and sop bpmn: the SOP AP as a printable document, and as BPMN 2.0."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.book import Book
from ..core.sop import Sop
from ..errors import Refused
from ..store import Store, open_store


def _sop(book: Book, code: str) -> Sop:
    sop = book.sops.get(code.strip().upper()) or book.sops.get(code)
    if sop is None:
        raise Refused(f"SOP '{code}' tidak ada di buku kerja; pilih salah satu: {', '.join(book.sops)}.")
    if not sop.steps:
        raise Refused(f"SOP {code} belum punya langkah; lengkapi lembarnya dulu.", sheet=code)
    return sop


def _sop_and_folder(target: Store | str | Path, code: str, out_dir: str | Path | None) -> tuple[Book, Sop, Path]:
    """The Book and its SOP, and the folder for SOP prints: --out, else `sop/` in the workbook's output folder."""
    with open_store(target, history=False, write=False) as store:
        sop = _sop(store.book, code)
        return store.book, sop, Path(out_dir).absolute() if out_dir else store.output / "sop"


@dataclass
class SopPrints:
    folder: Path
    pdf: Path
    pages: list[Path]   # the PDF's pages as PNG
    bpmn: Path


def print_sop(target: Store | str | Path, code: str, out_dir: str | Path | None = None) -> SopPrints:
    """The SOP as a document (PDF and its pages as PNG) and as BPMN, from one reading of the workbook."""
    book, sop, folder = _sop_and_folder(target, code, out_dir)
    pdf, pages = _render(book, sop, folder)
    return SopPrints(folder, pdf, pages, _bpmn(sop, folder))


def render_sop_document(target: Store | str | Path, code: str,
                        out_dir: str | Path | None = None) -> tuple[Path, list[Path]]:
    return _render(*_sop_and_folder(target, code, out_dir))


def export_bpmn(target: Store | str | Path, code: str, out_dir: str | Path | None = None) -> Path:
    _, sop, folder = _sop_and_folder(target, code, out_dir)
    return _bpmn(sop, folder)


def _render(book: Book, sop: Sop, folder: Path) -> tuple[Path, list[Path]]:
    from ..sop_document.drawing import render_sop

    profile = book.profile_of(sop)
    if profile is None:
        return render_sop(sop, folder)

    author = ", ".join(t for t in (profile.unit or "", profile.name or "") if t)
    return render_sop(sop, folder, profile.paper(False), profile.font(False)[0], author)


def _bpmn(sop: Sop, folder: Path) -> Path:
    from ..files import atomic_output
    from ..sop_document.bpmn import sop_to_bpmn

    target_file = folder / f"SOP-{sop.code}.bpmn"
    with atomic_output(target_file) as temporary:
        temporary.write_text(sop_to_bpmn(sop), encoding="utf-8")
    return target_file
