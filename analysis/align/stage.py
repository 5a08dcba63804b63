"""The alignment stage: claims -> features -> candidate links -> clusters -> facts (glue).

Kept apart from ``cluster`` (the clustering method) and ``similarity`` (the score) so each of those
stays testable alone.  The units aligned are claims (``claims``): a compound sentence gives several.
Sentences too short to state a fact (headings such as "Introduction") give no claim that takes part
in a fact: see ``MIN_FACT_WORDS``.  Sentence features are kept too (``Aligned.features``): the
same-event check reads them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from analysis.align import cluster as align
from analysis.align import facts as facts_mod
from analysis.align.claims import Claim, article_claims
from analysis.constants import (
    LEDE_LINK_BONUS,
    LEDE_SENTENCES,
    LINK_MIN_SIMILARITY,
    MIN_FACT_WORDS,
    SAME_FACT_CHECK_BELOW,
    SAME_FACT_MIN_PROBABILITY,
)
from analysis.model import Article, Fact

Key = tuple[str, int]                       # (article id, claim index)


@dataclass(frozen=True)
class Aligned:
    articles: tuple[Article, ...]
    features: Mapping[str, tuple]           # article id -> SentenceFeatures per sentence
    claims: Mapping[str, tuple[Claim, ...]]     # article id -> its claims, in text order
    claim_features: Mapping[str, tuple]     # article id -> SentenceFeatures per claim (its core)
    links: tuple[align.Link, ...]           # scored candidate links between usable claims
    usable: frozenset[Key]                  # claims of sentences long enough to state a fact
    score: Callable[[Key, Key], float]      # similarity of any two claims
    matrix: Callable[[Sequence[Key]], np.ndarray]   # similarities of many claims at once

    def sizes(self) -> dict[str, int]:
        """Each article's count of sentences long enough to state a fact."""
        out = {a.id: 0 for a in self.articles}
        for art, _ in {(art, self.claims[art][i].sentence) for art, i in self.usable}:
            out[art] += 1
        return out

    def facts(self, keep: set[str] | None = None) -> list[Fact]:
        """Facts across the articles in ``keep`` (default: all): clusters of 2+ articles, then
        one-article facts.  Re-clustering for a subset is cheap: features and links are reused."""
        keep = {a.id for a in self.articles} if keep is None else keep
        links = [link for link in self.links if link[0][0] in keep and link[1][0] in keep]
        clusters = align.cluster_links(align.mutual_links(links), self.score)
        clustered = {k for c in clusters for k in c}
        # What no other outlet reports, one fact per sentence (its leftover claims together).
        leftover: dict[tuple[str, int], list[Key]] = {}
        for k in sorted(self.usable - clustered):
            if k[0] in keep:
                leftover.setdefault((k[0], self.claims[k[0]][k[1]].sentence), []).append(k)
        singles = list(leftover.values())
        by_id = {a.id: a for a in self.articles}
        order = [a.id for a in self.articles]
        return facts_mod.build_facts(clusters + singles, by_id, self.claims, order, self.matrix)


def substantive_sentences(article: Article) -> list[int]:
    """Indexes of the sentences long enough to state a fact (not headings or labels)."""
    words = [0] * len(article.sentences)
    for t in article.tokens:
        if any(c.isalnum() for c in t.text):
            words[t.sentence] += 1
    return [i for i, s in enumerate(article.sentences)
            if words[i] >= MIN_FACT_WORDS and not s.text.rstrip().endswith(":")]


def _usable_claims(articles: Sequence[Article], claims: Mapping[str, Sequence[Claim]]) -> list[Key]:
    out: list[Key] = []
    for a in articles:
        substantive = set(substantive_sentences(a))
        out.extend((a.id, c.index) for c in claims[a.id] if c.sentence in substantive)
    return out


def link_scores(pairs: Sequence[tuple], idf: Mapping[str, float], claims: Mapping[str, Sequence[Claim]],
                whole: Mapping[Key, Any] | None = None) -> np.ndarray:
    """The score of each pair of claims that the clustering links on: ``similarities`` made
    ``_guarded``."""
    scores, chosen = similarities(pairs, idf, whole)
    return _guarded(chosen, scores, idf, claims)


