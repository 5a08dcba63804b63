"""What every framing rule shares: the candidate record, scoring factors, ids and evidence text.

A rule yields ``Candidate`` records; ``to_finding`` turns one into a ``Finding`` whose id depends only
on the kind, the rule, the words involved and the two versions' text and article digests, so the same
text gives the same id on every run (the review session keys verdicts by it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from analysis.constants import (
    EVIDENCE_MAX_OUTLETS,
    FRAMING_BASE_SCORES,
    FRAMING_EXCERPT_WORDS,
    FRAMING_IN_QUOTE_FACTOR,
    FRAMING_ONE_SIDED_FACTOR,
)
from analysis.model import Finding, stable_id
from analysis.signals.framing.versions import Pair, Version
from analysis.vocabulary.wording import join_names

_WORD = re.compile(r"\S+")


@dataclass
class Candidate:
    """A framing difference before it becomes a ``Finding``.

    ``first`` is the version the evidence sentence starts with; ``terms`` maps article id to the
    word(s) that fired on that side ("" when that side has none); ``ranges`` lists (version, start,
    end) ranges to highlight, in version offsets.
    """
    kind: str
    rule: str
    first: Version
    second: Version
    terms: dict[str, str]
    ranges: list[tuple[Version, int, int]]
    evidence: str
    score: float
    data: dict[str, Any] = field(default_factory=dict)


def base_score(rule: str) -> float:
    return FRAMING_BASE_SCORES.get(rule, FRAMING_BASE_SCORES.get(rule.split(".")[0], 0.3))


def adjust(score: float, in_quote: bool = False, one_sided: bool = False) -> float:
    """Weaken a score for words the outlet only quotes, or that face no words in the other version."""
    if in_quote:
        score *= FRAMING_IN_QUOTE_FACTOR
    if one_sided:
        score *= FRAMING_ONE_SIDED_FACTOR
    return round(min(1.0, max(0.0, score)), 4)


def excerpt(text: str, start: int, end: int, max_words: int = FRAMING_EXCERPT_WORDS) -> str:
    """The words of text[start:end], cut to ``max_words`` with an ellipsis."""
    words = _WORD.findall(text[start:end])
    cut = " ".join(words[:max_words])
    return cut + " …" if len(words) > max_words else cut


def names_list(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"; past ``EVIDENCE_MAX_OUTLETS`` names the rest are counted ("A, B,
    C, D and 30 more"), as in every evidence: at 400 outlets a word choice named all of them."""
    return join_names(names, EVIDENCE_MAX_OUTLETS)


def quote(term: str) -> str:
    return f"'{term}'"


def to_finding(pair: Pair, cand: Candidate) -> Finding:
    sides = sorted((v.digest, v.text, cand.terms.get(v.id, "")) for v in (pair.a, pair.b))
    parts = [cand.rule] + [p for side in sides for p in side]
    spans = []
    for version, s, e in cand.ranges:
        spans.extend(version.spans(s, e))
    spans = sorted(set(spans), key=lambda sp: (sp.article != cand.first.id, sp.article, sp.start, sp.end))
    data = {"rule": cand.rule, "terms": dict(cand.terms),
            "sentences": {pair.a.id: list(pair.a.sentence_ids), pair.b.id: list(pair.b.sentence_ids)}}
    data.update(cand.data)
    return Finding(
        id=stable_id(cand.kind, *parts),
        kind=cand.kind,
        fact=pair.fact_id,
        articles=(cand.first.id, cand.second.id),
        spans=tuple(spans),
        evidence=cand.evidence,
        score=cand.score,
        rule=cand.rule,
        data=data,
    )
