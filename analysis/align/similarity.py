"""How strongly two sentences report the same thing: one 0-1 score, and the index that finds pairs.

The score combines five components of a pair (``pair_components``), each explainable on its own:

* ``cosine``  — cosine of the two wordllama sentence embeddings (all tokens, mean-pooled);
* ``content`` — cosine of the IDF-weighted mean vectors of the content words only;
* ``overlap`` — IDF-weighted Dice overlap of the Snowball stems of content words;
* ``entity``  — agreement of canonical entities: Jaccard mapped to [-1, 1] (0 when neither names any);
* ``number``  — agreement of quantities: share of numbers the other side states too, minus 1 when the
  two give different values of the same kind (different dollar sums), 0 when either has none.

``score = sigmoid(SIM_BIAS + SIM_W_COSINE*cosine + SIM_W_CONTENT*content + SIM_W_OVERLAP*overlap
+ SIM_W_ENTITY*entity + SIM_W_NUMBER*number)``.  The weights are a logistic fit to STS-B train
(score/5 as a soft target) made by ``python -m analysis.bench.similarity --fit``; they live in
``analysis/constants.py``.  The logistic output is then stretched linearly so that the lowest and
highest values the components allow map to exactly 0 and 1 (monotone: correlations unchanged).
The score is symmetric and lies in [0, 1].  Calibration, read off STS-B dev: an STS rating of 2.5
("roughly equivalent, some important information differs") maps to about 0.5, and 4 to about 0.8;
identical sentences score 0.95-1 (1 when they also name entities and numbers).  On news, two
outlets' sentences reporting one fact in their own words typically score 0.45-0.65, because each
adds details the other lacks — STS raters would call them "roughly equivalent".

``candidate_pairs`` finds the pairs worth scoring without scoring all pairs: for each sentence, its
nearest sentences of other articles by embedding (exact blocked matrix products up to
``CANDIDATE_EXACT_MAX_ROWS`` units, an HNSW graph from faiss above, so the search grows about as
n log n instead of n^2), plus pairs that share a rare entity or a rare stem (postings longer than a cap are
skipped, so cost grows about linearly with the number of sentences).  Nearest neighbours are
searched by both embeddings: the whole-sentence one and the IDF-weighted content-word one.
"""
from __future__ import annotations

import math
from typing import AbstractSet, Iterable, Mapping, Sequence

import numpy as np

from analysis.align.features import IdfTable, SentenceFeatures, TextUnit, featurize_units
from analysis.align.features.quantities import conflicting, same_quantity
from analysis.constants import (
    CANDIDATE_BLOCK_ROWS,
    CANDIDATE_EXACT_MAX_ROWS,
    CANDIDATE_HNSW_EF_CONSTRUCTION,
    CANDIDATE_HNSW_EF_SEARCH,
    CANDIDATE_HNSW_EXTRA,
    CANDIDATE_HNSW_M,
    CANDIDATE_MAX_POSTING,
    CANDIDATE_NEIGHBOURS,
    SCORE_PAIRS_BLOCK,
    SIM_BIAS,
    SIM_W_CONTENT,
    SIM_W_COSINE,
    SIM_W_ENTITY,
    SIM_W_NUMBER,
    SIM_W_OVERLAP,
)
from analysis.workers import side_by_side

__all__ = ["PairScores", "StemWeights", "candidate_pairs", "combine", "indicator_matrix", "pair_components",
           "pair_similarity", "score_matrix", "score_pairs", "similarity"]

COMPONENTS = ("cosine", "content", "overlap", "entity", "number")


def similarity(a: str, b: str) -> float:
    """0-1: how strongly two sentences report the same thing (symmetric; 1 = same fact).

    Standalone use: the two texts are featurized together (their own corpus, so IDF weights are
    nearly uniform).  The aligner scores sentences inside a comparison with ``pair_similarity``,
    which weighs words by their IDF over all the articles.
    """
    if not a.strip() or not b.strip():
        return 0.0
    fa, fb = featurize_units([TextUnit("a", "a.s1", 0, a), TextUnit("b", "b.s1", 0, b)])
    idf = IdfTable()
    idf.default = 1.0
    return pair_similarity(fa, fb, idf)


def pair_similarity(fa: SentenceFeatures, fb: SentenceFeatures, idf: Mapping[str, float],
                    stems: StemWeights | None = None) -> float:
    """The 0-1 score of two featurized sentences, with ``idf`` from ``features.idf_table``.
    ``stems`` (a ``StemWeights`` over the same ``idf``) saves re-weighing each sentence's stems
    when one sentence is scored against many."""
    return combine(pair_components(fa, fb, idf, stems))


