"""Word-level diff of two sentences, as offset ranges into each article's text.

Uses the engine's ``analysis.signals.worddiff.word_diff`` when it exists; until then (or if it fails) a small
stdlib fallback with the same shape, so the side-by-side view always has highlights.  The result is a
list of ``(tag, a_start, a_end, b_start, b_end)`` with tags ``equal``/``replace``/``delete``/``insert``.
"""
from __future__ import annotations

import difflib
import re
from typing import NamedTuple

_WORD = re.compile(r"\w+(?:[’'.\-]\w+)*|[^\w\s]")


class Op(NamedTuple):
    tag: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


def preload() -> None:
    """Import the engine's word diff (and rapidfuzz under it: some 40 ms) ahead of the first diff,
    off the GUI thread; called with each new result (``gui.document.prepare``)."""
    try:
        import analysis.signals.worddiff  # noqa: F401
    except ImportError:
        pass


def word_diff(a: str, b: str, a_offset: int = 0, b_offset: int = 0) -> list[Op]:
    try:
        from analysis.signals.worddiff import word_diff as engine_diff
    except ImportError:
        engine_diff = None
    if engine_diff is not None:
        try:
            return [Op(o.tag, o.a_start, o.a_end, o.b_start, o.b_end)
                    for o in engine_diff(a, b, a_offset, b_offset)]
        except Exception:  # a bug there must not blank the view: fall back below
            pass
    return _fallback(a, b, a_offset, b_offset)


def _fallback(a: str, b: str, a_offset: int, b_offset: int) -> list[Op]:
    ta = [(m.start(), m.end()) for m in _WORD.finditer(a)]
    tb = [(m.start(), m.end()) for m in _WORD.finditer(b)]
    wa = [a[s:e].lower() for s, e in ta]
    wb = [b[s:e].lower() for s, e in tb]
    ops: list[Op] = []
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)

    def span(tokens: list[tuple[int, int]], i: int, j: int, text_len: int) -> tuple[int, int]:
        if i >= j:
            pos = tokens[i][0] if i < len(tokens) else text_len
            return pos, pos
        return tokens[i][0], tokens[j - 1][1]

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        sa, ea = span(ta, i1, i2, len(a))
        sb, eb = span(tb, j1, j2, len(b))
        ops.append(Op(tag, sa + a_offset, ea + a_offset, sb + b_offset, eb + b_offset))
    return ops
