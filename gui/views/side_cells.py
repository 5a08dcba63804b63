"""Side by side's document, written row by row: each fact row is its own one-row table of three
cells (left, gutter, right) with the same column widths, so the rows line up as one table and a
document can grow a few rows at a time (``SideBySide`` appends them in slices).  Text is inserted as
plain text with character formats, never parsed as HTML, so article text cannot inject markup."""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextTableFormat,
)

from analysis.model import Finding, Sentence
from analysis.vocabulary.kinds import label as kind_label

from ..theme import STRONG_MARK_MAX_WORDS, Theme, flag_style, strong_mark
from .side_rows import GUTTER, Plan, flags_in, joined, joined_spans, own_change


class Build:
    """A document being filled from a ``Plan``, one row at a time."""

    def __init__(self, doc: QTextDocument, plan: Plan) -> None:
        self.doc = doc
        self.plan = plan
        self.cursor = QTextCursor(doc)
        self.next = 0
        self.row_cursor: list[int] = []                         # each row's left cell start
        self.row_cells: list[tuple[int, int, int, int]] = []    # (l_start, l_end, r_start, r_end)

    @property
    def done(self) -> bool:
        return self.next >= len(self.plan.shown)


def row_format() -> QTextTableFormat:
    """One row's table: no borders, the two sides 48.5% each, the gutter between."""
    fmt = QTextTableFormat()
    fmt.setBorder(0)
    fmt.setCellSpacing(0)
    fmt.setCellPadding(5)
    fmt.setBorderCollapse(True)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setColumnWidthConstraints([
        QTextLength(QTextLength.Type.PercentageLength, 48.5),
        QTextLength(QTextLength.Type.PercentageLength, 3),
        QTextLength(QTextLength.Type.PercentageLength, 48.5)])
    return fmt


class RowWriter:
    """Writes the outlets' header and the rows in ``theme``'s colours; ``outlet`` and ``color``
    give an article's name and chip colour."""

    def __init__(self, theme: Theme, outlet: Callable[[str], str],
                 color: Callable[[str], QColor]) -> None:
        self.theme, self.outlet, self.color = theme, outlet, color
        self.format = row_format()

    def _new_table(self, build: Build):
        cursor = build.cursor
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor.insertTable(1, 3, self.format)

    def header(self, build: Build) -> None:
        build.cursor.beginEditBlock()
        table = self._new_table(build)
        for col, aid in ((0, build.plan.left.id), (2, build.plan.right.id)):
            cell = table.cellAt(0, col)
            c = self.color(aid)
            f = QTextCharFormat()
            f.setFontWeight(QFont.Weight.Bold)
            f.setForeground(QColor("#000000") if c.lightness() > 140 else QColor("#ffffff"))
            cell.firstCursorPosition().insertText(" " + self.outlet(aid) + " ", f)
            cf = cell.format()
            cf.setBackground(c)
            cell.setFormat(cf)
        build.cursor.endEditBlock()

    def append_row(self, build: Build) -> None:
        plan = build.plan
        row, ops = plan.shown[build.next]
        build.next += 1
        build.cursor.beginEditBlock()      # one layout per row, not one per insertion
        table = self._new_table(build)
        lcell, gcell, rcell = table.cellAt(0, 0), table.cellAt(0, 1), table.cellAt(0, 2)
        self._fill(lcell, row.left, ops, "a", plan.left.id, plan.flag_index, row.left_elsewhere)
        self._fill(rcell, row.right, ops, "b", plan.right.id, plan.flag_index, row.right_elsewhere)
        gc = gcell.firstCursorPosition()
        gfmt = QTextCharFormat()
        gfmt.setForeground(QColor(self.theme.muted))
        gc.insertText(GUTTER[row.kind] or ("≠" if own_change(row, ops) else "="), gfmt)
        gcell.setFormat(_cell_bg(None))
        build.cursor.endEditBlock()
        build.row_cursor.append(lcell.firstCursorPosition().position())
        build.row_cells.append((lcell.firstCursorPosition().position(),
                                lcell.lastCursorPosition().position(),
                                rcell.firstCursorPosition().position(),
                                rcell.lastCursorPosition().position()))

    def _fill(self, cell, sents: list[Sentence], ops, side: str, article_id: str,
              flag_index: dict[str, list[Finding]], elsewhere: tuple[tuple[int, int], ...] = ()) -> None:
        cur = cell.firstCursorPosition()
        if not sents:
            f = QTextCharFormat()
            f.setFontItalic(True)
            f.setForeground(QColor(self.theme.muted))
            cur.insertText("not covered", f)
            cell.setFormat(_cell_bg(self.theme.gap))
            return
        text, starts = joined(sents)
        n = len(text)
        marks: list[tuple[int, int, str, Finding | None]] = []
        color = self.theme.diff_left if side == "a" else self.theme.diff_right
        for o in ops:
            if o.tag == "equal":
                continue
            s, e = (o.a_start, o.a_end) if side == "a" else (o.b_start, o.b_end)
            if e > s:
                marks.append((s, e, "diff", None))
        for f in flags_in(sents, flag_index):
            for sp in f.spans:
                if sp.article == article_id:
                    marks.extend((s, e, "flag", f) for s, e in joined_spans(sp.start, sp.end, sents, starts))
        for a, b in elsewhere:
            marks.extend((s, e, "elsewhere", None) for s, e in joined_spans(a, b, sents, starts))
        bounds = sorted({0, n, *[m[0] for m in marks], *[m[1] for m in marks]})
        for s, e in zip(bounds, bounds[1:]):
            if e <= s or s >= n:
                continue
            cur.insertText(text[s:e], self._format(text, [m for m in marks if m[0] <= s and e <= m[1]],
                                                    color))
        bf = QTextBlockFormat()
        bf.setLineHeight(115, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cur.setBlockFormat(bf)

    def _format(self, text: str, active, color: str) -> QTextCharFormat:
        """The format of a stretch of ``text`` under the ``active`` marks (diff tint, flags)."""
        fmt = QTextCharFormat()
        if any(what == "elsewhere" for _, _, what, _ in active):
            # Another fact's part of a shared sentence: read on that fact's row, muted here, and
            # its words are not this row's difference.
            fmt.setForeground(QColor(self.theme.muted))
            fmt.setToolTip("This part of the sentence is another fact: it has its own row.")
            active = [m for m in active if m[2] == "flag"]
        for ms, me, what, f in active:
            if what == "diff":
                fmt.setBackground(QColor(color))
                continue
            col, style = flag_style(f.kind)
            fmt.setUnderlineStyle(style)
            fmt.setUnderlineColor(QColor(col))
            if strong_mark(f.kind) and len(text[ms:me].split()) <= STRONG_MARK_MAX_WORDS:
                # Loaded words: coloured, semibold, italic and wave-underlined over any diff tint
                # (colour and italic alone were hard to spot in a paragraph, the weight is seen at
                # a glance and by readers who do not tell the colours apart).
                fmt.setForeground(QColor(self.theme.loaded_text))
                fmt.setFontItalic(True)
                fmt.setFontWeight(QFont.Weight.DemiBold)
                fmt.setUnderlineColor(QColor(self.theme.loaded_text))
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"finding:{f.id}")
            fmt.setToolTip(f"{kind_label(f.kind)}: {f.evidence}")
        return fmt


def _cell_bg(color: str | None) -> QTextCharFormat:
    f = QTextCharFormat()
    if color:
        f.setBackground(QColor(color))
    return f
