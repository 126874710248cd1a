"""Bringing cell styles from another workbook's styles.xml into this one, appending only.

Existing style indices never change, so every cell already in the workbook keeps its look.
"""
from __future__ import annotations

import copy

from lxml import etree

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_Q = f"{{{NS}}}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _key(element) -> bytes:
    return bytes(etree.tostring(element, method="c14n"))


class StyleMerger:
    def __init__(self, target: bytes, source: bytes):
        self.target = etree.fromstring(target, _PARSER)
        self.source = etree.fromstring(source, _PARSER)
        self._mapped: dict[int, int] = {}

    def _list(self, root, name: str, create_before: tuple[str, ...] = ()):
        element = root.find(_Q + name)
        if element is None and root is self.target:
            element = etree.Element(_Q + name)
            anchor = next((root.find(_Q + n) for n in create_before if root.find(_Q + n) is not None), None)
            if anchor is not None:
                anchor.addprevious(element)
            else:
                root.insert(0, element)
        return element

    def _append_unique(self, name: str, item) -> int:
        container = self._list(self.target, name, ("fills", "borders", "cellStyleXfs", "cellXfs"))
        key = _key(item)
        for index, existing in enumerate(container):
            if _key(existing) == key:
                return index
        container.append(copy.deepcopy(item))
        container.set("count", str(len(container)))
        return len(container) - 1

    def _number_format(self, number_id: int) -> int:
        if number_id < 164:
            return number_id  # built in: the same in every workbook
        source = self._list(self.source, "numFmts")
        code = next((f.get("formatCode") for f in (source if source is not None else [])
                     if int(f.get("numFmtId")) == number_id), None)
        if code is None:
            return 0
        target = self._list(self.target, "numFmts", ("fonts",))
        for existing in target:
            if existing.get("formatCode") == code:
                return int(existing.get("numFmtId"))
        new_id = max([163] + [int(f.get("numFmtId")) for f in target]) + 1
        etree.SubElement(target, _Q + "numFmt", numFmtId=str(new_id), formatCode=code)
        target.set("count", str(len(target)))
        return new_id

    def map(self, index: int) -> int:
        """The target's cellXfs index for the source's cellXfs `index`."""
        if index in self._mapped:
            return self._mapped[index]
        xf = copy.deepcopy(self._list(self.source, "cellXfs")[index])
        for attribute, name in (("fontId", "fonts"), ("fillId", "fills"), ("borderId", "borders")):
            items = self._list(self.source, name)
            xf.set(attribute, str(self._append_unique(name, items[int(xf.get(attribute, "0"))])))
        xf.set("numFmtId", str(self._number_format(int(xf.get("numFmtId", "0")))))
        xf.set("xfId", "0")
        self._mapped[index] = self._append_unique("cellXfs", xf)
        return self._mapped[index]

    def to_bytes(self) -> bytes:
        return bytes(etree.tostring(self.target, xml_declaration=True, encoding="UTF-8", standalone=True))
