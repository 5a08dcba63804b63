"""The same-event check: how well each article matches the event the others cover.

For each pair of articles, an *affinity* 0-1 mixes two kinds of evidence:

* shared facts: the summed cohesion of facts both carry, over the smaller article's count of
  substantive sentences (``EVENT_FACT_WEIGHT``);
* shared actors, places and dates: the IDF-weighted Jaccard overlap of their entity sets
  (``EVENT_ENTITY_WEIGHT``).

An article's *peer affinity* is the mean of its affinities to the ``EVENT_PEERS`` share of other
articles it matches best (so one off-topic article does not drag the others down).  Its score is that
peer affinity relative to the *reference*: the ``EVENT_REFERENCE_PERCENTILE``-th percentile of all
articles' peer affinities (the event is what the well-matched articles share).  A percentile, not the
single closest pair, so that the score does not fall as articles are added: among 200 articles the
closest pair is an outlier, and measuring everyone against it flagged every article.  The score is
scaled down when the reference itself is weaker than ``EVENT_STRONG_PAIR_AFFINITY`` (then nothing
shares an event) and capped at 1.  An article that names a different holder of an office than the
others ("German Chancellor Friedrich Merz" where they name Olaf Scholz) is from another time: its
score is multiplied by ``1 - EVENT_OFFICE_CONFLICT_PENALTY``.  Below ``SAME_EVENT_MIN_SCORE`` it is
flagged as another event.

Cost: the entity overlaps of all pairs come from one matrix product (articles x entities),
so even 200 articles (19,900 pairs) take a fraction of a second.
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

import numpy as np

from analysis.align.similarity import indicator_matrix
from analysis.align.stage import substantive_sentences
from analysis.constants import (
    EVENT_ENTITY_WEIGHT,
    EVENT_EVIDENCE_PEERS,
    EVENT_FACT_WEIGHT,
    EVENT_OFFICE_CONFLICT_PENALTY,
    EVENT_PEERS,
    EVENT_REFERENCE_PERCENTILE,
    EVENT_STRONG_PAIR_AFFINITY,
    SAME_EVENT_MIN_SCORE,
)
from analysis.events.offices import conflicts, office_holders
from analysis.model import Article, EventMatch, Fact


def _entities(features: Sequence) -> set[str]:
    out: set[str] = set()
    for f in features:
        out |= set(f.entities)
    return out


def _entity_idf(entity_sets: Mapping[str, set[str]]) -> dict[str, float]:
    n = len(entity_sets)
    counts: dict[str, int] = {}
    for ents in entity_sets.values():
        for e in ents:
            counts[e] = counts.get(e, 0) + 1
    # Smoothed so an entity in every article still weighs something (it still marks the event).
    return {e: math.log(1 + n / c) for e, c in counts.items()}


def _entity_overlaps(ids: Sequence[str], ents: Mapping[str, set[str]]) -> np.ndarray:
    """Matrix of the IDF-weighted Jaccard overlap of every two articles' entity sets:
    w(a & b) / w(a | b), with w the summed IDF of the entities (0 when both sets are empty)."""
    idf = _entity_idf({i: ents[i] for i in ids})
    present, entities = indicator_matrix([ents[i] for i in ids])
    weights = np.array([idf[e] for e in entities], dtype=np.float64)
    shared = (present * weights) @ present.T            # weight of the intersection
    own = shared.diagonal()
    union = own[:, None] + own[None, :] - shared
    return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)


def _fact_affinity(facts: Sequence[Fact], sizes: Mapping[str, int]) -> dict[tuple[str, str], float]:
    shared: dict[tuple[str, str], float] = {}
    for f in facts:
        arts = sorted(f.articles)
        for i, a in enumerate(arts):
            for b in arts[i + 1:]:
                shared[(a, b)] = shared.get((a, b), 0.0) + f.cohesion
    return {pair: min(1.0, s / max(1, min(sizes[pair[0]], sizes[pair[1]])))
            for pair, s in shared.items()}


def affinity_matrix(articles: Sequence[Article], facts: Sequence[Fact],
                    features: Mapping[str, Sequence],
                    sizes: Mapping[str, int] | None = None) -> np.ndarray:
    """Affinity 0-1 of every two articles, in ``articles`` order (symmetric; the diagonal is 0).
    ``sizes``: each article's count of substantive sentences, when the caller has it already."""
    ids = [a.id for a in articles]
    if sizes is None:
        sizes = {a.id: len(substantive_sentences(a)) for a in articles}
    ents = {a.id: _entities(features.get(a.id, ())) for a in articles}
    out = EVENT_ENTITY_WEIGHT * _entity_overlaps(ids, ents)
    row = {a: i for i, a in enumerate(ids)}
    for (a, b), value in _fact_affinity(facts, sizes).items():
        if a in row and b in row:
            out[row[a], row[b]] += EVENT_FACT_WEIGHT * value
            out[row[b], row[a]] += EVENT_FACT_WEIGHT * value
    np.fill_diagonal(out, 0.0)
    return out


def affinities(articles: Sequence[Article], facts: Sequence[Fact],
               features: Mapping[str, Sequence]) -> dict[tuple[str, str], float]:
    """Affinity 0-1 of every ordered pair of different articles."""
    matrix = affinity_matrix(articles, facts, features)
    return {(a.id, b.id): float(matrix[i, j]) for i, a in enumerate(articles)
            for j, b in enumerate(articles) if i != j}


def event_matches(articles: Sequence[Article], facts: Sequence[Fact],
                  features: Mapping[str, Sequence],
                  sizes: Mapping[str, int] | None = None) -> list[EventMatch]:
    """The same-event check of every article (see the module docstring); ``sizes`` as in
    ``affinity_matrix``."""
    if len(articles) < 2:
        return [EventMatch(a.id, 1.0, True, "the only article") for a in articles]
    matrix = affinity_matrix(articles, facts, features, sizes)
    n = len(articles)
    k = max(1, round(EVENT_PEERS * (n - 1)))
    peer_ids, peer_affinity = [], []
    for i in range(n):
        others = np.delete(np.arange(n), i)
        # Best first; ties by input position, so the evidence does not depend on float noise.
        order = others[np.lexsort((others, -matrix[i, others]))][:k]
        peer_ids.append(order)
        peer_affinity.append(float(matrix[i, order].mean()))
    reference = float(np.percentile(peer_affinity, EVENT_REFERENCE_PERCENTILE))
    strength = min(1.0, reference / EVENT_STRONG_PAIR_AFFINITY)
    clashes = conflicts({a.id: office_holders(a, features.get(a.id, ())) for a in articles})
    out = []
    for i, a in enumerate(articles):
        score = min(1.0, peer_affinity[i] / reference if reference else 0.0) * strength
        shown = peer_ids[i][:EVENT_EVIDENCE_PEERS]
        evidence = "affinity with its closest articles: " + \
            ", ".join(f"{articles[j].outlet} {matrix[i, j]:.2f}" for j in shown)
        if len(peer_ids[i]) > len(shown):
            evidence += f" (mean over its {len(peer_ids[i])} closest: {peer_affinity[i]:.2f})"
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