def combine(components: Mapping[str, float]) -> float:
    """The logistic combination of ``pair_components`` (weights in ``analysis.constants``)."""
    z = (SIM_BIAS + SIM_W_COSINE * components["cosine"] + SIM_W_CONTENT * components["content"]
         + SIM_W_OVERLAP * components["overlap"] + SIM_W_ENTITY * components["entity"]
         + SIM_W_NUMBER * components["number"])
    return _rescale(1.0 / (1.0 + math.exp(-z)))


def _logit_range() -> tuple[float, float]:
    """Lowest and highest logit the components can give (cosines and overlap 0..1, agreements -1..1)."""
    ranges = ((SIM_W_COSINE, 0.0, 1.0), (SIM_W_CONTENT, 0.0, 1.0), (SIM_W_OVERLAP, 0.0, 1.0),
              (SIM_W_ENTITY, -1.0, 1.0), (SIM_W_NUMBER, -1.0, 1.0))
    low = SIM_BIAS + sum(min(w * lo, w * hi) for w, lo, hi in ranges)
    high = SIM_BIAS + sum(max(w * lo, w * hi) for w, lo, hi in ranges)
    return low, high


_P_LOW, _P_HIGH = (1.0 / (1.0 + math.exp(-z)) for z in _logit_range())


def _rescale(p):
    # Stretch the logistic output so the score spans exactly 0..1 (a monotone map: rank and
    # correlation are unchanged); identical sentences then score about 0.95-1.
    return (p - _P_LOW) / (_P_HIGH - _P_LOW)


def pair_components(fa: SentenceFeatures, fb: SentenceFeatures, idf: Mapping[str, float],
                    stems: StemWeights | None = None) -> dict[str, float]:
    """The five components of the score, named as in ``COMPONENTS`` (for evidence and tuning)."""
    return {
        "cosine": max(0.0, float(np.dot(fa.vector, fb.vector))),
        "content": _content_cosine(fa, fb),
        "overlap": (stems or StemWeights(idf)).overlap(fa, fb),
        "entity": entity_agreement(fa.entities, fb.entities),
        "number": number_agreement(fa.numbers, fb.numbers),
    }


def _content_cosine(fa: SentenceFeatures, fb: SentenceFeatures) -> float:
    if fa.content_vector is None or fb.content_vector is None:
        return max(0.0, float(np.dot(fa.vector, fb.vector)))
    return max(0.0, float(np.dot(fa.content_vector, fb.content_vector)))


def weighted_overlap(a: set[str], b: set[str], idf: Mapping[str, float]) -> float:
    """IDF-weighted Dice: 2 * w(a & b) / (w(a) + w(b)), 0 when either side is empty."""
    default = getattr(idf, "default", 1.0)
    w = idf.get
    return _dice(a, sum(w(s, default) for s in a), b, sum(w(s, default) for s in b), w, default)


