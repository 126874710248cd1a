"""Importing SOP AP text copies: both seeds whole, and the shipped sheets equal to an import."""
import dataclasses
from pathlib import Path

import pytest

from iku_xl.core.sop import StepKind
from iku_xl.errors import SopTextError
from iku_xl.importers.sop_text import parse_sop_text
from iku_xl.shipped_sops import READING
from iku_xl.workbook.reader import read_book
from tests.helpers import KEMNAKER_SEED, POLHUKAM_SEED, ROOT, run


def parse(path: Path, code: str):
    return parse_sop_text(path.read_text(encoding="utf-8"), code)


def test_polhukam_seed_whole():
    sop = parse(POLHUKAM_SEED, "POLHUKAM")
    assert [s.no for s in sop.steps] == list(range(1, 18))
    assert sop.roles == ("Sesmenko", "Karo PO", "Kabag Perencanaan", "Kasubbag Program & Anggaran",
                         "Unit Organisasi terkait")
    assert sop.identity.nomor == "OT.01.02-005-097.Set.PO"
    assert sop.identity.judul == "Penyusunan Indikator Kinerja Utama (IKU)"
    assert sop.identity.dasar_hukum.count("\n") == 3  # four regulations, one a line
    step8 = sop.step(8)  # extraction shifted steps 8 to 15 one cell right
    assert (step8.kelengkapan, step8.waktu) == ("koordinasi teknis + disposisi", "60 Menit")
    assert sop.step(15).output == "Konsep IKU + konsep PerMenko dan nota dinas pengantar"
    assert sop.step(10).waktu == ""
    assert sop.step(17).waktu == "20 Menit"


def test_kemnaker_seed_whole():
    sop = parse(KEMNAKER_SEED, "KEMNAKER")
    assert [s.no for s in sop.steps] == list(range(1, 17))
    assert sop.roles == ("Kasubag", "Kabag", "Karo", "Sekjen", "Menteri", "Tim", "Fungsional Umum")
    assert sop.identity.instansi.splitlines()[0] == "KEMENTERIAN KETENAGAKERJAAN REPUBLIK INDONESIA"
    assert sop.identity.tanggal_pembuatan == ""
    assert sop.step(1).kelengkapan == "Konsep Rencana Kerja, TOR"
    assert sop.step(6).keterangan == "SOP Pengumpulan Bahan, SOP Pembuatan bahan"
    assert {s.waktu for s in sop.steps} == {"menit", ""}
    # the T/Y letters of lost arrows are not executors: the executors come from the wording, to confirm
    assert all("dibaca dari uraian" in s.to_confirm for s in sop.steps)
    assert [s.executors for s in sop.steps] == [r[0] for r in READING["KEMNAKER"].values()]
    decisions = {s.no: (s.if_yes, s.if_no) for s in sop.steps if s.is_decision}
    assert decisions == {n: (r[2], r[3]) for n, r in READING["KEMNAKER"].items() if r[1] is StepKind.KEPUTUSAN}


def test_text_without_table_is_refused():
    with pytest.raises(SopTextError, match="Tabel langkah"):
        parse_sop_text("Nomor SOP\t123\nhanya identitas\n", "X")


def test_text_copied_from_a_pdf_viewer_says_to_import_the_file():
    """A PDF viewer's copy keeps the header's words but no cell borders: staff are told what to import."""
    copied = ("NOMOR SOP : 12\nNAMA SOP : Penyusunan RKA\nPelaksana Mutu Baku\n"
              "No Kegiatan Kepala Sekretaris Kasubag Kelengkapan Waktu Output Ket\n"
              "1 Kepala memerintahkan sekretaris menyiapkan bahan KUA-PPAS 1 hari Disposisi\n")
    with pytest.raises(SopTextError, match=r"tidak memisahkan kolom.*impor berkas PDF atau Word aslinya"):
        parse_sop_text(copied, "RKA")


@pytest.mark.parametrize("seed,code", [(POLHUKAM_SEED, "POLHUKAM"), (KEMNAKER_SEED, "KEMNAKER")])
def test_import_matches_shipped_sheet(seed, code, plain_master, tmp_path, capsys):
    """What staff import from the seed equals the shipped sheet, but for what only the reading adds."""
    target = tmp_path / "iku.xlsx"
    target.write_bytes(plain_master.read_bytes())
    exit_code, out, _ = run(capsys, "sop", "import", seed, "--code", f"{code}2", "--workbook", target)
    assert exit_code == 0, out
    book = read_book(target)
    shipped = read_book(ROOT / "workbook" / "iku.xlsx").sops[code]
    imported = book.sops[f"{code}2"]
    assert imported.roles == shipped.roles
    assert imported.identity == dataclasses.replace(shipped.identity, profil="")  # the profile is the reading's
    fields = ("no", "kegiatan", "kelengkapan", "waktu", "output", "keterangan")
    assert [[getattr(s, f) for f in fields] for s in imported.steps] == \
           [[getattr(s, f) for f in fields] for s in shipped.steps]
    assert all(s.to_confirm for s in imported.steps)  # every executor read from the wording is to be checked
    if code == "KEMNAKER":
        assert [(s.kind, s.if_yes, s.if_no) for s in imported.steps if s.is_decision] == \
               [(s.kind, s.if_yes, s.if_no) for s in shipped.steps if s.is_decision]
    assert f"{code}2" in [c for c in book.sops]


