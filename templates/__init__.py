"""The Word templates of the naskah dinas, shipped inside the package as `iku_xl.templates`.

The .docx files here are the source of truth: edit them in Word (FIELDS.md lists every field).
"""
