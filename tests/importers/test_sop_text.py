"""Importing SOP AP text copies: both seeds whole, and the shipped sheets equal to an import."""
import dataclasses
from pathlib import Path

import pytest

from iku_xl.errors import SopTextError
from iku_xl.importers.sop_text import parse_sop_text
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
    assert all(not s.executors for s in sop.steps), "the T/Y letters of lost arrows are not executors"


def test_text_without_table_is_refused():
    with pytest.raises(SopTextError):
        parse_sop_text("Nomor SOP\t123\nhanya identitas\n", "X")


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
    assert all(not s.executors and s.if_no is None for s in imported.steps)
    assert f"{code}2" in [c for c in book.sops]


def test_import_then_validate_points_at_missing_executors(plain_master, tmp_path, capsys):
    target = tmp_path / "iku.xlsx"
    target.write_bytes(plain_master.read_bytes())
    run(capsys, "sop", "import", KEMNAKER_SEED, "--code", "BARU", "--workbook", target)
    exit_code, out, _ = run(capsys, "validate", target, "--json")
    import json
    issues = json.loads(out)["issues"]
    missing = [i for i in issues if i["sop"] == "BARU" and i["field"] == "pelaksana"]
    assert exit_code == 1 and len(missing) == 16


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
