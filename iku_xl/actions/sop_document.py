"""iku-xl sop render and sop bpmn: the SOP AP as a printable document, and as BPMN 2.0."""
from __future__ import annotations

from pathlib import Path

from ..core.book import Book
from ..core.rules.common import text_of
from ..errors import Refused
from ..workbook.reader import read_book


def _sop(book: Book, code: str):
    sop = book.sops.get(code.strip().upper()) or book.sops.get(code)
    if sop is None:
        raise Refused(f"SOP '{code}' tidak ada di buku kerja; pilih salah satu: {', '.join(book.sops)}.")
    if not sop.steps:
        raise Refused(f"SOP {code} belum punya langkah; lengkapi lembarnya dulu.", sheet=code)
    return sop


def render_sop_document(path_or_book, code: str, out_dir: str | Path | None = None) -> tuple[Path, list[Path]]:
    from ..sop_document.drawing import render_sop

    book = path_or_book if isinstance(path_or_book, Book) else read_book(path_or_book)
    paper = text_of(book.settings.get("Ukuran Kertas")).upper() or "A4"
    return render_sop(_sop(book, code), Path(out_dir) if out_dir else Path("output") / "sop", paper)


def export_bpmn(path_or_book, code: str, out_dir: str | Path | None = None) -> Path:
    from ..files import atomic_output
    from ..sop_document.bpmn import sop_to_bpmn

    book = path_or_book if isinstance(path_or_book, Book) else read_book(path_or_book)
    sop = _sop(book, code)
    folder = Path(out_dir) if out_dir else Path("output") / "sop"
    target = folder / f"SOP-{sop.code}.bpmn"
    with atomic_output(target) as temporary:
        temporary.write_text(sop_to_bpmn(sop), encoding="utf-8")
    return target