def similarities(pairs: Sequence[tuple], idf: Mapping[str, float], whole: Mapping[Key, Any] | None = None
                 ) -> tuple[np.ndarray, list[tuple]]:
    """Graded similarity of each pair of claims, and the pair of texts it was read on.

    It is the similarity of the two cores, or of one core with the other whole claim when that is
    higher: one side's speaker may be the other's actor ("Hegseth said NATO membership was not
    realistic" / "Hegseth ruled out NATO membership"), but two attributions never meet ("..., the
    mayor said" on both sides decides nothing)."""
    from analysis.align.similarity import score_pairs
    whole = whole or {}
    pairs = list(pairs)
    scores = score_pairs(pairs, idf)
    chosen = list(pairs)
    for side in (0, 1):
        # Only pairs whose claim on this side has an attribution have another reading.
        rows = [i for i, p in enumerate(pairs) if (p[side].article, p[side].index) in whole]
        if not rows:
            continue
        other = [_reread(pairs[i], side, whole) for i in rows]
        for i, pair, value in zip(rows, other, score_pairs(other, idf)):
            if value > scores[i]:
                scores[i], chosen[i] = value, pair
    return scores, chosen


def _reread(pair: tuple, side: int, whole: Mapping[Key, Any]) -> tuple:
    """``pair`` with its claim on ``side`` read whole (attribution included)."""
    a, b = pair
    return (whole[(a.article, a.index)], b) if side == 0 else (a, whole[(b.article, b.index)])


def _guarded(pairs: Sequence[tuple], similarities: np.ndarray, idf: Mapping[str, float],
             claims: Mapping[str, Sequence[Claim]]) -> np.ndarray:
    """Graded similarity, plus ``LEDE_LINK_BONUS`` when both claims open their stories (the top of a
    news story reports the event itself, so two ledes usually share it), and 0 for a pair the
    same-fact decision vetoes: contrary actions (``samefact.action_clash``: "signed" / "vetoed"), or a
    ``samefact`` probability below ``SAME_FACT_MIN_PROBABILITY`` (same words, other numbers or dates;
    one side saying much more).  The veto is asked only of pairs
    strong enough to link, so its cost stays small."""
    from analysis.align.samefact import action_clash, probabilities

    lede = np.array([claims[fa.article][fa.index].sentence < LEDE_SENTENCES
                     and claims[fb.article][fb.index].sentence < LEDE_SENTENCES for fa, fb in pairs])
    out = np.minimum(1.0, similarities + LEDE_LINK_BONUS * lede)
    strong = np.flatnonzero(out >= LINK_MIN_SIMILARITY)
    clash = [int(i) for i in strong if action_clash(*pairs[int(i)])]
    out[clash] = 0.0
    # Near-identical wording (one agency's copy) needs no second opinion.
    doubtful = np.array([int(i) for i in strong if out[i] > 0 and similarities[i] < SAME_FACT_CHECK_BELOW], dtype=int)
    if doubtful.size:
        vetoed = probabilities([pairs[i] for i in doubtful], idf) < SAME_FACT_MIN_PROBABILITY
        out[doubtful[vetoed]] = 0.0
    return out


def run(articles: Sequence[Article], progress: Callable[[float, str], None]) -> Aligned:
    """Claims, features and scored candidate links for ``articles``; ``Aligned.facts`` clusters them."""
    from analysis.align.features import claim_features, featurize, idf_table
    from analysis.align.similarity import PairScores, candidate_pairs, score_matrix

    sentence_feats = featurize(articles)
    claims = {a.id: article_claims(a) for a in articles}
    feats, whole = claim_features(articles, claims, sentence_feats)
    progress(0.3, "candidate links")
    idf = idf_table(feats)
    usable = frozenset(_usable_claims(articles, claims))
    pairs = [(fa, fb) for fa, fb in candidate_pairs(feats, idf)
             if (fa.article, fa.index) in usable and (fb.article, fb.index) in usable]
    scores = link_scores(pairs, idf, claims, whole) if pairs else np.zeros(0)
    links = tuple(((fa.article, fa.index), (fb.article, fb.index), float(s))
                  for (fa, fb), s in zip(pairs, scores))

    pair_score = PairScores(idf)

    def score(ka: Key, kb: Key) -> float:
        fa, fb = feats[ka[0]][ka[1]], feats[kb[0]][kb[1]]
        best = pair_score(fa, fb)
        if ka in whole:
            best = max(best, pair_score(whole[ka], fb))
        if kb in whole:
            best = max(best, pair_score(fa, whole[kb]))
        return best

    def matrix(keys: Sequence[Key]) -> np.ndarray:
        n = len(keys)
        m = score_matrix([feats[a][i] for a, i in keys] + [whole.get(k, feats[k[0]][k[1]]) for k in keys], idf)
        return np.maximum(m[:n, :n], np.maximum(m[:n, n:], m[n:, :n]))

    return Aligned(tuple(articles), sentence_feats, claims, feats, links, usable, score, matrix)
