"""What one article says about its event, read from that article alone (never from the others).

The same-event score of two articles must not change when a third is added, so nothing here looks at
the other inputs: not the corpus IDF, not the corpus-wide entity resolution of the feature stage.
Rarity comes from a fixed background instead, ``wordfreq``'s frequency of a word in general English
(``background_weight``): "Obama" and "Washington" are common there, "Sestak" and "Kristol" are rare,
so sharing "Sestak" says much more about the event than sharing "Obama".

A profile holds, per article:

* ``words`` and ``lede``: content-word stems of the whole text and of the title and first sentences,
  weighted by ``1 + log(count)`` times their background weight (vectors for a cosine);
* ``entities``: named entities found in the article alone, a person counted by surname ("Barack
  Obama" and "Obama" are one key), each with its background weight and display name;
* ``shingles``: runs of ``EVENT_SHINGLE_WORDS`` content stems inside one sentence (a quote or agency
  sentence two outlets share verbatim or nearly);
* ``numbers`` (specific quantities: a count, a sum, a share, not "two") and ``dates`` (day and month);
* ``offices``: office holders ("Germany's chancellor Olaf Scholz"), for conflicts;
* ``vector``: the mean sentence embedding (the model's vectors do not depend on the corpus).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

import numpy as np

from analysis.align.features.entities import (
    CANONICAL_PLACES,
    CorpusVocabulary,
    EntityResolver,
    sentence_mentions,
)
from analysis.align.features.words import content_words, stem
from analysis.constants import (
    EVENT_BACKGROUND_MAX_ZIPF,
    EVENT_LEDE_SENTENCES,
    EVENT_MIN_NUMBER,
    EVENT_SHINGLE_WORDS,
)
from analysis.events.offices import office_holders
from analysis.model import Article


@dataclass(frozen=True)
class Profile:
    """The event evidence of one article (see the module docstring)."""
    article: str
    outlet: str
    title: str
    date: str | None
    words: Mapping[str, float]
    lede: Mapping[str, float]
    entities: Mapping[str, float]           # key -> background weight
    names: Mapping[str, str]                # key -> the fullest name the article gives
    shingles: frozenset[int]
    numbers: Mapping[tuple[float, str], str]  # (value, unit) -> the text as written
    dates: Mapping[str, str]                # date key -> the text as written
    offices: Mapping[str, str]              # office -> person key
    vector: np.ndarray


@lru_cache(maxsize=100_000)
def background_weight(text: str) -> float:
    """How rare ``text`` is in general English: ``EVENT_BACKGROUND_MAX_ZIPF`` minus its Zipf
    frequency (0 for the commonest words; a word wordfreq never saw gets the maximum)."""
    from wordfreq import zipf_frequency
    return max(0.0, EVENT_BACKGROUND_MAX_ZIPF - zipf_frequency(text, "en"))


def _weighted_stems(texts: Sequence[str]) -> dict[str, float]:
    counts: dict[str, int] = {}
    form: dict[str, str] = {}
    for text in texts:
        for w in content_words(text):
            if not w.isalpha():
                continue
            s = stem(w)
            counts[s] = counts.get(s, 0) + 1
            form.setdefault(s, w)
    return {s: (1 + math.log(c)) * background_weight(form[s]) for s, c in counts.items()}


def _shingles(texts: Sequence[str]) -> frozenset[int]:
    out: set[int] = set()
    n = EVENT_SHINGLE_WORDS
    for text in texts:
        stems = [stem(w) for w in content_words(text)]
        out.update(hash(tuple(stems[i:i + n])) for i in range(len(stems) - n + 1))
    return frozenset(out)


class _Mentions:
    """Stand-in for the feature stage's per-sentence record, as ``office_holders`` reads it."""
    __slots__ = ("index", "entity_spans")

    def __init__(self, index: int, entity_spans):
        self.index, self.entity_spans = index, entity_spans


def _entity_key(key: str) -> str:
    """A person by surname ("barack obama" -> "obama"); places and organisations whole."""
    parts = key.split()
    if 2 <= len(parts) <= 3 and key not in CANONICAL_PLACES and all(p.isalpha() for p in parts):
        return parts[-1]
    return key


def _entities(article: Article) -> tuple[dict[str, float], dict[str, str], list[_Mentions]]:
    vocab = CorpusVocabulary()
    texts = [article.title] + [s.text for s in article.sentences] if article.title else \
        [s.text for s in article.sentences]
    for t in texts:
        vocab.add(t)
    raw = [sentence_mentions(s.text, s.start, vocab) for s in article.sentences]
    resolver = EntityResolver(k for ms in raw for k, _, _ in ms)
    spans = [_Mentions(i, tuple(r for k, s, e in ms for r in resolver.resolve(k, s, e)))
             for i, ms in enumerate(raw)]
    weights: dict[str, float] = {}
    names: dict[str, str] = {}
    for m in spans:
        for key, start, end in m.entity_spans:
            k = _entity_key(key)
            weights[k] = background_weight(k)
            shown = article.text[start:end]
            if len(shown) > len(names.get(k, "")):
                names[k] = shown
    return weights, names, spans


def _numbers(features: Sequence) -> dict[tuple[float, str], str]:
    out: dict[tuple[float, str], str] = {}
    for f in features:
        for q in f.numbers:
            if q.unit in ("", "year", "fraction") and q.value < EVENT_MIN_NUMBER:
                continue            # "two", "three years", "half": said of every event
            out.setdefault((round(q.value, 6), q.unit), q.text)
    return out


def _dates(article: Article, features: Sequence) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in features:
        for key, start, end in f.date_spans:
            if key.count("-") >= 2:          # a day: "2010-07-02" or "--07-02"
                out.setdefault(key[-5:], article.text[start:end])
    return out


def profile(article: Article, features: Sequence) -> Profile:
    """The profile of one article; ``features``: its ``SentenceFeatures`` (vectors, numbers and
    dates there depend on the sentence alone)."""
    texts = [s.text for s in article.sentences]
    lede = ([article.title] if article.title else []) + texts[:EVENT_LEDE_SENTENCES]
    entities, names, mentions = _entities(article)
    vectors = [f.vector for f in features if f.vector is not None and np.any(f.vector)]
    mean = np.mean(vectors, axis=0) if vectors else np.zeros(256, dtype=np.float32)
    norm = float(np.linalg.norm(mean))
    return Profile(
        article=article.id, outlet=article.outlet, title=article.title, date=article.date,
        words=_weighted_stems(texts + ([article.title] if article.title else [])),
        lede=_weighted_stems(lede), entities=entities, names=names,
        shingles=_shingles(texts), numbers=_numbers(features), dates=_dates(article, features),
        offices=office_holders(article, mentions), vector=mean / norm if norm else mean)
