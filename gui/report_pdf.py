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
"""
from __future__ import annotations

import errno
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from analysis.report import chart_geometry as geo
from analysis.report import colours
from analysis.report.model import Bullets, Cell, Chart, Excerpt, Heading, Para, Report, Run, Table
from analysis.report.settings import TABLE_MIN_ROWS

DPI = 300                       # device units per inch: the PDF is vector, this is layout precision
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 48.0, 64.0, 58.0       # points
FAMILY = "DejaVu Sans"
BODY_PT, TABLE_PT, SMALL_PT = 9.2, 8.0, 7.2
HEADING_PT = {0: 24.0, 1: 16.0, 2: 12.0, 3: 10.0}
CELL_PAD_X, CELL_PAD_Y = 3.5, 2.6                            # points

Progress = Callable[[float, str], None]
_app = None                     # the QGuiApplication we created, kept alive for the process


CHART_PAIR_MAX_BARS = 8       # charts of at most this many outlets may stand two side by side


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


def _colour(value: str | None, default: str = colours.TEXT) -> QColor:
    return QColor(colours.safe_colour(value, default))


def char_format(run: Run, size: float, bold: bool = False, colour: str | None = None) -> QTextCharFormat:
    """The character format of one run; styles mirror the HTML renderer's."""
    fmt = QTextCharFormat()
    fmt.setFont(font(size, bold or run.style in ("b", "flag"), run.style == "i"))
    fmt.setForeground(_colour(colour))
    if run.style == "b" and run.colour:
        fmt.setForeground(_colour(run.colour))
    elif run.style == "muted":
        fmt.setForeground(_colour(colours.MUTED))
    elif run.style == "small":
        fmt.setFont(font(size * 0.82))
        fmt.setForeground(_colour(colours.MUTED))
    elif run.style == "chip":
        fmt.setForeground(_colour(run.colour))
    elif run.style == "mark":
        fmt.setBackground(_colour(run.colour, "#fff2a8"))
    elif run.style == "flag":
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(_colour(run.colour))
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
    colour = _colour(run.colour if run.style == "b" and run.colour else
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


_WORD_GAPS = re.compile(r"[ \t\n\u2028]+")     # where lines may break (not at the no-break space)


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


# --- pieces and layout ----------------------------------------------------------------------------------

@dataclass
class Piece:
    """Something of known height placed whole on one page (unless ``breaks`` allows cuts)."""
    height: float
    draw: Callable[[QPainter, float, float], None]
    space_before: float = 0.0
    keep_with_next: bool = False
    repeat: Piece | None = None       # drawn first when this piece opens a page (table header)
    breaks: list[float] = field(default_factory=list)   # y offsets where the piece may be cut
    doc: Doc | None = None
    x: float = 0.0


@dataclass
class Page:
    section: str
    placed: list = field(default_factory=list)   # (piece, y, clip_top, clip_height)
    continued: bool = False     # opened by the overflow of a section, not by a section's start


TAIL_PAGE_SHARE = 0.35          # a page holding only a section's overflow below this share of its height
                                # takes the next section too, rather than staying nearly empty


class Flow:
    """Places pieces on pages: the layout pass.  Nothing is drawn here."""

    def __init__(self, top: float, bottom: float):
        self.top, self.bottom = top, bottom
        self.pages: list[Page] = []
        self.y = bottom             # forces a first page

    def new_page(self, section: str, continued: bool = True) -> None:
        self.pages.append(Page(section, continued=continued))
        self.y = self.top

    def _short_tail(self) -> bool:
        """The current page holds only the end of the previous section and is mostly empty."""
        page = self.pages[-1]
        return len(self.pages) > 1 and page.continued and \
            self.y - self.top < TAIL_PAGE_SHARE * (self.bottom - self.top)

    @property
    def empty(self) -> bool:
        return not self.pages or not self.pages[-1].placed

    def place(self, pieces: list[Piece], section: str, new_page: bool) -> None:
        if new_page or not self.pages:
            if self.empty and self.pages:
                self.pages[-1].section = section
            elif not self.pages or not self._short_tail():
                self.new_page(section, continued=False)
        for i, piece in enumerate(pieces):
            self._place(piece, self._kept(pieces, i), section)

    @staticmethod
    def _kept(pieces: list[Piece], i: int) -> float:
        """Height that must follow piece ``i`` on its page: the chain of keep-with-next pieces after
        it (a heading, its note, a table header) and a first slice of what they introduce."""
        extra, j = 0.0, i
        while pieces[j].keep_with_next and j + 1 < len(pieces):
            j += 1
            nxt = pieces[j]
            # A piece that cannot be cut (a table row, a chart) must follow whole; a text only its
            # first lines.
            whole = nxt.keep_with_next or not nxt.breaks
            extra += nxt.space_before + (nxt.height if whole else min(nxt.height, pt(60)))
        return extra

    def _place(self, piece: Piece, kept: float, section: str) -> None:
        gap = 0.0 if self.empty else piece.space_before
        need = gap + piece.height + kept
        if self.y + need > self.bottom and not self.empty:
            if piece.breaks and piece.height > pt(72):     # long text: fill the page, no orphans
                self._split(piece, gap, section)
                return
            self.new_page(section)
            gap = 0.0
            if piece.repeat is not None:
                self._put(piece.repeat, 0.0)
        if self.y + piece.height > self.bottom and piece.breaks:
            self._split(piece, gap, section)
            return
        self._put(piece, gap)

    def _put(self, piece: Piece, gap: float, clip_top: float = 0.0, clip_height: float | None = None) -> None:
        self.y += gap
        self.pages[-1].placed.append((piece, self.y, clip_top, clip_height))
        self.y += piece.height if clip_height is None else clip_height

    def _split(self, piece: Piece, gap: float, section: str) -> None:
        """Cut a long text between lines across as many pages as it needs."""
        offset = 0.0
        while piece.height - offset > self.bottom - self.y - gap:
            room = self.bottom - self.y - gap
            cuts = [b for b in piece.breaks if offset < b <= offset + room]
            if not cuts:
                if self.empty:          # a single line taller than a page: cut anywhere
                    cuts = [offset + room]
                else:
                    self.new_page(section)
                    gap = 0.0
                    continue
            self._put(piece, gap, offset, cuts[-1] - offset)
            offset, gap = cuts[-1], 0.0
            self.new_page(section)
        self._put(piece, gap, offset, piece.height - offset)


# --- block builders -------------------------------------------------------------------------------------

CHART_PAIR_GAP = pt(18)        # between two charts side by side


class Builder:
    """Turns report blocks into pieces measured on the PDF device."""

    def __init__(self, device, width: float, page_height: float):
        self.device = device
        self.width = width
        self.page_height = page_height

    def metrics(self, f: QFont) -> QFontMetricsF:
        return QFontMetricsF(f, self.device)

    def text_piece(self, runs, size: float, *, indent: float = 0.0, space: float = 0.0, bold=False,
                   colour=None, keep=False) -> Piece:
        doc = make_doc(self.device, self.width - indent, runs, size, bold=bold, colour=colour)
        piece = Piece(doc.height, lambda p, x, y, d=doc: d.draw(p, x + indent, y), pt(space), keep, doc=doc,
                      x=indent)
        piece.breaks = doc.line_breaks()
        return piece

    def heading(self, block: Heading, cover: bool) -> list[Piece]:
        level = 0 if cover and block.level == 1 else block.level
        size = HEADING_PT.get(level, BODY_PT)
        colour = colours.ACCENT if level <= 1 else colours.TEXT
        piece = self.text_piece((Run(block.text),), size, bold=True, colour=colour,
                                space={0: 0, 1: 4, 2: 14, 3: 10}.get(level, 8), keep=True)
        piece.breaks = []
        if level == 1:
            inner = piece.draw
            rule_y = piece.height + pt(3)

            def draw(p, x, y, inner=inner):
                inner(p, x, y)
                p.setPen(QPen(_colour(colours.ACCENT), pt(1.2)))
                p.drawLine(QPointF(x, y + rule_y), QPointF(x + self.width, y + rule_y))
            piece.draw, piece.height = draw, rule_y + pt(8)
        return [piece]

    def para(self, block: Para) -> list[Piece]:
        size = {"lead": 13.0, "note": BODY_PT * 0.9}.get(block.kind, BODY_PT)
        colour = colours.MUTED if block.kind == "note" else ("#333333" if block.kind == "lead" else None)
        # A note introduces what follows (a table, a chart): it goes to the next page with it.
        return [self.text_piece(block.runs, size, colour=colour, space=5, keep=block.kind == "note")]

    def bullets(self, block: Bullets) -> list[Piece]:
        out = self._bullet_items(block)
        # Like table rows: a list's last items go to a new page together, never one or two alone.
        for piece in out[max(0, len(out) - TABLE_MIN_ROWS):-1]:
            piece.keep_with_next = True
        return out

    def _bullet_items(self, block: Bullets) -> list[Piece]:
        out = []
        indent = pt(11)
        for item in block.items:
            piece = self.text_piece(item, BODY_PT, indent=indent, space=3)
            inner = piece.draw

            def draw(p, x, y, inner=inner):
                p.setFont(font(BODY_PT))
                p.setPen(_colour(colours.ACCENT))
                p.drawText(QPointF(x + pt(2), y + self.metrics(font(BODY_PT)).ascent()), "•")
                inner(p, x, y)
            piece.draw = draw
            out.append(piece)
        return out

    # tables ---------------------------------------------------------------------------------------------
    def columns(self, table: Table, header_size: float = TABLE_PT) -> list[float]:
        """Column widths: the table's proportions, but never narrower than the longest word of the
        column (names and numbers are never broken mid-word); the other columns give way."""
        n = len(table.header)
        weights = list(table.widths) if len(table.widths) == n else [1.0] * n
        total = sum(weights) or 1.0
        wanted = [self.width * w / total for w in weights]
        least = [self.longest_word(table, i, header_size) + 2 * pt(CELL_PAD_X) + pt(1) for i in range(n)]
        return fit_columns(wanted, least, self.width)

    def longest_word(self, table: Table, column: int, header_size: float) -> float:
        """Width of the widest unbreakable stretch in a column (a chip and its name's first word,
        joined by a no-break space, count as one)."""
        widest = 0.0
        for row, header in [(table.header, True)] + [(r, False) for r in table.rows]:
            if column >= len(row):
                continue
            size = header_size if header else TABLE_PT
            for run in row[column].runs:
                bold = header or run.style in ("b", "flag")
                metrics = self.metrics(font(size, bold, run.style == "i"))
                for word in _WORD_GAPS.split(run.text):
                    if word:
                        widest = max(widest, metrics.horizontalAdvance(word))
        return widest

    def cell_doc(self, c: Cell, width: float, header: bool, size: float) -> Doc | Label:
        inner = max(width - 2 * pt(CELL_PAD_X), pt(8))
        if len(c.runs) == 1:
            label = make_label(self.device, inner, c.runs[0], size, header, c.align)
            if label is not None:
                return label
        return make_doc(self.device, inner, c.runs, size, bold=header, align=c.align, line_height=105.0)

    def row_piece(self, cells, widths, header: bool, size: float = TABLE_PT) -> Piece:
        docs = [self.cell_doc(c, w, header, size) for c, w in zip(cells, widths)]
        height = max((d.height for d in docs), default=0.0) + 2 * pt(CELL_PAD_Y)
        fills = [(c.fill or colours.HEADER_FILL) if header else c.fill for c in cells]

        def draw(p: QPainter, x: float, y: float) -> None:
            cx = x
            p.setPen(QPen(_colour(colours.RULE), pt(0.5)))
            for d, w, fill in zip(docs, widths, fills):
                rect = QRectF(cx, y, w, height)
                if fill:
                    p.fillRect(rect, _colour(fill))
                p.drawRect(rect)
                d.draw(p, cx + pt(CELL_PAD_X), y + pt(CELL_PAD_Y))
                cx += w
        return Piece(height, draw)

    def table(self, table: Table) -> list[Piece]:
        # Grid and metric headers sit over narrow columns: a smaller size keeps words whole.
        header_size = TABLE_PT * 0.88 if table.kind in ("grid", "metrics") else TABLE_PT
        widths = self.columns(table, header_size)
        header = self.row_piece(table.header, widths, header=True, size=header_size)
        header.space_before = pt(6)
        header.keep_with_next = True
        rows = [self.row_piece(r, widths, header=False) for r in table.rows]
        for r in rows:
            r.repeat = header       # a row that opens a page brings the header with it
        # No page holds only one or two rows of a table: its first rows stay with the header, its
        # last ones stay together (a keep-with-next chain moves them to the next page as a group).
        keep = TABLE_MIN_ROWS - 1
        for r in rows[:keep] + rows[max(keep, len(rows) - TABLE_MIN_ROWS):-1]:
            r.keep_with_next = True
        if rows:
            rows[-1].space_before = 0
        tail = Piece(pt(6), lambda p, x, y: None)
        return [header] + rows + [tail]

    # excerpts ------------------------------------------------------------------------------------------
    def excerpt(self, block: Excerpt) -> list[Piece]:
        title = self.text_piece((Run(block.fact + "  ", "b", colours.ACCENT), Run(block.label, "b")),
                                BODY_PT, space=12, keep=True)
        title.breaks = []
        out = [title]
        for line in block.lines:
            out.append(self.excerpt_line(line))
        if block.caption:
            out.append(self.text_piece((Run(block.caption, "muted"),), BODY_PT * 0.9, space=4))
        return self.together(out)

    def together(self, pieces: list[Piece]) -> list[Piece]:
        """One piece drawing ``pieces`` stacked, when they fit on a page: an excerpt is read whole."""
        offsets, y = [], 0.0
        for i, piece in enumerate(pieces):
            y += piece.space_before if i else 0.0
            offsets.append(y)
            y += piece.height
        if y > self.page_height * 0.9:
            return pieces

        def draw(p: QPainter, x: float, top: float) -> None:
            for piece, dy in zip(pieces, offsets):
                piece.draw(p, x, top + dy)
        return [Piece(y, draw, space_before=pieces[0].space_before)]

    def excerpt_line(self, line) -> Piece:
        bar = pt(3)
        indent = pt(9)
        head = (Run(line.outlet, "b"), Run(f"  {line.note}" if line.note and line.runs else "", "muted"))
        body = line.runs or (Run("not covered", "muted"),)
        head_doc = make_doc(self.device, self.width - indent, head, TABLE_PT)
        body_doc = make_doc(self.device, self.width - indent, body, BODY_PT, line_height=118.0)
        height = head_doc.height + pt(1.5) + body_doc.height

        def draw(p: QPainter, x: float, y: float) -> None:
            p.fillRect(QRectF(x, y, bar, height), _colour(line.colour))
            head_doc.draw(p, x + indent, y)
            body_doc.draw(p, x + indent, y + head_doc.height + pt(1.5))
        return Piece(height, draw, space_before=pt(5))

    # charts --------------------------------------------------------------------------------------------
    def chart(self, block: Chart) -> list[Piece]:
        units = self.width / pt(0.75)           # drawing units are CSS px (0.75 pt)
        drawing = geo.layout(block, units)
        scale = pt(0.75)
        device = self.device

        def draw(p: QPainter, x: float, y: float) -> None:
            paint_drawing(p, drawing, x, y, scale, device)
        return [Piece(drawing.height * scale, draw, space_before=pt(10))]

    def chart_pair(self, left: Chart, right: Chart) -> list[Piece]:
        """Two charts side by side, half the width each: the brief's metrics then fit one page."""
        half = (self.width - CHART_PAIR_GAP) / 2
        scale = pt(0.75)
        drawings = [geo.layout(c, half / scale) for c in (left, right)]
        device = self.device

        def draw(p: QPainter, x: float, y: float) -> None:
            for n, drawing in enumerate(drawings):
                paint_drawing(p, drawing, x + n * (half + CHART_PAIR_GAP), y, scale, device)
        return [Piece(max(d.height for d in drawings) * scale, draw, space_before=pt(10))]

    def blocks(self, blocks, cover: bool) -> list[Piece]:
        """The pieces of a section's blocks; two charts in a row of a few outlets each share a line."""
        pieces: list[Piece] = []
        i = 0
        while i < len(blocks):
            block = blocks[i]
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if isinstance(block, Chart) and isinstance(nxt, Chart) and \
                    max(len(block.categories), len(nxt.categories)) <= CHART_PAIR_MAX_BARS:
                pieces += self.chart_pair(block, nxt)
                i += 2
                continue
            pieces += self.block(block, cover)
            i += 1
        return pieces

    def block(self, block, cover: bool) -> list[Piece]:
        if isinstance(block, Heading):
            return self.heading(block, cover)
        if isinstance(block, Para):
            return self.para(block)
        if isinstance(block, Bullets):
            return self.bullets(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Excerpt):
            return self.excerpt(block)
        if isinstance(block, Chart):
            return self.chart(block)
        raise TypeError(f"unknown block {type(block).__name__}")


def paint_drawing(p: QPainter, drawing: geo.Drawing, x: float, y: float, scale: float, device) -> None:
    """Draw chart primitives as vectors: rectangles, lines and real text."""
    p.save()
    p.setRenderHint(QPainter.Antialiasing, True)
    for item in drawing.items:
        if isinstance(item, geo.Rect):
            p.fillRect(QRectF(x + item.x * scale, y + item.y * scale, item.w * scale, item.h * scale),
                       _colour(item.fill))
        elif isinstance(item, geo.Line):
            p.setPen(QPen(_colour(item.colour), item.width * scale))
            p.drawLine(QPointF(x + item.x1 * scale, y + item.y1 * scale),
                       QPointF(x + item.x2 * scale, y + item.y2 * scale))
        elif isinstance(item, geo.Text):
            f = font(item.size * 0.75, item.bold)
            p.setFont(f)
            p.setPen(_colour(item.colour))
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


def _geometry(writer: QPdfWriter) -> Geometry:
    w, h = float(writer.width()), float(writer.height())
    return Geometry(w, h, pt(MARGIN_X), w - pt(MARGIN_X), pt(MARGIN_TOP), h - pt(MARGIN_BOTTOM))


def _elide(p: QPainter, text: str, f: QFont, width: float, device) -> str:
    return QFontMetricsF(f, device).elidedText(text, Qt.ElideRight, width)


def paint_frame(p: QPainter, g: Geometry, report: Report, page: Page, number: int, total: int,
                device) -> None:
    """Running header (report title, section) and footer (generated, "Page N of M")."""
    small = font(SMALL_PT)
    p.setFont(small)
    p.setPen(_colour(colours.MUTED))
    fm = QFontMetricsF(small, device)
    if number > 1:
        base = pt(MARGIN_TOP) - pt(16)
        section = _elide(p, page.section, small, g.content * 0.35, device)
        title = _elide(p, report.title, small, g.content * 0.6, device)
        p.drawText(QPointF(g.left, base), title)
        p.drawText(QPointF(g.right - fm.horizontalAdvance(section), base), section)
        p.setPen(QPen(_colour(colours.RULE), pt(0.6)))
        p.drawLine(QPointF(g.left, base + pt(5)), QPointF(g.right, base + pt(5)))
    base = g.height - pt(MARGIN_BOTTOM) + pt(28)
    p.setPen(QPen(_colour(colours.RULE), pt(0.6)))
    p.drawLine(QPointF(g.left, base - pt(11)), QPointF(g.right, base - pt(11)))
    p.setPen(_colour(colours.MUTED))
    left = f"Parallax report · generated {report.generated[:10]}"
    if report.reviewer:
        left += f" · reviewed by {report.reviewer}"
    p.drawText(QPointF(g.left, base), _elide(p, left, small, g.content * 0.7, device))
    label = f"Page {number} of {total}"
    p.drawText(QPointF(g.right - fm.horizontalAdvance(label), base), label)


def paint_cover_band(p: QPainter, g: Geometry) -> None:
    p.fillRect(QRectF(0, 0, g.width, pt(14)), _colour(colours.ACCENT))
    p.setFont(font(10.0, bold=True))
    p.setPen(_colour(colours.ACCENT))
    p.drawText(QPointF(g.left, pt(MARGIN_TOP) - pt(10)), "PARALLAX · COVERAGE REPORT")


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
        g = _geometry(writer)
        pages = layout(report, writer, g, report_progress)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(errno.EIO, "the PDF could not be started")
        for number, page in enumerate(pages, 1):
            report_progress(0.5 + 0.5 * (number - 1) / len(pages), f"drawing page {number} of {len(pages)}")
            if number > 1:
                writer.newPage()
            _paint_page(painter, g, report, page, number, len(pages), writer)
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


def _paint_page(p: QPainter, g: Geometry, report: Report, page: Page, number: int, total: int,
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
