"""The one regex module over sheet XML, on odd but legal inputs."""
from __future__ import annotations

import datetime as dt

from lxml import etree

from iku_xl.workbook.ooxml.sheet_xml import (
    Formula,
    SheetXml,
    decode_xstring,
    encode_xstring,
    same_value,
    unescape,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def sheet(rows: str, prefix: str = "", tail: str = "") -> bytes:
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    return (f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {xmlns}><{p}dimension ref="A1:C3"/>'
            f'<{p}sheetData>{rows}</{p}sheetData>{tail}</{p}worksheet>').encode()


def cells_of(xml: bytes) -> dict[str, str | None]:
    """Every cell's value as a spreadsheet reads the result (lxml: the output must stay well-formed XML);
    a row or cell without r is the one after the one before."""
    from iku_xl.core.cells import column_index, column_letter

    root = etree.fromstring(xml)
    found = {}
    row_no = 0
    for row in root.iter(f"{{{MAIN}}}row"):
        row_no = int(row.get("r")) if row.get("r") else row_no + 1
        column = 0
        for cell in row.iter(f"{{{MAIN}}}c"):
            ref = cell.get("r")
            column = column_index(ref.rstrip("0123456789")) if ref else column + 1
            value = cell.find(f"{{{MAIN}}}v")
            text = "".join(cell.itertext())
            found[f"{column_letter(column)}{row_no}"] = value.text if value is not None else (text or None)
    return found


def test_rows_and_cells_without_r_are_numbered_from_the_one_before():
    xml = sheet('<row><c><v>1</v></c><c><v>2</v></c></row><row><c t="inlineStr"><is><t>b</t></is></c></row>'
                '<row r="5"><c r="B5"><v>5</v></c><c><v>6</v></c></row>')
    patch = SheetXml(xml)
    assert patch.rows() == [1, 2, 5]
    assert {c: cell.value for c, cell in patch.cells(1).items()} == {1: 1.0, 2: 2.0}
    assert patch.cells(5)[3].value == 6.0
    assert dict(patch.column("A")) == {1: 1.0, 2: "b"}
    patch.set(3, 1, "baru")
    patch.set(1, 2, 20)
    out = patch.to_bytes()
    assert cells_of(out) == {"A1": "1", "B1": "20", "A2": "b", "A3": "baru", "B5": "5", "C5": "6"}


def test_a_namespace_prefix_is_kept():
    xml = sheet('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>', prefix="x")
    patch = SheetXml(xml)
    assert patch.prefix == "x:"
    patch.set(2, 1, "dua")
    out = patch.to_bytes()
    assert b"<x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\"><x:is>" in out
    assert cells_of(out) == {"A1": "1", "A2": "dua"}


def test_shared_strings_inline_strings_and_rich_text_read_as_their_text():
    shared = ["bersama"]
    xml = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>ka</t></r><r><t>ya</t></r>'
                '<rPh><t>x</t></rPh></is></c><c r="C1" t="str"><f>A1&amp;"!"</f><v>bersama!</v></c></row>')
    cells = SheetXml(xml, shared=lambda i: shared[i]).cells(1)
    assert [cells[c].value for c in (1, 2, 3)] == ["bersama", "kaya", "bersama!"]
    assert cells[3].formula == 'A1&"!"'


def test_a_shared_formula_follower_has_no_formula_text_and_is_kept():
    xml = sheet('<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1*2</f><v>2</v></c></row>'
                '<row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c><c r="B2"><v>2</v></c></row>')
    patch = SheetXml(xml)
    assert patch.cells(1)[1].formula == "B1*2" and patch.cells(2)[1].formula is None
    patch.set(2, 2, 3)
    out = patch.to_bytes()
    assert b'<c r="A2"><f t="shared" si="0"/><v>4</v></c>' in out


def test_the_last_row_of_a_sheet_and_rows_with_formats_only():
    xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" s="3"/></row>'
                '<row r="1048576"><c r="A1048576" s="2"/></row>')
    patch = SheetXml(xml)
    assert patch.last_row() == 1048576 and patch.last_filled_row() == 1
    patch.set(1048576, 2, "akhir")
    out = patch.to_bytes()
    assert cells_of(out)["B1048576"] == "akhir" and b'<c r="A1048576" s="2"/>' in out


