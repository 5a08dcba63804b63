"""A loop split over forked workers gives what one loop gives, and survives a child that fails."""
from __future__ import annotations

import os
import time

import numpy as np
import pytest

from analysis import workers
from analysis.bench import text_article


@pytest.fixture
def two_workers(monkeypatch):
    monkeypatch.setenv("PARALLAX_WORKERS", "2")
    if workers.workers() < 2:
        pytest.skip("forked workers need Linux and two cores")


def test_slices_cover_the_items_in_order_and_the_second_is_computed_in_a_child(two_workers):
    parent = os.getpid()
    parts = workers.split_map(lambda start, stop: [(i, os.getpid()) for i in range(start, stop)], 9, 2)
    assert [i for part in parts for i, _ in part] == list(range(9))
    assert {pid for _, pid in parts[0]} == {parent}
    assert {pid for _, pid in parts[1]} != {parent}


def test_below_the_minimum_or_with_one_worker_it_is_one_slice_here(two_workers, monkeypatch):
    def compute(start, stop):
        return [(i, os.getpid()) for i in range(start, stop)]
    assert workers.split_map(compute, 9, 10) == [compute(0, 9)]
    monkeypatch.setenv("PARALLAX_WORKERS", "1")
    assert workers.split_map(compute, 9, 2) == [compute(0, 9)]


def test_a_failing_child_s_slice_is_computed_here(two_workers):
    parent = os.getpid()

    def compute(start, stop):
        if os.getpid() != parent:
            raise RuntimeError("a child that fails")
        return list(range(start, stop))
    assert workers.split_map(compute, 10, 2) == [list(range(5)), list(range(5, 10))]


def test_a_child_that_does_not_answer_is_stopped_and_its_slice_computed_here(two_workers, monkeypatch):
    monkeypatch.setattr(workers, "WORKER_TIMEOUT_MIN_SECONDS", 0.5)
    parent = os.getpid()

    def compute(start, stop):
        if os.getpid() != parent:
            time.sleep(60)
        return list(range(start, stop))
    started = time.monotonic()
    assert workers.split_map(compute, 4, 2) == [[0, 1], [2, 3]]
    assert time.monotonic() - started < 30


def test_an_error_here_stops_the_children_and_a_loop_in_a_child_stays_one_loop(two_workers, forked):
    from analysis.errors import Cancelled
    parent = os.getpid()

    def compute(start, stop):
        if os.getpid() == parent:
            raise Cancelled()
        time.sleep(60)
    started = time.monotonic()
    with pytest.raises(Cancelled):
        workers.split_map(compute, 4, 2)
    assert time.monotonic() - started < 30
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0][0], os.WNOHANG)        # stopped and reaped: not left behind
    assert workers.split_map(lambda start, stop: workers.workers(), 4, 2) == [2, 1]


@pytest.fixture
def forked(monkeypatch) -> list:
    """The children ``split_map`` forks, as they are forked."""
    children: list = []
    fork = workers._fork
    monkeypatch.setattr(workers, "_fork", lambda *args: children.append(fork(*args)) or children[-1])
    return children


def _event(n: int = 6):
    from analysis.align import evidence
    from analysis.align.claims import article_claims
    from analysis.align.features import claim_features, featurize
    lines = ("A storm tore two cranes from the docks of Velmar harbour on Monday night.",
             "Mayor Ilse Brandt said the port would stay closed until Thursday, officials said.",
             "Two cranes were ripped from the Velmar docks by a storm late on Monday.",
             "The council will meet on Friday to count the damage of 3 million euros.",
             "Fishermen said their boats were safe.")
    texts = [" ".join(lines[(start + k) % len(lines)] for k in range(4)) for start in range(n)]
    articles = [text_article(t, f"a{i}") for i, t in enumerate(texts, 1)]
    sentence_feats = featurize(articles)
    claims = {a.id: article_claims(a) for a in articles}
    feats, whole = claim_features(articles, claims, sentence_feats)
    return articles, evidence.event(claims, feats, whole, sentence_feats), claims


