"""Do two claims report the same fact?  A probability from what a careful editor compares.

``similarity`` grades how close two sentences' meanings are (fitted on STS-B).  Here the question is
a yes/no one, asked of two claims of different outlets: same fact or not.  The features are what an
editor checks (``FEATURES``), each a number computed from the two claims' ``SentenceFeatures``:

* **what is said** — embedding cosines (whole claim, content words), IDF-weighted stem overlap, and a
  soft word alignment: the IDF-weighted share of each side's content words that have a close word
  (embedding cosine) on the other side, for the better-covered and the worse-covered side;
* **in the same words** — shared word n-grams (1 to 3, stems), for the closer and the farther side;
* **did what** — the predicates: verbs of both claims reduced to their lemma ("met"/"meets" -> meet),
  the share of the smaller side's verbs the other side has; and, apart from the fit, a clash of
  contrary actions ("signed" / "vetoed", lexicon contrast_verbs: ``action_clash``) that vetoes a
  link outright;
* **who, to whom** — agreement of canonical entities, and whether each side names entities the other
  lacks;
* **when, how many** — agreement of quantities and dates; a clash (different sums of one kind,
  different days) counts against;
* **how much more one says** — content words that only one side has (IDF-weighted), for the side
  with less and the side with more, and the ratio of the two lengths in words;
* **how alike on the page** — the character-level similarity of the two texts (Indel ratio).

``probability = sigmoid(SAME_FACT_BIAS + sum of SAME_FACT_WEIGHTS[f] * feature f)``: a logistic fit on
part of MRPC (news sentence pairs from different outlets labelled "same thing"), measured on the rest
(``python main.py bench facts --fit`` refits and prints the constants).
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz

from analysis.align.features import SentenceFeatures
from analysis.align.features.words import scan, stem
from analysis.constants import SAME_FACT_BIAS, SAME_FACT_CLOSE_WORD, SAME_FACT_WEIGHTS

FEATURES = ("cosine", "content", "overlap", "soft_high", "soft_low", "ngram1_high", "ngram1_low",
            "ngram2_high", "ngram2_low", "ngram3_high", "ngram3_low", "predicate", "entity",
            "entity_extra", "number", "date", "extra_low", "extra_high", "length_ratio", "characters")


def probability(fa: SentenceFeatures, fb: SentenceFeatures, idf: Mapping[str, float]) -> float:
    """0-1: how likely the two claims report the same fact."""
    return float(probabilities([(fa, fb)], idf)[0])


def probabilities(pairs: Sequence[tuple[SentenceFeatures, SentenceFeatures]],
                  idf: Mapping[str, float]) -> np.ndarray:
    """``probability`` of many pairs (one feature matrix, one matrix product)."""
    if not pairs:
        return np.zeros(0, dtype=np.float64)
    return logistic(feature_matrix(pairs, idf), SAME_FACT_WEIGHTS, SAME_FACT_BIAS)


def logistic(x: np.ndarray, weights: Mapping[str, float], bias: float) -> np.ndarray:
    w = np.array([weights[name] for name in FEATURES], dtype=np.float64)
    return 1.0 / (1.0 + np.exp(-(x @ w + bias)))


def feature_matrix(pairs: Sequence[tuple[SentenceFeatures, SentenceFeatures]],
                   idf: Mapping[str, float]) -> np.ndarray:
    """One row of ``FEATURES`` per pair."""
    default = getattr(idf, "default", 1.0)
    out = np.zeros((len(pairs), len(FEATURES)), dtype=np.float64)
    for i, (fa, fb) in enumerate(pairs):
        out[i] = pair_features(fa, fb, idf, default)
    return out


def pair_features(fa: SentenceFeatures, fb: SentenceFeatures, idf: Mapping[str, float],
                  default: float | None = None) -> list[float]:
    """The values of ``FEATURES`` for one pair, in that order."""
    from analysis.align.similarity import entity_agreement, number_agreement  # the shared components

    default = getattr(idf, "default", 1.0) if default is None else default
    weight = lambda s: idf.get(s, default)   # noqa: E731
    cosine = max(0.0, float(np.dot(fa.vector, fb.vector)))
    ca = fa.content_vector if fa.content_vector is not None else fa.vector
    cb = fb.content_vector if fb.content_vector is not None else fb.vector
    content = max(0.0, float(np.dot(ca, cb)))
    sa, sb = set(fa.stems), set(fb.stems)
    wa, wb = sum(weight(s) for s in sa), sum(weight(s) for s in sb)
    shared = sum(weight(s) for s in sa & sb)
    overlap = 2.0 * shared / (wa + wb) if wa + wb else 0.0
    soft_a, soft_b = _soft_coverage(fa, fb, weight), _soft_coverage(fb, fa, weight)
    grams = []
    ta, tb = _stem_tokens(fa.text), _stem_tokens(fb.text)
    for n in (1, 2, 3):
        ga, gb = _ngrams(ta, n), _ngrams(tb, n)
        common = len(ga & gb)
        pa, pb = (common / len(ga) if ga else 0.0), (common / len(gb) if gb else 0.0)
        grams += [max(pa, pb), min(pa, pb)]
    extra_a, extra_b = wa - shared, wb - shared
    length_ratio = min(len(ta), len(tb)) / max(len(ta), len(tb), 1)
    return [cosine, content, overlap, max(soft_a, soft_b), min(soft_a, soft_b), *grams,
            predicate_agreement(fa, fb), entity_agreement(fa.entities, fb.entities),
            float(bool(fa.entities ^ fb.entities)), number_agreement(fa.numbers, fb.numbers),
            date_agreement(fa.dates, fb.dates),
            math.log1p(min(extra_a, extra_b)), math.log1p(max(extra_a, extra_b)), length_ratio,
            fuzz.ratio(fa.text, fb.text) / 100.0]


def _soft_coverage(fa: SentenceFeatures, fb: SentenceFeatures, weight) -> float:
    """IDF-weighted share of ``fa``'s content words with a word on ``fb``'s side at least
    SAME_FACT_CLOSE_WORD close (embedding cosine; the same word is 1)."""
    if fa.word_vectors is None or fb.word_vectors is None or not len(fa.content) or not len(fb.content):
        return 0.0
    best = (fa.word_vectors @ fb.word_vectors.T).max(axis=1)
    w = np.array([weight(stem(x)) for x in fa.content])
    close = np.clip((best - SAME_FACT_CLOSE_WORD) / (1.0 - SAME_FACT_CLOSE_WORD), 0.0, 1.0)
    return float((close * w).sum() / w.sum())


@lru_cache(maxsize=50_000)
def _stem_tokens(text: str) -> tuple[str, ...]:
    return tuple(stem(w.lower()) for w, _, _ in scan(text))


@lru_cache(maxsize=150_000)
def _ngrams(tokens: tuple[str, ...], n: int) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def predicate_agreement(fa: SentenceFeatures, fb: SentenceFeatures) -> float:
    """Share of the smaller side's verb lemmas that the other side has (0 when a side has none)."""
    va, vb = predicates(fa.text), predicates(fb.text)
    if not va or not vb:
        return 0.0
    small, large = (va, vb) if len(va) <= len(vb) else (vb, va)
    return len(small & large) / len(small)


