"""Report blocks (headings, paragraphs, bullets, tables, excerpts, charts) made into PDF pieces."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
)

from analysis.report import chart_geometry as geo
from analysis.report import colours
from analysis.report.model import Bullets, Cell, Chart, Excerpt, Heading, Para, Run, Table
from analysis.report.settings import TABLE_MIN_ROWS

from .flow import Piece
from .paint import paint_drawing
from .text import (
    BODY_PT,
    CELL_PAD_X,
    CELL_PAD_Y,
    HEADING_PT,
    TABLE_PT,
    WORD_GAPS,
    Doc,
    Label,
    fit_columns,
    font,
    make_doc,
    make_label,
    pt,
    qcolour,
)

CHART_PAIR_MAX_BARS = 8       # charts of at most this many outlets may stand two side by side
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
                p.setPen(QPen(qcolour(colours.ACCENT), pt(1.2)))
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
                p.setPen(qcolour(colours.ACCENT))
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
        """Width of the widest unbreakable stretch in a column.  A stretch may run over several runs
        (a colour chip, a no-break space and the outlet's name are three pieces of one stretch), so
        the pieces' widths are added until a gap where the line may break."""
        widest = 0.0
        for row, header in [(table.header, True)] + [(r, False) for r in table.rows]:
            if column >= len(row):
                continue
            size = header_size if header else TABLE_PT
            stretch = 0.0
            for run in row[column].runs:
                bold = header or run.style in ("b", "flag")
                metrics = self.metrics(font(size, bold, run.style == "i"))
                for i, word in enumerate(WORD_GAPS.split(run.text)):
                    if i:                           # a gap came before this word: a new stretch
                        stretch = 0.0
                    stretch += metrics.horizontalAdvance(word)
                    widest = max(widest, stretch)
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
            p.setPen(QPen(qcolour(colours.RULE), pt(0.5)))
            for d, w, fill in zip(docs, widths, fills):
                rect = QRectF(cx, y, w, height)
                if fill:
                    p.fillRect(rect, qcolour(fill))
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
            p.fillRect(QRectF(x, y, bar, height), qcolour(line.colour))
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
            made = self.block(block, cover)
            previous = blocks[i - 1] if i else None
            if _closes(previous, block) and pieces and made:
                # "2 more omitted facts under …" ends the list above it: it stays on the list's
                # page, never opens the next page alone (the louvre brief's page 2 did).  A table
                # ends in a spacer: its last row is kept too.
                for piece in pieces[-2:] if isinstance(previous, Table) else pieces[-1:]:
                    piece.keep_with_next = True
                made[0].keep_with_next = False
            pieces += made
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


def _closes(previous, block) -> bool:
    """A note straight after a list or a table closes it ("3 more …"): it introduces nothing."""
    return isinstance(block, Para) and block.kind == "note" and isinstance(previous, (Bullets, Table))
