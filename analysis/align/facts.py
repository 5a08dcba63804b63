"""Turn claim clusters into ``Fact`` records: stable ids, readable labels, narrative order.

A cluster is a list of claim keys ``(article id, claim index)``.  Each member lists the sentences
that hold its claims and the claims' spans.  A fact's id depends only on the text of its member
claims (sorted), so the same articles give the same ids on every run.  Facts are ordered by where
the outlets place them on average (relative position in each article), so the fact grid reads like
the story.
"""
from __future__ import annotations

from typing import Callable, Mapping, Sequence

import numpy as np

from analysis.align.claims import Claim
from analysis.constants import FACT_LABEL_MAX_CHARS
from analysis.model import Article, Fact, FactMember, stable_id

Key = tuple[str, int]                       # (article id, claim index)


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


def _cross_article(members: Sequence[Key]) -> np.ndarray:
    """Mask of the member pairs that belong to different articles."""
    arts = np.array([a for a, _ in members], dtype=object)
    return arts[:, None] != arts[None, :]


def reads_whole(text: str) -> bool:
    """Whether a claim reads as a sentence of its own: it opens with a capital, a figure or a quote
    mark.  A claim cut from a longer sentence ("noting that he would have upheld…", "which did not
    have a seat…", "he agreed with…") opens in lower case and makes a poor label."""
    head = text.lstrip()[:1]
    return bool(head) and (head.isupper() or head.isdigit() or head in "\"“‘'«")


def _central(members: Sequence[Key], sims: np.ndarray, whole: Sequence[bool]) -> Key:
    """The label's source: of the members that read as a sentence of their own (``whole``), when
    there is one, the one most similar on average to the others of other articles."""
    cross = _cross_article(members)
    counts = cross.sum(axis=1)
    means = np.divide((sims * cross).sum(axis=1), counts, out=np.zeros(len(members)), where=counts > 0)
    best = max(range(len(members)), key=lambda i: (whole[i], float(means[i]), -members[i][1]))
    return members[best]


def _cohesion(members: Sequence[Key], sims: np.ndarray) -> float:
    """Mean similarity over the member pairs of different articles (1.0 when there is none)."""
    cross = np.triu(_cross_article(members), k=1)
    n = int(cross.sum())
    return round(float(sims[cross].sum()) / n, 3) if n else 1.0


def build_facts(clusters: Sequence[Sequence[Key]], articles: Mapping[str, Article],
                claims: Mapping[str, Sequence[Claim]], order: Sequence[str],
                similarities: Callable[[Sequence[Key]], np.ndarray]) -> list[Fact]:
    """Facts from clusters of claims; ``order`` is the article order used for members;
    ``similarities(keys)`` is the matrix of similarities between the given claims
    (``similarity.score_matrix``), so a large fact is scored in one step rather than pair by pair."""
    position = {a: i for i, a in enumerate(order)}
    facts = []
    for members in clusters:
        members = sorted(members, key=lambda k: (position[k[0]], k[1]))
        by_article: dict[str, list[Claim]] = {}
        for art, idx in members:
            by_article.setdefault(art, []).append(claims[art][idx])
        fact_members = tuple(_member(articles[art], cs) for art, cs in by_article.items())
        texts = sorted(c.text(articles[a]) for a, cs in by_article.items() for c in cs)
        if len(by_article) > 1:
            sims = similarities(members)
            whole = [reads_whole(claims[a][i].text(articles[a])) for a, i in members]
            central, cohesion = _central(members, sims, whole), _cohesion(members, sims)
        else:
            central, cohesion = members[0], 1.0
        label = label_for(claims[central[0]][central[1]].text(articles[central[0]]))
        facts.append(Fact(stable_id("f", *texts), label, fact_members, cohesion))
    return sorted(facts, key=lambda f: _story_position(f, articles))


def _member(article: Article, claims: Sequence[Claim]) -> FactMember:
    ordered = sorted(claims, key=lambda c: c.start)
    sentences = sorted({c.sentence for c in ordered})
    return FactMember(article.id, tuple(article.sentences[i].id for i in sentences),
                      tuple(c.span for c in ordered))


def _story_position(fact: Fact, articles: Mapping[str, Article]) -> tuple[float, str]:
    positions = [relative_position(articles[m.article], articles[m.article].sentence(m.sentences[0]).index)
                 for m in fact.members]
    # Facts carried by more outlets first among equals; the id breaks ties deterministically.
    return (sum(positions) / len(positions) - 0.001 * len(positions), fact.id)