def test_an_empty_sheet_data_element_takes_rows():
    patch = SheetXml(b'<worksheet xmlns="%s"><sheetData/></worksheet>' % MAIN.encode())
    patch.set(1, 1, "a")
    assert cells_of(patch.to_bytes()) == {"A1": "a"}


def test_a_cell_written_with_the_value_it_has_keeps_its_bytes():
    original = '<c r="A1" s="4" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>'
    patch = SheetXml(sheet(f'<row r="1">{original}<c r="B1"><v>46349.5</v></c></row>'))
    patch.set(1, 1, "xy")
    patch.set(1, 2, dt.datetime(2026, 11, 23, 12, 0))
    out = patch.to_bytes()
    assert original.encode() in out and b'<c r="B1"><v>46349.5</v></c>' in out
    assert not patch.replaced_formula


def test_text_is_escaped_once_and_formulas_round_trip():
    patch = SheetXml(sheet('<row r="1"><c r="A1"><f>IF($J1&lt;NOW(),"a&amp;b","")</f><v>0</v></c></row>'))
    formula = patch.cells(1)[1].formula
    assert formula == 'IF($J1<NOW(),"a&b","")'
    patch.set(2, 1, Formula(formula.replace("J1", "J2")))
    patch.set(2, 2, "a & b < c > d _x0041_ \r\x07")
    out = patch.to_bytes()
    assert b'<f>IF($J2&lt;NOW(),"a&amp;b","")</f>' in out
    assert decode_xstring(cells_of(out)["B2"]) == "a & b < c > d _x0041_ \r\x07"


def test_xstring_and_entities():
    assert encode_xstring("_x0041_\x01\r") == "_x005F_x0041__x0001__x000D_"
    assert decode_xstring(encode_xstring("a_x0041_b\x02")) == "a_x0041_b\x02"
    assert unescape("&amp;lt; &#65;&#x42; &quot;&apos;") == "&lt; AB \"'"


def test_same_value_across_types():
    from iku_xl.workbook.ooxml.sheet_xml import Cell

    number = Cell(1, None, None, 7.0)
    assert same_value(number, 7) and same_value(number, 7.0) and not same_value(number, "7")
    assert same_value(Cell(1, None, None, None), None) and same_value(Cell(1, None, None, None), "")
    assert not same_value(Cell(1, None, None, 1.0), True)
    assert not same_value(Cell(1, None, None, None, error="#REF!"), None)


def test_error_cells_are_found_in_any_row():
    patch = SheetXml(sheet('<row r="1"><c r="A1" t="e"><v>#REF!</v></c></row><row><c t="e"><v>#N/A</v></c></row>'))
    assert patch.error_cells() == [("A1", "#REF!"), ("A2", "#N/A")]


def test_column_widths_and_fitted_heights_with_a_prefix_and_a_height_set_by_hand():
    xml = (f'<x:worksheet xmlns:x="{MAIN}"><x:cols><x:col min="1" max="2" width="30.5" customWidth="1"/>'
           '<x:col max="4" min="4" width="12"/><x:col min="5" max="5"/></x:cols><x:sheetData>'
           '<x:row r="1" ht="40" spans="1:2"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row>'
           '<x:row r="2" customHeight="true" ht="80"><x:c r="A2"><x:v>1</x:v></x:c></x:row>'
           '</x:sheetData></x:worksheet>').encode()
    patch = SheetXml(xml)
    assert patch.column_widths() == {1: 30.5, 2: 30.5, 4: 12.0}
    for row in (1, 2, 3):
        patch.set(row, 1, "baru")
    patch.fit_height(1, 28.0)  # the program's height follows the text
    patch.fit_height(2, None)  # staff set this one by hand: it stays
    patch.fit_height(3, 53.5)  # a new row
    root = etree.fromstring(patch.to_bytes())
    rows = {r.get("r"): r for r in root.iter(f"{{{MAIN}}}row")}
    assert rows["1"].get("ht") == "28" and rows["1"].get("customHeight") is None
    assert rows["2"].get("ht") == "80" and rows["2"].get("customHeight") == "true"
    assert rows["3"].get("ht") == "53.5"
    patch = SheetXml(xml)
    patch.set(1, 1, "pendek")
    patch.fit_height(1, None)  # one line again: the default height
    assert next(etree.fromstring(patch.to_bytes()).iter(f"{{{MAIN}}}row")).get("ht") is None


