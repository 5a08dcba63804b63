"""Sentiment with VADER (Hutto & Gilbert 2014): per sentence, per article, and toward main actors.

The analyzer is NLTK's ``SentimentIntensityAnalyzer`` loaded with the lexicon file that ships inside
the MIT-licensed ``vaderSentiment`` wheel (NLTK's own copy would need ``nltk.download``, which is not
reachable offline; DESIGN.md section 4).  It is built once per process (~0.5 s) and shared.

Scores are VADER's: ``compound`` in [-1, 1] (normalised sum of valences) and ``pos``/``neg``/``neu``
(shares of the sentence's valence mass, summing to 1).  A sentence is negative at compound <=
VADER_NEGATIVE_MAX and positive at >= VADER_POSITIVE_MIN (VADER's own recommended cut-offs).

VADER is an English lexicon: for a text that is not English the article metrics carry only a note.
"""
from __future__ import annotations

import os
import statistics
import threading
from functools import lru_cache
from typing import Mapping, Sequence

from analysis.constants import EXTREME_SENTENCES_SHOWN, VADER_NEGATIVE_MAX, VADER_POSITIVE_MIN
from analysis.model import Article, Sentence
from analysis.resources import package_file
from analysis.segment import nltk_parts
from analysis.signals.common import language_note, sentences_by_ids

_LOCK = threading.Lock()    # VADER's analyzer is not documented as thread-safe; scoring is cheap


@lru_cache(maxsize=1)
def analyzer():
    """The shared VADER analyzer, loaded offline from the vaderSentiment package's lexicon."""
    lexicon = package_file("vaderSentiment", "vader_lexicon.txt")    # found, not imported
    if lexicon is None:
        raise ModuleNotFoundError("vaderSentiment is not installed (its lexicon is needed)")
    folder = os.path.dirname(lexicon)
    data_path = nltk_parts.nltk_data_path()
    if folder not in data_path:
        data_path.append(folder)           # NLTK only opens "file:" paths under nltk.data.path
    _speed_up_sentitext()
    vader = nltk_parts.vader()
    return vader.SentimentIntensityAnalyzer(lexicon_file="file:" + lexicon)


def _speed_up_sentitext() -> None:
    """Give NLTK's ``SentiText`` a faster ``_words_and_emoticons`` with exactly the same result.

    NLTK builds, for every sentence, a dict of every word glued to every one of its 17 punctuation
    marks, before and after (``_words_plus_punc``), only to look each token up in it: about half of
    VADER's time.  The same answer comes from testing each token's own ends: "w" + mark maps to "w"
    (these entries win in NLTK's dict, being added last), else mark + "w" maps to "w", where "w" is
    a word of the text with punctuation removed.  ``tests/analysis/test_sentiment.py`` checks the two
    agree on every seed sentence and on punctuation-heavy text.
    """
    SentiText = nltk_parts.vader().SentiText
    if getattr(SentiText, "_parallax_fast", False):
        return
    SentiText._nltk_words_and_emoticons = SentiText._words_and_emoticons
    SentiText._words_and_emoticons = _words_and_emoticons
    SentiText._parallax_fast = True


def _words_and_emoticons(self) -> list[str]:
    words_only = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
    marks = set("".join(self.PUNC_LIST))
    out = []
    for we in self.text.split():
        if len(we) <= 1:
            continue
        if we[0] not in marks and we[-1] not in marks:      # no mark can start or end it
            out.append(we)
            continue
        bare = next((we[:-len(p)] for p in self.PUNC_LIST
                     if we.endswith(p) and we[:-len(p)] in words_only), None)
        if bare is None:
            bare = next((we[len(p):] for p in self.PUNC_LIST
                         if we.startswith(p) and we[len(p):] in words_only), None)
        out.append(we if bare is None else bare)
    return out


@lru_cache(maxsize=20_000)
def score_text(text: str) -> dict[str, float]:
    """VADER scores of one text: {"compound", "pos", "neg", "neu"} (all 0 for an empty text)."""
    with _LOCK:
        raw = analyzer().polarity_scores(text)
    return {k: float(raw[k]) for k in ("compound", "pos", "neg", "neu")}


def sentence_scores(article: Article, sentence_ids: Sequence[str] | None = None
                    ) -> list[tuple[Sentence, dict[str, float]]]:
    """(sentence, VADER scores) for each sentence with words, in text order."""
    return [(s, score_text(s.text)) for s in sentences_by_ids(article, sentence_ids)
            if any(c.isalnum() for c in s.text)]


def _polarity(compound: float) -> str:
    if compound <= VADER_NEGATIVE_MAX:
        return "negative"
    return "positive" if compound >= VADER_POSITIVE_MIN else "neutral"


def summarise(scored: Sequence[tuple[Sentence, Mapping[str, float]]]) -> dict:
    """Mean, spread and polarity shares of scored sentences; {} when there are none."""
    if not scored:
        return {}
    compounds = [sc["compound"] for _, sc in scored]
    polarities = [_polarity(c) for c in compounds]
    n = len(scored)
    ranked = sorted(scored, key=lambda p: (p[1]["compound"], p[0].index))
    return {
        "sentences": n,
        "compound_mean": round(statistics.fmean(compounds), 4),
        "compound_stdev": round(statistics.pstdev(compounds), 4),
        "share_negative": round(polarities.count("negative") / n, 4),
        "share_neutral": round(polarities.count("neutral") / n, 4),
        "share_positive": round(polarities.count("positive") / n, 4),
        "pos_mean": round(statistics.fmean(sc["pos"] for _, sc in scored), 4),
        "neg_mean": round(statistics.fmean(sc["neg"] for _, sc in scored), 4),
        "most_negative": [_brief(s, sc) for s, sc in ranked[:EXTREME_SENTENCES_SHOWN]
                          if sc["compound"] <= VADER_NEGATIVE_MAX],
        "most_positive": [_brief(s, sc) for s, sc in reversed(ranked[-EXTREME_SENTENCES_SHOWN:])
                          if sc["compound"] >= VADER_POSITIVE_MIN],
    }


def _brief(sentence: Sentence, scores: Mapping[str, float]) -> dict:
    return {"sentence": sentence.id, "compound": round(scores["compound"], 4)}


def article_sentiment(article: Article, actors: Mapping[str, Sequence[str]] | None = None,
                      sentence_ids: Sequence[str] | None = None) -> dict:
    """Sentiment metrics of an article (or of some of its sentences), JSON-able.

    ``actors`` maps an actor's display name to the ids of the article's sentences that mention it
    (see ``analysis.signals.actors``); each gets the mean compound of those sentences.  Empty dict
    for an article without words; only ``note`` for a text that is not English.
    """
    scored = sentence_scores(article, sentence_ids)
    if not scored:
        return {}
    note = language_note(article)
    if note:
        return {"sentences": len(scored), "note": note}
    out = summarise(scored)
    out["by_sentence"] = {s.id: {k: round(v, 4) for k, v in sc.items()} for s, sc in scored}
    if actors is not None:
        out["toward"] = actor_sentiment(scored, actors)
    return out


def actor_sentiment(scored: Sequence[tuple[Sentence, Mapping[str, float]]],
                    actors: Mapping[str, Sequence[str]]) -> dict:
    """Actor -> {"mentions": sentences, "compound_mean"}; actors never mentioned are left out."""
    by_id = {s.id: sc for s, sc in scored}
    out = {}
    for actor, sentence_ids in actors.items():
        values = [by_id[i]["compound"] for i in sentence_ids if i in by_id]
        if values:
            out[actor] = {"sentences": len(values), "compound_mean": round(statistics.fmean(values), 4)}
    return out
