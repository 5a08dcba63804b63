"""Fonts, character formats and laid-out text of the PDF report (``Doc``, ``Label``), in device units.

Text is real PDF text: documents are built with ``QTextCursor.insertText`` and character formats,
never from HTML, so untrusted article text is inserted literally and cannot become markup."""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageSize,
    QPainter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from analysis.report import colours
from analysis.report.model import Run

DPI = 300                       # device units per inch: the PDF is vector, this is layout precision
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 48.0, 64.0, 58.0       # points
FAMILY = "DejaVu Sans"
BODY_PT, TABLE_PT, SMALL_PT = 9.2, 8.0, 7.2
HEADING_PT = {0: 24.0, 1: 16.0, 2: 12.0, 3: 10.0}
CELL_PAD_X, CELL_PAD_Y = 3.5, 2.6                            # points

Progress = Callable[[float, str], None]
_app = None                     # the QGuiApplication we created, kept alive for the process





def pt(points: float) -> float:
    """Points to device units."""
    return points * DPI / 72.0


def ensure_app():
    """The running QGuiApplication, created (offscreen when headless) if there is none."""
    global _app
    app = QGuiApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("PDF reports need a QGuiApplication; a plain QCoreApplication is running")
        return app
    if not os.environ.get("QT_QPA_PLATFORM") and not (os.environ.get("DISPLAY")
                                                      or os.environ.get("WAYLAND_DISPLAY")) \
            and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication(sys.argv[:1] or ["parallax"])
    return _app


# --- text documents -------------------------------------------------------------------------------------

_FONTS: dict[tuple, QFont] = {}


def font(size: float, bold: bool = False, italic: bool = False) -> QFont:
    """The report font at ``size`` points (cached: thousands of cells share a handful of fonts).
    Callers copy it (``QFont(font(...))``) before changing it."""
    key = (round(size, 3), bold, italic)
    if key not in _FONTS:
        _FONTS[key] = _new_font(size, bold, italic)
    return _FONTS[key]


def _new_font(size: float, bold: bool, italic: bool) -> QFont:
    f = QFont(FAMILY)
    f.setPointSizeF(size)
    f.setBold(bold)
    f.setItalic(italic)
    if hasattr(f, "setFeature"):            # Qt >= 6.7
        # No "fl"/"fi" ligatures: with them the PDF's text reads "ﬂagged" and a search for "flagged"
        # (or a copy-paste) misses it.
        f.setFeature(QFont.Tag("liga"), 0)
    return f


def qcolour(value: str | None, default: str = colours.TEXT) -> QColor:
    return QColor(colours.safe_colour(value, default))


def char_format(run: Run, size: float, bold: bool = False, colour: str | None = None) -> QTextCharFormat:
    """The character format of one run; styles mirror the HTML renderer's."""
    fmt = QTextCharFormat()
    fmt.setFont(font(size, bold or run.style in ("b", "flag"), run.style == "i"))
    fmt.setForeground(qcolour(colour))
    if run.style == "b" and run.colour:
        fmt.setForeground(qcolour(run.colour))
    elif run.style == "muted":
        fmt.setForeground(qcolour(colours.MUTED))
    elif run.style == "small":
        fmt.setFont(font(size * 0.82))
        fmt.setForeground(qcolour(colours.MUTED))
    elif run.style == "chip":
        fmt.setForeground(qcolour(run.colour))
    elif run.style == "mark":
        fmt.setBackground(qcolour(run.colour, "#fff2a8"))
    elif run.style == "flag":
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(qcolour(run.colour))
    elif run.style == "code":
        fmt.setFontFamilies(["DejaVu Sans Mono"])
    return fmt


@dataclass
class Doc:
    """A laid-out rich text (a QTextDocument) of fixed width, in device units."""
    doc: QTextDocument
    width: float

    @property
    def height(self) -> float:
        return self.doc.size().height()

    def draw(self, painter: QPainter, x: float, y: float, clip_top: float = 0.0,
             clip_height: float | None = None) -> None:
        painter.save()
        painter.translate(x, y - clip_top)
        h = self.height if clip_height is None else clip_height
        self.doc.drawContents(painter, QRectF(0, clip_top, self.width, h))
        painter.restore()

    def line_breaks(self) -> list[float]:
        """Bottoms of the document's lines: the places a long text may be cut between pages."""
        out = []
        layout = self.doc.documentLayout()
        block = self.doc.begin()
        while block.isValid():
            top = layout.blockBoundingRect(block).top()
            lines = block.layout()
            for i in range(lines.lineCount()):
                line = lines.lineAt(i)
                out.append(top + line.y() + line.height())
            block = block.next()
        return out


