"""The similarity score and the candidate-pair index, on real seed sentences."""
from __future__ import annotations

import pytest

from analysis.align.features import idf_table
from analysis.align.similarity import (
    COMPONENTS,
    all_pairs,
    candidate_pairs,
    pair_components,
    pair_similarity,
    score_pairs,
    similarity,
)
from seeds import feature_with, seed_features

# The threshold of the recall check: the region where the aligner links sentences.
RECALL_THRESHOLD = 0.45


@pytest.fixture(scope="module")
def feats():
    return seed_features()


@pytest.fixture(scope="module")
def idf(feats):
    return idf_table(feats)


def test_rubio_lavrov_meeting_scores_above_unrelated_pairs(feats, idf):
    cnbc = feature_with(feats, "a2", "The meeting between U.S. Secretary of State Marco Rubio")
    cnn = feature_with(feats, "a4", "Instead, the focus will be on US-Russia talks")
    vance = feature_with(feats, "a4", "The threat that I worry most about")
    dmitriev = feature_with(feats, "a2", "businesses lost around $300 billion")
    same = pair_similarity(cnbc, cnn, idf)
    assert same > 0.5
    assert same > pair_similarity(vance, dmitriev, idf) + 0.3
    assert same > pair_similarity(cnbc, vance, idf) + 0.3


def test_same_fact_in_three_outlets_beats_same_topic(feats, idf):
    hegseth_analysis = feature_with(feats, "a3", "Defense Secretary Pete Hegseth ruled out")
    hegseth_cnn = feature_with(feats, "a4", "First, Defense Secretary Pete Hegseth said that NATO")
    other_nato = feature_with(feats, "a1", "did not reflexively denounce the idea of NATO troops")
    assert pair_similarity(hegseth_analysis, hegseth_cnn, idf) > \
        pair_similarity(hegseth_analysis, other_nato, idf) + 0.1


def test_score_is_symmetric_and_bounded(feats, idf):
    sample = [f for fs in feats.values() for f in fs[::9]]
    for a in sample:
        for b in sample[::3]:
            s = pair_similarity(a, b, idf)
            assert 0.0 < s < 1.0
            assert s == pytest.approx(pair_similarity(b, a, idf), abs=1e-12)


def test_components_are_named_and_in_range(feats, idf):
    a = feature_with(feats, "a2", "businesses lost around $300 billion")
    comps = pair_components(a, a, idf)
    assert tuple(comps) == COMPONENTS
    assert comps["cosine"] == pytest.approx(1.0, abs=1e-5)
    assert comps["overlap"] == pytest.approx(1.0) and comps["number"] == 1.0
    assert comps["entity"] == 1.0


def test_public_similarity_of_free_strings():
    a = "Rubio met Lavrov in Riyadh on Tuesday to discuss ending the war in Ukraine."
    b = "Secretary of State Marco Rubio sat down with Sergei Lavrov in Riyadh on Tuesday."
    c = "Heavy rain flooded several streets in the old town overnight."
    assert similarity(a, a) > 0.9
    assert similarity(a, b) > similarity(a, c) + 0.3
    assert similarity(a, b) == pytest.approx(similarity(b, a))
    assert similarity("", b) == 0.0 and similarity("   ", "") == 0.0


def test_different_amounts_lower_the_score():
    base = "U.S. businesses lost around $300 billion from leaving Russia."
    same = similarity(base, "American companies lost about $300 billion by leaving Russia.")
    other = similarity(base, "American companies lost about $30 billion by leaving Russia.")
    assert same > other + 0.1


def test_score_pairs_matches_pair_similarity(feats, idf):
    pairs = candidate_pairs(feats, idf)[:200]
    batched = score_pairs(pairs, idf)
    for (a, b), s in zip(pairs, batched):
        assert s == pytest.approx(pair_similarity(a, b, idf), abs=1e-6)


def test_candidate_pairs_are_cross_article_and_unique(feats, idf):
    pairs = candidate_pairs(feats, idf)
    keys = [(a.sentence, b.sentence) for a, b in pairs]
    assert len(keys) == len(set(keys))
    order = list(feats)
    for a, b in pairs:
        assert order.index(a.article) < order.index(b.article)
    assert candidate_pairs({"a1": feats["a1"]}, idf) == []


def test_candidate_pairs_recall_against_all_pairs(feats, idf):
    everything = list(all_pairs(feats))
    scores = score_pairs(everything, idf)
    strong = {(a.sentence, b.sentence) for (a, b), s in zip(everything, scores) if s >= RECALL_THRESHOLD}
    proposed = {(a.sentence, b.sentence) for a, b in candidate_pairs(feats, idf)}
    assert len(strong) >= 30                      # the check means something
    recall = len(strong & proposed) / len(strong)
    assert recall >= 0.97
    assert len(proposed) < 0.25 * len(everything)  # and it is not all pairs in disguise