def test_import_then_validate_asks_to_confirm_what_was_read_from_the_wording(plain_master, tmp_path, capsys):
    target = tmp_path / "iku.xlsx"
    target.write_bytes(plain_master.read_bytes())
    code, out, _ = run(capsys, "sop", "import", KEMNAKER_SEED, "--code", "BARU", "--workbook", target)
    assert code == 0 and "7 keputusan" in out and "Langkah 2: Keputusan dibaca dari uraian" in out
    _, out, _ = run(capsys, "validate", target, "--json")
    import json
    issues = [i for i in json.loads(out)["issues"] if i["sop"] == "BARU"]
    assert len([i for i in issues if i["field"] == "to_confirm"]) == 16
    assert not [i for i in issues if i["field"] == "pelaksana"]


def test_a_decision_found_in_the_wording_can_be_answered_tidak(plain_master, tmp_path, capsys):
    """Imported before, the Kemnaker SOP had no decisions: 'advance --decision tidak' was refused."""
    target = tmp_path / "iku.xlsx"
    target.write_bytes(plain_master.read_bytes())
    run(capsys, "sop", "import", KEMNAKER_SEED, "--code", "BARU", "--workbook", target)
    assert run(capsys, "open", target, "--sop", "BARU", "--title", "IKU", "--at", "2026-11-23T08:00")[0] == 0
    assert run(capsys, "advance", target, "IKU-2026-001", "--at", "2026-11-23T09:00")[0] == 0
    code, _, err = run(capsys, "advance", target, "IKU-2026-001", "--decision", "tidak", "--at",
                         "2026-11-23T10:00")
    assert code == 0, err
    assert next(c for c in read_book(target).cases).step == 1


def test_import_refuses_existing_code_and_keeps_file(demo_book, capsys):
    before = demo_book.read_bytes()
    exit_code, _, err = run(capsys, "sop", "import", POLHUKAM_SEED, "--code", "POLHUKAM", "--workbook", demo_book)
    assert exit_code == 1 and "sudah ada" in err
    assert demo_book.read_bytes() == before


def test_import_refuses_bad_code(demo_book, capsys):
    exit_code, _, err = run(capsys, "sop", "import", POLHUKAM_SEED, "--code", "Kasus", "--workbook", demo_book)
    assert exit_code == 2 and "Kode SOP" in err


def test_import_of_a_non_sop_text_is_exit_2(demo_book, tmp_path, capsys):
    text = tmp_path / "surat.txt"
    text.write_text("Yth. Bapak\nDengan hormat, ...\n", encoding="utf-8")
    before = demo_book.read_bytes()
    exit_code, _, err = run(capsys, "sop", "import", text, "--code", "SURAT", "--workbook", demo_book)
    assert exit_code == 2 and "Tabel langkah" in err and "Traceback" not in err
    assert demo_book.read_bytes() == before


@pytest.mark.parametrize("wording", ["Karo memeriksa konsep IKU; konsep yang ditolak diperbaiki Kasubag",
                                     "Karo memeriksa konsep IKU, jika tidak setuju dikembalikan kepada Kasubag"])
def test_a_step_whose_wording_turns_the_case_back_is_read_as_a_decision(wording):
    """SOPs write a decision in words: a concept 'ditolak' (rejected) or 'jika tidak setuju' goes back."""
    from iku_xl.core.sop import Step
    from iku_xl.importers.sop_wording import complete

    steps = [Step(1, "Kasubag menyusun konsep IKU", ("Kasubag",)), Step(2, wording, ("Karo",)),
             Step(3, "Karo menyampaikan konsep IKU kepada Sekjen", ("Karo",))]
    read, notes = complete(steps, ("Kasubag", "Karo", "Sekjen"))
    assert (read[1].kind, read[1].if_yes, read[1].if_no) == (StepKind.KEPUTUSAN, 3, 1)
    assert [n.step for n in notes] == [2]
