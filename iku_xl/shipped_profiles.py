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
            author="Biro Perencanaan dan Organisasi, Kemenko Polkam", iku_instrument="Peraturan Menteri",
            iku_title="Peraturan Menteri Koordinator Bidang Politik dan Keamanan Republik Indonesia",
            pk_quarters="Tidak"),
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
            author="Biro Perencanaan dan Manajemen Kinerja, Kemnaker",
            # Kemnaker sets its IKU by Peraturan Menteri: Permenaker 16/2020 (BN 2020 No. 1009), Permenaker 11/2021
            iku_instrument="Peraturan Menteri", iku_title="Peraturan Menteri Ketenagakerjaan Republik Indonesia",
            pk_quarters="Ya"),
    ]


def number_patterns() -> list[NumberPattern]:
    """Each profile numbers every kind: letters per signer, regulations by the legal bureau."""
    scope = {"nota_dinas": "Penandatangan", "undangan_rapat": "Jenis", "sk_tim": "Penandatangan"}
    return [NumberPattern(profile=p.code, kind=kind.code, pattern=kind.default_pattern,
                          register=scope.get(kind.code, "Jenis"))
            for p in shipped_profiles() for kind in KINDS.values() if kind.numbered and kind.step]


# Legal bases, as the ministries' own IKU regulations cite them (KINERJA.md section 1, NASKAH.md section 9). Each
# row's Keterangan names the published text its numbers were checked against; a number not yet found in a
# published text is left empty, so the draft shows "..." there and validate asks the bureau to complete it.
PERMENAKER_11_2021 = ("Mengingat Permenaker 11/2021 tentang IKU Kemnaker 2020-2024 (salinan di "
                      "id.scribd.com/document/618490260) dan Permenaker 16/2020 (BN 2020 No. 1009)")
UU_61_2024 = ("Undang-Undang Nomor 61 Tahun 2024 tentang Perubahan atas Undang-Undang Nomor 39 Tahun 2008 tentang "
              "Kementerian Negara (Lembaran Negara Republik Indonesia Tahun 2024 Nomor 225, Tambahan Lembaran Negara "
              "Republik Indonesia Nomor 6954)")
TO_CONFIRM = "; nomor Lembaran/Berita Negara belum ditemukan pada naskah terbitan: lengkapi dari JDIH"
_BASES = [
    # profil, jenis, nomor, tahun, tentang, pasal, LN/BN tahun, nomor, TLN, diubah dengan, keterangan
    ("Semua", "UUD", None, None, None, "Pasal 17 ayat (3)", None, None, None, None, PERMENAKER_11_2021),
    ("Semua", "UU", "39", 2008, "Kementerian Negara", None, 2008, "166", "4916", UU_61_2024,
     PERMENAKER_11_2021 + "; perubahannya (UU 61/2024) sebagaimana dikutip PMK 90/2024"),
    ("Semua", "PP", "8", 2006, "Pelaporan Keuangan dan Kinerja Instansi Pemerintah", None, 2006, "25", "4614", None,
     PERMENAKER_11_2021),
    ("Semua", "PP", "60", 2008, "Sistem Pengendalian Intern Pemerintah", None, 2008, "127", "4890", None,
     PERMENAKER_11_2021),
    ("Semua", "Perpres", "29", 2014, "Sistem Akuntabilitas Kinerja Instansi Pemerintah", None, 2014, "80", None, None,
     PERMENAKER_11_2021),
    ("Semua", "Perpres", "12", 2025, "Rencana Pembangunan Jangka Menengah Nasional Tahun 2025-2029", None, None, None,
     None, None, "RPJMN yang berlaku untuk IKU 2025-2029" + TO_CONFIRM),
    ("POLKAM", "Perpres", "73", 2020, "Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan", None, None, None,
     None, None, "Perpres tentang organisasi kementerian sendiri (jdih.setkab.go.id, Perpres Nomor 73 Tahun 2020)"
     + TO_CONFIRM),
    ("POLKAM", "Perpres", "139", 2024, "Penataan Tugas dan Fungsi Kementerian Negara Kabinet Merah Putih Periode "
     "Tahun 2024-2029", None, 2024, "249", None, None,
     "Nama Kementerian Koordinator Bidang Politik dan Keamanan sejak 21 Oktober 2024; LN sebagaimana dikutip PMK "
     "90/2024"),
    ("KEMNAKER", "Perpres", "95", 2020, "Kementerian Ketenagakerjaan", None, 2020, "213", None, None,
     "Perpres tentang organisasi kementerian sendiri; LN sebagaimana dikutip Permenaker 10/2021 tentang Renstra "
     "Kemnaker 2020-2024 (id.scribd.com/document/539252428)"),
    ("KEMNAKER", "Permen", "1", 2021, "Organisasi dan Tata Kerja Kementerian Ketenagakerjaan", None, None, None, None,
     None, "OTK Kemnaker, dikutip Permenaker 10/2021" + TO_CONFIRM),
]
MINISTER_ISSUERS = {"KEMNAKER": "Menteri Ketenagakerjaan"}


def legal_bases() -> list[LegalBasis]:
    return [LegalBasis(profile=profile, kind=kind, number=number, year=year, about=about, article=article,
                       issuer=MINISTER_ISSUERS.get(profile) if kind == "Permen" else None, gazette_year=g_year,
                       gazette_number=g_number, supplement=supplement, amended_by=amended,
                       status="Diubah" if amended else "Berlaku", note=note)
            for profile, kind, number, year, about, article, g_year, g_number, supplement, amended, note in _BASES]
