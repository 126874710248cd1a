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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..core import layout
from ..core.case import CLOSED
from ..core.cells import column_index
from ..core.history import moves_in_force
from ..core.values import as_moment, text_of
from .ooxml import parts
from .ooxml.package import MAIN_NS, R_NS, REL_NS, Package, parse_xml, xml_bytes
from .ooxml.sheet_xml import (
    SheetXml,
    UnfitForScan,
    formats_only_row,
    from_serial,
    renumbered_row,
    row_pieces,
    scan_columns,
    utf8,
)
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
    row that moved or was renumbered, old row -> (sheet or None for Riwayat, new row).

    Riwayat is never held whole: the columns that decide are scanned as its part is inflated, then its rows are
    read again, a few MB at a time, once for what stays and, when the workbook is saved, once for each new
    year's sheet (streamed into the compressor). A sheet the scan does not read is held whole instead."""
    name = layout.RIWAYAT.name
    package = patch.package
    last_column = max(column_index(c) for c in columns.values())
    marker = layout.history_year_sheet(year - 1).name
    if not look_at_all:
        first = due_year(patch, name, columns["time"])
        if first is None or first >= year or marker in patch.parts:
            return [], {}
    sheet = patch.tail_sheet(name)
    if sheet.edits:
        raise CannotClose("Riwayat already edited in this action")
    part = patch.parts[name]
    skeleton = _skeleton(sheet)
    if any(skeleton.find(f"{_M}{tag}") is not None for tag in _UNMOVABLE):
        raise CannotClose("Riwayat has notes, drawings or merged cells")
    source = _RiwayatRows(patch, columns)
    archive, cases, earlier = _finished_cases(source.deciding(), patch.date1904, year)
    targets = {closing: layout.history_year_sheet(closing).name for closing in sorted(set(archive.values()))}
    mark = earlier and marker not in patch.parts and (year - 1) not in targets
    if not targets and not mark:
        return [], {}
    # the moved rows' new places first: each year's after what its sheet holds, in Riwayat's order
    first_row = {closing: (patch.sheet(target).last_row() + 1 if target in patch.parts else 2)
                 for closing, target in targets.items()}
    next_row = dict(first_row)
    where: dict[int, tuple] = {}
    for number in sorted(archive):
        closing = archive[number]
        where[number], next_row[closing] = (targets[closing], next_row[closing]), next_row[closing] + 1
    header, staying, formats, into_existing = _staying_rows(source, where, targets, patch)
    links = _hyperlinks(skeleton)
    closed = []
    for closing, target in targets.items():
        moved_links = {where[n][1]: found for n, found in links.items() if n in where and where[n][0] == target}
        rows = into_existing.get(target)
        body: str | Callable[[], Iterator[str]] = "".join(rows) if rows is not None else source.moved_to(target,
                                                                                                        where)
        _write_year(patch, header, skeleton, target, patch.parts.get(target), body, next_row[closing] - 1,
                    last_column, moved_links, part)
        closed.append(Closed(closing, next_row[closing] - first_row[closing], target, cases[closing]))
    if mark:  # the year closed with no case finished in it: its sheet, with a row of formats only, says so
        _write_year(patch, header, skeleton, marker, None, formats_only_row(formats, 2, sheet.prefix), 2,
                    last_column, {}, part)
        closed.append(Closed(year - 1, 0, marker, 0))
    last = len(staying) + 1
    if not staying:  # Riwayat keeps a row of formats only: what its next row takes its formats from
        staying.append(formats_only_row(formats, 2, sheet.prefix))
        last = 2
    kept_links = {where[n][1]: link for n, link in links.items() if n in where and where[n][0] is None}
    _set_hyperlinks(skeleton, kept_links, {})
    package.write(part, _assembled(skeleton, header + "".join(staying), last, last_column))
    patch.forget(name)
    for rel_type, table_part in package.rels_of(part).values():
        if rel_type.endswith(TABLE_REL) and package.has(table_part):
            parts.set_table_last_row(package, table_part, last)
    # Excel rebuilds the calc chain; a stale one naming a moved formula makes it 'repair' the file
    parts.remove_part(package, "xl/workbook.xml", CALC_CHAIN_REL)
    return sorted(closed, key=lambda c: c.year), where


class _RiwayatRows:
    """Riwayat's rows for a close, read as its part is inflated: the columns that decide which cases move, then
    the rows' XML as often as needed. A sheet the scan does not read is held whole and read from memory."""

    def __init__(self, patch: WorkbookPatch, columns: dict[str, str]):
        self.patch, self.package = patch, patch.package
        self.part = patch.parts[layout.RIWAYAT.name]
        self.letters = [columns["time"], columns.get("case_id"), columns.get("action"), columns.get("status")]
        self.whole: SheetXml | None = None

    def deciding(self) -> list[tuple[int, list[object]]]:
        """(row, [time, case ID, action, status]) of every row holding one of them, in sheet order."""
        letters = [letter for letter in self.letters if letter]
        try:
            if self.part in self.package.changed_parts():  # the rows are re-read as stored: only what was read
                raise UnfitForScan("Riwayat already rewritten in this action")
            found = list(scan_columns(self.package.pieces(self.part), letters, self.package.shared_string))
        except UnfitForScan:
            self.whole = self.patch.whole_sheet(layout.RIWAYAT.name)
            values: dict[int, list[object]] = {}
            for place, letter in enumerate(letters):
                for number, value, _ in self.whole.column_at(letter):
                    values.setdefault(number, [None] * len(letters))[place] = value
            found = sorted(values.items())
        present = [place for place, letter in enumerate(self.letters) if letter]
        spread = []
        for number, values_found in found:
            row: list[object] = [None] * 4  # a column Riwayat lacks stays None
            for place, value in zip(present, values_found):
                row[place] = value
            spread.append((number, row))
        return spread

    def rows(self) -> Iterator[tuple[int, str]]:
        """(number, XML) of every row, header included, in sheet order."""
        if self.whole is not None:
            yield from self.whole.rows_xml()
            return
        for text in row_pieces(self.package.pieces(self.part, as_stored=True)):
            starts = [match.start() for match in _ROW_OPENING.finditer(text)]
            for place, begin in enumerate(starts):
                end = starts[place + 1] if place + 1 < len(starts) else len(text)
                yield int(text[begin + 8 : text.index('"', begin + 8)]), text[begin:end]

    def moved_to(self, target: str, where: dict[int, tuple]) -> Callable[[], Iterator[str]]:
        """The rows moving to `target`, renumbered, read again from the part when the workbook is saved."""
        def rows() -> Iterator[str]:
            for number, xml in self.rows():
                place = where.get(number)
                if place is not None and place[0] == target:
                    yield renumbered_row(xml, number, place[1]) or ""  # _staying_rows proved each one moves
        return rows


