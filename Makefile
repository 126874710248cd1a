# Shortcuts for those who have make; tasks.py does the work and needs only python3.
.PHONY: demo test workbook bench
demo:
	python3 tasks.py demo
test:
	python3 tasks.py test
workbook:
	python3 tasks.py workbook
bench:
	python3 tasks.py bench
