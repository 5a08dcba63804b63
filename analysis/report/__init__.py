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

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.report.build import build_report
    from analysis.report.model import Report
    from analysis.report.to_html import render_html
    from analysis.report.to_json import render_json
    from analysis.report.to_markdown import render_markdown
    from analysis.report.write import export_report, write_report

__all__ = ["Report", "build_report", "export_report", "render_html", "render_json",
           "render_markdown", "write_report"]

# Each name from its module on first use: the window imports ``analysis.report.colours`` at start-up
# (its outlet colours), which runs this file first; the builders, renderers and the writer (the
# command line's engine and session store) come only when a report is made.
_LAZY = {"build_report": "build", "Report": "model", "render_html": "to_html", "render_json": "to_json",
         "render_markdown": "to_markdown", "export_report": "write", "write_report": "write"}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(name)      # a submodule ("colours") is then imported as usual
    return getattr(importlib.import_module(f"analysis.report.{_LAZY[name]}"), name)
