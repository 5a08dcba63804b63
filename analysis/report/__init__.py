"""Reports of a comparison: one renderer-neutral model, drawn as HTML, Markdown, JSON and (in
``gui/report_pdf.py``, the only Qt part) PDF.  No Qt is imported here.

* ``build_report(comparison, reviews=None, *, include_dismissed=False, reviewer="", title=None)``
  -> ``Report``
* ``render_html(report)``, ``render_markdown(report)``, ``render_json(report)`` -> ``str``
* ``export_report(comparison, path, fmt=None, *, reviews=None, reviewer="", ...)``: build and write
  one file (the window's File > Export); ``write_report(report, path, fmt=None, ...)`` for a built one
A PDF is drawn by a ``pdf_writer`` that the application layer passes in (``gui.report_pdf.write_pdf``).
"""
from __future__ import annotations

from analysis.report.build import build_report
from analysis.report.model import Report
from analysis.report.to_html import render_html
from analysis.report.to_json import render_json
from analysis.report.to_markdown import render_markdown

__all__ = ["Report", "build_report", "export_report", "render_html", "render_json",
           "render_markdown", "write_report"]


def __getattr__(name: str):
    # Lazy: the command line pulls in the engine and the session store, which the window has already.
    if name in ("export_report", "write_report"):
        from analysis.report import write
        return getattr(write, name)
    raise AttributeError(name)
