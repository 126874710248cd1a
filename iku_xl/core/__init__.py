"""The plain model of SOPs, cases, officials and IKU rows, and the rules on them.

Nothing here knows of Excel: no module of this package imports openpyxl, calamine or xlwings.
"""
