"""The analysis of Riwayat in pandas: the monthly export, SOP monitoring and the rekap across workbooks.

Every module here imports pandas; nothing outside the commands that need them imports these modules, so the
macros and the other commands start without loading it.
"""