def test_link_evidence_split_over_workers_is_the_one_loop_s_to_the_bit(two_workers, monkeypatch):
    from analysis.align import evidence
    _, ev, claims = _event()
    keys = [(a, i) for a in claims for i in range(len(claims[a]))]
    pairs = [(ka, kb) for ka in keys for kb in keys if ka[0] < kb[0]]
    similarity = np.linspace(0.1, 0.95, len(pairs))
    monkeypatch.setattr(evidence, "LINK_PARALLEL_MIN_PAIRS", 2)
    split = evidence.feature_matrix(ev, pairs, similarity)
    monkeypatch.setenv("PARALLAX_WORKERS", "1")
    alone = evidence.feature_matrix(ev, pairs, similarity)
    assert split.shape == (len(pairs), len(evidence.FEATURES)) and split.any()
    assert split.tobytes() == alone.tobytes()


def test_omission_searches_split_over_workers_give_the_one_loop_s_verdicts(two_workers, monkeypatch):
    from analysis.coverage import omissions
    from analysis.pipeline import compare
    articles, _, _ = _event(7)
    facts = compare(articles).facts
    by_id = {a.id: a for a in articles}
    same = set(by_id)
    monkeypatch.setattr(omissions, "VERIFY_PARALLEL_MIN_CANDIDATES", 2)
    split = omissions.assess(facts, by_id, same)
    monkeypatch.setenv("PARALLAX_WORKERS", "1")
    alone = omissions.assess(facts, by_id, same)
    assert len(split.verdicts) >= 2
    assert split.verdicts == alone.verdicts
    assert split.omissions == alone.omissions and split.differently == alone.differently


def test_side_by_side_computes_the_second_in_a_child_and_gives_both_in_order(two_workers):
    parent = os.getpid()
    here, there = workers.side_by_side(lambda: ("here", os.getpid()), lambda: ("there", os.getpid()), True)
    assert here == ("here", parent) and there[0] == "there" and there[1] != parent
    assert workers.side_by_side(lambda: os.getpid(), lambda: os.getpid(), False) == (parent, parent)


def test_signals_with_metrics_beside_voices_and_framing_are_the_one_loop_s(two_workers, monkeypatch):
    from analysis.pipeline import compare
    from analysis.signals import stage
    articles, _, _ = _event(7)
    facts = compare(articles).facts
    same = {a.id for a in articles}
    monkeypatch.setattr(stage, "SIGNALS_PARALLEL_MIN_ARTICLES", 2)
    reported: list[str] = []
    split = stage.run(articles, facts, same, lambda fraction, name: reported.append(name))
    monkeypatch.setenv("PARALLAX_WORKERS", "1")
    alone = stage.run(articles, facts, same, lambda fraction, name: None)
    assert reported == ["metrics", "voices", "framing"]         # all reported by this process
    assert split.metrics == alone.metrics and split.metrics
    assert split.findings == alone.findings and split.voices == alone.voices
    assert split.quotes == alone.quotes and split.quotes


def test_framing_read_in_two_parts_of_the_facts_is_one_pass_s(two_workers, monkeypatch, seed_articles):
    from analysis.pipeline import compare
    from analysis.signals import framing, stage
    articles = seed_articles
    facts = list(compare(articles).facts)
    peers = {a.id: a for a in articles}
    one_pass = framing.framing_findings(facts, peers)
    half = stage._half_of_the_pairs(facts)
    assert 0 < half < len(facts) and one_pass
    parts = [framing.version_findings(facts[:half], peers), framing.version_findings(facts[half:], peers)]
    assert framing.joined_findings(parts, framing.article_findings(facts, peers), peers) == one_pass
    monkeypatch.setattr(stage, "SIGNALS_PARALLEL_MIN_ARTICLES", 2)
    framed = stage.run(articles, facts, set(peers), lambda fraction, name: None).findings
    assert [f for f in framed if f.kind in framing.KINDS] == one_pass


def test_quotes_found_by_a_worker_are_kept_here(two_workers, monkeypatch):
    from analysis.signals import stage, voices
    from analysis.signals.attribution import quotes
    articles = [text_article(f'"The dock will reopen on Thursday," said harbour master Ilse Brandt{i}. '
                             "Fishermen said their boats were safe.", f"q{i}") for i in range(4)]
    monkeypatch.setattr(stage, "SIGNALS_PARALLEL_MIN_ARTICLES", 2)
    split = stage.run(articles, [], {a.id for a in articles}, lambda fraction, name: None)
    assert len(split.quotes) >= 4

    def not_again(self):
        raise AssertionError("quotes found again")
    monkeypatch.setattr(quotes.Attribution, "find", not_again)
    assert tuple(q for a in articles for q in voices.find_quotes(a)) == split.quotes


