"""Per-sentence features: the input of the similarity score and of the aligner.

``featurize(articles)`` turns every sentence into a ``SentenceFeatures``: content words and their
Snowball stems, named entities folded to canonical keys (rules in ``entities``), quantities and dates
(rules in ``quantities``) and two unit-norm wordllama embeddings: ``vector`` pools every token of the
sentence; ``content_vector`` averages the vectors of its content words weighted by their IDF in the
corpus being featurized (so it depends on the corpus, like the IDF itself).  All sentences and all
distinct content words are embedded in one batched call, and entity names are resolved over the
whole corpus ("Lavrov" in one article and "Sergey Lavrov" in another share one key).

``claim_features(articles, claims, sentence_features)`` gives the same record for each claim
(``analysis.align.claims``): words and embeddings of the claim's core, and the sentence's entities,
dates and quantities that lie inside it (names are resolved once, on whole sentences, so a claim
that starts mid-sentence reads "US" as a name as its sentence does).

``idf_table(features)`` gives inverse document frequencies of stems over the corpus, counting each
sentence as a document; it is an ``IdfTable`` (a dict) whose ``default`` is the weight of a stem the
corpus never saw.  Offsets in ``entity_spans``, ``date_spans`` and ``numbers`` point into
``Article.text``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Sequence

import numpy as np

from analysis.align.features.entities import CorpusVocabulary, sentence_mentions
from analysis.align.features.entity_keys import EntityResolver, normalise_key
from analysis.align.features.quantities import Quantity, find_dates, find_quantities
from analysis.align.features.words import content_words, stem
from analysis.model import Article

__all__ = ["IdfTable", "Quantity", "SentenceFeatures", "TextUnit", "claim_features", "featurize",
           "featurize_units", "idf_table", "normalise_key"]


@dataclass(frozen=True)
class SentenceFeatures:
    """What the engine knows about one sentence.  Immutable; offsets point into ``Article.text``."""
    article: str                                        # article id
    sentence: str                                       # sentence id ("a1.s3")
    index: int                                          # 0-based sentence index in the article
    stems: tuple[str, ...]                              # Snowball stems of content words, in order
    content: tuple[str, ...]                            # lower-cased content words, in order
    entities: frozenset[str]                            # canonical entity keys
    entity_spans: tuple[tuple[str, int, int], ...]      # (key, start, end)
    numbers: tuple[Quantity, ...]
    dates: frozenset[str]                               # ISO-like keys, see ``quantities``
    vector: np.ndarray                                  # unit-norm float32, 256-d (zeros if empty)
    content_vector: np.ndarray | None = None            # IDF-weighted mean of content-word vectors
    date_spans: tuple[tuple[str, int, int], ...] = ()   # (key, start, end)
    text: str = ""                                      # the sentence text
    paragraph: int = 0                                  # index of the paragraph that holds it
    word_vectors: np.ndarray | None = None              # unit-norm vector of each ``content`` word

    def __hash__(self) -> int:  # ndarray is unhashable; a sentence id is unique in a comparison
        return hash((self.article, self.sentence))

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, SentenceFeatures) and self.article == other.article
                and self.sentence == other.sentence and self.text == other.text)


@dataclass(frozen=True)
class TextUnit:
    """One piece of text to featurize: a sentence of an article, or a free string."""
    article: str
    sentence: str
    index: int
    text: str
    offset: int = 0                 # where ``text`` starts in its article
    year: int | None = None         # the article's year, to complete "Feb. 17"
    paragraph: int = 0


class IdfTable(dict):
    """Stem -> inverse document frequency; ``default`` is the weight of an unseen stem."""
    default: float = 1.0

    def weight(self, stem_: str) -> float:
        return self.get(stem_, self.default)


def featurize(articles: Sequence[Article]) -> dict[str, tuple[SentenceFeatures, ...]]:
    """Features of every sentence, by article id, in sentence order (one batched embedding call)."""
    units = [TextUnit(a.id, s.id, s.index, s.text, s.start, _year(a.date), s.paragraph)
             for a in articles for s in a.sentences]
    feats = featurize_units(units)
    out: dict[str, list[SentenceFeatures]] = {a.id: [] for a in articles}
    for f in feats:
        out[f.article].append(f)
    return {k: tuple(v) for k, v in out.items()}


def featurize_units(units: Sequence[TextUnit]) -> list[SentenceFeatures]:
    """Features of free text units; entity names and IDF weights are taken across all of them."""
    from analysis.align.embed import embed  # lazy: loading the model is the expensive part

    vocab = CorpusVocabulary()
    for u in units:
        vocab.add(u.text)
    mentions = _mentions(units, vocab)
    resolver = EntityResolver(k for ms in mentions for k, _, _ in ms)
    contents = [tuple(content_words(u.text)) for u in units]
    words = sorted({w for c in contents for w in c})
    vectors = embed([u.text for u in units] + words)       # one batched call
    sentence_vectors, word_vectors = vectors[:len(units)], vectors[len(units):]
    idf = _idf_of_stem_sets([{stem(w) for w in c} for c in contents])
    content_vectors = _weighted_means(contents, words, word_vectors, idf)
    rows = _word_rows(contents, words, word_vectors)
    return [_features(u, c, ms, resolver, v, cv, wv) for u, c, ms, v, cv, wv
            in zip(units, contents, mentions, sentence_vectors, content_vectors, rows)]


def _mentions(units: Sequence[TextUnit], vocab: CorpusVocabulary) -> list[list[tuple[str, int, int]]]:
    """``sentence_mentions`` of every unit.  A mention reads the text and the corpus's vocabulary,
    and its offsets are the unit's offset plus where it lies in the text, so a text printed by many
    outlets is read once and its mentions moved to each copy's offset: the same mentions."""
    read: dict[str, list[tuple[str, int, int]]] = {}
    out = []
    for u in units:
        local = read.get(u.text)
        if local is None:
            local = read[u.text] = sentence_mentions(u.text, 0, vocab)
        out.append([(key, start + u.offset, end + u.offset) for key, start, end in local])
    return out


