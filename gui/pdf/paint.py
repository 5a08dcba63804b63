"""The paint pass of the PDF report: charts as vectors, and each page's band, running header, footer and pieces."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPdfWriter,
    QPen,
)

from analysis.report import chart_geometry as geo
from analysis.report import colours
from analysis.report.model import Report

from .flow import Page
from .text import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, SMALL_PT, font, pt, qcolour


def paint_drawing(p: QPainter, drawing: geo.Drawing, x: float, y: float, scale: float, device) -> None:
    """Draw chart primitives as vectors: rectangles, lines and real text."""
    p.save()
    p.setRenderHint(QPainter.Antialiasing, True)
    for item in drawing.items:
        if isinstance(item, geo.Rect):
            p.fillRect(QRectF(x + item.x * scale, y + item.y * scale, item.w * scale, item.h * scale),
                       qcolour(item.fill))
        elif isinstance(item, geo.Line):
            p.setPen(QPen(qcolour(item.colour), item.width * scale))
            p.drawLine(QPointF(x + item.x1 * scale, y + item.y1 * scale),
                       QPointF(x + item.x2 * scale, y + item.y2 * scale))
        elif isinstance(item, geo.Text):
            f = font(item.size * 0.75, item.bold)
            p.setFont(f)
            p.setPen(qcolour(item.colour))
            width = QFontMetricsF(f, device).horizontalAdvance(item.text)
            dx = {"middle": width / 2, "end": width}.get(item.anchor, 0.0)
            p.drawText(QPointF(x + item.x * scale - dx, y + item.y * scale), item.text)
    p.restore()


# --- pages ----------------------------------------------------------------------------------------------

@dataclass
class Geometry:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def content(self) -> float:
        return self.right - self.left


def page_geometry(writer: QPdfWriter) -> Geometry:
    w, h = float(writer.width()), float(writer.height())
    return Geometry(w, h, pt(MARGIN_X), w - pt(MARGIN_X), pt(MARGIN_TOP), h - pt(MARGIN_BOTTOM))


def _elide(p: QPainter, text: str, f: QFont, width: float, device) -> str:
    return QFontMetricsF(f, device).elidedText(text, Qt.ElideRight, width)


def paint_frame(p: QPainter, g: Geometry, report: Report, page: Page, number: int, total: int,
                device) -> None:
    """Running header (report title, section) and footer (generated, "Page N of M")."""
    small = font(SMALL_PT)
    p.setFont(small)
    p.setPen(qcolour(colours.MUTED))
    fm = QFontMetricsF(small, device)
    if number > 1:
        base = pt(MARGIN_TOP) - pt(16)
        section = _elide(p, page.section, small, g.content * 0.35, device)
        title = _elide(p, report.title, small, g.content * 0.6, device)
        p.drawText(QPointF(g.left, base), title)
        p.drawText(QPointF(g.right - fm.horizontalAdvance(section), base), section)
        p.setPen(QPen(qcolour(colours.RULE), pt(0.6)))
        p.drawLine(QPointF(g.left, base + pt(5)), QPointF(g.right, base + pt(5)))
    base = g.height - pt(MARGIN_BOTTOM) + pt(28)
    p.setPen(QPen(qcolour(colours.RULE), pt(0.6)))
    p.drawLine(QPointF(g.left, base - pt(11)), QPointF(g.right, base - pt(11)))
    p.setPen(qcolour(colours.MUTED))
    left = f"Parallax report · generated {report.generated[:10]}"
    if report.reviewer:
        left += f" · reviewed by {report.reviewer}"
    p.drawText(QPointF(g.left, base), _elide(p, left, small, g.content * 0.7, device))
    label = f"Page {number} of {total}"
    p.drawText(QPointF(g.right - fm.horizontalAdvance(label), base), label)


def paint_cover_band(p: QPainter, g: Geometry) -> None:
    p.fillRect(QRectF(0, 0, g.width, pt(14)), qcolour(colours.ACCENT))
    p.setFont(font(10.0, bold=True))
    p.setPen(qcolour(colours.ACCENT))
    p.drawText(QPointF(g.left, pt(MARGIN_TOP) - pt(10)), "PARALLAX · COVERAGE REPORT")



def paint_page(p: QPainter, g: Geometry, report: Report, page: Page, number: int, total: int,
                device) -> None:
    if number == 1:
        paint_cover_band(p, g)
    paint_frame(p, g, report, page, number, total, device)
    for piece, y, clip_top, clip_height in page.placed:
        if clip_height is None or (clip_top == 0 and clip_height >= piece.height):
            piece.draw(p, g.left, y)
        elif piece.doc is not None:
            piece.doc.draw(p, g.left + piece.x, y, clip_top, clip_height)
        else:
            p.save()
            p.setClipRect(QRectF(g.left, y, g.content, clip_height))
            piece.draw(p, g.left, y - clip_top)
            p.restore()
