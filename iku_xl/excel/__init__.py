"""The Excel face: the same actions as the command line, on the workbook open in Excel (xlwings).

Nothing here is imported by the core or the command line; xlwings is imported only by
`macros.caller_book`, so the rest is tested with a stand-in that behaves as xlwings does.
"""
