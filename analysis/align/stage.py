"""The alignment stage: claims -> features -> candidate links -> clusters -> facts (glue).

Kept apart from ``cluster`` (the clustering method) and ``similarity`` (the score) so each of those
stays testable alone.  The units aligned are claims (``claims``): a compound sentence gives several.
Sentences too short to state a fact (headings such as "Introduction") give no claim that takes part
in a fact: see ``MIN_FACT_WORDS``.  Sentence features are kept too (``Aligned.features``): the
same-event check reads them.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from analysis.align import cluster as align
from analysis.align import evidence
from analysis.align import facts as facts_mod
from analysis.align.claims import Claim, article_claims
from analysis.constants import LINK_MIN_PROBABILITY, LINK_PARALLEL_MIN_PAIRS, MIN_FACT_WORDS
from analysis.model import Article, Fact, Sentence
from analysis.workers import split_map

Key = tuple[str, int]                       # (article id, claim index)


@dataclass(frozen=True)
class Aligned:
    articles: tuple[Article, ...]
    features: Mapping[str, tuple]           # article id -> SentenceFeatures per sentence
    claims: Mapping[str, tuple[Claim, ...]]     # article id -> its claims, in text order
    claim_features: Mapping[str, tuple]     # article id -> SentenceFeatures per claim (its core)
    links: tuple[align.Link, ...]           # candidate links between usable claims, with their probability
    evidence: np.ndarray                    # one row of evidence.FEATURES per link, in ``links`` order
    vetoed: np.ndarray                      # per link: contrary actions, never linked whatever the evidence
    usable: frozenset[Key]                  # claims of sentences long enough to state a fact
    matrix: Callable[[Sequence[Key]], np.ndarray]   # similarities of many claims at once

    def sizes(self) -> dict[str, int]:
        """Each article's count of sentences long enough to state a fact."""
        out = {a.id: 0 for a in self.articles}
        for art, _ in {(art, self.claims[art][i].sentence) for art, i in self.usable}:
            out[art] += 1
        return out

    def _mutual(self, links: Sequence[align.Link]) -> list[align.Link]:
        """``cluster.mutual_links`` by link probability: each claim's best ``MUTUAL_RANK`` in the other
        article.  (Also requiring the best by graded similarity alone, as before, lost gold links at
        no gain in precision on the held-out halves: the evidence already holds the similarity.)"""
        return align.mutual_links(links)

    def relinked(self, weights: Mapping[str, float], bias: float) -> Aligned:
        """The same candidates scored with other link weights (the benchmark fits them)."""
        return replace(self, links=_links(self.links, evidence.probabilities(self.evidence, weights, bias),
                                          self.vetoed))

    def facts(self, keep: set[str] | None = None, min_link: float = LINK_MIN_PROBABILITY) -> list[Fact]:
        """Facts across the articles in ``keep`` (default: all): clusters of 2+ articles, then
        one-article facts.  Re-clustering for a subset is cheap: features and links are reused."""
        keep = {a.id for a in self.articles} if keep is None else keep
        kept = [i for i, link in enumerate(self.links) if link[0][0] in keep and link[1][0] in keep]
        links = [self.links[i] for i in kept]
        table = {(ka, kb): s for ka, kb, s in links}

        def probability(ka: Key, kb: Key) -> float:
            # A pair the candidate index did not propose shares too little to be one fact.
            return table.get((ka, kb), table.get((kb, ka), 0.0))

        mutual = self._mutual(links)
        clusters = align.attach_leftovers(align.cluster_links(mutual, probability, min_link), mutual, min_link)
        clusters = _rejoin_cut_sentences(clusters, lambda k: self.claims[k[0]][k[1]].sentence)
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


def _rejoin_cut_sentences(clusters: list[list[Key]], sentence_of: Callable[[Key], int]) -> list[list[Key]]:
    """Clusters that hold the very same sentences of the same two or more outlets are one fact: each
    outlet's sentence was cut into claims at the same place ("In Medellin town, at least 12 people died
    | after ceilings and walls caved in" and "... at least 12 residents were killed | after ceilings and
    walls collapsed"), and the halves aligned half to half.  Two facts would give an outlet that leaves
    the sentence out two omissions with the same evidence.  A compound sentence whose parts join other
    outlets' separate sentences (two happenings) holds other sentences in each fact and stays cut."""
    out: list[list[Key]] = []
    seen: dict[frozenset[tuple[str, int]], list[Key]] = {}
    for c in clusters:
        sentences = frozenset((k[0], sentence_of(k)) for k in c)
        first = seen.get(sentences)
        if first is not None and len({art for art, _ in sentences}) >= 2:
            first.extend(c)
            first.sort()
            continue
        seen[sentences] = c = list(c)
        out.append(c)
    return out


def _links(links: Sequence[align.Link], probabilities: np.ndarray, vetoed: np.ndarray) -> tuple[align.Link, ...]:
    return tuple((ka, kb, 0.0 if veto else float(p)) for (ka, kb, _), p, veto in zip(links, probabilities, vetoed))


