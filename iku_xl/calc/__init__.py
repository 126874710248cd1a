"""The Panel inside LibreOffice Calc: an xlwings engine over UNO, the macro Calc runs, and its installer."""
