"""Test helper: the seed articles and hand-built seed facts the framing tests and benchmark share.

The framing tests do not depend on ingest: each seed file's text is the article text as it is, so
sentence ids and offsets stay fixed while the cleaner evolves.  Article ids and outlet names are the
seed number ("000", "001", ...), which is how the evidence names them.  The definitions live in
``analysis.bench.framing`` so that the benchmark measures exactly what the tests check.
"""
from __future__ import annotations

from analysis.bench.framing import SEED_FACTS, article_from_text, fact, seed_articles

__all__ = ["SEED_FACTS", "article_from_text", "fact", "seed_articles"]
