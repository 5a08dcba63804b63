"""Event grouping (analysis/events/): absolute pairwise evidence, groups that never depend on which
other articles are there or in which order, and clear notes for bad input.  Texts: event_texts.py."""
from __future__ import annotations

import numpy as np
import pytest
from event_texts import BRIDGE, FOOTBALL, TRADE_TRIP, WATER_BILL, twenty_events

from analysis import compare, load_article
from analysis.events.groups import cluster
from analysis.events.stage import NoSuchEvent


def _load(texts):
    return [load_article(t, kind="paste", article_id=f"a{i + 1}") for i, t in enumerate(texts)]


def _groups(c) -> set[frozenset[str]]:
    """Groups as sets of text digests, so that they compare across renumbered inputs."""
    digest = {a.id: a.digest for a in c.articles}
    return {frozenset(digest[a] for a in g.articles) for g in c.groups}


def _verdicts(c) -> dict[str, tuple[float, bool]]:
    digest = {a.id: a.digest for a in c.articles}
    return {digest[e.article]: (e.score, e.same_event) for e in c.event}


@pytest.fixture(scope="module")
def three_events():
    """Bridge (3 articles), water bill (2) and trade trip (2), interleaved."""
    texts = [BRIDGE[0], WATER_BILL[0], TRADE_TRIP[0], BRIDGE[1], WATER_BILL[1], TRADE_TRIP[1], BRIDGE[2]]
    articles = _load(texts)
    return articles, compare(articles)


def test_articles_are_grouped_by_event_and_the_largest_is_compared(three_events):
    articles, c = three_events
    assert [(g.id, g.articles, g.compared) for g in c.groups] == [
        ("e1", ("a1", "a4", "a7"), True), ("e2", ("a2", "a5"), False), ("e3", ("a3", "a6"), False)]
    assert {e.article for e in c.event if e.same_event} == {"a1", "a4", "a7"}
    assert {e.article: e.group for e in c.event} == {
        "a1": "e1", "a4": "e1", "a7": "e1", "a2": "e2", "a5": "e2", "a3": "e3", "a6": "e3"}
    assert c.groups[0].label == "Marrowby harbour bridge collapses during morning rush"
    assert "Orla Pennick" in c.groups[0].evidence and c.groups[0].evidence.startswith("all 3 name")
    # Only the compared group is aligned: no fact joins an article of another event.
    assert all(set(f.articles) <= {"a1", "a4", "a7"} for f in c.facts)
    assert any(len(f.members) == 3 for f in c.facts)


def test_same_person_on_different_events_stays_apart(three_events):
    _, c = three_events
    event = {e.article: e for e in c.event}
    # Both pairs are about Governor Elena Quaranta, but a law signing is not a trade trip.
    assert event["a2"].group != event["a3"].group
    assert event["a2"].group == event["a5"].group and event["a3"].group == event["a6"].group
    assert c.groups[2].evidence == "both name Nordcell, Voltaria, Elena Quaranta and Porto"


def test_evidence_speaks_an_editors_language(three_events):
    _, c = three_events
    event = {e.article: e for e in c.event}
    assert event["a1"].evidence.startswith("same event as ")
    assert "both name" in event["a1"].evidence and "Pennick" in event["a1"].evidence
    assert event["a2"].evidence.startswith("another event")
    assert not any("affinit" in e.evidence for e in c.event)
    assert "State Tribune (a2) and Valley Gazette (a5) are on another event (event 2: “Governor Quaranta " \
           "signs water rationing law”); they are left out of alignment and omissions." in c.notes


def test_an_unrelated_article_changes_no_verdict(three_events):
    articles, c = three_events
    more = compare([*articles, load_article(FOOTBALL, kind="paste", article_id="a8")])
    before, after = _verdicts(c), _verdicts(more)
    football = more.article("a8").digest
    assert after.pop(football)[1] is False
    assert after == before
    assert _groups(more) == _groups(c) | {frozenset({football})}


def test_groups_do_not_depend_on_input_order(three_events):
    articles, c = three_events
    texts = [a.source_text for a in articles]
    for order in ([6, 5, 4, 3, 2, 1, 0], [3, 0, 5, 2, 6, 1, 4]):
        again = compare(_load([texts[i] for i in order]))
        assert _groups(again) == _groups(c)
        assert _verdicts(again) == _verdicts(c)
        assert [len(g.articles) for g in again.groups] == [3, 2, 2]


def test_event_picks_another_group(three_events):
    articles, _ = three_events
    c = compare(articles, event=2)
    assert [g.id for g in c.groups if g.compared] == ["e2"]
    assert {e.article for e in c.event if e.same_event} == {"a2", "a5"}
    assert all(set(f.articles) <= {"a2", "a5"} for f in c.facts)
    assert {o.article for o in c.omissions} <= {"a2", "a5"}


def test_event_by_article_picks_its_group(three_events):
    articles, _ = three_events
    c = compare(articles, event="a6")
    assert [g.articles for g in c.groups if g.compared] == [("a3", "a6")]
    with pytest.raises(NoSuchEvent, match="there is no article a9 among the inputs"):
        compare(articles, event="a9")


