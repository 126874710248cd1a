"""Naskah dinas from Word templates: rendering with docxtpl, safe file names, PDF through LibreOffice."""
