"""Styles from another workbook are appended: every index the workbook already had keeps its look."""
from __future__ import annotations

import io

from lxml import etree
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from iku_xl.workbook.ooxml.package import Package
from iku_xl.workbook.ooxml.styles import StyleMerger

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def styles_of(fill: str, font: str, number_format: str) -> bytes:
    workbook = Workbook()
    cell = workbook.active["A1"]
    cell.value, cell.font, cell.fill, cell.number_format = 1, Font(name=font, bold=True), \
        PatternFill("solid", fgColor=fill), number_format
    out = io.BytesIO()
    workbook.save(out)
    return Package(out.getvalue()).read("xl/styles.xml")


def test_merged_styles_append_and_keep_existing_indices():
    target, source = styles_of("FF0000", "Arial", "0.00"), styles_of("00FF00", "Calibri", "dd/mm/yyyy hh:mm")
    before = etree.fromstring(target).find(f"{NS}cellXfs")
    merger = StyleMerger(target, source)
    index = merger.map(1)
    after = etree.fromstring(merger.to_bytes())
    xfs = after.find(f"{NS}cellXfs")
    assert index == len(before) and len(xfs) == len(before) + 1
    assert [etree.tostring(x) for x in xfs[:len(before)]] == [etree.tostring(x) for x in before]
    new = xfs[index]
    font = after.find(f"{NS}fonts")[int(new.get("fontId"))]
    assert font.find(f"{NS}name").get("val") == "Calibri"
    fill = after.find(f"{NS}fills")[int(new.get("fillId"))]
    assert fill.find(f"{NS}patternFill/{NS}fgColor").get("rgb").endswith("00FF00")
    number = next(f for f in after.find(f"{NS}numFmts") if f.get("numFmtId") == new.get("numFmtId"))
    assert number.get("formatCode") == "dd/mm/yyyy hh:mm"
    assert merger.map(1) == index  # mapped once


def test_a_style_the_target_already_has_is_reused():
    same = styles_of("FF0000", "Arial", "0.00")
    merger = StyleMerger(same, same)
    assert merger.map(1) == 1
