"""The text of the Panduan sheet: what each sheet is for and how to use the program."""

PANDUAN_LINES = [
    ("Panduan Buku Kerja IKU (iku-xl)", True),
    ("Buku kerja ini memuat SOP AP penyusunan Indikator Kinerja Utama (IKU) dan pelacakan setiap kasusnya. "
     "Program iku-xl membaca lembar-lembar ini, memeriksa isinya, memindahkan kasus dari langkah ke langkah, "
     "dan menyusun naskah dinas.", False),
    ("", False),
    ("Lembar dan kegunaannya", True),
    ("Kasus — satu baris untuk setiap kasus (misalnya penyusunan IKU Renstra 2025-2029): langkah sekarang, "
     "pelaksananya, status, mulai langkah, batas waktu. Baris merah berarti sudah lewat batas waktu.", False),
    ("Riwayat — catatan setiap perpindahan langkah. Jangan diubah: program hanya menambah baris.", False),
    ("IKU — indikator setiap kasus: Sasaran Strategis, IKU, Definisi, Satuan, Target per tahun, Sumber Data, "
     "Penanggung Jawab, dan isian Manual IKU (Polarisasi, Frekuensi, Baseline, ...).", False),
    ("Cascading, Target Triwulan, Anggaran — IKU yang diturunkan ke unit eselon I/II (C, CP; tanpa baris = N), "
     "target Tw I-IV, dan anggaran program untuk perjanjian kinerja.", False),
    ("Pejabat — pejabat setiap peran dan unit: jabatan lengkap, nama, NIP (18 angka, teks), unit, atasan langsung.",
     False),
    ("Penomoran — register nomor naskah dinas. Nomor yang sudah dipakai tidak boleh dipakai lagi.", False),
    ("Lembar SOP (misalnya POLHUKAM, KEMNAKER) — satu lembar untuk setiap SOP, dinamai dengan kodenya, "
     "tersusun seperti SOP AP yang ditandatangani: identitas, lalu tabel No, Kegiatan, Pelaksana, Mutu Baku, "
     "Keterangan.", False),
    ("   Tanda di kolom peran = pelaksana langkah itu. Kolom kuning di kanan dibaca program: Jenis Langkah "
     "(Mulai/Proses/Keputusan/Selesai), Jika Ya → Langkah, Jika Tidak → Langkah, dan Dokumen yang dihasilkan.", False),
    ("   Kolom pelaksana dan kolom kuning pada dua SOP bawaan adalah hasil pembacaan teks SOP aslinya; "
     "periksa dan perbaiki bila berbeda dengan SOP yang ditandatangani.", False),
    ("Libur — hari libur nasional dan cuti bersama (terisi otomatis untuk tahun ini dan tahun depan); "
     "tambahkan atau hapus sesuai keputusan kantor.", False),
    ("Instansi — profil setiap instansi: nama, alamat, logo, kertas dan huruf naskah, Menteri. Pola Nomor — "
     "pola nomor setiap jenis naskah. Dasar Hukum — peraturan yang dikutip di bagian Mengingat. Tim — anggota "
     "tim penyusun untuk SK Tim.", False),
    ("Pengaturan — folder keluaran, folder templat, Nama Petugas (kolom Oleh di Riwayat), awal dan akhir "
     "Ramadan, dan jam kerja setiap hari (tabel Jam Kerja).", False),
    ("Panel — untuk bekerja dari Excel: pilih aksi di B3, pilih baris di lembar Kasus, klik 'Run main' di tab "
     "xlwings (aksi pertama, 'Periksa pemasangan', menyebut yang kurang). Di LibreOffice Calc: pilih baris, lalu "
     "klik tombol aksinya di bilah alat iku-xl (dipasang dengan 'iku-xl calc install'), dan simpan sesudahnya.",
     False),
    ("Temuan — hasil 'Periksa buku kerja' dari Excel, dengan tautan ke setiap sel.", False),
    ("Lacak POLHUKAM, Lacak KEMNAKER — kapan setiap langkah setiap kasus selesai (merah = terlambat, kuning = langkah "
     "sekarang).", False),
    ("Daftar Pilihan (tersembunyi) — isi daftar pilihan (dropdown). Program memperbaruinya sendiri.", False),
    ("", False),
    ("Cara memakai", True),
    ("1. Isi atau periksa lembar Pejabat dan Pengaturan.", False),
    ("2. Periksa buku kerja: iku-xl validate workbook/iku.xlsx — setiap temuan menyebut lembar, sel, dan apa yang "
     "harus diperbaiki.", False),
    ("3. Lihat posisi setiap kasus: iku-xl status workbook/iku.xlsx", False),
    ("4. Tambah SOP lain dari berkas Word, PDF atau teksnya: iku-xl sop import berkas.docx --code KODE --workbook "
     "workbook/iku.xlsx", False),
    ("", False),
    ("Aturan penulisan", True),
    ("Tanggal ditulis sebagai tanggal (misalnya 23/11/2026 09:30), bukan teks. Waktu standar ditulis lengkap: "
     "'30 Menit', '2 Jam', '1 Hari'. NIP dan nomor naskah disimpan sebagai teks. Jangan mengganti judul kolom.", False),
]
