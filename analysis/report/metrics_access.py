"""Reading per-article metrics for the report's tables, by the typed keys of ``analysis.vocabulary``.

The signals stage owns the metric keys and declares them in ``analysis.vocabulary.metrics`` (with
labels and units); the report reads them from there and never guesses a key.
"""
from __future__ import annotations

from typing import Any, Mapping

from analysis.model import Comparison
from analysis.vocabulary import metrics as vocab
from analysis.vocabulary.metrics import EASE, GRADE, LOADED, QUOTED, SENTIMENT, Metric, scalar

__all__ = ["EASE", "GRADE", "LOADED", "QUOTED", "SENTIMENT", "group", "is_share", "label", "lookup",
           "scalar", "scalar_keys", "value_at"]


def _metric(key: str, group_name: str | None) -> Metric | None:
    full = f"{group_name}.{key}" if group_name else key
    found = vocab.BY_KEY.get(full) or (LOADED if full == LOADED.key else None)
    if found:
        return found
    grp, _, path = full.partition(".")
    for fam in vocab.FAMILIES:
        if fam.group == grp and path.startswith(fam.parent + "."):
            return fam.metric(path[len(fam.parent) + 1:])
    return None


def label(key: str, group_name: str | None = None) -> str:
    """The editor's title of a metric: ``key`` inside ``group_name`` ("rates_per_1k.loaded" in
    "tone"), or a full ``group.path`` key; a frame or other family child reads as its words."""
    found = _metric(key, group_name)
    if found:
        return found.label
    text = key.rpartition(".")[2].replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def is_share(key: str, group_name: str | None = None) -> bool:
    found = _metric(key, group_name)
    return bool(found and found.is_share)


def is_count(key: str, group_name: str | None = None) -> bool:
    found = _metric(key, group_name)
    return bool(found and found.is_count)


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


def lookup(comparison: Comparison, article_id: str, metric: Metric) -> float | None:
    """The article's value of ``metric``, or None when absent."""
    return vocab.value(comparison.metrics.get(article_id), metric)


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
