"""Evidence cells that are cut in the middle, never at the word the finding is about.

A finding's evidence starts with the outlet's name and then names the word it is about ("“Ukraine
Peace Talks…” chooses 'rushed' (pejorative word): ..."); Qt's own cut at the right end of a narrow
column fell exactly on that word.  ``elide_around`` keeps the word (the *key*) whole: the text before
it is shortened first, with "…" where words were left out, then the text after it.  The whole text is
the cell's tool tip (the model's ``ToolTipRole``).

``KeyElideDelegate`` draws a column this way; the model gives each cell's key in ``KEY_ROLE``.
"""
from __future__ import annotations

import re
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate

KEY_ROLE = Qt.ItemDataRole.UserRole + 7
ELLIPSIS = "…"
HEAD_SHARE = 0.45        # at most this share of the width goes to the text before the key
_QUOTES = "'\"‘’“”«»"
LONG_WORD_SHARE = 0.5      # a word wider than this share of the room loses its middle
_TAIL = " ,;:(—–-"         # not left before a "…": "Ara (…" reads as a cut, "Ara…" as a pause


def key_span(text: str, key: str) -> tuple[int, int] | None:
    """Where ``key`` stands in ``text`` (case-insensitive, with the quotes around it), or None."""
    if not key:
        return None
    at = text.lower().find(key.lower())
    if at < 0:
        return None
    start, end = at, at + len(key)
    if start > 0 and text[start - 1] in _QUOTES:
        start -= 1
    if end < len(text) and text[end] in _QUOTES:
        end += 1
    return start, end


def _cut_right(text: str, room: float, width: Callable[[str], float]) -> str:
    """``text`` cut at its end to fit ``room``, with "…" when anything was cut ("" when nothing fits)."""
    if width(text) <= room:
        return text
    lo, hi = 0, len(text)
    while lo < hi:                          # the longest prefix that fits with its ellipsis
        mid = (lo + hi + 1) // 2
        if width(text[:mid].rstrip() + ELLIPSIS) <= room:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS if lo or width(ELLIPSIS) <= room else ""


def _middle(word: str, room: float, width: Callable[[str], float]) -> str:
    """``word`` with its middle left out to fit ``room`` ("/home/ann/…/ferry.pdf" keeps both ends)."""
    lo, hi = 0, len(word) // 2
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if width(word[:mid] + ELLIPSIS + word[-mid:]) <= room:
            lo = mid
        else:
            hi = mid - 1
    return word[:lo] + ELLIPSIS + word[-lo:] if lo else ELLIPSIS


def cut_at_word(text: str, room: float, width: Callable[[str], float]) -> str:
    """``text`` cut after the last whole word that fits ``room`` with "…" (whole when it fits).  A
    word wider than half the room (a file's path) first loses its middle, so that the words after
    it still show ("/tmp/…/mine.parallax is read-only"); a first word that cannot fit is cut inside.
    Qt's status line clipped a message in the middle of a word ("Ara (18 w")."""
    if width(text) <= room:
        return text
    most = room * LONG_WORD_SHARE if len(text.split()) > 1 else room
    text = re.sub(r"\S+", lambda w: w.group() if width(w.group()) <= most
                  else _middle(w.group(), most, width), text)
    if width(text) <= room:
        return text
    shown = ""
    for word in re.finditer(r"\S+", text):
        head = text[:word.end()].rstrip(_TAIL)
        if width(head + ELLIPSIS) > room:
            break
        shown = head
    return shown + ELLIPSIS if shown else _cut_right(text, room, width)


def elide_around(text: str, key: str, room: float, width: Callable[[str], float]) -> str:
    """``text`` shortened to ``room`` (in the units of ``width``) with ``key`` kept whole: cut at the
    end when the key still shows, else before the key (the head keeps its start: the outlet's name)
    and then after it.  Without a key in the text, cut at the end."""
    if width(text) <= room:
        return text
    right = _cut_right(text, room, width)
    span = key_span(text, key)
    if span is None or len(right.rstrip(ELLIPSIS)) >= span[1]:
        return right
    start, end = span
    middle = text[start:end]
    if width(middle) >= room:                # the key alone fills the cell: show its start
        return _cut_right(middle, room, width)
    head_room = min(width(text[:start]), room * HEAD_SHARE, room - width(middle))
    head = text[:start]
    if width(head) > head_room:
        head = _cut_right(head, head_room, width)
        head += " " if head else ""
    tail = _cut_right(text[end:], room - width(head) - width(middle), width)
    return head + middle + tail


class KeyElideDelegate(QStyledItemDelegate):
    """Draws a cell's text cut by ``elide_around`` around the key the model gives in ``KEY_ROLE``."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        text = option.text
        if not text:
            return
        style = option.widget.style() if option.widget is not None else QApplication.style()
        # The text margins of Qt's item views: a focus-frame margin plus one pixel, on each side.
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1)
        room = option.rect.width() - margin
        metrics = option.fontMetrics
        option.text = elide_around(text, str(index.data(KEY_ROLE) or ""), room,
                                   lambda s: metrics.horizontalAdvance(s))
        option.textElideMode = Qt.TextElideMode.ElideNone
