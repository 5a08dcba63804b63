"""Bisection over a text of sorted lines, without splitting it into a list of lines.

The start-up tables (lemminflect's look-up files, wordfreq's plain words) are kept as one text of
lines sorted by their key.  Splitting such a text into a list of 100,000-300,000 lines costs tens of
milliseconds in every process, for the few thousand look-ups an analysis makes; here a look-up
bisects the text itself: a step finds the line around a character position (``str.rfind`` and
``str.find``, in C) and compares its key.
"""
from __future__ import annotations

from typing import Callable


def line_end(text: str, start: int) -> int:
    """Where the line that begins at ``start`` ends (its "\\n", or the end of the text)."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def first_line_at_least(text: str, target: str, key: Callable[[str, int, int], str]) -> int:
    """The start of the first line whose ``key(text, start, end)`` is not below ``target`` (the
    text's length when there is none), as ``bisect_left`` over the list of lines by that key;
    the lines must be sorted by it."""
    lo, hi = 0, len(text)          # both always the start of a line (or the end of the text)
    while lo < hi:
        start = max(text.rfind("\n", 0, (lo + hi) // 2) + 1, lo)
        end = line_end(text, start)
        if key(text, start, end) < target:
            lo = end + 1
        else:
            hi = start
    return min(lo, len(text))


def whole_line(text: str, start: int, end: int) -> str:
    """The line itself, as its key."""
    return text[start:end]
