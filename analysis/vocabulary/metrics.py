"""Every per-article metric key (``Comparison.metrics[article][group]``), typed, with its label and unit.

A ``Metric`` is one number at a dotted ``path`` inside a ``group`` ("tone", "rates_per_1k.loaded").  A
``MetricFamily`` is a set of numbers under one parent whose children depend on the text (the lexicon
categories, the frames, the actors): ``frames.<frame>``.  The window's metrics table, the report's
tables and the charts read values with ``value(metrics, metric)`` and never guess a key.  Definitions
are in docs/METRICS.md; a test fails when the signals emit a number that is not declared here.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Mapping


@dataclass(frozen=True)
class Metric:
    group: str          # "readability", "sentiment" or "tone"
    path: str           # dotted key inside the group: "flesch_kincaid_grade", "passive.per_1k"
    label: str          # for editors
    unit: str           # "grade", "score", "share", "per 1,000 words", "count", "compound", "words"
    domain: tuple[float, float] | None = None   # fixed chart range, when the scale has one

    @property
    def key(self) -> str:
        """``group.path``: the name in flattened tables and in the JSON docs."""
        return f"{self.group}.{self.path}"

    @property
    def is_share(self) -> bool:
        return self.unit == "share"

    @property
    def is_count(self) -> bool:
        """Shown as a whole number ("3", not "3.00")."""
        return self.unit == "count"


@dataclass(frozen=True)
class MetricFamily:
    group: str
    parent: str         # dotted key of the mapping whose children are the family's numbers
    label: str          # with ``{}`` for the child's name: "{} per 1,000 words"
    unit: str
    detail: bool = False    # breakdowns for the inspector and the full report, not the main table

    def metric(self, child: str) -> Metric:
        name = child.replace("_", " ")
        return Metric(self.group, f"{self.parent}.{child}", self.label.format(name[:1].upper() + name[1:]),
                      self.unit)


def _m(group: str, path: str, label: str, unit: str, domain=None) -> Metric:
    return Metric(group, path, label, unit, domain)


READABILITY = (
    _m("readability", "flesch_reading_ease", "Flesch reading ease", "score"),
    _m("readability", "flesch_kincaid_grade", "Flesch-Kincaid grade", "grade"),
    _m("readability", "gunning_fog", "Gunning fog", "grade"),
    _m("readability", "smog", "SMOG", "grade"),
    _m("readability", "coleman_liau", "Coleman-Liau", "grade"),
    _m("readability", "ari", "ARI", "grade"),
    _m("readability", "dale_chall", "Dale-Chall", "score"),
    _m("readability", "mean_sentence_words", "Words per sentence", "words"),
    _m("readability", "sentence_words_stdev", "Sentence length spread", "words"),
    _m("readability", "syllables_per_word", "Syllables per word", "syllables"),
    _m("readability", "complex_word_share", "Complex words", "share"),
    _m("readability", "unfamiliar_word_share", "Unfamiliar words", "share"),
    _m("readability", "words", "Words", "count"),
    _m("readability", "sentences", "Sentences", "count"),
)
SENTIMENT_METRICS = (
    _m("sentiment", "sentences", "Sentences scored", "count"),
    _m("sentiment", "compound_mean", "Mean sentiment (VADER compound)", "compound", (-1.0, 1.0)),
    _m("sentiment", "compound_stdev", "Sentiment spread", "compound"),
    _m("sentiment", "share_negative", "Negative sentences", "share"),
    _m("sentiment", "share_neutral", "Neutral sentences", "share"),
    _m("sentiment", "share_positive", "Positive sentences", "share"),
    _m("sentiment", "pos_mean", "Mean positive", "share"),
    _m("sentiment", "neg_mean", "Mean negative", "share"),
)
TONE = (
    _m("tone", "words", "Words", "count"),
    _m("tone", "own_words", "Words outside quotes", "count"),
    _m("tone", "quote_share", "Words in direct quotes", "share"),
    _m("tone", "reported_share", "Words in reported speech", "share"),
    _m("tone", "unnamed_quotes", "Quotes from unnamed sources", "count"),
    _m("tone", "unnamed_share", "Attributed words from unnamed sources", "share"),
    _m("tone", "frame_cues", "Frame cues", "count"),
    _m("tone", "frame_cues_per_1k", "Frame cues per 1,000 words", "per 1,000 words"),
    _m("tone", "passive.count", "Passives", "count"),
    _m("tone", "passive.agentless", "Passives without agent", "count"),
    _m("tone", "passive.per_1k", "Passives per 1,000 words", "per 1,000 words"),
    _m("tone", "passive.agentless_per_1k", "Agentless passives per 1,000 words", "per 1,000 words"),
    _m("tone", "passive.sentence_share", "Sentences with a passive", "share"),
    _m("tone", "passive.agentless_share", "Passives without agent (share)", "share"),
    _m("tone", "word_choice.count", "Loaded word choices", "count"),
    _m("tone", "word_choice.per_1k", "Loaded word choices per 1,000 words", "per 1,000 words"),
)
FAMILIES = (
    MetricFamily("tone", "rates_per_1k", "{} per 1,000 words", "per 1,000 words"),
    MetricFamily("tone", "own_rates_per_1k", "{} per 1,000 own words", "per 1,000 words"),
    MetricFamily("tone", "counts", "{} (count)", "count", detail=True),
    MetricFamily("tone", "attribution_counts", "“{}” attributions (count)", "count", detail=True),
    MetricFamily("tone", "attribution_per_1k", "“{}” attributions per 1,000 words", "per 1,000 words"),
    MetricFamily("tone", "frames", "{} frame (share of cues)", "share", detail=True),
    MetricFamily("tone", "labels.loaded", "Loaded words: {}", "count", detail=True),
    MetricFamily("tone", "labels.hedges", "Hedges: {}", "count", detail=True),
    MetricFamily("tone", "labels.boosters", "Boosters: {}", "count", detail=True),
    MetricFamily("tone", "labels.intensifiers", "Intensifiers: {}", "count", detail=True),
    MetricFamily("tone", "labels.modals", "Modals: {}", "count", detail=True),
    MetricFamily("sentiment", "toward", "Toward {}", "compound", detail=True),
)
METRICS: tuple[Metric, ...] = READABILITY + SENTIMENT_METRICS + TONE
BY_KEY: dict[str, Metric] = {m.key: m for m in METRICS}

# The metrics the Overview charts and the report's summary show.
GRADE = BY_KEY["readability.flesch_kincaid_grade"]
EASE = BY_KEY["readability.flesch_reading_ease"]
SENTIMENT = BY_KEY["sentiment.compound_mean"]
LOADED = Metric("tone", "rates_per_1k.loaded", "Loaded words per 1,000 words", "per 1,000 words")
QUOTED = BY_KEY["tone.quote_share"]
CHARTS = (GRADE, SENTIMENT, LOADED, QUOTED)


def _at(values: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(values, Mapping):
            return None
        values = values.get(part)
    return values


def scalar(value: Any) -> float | None:
    """A finite number as float, else None (booleans, text, NaN are not metric values)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return None if isinstance(value, float) and (math.isnan(value) or math.isinf(value)) else float(value)


