"""Story clusters: the articles grouped into events by average linkage over pair probabilities.

Every article starts alone; the two groups whose mean pair probability (over all their cross pairs,
``evidence.pair_evidence``) is highest merge, as long as that mean is at least
``EVENT_MIN_PROBABILITY``.  The mean, not the best pair, so one article that happens to share a
quote with another story does not chain two events into one.  Follow-up stories (``later``)
merge only after the others: see ``ranked``.  Two groups with a pair between them that must stay
apart (``apart``: a cannot-link; the stage gives the pairs dated too far apart) never merge:
inside average linkage the one dated pair of a mostly undated set was outvoted by the others, and
a preview dated four months before a rocket flight was compared with the flight's accounts.

Order: the articles are sorted by their text's digest before anything else, and ties go to the
earlier of that order, so the groups do not depend on the order of the inputs.  An article with no
pair above the threshold never merges, and merges between the other articles do not look at it: an
unrelated article added to the set changes no one's group.  Groups are numbered by size (largest
first), then by cohesion, then by the digest of their first article.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from analysis.constants import EVENT_MIN_PROBABILITY


def cluster(probability: np.ndarray, threshold: float = EVENT_MIN_PROBABILITY,
            later: np.ndarray | None = None, apart: np.ndarray | None = None) -> list[list[int]]:
    """Average-linkage groups of row indexes; each group sorted, groups in merge-independent order
    (by their smallest index).  ``probability``: symmetric n x n; ``later``: n booleans, rows that
    merge only once the others have merged all they can (follow-up stories: see ``ranked``);
    ``apart``: n x n booleans, pairs that must not share a group."""
    n = probability.shape[0]
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    if n < 2:
        return [m for m in members.values()]
    total = probability.astype(np.float64).copy()     # summed probabilities between groups
    np.fill_diagonal(total, -np.inf)
    size = np.ones(n)
    blocked = np.zeros((n, n), dtype=bool) if apart is None else apart.astype(bool).copy()
    alive = np.ones(n, dtype=bool) if later is None else ~later.astype(bool)
    waiting = ~alive
    while True:
        mean = total / np.outer(size, size)
        mean[~alive, :] = -np.inf
        mean[:, ~alive] = -np.inf
        mean[blocked] = -np.inf
        best = int(np.argmax(mean))               # first maximum: lowest (row, column)
        i, j = divmod(best, n)
        if mean[i, j] < threshold:
            if not waiting.any():
                break
            alive |= waiting                      # the later rows join the groups made so far
            waiting[:] = False
            continue
        i, j = min(i, j), max(i, j)
        total[i, :] += total[j, :]
        total[:, i] += total[:, j]
        total[i, i] = -np.inf
        blocked[i, :] |= blocked[j, :]
        blocked[:, i] |= blocked[:, j]
        size[i] += size[j]
        alive[j] = False
        members[i] = sorted(members[i] + members.pop(j))
    return [members[k] for k in sorted(members)]


def cohesion(probability: np.ndarray, rows: Sequence[int]) -> float:
    """Mean probability over the group's pairs (1.0 for a lone article)."""
    if len(rows) < 2:
        return 1.0
    sub = probability[np.ix_(rows, rows)]
    k = len(rows)
    return float((sub.sum() - np.trace(sub)) / (k * (k - 1)))


def ranked(probability: np.ndarray, keys: Sequence[str], later: np.ndarray | None = None,
           apart: np.ndarray | None = None) -> list[list[int]]:
    """The groups of ``cluster`` in display order: largest first, then the most cohesive, then by
    ``keys`` (a stable key per row, e.g. the text digest).  ``later``: the follow-up stories, which
    join groups only after the news of the day has grouped: a follow-up retells the happening and
    scores high with any account of it that gives no day of its own (``moment``); merged first
    with those, the mean of the group outvoted its vetoes against the accounts of the day, and a
    heist's follow-up joined the heist (or took an account away from the others)."""
    groups = cluster(probability, later=later, apart=apart)
    return sorted(groups, key=lambda g: (-len(g), -round(cohesion(probability, g), 9),
                                         min(keys[i] for i in g)))
