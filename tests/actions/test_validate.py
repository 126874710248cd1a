"""Validation: the shipped workbook's real gaps, and every rule with a failing and a passing row.

Each failing case edits the demo workbook as a user would in Excel; the passing case is the
same cell in the unedited demo workbook, which must have no such finding.
"""
import datetime as dt
import json

import pytest

from tests.helpers import edit, run


def issues(capsys, path):
    code, out, _ = run(capsys, "validate", path, "--json")
    return code, json.loads(out)


def test_init_reports_both_sops_and_only_the_seed_gaps(plain_master, capsys):
    code, report = issues(capsys, plain_master)
    assert code == 0
    assert report["sops"] == [
        {"code": "POLHUKAM", "sheet": "POLHUKAM", "steps": 17, "roles": 5},
        {"code": "KEMNAKER", "sheet": "KEMNAKER", "steps": 16, "roles": 7},
    ]
    assert [i for i in report["issues"] if i["level"] == "error"] == []
    waktu = [(i["sop"], i["step"]) for i in report["issues"] if i["field"] == "waktu"]
    assert ("POLHUKAM", 10) in waktu
    assert [s for sop, s in waktu if sop == "POLHUKAM"] == [10]
    assert sorted(s for sop, s in waktu if sop == "KEMNAKER") == list(range(1, 17))
    no_number = [i for i in report["issues"] if i["sop"] == "KEMNAKER" and "tidak punya angka" in i["message"]]
    assert len(no_number) == 13  # 'menit' with no number; steps 11-13 are blank
    polhukam10 = next(i for i in report["issues"] if i["sop"] == "POLHUKAM" and i["step"] == 10)
    assert polhukam10["sheet"] == "POLHUKAM" and polhukam10["cell"] == "I29" and polhukam10["level"] == "warning"


def test_plain_workbook_warns_roles_without_officials(plain_master, capsys):
    _, report = issues(capsys, plain_master)
    no_official = [i for i in report["issues"] if "belum punya pejabat" in i["message"]]
    assert len(no_official) == 12  # 5 POLHUKAM roles + 7 KEMNAKER roles
    assert {i["cell"] for i in no_official if i["sop"] == "POLHUKAM"} == {"C19", "D19", "E19", "F19", "G19"}


def test_demo_workbook_has_no_errors(demo_master, capsys):
    code, report = issues(capsys, demo_master)
    assert code == 0 and report["cases"] == 4
    assert not [i for i in report["issues"] if i["level"] == "error"]


