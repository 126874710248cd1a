"""Run main (xlwings ribbon) for iku.xlsx: the action chosen on the Panel sheet, for the selected rows.

xlwings runs main() of the .py file that has the workbook's own name, so keep this file beside
iku.xlsx and keep both names the same.
"""
from iku_xl.excel.macros import run_panel


def main():
    run_panel()
