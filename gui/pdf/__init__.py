"""The PDF report drawn with Qt, in four passes of its own modules: text (fonts, documents), build
(report blocks to pieces), flow (pieces placed on pages), paint (pages drawn).  The entry point is
``gui.report_pdf.write_pdf``."""