def _dice(a: AbstractSet[str], wa: float, b: AbstractSet[str], wb: float, w, default: float) -> float:
    """2 * w(a & b) / (w(a) + w(b)) given the two sides' summed weights; 0 when a side is empty."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    shared = sum(w(s, default) for s in a if s in b)
    total = wa + wb
    return 2.0 * shared / total if total else 0.0


class StemWeights:
    """``weighted_overlap`` of featurized sentences, with each sentence's stem set and summed IDF
    weight computed once and reused by every pair it takes part in (the aligner scores each
    sentence against many)."""

    def __init__(self, idf: Mapping[str, float]):
        self.idf = idf
        self.default = getattr(idf, "default", 1.0)
        self._memo: dict[int, tuple[SentenceFeatures, frozenset[str], float]] = {}

    def of(self, f: SentenceFeatures) -> tuple[frozenset[str], float]:
        hit = self._memo.get(id(f))
        if hit is None or hit[0] is not f:
            stems = frozenset(f.stems)
            w, default = self.idf.get, self.default
            hit = self._memo[id(f)] = (f, stems, sum(w(s, default) for s in stems))
        return hit[1], hit[2]

    def overlap(self, fa: SentenceFeatures, fb: SentenceFeatures) -> float:
        """The same value as ``weighted_overlap(set(fa.stems), set(fb.stems), idf)``."""
        (a, wa), (b, wb) = self.of(fa), self.of(fb)
        return _dice(a, wa, b, wb, self.idf.get, self.default)


def content_key(f: SentenceFeatures) -> tuple:
    """What the score reads of a sentence: equal keys, equal scores against any other sentence."""
    return (f.vector.tobytes(), None if f.content_vector is None else f.content_vector.tobytes(),
            f.stems, f.entities, tuple((q.value, q.unit) for q in f.numbers))


class PairScores:
    """``pair_similarity`` with each two distinct sentence contents scored once.

    The score reads only a sentence's vectors, stems, entities and the values and units of its
    numbers; sentences equal in all of them (one agency's sentence in many outlets) share a key, so
    the clustering's many checks of their pairs cost one score each.  The figures are the same."""

    def __init__(self, idf: Mapping[str, float]):
        self.idf = idf
        self.stems = StemWeights(idf)
        self._keys: dict[tuple, int] = {}
        self._of: dict[int, tuple[SentenceFeatures, int]] = {}
        self._scores: dict[tuple[int, int], float] = {}

    def key(self, f: SentenceFeatures) -> int:
        hit = self._of.get(id(f))
        if hit is None or hit[0] is not f:
            hit = self._of[id(f)] = (f, self._keys.setdefault(content_key(f), len(self._keys)))
        return hit[1]

    def __call__(self, fa: SentenceFeatures, fb: SentenceFeatures) -> float:
        pair = (self.key(fa), self.key(fb))
        value = self._scores.get(pair)
        if value is None:
            value = self._scores[pair] = pair_similarity(fa, fb, self.idf, self.stems)
        return value


def entity_agreement(a: frozenset[str], b: frozenset[str]) -> float:
    """2 * Jaccard - 1 in [-1, 1]; 0 when neither side names an entity."""
    union = a | b
    if not union:
        return 0.0
    return 2.0 * len(a & b) / len(union) - 1.0


def number_agreement(a: Sequence, b: Sequence) -> float:
    """Share of quantities (both sides) matched on the other side, minus 1 if the two sides state
    different values of one kind and share none; 0 when either side has no number."""
    if not a or not b:
        return 0.0
    matched = sum(1 for q in a if any(same_quantity(q, r) for r in b)) \
        + sum(1 for q in b if any(same_quantity(q, r) for r in a))
    share = matched / (len(a) + len(b))
    if share < 1.0 and any(conflicting(q, r) for q in a for r in b):
        share -= 1.0
    return share


def score_pairs(pairs: Sequence[tuple[SentenceFeatures, SentenceFeatures]],
                idf: Mapping[str, float]) -> np.ndarray:
    """``pair_similarity`` of many pairs at once (the vector parts batched with numpy).

    A pair's score reads only what ``content_key`` holds of its two sentences, each row on its own
    (no figure of one row depends on another), so pairs equal in both keys (one agency's sentences
    met again in many pairs of outlets) are scored once and the score repeated: the same figures."""
    if not pairs:
        return np.zeros(0, dtype=np.float64)
    key_of = _ContentIds()
    distinct: dict[tuple[int, int], int] = {}
    rows = [distinct.setdefault((key_of(a), key_of(b)), len(distinct)) for a, b in pairs]
    if len(distinct) == len(pairs):
        return _score_pairs(pairs, idf)
    first: dict[int, int] = {}
    for i, row in enumerate(rows):
        first.setdefault(row, i)
    return _score_pairs([pairs[first[row]] for row in range(len(distinct))], idf)[np.array(rows, dtype=np.int64)]


class _ContentIds:
    """A number per distinct ``content_key``, found once per sentence object (by id: the object is
    kept with its number, so its id stays its own while this lives)."""

    def __init__(self) -> None:
        self._ids: dict[tuple, int] = {}
        self._of: dict[int, tuple[SentenceFeatures, int]] = {}

    def __call__(self, f: SentenceFeatures) -> int:
        hit = self._of.get(id(f))
        if hit is None:
            hit = self._of[id(f)] = (f, self._ids.setdefault(content_key(f), len(self._ids)))
        return hit[1]


def _score_pairs(pairs: Sequence[tuple[SentenceFeatures, SentenceFeatures]],
                 idf: Mapping[str, float]) -> np.ndarray:
    cosine = np.maximum(0.0, _row_dots([(a.vector, b.vector) for a, b in pairs]))
    content = np.maximum(0.0, _row_dots([(_content(a), _content(b)) for a, b in pairs]))
    stems = StemWeights(idf)
    rest = np.array([(stems.overlap(a, b),
                      entity_agreement(a.entities, b.entities),
                      number_agreement(a.numbers, b.numbers)) for a, b in pairs])
    z = (SIM_BIAS + SIM_W_COSINE * cosine + SIM_W_CONTENT * content + SIM_W_OVERLAP * rest[:, 0]
         + SIM_W_ENTITY * rest[:, 1] + SIM_W_NUMBER * rest[:, 2])
    return _rescale(1.0 / (1.0 + np.exp(-z)))


def _content(f: SentenceFeatures) -> np.ndarray:
    return f.content_vector if f.content_vector is not None else f.vector


def _row_dots(rows: Sequence[tuple[np.ndarray, np.ndarray]], block: int = SCORE_PAIRS_BLOCK) -> np.ndarray:
    """The dot product of each two vectors, ``block`` pairs stacked at a time: stacking every
    candidate pair's vectors at once held about 4 KiB a pair (half a GiB at 400 articles)."""
    parts = [np.einsum("ij,ij->i", np.stack([a for a, _ in chunk]), np.stack([b for _, b in chunk]))
             for chunk in (rows[start:start + block] for start in range(0, len(rows), block))]
    return np.concatenate(parts)


def indicator_matrix(groups: Sequence[Iterable[str]]) -> tuple[np.ndarray, list[str]]:
    """A 0/1 matrix, one row per group and one column per distinct item (sorted), and the items:
    set overlaps of all pairs of groups are then matrix products."""
    sets = [set(g) for g in groups]
    items = sorted(set().union(*sets))
    column = {item: j for j, item in enumerate(items)}
    out = np.zeros((len(sets), len(items)), dtype=np.float64)
    for i, group in enumerate(sets):
        out[i, [column[x] for x in group]] = 1.0
    return out, items


def score_matrix(features: Sequence[SentenceFeatures], idf: Mapping[str, float]) -> np.ndarray:
    """``pair_similarity`` of every two of ``features`` at once, as a symmetric matrix.

    The same components as ``pair_components``, computed as matrix products (stems and entities as
    0/1 columns), so the members of a large fact are scored together instead of pair by pair; only
    number agreement, for the pairs where both sides state numbers, is computed per pair.  The
    diagonal holds each sentence's score against itself.  Sentences equal in what the score reads
    (``content_key``: one agency's sentence in many outlets) are scored once, so a fact carried by
    hundreds of copies costs the square of its distinct sentences, not of its members."""
    group_of: dict[tuple, int] = {}
    groups = [group_of.setdefault(content_key(f), len(group_of)) for f in features]
    if len(group_of) < len(features):
        first = {g: i for i, g in reversed(list(enumerate(groups)))}
        distinct = _score_matrix([features[first[g]] for g in range(len(group_of))], idf)
        index = np.array(groups, dtype=np.int64)
        return distinct[np.ix_(index, index)]
    return _score_matrix(features, idf)


def _score_matrix(features: Sequence[SentenceFeatures], idf: Mapping[str, float]) -> np.ndarray:
    n = len(features)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float64)
    vectors = np.stack([f.vector for f in features]).astype(np.float64)
    contents = np.stack([f.content_vector if f.content_vector is not None else f.vector
                         for f in features]).astype(np.float64)
    cosine = np.maximum(0.0, vectors @ vectors.T)
    content = np.maximum(0.0, contents @ contents.T)
    default = getattr(idf, "default", 1.0)
    has, stems = indicator_matrix([f.stems for f in features])
    weights = np.array([idf.get(s, default) for s in stems], dtype=np.float64)
    shared = (has * weights) @ has.T
    own = shared.diagonal()
    total = own[:, None] + own[None, :]
    overlap = np.divide(2.0 * shared, total, out=np.zeros_like(shared), where=total > 0)
    ehas, _ = indicator_matrix([f.entities for f in features])
    both = ehas @ ehas.T
    counts = ehas.sum(axis=1)
    union = counts[:, None] + counts[None, :] - both
    entity = np.where(union > 0, 2.0 * np.divide(both, union, out=np.zeros_like(both), where=union > 0)
                      - 1.0, 0.0)
    number = _number_matrix(features)
    z = (SIM_BIAS + SIM_W_COSINE * cosine + SIM_W_CONTENT * content + SIM_W_OVERLAP * overlap
         + SIM_W_ENTITY * entity + SIM_W_NUMBER * number)
    return _rescale(1.0 / (1.0 + np.exp(-z)))


