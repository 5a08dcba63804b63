"""Exclusives: the facts only one source carries, as one finding per article (not one per sentence).

A source is an article or a group of copies of one text (``copies``): a fact that only an agency's
copies carry is that agency's exclusive, listed on the group's first article.  The finding lists
every exclusive fact of the article (``data["facts"]``, in story order) with the spans of each, so
the window and the report can expand it; its score is ``EXCLUSIVE_MAX_SCORE`` scaled by the
prominence of its most prominent exclusive fact (a lede exclusive is worth reading first).
"""
from __future__ import annotations

from typing import Mapping, Sequence

from analysis.constants import EXCLUSIVE_MAX_SCORE
from analysis.coverage.omissions import fact_prominence, first_spans
from analysis.model import Article, Fact, Finding, stable_id


def exclusive_facts(facts: Sequence[Fact], same_event: set[str],
                    source_of: Mapping[str, str] | None = None) -> dict[str, list[Fact]]:
    """Source article id -> the facts only that source carries (needs 2+ sources on the event)."""
    source_of = source_of or {}
    if len({source_of.get(a, a) for a in same_event}) < 2:
        return {}
    out: dict[str, list[Fact]] = {}
    for fact in facts:
        sources = {source_of.get(a, a) for a in fact.articles if a in same_event}
        if len(sources) == 1:
            out.setdefault(sources.pop(), []).append(fact)
    return out


def exclusive_findings(facts: Sequence[Fact], by_id: Mapping[str, Article], same_event: set[str],
                       source_of: Mapping[str, str] | None = None) -> list[Finding]:
    """One finding per source that carries facts no other source carries."""
    out = []
    for source, own in sorted(exclusive_facts(facts, same_event, source_of).items()):
        carriers = sorted({a for f in own for a in f.articles if a in same_event})
        lead = source if source in carriers else carriers[0]
        prominence = {f.id: fact_prominence(f, by_id).get(lead, max(fact_prominence(f, by_id).values()))
                      for f in own}
        spans = tuple(s for f in own for s in first_spans(f, [lead], by_id))
        first = max(own, key=lambda f: prominence[f.id])
        outlet = by_id[lead].outlet
        count = len(own)
        more = f" and {count - 1} more fact{'s' if count > 2 else ''}" if count > 1 else ""
        out.append(Finding(
            id=stable_id("exclusive", by_id[lead].digest), kind="exclusive",
            fact=own[0].id if count == 1 else None, articles=(lead, *[a for a in carriers if a != lead]),
            spans=spans, evidence=f"Only {outlet} reports “{first.label}”{more} (no other source carries "
            f"{'it' if count == 1 else 'them'}).",
            score=round(EXCLUSIVE_MAX_SCORE * prominence[first.id], 4),
            rule="exclusive: facts carried by exactly one source, one finding per article",
            data={"facts": [f.id for f in own], "count": count,
                  "prominence": prominence[first.id]}))
    return out
