"""Word-level differences between two outlets' wording of one fact, as spans to highlight.

The engine's ``analysis.signals.worddiff.word_diff`` is used when it is present so that the report highlights
exactly what the window's side-by-side view highlights; otherwise a token diff with ``difflib`` stands
in.  Either way the result is the words of the *other* version that the reference does not have, merged
into whole-phrase spans so highlights do not splinter.

A sentence can hold claims of two facts; ``elsewhere`` gives the parts of a fact's sentences that are
another fact's, which the report and the side-by-side view mute (each part is read on its own fact).
"""
from __future__ import annotations

import difflib
from typing import Sequence

from analysis.model import Article, Fact, FactMember, Sentence


def claims_by_fact(article: Article, facts: tuple[Fact, ...]) -> dict[str, list[tuple[int, int]]]:
    """Each fact's claim spans in ``article`` (article offsets)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for f in facts:
        m = f.member(article.id)
        if m is not None:
            try:
                out[f.id] = [(sp.start, sp.end) for sp in m.spans(article)]
            except (IndexError, ValueError):
                continue
    return out


def subtract(spans: list[tuple[int, int]], cut: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` less every part inside ``cut``."""
    out = []
    for s, e in spans:
        pieces = [(s, e)]
        for cs, ce in cut:
            pieces = [p for ps, pe in pieces
                      for p in ((ps, min(pe, cs)), (max(ps, ce), pe)) if p[1] > p[0]]
        out.extend(pieces)
    return out


def elsewhere(fact_id: str | None, sents: Sequence[Sentence],
              claims: dict[str, list[tuple[int, int]]]) -> tuple[tuple[int, int], ...]:
    """The parts of ``sents`` (a fact's sentences) that another fact's claims hold and ``fact_id``'s
    do not (``claims`` from ``claims_by_fact``).  A sentence of no fact (``fact_id`` None) has none."""
    if fact_id is None or len(claims) < 2:
        return ()
    own = claims.get(fact_id, [])
    other: list[tuple[int, int]] = []
    for s in sents:
        for fid, spans in claims.items():
            if fid != fact_id:
                other.extend((max(a, s.start), min(b, s.end)) for a, b in spans
                             if a < s.end and b > s.start)
    return tuple(sorted(set(subtract(other, own))))


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