def _word_rows(contents, words, word_vectors: np.ndarray) -> list[np.ndarray]:
    """Per unit, the matrix of its content words' vectors (rows in word order).  Units with the same
    content words (a sentence printed by many outlets, a claim that is its whole sentence) share one
    matrix: it is only read, and one per unit grew as the whole input's words (issue 14: memory)."""
    index = {w: i for i, w in enumerate(words)}
    built: dict[tuple, np.ndarray] = {}
    out = []
    for c in contents:
        row = built.get(c)
        if row is None:
            row = built[c] = word_vectors[[index[w] for w in c]]
        out.append(row)
    return out


def claim_features(articles: Sequence[Article], claims: Mapping[str, Sequence],
                   sentence_features: Mapping[str, Sequence[SentenceFeatures]]
                   ) -> tuple[dict[str, tuple[SentenceFeatures, ...]], dict[tuple[str, int], SentenceFeatures]]:
    """Features of every claim's core, by article id, in claim order (``index`` is the claim's
    index in its article, ``sentence`` its sentence's id), and of the whole claim, attribution
    included, for the claims whose core leaves an attribution out (keyed by (article, index)).
    One batched embedding call."""
    by_id = {a.id: a for a in articles}
    # A claim that is its whole sentence reuses the sentence's features (most claims are).
    reused: dict[tuple[str, int], SentenceFeatures] = {}
    items = []
    for aid, cs in claims.items():
        sentences = by_id[aid].sentences
        for c in cs:
            sentence = sentences[c.sentence]
            if (c.core_start, c.core_end) == (sentence.start, sentence.end):
                reused[(aid, c.index)] = replace(sentence_features[aid][c.sentence], index=c.index)
            else:
                items.append((by_id[aid], c, c.core_start, c.core_end))
    n = len(items)
    items += [(by_id[aid], c, c.start, c.end) for aid, cs in claims.items() for c in cs
              if (c.start, c.end) != (c.core_start, c.core_end)]
    feats = _span_features(items, sentence_features)
    cores = {(f.article, f.index): f for f in feats[:n]} | reused
    out = {aid: tuple(cores[(aid, c.index)] for c in cs) for aid, cs in claims.items()}
    return out, {(f.article, f.index): f for f in feats[n:]}