def test_the_facts_are_cut_at_half_of_their_pairs_of_versions():
    from types import SimpleNamespace

    from analysis.signals import stage
    facts = [SimpleNamespace(members=range(n)) for n in (4, 3, 3, 2, 1, 1)]     # pairs 6, 3, 3, 1, 0, 0
    assert stage._half_of_the_pairs(facts) == 1                    # 6 | 7: the nearer cut
    assert stage._half_of_the_pairs(facts[1:]) == 1                # 3 | 4
    assert stage._half_of_the_pairs([SimpleNamespace(members=[0])]) == 1


def test_the_two_neighbour_searches_side_by_side_give_one_process_s_pairs(two_workers, forked, monkeypatch):
    from analysis.align import similarity
    articles, ev, _ = _event(8)
    monkeypatch.setattr(similarity, "CANDIDATE_EXACT_MAX_ROWS", 0)         # HNSW, and beside each other
    split = similarity.candidate_pairs(ev.claim_features)
    assert len(forked) == 1 and forked[0] is not None
    monkeypatch.setenv("PARALLAX_WORKERS", "1")
    alone = similarity.candidate_pairs(ev.claim_features)
    assert split and [(a.article, a.index, b.article, b.index) for a, b in split] == \
        [(a.article, a.index, b.article, b.index) for a, b in alone]


def test_similarities_and_vetoes_split_over_workers_are_the_one_loop_s_to_the_bit(two_workers, forked,
                                                                                 monkeypatch):
    from analysis.align import evidence, stage
    from analysis.align.features import idf_table
    _, ev, claims = _event()
    keys = [(a, i) for a in claims for i in range(len(claims[a]))]
    pairs = [(ka, kb) for ka in keys for kb in keys if ka[0] < kb[0]]
    idf = idf_table(ev.claim_features)
    monkeypatch.setattr(stage, "LINK_PARALLEL_MIN_PAIRS", 2)
    monkeypatch.setattr(evidence, "LINK_PARALLEL_MIN_PAIRS", 2)
    x, vetoed = stage.link_evidence(ev, pairs, idf)
    assert len(forked) == 2                          # the similarities' split, then the rows'
    monkeypatch.setenv("PARALLAX_WORKERS", "1")
    x1, vetoed1 = stage.link_evidence(ev, pairs, idf)
    assert x.shape == (len(pairs), len(evidence.FEATURES)) and x[:, 0].any()
    assert x.tobytes() == x1.tobytes() and vetoed.tobytes() == vetoed1.tobytes()


def test_event_profiles_split_over_workers_give_the_one_loop_s_groups(two_workers, monkeypatch):
    from analysis.align.features import featurize
    from analysis.events import stage
    articles, _, _ = _event(7)
    features = featurize(articles)
    asked: list[tuple[int, int]] = []
    split_map = stage.split_map
    monkeypatch.setattr(stage, "split_map", lambda compute, n, least: (asked.append((n, least)),
                                                                       split_map(compute, n, least))[1])
    monkeypatch.setattr(stage, "EVENTS_PARALLEL_MIN_ARTICLES", 2)
    split = stage.run(articles, features)
    monkeypatch.setenv("PARALLAX_WORKERS", "1")
    alone = stage.run(articles, features)
    assert asked[0] == (7, 2)
    assert split == alone and split.groups and split.matches


def test_quotes_found_beside_the_clustering_are_the_one_loop_s(two_workers, monkeypatch):
    from analysis import pipeline
    parallel: list[bool] = []
    side_by_side = pipeline.side_by_side
    monkeypatch.setattr(pipeline, "side_by_side", lambda here, there, wanted: (parallel.append(wanted),
                                                                              side_by_side(here, there, wanted))[1])
    monkeypatch.setattr(pipeline, "SIGNALS_PARALLEL_MIN_ARTICLES", 2)
    split = pipeline.compare(_event(7)[0])
    monkeypatch.setenv("PARALLAX_WORKERS", "1")
    alone = pipeline.compare(_event(7)[0])
    assert parallel[0] is True
    assert split.quotes == alone.quotes and split.quotes
    assert split.facts == alone.facts and split.findings == alone.findings and split.voices == alone.voices