def test_rows_written_plainly_read_as_the_general_reading_reads_them():
    # the plain shapes (r= first, value or inline text) and, in the same sheet, rows that are not plain
    xml = sheet('<row r="1"><c r="A1" s="3" t="inlineStr"><is><t xml:space="preserve">a &amp; b_x000D_</t></is></c>'
                '<c r="B1" t="s"><v>1</v></c><c r="C1" s="2"><v>46000.5</v></c><c r="D1" t="b"><v>1</v></c>'
                '<c r="E1" t="e"><v>#REF!</v></c><c r="F1" s="4"/><c r="G1" t="str"><v>x</v></c></row>'
                '<row spans="1:2" r="2"><c t="n" s="1" r="A2"><v>7</v></c><c r="B2"><f>A2*2</f><v>14</v></c></row>')
    patch = SheetXml(xml, shared=lambda index: ["nol", "satu"][index])
    first = patch.cells(1)
    assert {c: (cell.value, cell.style, cell.error) for c, cell in first.items()} == {
        1: ("a & b\r", "3", None), 2: ("satu", None, None), 3: (46000.5, "2", None), 4: (True, None, None),
        5: (None, None, "#REF!"), 6: (None, "4", None), 7: ("x", None, None)}
    second = patch.cells(2)  # r= not first in the row and the cells: found and read all the same
    assert (second[1].value, second[1].style, second[2].formula, second[2].value) == (7.0, "1", "A2*2", 14.0)
    assert patch.cells(3) == {} and patch.cells(99) == {}


def test_a_row_found_by_a_column_scan_is_read_where_the_scan_found_it():
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>K-{n % 3}</t></is></c><c r="B{n}"><v>{n}</v></c>'
                   "</row>" for n in range(2, 40))
    patch = SheetXml(sheet(rows))
    found = [(row, offset) for row, value, offset in patch.column_at("A") if value == "K-1"]
    assert [row for row, _ in found] == [n for n in range(2, 40) if n % 3 == 1]
    assert [patch.cells(patch.row_at(offset))[2].value for _, offset in found] == [float(row) for row, _ in found]


def test_the_row_index_finds_what_the_whole_row_pattern_finds():
    """Rows indexed by their openings and a search for their ends: the spans the one pattern over a whole row
    gives, on self-closing rows, a prefix, rows without r= or with r= after other attributes, an unclosed one."""
    import re

    from iku_xl.workbook.ooxml.sheet_xml import _span

    odd = [
        ('<row r="1" spans="1:2"><c r="A1"><v>1</v></c></row><row r="2" spans="1:2"/>'
         '<row customHeight="1" ht="30" r="5"><c r="B5" t="inlineStr"><is><t>a&lt;/row&gt;b</t></is></c></row>'
         '<row><c><v>2</v></c></row><row/><row r="9"></row>', ""),
        ('<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row><x:row r="3" x14ac:dyDescent="0.25"/>'
         '<x:row r="4"><x:c r="A4"><x:v>4</x:v></x:c></x:row>', "x"),
        ('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c>', ""),  # the last never closed
    ]
    for rows, prefix in odd:
        xml = SheetXml(sheet(rows, prefix))
        p = re.escape(f"{prefix}:" if prefix else "")
        whole_rows = re.compile(rf"<{p}row\b(?P<attrs>[^>]*?)(?:/>|>(?P<inner>.*?)</{p}row>)", re.S)
        expected, previous = {}, 0
        for match in whole_rows.finditer(xml.text, xml.start, xml.end):
            number = re.search(r'\br="(\d+)"', match.group("attrs"))
            previous = int(number.group(1)) if number else previous + 1
            expected[previous] = _span(match)
        assert xml._index() == expected and expected
