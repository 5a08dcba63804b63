"""A comparison runs with Python's cyclic garbage collector paused (``analysis.garbage``), leaves it as
it found it, and makes no reference cycles for it to find."""
from __future__ import annotations

import gc

import pytest
from event_texts import BRIDGE, FOOTBALL, TRADE_TRIP, WATER_BILL

from analysis import garbage
from analysis.bench import text_article
from analysis.errors import DuplicateArticleIds
from analysis.pipeline import compare


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _articles(texts) -> list:
    return [text_article(t, f"a{i}") for i, t in enumerate(texts, start=1)]


def _bridge() -> list:
    return _articles(BRIDGE)


def test_paused_switches_the_collector_off_and_back_on_and_nests(collector_on):
    with garbage.paused():
        assert not gc.isenabled()
        with garbage.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()           # the outer block still runs
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collector_on):
    gc.disable()
    with garbage.paused():
        pass
    assert not gc.isenabled()


def test_a_compare_runs_with_the_collector_off_and_leaves_it_on(collector_on):
    seen: list[bool] = []
    comparison = compare(_bridge(), lambda fraction, stage: seen.append(gc.isenabled()))
    assert comparison.facts
    assert seen and not any(seen)
    assert gc.isenabled()


def test_a_compare_that_fails_leaves_the_collector_on(collector_on):
    a = text_article(BRIDGE[0], "a1")
    with pytest.raises(DuplicateArticleIds):
        compare([a, a])                     # two articles with one id
    assert gc.isenabled()


def test_a_compare_makes_no_reference_cycles(collector_on):
    compare(_bridge())                      # the first compare imports modules (their cycles live on)
    articles = _articles(WATER_BILL + TRADE_TRIP + (FOOTBALL,))
    gc.collect()
    gc.disable()
    try:
        compare(articles)                   # other articles: nothing of them is in the caches
        left = gc.collect()
    finally:
        gc.enable()
    assert left == 0
