"""Closing Riwayat per year: a past year's rows move, cell for cell, to a sheet of their own ('Riwayat 2026').

Riwayat only grows, and every move re-packs (deflates) the whole sheet it appends to: closing the past years
keeps that sheet to one year of rows, however long the workbook lives. A closed year's sheet is laid out as
Riwayat (its header row, column widths and formats, frozen header, dropdowns, print titles) with a Table of
its own (TabelRiwayat2026), and is written once, when its year is closed; the readers read it when a case or
a report reaches back into that year. Rows keep their order; formulas, styles, heights and hyperlinks move
with their row. Rows without a date, and empty rows, stay in Riwayat.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..core import layout
from ..core.cells import column_index
from ..core.values import as_moment
from .ooxml import parts
from .ooxml.package import MAIN_NS, R_NS, REL_NS, Package, parse_xml, xml_bytes
from .ooxml.sheet_xml import SheetXml, UnfitForScan, formats_only_row, from_serial, renumbered_row, scan_columns, utf8
from .ooxml.workbook_patch import CALC_CHAIN_REL, TABLE_REL, WorkbookPatch

_M = f"{{{MAIN_NS}}}"
_R_ID = f"{{{R_NS}}}id"
TABLE_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"
HYPERLINK_REL = "/hyperlink"
# what a moved row cannot take along: notes and drawings are anchored by position, merges span rows
_UNMOVABLE = ("mergeCells", "drawing", "legacyDrawing", "picture", "oleObjects", "controls")
# CT_Worksheet's order after sheetData: a <hyperlinks> goes before the first of these
_AFTER_HYPERLINKS = ("printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
                     "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
                     "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems",
                     "tableParts", "extLst")
_FIRST_ROW_LOOKS = 50  # rows looked at for the first dated one before deciding nothing is due


@dataclass
class Closed:
    year: int
    rows: int
    sheet: str


class CannotClose(Exception):
    """Riwayat holds something a moved row cannot take along (a note, a merge, a shared formula): it stays whole."""


def due_year(patch: WorkbookPatch, name: str, letter: str) -> int | None:
    """The year of Riwayat's first dated row, read from the top of the sheet only, as its part is inflated (rows
    are appended in time order, so after a close the top row is of the year still open)."""
    package = patch.package
    try:
        for number, values in scan_columns(package.pieces(patch.parts[name]), [letter], package.shared_string):
            moment = as_moment(from_serial(values[0], patch.date1904)) if number > 1 else None
            if moment is not None:
                return moment.year
            if number > _FIRST_ROW_LOOKS:
                return None
        return None
    except UnfitForScan:
        sheet = patch.whole_sheet(name)
        for number in range(2, min(sheet.last_row(), _FIRST_ROW_LOOKS + 1) + 1):
            cell = sheet.cells(number).get(column_index(letter))
            moment = as_moment(from_serial(cell.value, patch.date1904)) if cell else None
            if moment is not None:
                return moment.year
        return None


def close_years(patch: WorkbookPatch, columns: dict[str, str], year: int, look_at_all: bool = False
                ) -> tuple[list[Closed], dict[int, tuple]]:
    """Move every Riwayat row dated before `year` to its year's sheet; unless `look_at_all`, only when the first
    row is of an earlier year (a move dated back into a closed year then waits for the next close). Returns what
    was closed and, for each row that moved or was renumbered, old row -> (sheet or None for Riwayat, new row)."""
    name = layout.RIWAYAT.name
    package = patch.package
    last_column = max(column_index(c) for c in columns.values())
    if not look_at_all:
        first = due_year(patch, name, columns["time"])
        if first is None or first >= year:
            return [], {}
    try:
        sheet = patch.whole_sheet(name)
    except ValueError as error:
        raise CannotClose("Riwayat already edited in this action") from error
    if sheet.edits:
        raise CannotClose("Riwayat already edited in this action")
    part = patch.parts[name]
    skeleton = _skeleton(sheet)
    if any(skeleton.find(f"{_M}{tag}") is not None for tag in _UNMOVABLE):
        raise CannotClose("Riwayat has notes, drawings or merged cells")
    times = {row: value for row, value, _ in sheet.column_at(columns["time"])}
    moving: dict[int, list[tuple[int, str]]] = {}
    staying: list[tuple[int, str]] = []
    header = ""
    for number, xml in sheet.rows_xml():
        if number == 1:
            header = xml
            continue
        moment = as_moment(from_serial(times.get(number), patch.date1904))
        if moment is not None and moment.year < year:
            moving.setdefault(moment.year, []).append((number, xml))
        else:
            staying.append((number, xml))
    if not moving:
        return [], {}
    links = _hyperlinks(skeleton)
    where: dict[int, tuple] = {}
    has_formula = any("<f" in xml or ":f" in xml for rows in [*moving.values(), staying] for _, xml in rows)
    # every row renumbered before anything is written: a row that cannot move leaves the workbook as it was
    years = []
    for closing, rows in sorted(moving.items()):
        target = layout.history_year_sheet(closing).name
        existing = patch.parts.get(target)
        start = patch.sheet(target).last_row() + 1 if existing else 2
        years.append((closing, target, existing, start, _renumbered(rows, start, target, where)))
    body = [header] + _renumbered(staying, 2, None, where)
    last = len(staying) + 1
    if not staying:  # Riwayat keeps a row of formats only: what its next row takes its formats from
        last_moved = max((row for rows in moving.values() for row in rows), key=lambda row: row[0])[1]
        body.append(formats_only_row(last_moved, 2, sheet.prefix))
        last = 2
    closed = []
    for closing, target, existing, start, moved in years:
        _write_year(patch, header, skeleton, target, existing, "".join(moved), start + len(moved) - 1, last_column,
                    {where[n][1]: links[n] for n, _ in moving[closing] if n in links}, part)
        closed.append(Closed(closing, len(moved), target))
    kept_links = {where[n][1]: link for n, link in links.items() if n in where and where[n][0] is None}
    _set_hyperlinks(skeleton, kept_links, {})
    package.write(part, _assembled(skeleton, "".join(body), last, last_column))
    patch.forget(name)
    for rel_type, table_part in package.rels_of(part).values():
        if rel_type.endswith(TABLE_REL) and package.has(table_part):
            parts.set_table_last_row(package, table_part, last)
    if has_formula:  # Excel rebuilds the calc chain; a stale one naming a moved formula makes it 'repair' the file
        parts.remove_part(package, "xl/workbook.xml", CALC_CHAIN_REL)
    return closed, where


def _renumbered(rows: list[tuple[int, str]], start: int, target: str | None, where: dict[int, tuple]) -> list[str]:
    """The rows' XML renumbered from `start`, each row's new place noted in `where`."""
    body = []
    for new, (number, xml) in enumerate(rows, start=start):
        moved = renumbered_row(xml, number, new)
        if moved is None:
            raise CannotClose(f"row {number} holds a shared or array formula")
        body.append(moved)
        where[number] = (target, new)
    return body


def _skeleton(sheet: SheetXml):
    """The sheet without its rows, as an lxml tree (small: the rows are what makes a sheet large)."""
    return parse_xml(utf8(sheet.head() + sheet.tail()).encode("utf-8"))


def _assembled(skeleton, body: str, last_row: int, last_column: int) -> bytes:
    """The skeleton with `body` as its rows."""
    return SheetXml(xml_bytes(skeleton)).rebuilt(body, last_row, last_column)


def _hyperlinks(skeleton) -> dict[int, list]:
    """Riwayat's hyperlinks by the row of the cell they sit on (one cell each; a link over a range stays put)."""
    found: dict[int, list] = {}
    element = skeleton.find(f"{_M}hyperlinks")
    for link in list(element) if element is not None else []:
        match = re.fullmatch(r"([A-Z]+)(\d+)", link.get("ref", ""))
        if match:
            found.setdefault(int(match.group(2)), []).append(link)
    return found


