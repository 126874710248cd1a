"""iku-xl: run an SOP AP for drafting IKU from a shared Excel workbook."""

__version__ = "0.1.0"
