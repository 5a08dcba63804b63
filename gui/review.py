"""How a review looks, in one place: the verdict marks, their colours, and the framing flags restyled.

Every view that lists findings shows the same marks: ✓ confirmed, ✗ dismissed (and dimmed), ⚑ flagged,
and the severity as ●/●●/●●●.  Shapes differ, not only colours, so the marks read without colour too.

``FlagStyler`` restyles the framing flags of the side-by-side text in place when a verdict changes
(bold for confirmed, bold with an overline for flagged, faded for dismissed), without rebuilding that
view: it indexes the ``finding:<id>`` anchors of whatever document the browser shows, each time the
browser gets a new one, and only touches the character formats (never the text), so every position
the view keeps stays valid.
"""
from __future__ import annotations

from typing import Callable, Mapping

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser

from analysis.vocabulary.reviews import NOT_REVIEWED, Review

from .theme import Theme

MARKS = {"confirmed": "✓", "dismissed": "✗", "flagged": "⚑"}
NAMES = {"confirmed": "Confirmed", "dismissed": "Dismissed", "flagged": "Flagged"}
SEVERITY_NAMES = {1: "minor", 2: "moderate", 3: "major"}
EMPTY = Review(key="")


def verdict_color(verdict: str, theme: Theme) -> str:
    """Okabe-Ito based, dark enough on white and light enough on the dark theme's base."""
    if verdict == "confirmed":
        return "#43c59e" if theme.dark else "#00795a"
    if verdict == "flagged":
        return "#ffa552" if theme.dark else "#b85000"
    return theme.muted


def mark(verdict: str) -> str:
    return MARKS.get(verdict, "")


def verdict_label(verdict: str) -> str:
    """"✓ Confirmed", or "" when not reviewed."""
    return f"{MARKS[verdict]} {NAMES[verdict]}" if verdict in MARKS else ""


def severity_label(severity: int | None) -> str:
    return "●" * severity if severity else ""


def severity_name(severity: int | None) -> str:
    return f"{SEVERITY_NAMES[severity]} ({severity})" if severity in SEVERITY_NAMES else ""


def describe(review: Review) -> str:
    """One line for tool tips and the status line: "✓ Confirmed · severity major (3) · note"."""
    parts = [verdict_label(review.verdict) or ("Note, not reviewed" if review.note else "Not reviewed")]
    if review.severity:
        parts.append("severity " + severity_name(review.severity))
    if review.note:
        parts.append("note: " + review.note.strip().splitlines()[0][:80])
    return " · ".join(parts)


def note_preview(note: str, limit: int = 120) -> str:
    line = " ".join(note.split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


class FlagStyler(QObject):
    """Shows the verdict on the framing flags drawn in ``browser`` (the side-by-side text)."""

    def __init__(self, browser: QTextBrowser, reviews: Callable[[], Mapping[str, Review]],
                 theme: Callable[[], Theme]) -> None:
        super().__init__(browser)
        self.browser = browser
        self._reviews = reviews
        self._theme = theme
        self._doc = None
        self._index: dict[str, list[tuple[int, int, QTextCharFormat]]] = {}
        self._applied: dict[str, tuple] = {}        # key -> the style now shown
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)                  # once per event-loop turn, however many changes
        self._timer.timeout.connect(lambda: self.restyle())
        browser.textChanged.connect(self._text_changed)

    def _text_changed(self) -> None:
        if not self._busy:
            self._doc = None                          # new or rebuilt text: index it again
            self._timer.start()

    def _reindex(self) -> None:
        doc = self.browser.document()
        doc.setUndoRedoEnabled(False)                 # our format changes are not user edits
        index: dict[str, list[tuple[int, int, QTextCharFormat]]] = {}
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if frag.isValid():
                    fmt = frag.charFormat()
                    if fmt.isAnchor() and fmt.anchorHref().startswith("finding:"):
                        index.setdefault(fmt.anchorHref()[8:], []).append(
                            (frag.position(), frag.length(), QTextCharFormat(fmt)))
                it += 1
            block = block.next()
        self._doc, self._index, self._applied = doc, index, {}

    def restyle(self, keys=None) -> None:
        """Bring the flags of ``keys`` (all when None) in line with their reviews."""
        if self._doc is not self.browser.document():
            self._reindex()
            keys = None
        reviews = self._reviews()
        theme = self._theme()
        cursor = QTextCursor(self._doc)
        self._busy = True
        try:
            for key in (self._index if keys is None else [k for k in keys if k in self._index]):
                review = reviews.get(key) or EMPTY
                style = (review.verdict, theme.name)
                if self._applied.get(key, (NOT_REVIEWED, theme.name)) == style:
                    continue
                for pos, length, original in self._index[key]:
                    cursor.setPosition(pos)
                    cursor.setPosition(pos + length, QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(self._styled(original, review, theme))
                self._applied[key] = style
        finally:
            self._busy = False

    @staticmethod
    def _styled(original: QTextCharFormat, review: Review, theme: Theme) -> QTextCharFormat:
        fmt = QTextCharFormat(original)
        verdict = review.verdict
        if verdict == "dismissed":
            fmt.setForeground(QColor(theme.muted))
            fmt.setUnderlineColor(QColor(theme.muted))
        elif verdict in ("confirmed", "flagged"):
            fmt.setFontWeight(QFont.Weight.DemiBold)
            fmt.setFontOverline(verdict == "flagged")
        if verdict in MARKS:
            fmt.setToolTip(f"{verdict_label(verdict)} — {original.toolTip()}")
        return fmt
