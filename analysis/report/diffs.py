"""Word-level differences between two outlets' wording of one fact, as spans to highlight.

The engine's ``analysis.signals.worddiff.word_diff`` is used when it is present so that the report highlights
exactly what the window's side-by-side view highlights; otherwise a token diff with ``difflib`` stands
in.  Either way the result is the words of the *other* version that the reference does not have, merged
into whole-phrase spans so highlights do not splinter.
"""
from __future__ import annotations

import difflib
from typing import Sequence

from analysis.model import Article, FactMember


def member_segments(article: Article, member: FactMember) -> list[tuple[int, int]]:
    """(start, end) of each member sentence, in text order, adjacent sentences merged."""
    spans = []
    for sid in member.sentences:
        try:
            s = article.sentence(sid)
        except (IndexError, ValueError):
            continue
        spans.append((s.start, s.end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and article.text[merged[-1][1]:start].strip() == "":
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _words(article: Article, segments: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    out = []
    for t in article.tokens:
        if any(s <= t.start and t.end <= e for s, e in segments) and any(c.isalnum() for c in t.text):
            out.append((t.start, t.end, t.text.lower().replace("’", "'")))
    return out


def changed_spans(ref: Article, ref_segments: Sequence[tuple[int, int]],
                  other: Article, other_segments: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of ``other`` (offsets into ``other.text``) whose words the reference does not have."""
    engine = _engine_spans(ref, ref_segments, other, other_segments)
    if engine is not None:
        return engine
    a = _words(ref, ref_segments)
    b = _words(other, other_segments)
    matcher = difflib.SequenceMatcher(None, [w for *_, w in a], [w for *_, w in b], autojunk=False)
    spans = []
    for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert") and j2 > j1:
            spans.append((b[j1][0], b[j2 - 1][1]))
    return _join_close(other.text, spans)


def _engine_spans(ref, ref_segments, other, other_segments) -> list[tuple[int, int]] | None:
    """Spans from ``analysis.signals.worddiff`` when the module exists and both versions are one stretch."""
    try:
        from analysis.signals.worddiff import word_diff
    except ImportError:
        return None
    if len(ref_segments) != 1 or len(other_segments) != 1:
        return None
    (a0, a1), (b0, b1) = ref_segments[0], other_segments[0]
    try:
        ops = word_diff(ref.text[a0:a1], other.text[b0:b1], a0, b0)
    except Exception:  # an engine bug must not stop the report; the fallback is as good
        return None
    spans = [(op.b_start, op.b_end) for op in ops
             if op.tag in ("replace", "insert") and op.b_end > op.b_start]
    return _join_close(other.text, spans)


def _join_close(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge spans separated only by spaces or punctuation, so one phrase is one highlight."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and not any(c.isalnum() for c in text[out[-1][1]:start]) and start - out[-1][1] <= 3:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out
