"""iku-xl sop import: an SOP AP from its Word file, PDF, Excel sheet or text copy into a new SOP sheet."""
from __future__ import annotations

import re
from pathlib import Path

from ..core import layout
from ..errors import Refused, UsageError
from ..importers.sop_file import read_sop_file
from ..importers.sop_rows import ImportedSop
from ..store import Store, open_store
from .register import has_register

_CODE = re.compile(rf"^[A-Z0-9][A-Z0-9_-]{{0,{layout.MAX_SOP_CODE - 1}}}$")


def check_code(code: str) -> str:
    code = code.strip().upper()
    if not _CODE.match(code) or code in {n.upper() for n in layout.RESERVED_SHEETS}:
        raise UsageError(f"Kode SOP '{code}' tidak bisa dipakai sebagai nama lembar; pakai huruf besar, angka, '-' "
                         f"atau '_' (paling banyak {layout.MAX_SOP_CODE} huruf), misalnya KEMENPAN.")
    return code


def import_sop(source: str | Path, code: str, target: Store | str | Path, *, replace: bool = False) -> ImportedSop:
    """Add the SOP's sheet and its Lacak sheet to the workbook, keeping everything else as it was; the
    import report says per step what was read from the wording and what is missing."""
    from ..core.sop_register import register_changes

    code = check_code(code)
    imported = read_sop_file(Path(source), code)
    with open_store(target) as store:  # a broken workbook is refused before anything is written
        book = store.book
        where = target if isinstance(target, (str, Path)) else store.folder
        if (code in book.sops or store.has_sheet(code)) and not replace:
            raise Refused(f"SOP {code} sudah ada di {where}; pakai kode lain atau tambahkan --replace.",
                          sheet=code, path=str(where))
        if store.has_sheet(code) and code not in book.sops:
            raise Refused(f"Lembar '{code}' sudah ada di {where} dan bukan lembar SOP; pakai kode lain.", sheet=code)
        book.sops[code] = imported.sop
        store.add_sop(imported.sop)
        # the SOP's row in Daftar SOP (a replaced SOP's row refreshed); a workbook without the register gets it whole
        store.save_register(register_changes(book, None if not has_register(book) else [code]))
        store.commit()
    return imported
