"""Omissions and exclusives, derived from the fact grid.

* An **omission**: a fact that at least ``OMISSION_MIN_CARRIERS`` other same-event outlets carry and one
  leaves out.  Its score (0-1) mixes how many of the other outlets carry it (``OMISSION_COVERAGE_WEIGHT``)
  and how prominently they place it (``OMISSION_PROMINENCE_WEIGHT``: 1.0 in the first
  ``LEDE_PARAGRAPHS`` paragraphs, falling linearly to 0 at the end of the article).  Rank 1 is the
  strongest omission of the whole comparison.
* An **exclusive**: a fact only one same-event outlet carries; scored by its prominence alone, scaled by
  ``EXCLUSIVE_MAX_SCORE`` so that exclusives rank below omissions of equal prominence.
"""
from __future__ import annotations

from typing import Mapping, Sequence

from analysis.align.facts import relative_position
from analysis.constants import (
    EXCLUSIVE_MAX_SCORE,
    LEDE_PARAGRAPHS,
    OMISSION_COVERAGE_WEIGHT,
    OMISSION_MIN_CARRIERS,
    OMISSION_PROMINENCE_WEIGHT,
)
from analysis.model import Article, Fact, Finding, Omission, Span, stable_id


def prominence(article: Article, sentence_id: str) -> float:
    """1.0 in the lede paragraphs, then falling linearly with position to 0.0 at the end."""
    s = article.sentence(sentence_id)
    if s.paragraph < LEDE_PARAGRAPHS:
        return 1.0
    return round(1.0 - relative_position(article, s.index), 4)


def _fact_prominence(fact: Fact, by_id: Mapping[str, Article]) -> dict[str, float]:
    return {m.article: prominence(by_id[m.article], m.sentences[0]) for m in fact.members}


def find_omissions(facts: Sequence[Fact], by_id: Mapping[str, Article],
                   same_event: set[str]) -> list[Omission]:
    """Every omission among same-event articles, ranked 1..n by score."""
    found = []
    for fact in facts:
        carriers = [a for a in fact.articles if a in same_event]
        if len(carriers) < OMISSION_MIN_CARRIERS:
            continue
        prom = _fact_prominence(fact, by_id)
        mean_prom = sum(prom[a] for a in carriers) / len(carriers)
        for art in sorted(same_event - set(carriers), key=_order_key):
            share = len(carriers) / (len(same_event) - 1)
            score = OMISSION_COVERAGE_WEIGHT * share + OMISSION_PROMINENCE_WEIGHT * mean_prom
            found.append((round(score, 4), fact.id, art, tuple(carriers)))
    found.sort(key=lambda x: (-x[0], x[1], _order_key(x[2])))
    return [Omission(fact, art, carriers, rank, score)
            for rank, (score, fact, art, carriers) in enumerate(found, 1)]


def _order_key(article_id: str) -> tuple[int, str]:
    digits = "".join(c for c in article_id if c.isdigit())
    return (int(digits) if digits else 0, article_id)


def _first_spans(fact: Fact, articles: Sequence[str], by_id: Mapping[str, Article]) -> tuple[Span, ...]:
    spans = []
    for m in fact.members:
        if m.article in articles:
            for sid in m.sentences:
                s = by_id[m.article].sentence(sid)
                spans.append(Span(m.article, s.start, s.end))
    return tuple(spans)


def _names(ids: Sequence[str], by_id: Mapping[str, Article]) -> str:
    names = [by_id[i].outlet for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def omission_findings(omissions: Sequence[Omission], facts: Sequence[Fact],
                      by_id: Mapping[str, Article]) -> list[Finding]:
    fact_by_id = {f.id: f for f in facts}
    # Every outlet that omits a fact faces the same carriers: their spans and names are built once.
    spans: dict[tuple[str, tuple[str, ...]], tuple[tuple[Span, ...], str]] = {}
    out = []
    for o in omissions:
        fact = fact_by_id[o.fact]
        key = (o.fact, o.covered_by)
        if key not in spans:
            spans[key] = (_first_spans(fact, o.covered_by, by_id), _names(o.covered_by, by_id))
        carrier_spans, names = spans[key]
        evidence = (f"{by_id[o.article].outlet} does not report a fact that {len(o.covered_by)} "
                    f"other outlets carry ({names}): “{fact.label}”")
        out.append(Finding(
            id=stable_id("omission", by_id[o.article].digest, o.fact), kind="omission", fact=o.fact,
            articles=(o.article, *o.covered_by), spans=carrier_spans,
            evidence=evidence, score=o.score, rule="omission: fact carried by >= "
            f"{OMISSION_MIN_CARRIERS} other outlets, missing here", data={"rank": o.rank}))
    return out


def exclusive_findings(facts: Sequence[Fact], by_id: Mapping[str, Article],
                       same_event: set[str]) -> list[Finding]:
    """One finding per fact that exactly one same-event article carries (needs 2+ such articles)."""
    if len(same_event) < 2:
        return []
    out = []
    for fact in facts:
        carriers = [a for a in fact.articles if a in same_event]
        if len(carriers) != 1:
            continue
        art = carriers[0]
        prom = _fact_prominence(fact, by_id)[art]
        out.append(Finding(
            id=stable_id("exclusive", by_id[art].digest, fact.id), kind="exclusive", fact=fact.id,
            articles=(art,), spans=_first_spans(fact, [art], by_id),
            evidence=f"Only {by_id[art].outlet} reports: “{fact.label}”",
            score=round(EXCLUSIVE_MAX_SCORE * prom, 4),
            rule="exclusive: fact carried by exactly one outlet", data={"prominence": prom}))
    return out
