"""Per-article (and per-fact) metric groups, exactly as they go into the JSON contract.

``article_metrics(article)`` returns ``{"readability": {...}, "sentiment": {...}, "tone": {...}}``:
the value of ``articles[].metrics`` in ``parallax.comparison/2`` (DESIGN.md section 5).  Every key is
documented in docs/METRICS.md.  Values are plain JSON (dicts, lists, str, int, float, None).  A metric
that cannot be computed is absent, never 0: an empty article gives three empty groups; a text that is
not English gives only language-free counts and a ``note`` in each group.

``comparison_metrics(articles)`` does the same for every article with sentiment "toward" the
comparison's main actors (the same actors for every outlet, so their rows compare); the single-article
call scores the article's own most-mentioned actors instead.
"""
from __future__ import annotations

from typing import Mapping, Sequence

from analysis.model import Article, Fact, Quote
from analysis.signals.actors import Actors, comparison_mentions, main_actors
from analysis.signals.readability import readability
from analysis.signals.sentiment import article_sentiment, sentence_scores, summarise
from analysis.signals.tone import tone
from analysis.signals.voices import find_quotes

# Keys of the per-fact view: the few numbers that make sense for one or two sentences.
FACT_TONE_KEYS = ("words", "quote_share", "rates_per_1k", "attribution_counts", "passive")
FACT_READABILITY_KEYS = ("words", "flesch_kincaid_grade", "flesch_reading_ease", "mean_sentence_words")


def article_metrics(article: Article, actors: Mapping[str, Sequence[str]] | None = None,
                    quotes: Sequence[Quote] | None = None) -> dict:
    """The three metric groups of one article.

    ``actors``: display name -> ids of this article's sentences mentioning the actor (from
    ``main_actors``); when None, the article's own most-mentioned entities are used.
    ``quotes``: this article's quotes (``find_quotes``), computed when None.
    """
    if not article.sentences:
        return {"readability": {}, "sentiment": {}, "tone": {}}
    if actors is None:
        actors = main_actors([article]).sentences.get(article.id, {})
    if quotes is None:
        quotes = find_quotes(article)
    return {"readability": readability(article),
            "sentiment": article_sentiment(article, actors),
            "tone": tone(article, quotes=quotes)}


def comparison_metrics(articles: Sequence[Article], quotes: Sequence[Quote] | None = None,
                       actors: Actors | None = None) -> dict[str, dict]:
    """article id -> metric groups, with sentiment toward the comparison's main actors."""
    if actors is None:
        actors = main_actors(articles, mentions=comparison_mentions(articles))
    out = {}
    for a in articles:
        mine = [q for q in quotes if q.article == a.id] if quotes is not None else None
        out[a.id] = article_metrics(a, actors.sentences.get(a.id, {}), mine)
    return out


def fact_metrics(fact: Fact, articles: Mapping[str, Article] | Sequence[Article]) -> dict[str, dict]:
    """article id -> {"sentiment", "tone", "readability"} over that article's sentences of the fact."""
    by_id = articles if isinstance(articles, Mapping) else {a.id: a for a in articles}
    out = {}
    for member in fact.members:
        article = by_id.get(member.article)
        if article is None:
            continue
        ids = list(member.sentences)
        sent = summarise(sentence_scores(article, ids))
        sent.pop("most_negative", None)
        sent.pop("most_positive", None)
        full_tone = tone(article, ids)
        full_read = readability(article, ids)
        out[member.article] = {
            "sentiment": sent,
            "tone": {k: full_tone[k] for k in FACT_TONE_KEYS if k in full_tone},
            "readability": {k: full_read[k] for k in FACT_READABILITY_KEYS if k in full_read},
        }
    return out
