"""The raw SpreadsheetML layer: the package, its parts and the sheet XML, kept apart from the plain values.

openpyxl's load-and-save drops what it does not model (x14 extension lists, form buttons,
comment formatting, cached values). Staff's shared workbook must keep all of that, so writes
to an existing workbook go through here: every other part of the package is copied as it
was, and inside a changed sheet only the changed cells are re-serialised.

- `package.py`: the zip, opened once per action, read within bounds, saved part by part;
- `sheet_xml.py`: rows and cells of a worksheet (the only module that handles XML as text);
- `parts.py`: relationships, content types, workbook.xml and tables, edited with lxml;
- `workbook_patch.py`, `add_sheets.py`, `styles.py`: edits built on those.
"""