# edited sheet, {cell: value}, expected (cell, level, field, words in the message)[, sheet reported on]
# POLHUKAM: steps from row 20 (step n at row 19+n); A=No, B=Kegiatan, C-G roles, H Kelengkapan,
# I Waktu, J Output, K Ket, L Jenis, M Jika Ya, N Jika Tidak, O Dokumen.
# KEMNAKER: C-I roles, J Kelengkapan, K Waktu, L Output, M Ket, N Jenis, O Ya, P Tidak, Q Dokumen.
CASES = {
    "step number missing": ("POLHUKAM", {"A24": None}, ("A24", "error", "no", "kosong")),
    "step number not a number": ("POLHUKAM", {"A24": "lima"}, ("A24", "error", "no", "bukan bilangan")),
    "step number repeated": ("POLHUKAM", {"A24": 4}, ("A24", "error", "no", "lebih dari sekali")),
    "step number gap": ("POLHUKAM", {"A24": 6, "A25": 7, "A26": 8}, ("A24", "error", "no", "tidak ada sebelum")),
    "step out of order": ("POLHUKAM", {"A24": 9, "A28": 5}, ("A28", "error", "no", "tidak urut")),
    "step without executor": ("POLHUKAM", {"F23": None}, ("C23", "error", "pelaksana", "belum punya pelaksana")),
    "mark under a role "
    "with no name": ("POLHUKAM", {"G19": None}, ("G30", "error", "pelaksana", "judul perannya kosong")),
    "repeated role name": ("POLHUKAM", {"D19": "Sesmenko"}, ("D19", "error", "peran:Sesmenko", "tertulis 2 kali")),
    "waktu missing": ("POLHUKAM", {"I21": None}, ("I21", "warning", "waktu", "kosong")),
    "waktu without number": ("POLHUKAM", {"I21": "Menit"}, ("I21", "warning", "waktu", "tidak punya angka")),
    "waktu unknown unit": ("POLHUKAM", {"I21": "3 bulan"}, ("I21", "warning", "waktu", "tidak dikenal")),
    "waktu a range": ("POLHUKAM", {"I21": "1-2 hari"}, ("I21", "warning", "waktu", "batas atasnya")),
    "waktu a bare number": ("POLHUKAM", {"I21": 45}, ("I21", "warning", "waktu", "dibaca sebagai menit")),
    "sop without number": ("POLHUKAM", {"C5": None}, ("C5", "warning", "nomor", "Nomor SOP SOP ini kosong")),
    "sop step read from wording": ("POLHUKAM", {"R21": "pelaksana Sesmenko dibaca dari uraian"},
                                   ("R21", "warning", "to_confirm", "perlu diperiksa")),
    "unknown step kind": ("POLHUKAM", {"L21": "Rapat"}, ("L21", "error", "kind", "tidak dikenal")),
    "decision without Tidak": ("KEMNAKER", {"P21": None}, ("P21", "error", "if_no", "tanpa tujuan")),
    "decision without Ya": ("KEMNAKER", {"O21": None}, ("O21", "error", "if_yes", "tanpa tujuan")),
    "target not a step": ("KEMNAKER", {"P21": 40}, ("P21", "error", "if_no", "bukan nomor langkah")),
    "target is itself": ("KEMNAKER", {"P21": 2}, ("P21", "error", "if_no", "sendiri")),
    "unreachable step": ("POLHUKAM", {"M22": 5}, ("A23", "error", "no", "tidak bisa dicapai")),
    "cannot reach the end": ("KEMNAKER", {"O26": 6}, ("A26", "error", "no", "tidak pernah sampai")),
    "kelengkapan not "
    "previous output": ("POLHUKAM", {"H22": "Surat lain"}, ("H22", "warning", "kelengkapan", "Output langkah 2")),
    "unknown document kind": ("POLHUKAM", {"O20": "lembar_disposisi, memo"}, ("O20", "error", "documents", "'memo'")),
    "role without official": ("Pejabat", {"A3": "Karo PO"}, ("C19", "warning", "peran:Sesmenko", "belum punya pejabat"),
                              "POLHUKAM"),
    "case unknown SOP": ("Kasus", {"C2": "POLKAM"}, ("C2", "error", "sop", "tidak dikenal")),
    "case empty SOP": ("Kasus", {"C2": None}, ("C2", "error", "sop", "kosong")),
    "case unknown step": ("Kasus", {"E2": 30}, ("E2", "error", "step", "tidak punya langkah 30")),
    "case step not a number": ("Kasus", {"E2": "empat"}, ("E2", "error", "step", "bukan nomor")),
    "case invalid status": ("Kasus", {"H2": "Proses"}, ("H2", "error", "status", "tidak dikenal")),
    "case date typed as text": ("Kasus", {"I2": "18-11-2026 09.15"}, ("I2", "error", "started", "sebagai teks")),
    "case due typed as text": ("Kasus", {"J3": "besok"}, ("J3", "error", "due", "sebagai teks")),
    "case repeated ID": ("Kasus", {"A3": "IKU-2026-001"}, ("A3", "error", "id", "lebih dari sekali")),
    "iku missing field": ("IKU", {"C2": None}, ("C2", "error", "indikator", "kosong")),
    "iku unknown case": ("IKU", {"A2": "IKU-2099-001"}, ("A2", "error", "case_id", "tidak ada di lembar Kasus")),
    "iku target not numeric": ("IKU", {"F3": "tujuh puluh"}, ("F3", "error", "target:2025", "bukan angka")),
    "iku more than 3 per sasaran": ("IKU", {"B4": "Meningkatnya efektivitas koordinasi kebijakan bidang politik "
                                                  "dan keamanan",
                                            "B5": "Meningkatnya efektivitas koordinasi kebijakan bidang politik "
                                                  "dan keamanan"},
                                    ("B5", "warning", "sasaran", "lebih dari 3")),
    # what the Manual IKU and the Perjanjian Kinerja need (KINERJA.md sections 2-3). IKU: Q Polarisasi,
    # F-J Target 2025-2029; Cascading: B IKU, C Tingkat, D Unit Kerja, G Cascading
    "iku without polarisasi": ("IKU", {"Q2": None}, ("Q2", "warning", "polarisasi", "Polarisasi kosong")),
    "iku unknown polarisasi": ("IKU", {"Q2": "Naik"}, ("Q2", "warning", "polarisasi", "tidak dikenal")),
    "targets falling under maksimal": ("IKU", {"H2": 3.30}, ("H2", "warning", "target:2027", "polarisasinya Maksimal")),
    "targets rising under minimal": ("IKU", {"I7": 4.9}, ("I7", "warning", "target:2028", "polarisasinya Minimal")),
    "cascaded unit without official": ("Cascading", {"D3": "Asisten Deputi Koordinasi Wawasan Kebangsaan"},
                                       ("D3", "warning", "unit", "belum punya pejabat")),
    "cascaded unit whose official left Pejabat": ("Pejabat", {"E16": "Kedeputian Bidang Koordinasi Politik Dalam "
                                                                    "Negeri"},
                                                  ("D3", "warning", "unit", "belum punya pejabat"), "Cascading"),
    "cascaded eselon ii official without a superior": ("Pejabat", {"J16": None},
                                                        ("D3", "warning", "unit", "belum punya atasan langsung"),
                                                        "Cascading"),
    "cascading an unknown IKU": ("Cascading", {"B2": "Indeks Koordinasi"}, ("B2", "error", "indikator",
                                                                              "tidak ada di lembar IKU")),
    "cascading kind unknown": ("Cascading", {"G2": "Sebagian"}, ("G2", "error", "cascade", "tidak dikenal")),
    "cascading level against the unit's eselon": ("Cascading", {"C2": "Eselon II"},
                                                  ("C2", "warning", "level", "tidak cocok")),
    "nip too short": ("Pejabat", {"D2": "19680512199303100"}, ("D2", "error", "nip", "18 angka")),
    "nip impossible birth date": ("Pejabat", {"D2": "196802301993031002"}, ("D2", "error", "nip", "lahir dalam NIP")),
    "nip gender digit": ("Pejabat", {"D2": "196805121993033002"}, ("D2", "error", "nip", "jenis kelamin")),
    "nip impossible tmt": ("Pejabat", {"D2": "196805121993131002"}, ("D2", "error", "nip", "TMT")),
    "nip stored as number": ("Pejabat", {"D2": 196805121993031002}, ("D2", "error", "nip", "sebagai angka")),
    "official unknown role": ("Pejabat", {"A5": "Kabag Perencana"}, ("A5", "warning", "role", "tidak dipakai")),
    # the Sesmenko heads a cascaded unit, so a role outside the SOPs is allowed; the Karo PO names him as superior
    "superior not in Pejabat": ("Pejabat", {"A3": "Sesmen"}, ("J4", "warning", "superior", "tidak ada")),
    "repeated letter number": ("Penomoran", {"A2": "1/Set.PO/OT.01.02/XI/2026", "A3": "1/Set.PO/OT.01.02/XI/2026",
                                             "B2": "nota_dinas", "B3": "nota_dinas"},
                               ("A3", "error", "number", "lebih dari sekali")),
    "holiday typed as text": ("Libur", {"A2": "1 Januari 2026"}, ("A2", "error", "date", "sebagai teks")),
    "ref error cell": ("Kasus", {"L2": "#REF!"}, ("L2", "error", "sel", "#REF!")),
    # who signs and who receives (NASKAH.md sections 3 to 7), in the SOP sheets' Penandatangan and Kepada columns
    "undangan signed below an invitee": ("POLHUKAM", {"P27": "Kasubbag Program & Anggaran"},
                                         ("P27", "warning", "signer", "lebih rendah dari undangannya")),
    "nota dinas sent downward": ("POLHUKAM", {"Q34": "Kasubbag Program & Anggaran"},
                                 ("Q34", "warning", "recipients", "ke bawah")),
    "disposisi sent upward": ("POLHUKAM", {"Q20": "Menko"}, ("Q20", "warning", "recipients", "ke atas")),
    "sk issued by the drafter": ("KEMNAKER", {"R24": "Kasubag"}, ("R24", "error", "signer", "penyusunnya sendiri")),
    # authority: an SK Tim signed below a member, a disposisi against the SOP's flow, a kop not the signer's unit
    "sk tim signed below a member": ("KEMNAKER", {"R24": "Karo"},
                                     ("C2", "warning", "title", "lebih tinggi dari penetap keputusannya"), "Tim"),
    "disposisi against the flow": ("KEMNAKER", {"Q21": "Lembar Disposisi", "S21": "Kasubag"},
                                   ("Q21", "warning", "documents", "berkasnya naik ke Karo (langkah 3)")),
    "signer of a unit without a kop": ("Pejabat", {"E3": "Kedeputian Bidang Koordinasi Hukum"},
                                       ("E3", "warning", "unit", "berkop unit penandatangan")),
    # the register of legal bases (NASKAH.md section 9)
    "legal basis incomplete": ("Dasar Hukum", {"H3": None}, ("I3", "warning", "gazette_number", "belum lengkap")),
    "legal basis out of order": ("Dasar Hukum", {"B3": "Perpres"}, ("B4", "warning", "kind", "urutkan")),
    "legal basis outdated for the period": ("Dasar Hukum", {"E10": "Rencana Pembangunan Jangka Menengah Nasional "
                                                                   "Tahun 2015-2019"},
                                            ("E10", "warning", "about", "berakhir sebelum 2025")),
    "legal basis repealed": ("Dasar Hukum", {"L5": "Dicabut"}, ("L5", "warning", "status", "Dicabut")),
    "eselon unknown": ("Pejabat", {"G3": "Eselon Satu"}, ("G3", "warning", "eselon", "tidak dikenal")),
    "nip missing for an eselon ii official": ("Pejabat", {"D4": None}, ("D4", "warning", "nip", "NIP pejabat eselon")),
    # a cell the reader cannot read as its column's type reads as empty, and is named (read_rules)
    "legal basis year not a number": ("Dasar Hukum", {"D3": "dua ribu tiga"},
                                      ("D3", "warning", "year", "'dua ribu tiga' bukan angka bulat")),
    "iku baseline year not a number": ("IKU", {"S2": "2024/2025"}, ("S2", "warning", "baseline_year", "kosong")),
}


