"""Parallax's analysis engine: pure Python, never imports Qt.

Public API (documented in docs/API.md):

* ``load_article(path_or_text, ...)`` -> ``Article``: read, clean and segment one input.
* ``split_sentences(text)`` -> ``list[Sentence]`` with exact ``start``/``end`` offsets.
* ``compare(articles, progress=None)`` -> ``Comparison``: the whole analysis.
"""
from __future__ import annotations

from analysis.errors import Cancelled, IngestError, ParallaxError
from analysis.model import (
    Article,
    Comparison,
    EventMatch,
    Fact,
    FactMember,
    Finding,
    Omission,
    Paragraph,
    Removed,
    Sentence,
    Span,
    Token,
)

__all__ = [
    "Article", "Cancelled", "Comparison", "EventMatch", "Fact", "FactMember", "Finding",
    "IngestError", "Omission", "Paragraph", "ParallaxError", "Removed", "Sentence", "Span",
    "Token", "compare", "load_article", "split_sentences",
]


def __getattr__(name: str):
    # Lazy: importing the package must stay cheap (the window starts before heavy models load).
    if name == "load_article":
        from analysis.ingest import load_article
        return load_article
    if name == "split_sentences":
        from analysis.segment import split_sentences
        return split_sentences
    if name == "compare":
        from analysis.pipeline import compare
        return compare
    if name == "export_json":
        # ``from analysis import export_json`` is how the shared BASIL benchmark tools read the JSON
        # contract (``export_json.dumps``); the module lives in ``analysis.export``.
        from analysis.export import json_contract
        return json_contract
    raise AttributeError(name)
