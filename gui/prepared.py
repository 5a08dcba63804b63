"""Look-up tables the views need, derived from a Comparison once, normally off the GUI thread.

``prepare(comparison)`` runs in the background right after the analysis (``gui.worker`` calls it on the
result before delivering it): each article's word count, the omission map (large with fifty outlets)
and the metrics table, whose rows are the metrics ``analysis.vocabulary.metrics`` declares (never a
key guessed from the data).  The views then read them with one look-up.  Nothing here is Qt: it only
reads the engine's model and vocabulary.
"""
from __future__ import annotations

import operator
import re
import weakref
from dataclasses import dataclass
from typing import Any, Mapping

from analysis.model import Article, Comparison
from analysis.vocabulary import metrics as vocab
from analysis.vocabulary.metrics import Metric

_PREPARED: dict[int, dict] = {}
_WORDS: dict[int, tuple[weakref.ref, int]] = {}   # id(article) -> (the article, its count)
_ALNUM = re.compile(r"[^\W_]")        # exactly str.isalnum, one character
_TEXT = operator.attrgetter("text")
KEEP = 8                              # results whose tables are kept (renamed copies share them)


def cached_word_count(article: Article) -> int | None:
    """The word count if ``word_count`` has computed it for this very article object, else None."""
    hit = _WORDS.get(id(article))
    return hit[1] if hit is not None and hit[0]() is article else None


def word_count(article: Article) -> int:
    """``Article.word_count`` (tokens holding a letter or digit), about three times faster and
    computed once per article object: the outlets list asks for all of them after every change."""
    n = cached_word_count(article)
    if n is not None:
        return n
    n = sum(map(bool, map(_ALNUM.search, map(_TEXT, article.tokens))))
    key = id(article)
    # Held weakly: the entry goes when the article does (an id is reused only after that).
    _WORDS[key] = (weakref.ref(article, lambda _, key=key: _WORDS.pop(key, None)), n)
    return n


@dataclass(frozen=True)
class MetricTable:
    """Every declared metric that at least one article has, in the vocabulary's order (the named
    metrics, then the members of each family), and each article's values by metric key."""
    rows: tuple[Metric, ...]
    values: Mapping[str, Mapping[str, float]]     # article id -> metric key -> value

    def value(self, article_id: str, metric: Metric) -> float | None:
        return self.values.get(article_id, {}).get(metric.key)


EMPTY_TABLE = MetricTable((), {})


def metric_table(metrics: Mapping[str, Mapping[str, Any]]) -> MetricTable:
    """The table of ``Comparison.metrics`` (article id -> metric groups), read by declared metric."""
    rows: dict[str, Metric] = {}
    values: dict[str, dict[str, float]] = {}
    for aid, groups in metrics.items():
        found = values.setdefault(aid, {})
        for metric in vocab.METRICS + (vocab.LOADED,):
            number = vocab.value(groups, metric)
            if number is not None:
                found[metric.key] = number
                rows.setdefault(metric.key, metric)
    # Family members after the named metrics, in first-seen order within each family.
    for fam in vocab.FAMILIES:
        for aid, groups in metrics.items():
            for metric in vocab.family_members(groups, fam):
                number = vocab.value(groups, metric)
                if number is not None:
                    values[aid][metric.key] = number
                    rows.setdefault(metric.key, metric)
    order = {m.key: n for n, m in enumerate(vocab.METRICS)}
    named = sorted((m for m in rows.values() if m.key in order), key=lambda m: order[m.key])
    rest = [m for m in rows.values() if m.key not in order]
    return MetricTable(tuple(named + rest), values)


def prepare(comparison: Comparison) -> dict:
    """Look-up tables derived from a Comparison (word counts, omission ranks, the metrics table),
    built once per Comparison, normally off the GUI thread right after the analysis."""
    key = id(comparison.omissions)      # shared by renamed/reordered copies of the same result
    cached = _PREPARED.get(key)
    if cached is None or cached["omissions"] is not comparison.omissions:
        import analysis.signals.worddiff  # noqa: F401  the side-by-side view's word diff, loaded here
        cached = {"words": {a.id: word_count(a) for a in comparison.articles},
                  "omitted": {(o.fact, o.article): o.rank for o in comparison.omissions},
                  "omissions": comparison.omissions,
                  "metrics": comparison.metrics,
                  "table": metric_table(comparison.metrics)}
        if len(_PREPARED) > KEEP:        # keep a few: old results are dropped with their tables
            _PREPARED.pop(next(iter(_PREPARED)))
        _PREPARED[key] = cached
    return cached


def metrics_of(comparison: Comparison | None) -> MetricTable:
    """The metrics table of ``comparison`` (empty without one)."""
    if comparison is None:
        return EMPTY_TABLE
    tables = prepare(comparison)
    if tables["metrics"] is not comparison.metrics:     # a patched copy with other metrics
        return metric_table(comparison.metrics)
    return tables["table"]
