"""The same-event check: how well each article matches the event the others cover.

For each pair of articles, an *affinity* 0-1 mixes two kinds of evidence:

* shared facts: the summed cohesion of facts both carry, over the smaller article's count of
  substantive sentences (``EVENT_FACT_WEIGHT``);
* shared actors, places and dates: the IDF-weighted Jaccard overlap of their entity sets
  (``EVENT_ENTITY_WEIGHT``).

An article's *peer affinity* is the mean of its affinities to the ``EVENT_PEERS`` share of other
articles it matches best (so one off-topic article does not drag the others down).  Its score is that
peer affinity relative to the closest pair of the comparison (the event is what the closest articles
share), scaled down when even the closest pair is weaker than ``EVENT_STRONG_PAIR_AFFINITY`` (then
nothing shares an event).  An article that names a different holder of an office than the others
("German Chancellor Friedrich Merz" where they name Olaf Scholz) is from another time: its score is
multiplied by ``1 - EVENT_OFFICE_CONFLICT_PENALTY``.  Below ``SAME_EVENT_MIN_SCORE`` it is flagged as
another event.
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

from .align_stage import substantive_sentences
from .constants import (EVENT_ENTITY_WEIGHT, EVENT_FACT_WEIGHT, EVENT_OFFICE_CONFLICT_PENALTY,
                        EVENT_PEERS, EVENT_STRONG_PAIR_AFFINITY, SAME_EVENT_MIN_SCORE)
from .offices import conflicts, office_holders
from .model import Article, EventMatch, Fact


def _entities(features: Sequence) -> set[str]:
    out: set[str] = set()
    for f in features:
        out |= set(f.entities)
    return out


def _weighted_jaccard(a: set[str], b: set[str], idf: Mapping[str, float]) -> float:
    union = a | b
    if not union:
        return 0.0
    return sum(idf[e] for e in a & b) / sum(idf[e] for e in union)


def _entity_idf(entity_sets: Mapping[str, set[str]]) -> dict[str, float]:
    n = len(entity_sets)
    counts: dict[str, int] = {}
    for ents in entity_sets.values():
        for e in ents:
            counts[e] = counts.get(e, 0) + 1
    # Smoothed so an entity in every article still weighs something (it still marks the event).
    return {e: math.log(1 + n / c) for e, c in counts.items()}


def _fact_affinity(facts: Sequence[Fact], sizes: Mapping[str, int]) -> dict[tuple[str, str], float]:
    shared: dict[tuple[str, str], float] = {}
    for f in facts:
        arts = sorted(f.articles)
        for i, a in enumerate(arts):
            for b in arts[i + 1:]:
                shared[(a, b)] = shared.get((a, b), 0.0) + f.cohesion
    return {pair: min(1.0, s / max(1, min(sizes[pair[0]], sizes[pair[1]])))
            for pair, s in shared.items()}


def affinities(articles: Sequence[Article], facts: Sequence[Fact],
               features: Mapping[str, Sequence]) -> dict[tuple[str, str], float]:
    """Affinity 0-1 of every ordered pair of different articles."""
    sizes = {a.id: len(substantive_sentences(a)) for a in articles}
    ents = {a.id: _entities(features.get(a.id, ())) for a in articles}
    idf = _entity_idf(ents)
    by_facts = _fact_affinity(facts, sizes)
    out = {}
    for a in articles:
        for b in articles:
            if a.id != b.id:
                key = (min(a.id, b.id), max(a.id, b.id))
                out[(a.id, b.id)] = (EVENT_FACT_WEIGHT * by_facts.get(key, 0.0)
                                     + EVENT_ENTITY_WEIGHT * _weighted_jaccard(ents[a.id], ents[b.id], idf))
    return out


def event_matches(articles: Sequence[Article], facts: Sequence[Fact],
                  features: Mapping[str, Sequence]) -> list[EventMatch]:
    if len(articles) < 2:
        return [EventMatch(a.id, 1.0, True, "the only article") for a in articles]
    aff = affinities(articles, facts, features)
    closest = max(aff.values())
    strength = min(1.0, closest / EVENT_STRONG_PAIR_AFFINITY)
    clashes = conflicts({a.id: office_holders(a, features.get(a.id, ())) for a in articles})
    by_id = {a.id: a for a in articles}
    out = []
    for a in articles:
        ranked = sorted(((aff[(a.id, b.id)], b.id) for b in articles if b.id != a.id), reverse=True)
        peers = ranked[:max(1, round(EVENT_PEERS * len(ranked)))]
        peer_affinity = sum(s for s, _ in peers) / len(peers)
        score = (peer_affinity / closest if closest else 0.0) * strength
        evidence = "affinity with its closest articles: " + \
            ", ".join(f"{by_id[b].outlet} {s:.2f}" for s, b in peers)
        if clashes[a.id]:
            score *= 1 - EVENT_OFFICE_CONFLICT_PENALTY
            evidence += "; it " + "; ".join(clashes[a.id])
        out.append(EventMatch(a.id, round(score, 4), score >= SAME_EVENT_MIN_SCORE, evidence))
    return out


def event_notes(matches: Sequence[EventMatch], by_id: Mapping[str, Article]) -> list[str]:
    others = [m for m in matches if not m.same_event]
    if len(matches) >= 2 and len(others) == len(matches):
        return ["The articles do not share an event: nothing is aligned."]
    return [f"{by_id[m.article].outlet} ({m.article}) seems to cover another event "
            f"(event score {m.score:.2f}); it is left out of alignment and omissions." for m in others]