@dataclass
class Label:
    """A short plain text drawn with ``QPainter.drawText``: the fast path for simple table cells.

    A 50-outlet grid has thousands of cells like "¶3" or "omits"; a QTextDocument each costs ~0.4 ms,
    a label a tenth of that.  Same interface as ``Doc``.
    """
    text: str
    font: QFont
    colour: QColor
    width: float
    flags: int
    height: float

    def draw(self, painter: QPainter, x: float, y: float, clip_top: float = 0.0,
             clip_height: float | None = None) -> None:
        painter.setFont(self.font)
        painter.setPen(self.colour)
        painter.drawText(QRectF(x, y, self.width, self.height), self.flags, self.text)

    def line_breaks(self) -> list[float]:
        return [self.height]


SIMPLE_STYLES = ("", "b", "muted")


def make_label(device, width: float, run: Run, size: float, bold: bool, align: str) -> Label | None:
    """A ``Label`` for a single short run, or None when it needs a full document."""
    if run.style not in SIMPLE_STYLES or "\n" in run.text or len(run.text) > 40:
        return None
    f = font(size, bold or run.style == "b")
    colour = qcolour(run.colour if run.style == "b" and run.colour else
                     (colours.MUTED if run.style == "muted" else None))
    horizontal = {"right": Qt.AlignRight, "center": Qt.AlignHCenter}.get(align, Qt.AlignLeft)
    flags = int(horizontal | Qt.AlignTop | Qt.TextWordWrap)
    metrics = QFontMetricsF(f, device)
    if max((metrics.horizontalAdvance(w) for w in run.text.split()), default=0.0) > width:
        return None         # a word wider than the cell: only a document can break it
    rect = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, run.text)
    # Match the document's line height (QTextDocument lines are 105 % here), so rows look the same.
    return Label(run.text, f, colour, width, flags, rect.height() * 1.05)


def make_doc(device, width: float, runs: tuple[Run, ...], size: float, *, bold: bool = False,
             colour: str | None = None, align: str = "left", line_height: float = 112.0) -> Doc:
    """A document holding ``runs`` (inserted as literal text, so nothing in them is markup)."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font(size))
    option = QTextOption()
    option.setAlignment({"right": Qt.AlignRight, "center": Qt.AlignHCenter}.get(align, Qt.AlignLeft))
    option.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    cursor = QTextCursor(doc)
    block = cursor.blockFormat()
    block.setLineHeight(line_height, 1)        # 1 = ProportionalHeight
    cursor.setBlockFormat(block)
    for run in runs:
        cursor.insertText(run.text.replace("\n", "\u2028"), char_format(run, size, bold, colour))
    doc.setTextWidth(width)
    return Doc(doc, width)


WORD_GAPS = re.compile(r"[ \t\n\u2028]+")     # where lines may break (not at the no-break space)


def fit_columns(wanted: list[float], least: list[float], total: float) -> list[float]:
    """``wanted`` widths adjusted so each column is at least ``least`` and they sum to ``total``:
    columns below their least get it, the rest share what is left in their proportions.  When even
    the least widths do not fit, they are scaled down together (the table is too wide for a page)."""
    if sum(least) >= total:
        scale = total / (sum(least) or 1.0)
        return [w * scale for w in least]
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(wanted)) if i not in fixed]
        room = total - sum(fixed.values())
        share = sum(wanted[i] for i in free) or 1.0
        widths = {i: room * wanted[i] / share for i in free}
        short = [i for i in free if widths[i] < least[i]]
        if not short:
            break
        for i in short:
            fixed[i] = least[i]
    return [fixed.get(i, widths.get(i, 0.0)) for i in range(len(wanted))]
