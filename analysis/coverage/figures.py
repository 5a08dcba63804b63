"""Searches by figure: a fact whose carriers count something (deaths, injuries, a magnitude) may be
reported with the same figure in other words ("three fatalities" for "killed three") or with another
figure ("694 deaths" for "144 killed"): ``FigureSearch`` finds such a sentence of the searched article,
and keeps out a sentence about another place or party.  Its verdicts are "reports it differently"
(``via`` "count" or "figure"); ``verify.Searcher`` asks for them when the core's terms find nothing.
"""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

from analysis import constants as C
from analysis.coverage.core import Core, CoreTerm, Verdict, bits
from analysis.coverage.index import EventIndex
from analysis.coverage.terms import (
    Term,
    counted_slots,
    counted_thing,
    counts,
    match,
    phrase_counts,
    same_term,
    slot_labels,
    strong_unit,
    word_key,
)
from analysis.model import Article, Fact


class FigureSearch(EventIndex):
    """The searches by figure over one event's index; what the carriers count is read once per fact."""

    def __init__(self, articles: Sequence[Article], vectors: Mapping[str, np.ndarray] | None = None):
        super().__init__(articles, vectors)
        self._slots: dict[int, frozenset[str]] = {}
        self._units: dict[int, frozenset[str]] = {}
        self._names: dict[int, tuple[Term, ...]] = {}
        self._counted: dict[int, dict[str, frozenset[str]]] = {}

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
        party for that.  Each (kind, key) once, the first as written: they are only matched with
        ``same_term``, which reads the kind and key; once per fact, like its core (walking every
        carrier's terms for each searched article grew as carriers x articles)."""
        key = self._key(fact)
        if key not in self._names:
            distinct: dict[tuple[str, str], Term] = {}
            for m in fact.members:
                if m.article in self.terms:
                    for sid in m.sentences:
                        for t in self._sentence(m.article, sid).terms:
                            if t.kind in ("name", "word"):
                                distinct.setdefault((t.kind, t.key), t)
            self._names[key] = tuple(distinct.values())
        return self._names[key]

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

    def _named_elsewhere_too(self, core: Core, named: Sequence[Term], article_id: str, index: int) -> bool:
        """``_elsewhere`` with only the names specific to sentence ``index`` (``_named_elsewhere``):
        the event's own setting, named in every article ("the Louvre"), is no other place."""
        return any(c.term.kind == "name" for c in core.terms) and self._named_elsewhere(named, article_id, index)

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
            stated = [core.terms[t] for t in bits(mask)]
            terms = self.terms[article_id][i].terms
            figures: list[Term] = []
            shared: set[str] = set()
            for key, things in phrase_counts(self.by_id[article_id].sentences[i].text):
                figure = next((t for t in terms if t.kind == "number" and t.key == key), None)
                if things & counted and figure is not None and not any(same_term(figure, n) for n in numbers):
                    figures.append(figure)
                    shared |= things & counted
            anchors = [c for c in stated if c.term.kind in ("name", "word")
                       and c.weight >= C.CORE_SPECIFIC_TERM_WEIGHT and not _counts(c.term, shared)]
            weight = sum(c.weight for c in stated)
            if figures and anchors and (best is None or weight > best[0]) \
                    and not self._named_elsewhere_too(core, named, article_id, i):
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


def _counts(term: Term, things: set[str]) -> bool:
    """Is ``term`` the word of one of ``things`` (what numbers count: "missing", "minutes")?"""
    return term.kind == "word" and (counted_thing(term.text.lower()) in things
                                    or any(same_term(term, Term("word", word_key(t), t)) for t in things))