def _number_matrix(features: Sequence[SentenceFeatures]) -> np.ndarray:
    """``number_agreement`` of every two of ``features`` (0 where either states no number).

    The agreement reads only each quantity's value and unit, so it is computed once per two distinct
    lists of (value, unit) and spread to every pair that states them: the copies of one agency's
    sentence in hundreds of outlets cost one call, not the square of the outlets."""
    n = len(features)
    number = np.zeros((n, n), dtype=np.float64)
    group_of: dict[tuple, int] = {}
    distinct: list[tuple] = []
    rows: list[int] = []
    groups: list[int] = []
    for i, f in enumerate(features):
        if f.numbers:
            key = tuple((q.value, q.unit) for q in f.numbers)
            if key not in group_of:
                group_of[key] = len(distinct)
                distinct.append(f.numbers)
            rows.append(i)
            groups.append(group_of[key])
    if not rows:
        return number
    agreement = np.zeros((len(distinct), len(distinct)), dtype=np.float64)
    for x, a in enumerate(distinct):
        for y in range(x, len(distinct)):
            agreement[x, y] = agreement[y, x] = number_agreement(a, distinct[y])
    index, group = np.array(rows), np.array(groups)
    number[np.ix_(index, index)] = agreement[np.ix_(group, group)]
    return number


