"""Seed articles built straight from the segmenter (no ingest), shared by the features and similarity
tests.  Raw seed text keeps page chrome ("Skip to content"), which the features must survive anyway."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from analysis.model import Article
from analysis.segment import segment

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def article_from_text(text: str, article_id: str, date: str | None = None) -> Article:
    paragraphs, sentences, tokens = segment(text, article_id)
    return Article(article_id, None, "paste", "", "", date, None, text, text, (), tuple(paragraphs),
                   tuple(sentences), tuple(tokens))


@lru_cache(maxsize=1)
def seed_articles() -> tuple[Article, ...]:
    """The five seeds as a1..a5 (000, 001, 002, 003, 004)."""
    paths = sorted(SEEDS.glob("*.txt"))
    return tuple(article_from_text(p.read_text(encoding="utf-8"), f"a{i + 1}")
                 for i, p in enumerate(paths))


@lru_cache(maxsize=1)
def seed_features():
    from analysis.features import featurize
    return featurize(seed_articles())


def sentence_with(features, article_id: str, fragment: str):
    """The features of the one sentence of ``article_id`` whose text holds ``fragment``."""
    hits = [f for f in features[article_id] if fragment in f.text]
    assert len(hits) == 1, f"{fragment!r} found in {len(hits)} sentences of {article_id}"
    return hits[0]