def substantive_sentences(article: Article) -> list[int]:
    """Indexes of the sentences that can state a fact: long enough (not headings or labels), not a
    label's colon, not the writer's own question (``writers_question``)."""
    words = [0] * len(article.sentences)
    for t in article.tokens:
        if any(c.isalnum() for c in t.text):
            words[t.sentence] += 1
    return [i for i, s in enumerate(article.sentences)
            if words[i] >= MIN_FACT_WORDS and not s.text.rstrip().endswith(":")
            and not writers_question(article, s)]


_QUOTE_MARKS = "“”\"«»"


def writers_question(article: Article, sentence: Sentence) -> bool:
    """Whether ``sentence`` is a question the writer asks ("So what will the two sides discuss?"):
    it asks, states no fact, and its topic words drew it into the fact it introduces.  A question
    in quotation marks, or inside a quote its paragraph opened sentences before ("“The world says
    wait. And I say wait for what?"), is a speaker's: that someone asked it is news."""
    if not sentence.text.rstrip().endswith("?") or any(c in _QUOTE_MARKS for c in sentence.text):
        return False
    before = article.text[article.paragraphs[sentence.paragraph].start:sentence.start]
    curly_open = before.count("“") + before.count("«") > before.count("”") + before.count("»")
    return not curly_open and before.count('"') % 2 == 0


def _usable_claims(articles: Sequence[Article], claims: Mapping[str, Sequence[Claim]]) -> list[Key]:
    out: list[Key] = []
    for a in articles:
        substantive = set(substantive_sentences(a))
        out.extend((a.id, c.index) for c in claims[a.id] if c.sentence in substantive)
    return out


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


def link_evidence(ev: evidence.Event, pairs: Sequence[tuple[Key, Key]], idf: Mapping[str, float]
                  ) -> tuple[np.ndarray, np.ndarray]:
    """The evidence matrix of candidate ``pairs`` and, per pair, whether contrary actions veto it
    (``samefact.action_clash``: "signed" / "vetoed" are two facts, whatever names they share).

    A pair's similarity and veto read that pair alone: they are split over the cores as the evidence
    rows are (``analysis.workers``), before them, since a row's margin reads every pair's similarity."""
    from analysis.align.samefact import action_clash

    feats, whole = ev.claim_features, ev.whole
    unit = lambda k: feats[k[0]][k[1]]  # noqa: E731

    def scored(start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        units = [(unit(a), unit(b)) for a, b in pairs[start:stop]]
        # A clash reads the two texts alone: two texts met again in many pairs of outlets are read once.
        clashes: dict[tuple[str, str], bool] = {}
        vetoed = []
        for a, b in units:
            texts = (a.text, b.text)
            if texts not in clashes:
                clashes[texts] = action_clash(a, b)
            vetoed.append(clashes[texts])
        return similarities(units, idf, whole)[0], np.array(vetoed, dtype=bool)

    parts = split_map(scored, len(pairs), LINK_PARALLEL_MIN_PAIRS)
    similarity = np.concatenate([s for s, _ in parts])
    vetoed = np.concatenate([v for _, v in parts])
    return evidence.feature_matrix(ev, pairs, similarity), vetoed


def run(articles: Sequence[Article], progress: Callable[[float, str], None]) -> Aligned:
    """Claims, features and scored candidate links for ``articles``; ``Aligned.facts`` clusters them."""
    from analysis.align.features import claim_features, featurize, idf_table
    from analysis.align.similarity import candidate_pairs, score_matrix

    sentence_feats = featurize(articles)
    claims = {a.id: article_claims(a) for a in articles}
    feats, whole = claim_features(articles, claims, sentence_feats)
    progress(0.3, "candidate links")
    idf = idf_table(feats)
    usable = frozenset(_usable_claims(articles, claims))
    pairs = [((fa.article, fa.index), (fb.article, fb.index)) for fa, fb in candidate_pairs(feats, idf)
             if (fa.article, fa.index) in usable and (fb.article, fb.index) in usable]
    ev = evidence.event(claims, feats, whole, sentence_feats)
    x, vetoed = link_evidence(ev, pairs, idf) if pairs else \
        (np.zeros((0, len(evidence.FEATURES))), np.zeros(0, dtype=bool))
    links = _links([(a, b, 0.0) for a, b in pairs], evidence.probabilities(x), vetoed)

    def matrix(keys: Sequence[Key]) -> np.ndarray:
        n = len(keys)
        m = score_matrix([feats[a][i] for a, i in keys] + [whole.get(k, feats[k[0]][k[1]]) for k in keys], idf)
        return np.maximum(m[:n, :n], np.maximum(m[:n, n:], m[n:, :n]))

    return Aligned(tuple(articles), sentence_feats, claims, feats, links, x, vetoed, usable, matrix)
