"""Sentiment shift: two versions of one fact read differently in VADER's lexicon.

Rule ``sentiment_shift``: on two versions that tell the same claim (``Pair.same_claim``: they share
the fact's core and the speaker), the VADER compound scores differ by at least
FRAMING_SENTIMENT_SHIFT_MIN and some word set against another word inside a shared sentence (a
flanked substitution in the diff, not words one version adds nor a rewritten sentence) carries the
difference, with a word of each side's valence set against the other ("slaughtered" / "rescued"; a
charged word against plain words is the word-choice rules' to judge); the score grows with the gap up to
FRAMING_SENTIMENT_FULL_SHIFT.  A version's compound
is the mean of its sentences' compounds, as ``analysis.signals.sentiment`` scores them (and caches
them: the per-article sentiment has already scored every sentence).  The evidence names the words
with the strongest VADER valence on each side, taken from the substituted words.
"""
from __future__ import annotations

import re
from typing import Iterator

from analysis.constants import FRAMING_SENTIMENT_FULL_SHIFT, FRAMING_SENTIMENT_SHIFT_MIN, FRAMING_SENTIMENT_WORDS_SHOWN
from analysis.signals.framing.common import Candidate, adjust, base_score, quote
from analysis.signals.framing.facing import flanked
from analysis.signals.framing.versions import Pair, Version
from analysis.signals.sentiment import analyzer, score_text

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")


def shift_candidates(pair: Pair) -> Iterator[Candidate]:
    ca, cb = compound(pair.a), compound(pair.b)
    gap = abs(ca - cb)
    if gap < FRAMING_SENTIMENT_SHIFT_MIN or not pair.same_claim():
        return
    neg, pos = (pair.a, pair.b) if ca <= cb else (pair.b, pair.a)
    c_neg, c_pos = min(ca, cb), max(ca, cb)
    words_neg = _valence_words(pair, neg, negative=True)
    words_pos = _valence_words(pair, pos, negative=False)
    if not words_neg or not words_pos:
        return          # no charged word set against a charged word: the versions differ in what
        #                 they add, or one side's word is coloured against plain words
    shown = lambda ws, v: ", ".join(quote(v.text[s:e]) for s, e, _ in ws) or "none in the substituted words"
    score = base_score("sentiment_shift") * min(1.0, gap / FRAMING_SENTIMENT_FULL_SHIFT)
    yield Candidate(
        kind="sentiment_shift", rule="sentiment_shift", first=neg, second=pos,
        terms={neg.id: f"{c_neg:+.2f}", pos.id: f"{c_pos:+.2f}"},
        ranges=[(neg, s, e) for s, e, _ in words_neg] + [(pos, s, e) for s, e, _ in words_pos],
        evidence=(f"{neg.name} reads {'more negative' if c_neg < 0 else 'less positive'} "
                  f"(VADER compound {c_neg:+.2f}) than {pos.name} "
                  f"({c_pos:+.2f}), a shift of {gap:.2f} (threshold {FRAMING_SENTIMENT_SHIFT_MIN}); "
                  f"words: {shown(words_neg, neg)} vs {shown(words_pos, pos)}."),
        score=adjust(score),
        data={"compound": {neg.id: c_neg, pos.id: c_pos}, "shift": round(gap, 4),
              "threshold": FRAMING_SENTIMENT_SHIFT_MIN})


def compound(version: Version) -> float:
    """Mean VADER compound of the version's sentences."""
    if "compound" not in version.cache:
        scores = [score_text(version.text[v0:v0 + n])["compound"] for v0, _, n in version.pieces]
        version.cache["compound"] = round(sum(scores) / len(scores), 4) if scores else 0.0
    return version.cache["compound"]


def _valence_words(pair: Pair, version: Version, negative: bool) -> list[tuple[int, int, float]]:
    """The changed words of ``version`` with the strongest valence toward its side of the shift."""
    lexicon = analyzer().lexicon
    # only words set against other words inside one shared sentence (a flanked substitution): words
    # one version adds, or a sentence rewritten, are other content, not the same words coloured
    changed = [(op.a_start, op.a_end) if version is pair.a else (op.b_start, op.b_end)
               for op in pair.changes if op.tag == "replace" and flanked(pair, op)]
    scored = []
    for m in _WORD.finditer(version.text):
        value = lexicon.get(m.group(0).lower().replace("’", "'"))
        if value is None or (value < 0) != negative:
            continue
        if any(s <= m.start() and m.end() <= e for s, e in changed):
            scored.append((m.start(), m.end(), value))
    scored.sort(key=lambda w: (-abs(w[2]), w[0]))
    return sorted(scored[:FRAMING_SENTIMENT_WORDS_SHOWN])
