"""Same-event evidence between every two articles, from their profiles alone (``profile``).

For a pair of articles the *components* are:

* ``words``: cosine of their background-weighted content-word vectors (0-1);
* ``lede``: the same for the titles and first sentences (0-1);
* ``embedding``: cosine of their mean sentence embeddings (0-1);
* ``entities``: ``log(1 + summed background weight of the entities both name)``: sharing "Sestak"
  weighs more than sharing "Obama";
* ``shingles``: ``log(1 + runs of EVENT_SHINGLE_WORDS content words both contain)``: shared quotes
  and near-identical sentences;
* ``numbers``: ``log(1 + specific numbers and days both give)`` ("$787 billion", "July 2");
* ``offices``: how many offices the two give to different people (negative evidence);
* ``apart``: 1 when both articles are dated more than ``EVENT_MAX_DATE_GAP_DAYS`` apart.

``same_event_probability`` mixes them into the probability that the two cover one event
(``EVENT_W_*``, a logistic fit on BASIL dev pairs: ``python main.py bench events --fit``).  Each
component depends on the two articles only, so a pair's score never changes because other articles
were added.  Shared items are counted through inverted indexes and the cosines through one matrix
product each, so 200 articles (19,900 pairs) cost well under a second.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Hashable, Iterable, Mapping, Sequence

import numpy as np

from analysis.constants import (
    EVENT_BIAS,
    EVENT_MAX_DATE_GAP_DAYS,
    EVENT_W_APART,
    EVENT_W_EMBEDDING,
    EVENT_W_ENTITIES,
    EVENT_W_LEDE,
    EVENT_W_NUMBERS,
    EVENT_W_OFFICES,
    EVENT_W_SHINGLES,
    EVENT_W_WORDS,
)
from analysis.events.profile import Profile

COMPONENTS = ("words", "lede", "embedding", "entities", "shingles", "numbers", "offices", "apart")
WEIGHTS = {"words": EVENT_W_WORDS, "lede": EVENT_W_LEDE, "embedding": EVENT_W_EMBEDDING,
           "entities": EVENT_W_ENTITIES, "shingles": EVENT_W_SHINGLES, "numbers": EVENT_W_NUMBERS,
           "offices": EVENT_W_OFFICES, "apart": EVENT_W_APART}


@dataclass(frozen=True)
class PairEvidence:
    """Every pair's components, as n x n matrices in profile order, and the probabilities."""
    profiles: tuple[Profile, ...]
    components: Mapping[str, np.ndarray]
    probability: np.ndarray             # n x n, symmetric, diagonal 1

    def shared_entities(self, i: int, j: int) -> list[str]:
        """Names both articles give, rarest first."""
        a, b = self.profiles[i], self.profiles[j]
        keys = sorted(set(a.entities) & set(b.entities), key=lambda k: (-a.entities[k], k))
        return [a.names.get(k, k) for k in keys]

    def office_conflicts(self, i: int, j: int) -> list[tuple[str, str, str]]:
        """(office, person in i, person in j) where the two differ."""
        a, b = self.profiles[i].offices, self.profiles[j].offices
        return [(o, a[o], b[o]) for o in sorted(set(a) & set(b)) if a[o] != b[o]]


def _cosines(bags: Sequence[Mapping[str, float]]) -> np.ndarray:
    keys = sorted({k for bag in bags for k in bag})
    col = {k: c for c, k in enumerate(keys)}
    m = np.zeros((len(bags), len(keys)), dtype=np.float32)
    for r, bag in enumerate(bags):
        for k, v in bag.items():
            m[r, col[k]] = v
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    np.divide(m, norms, out=m, where=norms > 0)
    return np.clip(m @ m.T, 0.0, 1.0)


def _shared(items: Sequence[Iterable[Hashable]], weight=None) -> np.ndarray:
    """n x n sums of ``weight(i, item)`` (default 1) over the items two collections share."""
    postings: dict[Hashable, list[int]] = {}
    for i, its in enumerate(items):
        for it in its:
            postings.setdefault(it, []).append(i)
    out = np.zeros((len(items), len(items)), dtype=np.float64)
    for it, rows in postings.items():
        if len(rows) < 2:
            continue
        idx = np.array(rows)
        w = 1.0 if weight is None else weight(it)
        out[np.ix_(idx, idx)] += w
    np.fill_diagonal(out, 0.0)
    return out


def _office_conflicts(profiles: Sequence[Profile]) -> np.ndarray:
    by_office: dict[str, dict[str, list[int]]] = {}
    for i, p in enumerate(profiles):
        for office, person in p.offices.items():
            by_office.setdefault(office, {}).setdefault(person, []).append(i)
    out = np.zeros((len(profiles), len(profiles)), dtype=np.float64)
    for holders in by_office.values():
        groups = [np.array(rows) for rows in holders.values()]
        for x, gx in enumerate(groups):
            for gy in groups[x + 1:]:
                out[np.ix_(gx, gy)] += 1
                out[np.ix_(gy, gx)] += 1
    return out


def _day(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


def _apart(profiles: Sequence[Profile]) -> np.ndarray:
    days = np.array([_day(p.date) if _day(p.date) is not None else np.nan for p in profiles])
    gap = np.abs(days[:, None] - days[None, :])
    return np.where(np.isnan(gap), 0.0, (gap > EVENT_MAX_DATE_GAP_DAYS).astype(np.float64))


def components(profiles: Sequence[Profile]) -> dict[str, np.ndarray]:
    """Each component of every pair (see the module docstring), as n x n matrices."""
    vectors = np.array([p.vector for p in profiles], dtype=np.float32)
    weight_of: dict[str, float] = {}
    for p in profiles:
        weight_of.update(p.entities)
    return {
        "words": _cosines([p.words for p in profiles]),
        "lede": _cosines([p.lede for p in profiles]),
        "embedding": np.clip(vectors @ vectors.T, 0.0, 1.0),
        "entities": np.log1p(_shared([p.entities for p in profiles], weight_of.__getitem__)),
        "shingles": np.log1p(_shared([p.shingles for p in profiles])),
        "numbers": np.log1p(_shared([[*p.numbers, *p.dates] for p in profiles])),
        "offices": _office_conflicts(profiles),
        "apart": _apart(profiles),
    }


def logit(parts: Mapping[str, np.ndarray], weights: Mapping[str, float] = WEIGHTS,
          bias: float = EVENT_BIAS) -> np.ndarray:
    return bias + np.sum([weights[k] * parts[k] for k in COMPONENTS], axis=0)


def pair_evidence(profiles: Sequence[Profile]) -> PairEvidence:
    """Components and same-event probabilities of every two of ``profiles``."""
    parts = components(profiles)
    prob = 1.0 / (1.0 + np.exp(-logit(parts)))
    np.fill_diagonal(prob, 1.0)
    return PairEvidence(tuple(profiles), parts, prob)
