"""Reading per-article metrics by meaning rather than exact key, with labels for the tables.

The signals stage owns the metric keys (``docs/METRICS.md``); the report looks values up through the
candidate names below, so that a renamed key degrades to a missing cell rather than a crash.
"""
from __future__ import annotations

import math
from typing import Any, Mapping

from analysis.model import Comparison

GRADE = ("readability", ("flesch_kincaid_grade", "fk_grade", "grade"))
EASE = ("readability", ("flesch_reading_ease", "reading_ease"))
SENTIMENT = ("sentiment", ("compound_mean", "mean_compound", "compound", "mean"))
LOADED = ("tone", ("rates_per_1k.loaded", "loaded_per_1000", "loaded_per_1k"))
QUOTED = ("tone", ("quote_share", "quoted_share"))

# Nested tone keys (docs/METRICS.md): parent -> how a child key reads as a column title.
PARENT_LABELS = {
    "rates_per_1k": "{} per 1,000 words",
    "own_rates_per_1k": "{} per 1,000 own words",
    "attribution_per_1k": "“{}” attributions per 1,000 words",
}

LABELS = {
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog",
    "smog": "SMOG",
    "coleman_liau": "Coleman-Liau",
    "ari": "ARI",
    "dale_chall": "Dale-Chall",
    "mean_sentence_words": "Words per sentence",
    "sentence_words_stdev": "Sentence length spread",
    "syllables_per_word": "Syllables per word",
    "complex_word_share": "Complex words",
    "unfamiliar_word_share": "Unfamiliar words",
    "words": "Words",
    "sentences": "Sentences",
    "compound_mean": "Mean compound",
    "compound_stdev": "Compound spread",
    "share_negative": "Negative sentences",
    "share_neutral": "Neutral sentences",
    "share_positive": "Positive sentences",
    "pos_mean": "Mean positive",
    "neg_mean": "Mean negative",
    "quote_share": "Words in direct quotes",
    "reported_share": "Words in reported speech",
    "passive.per_1k": "Passives per 1,000 words",
    "passive.agentless_per_1k": "Agentless passives per 1,000 words",
    "passive.agentless_share": "Passives without agent",
    "passive.sentence_share": "Sentences with a passive",
    "frame_cues_per_1k": "Frame cues per 1,000 words",
}


def label(key: str) -> str:
    """A readable column title for a metric key."""
    if key in LABELS:
        return LABELS[key]
    parent, _, child = key.partition(".")
    if child and parent in PARENT_LABELS:
        return PARENT_LABELS[parent].format(child.replace("_", " ").capitalize())
    text = key.replace(".", " ").replace("_per_1000", " per 1,000 words").replace("_per_1k", " per 1,000 words")
    text = text.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def is_share(key: str) -> bool:
    return "share" in key.rpartition(".")[2] or key.endswith("_ratio")


def group(comparison: Comparison, article_id: str, name: str) -> Mapping[str, Any]:
    value = (comparison.metrics.get(article_id) or {}).get(name)
    return value if isinstance(value, Mapping) else {}


def value_at(values: Mapping[str, Any], key: str) -> Any:
    """``values[key]``, where a dotted key ("passive.per_1k") reads one level down."""
    if key in values:
        return values[key]
    parent, _, child = key.partition(".")
    inner = values.get(parent) if child else None
    return inner.get(child) if isinstance(inner, Mapping) else None


def scalar(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return None if isinstance(value, float) and (math.isnan(value) or math.isinf(value)) else float(value)


def lookup(comparison: Comparison, article_id: str, spec: tuple[str, tuple[str, ...]]) -> float | None:
    """The first candidate key of ``spec`` present in the article's metric group, as a float."""
    name, candidates = spec
    values = group(comparison, article_id, name)
    for key in candidates:
        found = scalar(value_at(values, key))
        if found is not None:
            return found
    return None


def scalar_keys(comparison: Comparison, name: str, nested: bool = False) -> list[str]:
    """Keys of group ``name`` holding a number for at least one article, in first-seen order;
    with ``nested``, numbers one level down too, as dotted keys ("rates_per_1k.loaded")."""
    keys: list[str] = []
    for article in comparison.articles:
        for key, value in group(comparison, article.id, name).items():
            if scalar(value) is not None:
                found = [key]
            elif nested and isinstance(value, Mapping):
                found = [f"{key}.{k}" for k, v in value.items() if scalar(v) is not None]
            else:
                found = []
            keys += [k for k in found if k not in keys]
    return keys
