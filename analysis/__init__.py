"""Parallax's analysis engine: pure Python, never imports Qt.

Public API (documented in docs/API.md):

* ``load_article(path_or_text, ...)`` -> ``Article``: read, clean and segment one input.
* ``split_sentences(text)`` -> ``list[Sentence]`` with exact ``start``/``end`` offsets.
* ``compare(articles, progress=None)`` -> ``Comparison``: the whole analysis.
"""
from __future__ import annotations

from .errors import Cancelled, IngestError, ParallaxError
from .model import (Article, Comparison, EventMatch, Fact, FactMember, Finding, Omission,
                    Paragraph, Removed, Sentence, Span, Token)

__all__ = [
    "Article", "Cancelled", "Comparison", "EventMatch", "Fact", "FactMember", "Finding",
    "IngestError", "Omission", "Paragraph", "ParallaxError", "Removed", "Sentence", "Span",
    "Token", "compare", "load_article", "split_sentences",
]


def __getattr__(name: str):
    # Lazy: importing the package must stay cheap (the window starts before heavy models load).
    if name == "load_article":
        from .ingest import load_article
        return load_article
    if name == "split_sentences":
        from .segment import split_sentences
        return split_sentences
    if name == "compare":
        from .pipeline import compare
        return compare
    raise AttributeError(name)