def _span_features(items, sentence_features: Mapping[str, Sequence[SentenceFeatures]]) -> list[SentenceFeatures]:
    """Features of (article, claim, start, end) spans: words and embeddings of the span, and the
    entities, dates and quantities of its sentence that lie inside it."""
    from analysis.align.embed import embed

    texts = [a.text[s:e] for a, _, s, e in items]
    contents = [tuple(content_words(t)) for t in texts]
    words = sorted({w for c in contents for w in c})
    vectors = embed(texts + words)
    idf = _idf_of_stem_sets([{stem(w) for w in c} for c in contents])
    content_vectors = _weighted_means(contents, words, vectors[len(texts):], idf)
    rows = _word_rows(contents, words, vectors[len(texts):])
    out = []
    for (article, c, start, end), text, content, vector, cv, wv in zip(items, texts, contents, vectors,
                                                                       content_vectors, rows):
        sf = sentence_features[article.id][c.sentence]
        inside = lambda s, e: start <= s and e <= end   # noqa: B023 (used at once)
        spans = tuple(x for x in sf.entity_spans if inside(x[1], x[2]))
        dates = tuple(x for x in sf.date_spans if inside(x[1], x[2]))
        out.append(SentenceFeatures(
            article=article.id, sentence=sf.sentence, index=c.index,
            stems=tuple(stem(w) for w in content), content=content,
            entities=frozenset(k for k, _, _ in spans), entity_spans=spans,
            numbers=tuple(q for q in sf.numbers if inside(q.start, q.end)),
            dates=frozenset(k for k, _, _ in dates), vector=vector, content_vector=cv,
            date_spans=dates, text=text, paragraph=sf.paragraph, word_vectors=wv))
    return out


def _weighted_means(contents, words, word_vectors: np.ndarray, idf: IdfTable) -> np.ndarray:
    """Per unit, the IDF-weighted mean of its content-word vectors, unit norm (zeros if none)."""
    distinct = list(dict.fromkeys(contents))
    if len(distinct) < len(contents):
        # Units with the same content words (copies) have the same mean: each is computed once, its
        # own rows summed in their own order, so every row is what it would be alone.
        at = {c: i for i, c in enumerate(distinct)}
        return _weighted_means(distinct, words, word_vectors, idf)[[at[c] for c in contents]]
    index = {w: i for i, w in enumerate(words)}
    weight = np.array([idf.weight(stem(w)) for w in words], dtype=np.float32)
    rows = np.fromiter((index[w] for c in contents for w in c), dtype=np.int64)
    owner = np.fromiter((i for i, c in enumerate(contents) for _ in c), dtype=np.int64)
    out = np.zeros((len(contents), word_vectors.shape[1] if len(words) else 256), dtype=np.float32)
    if rows.size:
        np.add.at(out, owner, word_vectors[rows] * weight[rows, None])
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


def _features(u: TextUnit, content: tuple[str, ...], mentions, resolver: EntityResolver,
              vector: np.ndarray, content_vector: np.ndarray, word_vectors: np.ndarray) -> SentenceFeatures:
    spans = tuple(r for k, s, e in mentions for r in resolver.resolve(k, s, e))
    dates = find_dates(u.text, u.offset, u.year)
    date_skip = [(s - u.offset, e - u.offset) for _, s, e in dates]
    numbers = tuple(find_quantities(u.text, u.offset, date_skip))
    return SentenceFeatures(
        article=u.article, sentence=u.sentence, index=u.index,
        stems=tuple(stem(w) for w in content), content=content,
        entities=frozenset(k for k, _, _ in spans), entity_spans=spans, numbers=numbers,
        dates=frozenset(k for k, _, _ in dates), vector=vector, content_vector=content_vector,
        date_spans=tuple(dates), text=u.text, paragraph=u.paragraph, word_vectors=word_vectors)


def _year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def idf_table(features: Mapping[str, Sequence[SentenceFeatures]] | Iterable[SentenceFeatures]
              ) -> IdfTable:
    """Smoothed IDF of each stem, a sentence being a document: ``ln((1 + N) / (1 + df)) + 1``.

    Takes ``featurize``'s result or any iterable of ``SentenceFeatures``.  A stem in every sentence
    weighs 1; an unseen stem weighs ``ln(1 + N) + 1`` (the table's ``default``).
    """
    return _idf_of_stem_sets([set(f.stems) for f in _all(features)])


def _idf_of_stem_sets(stem_sets: Sequence[set[str]]) -> IdfTable:
    df: dict[str, int] = {}
    for stems in stem_sets:
        for s in stems:
            df[s] = df.get(s, 0) + 1
    n = len(stem_sets)
    table = IdfTable({s: math.log((1 + n) / (1 + d)) + 1.0 for s, d in df.items()})
    table.default = math.log(1 + n) + 1.0
    return table


def _all(features) -> list[SentenceFeatures]:
    if isinstance(features, Mapping):
        return [f for fs in features.values() for f in fs]
    return list(features)
