"""A set of edits to one workbook package: sheets, the tables on them, and the calc chain."""
from __future__ import annotations

from ...core.cells import column_index
from . import parts
from .package import Package
from .sheet_xml import SheetXml, TailSheet, UnfitForScan

TABLE_REL = "/table"
CALC_CHAIN_REL = "/calcChain"
TAIL_FROM = 8 << 20  # a sheet inflating to more than this is appended to through its tail (TailSheet)


class WorkbookPatch:
    def __init__(self, package: Package | bytes):
        self.package = package if isinstance(package, Package) else Package(package)
        self.parts = self.package.sheet_parts()
        self.date1904 = self.package.uses_1904_dates()
        self._sheets: dict[str, SheetXml] = {}

    def sheet(self, name: str) -> SheetXml:
        if name not in self._sheets:
            self._sheets[name] = self.package.sheet(name, self.date1904)
        return self._sheets[name]

    def tail_sheet(self, name: str) -> SheetXml:
        """The sheet for appending rows: of a long sheet (Riwayat) only its last row is held (TailSheet), the
        rows above stay packed; a short sheet, or one written otherwise, is held whole."""
        if name not in self._sheets:
            part = self.parts[name]
            if self.package.size(part) > TAIL_FROM:
                try:
                    self._sheets[name] = TailSheet(lambda: self.package.pieces(part), self.date1904,
                                                   self.package.shared_string, self.package.ends(part))
                except (UnfitForScan, ValueError):
                    pass
        return self.sheet(name)

    def whole_sheet(self, name: str) -> SheetXml:
        """The sheet held whole, in place of its tail (when a change reaches above the last row)."""
        if isinstance(self._sheets.get(name), TailSheet):
            held = self._sheets.pop(name)
            if held.edits:
                raise ValueError("the tail was edited already")
        return self.sheet(name)

    def has_sheet(self, name: str) -> bool:
        return name in self.parts

    def to_bytes(self) -> bytes:
        drop_calc_chain = False
        for name in list(self._sheets):
            patch = self._sheets.pop(name)
            if not patch.edits and not patch.dropped:
                continue
            part = self.parts[name]
            if isinstance(patch, TailSheet):
                self.package.write_stream(part, patch.chunks())
            else:
                self.package.write(part, patch.to_bytes())
            drop_calc_chain |= patch.replaced_formula
            self._grow_tables(part, patch)
            del patch
        if drop_calc_chain:
            # Excel rebuilds the calc chain; a stale one naming a removed formula makes it 'repair' the file
            parts.remove_part(self.package, "xl/workbook.xml", CALC_CHAIN_REL)
        return self.package.to_bytes()

    def _grow_tables(self, part: str, patch: SheetXml) -> None:
        """A row written just below a table joins it, as when staff type there in Excel."""
        for rel_type, table_part in self.package.rels_of(part).values():
            if not rel_type.endswith(TABLE_REL) or not self.package.has(table_part):
                continue
            ref = parts.table_ref(self.package, table_part)
            if ref is None:
                continue
            first_col, last_col, last_row = column_index(ref[0]), column_index(ref[2]), ref[3]
            written = sorted(r for r, cells in patch.edits.items()
                             if r > last_row and any(first_col <= c <= last_col and v not in (None, "")
                                                     for c, v in cells.items()))
            new_last = last_row
            for row in written:
                if row == new_last + 1:
                    new_last = row
            if new_last != last_row:
                parts.set_table_last_row(self.package, table_part, new_last)
