"""The few cell styles the workbook uses, so every sheet looks alike."""
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

FONT = Font(name="Arial", size=10)
BOLD = Font(name="Arial", size=10, bold=True)
TITLE = Font(name="Arial", size=13, bold=True)
HEADER_FONT = Font(name="Arial", size=10, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
LABEL_FILL = PatternFill("solid", fgColor="DDEBF7")
FLOW_FILL = PatternFill("solid", fgColor="FFF2CC")
OVERDUE_FILL = PatternFill("solid", fgColor="FFC7CE", bgColor="FFC7CE")
OVERDUE_FONT = Font(name="Arial", size=10, color="9C0006")
DONE_FILL = PatternFill("solid", fgColor="E2EFDA")
LATE_FILL = PatternFill("solid", fgColor="FFC7CE")
CURRENT_FILL = PatternFill("solid", fgColor="FFEB9C")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

NUMBER_FORMATS = {
    "text": "@",
    "date": "dd/mm/yyyy",
    "datetime": "dd/mm/yyyy hh:mm",
    "time": "hh:mm",
    "int": "0",
    "money": "#,##0",
}
