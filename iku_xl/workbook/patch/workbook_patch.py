"""A set of edits to one workbook package: sheets, the tables on them, and the calc chain."""
from __future__ import annotations

import re

from .cells import column_index
from .sheet_patch import SheetPatch
from .zip_package import Package

TABLE_REL = "/table"
CALC_CHAIN_REL = "/calcChain"


class WorkbookPatch:
    def __init__(self, data: bytes):
        self.package = Package(data)
        self.parts = self.package.sheet_parts()
        self.date1904 = self.package.uses_1904_dates()
        self._sheets: dict[str, SheetPatch] = {}

    def sheet(self, name: str) -> SheetPatch:
        if name not in self._sheets:
            self._sheets[name] = SheetPatch(self.package.read(self.parts[name]), self.date1904)
        return self._sheets[name]

    def to_bytes(self) -> bytes:
        drop_calc_chain = False
        for name in list(self._sheets):
            patch = self._sheets.pop(name)
            if not patch.edits and not patch.dropped:
                continue
            part = self.parts[name]
            self.package.write(part, patch.to_bytes())
            drop_calc_chain |= patch.replaced_formula
            self._grow_tables(part, patch)
            del patch
        if drop_calc_chain:
            self._drop_calc_chain()
        return self.package.to_bytes()

    def _grow_tables(self, part: str, patch: SheetPatch) -> None:
        """A row written just below a table joins it, as when staff type there in Excel."""
        for rel_type, table_part in self.package.rels_of(part).values():
            if not rel_type.endswith(TABLE_REL):
                continue
            xml = self.package.read(table_part).decode("utf-8")
            match = re.search(r'<(?:\w+:)?table\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"', xml)
            if not match:
                continue
            first_col, first_row, last_col, last_row = (column_index(match.group(1)), int(match.group(2)),
                                                         column_index(match.group(3)), int(match.group(4)))
            rows = sorted(r for r, cells in patch.edits.items()
                          if r > last_row and any(first_col <= c <= last_col for c in cells))
            new_last = last_row
            for row in rows:
                if row == new_last + 1:
                    new_last = row
            if new_last == last_row:
                continue
            old_ref = f"{match.group(1)}{first_row}:{match.group(3)}{last_row}"
            new_ref = f"{match.group(1)}{first_row}:{match.group(3)}{new_last}"
            xml = xml.replace(f'ref="{old_ref}"', f'ref="{new_ref}"')
            self.package.write(table_part, xml.encode("utf-8"))

    def _drop_calc_chain(self) -> None:
        """Excel rebuilds the calc chain; a stale one that names a removed formula makes it 'repair' the file."""
        rels_part = "xl/_rels/workbook.xml.rels"
        chain = next((target for kind, target in self.package.rels_of("xl/workbook.xml").values()
                      if kind.endswith(CALC_CHAIN_REL)), None)
        if chain is None:
            return
        self.package.remove(chain)
        rels = self.package.read(rels_part).decode("utf-8")
        rels = re.sub(r'<Relationship\b[^>]*Type="[^"]*/calcChain"[^>]*/>', "", rels)
        self.package.write(rels_part, rels.encode("utf-8"))
        types = self.package.read("[Content_Types].xml").decode("utf-8")
        types = re.sub(rf'<Override\b[^>]*PartName="/{re.escape(chain)}"[^>]*/>', "", types)
        self.package.write("[Content_Types].xml", types.encode("utf-8"))