def test_the_placeholder_logo_is_warned_until_the_bureau_puts_its_own(demo_book, capsys):
    _, report = issues(capsys, demo_book)
    placeholder = [i for i in report["issues"] if i["sheet"] == "Instansi" and "contoh" in i["message"]]
    assert {i["cell"] for i in placeholder} == {"K2", "L2", "K3", "L3"}
    edit(demo_book, {"Instansi": {"K2": "logo-polkam.png"}})
    _, report = issues(capsys, demo_book)
    assert "K2" not in {i["cell"] for i in report["issues"] if i["sheet"] == "Instansi"}


@pytest.mark.parametrize("name", list(CASES))
def test_rule_fails_on_bad_row_and_passes_on_good_row(name, demo_master, demo_book, capsys):
    sheet, changes, (cell, level, field, words), *reported_on = CASES[name]
    report_sheet = reported_on[0] if reported_on else sheet

    def matching(report):
        return [
            i
            for i in report["issues"]
            if i["sheet"] == report_sheet
            and i["cell"] == cell
            and i["level"] == level
            and i["field"] == field
            and words in i["message"]
        ]

    _, good = issues(capsys, demo_master)
    assert matching(good) == [], f"{name}: the unedited demo already reports it"
    edit(demo_book, {sheet: changes})
    code, bad = issues(capsys, demo_book)
    assert matching(bad), f"{name}: not reported; got {[(i['cell'], i['message']) for i in bad['issues']][-5:]}"
    if level == "error":
        assert code == 1