@lru_cache(maxsize=50_000)
def predicates(text: str) -> frozenset[str]:
    """Lemmas of the content verbs of ``text`` ("met", "meeting" -> "meet"; auxiliaries left out)."""
    from analysis.align.claims import AUXILIARIES, is_finite_verb, is_participle
    out = set()
    for word, _, _ in scan(text):
        low = word.lower()
        if low in AUXILIARIES or not word.islower():
            continue
        if is_finite_verb(word) or is_participle(word):
            out.add(verb_lemma(low))
    return frozenset(out)


@lru_cache(maxsize=50_000)
def verb_lemma(word: str) -> str:
    from lemminflect import getAllLemmas
    lemmas = getAllLemmas(word).get("VERB", ())
    return lemmas[0] if lemmas else word


@lru_cache(maxsize=1)
def _contrasts() -> frozenset[frozenset[str]]:
    from analysis.lexicons import load_lexicon
    return frozenset(frozenset(term.split()) for term in load_lexicon("contrast_verbs").entries)


def action_clash(fa: SentenceFeatures, fb: SentenceFeatures) -> bool:
    """Whether the two claims report contrary actions ("signed" / "vetoed", "won" / "lost"):
    one side's verb and the other's form a pair of the contrast_verbs lexicon, and the contrary
    verb is not also on the first side.  Two such claims are two facts, whatever names they share."""
    va, vb = predicates(fa.text), predicates(fb.text)
    pairs = _contrasts()
    return any(frozenset((x, y)) in pairs and y not in va and x not in vb for x in va for y in vb)


def date_agreement(a: frozenset[str], b: frozenset[str]) -> float:
    """1 when the two sides share a date, -1 when both give dates and share none, else 0."""
    if not a or not b:
        return 0.0
    return 1.0 if a & b else -1.0


__all__ = ["FEATURES", "action_clash", "date_agreement", "feature_matrix", "logistic", "pair_features",
           "predicate_agreement", "predicates", "probabilities", "probability"]