def value(article_metrics: Mapping[str, Any] | None, metric: Metric) -> float | None:
    """The number of ``metric`` in one article's metric groups, or None when absent."""
    return scalar(_at((article_metrics or {}).get(metric.group), metric.path))


def family_members(article_metrics: Mapping[str, Any] | None, fam: MetricFamily) -> list[Metric]:
    """The family's metrics present in one article (children with a number, in their order)."""
    parent = _at((article_metrics or {}).get(fam.group), fam.parent)
    if not isinstance(parent, Mapping):
        return []
    out = []
    for child, v in parent.items():
        if scalar(v) is not None:
            out.append(fam.metric(str(child)))
        elif isinstance(v, Mapping) and fam.parent == "toward":
            out.append(Metric(fam.group, f"toward.{child}.compound_mean", fam.label.format(child), fam.unit))
    return out


def declared(metric_key: str) -> bool:
    """Whether a flattened ``group.path`` key is a declared metric or a member of a declared family."""
    if metric_key in BY_KEY or metric_key == LOADED.key:
        return True
    group, _, path = metric_key.partition(".")
    for fam in FAMILIES:
        if fam.group == group and path.startswith(fam.parent + "."):
            child = path[len(fam.parent) + 1:]
            return "." not in child or fam.parent == "toward"
    return False
