"""The history frame: one row per Riwayat row, moves undone left out of the count, loaded only where needed."""
import datetime as dt
import subprocess
import sys

from iku_xl.actions import workflow
from iku_xl.analysis.history_frame import history_frame
from iku_xl.workbook.reader import read_book

NOW = dt.datetime(2027, 1, 5, 12, 0)


def test_the_macros_and_the_command_line_start_without_pandas():
    code = ("import sys, iku_xl.excel.macros, iku_xl.cli, iku_xl.actions.workflow, iku_xl.actions.export;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'numpy')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_one_row_per_riwayat_row_with_its_sop_and_undone_moves_not_in_force(demo_book):
    case = workflow.open_case(demo_book, "POLHUKAM", "Uji", at=dt.datetime(2026, 12, 1, 8, 0), now=NOW).opened[-1]
    workflow.advance(demo_book, case, at=dt.datetime(2026, 12, 1, 8, 5), now=NOW)
    workflow.advance(demo_book, case, at=dt.datetime(2026, 12, 1, 8, 20), now=NOW)
    workflow.undo(demo_book, case, at=dt.datetime(2026, 12, 1, 8, 30), now=NOW)
    book = read_book(demo_book)
    frame = history_frame(book)
    assert len(frame) == len(book.history) and list(frame["row"]) == [h.row for h in book.history]
    mine = frame[frame["case_id"] == case]
    assert list(mine["action"]) == ["Maju", "Maju", "Urungkan"]
    assert list(mine["in_force"]) == [True, False, False]  # the second move was undone, the undo itself is no move
    assert set(mine["sop"]) == {"POLHUKAM"} and list(mine["from_step"]) == [1, 2, 3]
    assert str(frame["time"].dtype).startswith("datetime64") and mine["minutes"].iloc[0] == 5