def _set_hyperlinks(skeleton, links: dict[int, list], rel_ids: dict[str, str]) -> None:
    """The skeleton's hyperlinks become `links` (new row -> elements), refs and relationship ids moved."""
    from lxml import etree

    element = skeleton.find(f"{_M}hyperlinks")
    ranges = [link for link in (element if element is not None else [])
              if not re.fullmatch(r"[A-Z]+\d+", link.get("ref", ""))]
    if element is not None:
        skeleton.remove(element)
    items = []
    for row, found in sorted(links.items()):
        for link in found:
            copy = etree.fromstring(etree.tostring(link))
            copy.set("ref", re.sub(r"\d+$", str(row), copy.get("ref", "")))
            if copy.get(_R_ID) in rel_ids:
                copy.set(_R_ID, rel_ids[copy.get(_R_ID)])
            items.append(copy)
    if not items and not ranges:
        return
    element = etree.Element(f"{_M}hyperlinks")
    element.extend(ranges + items)
    anchor = next((child for child in skeleton if etree.QName(child).localname in _AFTER_HYPERLINKS), None)
    if anchor is not None:
        anchor.addprevious(element)
    else:
        skeleton.append(element)


def _write_year(patch: WorkbookPatch, header: str, skeleton, name: str, existing: str | None, body: str,
                last: int, last_column: int, links: dict[int, list], riwayat_part: str) -> None:
    """Append the moved rows to the year's sheet, made as a copy of Riwayat's layout when it is new."""
    package = patch.package
    if existing:
        year_sheet = patch.sheet(name)
        own = _skeleton(year_sheet)
        rel_ids = _copy_link_targets(package, riwayat_part, existing, links)
        _set_hyperlinks(own, {**_hyperlinks(own), **links}, rel_ids)
        package.write(existing, _assembled(own, year_sheet.body() + body, last, last_column))
        patch.forget(name)
        for rel_type, table_part in package.rels_of(existing).values():
            if rel_type.endswith(TABLE_REL) and package.has(table_part):
                parts.set_table_last_row(package, table_part, last)
        return
    part = parts.add_sheet(package, name)
    patch.parts[name] = part
    copy = parse_xml(xml_bytes(skeleton))
    for view in copy.iter(f"{_M}sheetView"):
        view.attrib.pop("tabSelected", None)  # two selected tabs would group the sheets
    table = _copy_table(package, riwayat_part, part, name, last)
    table_parts = copy.find(f"{_M}tableParts")
    if table_parts is not None:
        for child in list(table_parts):
            table_parts.remove(child)
        if table is not None:
            from lxml import etree

            etree.SubElement(table_parts, f"{_M}tablePart").set(_R_ID, table)
        table_parts.set("count", str(len(table_parts)))
    rel_ids = _copy_link_targets(package, riwayat_part, part, links)
    _set_hyperlinks(copy, links, rel_ids)
    package.write(part, _assembled(copy, header + body, last, last_column))
    _copy_print_titles(package, name)


