"""The candidate index's neighbour search: exact for small inputs, HNSW (faiss) above
``CANDIDATE_EXACT_MAX_ROWS``; the approximate search finds what the exact one finds."""
from __future__ import annotations

import numpy as np
import pytest

from analysis import compare
from analysis.align import similarity
from analysis.align.features import featurize
from analysis.bench.align import synthetic_corpus
from analysis.bench.newsday import event_articles


def _pairs(matrix, article_of, exact_max):
    found: set[tuple[int, int]] = set()
    similarity._nearest(matrix, article_of, 8, found, exact_max=exact_max)
    return found


@pytest.fixture(scope="module")
def vectors():
    feats = featurize(event_articles(9) + synthetic_corpus(12, words=300))
    flat = [f for fs in feats.values() for f in fs]
    order = {a: i for i, a in enumerate(feats)}
    return np.stack([f.vector for f in flat]), np.array([order[f.article] for f in flat], dtype=np.int32)


def test_hnsw_recall_against_the_exact_search(vectors):
    matrix, article_of = vectors
    exact = _pairs(matrix, article_of, exact_max=None)
    approximate = _pairs(matrix, article_of, exact_max=0)
    assert len(matrix) > 300 and exact
    # Tie-aware: a proposed neighbour counts when it is at least as close as the exact k-th one.
    m = matrix.astype(np.float32)
    kth = {}
    for i, j in exact:
        for a, b in ((i, j), (j, i)):
            kth[a] = min(kth.get(a, 2.0), float(m[a] @ m[b]))
    hits = sum(1 for i, j in approximate if m[i] @ m[j] >= min(kth.get(i, 2.0), kth.get(j, 2.0)) - 1e-6)
    assert hits / len(approximate) >= 0.99
    assert len(approximate) >= 0.95 * len(exact)
    assert _pairs(matrix, article_of, exact_max=0) == approximate          # the same graph every time


def test_the_seeds_findings_do_not_change_with_the_approximate_search(seed_articles, monkeypatch):
    exact = compare(seed_articles)
    monkeypatch.setattr(similarity, "CANDIDATE_EXACT_MAX_ROWS", 0)
    approximate = compare(seed_articles)
    assert [f.id for f in approximate.facts] == [f.id for f in exact.facts]
    assert [(f.id, f.kind, f.score) for f in approximate.findings] == \
        [(f.id, f.kind, f.score) for f in exact.findings]
