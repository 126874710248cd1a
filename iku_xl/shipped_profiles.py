"""The instansi profiles shipped with the two SOPs: their current names, how they number, their legal bases.

The bureau edits them in the Instansi, Pola Nomor and Dasar Hukum sheets; these are only the start.
"""
from __future__ import annotations

from .core.document_kinds import KINDS
from .core.legal import LegalBasis
from .core.profile import PLACEHOLDER_EMBLEM, PLACEHOLDER_LOGO, InstansiProfile, NumberPattern

POLKAM_NAME = "Kementerian Koordinator Bidang Politik dan Keamanan"  # its name since 21 Oktober 2024 (Perpres 139/2024)


def shipped_profiles() -> list[InstansiProfile]:
    return [
        InstansiProfile(
            code="POLKAM", name=POLKAM_NAME, parent_unit="Sekretariat Kementerian Koordinator",
            unit="Biro Perencanaan dan Organisasi", unit_code="Set.PO",
            address="Jalan Medan Merdeka Barat Nomor 15, Jakarta Pusat 10110", phone="(021) 3849453",
            website="www.polkam.go.id", city="Jakarta", logo=PLACEHOLDER_LOGO,
            emblem=PLACEHOLDER_EMBLEM,
            minister_title="Menteri Koordinator Bidang Politik dan Keamanan Republik Indonesia",
            promulgator_title="Direktur Jenderal Peraturan Perundang-undangan Kementerian Hukum Republik Indonesia",
            letter_paper="A4", regulation_paper="F4", letter_font="Arial", letter_size=12,
            regulation_font="Bookman Old Style", regulation_size=12, classification="OT.01.02", month_style="Angka",
            meeting_place="Ruang Rapat Biro Perencanaan dan Organisasi, Lantai 3",
            author="Biro Perencanaan dan Organisasi, Kemenko Polkam", pk_quarters="Tidak"),
        InstansiProfile(
            code="KEMNAKER", name="Kementerian Ketenagakerjaan", parent_unit="Sekretariat Jenderal",
            unit="Biro Perencanaan dan Manajemen Kinerja", unit_code="PMK",
            address="Jalan Jenderal Gatot Subroto Kavling 51, Jakarta Selatan 12750", phone="(021) 5255733",
            website="www.kemnaker.go.id", city="Jakarta", logo=PLACEHOLDER_LOGO,
            emblem=PLACEHOLDER_EMBLEM, minister_title="Menteri Ketenagakerjaan Republik Indonesia",
            promulgator_title="Direktur Jenderal Peraturan Perundang-undangan Kementerian Hukum Republik Indonesia",
            letter_paper="A4", regulation_paper="F4", letter_font="Arial", letter_size=12,
            regulation_font="Bookman Old Style", regulation_size=12, classification="OT.02.02", month_style="Romawi",
            meeting_place="Ruang Rapat Biro Perencanaan dan Manajemen Kinerja, Gedung A Lantai 2",
            author="Biro Perencanaan dan Manajemen Kinerja, Kemnaker", pk_quarters="Ya"),
    ]


def number_patterns() -> list[NumberPattern]:
    """Each profile numbers every kind: letters per signer, regulations by the legal bureau."""
    scope = {"nota_dinas": "Penandatangan", "undangan_rapat": "Jenis", "sk_tim": "Penandatangan"}
    return [NumberPattern(profile=p.code, kind=kind.code, pattern=kind.default_pattern,
                          register=scope.get(kind.code, "Jenis"))
            for p in shipped_profiles() for kind in KINDS.values() if kind.numbered]


# Legal bases, each checked against a published regulation that cites it (NASKAH.md section 9): the
# Lembaran Negara numbers of UU 39/2008, UU 61/2024 and Perpres 139/2024 as PMK 90/2024 cites them, of
# UU 25/2004 and PP 40/2006 as Permen PPN 5/2019 and PP 40/2006 do, of UU 1/2004, PP 8/2006 and Perpres 29/2014
# as Perpres 29/2014 and Permen Kominfo 13/2015 do. The RPJMN 2025-2029's publication is left for the bureau to
# complete from its official copy, so validate shows what a missing one looks like.
UU_61_2024 = ("Undang-Undang Nomor 61 Tahun 2024 tentang Perubahan atas Undang-Undang Nomor 39 Tahun 2008 tentang "
              "Kementerian Negara (Lembaran Negara Republik Indonesia Tahun 2024 Nomor 225, Tambahan Lembaran Negara "
              "Republik Indonesia Nomor 6954)")
_BASES = [
    # jenis, nomor, tahun, tentang, pasal, LN/BN tahun, nomor, TLN, diubah dengan, dipakai untuk
    ("UUD", None, None, None, "Pasal 17 ayat (3)", None, None, None, None, ""),
    ("UU", "1", 2004, "Perbendaharaan Negara", None, 2004, "5", "4355", None, ""),
    ("UU", "25", 2004, "Sistem Perencanaan Pembangunan Nasional", None, 2004, "104", "4421", None, ""),
    ("UU", "39", 2008, "Kementerian Negara", None, 2008, "166", "4916", UU_61_2024, ""),
    ("PP", "8", 2006, "Pelaporan Keuangan dan Kinerja Instansi Pemerintah", None, 2006, "25", "4614", None, ""),
    ("PP", "40", 2006, "Tata Cara Penyusunan Rencana Pembangunan Nasional", None, 2006, "97", "4664", None, ""),
    ("Perpres", "29", 2014, "Sistem Akuntabilitas Kinerja Instansi Pemerintah", None, 2014, "80", None, None, ""),
    ("Perpres", "139", 2024, "Penataan Tugas dan Fungsi Kementerian Negara Kabinet Merah Putih Periode Tahun "
     "2024-2029", None, 2024, "249", None, None, ""),
    ("Perpres", "12", 2025, "Rencana Pembangunan Jangka Menengah Nasional Tahun 2025-2029", None, None, None, None,
     None, ""),
]


def legal_bases() -> list[LegalBasis]:
    found = []
    for profile in shipped_profiles():
        for kind, number, year, about, article, g_year, g_number, supplement, amended, used in _BASES:
            found.append(LegalBasis(profile=profile.code, kind=kind, number=number, year=year, about=about,
                                    article=article, gazette_year=g_year, gazette_number=g_number,
                                    supplement=supplement, amended_by=amended, status="Diubah" if amended
                                    else "Berlaku", used_for=used or None))
    return found