# --- candidate pairs ------------------------------------------------------------------------------

def candidate_pairs(features_by_article: Mapping[str, Sequence[SentenceFeatures]],
                    idf: Mapping[str, float] | None = None,
                    neighbours: int = CANDIDATE_NEIGHBOURS,
                    ) -> list[tuple[SentenceFeatures, SentenceFeatures]]:
    """Pairs of sentences from different articles worth scoring, without scoring all pairs.

    Sources: each sentence's ``neighbours`` nearest sentences of other articles by each of its two
    embeddings (whole sentence, IDF-weighted content words); pairs sharing an entity or a stem that
    at most CANDIDATE_MAX_POSTING sentences hold (longer postings are skipped: they would make the
    cost quadratic, and the embeddings find those pairs anyway).  Each pair appears once,
    ordered (earlier article, later article) in the input order, sorted by position.  ``idf`` is
    accepted for symmetry with ``pair_similarity`` and is not needed.
    """
    order = {aid: i for i, aid in enumerate(features_by_article)}
    flat = [f for fs in features_by_article.values() for f in fs]
    if len(order) < 2 or not flat:
        return []
    article_of = np.array([order[f.article] for f in flat], dtype=np.int32)
    whole = np.stack([f.vector for f in flat])
    content = np.stack([f.content_vector if f.content_vector is not None else f.vector for f in flat])
    # The two searches read only their own matrix: above the exact search's size each builds its own
    # graph, so the second is searched by a forked worker meanwhile (``analysis.workers``); the pairs
    # are a set, so its pairs joined to these are the very pairs of one search after the other.
    found, more = side_by_side(lambda: _neighbour_set(whole, article_of, neighbours),
                               lambda: _neighbour_set(content, article_of, neighbours, threads=1),
                               len(flat) > CANDIDATE_EXACT_MAX_ROWS)
    found |= more
    _shared_postings(flat, article_of, found)
    pairs = sorted(found)
    return [(flat[i], flat[j]) for i, j in pairs]


def _neighbour_set(matrix: np.ndarray, article_of: np.ndarray, k: int, threads: int = 0) -> set[tuple[int, int]]:
    """``_nearest``'s pairs as a new set; ``threads``: the graph's search threads when not 0 (a
    worker beside this process takes one core)."""
    found: set[tuple[int, int]] = set()
    _nearest(matrix, article_of, k, found, threads=threads)
    return found


def _add(found: set[tuple[int, int]], i: int, j: int, article_of: np.ndarray) -> None:
    if article_of[i] != article_of[j]:
        found.add((i, j) if (article_of[i], i) < (article_of[j], j) else (j, i))


def _nearest(matrix: np.ndarray, article_of: np.ndarray, k: int, found: set[tuple[int, int]],
             exact_max: int | None = None, threads: int = 0) -> None:
    """Top-k other-article neighbours of every row: exact up to ``CANDIDATE_EXACT_MAX_ROWS`` rows
    (``exact_max``), approximate above (``_nearest_hnsw``), so the search does not grow as the
    square of the input."""
    matrix = np.ascontiguousarray(matrix, dtype=np.float32)
    n = len(matrix)
    k = min(k, n - 1)
    if k <= 0:
        return
    limit = CANDIDATE_EXACT_MAX_ROWS if exact_max is None else exact_max
    if n <= limit:
        _nearest_exact(matrix, article_of, k, found, range(n))
    else:
        _nearest_hnsw(matrix, article_of, k, found, threads)


