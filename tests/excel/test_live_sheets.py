"""Cells as few ranges as Excel takes, and fills read a union range at a time (no application needed)."""
from iku_xl.core.cells import column_index
from iku_xl.excel.live_sheets import ADDRESS_LIMIT, fills_of, rectangles, union_addresses


class FakeSheet:
    """Fills by cell; a range whose cells differ fails, as xlwings does on Excel's Null; counts the calls."""

    def __init__(self, fills: dict) -> None:
        self.fills = fills
        self.calls = 0

    def range(self, address: str):
        self.calls += 1
        cells = set()
        for part in address.split(","):
            first, _, last = part.partition(":")
            last = last or first
            r1, c1 = _cell(first)
            r2, c2 = _cell(last)
            cells |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        colours = {self.fills.get(cell) for cell in cells}
        sheet = self

        class Area:
            @property
            def color(self):
                if len(colours) > 1:
                    raise TypeError("Null")
                return next(iter(colours))

            @color.setter
            def color(self, value):
                sheet.fills.update(dict.fromkeys(cells, value))
        return Area()


def _cell(text: str) -> tuple[int, int]:
    letters = "".join(ch for ch in text if ch.isalpha())
    return int(text[len(letters):]), column_index(letters)


def test_a_column_of_cells_is_one_area_and_a_staircase_is_one_row_each():
    assert rectangles([(r, 8) for r in range(2, 1000)]) == [(2, 8, 999, 8)]
    assert union_addresses([(r, 8) for r in range(2, 1000)]) == ["H2:H999"]
    assert rectangles([(2, 1), (2, 2), (3, 1), (3, 2), (5, 5)]) == [(2, 1, 3, 2), (5, 5, 5, 5)]
    stairs = [(r, c) for r in range(5, 9) for c in range(4, r)]
    assert sorted(c for a in rectangles(stairs) for c in _cells(a)) == sorted(stairs)


def test_scattered_cells_fit_the_address_limit():
    cells = [(r, 3) for r in range(2, 2000, 2)]
    addresses = union_addresses(cells)
    assert all(len(a) <= ADDRESS_LIMIT for a in addresses)
    assert len(addresses) < len(cells) / 20
    assert sorted(c for a in addresses for part in a.split(",") for c in _cells(_area(part))) == cells


def test_fills_read_in_few_calls_and_halved_where_they_differ():
    cells = [(r, 8) for r in range(2, 1002)]
    plain = FakeSheet({})
    assert fills_of(plain, cells) == dict.fromkeys(cells)
    assert plain.calls == 1
    own = {(40, 8): (221, 235, 247), (41, 8): (221, 235, 247), (700, 8): (255, 255, 0)}
    coloured = FakeSheet(dict(own))
    assert fills_of(coloured, cells) == {cell: own.get(cell) for cell in cells}
    assert coloured.calls < 60  # halving: a few calls per cell whose fill differs, not one per cell


def _area(part: str) -> tuple[int, int, int, int]:
    first, _, last = part.partition(":")
    return (*_cell(first), *_cell(last or first))


def _cells(area) -> list[tuple[int, int]]:
    r1, c1, r2, c2 = area
    return [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