def test_a_group_that_does_not_exist_is_refused(three_events):
    articles, _ = three_events
    with pytest.raises(NoSuchEvent, match=r"there is no event group 4: the articles form 3 groups \(1 to 3\)"):
        compare(articles, event=4)


def test_a_lone_group_chosen_compares_nothing_and_says_so():
    articles = _load([*BRIDGE[:2], FOOTBALL])
    c = compare(articles, event=2)
    assert [g.articles for g in c.groups] == [("a1", "a2"), ("a3",)]
    assert not any(e.same_event for e in c.event) and not c.compared_group()
    assert c.notes == ("Event group 2 holds one article, The Northern Post (a3): nothing to compare; "
                       "choose a group of two or more.",)
    assert not [f for f in c.facts if len(f.members) > 1] and not c.omissions


def test_all_articles_on_different_events():
    c = compare(_load([BRIDGE[0], WATER_BILL[0], TRADE_TRIP[0], FOOTBALL]))
    assert "No two articles share an event: nothing to align." in c.notes
    assert [len(g.articles) for g in c.groups] == [1, 1, 1, 1]
    assert not any(g.compared for g in c.groups) and not any(e.same_event for e in c.event)
    assert all(e.evidence.startswith("another event") for e in c.event)


def test_identical_copies_join_their_originals_group():
    articles = _load([BRIDGE[0], BRIDGE[1], BRIDGE[0], FOOTBALL])
    c = compare(articles)
    assert [(g.articles, g.copies) for g in c.groups] == [(("a1", "a2", "a3"), ("a3",)), (("a4",), ())]
    assert "a3" not in {e.article for e in c.event}


def test_200_articles_on_20_events_are_20_groups_and_none_is_dropped():
    made = twenty_events(10)
    articles = _load([text for _, text in made])
    c = compare(articles)
    seen = [a for g in c.groups for a in g.articles]
    assert sorted(seen) == sorted(a.id for a in articles)          # every article exactly once
    truth = {frozenset(f"a{k + 1}" for k, (e, _) in enumerate(made) if e == ev) for ev in range(20)}
    assert {frozenset(g.articles) for g in c.groups} == truth
    assert len([e for e in c.event if e.same_event]) == 10
    # One note per other group, and every article left out is named in one.
    notes = [n for n in c.notes if "on another event" in n]
    assert len(notes) == 19
    left_out = [a for g in c.groups if not g.compared for a in g.articles]
    assert all(sum(f"({a})" in n for n in notes) == 1 for a in left_out)


def test_average_linkage_does_not_chain_two_events():
    # a-b and c-d are sure pairs; b-c alone is likely: the mean over the four cross pairs is not.
    p = np.array([[1, .95, .1, .1], [.95, 1, .9, .1], [.1, .9, 1, .95], [.1, .1, .95, 1]])
    assert cluster(p, 0.5) == [[0, 1], [2, 3]]
    assert cluster(p, 0.05) == [[0, 1, 2, 3]]
    assert cluster(np.ones((1, 1)), 0.5) == [[0]]


def test_follow_up_stories_merge_after_the_news_of_the_day():
    # 0, 1 and 2 tell the news of the day; 3 gives no day; 4 is a follow-up months later (vetoed
    # against 0-2: near 0).  Merged first, 3 and 4 (0.98) made a group that the others' mean then
    # took in whole (0.53): the follow-up was compared with the accounts.  Follow-ups merge last.
    p = np.array([[1.0, 0.95, 0.9, 0.95, 0.1],
                  [0.95, 1.0, 0.9, 0.95, 0.1],
                  [0.9, 0.9, 1.0, 0.95, 0.1],
                  [0.95, 0.95, 0.95, 1.0, 0.98],
                  [0.1, 0.1, 0.1, 0.98, 1.0]])
    later = np.array([False, False, False, False, True])
    assert cluster(p, 0.5) == [[0, 1, 2, 3, 4]]
    assert cluster(p, 0.5, later) == [[0, 1, 2, 3], [4]]
    # follow-ups that share a story with each other still make their own group
    q = np.block([[p, p[:, 4:]], [p[4:], np.array([[0.99]])]])
    q[5, 5] = 1.0
    assert cluster(q, 0.5, np.array([False] * 4 + [True, True])) == [[0, 1, 2, 3], [4, 5]]


def test_a_pair_that_must_stay_apart_never_shares_a_group_however_its_group_agrees():
    # 0-3 tell one story; 4 is dated months before 3 (near 0 with 3) but reads like 0-2 (0.9):
    # the group's mean (0.7) outvoted the one dated pair.
    p = np.array([[1.0, 0.95, 0.95, 0.95, 0.9],
                  [0.95, 1.0, 0.95, 0.95, 0.9],
                  [0.95, 0.95, 1.0, 0.95, 0.9],
                  [0.95, 0.95, 0.95, 1.0, 0.0],
                  [0.9, 0.9, 0.9, 0.0, 1.0]])
    apart = np.zeros((5, 5), dtype=bool)
    apart[3, 4] = apart[4, 3] = True
    assert cluster(p, 0.5) == [[0, 1, 2, 3, 4]]
    assert cluster(p, 0.5, apart=apart) == [[0, 1, 2, 3], [4]]
