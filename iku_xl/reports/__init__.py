"""What the analysis produces for readers: the monitoring's Word document, sheets and charts, and the rekap."""
