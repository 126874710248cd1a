Attribute VB_Name = "iku_macros"
' Tombol makro iku-xl. Impor modul ini (Alt+F11 > File > Import File...), lalu di editor VBA
' centang Tools > References > xlwings (tanpa itu RunPython tidak dikenal), simpan buku kerja
' sebagai .xlsm, lalu pasang tombol: Developer > Insert > Button, pilih makro di bawah.
' Setiap makro memanggil fungsi Python yang sama dengan perintah iku-xl di command line.
Option Explicit

Sub PeriksaPemasangan()
    RunPython "import iku_xl.excel.macros as m; m.check_setup()"
End Sub

Sub PeriksaBukuKerja()
    RunPython "import iku_xl.excel.macros as m; m.validate()"
End Sub

Sub BukaKasusYangDiketik()
    RunPython "import iku_xl.excel.macros as m; m.open_cases()"
End Sub

Sub SelesaikanLangkah()
    RunPython "import iku_xl.excel.macros as m; m.advance()"
End Sub

Sub KembalikanKasus()
    RunPython "import iku_xl.excel.macros as m; m.return_case()"
End Sub

Sub TundaKasus()
    RunPython "import iku_xl.excel.macros as m; m.hold()"
End Sub

Sub LanjutkanKasus()
    RunPython "import iku_xl.excel.macros as m; m.resume()"
End Sub

Sub BatalkanKasus()
    RunPython "import iku_xl.excel.macros as m; m.cancel()"
End Sub

Sub UrungkanPerpindahan()
    RunPython "import iku_xl.excel.macros as m; m.undo()"
End Sub

Sub BuatNaskahDinas()
    RunPython "import iku_xl.excel.macros as m; m.generate()"
End Sub

Sub EksporBulanan()
    RunPython "import iku_xl.excel.macros as m; m.export()"
End Sub

Sub BuatUlangLacak()
    RunPython "import iku_xl.excel.macros as m; m.rebuild_tracking()"
End Sub

Sub CetakSOP()
    RunPython "import iku_xl.excel.macros as m; m.render_sop()"
End Sub

Sub ImporSOP()
    RunPython "import iku_xl.excel.macros as m; m.import_sop()"
End Sub

Sub BuatDokumenKinerja()
    RunPython "import iku_xl.excel.macros as m; m.kinerja()"
End Sub

Sub MonitoringSOP()
    RunPython "import iku_xl.excel.macros as m; m.monitor()"
End Sub
