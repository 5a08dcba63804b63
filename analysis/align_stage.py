"""The alignment stage: features -> candidate links -> clusters -> facts (glue between modules).

Kept apart from ``align`` (the clustering method) and ``similarity`` (the score) so each of those stays
testable alone.  Sentences too short to state a fact (headings such as "Introduction") take part in
no fact: see ``MIN_FACT_WORDS``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from . import align, facts as facts_mod
from .constants import MIN_FACT_WORDS
from .model import Article, Fact

Key = tuple[str, int]


@dataclass(frozen=True)
class Aligned:
    facts: tuple[Fact, ...]
    features: Mapping[str, tuple]           # article id -> SentenceFeatures per sentence
    score: Callable[[Key, Key], float]      # similarity of any two sentences


def substantive_sentences(article: Article) -> list[int]:
    """Indexes of the sentences long enough to state a fact (not headings or labels)."""
    words = [0] * len(article.sentences)
    for t in article.tokens:
        if any(c.isalnum() for c in t.text):
            words[t.sentence] += 1
    return [i for i, s in enumerate(article.sentences)
            if words[i] >= MIN_FACT_WORDS and not s.text.rstrip().endswith(":")]


def run(articles: Sequence[Article], progress: Callable[[float, str], None]) -> Aligned:
    """Facts across ``articles`` (clusters of 2+ articles, then one-article facts)."""
    from .features import featurize, idf_table
    from .similarity import candidate_pairs, pair_similarity

    by_id = {a.id: a for a in articles}
    feats = featurize(articles)
    progress(0.3, "candidate links")
    idf = idf_table(feats)

    def score(ka: Key, kb: Key) -> float:
        return pair_similarity(feats[ka[0]][ka[1]], feats[kb[0]][kb[1]], idf)

    usable = {(a.id, i) for a in articles for i in substantive_sentences(a)}
    links = []
    for fa, fb in candidate_pairs(feats, idf):
        ka, kb = (fa.article, fa.index), (fb.article, fb.index)
        if ka in usable and kb in usable:
            links.append((ka, kb, pair_similarity(fa, fb, idf)))
    progress(0.45, "facts")
    clusters = align.cluster_links(links, score)
    clustered = {k for c in clusters for k in c}
    singles = [[k] for k in sorted(usable - clustered)]
    order = [a.id for a in articles]
    built = facts_mod.build_facts(clusters + singles, by_id, order, score)
    return Aligned(tuple(built), feats, score)


def restrict(facts: Sequence[Fact], keep: set[str]) -> list[Fact]:
    """Facts with only the members of articles in ``keep``; facts left empty are dropped."""
    out = []
    for f in facts:
        members = tuple(m for m in f.members if m.article in keep)
        if len(members) == len(f.members):
            out.append(f)
        elif members:
            out.append(Fact(f.id, f.label, members, f.cohesion))
    return out

