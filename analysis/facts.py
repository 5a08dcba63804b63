"""Turn sentence clusters into ``Fact`` records: stable ids, readable labels, narrative order.

A fact's id depends only on the text of its member sentences (sorted), so the same articles give the
same ids on every run.  Facts are ordered by where the outlets place them on average (relative
position in each article), so the fact grid reads like the story.
"""
from __future__ import annotations

from typing import Callable, Mapping, Sequence

from .constants import FACT_LABEL_MAX_CHARS
from .model import Article, Fact, FactMember, stable_id

Key = tuple[str, int]


def label_for(text: str, limit: int = FACT_LABEL_MAX_CHARS) -> str:
    """A one-line label: the sentence itself, cut at a word boundary with an ellipsis if long."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:—–-")
    return cut + "…"


def relative_position(article: Article, index: int) -> float:
    """0.0 for the first sentence of an article, 1.0 for the last."""
    n = len(article.sentences)
    return index / (n - 1) if n > 1 else 0.0


def _central(members: Sequence[Key], score: Callable[[Key, Key], float]) -> Key:
    """The member most similar, on average, to the others of other articles: the label's source."""
    def mean_sim(k: Key) -> float:
        others = [o for o in members if o[0] != k[0]]
        return sum(score(k, o) for o in others) / len(others) if others else 0.0
    return max(members, key=lambda k: (mean_sim(k), -k[1]))


def _cohesion(members: Sequence[Key], score: Callable[[Key, Key], float]) -> float:
    pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1:] if a[0] != b[0]]
    return round(sum(score(a, b) for a, b in pairs) / len(pairs), 3) if pairs else 1.0


def build_facts(clusters: Sequence[Sequence[Key]], articles: Mapping[str, Article],
                order: Sequence[str], score: Callable[[Key, Key], float]) -> list[Fact]:
    """Facts from clusters; ``order`` is the article order used for members."""
    facts = []
    for members in clusters:
        members = sorted(members, key=lambda k: (order.index(k[0]), k[1]))
        by_article: dict[str, list[int]] = {}
        for art, idx in members:
            by_article.setdefault(art, []).append(idx)
        fact_members = tuple(
            FactMember(art, tuple(articles[art].sentences[i].id for i in sorted(idxs)))
            for art, idxs in by_article.items())
        texts = sorted(articles[a].sentences[i].text for a, i in members)
        central = _central(members, score) if len(by_article) > 1 else members[0]
        label = label_for(articles[central[0]].sentences[central[1]].text)
        cohesion = _cohesion(members, score) if len(by_article) > 1 else 1.0
        facts.append(Fact(stable_id("f", *texts), label, fact_members, cohesion))
    return sorted(facts, key=lambda f: _story_position(f, articles))


def _story_position(fact: Fact, articles: Mapping[str, Article]) -> tuple[float, str]:
    positions = [relative_position(articles[m.article], articles[m.article].sentence(m.sentences[0]).index)
                 for m in fact.members]
    # Facts carried by more outlets first among equals; the id breaks ties deterministically.
    return (sum(positions) / len(positions) - 0.001 * len(positions), fact.id)
