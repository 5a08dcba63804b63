"""The alignment stage: features -> candidate links -> clusters -> facts (glue between modules).

Kept apart from ``align`` (the clustering method) and ``similarity`` (the score) so each of those stays
testable alone.  Sentences too short to state a fact (headings such as "Introduction") take part in
no fact: see ``MIN_FACT_WORDS``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

import numpy as np

from analysis.align import cluster as align
from analysis.align import facts as facts_mod
from analysis.constants import MIN_FACT_WORDS
from analysis.model import Article, Fact

Key = tuple[str, int]


@dataclass(frozen=True)
class Aligned:
    articles: tuple[Article, ...]
    features: Mapping[str, tuple]           # article id -> SentenceFeatures per sentence
    links: tuple[align.Link, ...]           # scored candidate links between usable sentences
    usable: frozenset[Key]                  # sentences long enough to state a fact
    score: Callable[[Key, Key], float]      # similarity of any two sentences
    matrix: Callable[[Sequence[Key]], np.ndarray]   # similarities of many sentences at once

    def sizes(self) -> dict[str, int]:
        """Each article's count of sentences long enough to state a fact."""
        out = {a.id: 0 for a in self.articles}
        for art, _ in self.usable:
            out[art] += 1
        return out

    def facts(self, keep: set[str] | None = None) -> list[Fact]:
        """Facts across the articles in ``keep`` (default: all): clusters of 2+ articles, then
        one-article facts.  Re-clustering for a subset is cheap: features and links are reused."""
        keep = {a.id for a in self.articles} if keep is None else keep
        links = [link for link in self.links if link[0][0] in keep and link[1][0] in keep]
        clusters = align.cluster_links(align.mutual_links(links), self.score)
        clustered = {k for c in clusters for k in c}
        singles = [[k] for k in sorted(self.usable - clustered) if k[0] in keep]
        by_id = {a.id: a for a in self.articles}
        order = [a.id for a in self.articles]
        return facts_mod.build_facts(clusters + singles, by_id, order, self.matrix)


def substantive_sentences(article: Article) -> list[int]:
    """Indexes of the sentences long enough to state a fact (not headings or labels)."""
    words = [0] * len(article.sentences)
    for t in article.tokens:
        if any(c.isalnum() for c in t.text):
            words[t.sentence] += 1
    return [i for i, s in enumerate(article.sentences)
            if words[i] >= MIN_FACT_WORDS and not s.text.rstrip().endswith(":")]


def run(articles: Sequence[Article], progress: Callable[[float, str], None]) -> Aligned:
    """Features and scored candidate links for ``articles``; ``Aligned.facts`` clusters them."""
    from analysis.align.features import featurize, idf_table
    from analysis.align.similarity import StemWeights, candidate_pairs, pair_similarity, score_matrix, score_pairs

    feats = featurize(articles)
    progress(0.3, "candidate links")
    idf = idf_table(feats)
    usable = frozenset((a.id, i) for a in articles for i in substantive_sentences(a))
    pairs = [(fa, fb) for fa, fb in candidate_pairs(feats, idf)
             if (fa.article, fa.index) in usable and (fb.article, fb.index) in usable]
    scores = score_pairs(pairs, idf) if pairs else []
    links = tuple(((fa.article, fa.index), (fb.article, fb.index), float(s))
                  for (fa, fb), s in zip(pairs, scores))

    stems = StemWeights(idf)

    def score(ka: Key, kb: Key) -> float:
        return pair_similarity(feats[ka[0]][ka[1]], feats[kb[0]][kb[1]], idf, stems)

    def matrix(keys: Sequence[Key]) -> np.ndarray:
        return score_matrix([feats[a][i] for a, i in keys], idf)

    return Aligned(tuple(articles), feats, links, usable, score, matrix)
