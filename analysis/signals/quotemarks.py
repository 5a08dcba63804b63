"""Direct quotes: where each one starts and ends, with the quote marks editors really get.

Direct quotes are found on the paragraph text, not per sentence, so a quote may span sentences.
Curly (“ ” „ « ») and straight (") double quotes are both read; a straight mark opens when it follows
a space or an opening bracket/dash and closes otherwise, so mixed pairs such as “...," (seed 004)
and "...” pair up.  Single curly quotes outside any double quote (‘We will not give up,’ she said --
the style of many British and Asian outlets) are quotes too: ‘ opens as a double mark does, and the
first ’ that no letter or digit follows closes it (the ’ of "don’t" is an apostrophe); one that nothing
closes in its paragraph is no quote.  Single quotes inside a double quote are left inside it, and
straight single quotes are never read (they cannot be told from apostrophes), nor straight double
quotes nested in straight double quotes (a close and a reopen look the same).  A double quote still
open at the end of its paragraph ends there and is marked ``unclosed`` (news style reopens a quote that
runs over paragraphs; a typo leaves one open) -- never extended over the rest of the article.
"""
from __future__ import annotations

from dataclasses import dataclass

from analysis.model import Article

_OPENERS = {"“": "”", "„": "“”", "«": "»"}      # opening mark -> marks that close it
_CLOSERS = "”»"
_STRAIGHT = '"'
_OPEN_CONTEXT = " \t\n([{—–-/:"                  # a straight mark after these opens a quote
_SINGLE_OPEN, _SINGLE_CLOSE = "‘", "’"


@dataclass(frozen=True)
class DirectSpan:
    start: int              # first character of the quoted words
    end: int                # after the last quoted character
    outer_start: int        # the opening mark
    outer_end: int          # after the closing mark (== end when unclosed)
    unclosed: bool


def _looks_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_CONTEXT or before in _OPENERS) and not after.isspace()


def _paragraph_quotes(text: str, start: int, end: int) -> list[DirectSpan]:
    out: list[DirectSpan] = []
    opened: tuple[int, str] | None = None       # (position of the opening mark, the mark)
    skip_to = start                             # after a single-quoted quote taken whole
    for i in range(start, end):
        c = text[i]
        if i < skip_to:
            continue
        if opened is None:
            if c in _OPENERS or (c == _STRAIGHT and _looks_opening(text, i)):
                opened = (i, c)
            elif c == _SINGLE_OPEN and _looks_opening(text, i):
                close = _single_close(text, i + 1, end)
                if close >= 0:
                    out.append(_span(text, i, close, close + 1, False))
                    skip_to = close + 1
            continue
        pos, mark = opened
        closes = (c in _CLOSERS and (mark != _STRAIGHT or not _looks_opening(text, i))) \
            or c in _OPENERS.get(mark, "") \
            or (c == _STRAIGHT and (mark == _STRAIGHT or not _looks_opening(text, i))) \
            or (c == "“" and mark == "“" and not _looks_opening(text, i))   # “...“ typed twice
        if closes:
            out.append(_span(text, pos, i, i + 1, False))
            opened = None
    if opened is not None:
        out.append(_span(text, opened[0], end, end, True))
    return [q for q in out if q.end > q.start]


def _single_close(text: str, start: int, end: int) -> int:
    """The ’ that closes a single quote opened before ``start``: the first that no letter or digit
    follows (not the apostrophe of "don’t"), before ``end``; -1 when none does."""
    i = text.find(_SINGLE_CLOSE, start, end)
    while i >= 0:
        if i + 1 >= end or not text[i + 1].isalnum():
            return i
        i = text.find(_SINGLE_CLOSE, i + 1, end)
    return -1


def _span(text: str, open_pos: int, close_pos: int, outer_end: int, unclosed: bool) -> DirectSpan:
    s, e = open_pos + 1, close_pos
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1          # “..., ” the comma before the closing mark is punctuation of the frame
    return DirectSpan(s, e, open_pos, outer_end, unclosed)


def direct_spans(article: Article) -> list[DirectSpan]:
    """Every direct quote of the article, in text order; never crossing a paragraph break."""
    return [q for p in article.paragraphs for q in _paragraph_quotes(article.text, p.start, p.end)]
