"""Meetings as records (the Rapat sheet): the undangan writes the meeting it sets, the notula is made from what the
notulis typed and only after the meeting, and the meeting step's time counts from the meeting's start."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from iku_xl.actions.generate import generate
from iku_xl.actions.status import case_status
from iku_xl.workbook.reader import read_book
from tests.documents.test_naskah import printed_texts
from tests.helpers import edit, soffice

# the demo's finished case met on Tuesday 6 October 2026, 09.00 to 11.00; its undangan was signed on Friday 2 October
HELD = ("IKU-2026-001", "Selasa, 6 Oktober 2026", "09.00 s.d. 11.00 WIB")


def one_sentence(message: str) -> bool:
    return message.endswith(".") and not re.search(r"[.!?]\s+[A-Z]", message[:-1])


def test_the_finished_cases_undangan_and_notula_name_the_same_meeting(demo_book, tmp_path):
    case, day, hours = HELD
    book = read_book(demo_book)
    meeting = next(m for m in book.meetings if m.case_id == case)
    signed = next(h.time for h in book.history if h.case_id == case and h.from_step == 10 and h.action == "Maju")
    invitation = generate(demo_book, [case], ["undangan_rapat"], tmp_path / "u", pdf=soffice() is not None,
                          today=signed.date()).files
    minutes = generate(demo_book, [case], ["notula_rapat"], tmp_path / "n", pdf=soffice() is not None,
                       today=dt.date(2026, 11, 23)).files
    assert len(invitation) == len(minutes) == 1
    for text in printed_texts(invitation[0]):
        assert day in text and hours in text and "Ruang Rapat Biro Perencanaan dan Organisasi" in text
    for text in printed_texts(minutes[0]):
        assert day in text and hours in text
        for point in meeting.items("points"):  # what the notulis typed, not the IKU rows restated
            assert point[:40] in text
        assert "Setiap kedeputian menyampaikan data dasar tahun 2024" in text
        assert "9 Oktober 2026" in text  # a tindak lanjut, after the meeting
        assert "Jakarta, 23 November 2026" in text  # dated on or after the meeting
    assert meeting.starts.weekday() < 5 and signed.date() < meeting.starts.date()


def test_the_undangan_writes_the_meeting_it_sets_to_the_rapat_sheet(demo_book, tmp_path):
    edit(demo_book, {"Rapat": {f"{c}3": None for c in "ABCDEFGHIJ"}})  # IKU-2026-002 without its meeting row
    assert [m.case_id for m in read_book(demo_book).meetings if m.case_id] == ["IKU-2026-001"]
    made = generate(demo_book, ["IKU-2026-002"], ["undangan_rapat"], tmp_path, today=dt.date(2026, 11, 18))
    meetings = [m for m in read_book(demo_book).meetings if m.case_id == "IKU-2026-002"]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting.starts == dt.datetime(2026, 11, 20, 9, 0) and meeting.ends == dt.datetime(2026, 11, 20, 11, 0)
    assert meeting.step == 11 and "Kepala Bagian Perencanaan" in meeting.items("participants")
    assert not meeting.items("points")  # for the notulis to type after the meeting
    text = printed_texts(made.files[0])[0]
    assert "Jumat, 20 November 2026" in text and "09.00 s.d. 11.00 WIB" in text
    again = generate(demo_book, ["IKU-2026-002"], ["undangan_rapat"], tmp_path / "2", today=dt.date(2026, 11, 18))
    assert "Jumat, 20 November 2026" in printed_texts(again.files[0])[0]
    assert len([m for m in read_book(demo_book).meetings if m.case_id == "IKU-2026-002"]) == 1


@pytest.mark.parametrize("today, words", [
    (dt.date(2026, 11, 19), "baru selesai Jumat, 20 November 2026 pukul 11.00 WIB"),
    (dt.date(2026, 11, 23), "Pokok bahasan rapat kasus IKU-2026-002 masih kosong"),
])
def test_a_notula_waits_for_its_meeting_and_its_points(today, words, demo_book, tmp_path):
    made = generate(demo_book, ["IKU-2026-002"], ["notula_rapat"], tmp_path, today=today)
    assert made.files == []
    [reason] = made.skipped
    assert words in reason and one_sentence(reason.split(": ", 1)[1]), reason
    if "kosong" in words:  # the notulis types the points: the notula comes out, dated after the meeting
        edit(demo_book, {"Rapat": {"H3": "1. Target indikator opini laporan keuangan", "I3": "Target disepakati."}})
        made = generate(demo_book, ["IKU-2026-002"], ["notula_rapat"], tmp_path / "2", today=today)
        text = printed_texts(made.files[0])[0]
        assert "Target indikator opini laporan keuangan." in text and "Jakarta, 23 November 2026" in text


def test_the_meeting_steps_time_counts_from_the_meeting(demo_book):
    """IKU-2026-002 reached the meeting step on 18 November; its 120 Menit count from the meeting on the 20th."""
    book = read_book(demo_book)
    case = next(c for c in book.cases if c.id_text == "IKU-2026-002")
    assert case.step == 11 and case.started.date() == dt.date(2026, 11, 18)
    assert case.due == dt.datetime(2026, 11, 20, 11, 0)
    status = {s.id: s for s in case_status(demo_book, now=dt.datetime(2026, 11, 20, 10, 30))}
    assert not status["IKU-2026-002"].overdue
