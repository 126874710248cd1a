"""One function per action; the command line and the Excel macros both call these."""
