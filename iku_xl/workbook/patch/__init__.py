"""Changing an existing .xlsx in place: only the cells and rows we change are rewritten.

openpyxl's load-and-save drops what it does not model (x14 extension lists, form buttons,
comment formatting, cached values). Staff's shared workbook must keep all of that, so writes
to an existing workbook go through here: every other part of the package is copied as it
was, and inside a changed sheet only the changed rows are re-serialised.
"""
