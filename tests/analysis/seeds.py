"""The articles the analysis tests share, built in one place (on ``analysis.bench``, so that the
benchmarks measure the same inputs the tests check).

* ``loaded_seeds()``: the five seeds as the app loads them (``analysis.load_article``), a1..a5 in
  file-name order.  Tests find sentences by their text (``sentence_with``), never by index.  The
  same articles are the session fixture ``seed_articles`` (tests/conftest.py).
* ``raw_seeds()``: the seed files' text as it is, page furniture included (the features must survive
  it), a1..a5; ``framing_seeds()``: the same keyed and named by seed number, "000".."004", whose
  sentence ids the hand-built ``SEED_FACTS`` use.  Raw text keeps ids and offsets fixed while the
  cleaner evolves.
* ``text_article(text, article_id="a1", outlet=None, date=None, language="en")``: any text as an
  article, segmented and not cleaned.
"""
from __future__ import annotations

from functools import lru_cache

from analysis.bench import load_seeds, text_article
from analysis.bench import raw_seeds as _raw_seeds
from analysis.bench.framing import SEED_FACTS, fact
from analysis.bench.framing import seed_articles as _numbered_raw_seeds
from analysis.model import Article

__all__ = ["SEED_FACTS", "fact", "feature_with", "framing_seeds", "loaded_seeds", "raw_seeds",
           "seed_features", "sentence_with", "text_article"]


@lru_cache(maxsize=1)
def loaded_seeds() -> tuple[Article, ...]:
    return tuple(load_seeds())


@lru_cache(maxsize=1)
def raw_seeds() -> tuple[Article, ...]:
    return tuple(_raw_seeds())


def framing_seeds() -> dict[str, Article]:
    return _numbered_raw_seeds()


@lru_cache(maxsize=1)
def seed_features():
    """``featurize`` of the raw seeds, by article id."""
    from analysis.align.features import featurize
    return featurize(raw_seeds())


def sentence_with(article: Article, needle: str):
    """The first sentence of ``article`` that contains ``needle``."""
    found = [s for s in article.sentences if needle in s.text]
    assert found, f"no sentence of {article.id} contains {needle!r}"
    return found[0]


def feature_with(features, article_id: str, fragment: str):
    """The features of the one sentence of ``article_id`` whose text holds ``fragment``."""
    hits = [f for f in features[article_id] if fragment in f.text]
    assert len(hits) == 1, f"{fragment!r} found in {len(hits)} sentences of {article_id}"
    return hits[0]