def _copy_link_targets(package: Package, source: str, target: str, links: dict[int, list]) -> dict[str, str]:
    """The external addresses of moved hyperlinks, related from the sheet they move to: old Id -> new Id."""
    from lxml import etree

    ids = {link.get(_R_ID) for found in links.values() for link in found if link.get(_R_ID)}
    if not ids:
        return {}
    rels_name = package.rels_name(source)
    source_rels = package.xml(rels_name) if package.has(rels_name) else None
    target_name = package.rels_name(target)
    root = package.xml(target_name) if package.has(target_name) else etree.Element(f"{{{REL_NS}}}Relationships",
                                                                                     nsmap={None: REL_NS})
    taken = {rel.get("Id") for rel in root}
    mapping = {}
    for rel in source_rels.iter(f"{{{REL_NS}}}Relationship") if source_rels is not None else []:
        if rel.get("Id") in ids and rel.get("Type", "").endswith(HYPERLINK_REL):
            new = next(f"rIdIku{n}" for n in range(1, 100_000) if f"rIdIku{n}" not in taken)
            taken.add(new)
            copy = etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=new, Type=rel.get("Type", ""),
                                    Target=rel.get("Target", ""))
            if rel.get("TargetMode"):
                copy.set("TargetMode", rel.get("TargetMode", ""))
            mapping[rel.get("Id", "")] = new
    package.write(target_name, xml_bytes(root))
    return mapping


def _copy_table(package: Package, riwayat_part: str, part: str, name: str, last: int) -> str | None:
    """A copy of Riwayat's Table for the year's sheet, under its own name; returns the relationship Id."""
    source = next((t for kind, t in package.rels_of(riwayat_part).values()
                   if kind.endswith(TABLE_REL) and package.has(t)), None)
    if source is None:
        return None
    tables = [n for n in package.names() if n.startswith("xl/tables/") and n.endswith(".xml")]
    table = package.xml(source)
    ids = [int(package.xml(t).get("id", "0")) for t in tables if package.has(t)]
    table.set("id", str(max(ids, default=0) + 1))
    table_name = layout.history_year_sheet(layout.history_year(name) or 0).table
    table.set("name", table_name)
    table.set("displayName", table_name)
    number = next(n for n in range(1, 100_000) if f"xl/tables/table{n}.xml" not in set(package.names()))
    table_part = f"xl/tables/table{number}.xml"
    package.write(table_part, xml_bytes(table))
    parts.add_content_override(package, table_part, TABLE_CONTENT)
    rel_id = parts.add_relationship(package, part, "http://schemas.openxmlformats.org/officeDocument/2006/"
                                                   "relationships/table", table_part)
    parts.set_table_last_row(package, table_part, last)
    return rel_id


def _copy_print_titles(package: Package, name: str) -> None:
    """Riwayat's print titles (the header row on every page) for the year's sheet too."""
    order = parts.sheet_names(package)
    quoted = f"'{name}'!"
    for kind, reference in parts.local_names(package, order.index(layout.RIWAYAT.name), "_xlnm.Print_").items():
        moved = reference.replace(f"'{layout.RIWAYAT.name}'!", quoted).replace(f"{layout.RIWAYAT.name}!", quoted)
        parts.set_defined_name(package, kind, moved, order.index(name))


def closing_year(moments: list[dt.datetime | None]) -> int | None:
    """The year a write closes the earlier ones for: the latest year among what it appends."""
    years = [m.year for m in moments if m is not None]
    return max(years) if years else None
