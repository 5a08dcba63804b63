"""What every search of one event reads, built once: each article's terms and sentence vectors,
how specific each term is within the event, an index of the terms (which sentences state each one,
loosely), and the cores of facts (``core.Core``), cached so that many candidates stay cheap.
``figures.FigureSearch`` and ``verify.Searcher`` search on top of it.
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

import numpy as np

from analysis import constants as C
from analysis.coverage.core import KIND_WEIGHT, Core, CoreTerm
from analysis.coverage.terms import SentenceTerms, Term, article_terms, same_term, weekday_of
from analysis.model import Article, Fact


class EventIndex:
    """Terms, specificity, an index of terms and sentence vectors of the articles of one event,
    computed once; the cores of facts are cached, so that many candidates stay cheap."""

    def __init__(self, articles: Sequence[Article], vectors: Mapping[str, np.ndarray] | None = None):
        """``vectors``: article id -> its sentences' embeddings when already made (the alignment's
        sentence features: ``embed`` gives a text the same row in any batch); the others are made here."""
        self.by_id = {a.id: a for a in articles}
        self.terms: dict[str, tuple[SentenceTerms, ...]] = {a.id: article_terms(a) for a in articles}
        self._df = _document_frequency([s for sts in self.terms.values() for s in sts])
        self._n = max(1, sum(len(s) for s in self.terms.values()))
        self._vectors: dict[str, np.ndarray] = {
            a.id: vectors[a.id] for a in articles
            if vectors is not None and a.id in vectors and len(vectors[a.id]) == len(a.sentences)}
        self._buckets: dict[tuple[str, str], dict[str, list[tuple[str, int]]]] | None = None
        self._where: dict[tuple[str, str], dict[str, frozenset[int]]] = {}
        self._cores: dict[int, Core] = {}
        self._carrier_vectors: dict[int, np.ndarray | None] = {}
        self._keys: dict[tuple, int] = {}
        self._key_of: dict[int, tuple[Fact, int]] = {}
        self._masking: tuple[Core | None, dict[str, dict[int, int]]] = (None, {})

    def specificity(self, term: Term) -> float:
        """0-1: 1 for a term in one sentence of the coverage, falling with how many state it."""
        df = self._df.get((term.kind, term.key), 1)
        if self._n <= 1:
            return 1.0
        return max(C.CORE_MIN_SPECIFICITY, 1.0 - math.log(df) / math.log(self._n))

    def prepare(self) -> None:
        """Build now what every search reads (each article's sentence vectors, the index of terms),
        so that searches split over forked workers share it instead of each building it again."""
        for article_id in self.by_id:
            self.vectors(article_id)
        self._index()

    def vectors(self, article_id: str) -> np.ndarray:
        if article_id not in self._vectors:
            from analysis.align.embed import embed  # imported late: loading the model takes time
            article = self.by_id[article_id]
            self._vectors[article_id] = embed([s.text for s in article.sentences])
        return self._vectors[article_id]

    def _key(self, fact: Fact) -> int:
        """A number for ``_fact_key(fact)``: that key hashes every member, and each fact is asked
        for once per article searched (the cost would grow as carriers x articles)."""
        hit = self._key_of.get(id(fact))
        if hit is None or hit[0] is not fact:
            hit = self._key_of[id(fact)] = (fact, self._keys.setdefault(_fact_key(fact), len(self._keys)))
        return hit[1]

    def core(self, fact: Fact, source_of: Mapping[str, str]) -> Core:
        """The terms that at least two carrying sources state (all of them when only one source)."""
        key = self._key(fact)
        if key not in self._cores:
            self._cores[key] = self._core(fact, source_of)
        return self._cores[key]

    def _core(self, fact: Fact, source_of: Mapping[str, str]) -> Core:
        per_source: dict[str, list[Term]] = {}
        # In an order fixed by the texts (not by ids or by the aligner's listing): the core must be the
        # same however the articles were passed in.
        for m in sorted(fact.members, key=lambda m: self.by_id[m.article].digest if m.article in self.by_id
                        else m.article):
            if m.article not in self.terms:
                continue
            terms = per_source.setdefault(source_of.get(m.article, m.article), [])
            for sid in m.sentences:
                terms += self._sentence(m.article, sid).terms
        need = min(C.CORE_MIN_SOURCES, len(per_source))
        # Sources that state the same terms (one agency's copy in many outlets: a fact carried by
        # hundreds) are read once and counted as often as they occur: the same core, without the
        # cost growing as the square of the carriers.  Matching reads only a term's kind and key.
        distinct: dict[frozenset, list] = {}
        for terms in per_source.values():
            entry = distinct.setdefault(frozenset((t.kind, t.key) for t in terms), [terms, 0])
            entry[1] += 1
        seen: list[CoreTerm] = []
        seen_keys: set[tuple[str, str]] = set()
        for terms, _ in distinct.values():
            for term in terms:
                if (term.kind, term.key) in seen_keys or any(same_term(c.term, term) for c in seen):
                    continue
                sources = sum(count for other, count in distinct.values() if _states(other, term))
                if sources >= need:
                    weight = self.specificity(term) * KIND_WEIGHT[term.kind]
                    seen.append(CoreTerm(term, round(weight, 4), sources))
                    seen_keys.add((term.kind, term.key))
        return Core(tuple(seen))

    def _sentence(self, article_id: str, sentence_id: str) -> SentenceTerms:
        return self.terms[article_id][self.by_id[article_id].sentence(sentence_id).index]

    def where(self, article_id: str, term: Term) -> frozenset[int]:
        """Indices of the sentences of ``article_id`` that state ``term`` (loosely)."""
        return self.postings(term).get(article_id, frozenset())

    def postings(self, term: Term) -> dict[str, frozenset[int]]:
        """Article id -> indices of its sentences that state ``term`` (loosely), over the event."""
        key = (term.kind, term.key)
        found = self._where.get(key)
        if found is None:
            rows: dict[str, set[int]] = {}
            index = self._index()
            for kind in _KINDS_TO_SEARCH[term.kind]:
                candidates: dict[str, list[tuple[str, int]]] = {}
                for bucket in _buckets(kind, term.key):
                    candidates.update(index.get((kind, bucket), {}))
                for other, places in candidates.items():
                    if same_term(term, Term(kind, other, "")):
                        for article_id, i in places:
                            rows.setdefault(article_id, set()).add(i)
            found = self._where[key] = {a: frozenset(v) for a, v in rows.items()}
        return found

    def _index(self) -> dict[tuple[str, str], dict[str, list[tuple[str, int]]]]:
        """(kind, bucket) -> key -> every (article id, sentence index) stating it."""
        if self._buckets is None:
            self._buckets = {}
            for article_id, sentences in self.terms.items():
                for s in sentences:
                    for t in s.terms:
                        for bucket in _buckets(t.kind, t.key):
                            self._buckets.setdefault((t.kind, bucket), {}) \
                                .setdefault(t.key, []).append((article_id, s.index))
        return self._buckets

    def _masks(self, core: Core) -> dict[str, dict[int, int]]:
        """Article id -> sentence index -> the core terms it states (bit t for ``core.terms[t]``),
        over the whole event: read off the postings once per core (a fact's candidates come
        together), not once per core term for every article searched."""
        if self._masking[0] is not core:
            out: dict[str, dict[int, int]] = {}
            for t, c in enumerate(core.terms):
                bit = 1 << t
                for article_id, rows in self.postings(c.term).items():
                    mine = out.setdefault(article_id, {})
                    for i in rows:
                        mine[i] = mine.get(i, 0) | bit
            self._masking = (core, out)
        return self._masking[1]

    def _similarities(self, fact: Fact, article_id: str) -> np.ndarray:
        """Per sentence of ``article_id``: the highest cosine to any carrier's member sentence."""
        mine = self.vectors(article_id)
        key = self._key(fact)
        if key not in self._carrier_vectors:
            vectors = [self.vectors(m.article)[self.by_id[m.article].sentence(sid).index]
                       for m in fact.members if m.article in self.by_id for sid in m.sentences]
            # Only the highest cosine is kept: a carrier sentence printed by many outlets (agency
            # copy) is one column, so the cost does not grow with carriers x searched articles.
            distinct = list({v.tobytes(): v for v in vectors}.values())
            self._carrier_vectors[key] = np.vstack(distinct) if distinct else None
        carriers = self._carrier_vectors[key]
        if not len(mine) or carriers is None:
            return np.zeros(len(mine))
        return (mine @ carriers.T).max(axis=1)

    def _terms_near(self, article_id: str, index: int) -> list[Term]:
        """The terms of a sentence, then those of the sentence before."""
        rows = self.terms[article_id]
        return list(rows[index].terms) + (list(rows[index - 1].terms) if index else [])


def _fact_key(fact: Fact) -> tuple:
    # Facts are frozen and hashable: equal facts share their core and their carriers' vectors.
    return (fact.id, fact.members)


def _states(terms: Sequence[Term], term: Term) -> bool:
    return any(same_term(t, term) for t in terms)


_KINDS_TO_SEARCH = {"name": ("name", "word"), "word": ("word", "name"), "number": ("number",), "date": ("date",)}


def _document_frequency(sentences: Sequence[SentenceTerms]) -> dict[tuple[str, str], int]:
    df: dict[tuple[str, str], int] = {}
    for s in sentences:
        for key in {(t.kind, t.key) for t in s.terms}:
            df[key] = df.get(key, 0) + 1
    return df


def _buckets(kind: str, key: str) -> tuple[str, ...]:
    """Keys that may match loosely share a bucket: the first characters of names and words (a loose
    match by prefix shares at least ``TERM_WORD_MIN_STEM`` of them) and their last ones (a compound:
    "quake", "earthquake"); the day and month of dates."""
    if kind in ("name", "word"):
        return (key[:C.TERM_WORD_MIN_STEM], "~" + key[-C.TERM_WORD_MIN_COMPOUND:])
    if kind == "date":
        # A full date also stands in its weekday's bucket: "Sunday" may be "October 13, 2024".
        day = weekday_of(key)
        return (key[-5:], f"weekday:{day}"[-5:]) if day else (key[-5:],)
    return ("",)