def test_text_output_names_sheet_cell_and_totals(demo_book, capsys):
    edit(demo_book, {"Kasus": {"I2": "kemarin"}})
    code, out, _ = run(capsys, "validate", demo_book)
    assert code == 1
    assert "Kasus!I2" in out and "galat" in out and "1 galat" in out.splitlines()[-1]


def test_typed_date_passes(demo_book, capsys):
    edit(demo_book, {"Kasus": {"I2": dt.datetime(2026, 11, 18, 9, 15)}})
    code, _report = issues(capsys, demo_book)
    assert code == 0


def test_a_nota_dinas_to_a_peer_is_not_sent_downward(demo_book, capsys):
    """Nota dinas go up or across (NASKAH.md): Kabag Perencanaan to the related unit's Kabag (both III.a) is fine,
    to his own Kasubbag is not."""
    def downward(report):
        return [i for i in report["issues"] if i["sheet"] == "POLHUKAM" and i["cell"] == "Q34"
                and "ke bawah" in i["message"]]

    edit(demo_book, {"POLHUKAM": {"P34": "Kabag Perencanaan", "Q34": "Unit Organisasi terkait"}})
    assert not downward(issues(capsys, demo_book)[1])
    edit(demo_book, {"POLHUKAM": {"Q34": "Kasubbag Program & Anggaran"}})
    assert downward(issues(capsys, demo_book)[1])