_ROW_OPENING = re.compile(r'<row r="')  # the scan has proven every row opens so


def _staying_rows(source: _RiwayatRows, where: dict[int, tuple], targets: dict[int, str], patch: WorkbookPatch
                  ) -> tuple[str, list[str], str, dict[str, list[str]]]:
    """One pass over the rows: (the header row, the rows staying in Riwayat renumbered from 2, the last row's XML
    for a row of formats, the rows moving into a year's sheet that is there already). Every moving row is
    renumbered here once, so a row that cannot move stops the close before anything is written."""
    header, formats = "", ""
    staying: list[str] = []
    existing: dict[str, list[str]] = {target: [] for target in targets.values() if target in patch.parts}
    for number, xml in source.rows():
        if number == 1:
            header = xml
            continue
        formats = xml
        place = where.get(number)
        new = place[1] if place is not None else len(staying) + 2
        moved = renumbered_row(xml, number, new)
        if moved is None:
            raise CannotClose(f"row {number} holds a shared or array formula")
        if place is None:
            where[number] = (None, new)
            staying.append(moved)
        elif place[0] in existing:
            existing[place[0]].append(moved)
    return header, staying, formats, existing


def _finished_cases(rows: Iterable[tuple[int, list[object]]], date1904: bool, year: int
                    ) -> tuple[dict[int, int], dict[int, int], bool]:
    """(row -> the year whose sheet it moves to, for each row of a case finished before `year`; the number of
    cases moving to each year; whether any row is dated before `year`), from each row's time, case ID, action
    and status. A case is finished when its last move in force (each Urungkan takes back the move before it)
    left it Selesai or Dibatalkan; it moves only when every row of it is dated, before `year`."""
    earlier = False
    numbers_of: dict[str, list[int]] = {}
    dated: list[tuple[str, str, str]] = []  # (case, action, status) of the rows dated before `year`
    latest: dict[str, int] = {}
    staying: set[str] = set()
    for number, (time, case_id, action, status) in rows:
        if number == 1:
            continue
        moment = as_moment(from_serial(time, date1904))
        earlier = earlier or (moment is not None and moment.year < year)
        case = text_of(case_id)
        if not case:
            continue
        numbers_of.setdefault(case, []).append(number)
        if moment is None or moment.year >= year:
            staying.add(case)
            continue
        latest[case] = max(latest.get(case, moment.year), moment.year)
        dated.append((case, text_of(action), text_of(status)))
    in_force = moves_in_force(dated)[0]
    archive: dict[int, int] = {}
    cases: dict[int, int] = {}
    for case, numbers in numbers_of.items():
        stack = in_force.get(case, [])
        if case in staying or not stack or stack[-1] not in CLOSED:
            continue
        archive.update((number, latest[case]) for number in numbers)
        cases[latest[case]] = cases.get(latest[case], 0) + 1
    return archive, cases, earlier


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


def _write_year(patch: WorkbookPatch, header: str, skeleton, name: str, existing: str | None,
                body: str | Callable[[], Iterator[str]], last: int, last_column: int, links: dict[int, list],
                riwayat_part: str) -> None:
    """Append the moved rows to the year's sheet, made as a copy of Riwayat's layout when it is new; `body`: the
    rows' XML, or what gives them when the workbook is saved (a new sheet's rows are streamed, never held)."""
    package = patch.package
    if existing:
        assert isinstance(body, str)
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
    if isinstance(body, str):
        package.write(part, _assembled(copy, header + body, last, last_column))
    else:
        head, tail = SheetXml(xml_bytes(copy)).rebuilt_ends(last, last_column)
        # written once and kept as stored by every later save: packed tighter than the Riwayat a move rewrites
        package.write_stream(part, _streamed_sheet(head + header.encode("latin-1"), body, tail), level=6)
    _copy_print_titles(package, name)


def _streamed_sheet(head: bytes, rows: Callable[[], Iterator[str]], tail: bytes) -> Iterator[bytes]:
    """A sheet's XML in pieces of about 1 MB: its head, the rows as `rows` gives them, its tail."""
    yield head
    batch: list[str] = []
    held = 0
    for row in rows():
        batch.append(row)
        held += len(row)
        if held >= 1 << 20:
            yield "".join(batch).encode("latin-1")
            batch, held = [], 0
    yield "".join(batch).encode("latin-1")
    yield tail


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
