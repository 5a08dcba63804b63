"""The clustering method on hand-made links: constraints hold, strongest links win."""
from __future__ import annotations

from analysis.align.cluster import attach_leftovers, cluster_links
from analysis.constants import LINK_MIN_PROBABILITY, MAX_CLAIMS_PER_OUTLET, MERGE_MIN_MEAN_PROBABILITY


def _score_from(table):
    def score(a, b):
        return table.get((a, b), table.get((b, a), 0.0))
    return score


def test_three_outlets_one_fact():
    links = [(("a1", 0), ("a2", 3), 0.9), (("a2", 3), ("a3", 1), 0.8), (("a1", 0), ("a3", 1), 0.7)]
    clusters = cluster_links(links, _score_from({(a, b): s for a, b, s in links}))
    assert clusters == [[("a1", 0), ("a2", 3), ("a3", 1)]]


def test_weak_links_join_nothing():
    links = [(("a1", 0), ("a2", 0), LINK_MIN_PROBABILITY - 0.01)]
    assert cluster_links(links, _score_from({})) == []


def test_chain_of_near_misses_does_not_drift():
    # a1.0 ~ a2.0 and a2.0 ~ a3.0, but a1.0 and a3.0 say unrelated things: the mean check refuses.
    near = max(LINK_MIN_PROBABILITY, 2 * MERGE_MIN_MEAN_PROBABILITY - 0.05)     # mean with a1-a3 falls short
    links = [(("a1", 0), ("a2", 0), 0.9), (("a2", 0), ("a3", 0), near)]
    table = {(a, b): s for a, b, s in links}
    table[(("a1", 0), ("a3", 0))] = 0.0
    clusters = cluster_links(links, _score_from(table))
    assert clusters == [[("a1", 0), ("a2", 0)]]


def test_one_long_claim_may_match_several_short_ones_but_no_more():
    links = [(("a1", 0), ("a2", i), 0.9 - i / 100) for i in range(MAX_CLAIMS_PER_OUTLET + 2)]
    clusters = cluster_links(links, _score_from({(a, b): s for a, b, s in links}))
    assert len(clusters) == 1
    assert sum(1 for k in clusters[0] if k[0] == "a2") == MAX_CLAIMS_PER_OUTLET
    assert clusters[0] == [("a1", 0)] + [("a2", i) for i in range(MAX_CLAIMS_PER_OUTLET)]


# --- leftovers: claims no merge took in ------------------------------------------------------------

def test_a_leftover_joins_the_fact_of_its_strong_link_though_the_mean_refused_the_merge():
    # a3.0 tells the fact a1.0 and a2.0 tell in other words than a1.0's: as a merge the mean check
    # refuses it (its mean with the pair is half its link, below MERGE_MIN_MEAN_PROBABILITY).
    strong = LINK_MIN_PROBABILITY + 0.05
    assert strong / 2 < MERGE_MIN_MEAN_PROBABILITY
    links = [(("a1", 0), ("a2", 0), 0.9), (("a2", 0), ("a3", 0), strong)]
    clusters = cluster_links(links, _score_from({(a, b): s for a, b, s in links}))
    assert clusters == [[("a1", 0), ("a2", 0)]]
    assert attach_leftovers(clusters, links) == [[("a1", 0), ("a2", 0), ("a3", 0)]]


def test_a_leftover_joins_the_fact_of_its_strongest_link():
    links = [(("a1", 0), ("a2", 0), 0.9), (("a1", 1), ("a2", 1), 0.9),
             (("a3", 0), ("a2", 0), LINK_MIN_PROBABILITY + 0.02), (("a3", 0), ("a2", 1), LINK_MIN_PROBABILITY + 0.1)]
    clusters = [[("a1", 0), ("a2", 0)], [("a1", 1), ("a2", 1)]]
    assert attach_leftovers(clusters, links) == [[("a1", 0), ("a2", 0)], [("a1", 1), ("a2", 1), ("a3", 0)]]


def test_a_weak_link_attaches_nothing():
    links = [(("a1", 0), ("a2", 0), 0.9), (("a2", 0), ("a3", 0), LINK_MIN_PROBABILITY - 0.01)]
    assert attach_leftovers([[("a1", 0), ("a2", 0)]], links) == [[("a1", 0), ("a2", 0)]]


def test_an_attached_claim_draws_no_other_in():
    # a3.0 joins through a2.0; a4.0's only link is to a3.0, which no merge placed there: no chain.
    strong = LINK_MIN_PROBABILITY + 0.05
    links = [(("a1", 0), ("a2", 0), 0.9), (("a2", 0), ("a3", 0), strong), (("a3", 0), ("a4", 0), strong - 0.01)]
    assert attach_leftovers([[("a1", 0), ("a2", 0)]], links) == [[("a1", 0), ("a2", 0), ("a3", 0)]]


def test_attaching_keeps_the_limit_of_claims_per_outlet():
    full = [("a1", 0)] + [("a2", i) for i in range(MAX_CLAIMS_PER_OUTLET)]
    links = [(("a1", 0), ("a2", MAX_CLAIMS_PER_OUTLET), 0.9)]
    assert attach_leftovers([full], links) == [full]
