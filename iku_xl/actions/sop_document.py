"""iku-xl sop render and sop bpmn: the SOP AP as a printable document, and as BPMN 2.0."""
from __future__ import annotations

from pathlib import Path

from ..core.book import Book
from ..errors import Refused
from ..workbook.reader import read_book


def _sop(book: Book, code: str):
    sop = book.sops.get(code.strip().upper()) or book.sops.get(code)
    if sop is None:
        raise Refused(f"SOP '{code}' tidak ada di buku kerja; pilih salah satu: {', '.join(book.sops)}.")
    if not sop.steps:
        raise Refused(f"SOP {code} belum punya langkah; lengkapi lembarnya dulu.", sheet=code)
    return sop


def _book_and_folder(path_or_book, out_dir: str | Path | None, base: Path | None) -> tuple[Book, Path]:
    """The Book, and the folder for SOP prints: --out, else `sop/` in the workbook's output folder."""
    if isinstance(path_or_book, Book):
        book, workbook_folder = path_or_book, Path.cwd()
    else:
        book, workbook_folder = read_book(path_or_book), Path(path_or_book).parent
    if out_dir:
        return book, Path(out_dir).absolute()
    return book, (base or book.settings.output_root(workbook_folder)) / "sop"


def render_sop_document(path_or_book, code: str, out_dir: str | Path | None = None,
                        base: Path | None = None) -> tuple[Path, list[Path]]:
    from ..sop_document.drawing import render_sop

    book, folder = _book_and_folder(path_or_book, out_dir, base)
    sop = _sop(book, code)
    profile = book.profile_of(sop)
    if profile is None:
        return render_sop(sop, folder)

    author = ", ".join(t for t in (profile.unit or "", profile.name or "") if t)
    return render_sop(sop, folder, profile.paper(False), profile.font(False)[0], author)


def export_bpmn(path_or_book, code: str, out_dir: str | Path | None = None, base: Path | None = None) -> Path:
    from ..files import atomic_output
    from ..sop_document.bpmn import sop_to_bpmn

    book, folder = _book_and_folder(path_or_book, out_dir, base)
    sop = _sop(book, code)
    target = folder / f"SOP-{sop.code}.bpmn"
    with atomic_output(target) as temporary:
        temporary.write_text(sop_to_bpmn(sop), encoding="utf-8")
    return target
