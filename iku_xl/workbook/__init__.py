"""The workbook file: its layout, reading it into the plain Book, and writing it."""
