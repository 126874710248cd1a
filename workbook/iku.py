"""Run main (pita xlwings) untuk iku.xlsx: aksi yang dipilih di lembar Panel. Dibuat oleh iku-xl.

xlwings menjalankan main() dari berkas .py yang namanya sama dengan buku kerja: simpan berkas ini
di samping buku kerja dan samakan namanya bila buku kerja diganti nama.
"""
from iku_xl.excel.macros import run_panel


def main():
    run_panel()