def test_an_sops_own_dasar_hukum_is_checked_for_outdated_and_miscited_bases(demo_book, capsys):
    """The seed SOPs cite the RPJMN 2015-2019 (POLHUKAM) and call Perpres 47/2009 a "PP" (KEMNAKER); validate says
    so at the identity's Dasar Hukum cell, and stops once the bureau writes them right."""
    _, report = issues(capsys, demo_book)
    found: dict = {}
    for i in report["issues"]:
        if i["field"] == "dasar_hukum":
            found[(i["sheet"], i["cell"])] = found.get((i["sheet"], i["cell"]), "") + i["message"]
    assert "Peraturan Presiden Republik Indonesia Nomor 2 Tahun 2015" in found[("POLHUKAM", "C11")]
    assert "periode 2015-2019, yang berakhir sebelum 2025" in found[("POLHUKAM", "C11")]
    assert "Peraturan Presiden Nomor 47 Tahun 2009" in found[("KEMNAKER", "C11")]
    assert "bukan Peraturan Pemerintah" in found[("KEMNAKER", "C11")]
    edit(demo_book, {"POLHUKAM": {"C11": "1. Peraturan Presiden Nomor 12 Tahun 2025 tentang Rencana Pembangunan Jangka "
                                         "Menengah Nasional Tahun 2025-2029"},
                     "KEMNAKER": {"C11": "1. UU No.39 Tahun 2008 Tentang Kementerian Negara 2. Perpres No. 47 Tahun "
                                         "2009 Tentang Pembentukan dan Organisasi Kementerian Negara"}})
    _, report = issues(capsys, demo_book)
    assert [i for i in report["issues"] if i["field"] == "dasar_hukum"] == []
