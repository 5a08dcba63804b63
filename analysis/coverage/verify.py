"""Before an omission is reported: search the omitting article for the fact's core.

The **core** of a fact is what its carriers have in common: the terms (``terms``) that at least two
carrying sources state, each weighted by how specific it is to this fact within the event (a term in
every other sentence of the coverage, like the event's main actor, weighs little; a number or a
date weighs more than a word).  A fact whose carriers share too little, or only words (often a quote
two outlets print verbatim, which a third may paraphrase with none of its words), has no core to
search for: the omission cannot be verified and is not reported.

The omitting article is then searched sentence by sentence (and pairs of adjacent sentences, since
a fact may be spread over two), with the loose matcher of ``terms`` and, for paraphrases, the
similarity of each sentence to the carriers' sentences (wordllama embeddings):

* ``present``: a sentence states the core (most of its weight, a specific term and a predicate word
  or the fact's number among it), or reads as a paraphrase of a carrier's sentence: no omission;
* ``partial``: a sentence states part of the core (a specific term with a predicate word, the
  fact's number or date, or a near-paraphrase), or what the core counts with another number (a
  later toll: "694 deaths" for "144 killed"), or one of the core's figures for what the carriers
  count with it ("three fatalities" for "killed three and injured 260"): "reports it
  differently", with that sentence and what it leaves out;
* ``unclear``: some of it is there but nothing concrete (no name, number or date of the core):
  neither an omission nor a finding, since the article may say it in words the matcher misses;
* ``absent``: nothing is there: a verified omission.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Mapping, Sequence

import numpy as np

from analysis import constants as C
from analysis.coverage.terms import (
    QUOTE_MARKS,
    SentenceTerms,
    Term,
    article_terms,
    counted_slots,
    counted_thing,
    counts,
    match,
    same_term,
    slot_labels,
    strong_unit,
    unquoted,
    word_key,
)
from analysis.model import Article, Fact

_KIND_WEIGHT = {"number": C.CORE_NUMBER_WEIGHT, "date": C.CORE_DATE_WEIGHT,
                "name": C.CORE_NAME_WEIGHT, "word": 1.0}


@dataclass(frozen=True, eq=False)
class CoreTerm:
    term: Term
    weight: float           # specificity x kind weight
    sources: int            # carrying sources that state it


@dataclass(frozen=True)
class Core:
    """What the carriers of a fact have in common, and how much it weighs."""
    terms: tuple[CoreTerm, ...]

    @cached_property
    def weight(self) -> float:
        return sum(t.weight for t in self.terms)

    @cached_property
    def by_weight(self) -> tuple[CoreTerm, ...]:
        """The terms, heaviest first (ties in the core's order)."""
        return tuple(sorted(self.terms, key=lambda c: -c.weight))

    @cached_property
    def has_words(self) -> bool:
        return any(c.term.kind == "word" for c in self.terms)

    @cached_property
    def has_year(self) -> bool:
        """A specific year alone among its dates ("in 1962"), not a day of the event."""
        return any(c.term.kind == "date" and c.term.key.isdigit() and c.weight >= C.CORE_SPECIFIC_TERM_WEIGHT
                   for c in self.terms)

    @property
    def specific(self) -> bool:
        """Enough to be searched for (else the omission is unverifiable): a specific name, number or
        date with the action, or enough shared wording on its own."""
        # Names alone say who and where, not what happened (two facts about one person are not one).
        # Words alone are often a quote two outlets print alike, which a third may paraphrase: a short
        # shared phrase ("the wrong side of history") may be the detail of a fact the third reports in
        # its own words, so wording alone must weigh about four specific words.
        concrete = any(t.term.kind != "word" and t.weight >= C.CORE_SPECIFIC_TERM_WEIGHT for t in self.terms) \
            and any(t.term.kind != "name" for t in self.terms)
        if concrete:
            return self.weight >= C.CORE_MIN_WEIGHT
        return self.has_words and self.weight >= C.CORE_MIN_WORDING_WEIGHT


@dataclass(frozen=True)
class Verdict:
    """The result of searching one article for one fact's core."""
    status: str                         # "present", "partial", "unclear", "absent", "unverifiable",
                                        # "loose" (the carriers agree too little: see ``omissions``)
    sentences: tuple[str, ...] = ()     # the best sentence(s) of the searched article
    found: tuple[Term, ...] = ()        # core terms found there, most specific first (partial:
                                        # as the searched article words them)
    missing: tuple[Term, ...] = ()      # core terms not found there, most specific first
    coverage: float = 0.0               # share 0-1 of the core's weight found
    similarity: float = 0.0             # cosine of the best sentence to a carrier's sentence
    via: str = "terms"                  # what found it: "terms" (the core's), "speaker" (who is
                                        # quoted, with the quote's words), "sentence" (another part
                                        # of a carrier's sentence is in this article), "figure"
                                        # (what the carriers count, with another number), "count"
                                        # (one of the core's figures for what it counts)
    counted: tuple[str, ...] = ()       # via "figure", "count": what is counted ("death", "injury")
    predicate: bool = False             # a specific word of the core (what happened) is among ``found``


class Searcher:
    """Terms, specificity, an index of terms and sentence vectors of the articles of one event,
    computed once; the cores of facts are cached, so that many candidates stay cheap."""

    def __init__(self, articles: Sequence[Article]):
        self.by_id = {a.id: a for a in articles}
        self.terms: dict[str, tuple[SentenceTerms, ...]] = {a.id: article_terms(a) for a in articles}
        self._df = _document_frequency([s for sts in self.terms.values() for s in sts])
        self._n = max(1, sum(len(s) for s in self.terms.values()))
        self._vectors: dict[str, np.ndarray] = {}
        self._buckets: dict[tuple[str, str], dict[str, list[tuple[str, int]]]] | None = None
        self._where: dict[tuple[str, str], dict[str, frozenset[int]]] = {}
        self._cores: dict[int, Core] = {}
        self._carrier_vectors: dict[int, np.ndarray | None] = {}
        self._speakers: dict[int, tuple[Term, ...]] = {}
        self._slots: dict[int, frozenset[str]] = {}
        self._units: dict[int, frozenset[str]] = {}
        self._counted: dict[int, dict[str, frozenset[str]]] = {}
        self._keys: dict[tuple, int] = {}
        self._key_of: dict[int, tuple[Fact, int]] = {}
        self._judging: tuple[Core | None, dict[tuple, tuple[Verdict, tuple]]] = (None, {})
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
                    weight = self.specificity(term) * _KIND_WEIGHT[term.kind]
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

    def search(self, fact: Fact, article_id: str, source_of: Mapping[str, str]) -> Verdict:
        """Search ``article_id`` for ``fact``'s core (see the module docstring)."""
        core = self.core(fact, source_of)
        if not core.specific:
            return Verdict("unverifiable", missing=tuple(t.term for t in core.terms))
        sims = self._similarities(fact, article_id)
        masks = self._masks(core).get(article_id, {})
        best: tuple | None = None
        best_rank: tuple | None = None
        judged = self._judged(core)
        values = sims.tolist()
        # A window's core terms are the bits of its sentences' masks (bit t: ``core.terms[t]``):
        # a window costs two look-ups, not a pass over the core's terms.
        for window in self._windows(article_id, masks, sims):
            if len(window) == 1:
                mask, similarity = masks.get(window[0], 0), values[window[0]]
            else:
                i, j = window
                mask, similarity = masks.get(i, 0) | masks.get(j, 0), max(values[i], values[j])
            key = (mask, len(window), similarity)
            hit = judged.get(key)
            if hit is None:
                verdict = _judge(core, [core.terms[t] for t in _bits(mask)], len(window), similarity)
                hit = judged[key] = (verdict, _rank(verdict))
            if best_rank is None or hit[1] > best_rank:
                best, best_rank = (hit[0], window, mask), hit[1]
        if best is None or best[0].status == "absent":
            said = self._paraphrased_quote(fact, core, article_id,
                                           [self.where(article_id, c.term) for c in core.terms])
            if said is not None:
                return said
        if best is None or best[0].status in ("absent", "unclear"):
            figure = self._same_count(fact, core, article_id) or self._other_figure(fact, core, article_id, source_of)
            if figure is not None:
                return figure
        if best is None:
            return Verdict("absent", missing=tuple(t.term for t in core.terms))
        verdict, window, mask = best
        return self._explained(verdict, core, article_id, frozenset(window), [core.terms[t] for t in _bits(mask)])

    def _judged(self, core: Core) -> dict[tuple, tuple[Verdict, tuple]]:
        """The verdicts already given on windows for ``core`` (the same sentence printed by many
        outlets is one window), kept for one core at a time: a fact's candidates come together."""
        if self._judging[0] is not core:
            self._judging = (core, {})
        return self._judging[1]

    def speakers(self, fact: Fact) -> tuple[Term, ...]:
        """The names outside the quotation marks of the carriers' quoted sentences, or of the
        sentence before when a quote runs on ("... he said."): who is quoted."""
        key = self._key(fact)
        if key not in self._speakers:
            names: list[Term] = []
            for m in fact.members:
                if m.article not in self.by_id:
                    continue
                article = self.by_id[m.article]
                for sid in m.sentences:
                    s = article.sentence(sid)
                    if not QUOTE_MARKS.search(s.text):
                        continue
                    own = self._unquoted_names(article, s.index)
                    if not own and s.index and article.sentences[s.index - 1].paragraph == s.paragraph:
                        own = self._unquoted_names(article, s.index - 1)
                    names += [t for t in own if not any(same_term(t, n) for n in names)]
            self._speakers[key] = tuple(names)
        return self._speakers[key]

    def _unquoted_names(self, article: Article, index: int) -> list[Term]:
        outside = unquoted(article.sentences[index].text)
        return [t for t in self.terms[article.id][index].terms if t.kind == "name" and t.text in outside]

    def _paraphrased_quote(self, fact: Fact, core: Core, article_id: str,
                           where: list[frozenset[int]]) -> Verdict | None:
        """"X said ..." reported as "X argued ...": a sentence of ``article_id`` that names who the
        carriers quote (in it or in the sentence before, same paragraph) and states
        ``VERIFY_SPEAKER_MIN_WORDS`` specific words of the core is the quote in other words."""
        speakers = self.speakers(fact)
        if not speakers:
            return None
        sentences = self.by_id[article_id].sentences
        named = set().union(*(self.where(article_id, t) for t in speakers))
        topic = [(c, rows) for c, rows in zip(core.terms, where)
                 if c.term.kind == "word" and c.weight >= C.CORE_SPECIFIC_TERM_WEIGHT]
        for i in sorted(set().union(*(rows for _, rows in topic)) if topic else ()):
            said = i in named or (i - 1 in named and sentences[i - 1].paragraph == sentences[i].paragraph)
            words = [c for c, rows in topic if i in rows]
            if said and len(words) >= C.VERIFY_SPEAKER_MIN_WORDS:
                who = next(t for t in self._terms_near(article_id, i) if any(same_term(t, s) for s in speakers))
                window = frozenset((i,) if i in named else (i - 1, i))
                verdict = Verdict("partial", coverage=round(sum(c.weight for c in words) / core.weight, 4))
                explained = self._explained(verdict, core, article_id, window, words)
                return replace(explained, found=(who, *explained.found), via="speaker")
        return None

    def _same_count(self, fact: Fact, core: Core, article_id: str) -> Verdict | None:
        """"killed three people and injured 260" reported as "which resulted in three fatalities": a
        sentence of ``article_id`` that gives a specific number of the core for what the carriers
        count with it (deaths, injuries: ``counted_slots``), in its own words, reports that part of
        the fact; what it leaves out (the 260 injured) is named, figures first.  The sentence that
        gives the most of the core's figures is kept; none that names another place or party
        (``_named_elsewhere``: a count alone says little of where)."""
        counted = self._carrier_counts(fact, core)
        if not counted:
            return None
        named = self._carrier_names(fact)
        article = self.by_id[article_id]
        best: tuple[float, int, list[CoreTerm], set[str]] | None = None
        places: dict[int, tuple[list[CoreTerm], set[str]]] = {}
        for c in core.terms:
            for i in self.where(article_id, c.term) if c.term.key in counted else ():
                things = {t for key, ts in counts(article.sentences[i].text) if match("number", key, c.term.key)
                          for t in ts} & counted[c.term.key]
                if things:
                    found, slots = places.setdefault(i, ([], set()))
                    found.append(c)
                    slots |= things
        for i, (found, slots) in sorted(places.items()):
            weight = sum(c.weight for c in found)
            if (best is None or weight > best[0]) and not self._named_elsewhere(named, article_id, i):
                best = (weight, i, found, slots)
        if best is None:
            return None
        _, i, found, slots = best
        own = tuple(next(t for t in self.terms[article_id][i].terms if same_term(t, c.term)) for c in found)
        taken = {id(c) for c in found}
        rest = [c.term for c in core.by_weight if id(c) not in taken]
        missing = tuple(t for t in rest if t.kind == "number") + tuple(t for t in rest if t.kind != "number")
        return Verdict("partial", (article.sentences[i].id,), own, missing,
                       round(best[0] / core.weight, 4) if core.weight else 0.0, via="count",
                       counted=tuple(sorted(slots)))

    def _carrier_counts(self, fact: Fact, core: Core) -> dict[str, frozenset[str]]:
        """The core's specific numbers -> what the carriers count with them (the slots of
        ``quantity_slots``: "three people killed": death); once per fact, like its core."""
        key = self._key(fact)
        if key not in self._counted:
            numbers = [c.term for c in core.terms
                       if c.term.kind == "number" and c.weight >= C.CORE_SPECIFIC_TERM_WEIGHT]
            out: dict[str, set[str]] = {}
            labels = slot_labels()
            for m in fact.members if numbers else ():
                for sid in m.sentences if m.article in self.by_id else ():
                    for number, things in counts(self.by_id[m.article].sentence(sid).text):
                        for n in numbers:
                            if things & labels and match("number", number, n.key):
                                out.setdefault(n.key, set()).update(things & labels)
            self._counted[key] = {k: frozenset(v) for k, v in out.items()}
        return self._counted[key]

    def _other_figure(self, fact: Fact, core: Core, article_id: str,
                      source_of: Mapping[str, str]) -> Verdict | None:
        """"144 people were killed" reported as "694 confirmed deaths" (a later toll, another
        count): when the carriers give a number for what they count (deaths, injuries, arrests:
        ``counted_slots``), a sentence of ``article_id`` that counts all of it with numbers the core
        does not give reports the fact with another figure.  So does a sentence that counts one of
        those things, or what a number of the core counts ("12 minutes" for "10 minutes"), with
        another number beside a specific name or word of the core that is not the thing counted
        ("14 deaths in Bogo" for "nine of the dead were from Bogo"; "a 6.4 aftershock 12 minutes
        later" for "the strongest aftershock, 6.7, hit ten minutes after")."""
        numbers = [c.term for c in core.terms if c.term.kind == "number"]
        slots = self._carrier_slots(fact, source_of)
        article = self.by_id[article_id]
        named = self._carrier_names(fact)
        if numbers and slots:
            for i, sentence in enumerate(article.sentences):
                if not slots <= counted_slots(sentence.text) or self._elsewhere(core, named, article_id, i):
                    continue
                figures = tuple(t for t in self.terms[article_id][i].terms
                                if t.kind == "number" and not any(same_term(t, n) for n in numbers))
                if figures:
                    missing = tuple(c.term for c in core.by_weight)
                    return Verdict("partial", (sentence.id,), figures, missing, via="figure",
                                   counted=tuple(sorted(slots)))
        return self._figure_beside(core, named, article_id, slots | self._carrier_units(fact, numbers))

    def _carrier_units(self, fact: Fact, numbers: Sequence[Term]) -> frozenset[str]:
        """What the core's numbers count in the carriers' sentences, by their nouns ("6.7 magnitude",
        "a 6.7 tremor"); not a unit of time, money or share, which a number of anything may have
        ("a five-year ban" is no figure for a "70-year-old").  Once per fact, like its core."""
        key = self._key(fact)
        if key not in self._units:
            things: set[str] = set()
            for m in fact.members:
                for sid in m.sentences if m.article in self.by_id else ():
                    for number, counted in counts(self.by_id[m.article].sentence(sid).text):
                        if any(same_term(Term("number", number, ""), n) for n in numbers) \
                                and not strong_unit(number.split("|", 1)[1]):
                            things |= counted
            self._units[key] = frozenset(things)
        return self._units[key]

    def _carrier_names(self, fact: Fact) -> tuple[Term, ...]:
        """The names in the carriers' member sentences, and their words: what one outlet writes as a
        word ("Turnbull's coalition") another may capitalise ("the Coalition"), and it is no other
        party for that."""
        return tuple(t for m in fact.members if m.article in self.terms for sid in m.sentences
                     for t in self._sentence(m.article, sid).terms if t.kind in ("name", "word"))

    def _elsewhere(self, core: Core, named: Sequence[Term], article_id: str, index: int) -> bool:
        """Is sentence ``index`` of ``article_id`` perhaps about another place or party: the core
        names where or who, and the sentence names someone or somewhere the carriers do not ("In
        Thailand, 101 are missing" is no figure for "68 are missing in Mandalay"; "In Medellin,
        near Bogo, 12 were killed" none for "nine of the dead were from Bogo")?"""
        if not any(c.term.kind == "name" for c in core.terms):
            return False
        return any(t.kind == "name" and not any(same_term(t, n) for n in named)
                   for t in self.terms[article_id][index].terms)

    def _named_elsewhere(self, named: Sequence[Term], article_id: str, index: int) -> bool:
        """Does sentence ``index`` of ``article_id`` name a place or party specific to it (rare in the
        coverage, unlike the event's main actors) that the carriers do not name ("In Kelso, four
        died" is no figure for "the blast killed four")?"""
        return any(t.kind == "name" and not any(same_term(t, n) for n in named)
                   and self.specificity(t) * C.CORE_NAME_WEIGHT >= C.CORE_SPECIFIC_TERM_WEIGHT
                   for t in self.terms[article_id][index].terms)

    def _figure_beside(self, core: Core, named: Sequence[Term], article_id: str,
                       counted: frozenset[str] | set[str]) -> Verdict | None:
        """The sentence of ``article_id`` (most core weight first) that counts one of ``counted``
        with a number the core does not give, beside a specific name or word of the core other
        than the word of what is counted ("101 missing" in Thailand is no figure for "68 missing
        in Mandalay")."""
        if not counted:
            return None
        numbers = [c.term for c in core.terms if c.term.kind == "number"]
        best: tuple[float, int, Verdict] | None = None
        for i, mask in sorted(self._masks(core).get(article_id, {}).items()):
            stated = [core.terms[t] for t in _bits(mask)]
            terms = self.terms[article_id][i].terms
            figures: list[Term] = []
            shared: set[str] = set()
            for key, things in counts(self.by_id[article_id].sentences[i].text):
                figure = next((t for t in terms if t.kind == "number" and t.key == key), None)
                if things & counted and figure is not None and not any(same_term(figure, n) for n in numbers):
                    figures.append(figure)
                    shared |= things & counted
            anchors = [c for c in stated if c.term.kind in ("name", "word")
                       and c.weight >= C.CORE_SPECIFIC_TERM_WEIGHT and not _counts(c.term, shared)]
            weight = sum(c.weight for c in stated)
            if figures and anchors and (best is None or weight > best[0]) \
                    and not self._elsewhere(core, named, article_id, i):
                own = tuple(next(t for t in terms if same_term(t, c.term)) for c in anchors)
                taken = {id(c) for c in anchors}
                missing = tuple(c.term for c in core.by_weight if id(c) not in taken)
                labels = tuple(sorted(shared & slot_labels()))
                best = (weight, i, Verdict("partial", (self.by_id[article_id].sentences[i].id,),
                                           (*figures, *own), missing, via="figure", counted=labels))
        return best[2] if best else None

    def _carrier_slots(self, fact: Fact, source_of: Mapping[str, str]) -> frozenset[str]:
        """What the carriers count with a number, in the sentences of at least
        ``CORE_MIN_SOURCES`` sources (all when fewer); once per fact, like its core."""
        key = self._key(fact)
        if key not in self._slots:
            self._slots[key] = self._counted_by_carriers(fact, source_of)
        return self._slots[key]

    def _counted_by_carriers(self, fact: Fact, source_of: Mapping[str, str]) -> frozenset[str]:
        per_source: dict[str, set[str]] = {}
        for m in fact.members:
            if m.article in self.by_id:
                slots = per_source.setdefault(source_of.get(m.article, m.article), set())
                for sid in m.sentences:
                    slots |= counted_slots(self.by_id[m.article].sentence(sid).text)
        need = min(C.CORE_MIN_SOURCES, len(per_source))
        every = set().union(*per_source.values()) if per_source else set()
        return frozenset(s for s in every if sum(s in v for v in per_source.values()) >= need)

    def _terms_near(self, article_id: str, index: int) -> list[Term]:
        """The terms of a sentence, then those of the sentence before."""
        rows = self.terms[article_id]
        return list(rows[index].terms) + (list(rows[index - 1].terms) if index else [])

    def _windows(self, article_id: str, masks: Mapping[int, int], sims: np.ndarray) -> list[tuple[int, ...]]:
        """The sentences that hold a core term (``masks``: sentence index -> its core terms, none
        empty) or are closest in meaning, alone and with the next sentence of the same paragraph."""
        sentences = self.by_id[article_id].sentences
        hits = set(masks)
        if len(sims):
            hits.add(int(np.argmax(sims)))
        out: list[tuple[int, ...]] = [(i,) for i in sorted(hits)]
        for i in sorted(hits | {h - 1 for h in hits}):
            if 0 <= i < len(sentences) - 1 and sentences[i].paragraph == sentences[i + 1].paragraph:
                out.append((i, i + 1))
        return out

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

    def _explained(self, verdict: Verdict, core: Core, article_id: str, window: frozenset[int],
                   found: list[CoreTerm]) -> Verdict:
        """``verdict`` with the sentences and what was found, strongest first: for a partial verdict
        in the searched article's own words ("Ukraine" where the carriers say "Kyiv")."""
        found = sorted(found, key=lambda c: -c.weight)
        own = tuple(c.term for c in found)
        if verdict.status == "partial":     # shown to the editor: this article's words
            terms = [t for i in sorted(window) for t in self.terms[article_id][i].terms]
            own = tuple(next(t for t in terms if same_term(t, c.term)) for c in found)
        taken = {id(c) for c in found}
        missing = tuple(c.term for c in core.by_weight if id(c) not in taken)
        sids = tuple(self.by_id[article_id].sentences[i].id for i in sorted(window))
        predicate = any(c.term.kind == "word" and c.weight >= C.CORE_SPECIFIC_TERM_WEIGHT for c in found)
        return Verdict(verdict.status, sids, own, missing, verdict.coverage, verdict.similarity,
                       predicate=predicate)

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


def _fact_key(fact: Fact) -> tuple:
    # Facts are frozen and hashable: equal facts share their core and their carriers' vectors.
    return (fact.id, fact.members)


def _counts(term: Term, things: set[str]) -> bool:
    """Is ``term`` the word of one of ``things`` (what numbers count: "missing", "minutes")?"""
    return term.kind == "word" and (counted_thing(term.text.lower()) in things
                                    or any(same_term(term, Term("word", word_key(t), t)) for t in things))


def _states(terms: Sequence[Term], term: Term) -> bool:
    return any(same_term(t, term) for t in terms)


_KINDS_TO_SEARCH = {"name": ("name", "word"), "word": ("word", "name"), "number": ("number",), "date": ("date",)}


def _document_frequency(sentences: Sequence[SentenceTerms]) -> dict[tuple[str, str], int]:
    df: dict[tuple[str, str], int] = {}
    for s in sentences:
        for key in {(t.kind, t.key) for t in s.terms}:
            df[key] = df.get(key, 0) + 1
    return df


def _judge(core: Core, found: list[CoreTerm], size: int, similarity: float) -> Verdict:
    """The verdict on one window of ``size`` sentences that states the core terms ``found``."""
    weight = sum(c.weight for c in found)
    # A pair of sentences must earn its verdict: it holds twice the words.
    factor = 1.0 if size == 1 else C.VERIFY_PAIR_FACTOR
    coverage = factor * weight / core.weight if core.weight else 0.0
    specific = [c for c in found if c.weight >= C.CORE_SPECIFIC_TERM_WEIGHT]
    predicate = [c for c in specific if c.term.kind == "word"]
    figures = [c for c in specific if c.term.kind in ("number", "date")]
    # Names say who and where, not what happened (as for the core, ``Core.specific``): a name
    # makes a part concrete only with a figure or a word of the core, even a common one ("Saudi
    # Arabia" with "talks" is the Riyadh talks; "Macron" alone is not "Macron must appoint a new
    # prime minister" reported differently).
    action = any(c.term.kind == "word" for c in found)
    concrete = bool(figures) or action and len(specific) > len(predicate) or len(predicate) >= 2
    shown = (round(coverage, 4), round(similarity, 4))
    words_in_core = core.has_words
    numbers = any(c.term.kind == "number" for c in specific)
    if (coverage >= C.VERIFY_PRESENT_COVERAGE and concrete and (predicate or numbers or not words_in_core)) \
            or similarity >= C.VERIFY_PRESENT_SIMILARITY:
        return Verdict("present", coverage=shown[0], similarity=shown[1])
    # Words alone weigh little each: in a large core (long carrier sentences) the words of the event
    # ("deal", "cash", "premium") add up to ``VERIFY_PARTIAL_WEIGHT`` in any sentence of it, so found
    # without a name, number or date they must make a share of the core.
    by_weight = factor * weight >= C.VERIFY_PARTIAL_WEIGHT and len(specific) > len(predicate)
    some = coverage >= C.VERIFY_PARTIAL_COVERAGE or by_weight or similarity >= C.VERIFY_PARTIAL_SIMILARITY
    if some and core.has_year and not figures:
        # A year the carriers give says when something else happened ("the last time a government
        # fell this way was in 1962", "the first since 2013"): without it, or another figure, the
        # fact's other words ("no-confidence vote") are the event itself, not the comparison.
        return Verdict("unclear", coverage=shown[0], similarity=shown[1])
    if some:
        # Something is there: a concrete part of the core makes it "reports it differently"; without
        # one the article may still say it in words the matcher does not know: no omission either.
        return Verdict("partial" if concrete else "unclear", coverage=shown[0], similarity=shown[1])
    return Verdict("absent", coverage=shown[0], similarity=shown[1])


def _bits(mask: int) -> list[int]:
    """The positions of the set bits of ``mask``, lowest first."""
    out = []
    t = 0
    while mask:
        if mask & 1:
            out.append(t)
        mask >>= 1
        t += 1
    return out


def _buckets(kind: str, key: str) -> tuple[str, ...]:
    """Keys that may match loosely share a bucket: the first characters of names and words (a loose
    match by prefix shares at least ``TERM_WORD_MIN_STEM`` of them) and their last ones (a compound:
    "quake", "earthquake"); the day and month of dates."""
    if kind in ("name", "word"):
        return (key[:C.TERM_WORD_MIN_STEM], "~" + key[-C.TERM_WORD_MIN_COMPOUND:])
    if kind == "date":
        return (key[-5:],)
    return ("",)


_ORDER = {"absent": 0, "unclear": 1, "partial": 2, "present": 3}


def _rank(v: Verdict) -> tuple[int, float, float]:
    return (_ORDER[v.status], v.coverage, v.similarity)
