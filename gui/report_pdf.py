"""The report as a paginated PDF, drawn with Qt (``QPdfWriter`` + ``QPainter`` + ``QTextDocument``).

Why we paginate ourselves instead of ``QTextDocument.print()``: Qt's printing splits table rows across
pages, cannot repeat a header row or keep a heading with what follows, and only numbers pages "N".  Here
every block of the report model becomes one or more *pieces* of known height; a layout pass places them
on pages (rows never split, table headers repeat, headings stay with their next piece, long paragraphs
break between lines), then a paint pass draws each page with its running header and "Page N of M".

Text is real PDF text (selectable, searchable): documents are built with ``QTextCursor.insertText`` and
character formats, never from HTML, so untrusted article text is inserted literally and cannot become
markup.  Charts are drawn as vectors from ``analysis.report.chart_geometry``, the same layout the HTML
report's SVG uses.

Entry point: ``write_pdf(report, path, page_size="A4", progress=None) -> int`` (the page count).  It
creates a ``QGuiApplication`` (offscreen when there is no display) if none exists, so the command line
and tests can call it headless.  ``progress(fraction, message)`` may raise to cancel; then nothing is
written and an existing file at ``path`` is left untouched.

The drawing lives in ``gui/pdf/``: ``text`` (fonts, documents), ``build`` (blocks to pieces),
``flow`` (the layout pass) and ``paint`` (the paint pass).
"""
from __future__ import annotations

import errno
import os

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from analysis.report.model import Report

from .pdf.build import Builder
from .pdf.flow import Flow, Page, Piece
from .pdf.paint import Geometry, page_geometry, paint_page
from .pdf.text import DPI, PAGE_SIZES, Progress, ensure_app, pt


def layout(report: Report, device, g: Geometry, progress: Progress) -> list[Page]:
    builder = Builder(device, g.content, g.bottom - g.top)
    flow = Flow(g.top, g.bottom)
    n = len(report.sections)
    for i, section in enumerate(report.sections):
        progress(0.05 + 0.45 * i / n, f"laying out {section.title.lower()}")
        cover = section.id == "cover"
        pieces: list[Piece] = []
        if cover:
            # The full report's title sits a third down its own page; the brief's summary shares
            # page 1 with the cover, so its title starts near the top.
            pieces.append(Piece(pt(110 if report.full else 14), lambda p, x, y: None))
        pieces += builder.blocks(section.blocks, cover)
        flow.place(pieces, section.title, new_page=section.new_page)
    return flow.pages


def _writer(path: str, report: Report, page_size: str) -> QPdfWriter:
    key = page_size.strip().lower()
    if key not in PAGE_SIZES:
        raise ValueError(f"page size must be A4 or Letter, not {page_size!r}")
    writer = QPdfWriter(path)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[key]), QPageLayout.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(report.title)
    writer.setCreator("Parallax")
    return writer


def _noop(fraction: float, message: str) -> None:
    return None


def write_pdf(report: Report, path: str | os.PathLike, page_size: str = "A4",
              progress: Progress | None = None) -> int:
    """Write ``report`` as a PDF at ``path``; returns the number of pages.

    Through the one output writer (``analysis.export.writer``): ``path`` is checked (never a
    session, a link, a special or read-only file), the PDF is drawn into a temporary file beside it
    and moved into place at the end, so a cancelled or failed export leaves no file behind and keeps
    the previous one."""
    from analysis.export.writer import staged
    with staged(path) as temporary:
        return draw_pdf(report, temporary, page_size, progress)


def draw_pdf(report: Report, path: str | os.PathLike, page_size: str = "A4",
             progress: Progress | None = None) -> int:
    """Draw ``report`` straight into ``path`` (a temporary file of the writer); the page count."""
    ensure_app()
    report_progress = progress or _noop
    target = os.fspath(path)
    writer = _writer(target, report, page_size)
    painter = None
    pages: list[Page] = []
    try:
        g = page_geometry(writer)
        pages = layout(report, writer, g, report_progress)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(errno.EIO, "the PDF could not be started")
        for number, page in enumerate(pages, 1):
            report_progress(0.5 + 0.5 * (number - 1) / len(pages), f"drawing page {number} of {len(pages)}")
            if number > 1:
                writer.newPage()
            paint_page(painter, g, report, page, number, len(pages), writer)
        painter.end()
        painter = None
    finally:
        if painter is not None and painter.isActive():
            painter.end()
        count = len(pages)
        pages.clear()       # documents laid out on the writer go before it (Qt keeps a raw pointer)
        del writer
    report_progress(1.0, "done")
    return count
