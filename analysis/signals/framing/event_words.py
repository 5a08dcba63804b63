"""What the event itself calls for: the words and sense classes most of its outlets use (for wording.py).

A word whose family most outlets use ("collapsed" in an earthquake story) or a word of a sense class
(``senses`` lexicon) that most outlets express is the event's vocabulary, not one outlet's framing.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Sequence

from analysis.constants import (
    EVENT_SENSE_MIN_OUTLETS,
    EVENT_SENSE_MIN_SHARE,
    EVENT_VOCABULARY_MIN_OUTLETS,
    EVENT_VOCABULARY_MIN_SHARE,
)
from analysis.lexicons import load_lexicon
from analysis.model import Article
from analysis.signals.framing.uses import CACHE_MAX, article_uses, family


@lru_cache(maxsize=1)
def _sense_classes() -> dict[str, frozenset[str]]:
    """Family (lemma, or a fixed phrase) -> its sense classes, from the ``senses`` lexicon."""
    out: dict[str, frozenset[str]] = {}
    for term, label in load_lexicon("senses").entries.items():
        out[family(term) if " " not in term else term] = frozenset(label.split(","))
    return out


def senses_of(families: frozenset[str] | set[str]) -> frozenset[str]:
    """The sense classes expressed by any of ``families``."""
    table = _sense_classes()
    return frozenset(c for f in families for c in table.get(f, ()))


_SENSES: dict[tuple[str, str], frozenset[str]] = {}


def article_senses(article: Article) -> frozenset[str]:
    """The sense classes an article expresses anywhere (its words' lemmas and the lexicon's fixed
    phrases, quotes included); cached per text."""
    key = (article.id, article.digest)
    if key not in _SENSES:
        if len(_SENSES) >= CACHE_MAX:
            _SENSES.clear()
        phrases = {term for _, _, term, _ in load_lexicon("senses").find(article.text) if " " in term}
        _SENSES[key] = senses_of(set(article_uses(article)[1]) | phrases)
    return _SENSES[key]


def event_senses(articles: Sequence[Article]) -> frozenset[str]:
    """Sense classes expressed by at least EVENT_SENSE_MIN_SHARE of the outlets (and at least
    EVENT_SENSE_MIN_OUTLETS of them): what the event itself calls for."""
    counts: dict[str, int] = defaultdict(int)
    for a in articles:
        for c in article_senses(a):
            counts[c] += 1
    need = max(EVENT_SENSE_MIN_OUTLETS, EVENT_SENSE_MIN_SHARE * len(articles))
    return frozenset(c for c, n in counts.items() if n >= need)


def event_vocabulary(articles: Sequence[Article]) -> frozenset[str]:
    """Families used by at least EVENT_VOCABULARY_MIN_SHARE of the outlets (and at least
    EVENT_VOCABULARY_MIN_OUTLETS of them), or by EVENT_SENSE_MIN_SHARE and EVENT_SENSE_MIN_OUTLETS as
    for a sense class: the event's own words."""
    counts: dict[str, int] = defaultdict(int)
    for a in articles:
        for fam in article_uses(a)[1]:
            counts[fam] += 1
    # either share: three of five outlets make a word the event's, as they do a sense class
    need = min(max(EVENT_VOCABULARY_MIN_OUTLETS, EVENT_VOCABULARY_MIN_SHARE * len(articles)),
               max(EVENT_SENSE_MIN_OUTLETS, EVENT_SENSE_MIN_SHARE * len(articles)))
    return frozenset(f for f, n in counts.items() if n >= need)
