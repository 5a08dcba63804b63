"""Fixtures the report tests share: the hand-built seeds comparison and its illustrative review."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def handmade_comparison():
    from analysis.bench.sample_report import handmade_comparison as build
    from analysis.bench.sample_report import seed_articles
    return build(seed_articles(use_engine=False))


@pytest.fixture(scope="session")
def handmade_reviews(handmade_comparison):
    from analysis.bench.sample_report import sample_reviews
    return sample_reviews(handmade_comparison)
