"""Closing Riwayat per year: the rows of the cases finished in a past year move, cell for cell, to that year's
sheet ('Riwayat 2026'), as a finished file goes to the archive.

Riwayat only grows, and every move re-packs (deflates) the whole sheet it appends to: closing the past years
keeps on it only the cases still open and the current year's, however long the workbook lives. A case moves
whole, when it is finished (its last move in force Selesai or Dibatalkan) and each of its rows is dated before
the year being closed, to the sheet of the year of its last row; a case still open keeps every row in Riwayat,
whatever its date. So a month of the year still open is read from Riwayat alone, and each case's rows stand on one
sheet (a case a close moved away and an Urungkan brought back is the exception: actions/recent_history.py).
A closed year's sheet is laid out as Riwayat (its header row, column widths and formats, frozen header,
dropdowns, print titles) with a Table of its own (TabelRiwayat2026); the readers read it when a case or a report
reaches back into that year. Rows keep their order; formulas, styles, heights and hyperlinks move with their row.
Rows without a case, and the cases with an undated row, stay in Riwayat. Closing a year makes its sheet even when
no case was finished in it: that sheet tells that the year was closed, so a later move does not look again.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..core import layout
from ..core.cells import column_index
from ..core.history import Action
from ..core.monthly import CLOSED
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
    cases: int = 0


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
    """Move the rows of every case finished before `year` to the sheet of the year of its last row; unless
    `look_at_all`, only when Riwayat's first row is of an earlier year and that year's sheet is not there yet (a
    case finished in a year already closed then waits for the next close). Returns what was closed and, for each
    row that moved or was renumbered, old row -> (sheet or None for Riwayat, new row)."""
    name = layout.RIWAYAT.name
    package = patch.package
    last_column = max(column_index(c) for c in columns.values())
    marker = layout.history_year_sheet(year - 1).name
    if not look_at_all:
        first = due_year(patch, name, columns["time"])
        if first is None or first >= year or marker in patch.parts:
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
    rows = [(number, xml) for number, xml in sheet.rows_xml()]
    header = next((xml for number, xml in rows if number == 1), "")
    body_rows = [(number, xml) for number, xml in rows if number > 1]
    archive, cases, earlier = _finished_cases(sheet, columns, patch.date1904, year)
    moving: dict[int, list[tuple[int, str]]] = {}
    staying: list[tuple[int, str]] = []
    for number, xml in body_rows:
        target_year = archive.get(number)
        if target_year is not None:
            moving.setdefault(target_year, []).append((number, xml))
        else:
            staying.append((number, xml))
    mark = earlier and marker not in patch.parts and (year - 1) not in moving
    if not moving and not mark:
        return [], {}
    links = _hyperlinks(skeleton)
    where: dict[int, tuple] = {}
    has_formula = any("<f" in xml or ":f" in xml for _, xml in body_rows)
    # every row renumbered before anything is written: a row that cannot move leaves the workbook as it was
    years = []
    for closing, moved_rows in sorted(moving.items()):
        target = layout.history_year_sheet(closing).name
        existing = patch.parts.get(target)
        start = patch.sheet(target).last_row() + 1 if existing else 2
        years.append((closing, target, existing, start, _renumbered(moved_rows, start, target, where)))
    formats = max(body_rows, key=lambda row: row[0])[1] if body_rows else ""
    body = [header] + _renumbered(staying, 2, None, where)
    last = len(staying) + 1
    if not staying:  # Riwayat keeps a row of formats only: what its next row takes its formats from
        body.append(formats_only_row(formats, 2, sheet.prefix))
        last = 2
    closed = []
    for closing, target, existing, start, moved in years:
        _write_year(patch, header, skeleton, target, existing, "".join(moved), start + len(moved) - 1, last_column,
                    {where[n][1]: links[n] for n, _ in moving[closing] if n in links}, part)
        closed.append(Closed(closing, len(moved), target, cases[closing]))
    if mark:  # the year closed with no case finished in it: its sheet, with a row of formats only, says so
        _write_year(patch, header, skeleton, marker, None, formats_only_row(formats, 2, sheet.prefix), 2,
                    last_column, {}, part)
        closed.append(Closed(year - 1, 0, marker, 0))
    kept_links = {where[n][1]: link for n, link in links.items() if n in where and where[n][0] is None}
    _set_hyperlinks(skeleton, kept_links, {})
    package.write(part, _assembled(skeleton, "".join(body), last, last_column))
    patch.forget(name)
    for rel_type, table_part in package.rels_of(part).values():
        if rel_type.endswith(TABLE_REL) and package.has(table_part):
            parts.set_table_last_row(package, table_part, last)
    if has_formula:  # Excel rebuilds the calc chain; a stale one naming a moved formula makes it 'repair' the file
        parts.remove_part(package, "xl/workbook.xml", CALC_CHAIN_REL)
    return sorted(closed, key=lambda c: c.year), where


def _column(sheet: SheetXml, letter: str | None) -> dict[int, object]:
    return {row: value for row, value, _ in sheet.column_at(letter)} if letter else {}


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else "" if value is None else str(value)


def _finished_cases(sheet: SheetXml, columns: dict[str, str], date1904: bool, year: int
                    ) -> tuple[dict[int, int], dict[int, int], bool]:
    """(row -> the year whose sheet it moves to, for each row of a case finished before `year`; the number of
    cases moving to each year; whether any row is dated before `year`). A case is finished when its last move in
    force (each Urungkan takes back the move before it) left it Selesai or Dibatalkan; it moves only when every
    row of it is dated, before `year`."""
    times, ids = _column(sheet, columns["time"]), _column(sheet, columns.get("case_id"))
    actions, statuses = _column(sheet, columns.get("action")), _column(sheet, columns.get("status"))
    rows_of: dict[str, list[int]] = {}
    for number in sorted(set(times) | set(ids)):
        case_id = _text(ids.get(number))
        if number > 1 and case_id:
            rows_of.setdefault(case_id, []).append(number)
    earlier = False
    archive: dict[int, int] = {}
    cases: dict[int, int] = {}
    for numbers in rows_of.values():
        moments = [as_moment(from_serial(times.get(n), date1904)) for n in numbers]
        earlier = earlier or any(m is not None and m.year < year for m in moments)
        if any(m is None or m.year >= year for m in moments):
            continue
        in_force: list[str] = []
        for number in numbers:
            if _text(actions.get(number)) == Action.URUNGKAN.value:
                if in_force:
                    in_force.pop()
            else:
                in_force.append(_text(statuses.get(number)))
        if in_force and in_force[-1] in CLOSED:
            last_year = max(m.year for m in moments if m is not None)
            archive.update((number, last_year) for number in numbers)
            cases[last_year] = cases.get(last_year, 0) + 1
    if not earlier:
        earlier = any((m := as_moment(from_serial(v, date1904))) is not None and m.year < year
                      for n, v in times.items() if n > 1)
    return archive, cases, earlier


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