def _nearest_exact(matrix: np.ndarray, article_of: np.ndarray, k: int, found: set[tuple[int, int]],
                   rows_wanted: Sequence[int]) -> None:
    """Exact top-k other-article neighbours of the rows ``rows_wanted``, by blocked matrix products.

    Rows come grouped by article (``candidate_pairs`` flattens article by article), so a row's own
    article is one contiguous range of columns, masked by slicing instead of a boolean matrix.
    """
    n = len(matrix)
    bounds = np.flatnonzero(np.diff(article_of)) + 1
    starts = np.concatenate(([0], bounds))
    stops = np.concatenate((bounds, [n]))
    wanted = np.asarray(rows_wanted, dtype=np.int64)
    for b in range(0, len(wanted), CANDIDATE_BLOCK_ROWS):
        block = wanted[b:b + CANDIDATE_BLOCK_ROWS]
        sims = matrix[block] @ matrix.T
        for r, row in enumerate(block.tolist()):
            a = np.searchsorted(stops, row, side="right")
            sims[r, starts[a]:stops[a]] = -np.inf
        np.negative(sims, out=sims)
        top = np.argpartition(sims, k - 1, axis=1)[:, :k]
        finite = np.isfinite(np.take_along_axis(sims, top, axis=1))
        rows, cols = np.nonzero(finite)
        for i, j in zip(block[rows].tolist(), top[rows, cols].tolist()):
            _add(found, i, j, article_of)


def _nearest_hnsw(matrix: np.ndarray, article_of: np.ndarray, k: int, found: set[tuple[int, int]],
                  threads: int = 0) -> None:
    """Approximate top-k other-article neighbours from an HNSW graph (faiss, inner product on the
    unit vectors = cosine).  The graph is built on one thread, so the same input always gives the
    same graph and the same pairs; the search is per row (any thread count gives the same answer).
    Each row asks for ``CANDIDATE_HNSW_EXTRA`` more neighbours than it needs and drops those of its
    own article; a row left with fewer than k (an article of many near-identical sentences) is
    searched exactly.  Recall against the exact search: ``python main.py bench align``."""
    import faiss

    before = faiss.omp_get_max_threads()
    index = faiss.IndexHNSWFlat(matrix.shape[1], CANDIDATE_HNSW_M, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = CANDIDATE_HNSW_EF_CONSTRUCTION
    faiss.omp_set_num_threads(1)
    try:
        index.add(matrix)
        faiss.omp_set_num_threads(threads or before)
        index.hnsw.efSearch = max(CANDIDATE_HNSW_EF_SEARCH, k + CANDIDATE_HNSW_EXTRA)
        _, neighbours = index.search(matrix, k + CANDIDATE_HNSW_EXTRA)
    finally:
        faiss.omp_set_num_threads(before)
    short = []
    for i, row in enumerate(neighbours.tolist()):
        others = [j for j in row if j >= 0 and article_of[j] != article_of[i]][:k]
        if len(others) < k:
            short.append(i)
            continue
        for j in others:
            _add(found, i, j, article_of)
    if short:
        _nearest_exact(matrix, article_of, k, found, short)


def _shared_postings(flat: Sequence[SentenceFeatures], article_of: np.ndarray,
                     found: set[tuple[int, int]]) -> None:
    """Pairs that share an entity or a rare stem; long postings are skipped to stay linear."""
    postings: dict[str, list[int]] = {}
    for i, f in enumerate(flat):
        for key in {"e:" + e for e in f.entities} | {"s:" + s for s in f.stems}:
            postings.setdefault(key, []).append(i)
    for rows in postings.values():
        if len(rows) < 2 or len(rows) > CANDIDATE_MAX_POSTING:
            continue
        for x in range(len(rows)):
            for y in range(x + 1, len(rows)):
                _add(found, rows[x], rows[y], article_of)


def all_pairs(features_by_article: Mapping[str, Sequence[SentenceFeatures]]
              ) -> Iterable[tuple[SentenceFeatures, SentenceFeatures]]:
    """Every cross-article pair (the reference the index is measured against; quadratic)."""
    groups = list(features_by_article.values())
    for x in range(len(groups)):
        for y in range(x + 1, len(groups)):
            for a in groups[x]:
                for b in groups[y]:
                    yield a, b
