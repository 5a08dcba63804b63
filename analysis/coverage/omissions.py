"""Verified omissions, derived from the fact grid and checked against the omitting article's text.

* A **candidate**: a fact that at least ``OMISSION_MIN_CARRIERS`` independent sources carry (copies of
  one source count once, see ``copies``) and one same-event article leaves out of the grid.
* Each candidate is **verified** (``verify``): the omitting article is searched for the fact's core.
  Only an ``absent`` verdict is an omission.  A ``partial`` one is a "reports it differently"
  finding with the sentence found; ``present``, ``unclear`` and ``unverifiable`` ones are dropped
  (the article says it in other words, may say it, or the carriers share too little to search for).
* An omission's score (0-1) mixes how many of the other independent sources carry it
  (``OMISSION_COVERAGE_WEIGHT``) and how prominently they place it (``OMISSION_PROMINENCE_WEIGHT``:
  1.0 in the first ``LEDE_PARAGRAPHS`` paragraphs, falling linearly to 0 at the end of the article).
  Rank 1 is the strongest omission of the whole comparison.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from analysis.align.facts import relative_position
from analysis.constants import (
    DIFFERENTLY_SCORE_FACTOR,
    EVIDENCE_MAX_OUTLETS,
    LEDE_PARAGRAPHS,
    OMISSION_COVERAGE_WEIGHT,
    OMISSION_MIN_CARRIERS,
    OMISSION_PROMINENCE_WEIGHT,
)
from analysis.coverage.verify import Searcher, Verdict
from analysis.model import Article, Fact, Finding, Omission, Span, article_order, stable_id
from analysis.vocabulary.wording import join_names


def prominence(article: Article, sentence_id: str) -> float:
    """1.0 in the lede paragraphs, then falling linearly with position to 0.0 at the end."""
    s = article.sentence(sentence_id)
    if s.paragraph < LEDE_PARAGRAPHS:
        return 1.0
    return round(1.0 - relative_position(article, s.index), 4)


def fact_prominence(fact: Fact, by_id: Mapping[str, Article]) -> dict[str, float]:
    return {m.article: prominence(by_id[m.article], m.sentences[0]) for m in fact.members}


@dataclass(frozen=True)
class Candidate:
    """One (fact, article) the grid says is left out, with what the search of the article found."""
    fact: str
    article: str
    covered_by: tuple[str, ...]     # carrying articles (all copies included)
    sources: int                    # independent sources among them
    score: float
    verdict: Verdict


@dataclass
class Coverage:
    """Every candidate omission of a comparison, split by verdict."""
    omissions: list[Omission] = field(default_factory=list)
    differently: list[Candidate] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)   # verdict status -> candidates dropped
    verdicts: dict[tuple[str, str], Verdict] = field(default_factory=dict)  # (fact, article) -> verdict


def assess(facts: Sequence[Fact], by_id: Mapping[str, Article], same_event: set[str],
           source_of: Mapping[str, str] | None = None) -> Coverage:
    """Search every candidate omission among same-event articles; rank the verified ones 1..n.

    ``source_of`` maps an article id to its source (the first article of its copy group); articles
    not in it are sources of their own."""
    source_of = dict(source_of or {})
    searcher = Searcher([by_id[a] for a in sorted(same_event, key=article_order) if a in by_id])
    sources_in_event = {source_of.get(a, a) for a in same_event}
    out = Coverage()
    found: list[Candidate] = []
    for fact in facts:
        carriers = tuple(a for a in fact.articles if a in same_event)
        carrying = {source_of.get(a, a) for a in carriers}
        if len(carrying) < OMISSION_MIN_CARRIERS:
            continue
        prom = fact_prominence(fact, by_id)
        mean_prom = sum(prom[a] for a in carriers) / len(carriers)
        for art in sorted(same_event - set(carriers), key=article_order):
            sources = carrying - {source_of.get(art, art)}
            if len(sources) < OMISSION_MIN_CARRIERS:
                continue
            share = len(sources) / max(1, len(sources_in_event) - 1)
            score = round(OMISSION_COVERAGE_WEIGHT * share + OMISSION_PROMINENCE_WEIGHT * mean_prom, 4)
            verdict = searcher.search(fact, art, source_of)
            found.append(Candidate(fact.id, art, carriers, len(sources), score, verdict))
    found.sort(key=lambda c: (-c.score, c.fact, article_order(c.article)))
    rank = 0
    for c in found:
        status = c.verdict.status
        if status == "absent":
            rank += 1
            out.omissions.append(Omission(c.fact, c.article, c.covered_by, rank, c.score))
        elif status == "partial":
            out.differently.append(c)
        else:
            out.dropped[status] = out.dropped.get(status, 0) + 1
        out.verdicts[(c.fact, c.article)] = c.verdict
    return out


def find_omissions(facts: Sequence[Fact], by_id: Mapping[str, Article], same_event: set[str],
                   source_of: Mapping[str, str] | None = None) -> list[Omission]:
    """The verified omissions only (see ``assess``)."""
    return assess(facts, by_id, same_event, source_of).omissions


def first_spans(fact: Fact, articles: Sequence[str], by_id: Mapping[str, Article]) -> tuple[Span, ...]:
    spans = []
    for m in fact.members:
        if m.article in articles:
            for sid in m.sentences:
                s = by_id[m.article].sentence(sid)
                spans.append(Span(m.article, s.start, s.end))
    return tuple(spans)


def names(ids: Sequence[str], by_id: Mapping[str, Article]) -> str:
    """"CNN", "CNN and AP", "CNN, AP, BBC, DW and 12 more"."""
    return join_names([by_id[i].outlet for i in ids], EVIDENCE_MAX_OUTLETS)


def _quoted(terms) -> str:
    shown = list(dict.fromkeys(t.text for t in terms))
    return ", ".join(f"“{t}”" for t in shown[:6]) + (" …" if len(shown) > 6 else "")


def omission_findings(coverage: Coverage, facts: Sequence[Fact],
                      by_id: Mapping[str, Article]) -> list[Finding]:
    fact_by_id = {f.id: f for f in facts}
    # Every outlet that omits a fact faces the same carriers: their spans and names are built once.
    spans: dict[tuple[str, tuple[str, ...]], tuple[tuple[Span, ...], str]] = {}
    out = []
    for o in coverage.omissions:
        fact = fact_by_id[o.fact]
        key = (o.fact, o.covered_by)
        if key not in spans:
            spans[key] = (first_spans(fact, o.covered_by, by_id), names(o.covered_by, by_id))
        carrier_spans, who = spans[key]
        verdict = coverage.verdicts[(o.fact, o.article)]
        searched = verdict.missing + verdict.found
        evidence = (f"{by_id[o.article].outlet} does not report a fact that {len(o.covered_by)} "
                    f"other outlets carry ({who}): “{fact.label}”. Searched its text for "
                    f"{_quoted(searched)}: no sentence reports it.")
        out.append(Finding(
            id=stable_id("omission", by_id[o.article].digest, o.fact), kind="omission", fact=o.fact,
            articles=(o.article, *o.covered_by), spans=carrier_spans,
            evidence=evidence, score=o.score, rule="omission: fact carried by >= "
            f"{OMISSION_MIN_CARRIERS} other independent sources; its core (names, numbers, dates, "
            "words) searched for in this article and not found",
            data={"rank": o.rank, "searched": [t.text for t in searched]}))
    return out


def differently_findings(coverage: Coverage, facts: Sequence[Fact],
                         by_id: Mapping[str, Article]) -> list[Finding]:
    """One "reports it differently" finding per partial verdict: the article's own sentence(s)
    first, then the carriers' sentences."""
    fact_by_id = {f.id: f for f in facts}
    out = []
    for c in coverage.differently:
        fact, article, v = fact_by_id[c.fact], by_id[c.article], c.verdict
        own = tuple(Span(c.article, article.sentence(s).start, article.sentence(s).end)
                    for s in v.sentences)
        found = f"shares {_quoted(v.found)}" if v.found else "is close in meaning"
        missing = f"; not {_quoted(v.missing)}" if v.missing else ""
        evidence = (f"{article.outlet} does not carry “{fact.label}” as {names(c.covered_by, by_id)} "
                    f"do, but its sentence {found}{missing}.")
        out.append(Finding(
            id=stable_id("differently", article.digest, c.fact), kind="reports_differently",
            fact=c.fact, articles=(c.article, *c.covered_by),
            spans=own + first_spans(fact, c.covered_by, by_id), evidence=evidence,
            score=round(DIFFERENTLY_SCORE_FACTOR * c.score, 4),
            rule="reports it differently: part of the fact's core found in this article",
            data={"sentences": list(v.sentences), "found": [t.text for t in v.found],
                  "missing": [t.text for t in v.missing], "coverage": v.coverage,
                  "similarity": v.similarity}))
    return out
