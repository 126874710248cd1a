"""iku-xl sop import: an SOP AP from its text copy into a new SOP sheet."""
from __future__ import annotations

import re
from pathlib import Path

from ..core.sop import Sop
from ..errors import Refused, UnreadableFile, UsageError
from ..files import atomic_output
from ..importers.sop_text import parse_sop_text
from ..workbook import layout
from ..workbook.reader import read_book

_CODE = re.compile(rf"^[A-Z0-9][A-Z0-9_-]{{0,{layout.MAX_SOP_CODE - 1}}}$")


def read_text(path: Path) -> str:
    if not path.is_file():
        raise UnreadableFile(f"Berkas {path} tidak ada; periksa nama dan foldernya.", path=str(path))
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):  # Word on Windows saves text as cp1252 unless told otherwise
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(f"Berkas {path} bukan berkas teks.", path=str(path))


def check_code(code: str) -> str:
    code = code.strip().upper()
    if not _CODE.match(code) or code in {n.upper() for n in layout.RESERVED_SHEETS}:
        raise UsageError(f"Kode SOP '{code}' tidak bisa dipakai sebagai nama lembar; pakai huruf besar, angka, '-' "
                         f"atau '_' (paling banyak {layout.MAX_SOP_CODE} huruf), misalnya KEMENPAN.")
    return code


def import_sop(text_path: str | Path, code: str, workbook_path: str | Path, *, replace: bool = False) -> Sop:
    from openpyxl import load_workbook

    from ..workbook.writer import write_pick_lists, write_sop_sheet

    code = check_code(code)
    sop = parse_sop_text(read_text(Path(text_path)), code)
    workbook_path = Path(workbook_path)
    book = read_book(workbook_path)  # refuses a broken workbook before anything is written
    if code in book.sops and not replace:
        raise Refused(f"SOP {code} sudah ada di {workbook_path}; pakai kode lain atau tambahkan --replace.",
                      sheet=code, path=str(workbook_path))
    workbook = load_workbook(workbook_path)
    if code in workbook.sheetnames:
        if not replace:
            raise Refused(f"Lembar '{code}' sudah ada di {workbook_path}; pakai kode lain.", sheet=code)
        index = workbook.sheetnames.index(code)
        workbook.remove(workbook[code])
        sheet = workbook.create_sheet(code, index)
    else:
        after = max((workbook.sheetnames.index(c) for c in book.sops if c in workbook.sheetnames),
                    default=len(workbook.sheetnames) - 1)
        sheet = workbook.create_sheet(code, after + 1)
    write_sop_sheet(sheet, sop)
    book.sops[code] = sop
    write_pick_lists(workbook, book)
    with atomic_output(workbook_path) as temporary:
        workbook.save(temporary)
    return sop
