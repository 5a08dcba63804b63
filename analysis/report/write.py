"""Writing reports to files: for the command line (``analysis.commands.report_command``) and the window.

* ``export_report(comparison, path, fmt=None, *, reviews=None, ...)`` is what the window's
  File > Export calls (off the GUI thread is fine): build the report and write one file.
* ``write_report(report, path, fmt=None, ...)`` writes an already built report.

PDF needs Qt, which ``analysis/`` never imports: the application layer passes a ``PdfWriter`` in
(``main.py`` and the window hand over ``gui.report_pdf.write_pdf``), so the HTML, Markdown and JSON
paths run without Qt installed and the engine never names the GUI.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping

from analysis.export.writer import Outputs, Target
from analysis.model import Comparison
from analysis.report.build import build_report
from analysis.report.model import Report

FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
           ".json": "json"}
Progress = Callable[[float, str], None]


def format_of(path: str | Path, fmt: str | None = None) -> str:
    """The output format: ``fmt`` if given, else from the file name's extension."""
    if fmt:
        fmt = fmt.lower()
        if fmt not in set(FORMATS.values()):
            raise ValueError(f"unknown report format {fmt!r}: choose pdf, html, markdown or json")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"cannot tell the report format of {path}: name it .pdf, .html, .md or .json")
    return FORMATS[suffix]


def render_text(report: Report, fmt: str) -> str:
    from analysis.report.to_html import render_html
    from analysis.report.to_json import render_json
    from analysis.report.to_markdown import render_markdown
    return {"html": render_html, "markdown": render_markdown, "json": render_json}[fmt](report)


# ``write_pdf(report, path, page_size=..., progress=...) -> pages``: the PDF renderer, given by the
# application layer (the engine has no Qt).
PdfWriter = Callable[..., int]
NO_PDF_WRITER = "PDF output needs the desktop part of Parallax (Qt): write HTML or Markdown instead"


def write_report(report: Report, path: str | Path | Target, fmt: str | None = None, *,
                 page_size: str = "A4", progress: Progress | None = None,
                 pdf_writer: PdfWriter | None = None) -> str:
    """Write ``report`` to ``path`` (``-``: stdout, text formats only); returns the format written.

    Every file goes through ``analysis.export.writer``: a ``Target`` claimed by the caller's run, or
    a path checked here (never over a session, a special file, a link or a read-only file; written
    beside it and renamed into place).  A PDF is drawn by ``pdf_writer`` onto the writer's temporary
    file; without one a PDF is refused with ``ValueError``.  OutputError when it cannot be written."""
    target = path if isinstance(path, Target) else Outputs().claim(path)
    fmt = format_of(target.path, fmt)
    if fmt == "pdf":
        if target.is_stdout:
            raise ValueError("a PDF cannot be written to the terminal (-): give a file name")
        if pdf_writer is None:
            raise ValueError(NO_PDF_WRITER)
        with target.staged() as temporary:
            pdf_writer(report, temporary, page_size=page_size, progress=progress)
        return fmt
    target.write_text(render_text(report, fmt))
    if progress:
        progress(1.0, "done")
    return fmt


def export_report(comparison: Comparison, path: str | Path, fmt: str | None = None, *,
                  reviews: Mapping[str, Any] | None = None, reviewer: str = "",
                  include_dismissed: bool = False, title: str | None = None, page_size: str = "A4",
                  colours: Mapping[str, str] | None = None, progress: Progress | None = None,
                  pdf_writer: PdfWriter | None = None, full: bool = False) -> str:
    """Build the report of ``comparison`` (with the editor's ``reviews``) and write it to ``path``:
    the editor's brief, or with ``full`` every list and the methods."""
    if progress:
        progress(0.02, "building the report")
    report = build_report(comparison, reviews, include_dismissed=include_dismissed, reviewer=reviewer,
                          title=title, colours=colours, full=full)
    return write_report(report, path, fmt, page_size=page_size, progress=progress,
                        pdf_writer=pdf_writer)
