"""The .xlsx zip as an ordered set of parts, saved with untouched parts as they were."""
from __future__ import annotations

import io
import posixpath
import re
import zipfile

from defusedxml import ElementTree

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class Package:
    def __init__(self, data: bytes):
        self._data = data
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        self.infos = self._zip.infolist()
        self._changed: dict[str, bytes] = {}
        self._removed: set[str] = set()

    def names(self) -> list[str]:
        return [i.filename for i in self.infos if i.filename not in self._removed] + \
               [n for n in self._changed if n not in {i.filename for i in self.infos}]

    def read(self, name: str) -> bytes:
        if name in self._changed:
            return self._changed[name]
        return self._zip.read(name)

    def write(self, name: str, data: bytes) -> None:
        self._changed[name] = data

    def remove(self, name: str) -> None:
        self._removed.add(name)
        self._changed.pop(name, None)

    def changed_parts(self) -> set[str]:
        return set(self._changed) | self._removed

    def to_bytes(self) -> bytes:
        """Untouched parts are copied as stored (not even re-compressed); changed and new ones deflated."""
        from ...raw_zip import deflated, raw_parts, write_zip

        parts = []
        for part in raw_parts(self._data):
            if part.name in self._removed:
                continue
            changed = self._changed.get(part.name)
            parts.append(part if changed is None else deflated(part.name, changed, part))
        known = {p.name for p in parts} | self._removed
        parts += [deflated(name, data) for name, data in self._changed.items() if name not in known]
        return write_zip(parts)

    # relationships

    def rels_of(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type, target part path) of `part`'s relationships."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels_name not in self.names():
            return {}
        root = ElementTree.fromstring(self.read(rels_name))
        found = {}
        for rel in root.findall(f"{{{REL_NS}}}Relationship"):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found[rel.get("Id")] = (rel.get("Type", ""), path)
        return found

    def sheet_parts(self) -> dict[str, str]:
        """Sheet name -> its worksheet part."""
        workbook = ElementTree.fromstring(self.read("xl/workbook.xml"))
        rels = self.rels_of("xl/workbook.xml")
        parts = {}
        for sheet in workbook.iter(f"{{{MAIN_NS}}}sheet"):
            rel = rels.get(sheet.get(f"{{{R_NS}}}id"))
            if rel:
                parts[sheet.get("name")] = rel[1]
        return parts

    def uses_1904_dates(self) -> bool:
        head = self.read("xl/workbook.xml")[:4000]
        return bool(re.search(rb'date1904="(1|true)"', head))
