"""Verified omissions, derived from the fact grid and checked against the omitting article's text.

* A **candidate**: a fact that at least ``OMISSION_MIN_CARRIERS`` independent sources carry (copies of
  one source count once, see ``copies``) and one same-event article leaves out of the grid.
* Each candidate is **verified** (``verify``): the omitting article is searched for the fact's core.
  Only an ``absent`` verdict is an omission.  A ``partial`` one is a "reports it differently"
  finding with the sentence found; ``present``, ``unclear`` and ``unverifiable`` ones are dropped
  (the article says it in other words, may say it, or the carriers share too little to search for).
* An omission's score (0-1) mixes how many of the other independent sources carry it
  (``OMISSION_COVERAGE_WEIGHT``) and how prominently they place it (``OMISSION_PROMINENCE_WEIGHT``:
  1.0 in the first ``LEDE_PARAGRAPHS`` paragraphs, falling linearly to 0 at the end of the article).
  Rank 1 is the strongest omission of the whole comparison.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Callable, Iterable, Mapping, Protocol, Sequence, TypeVar

import numpy as np

from analysis.align.facts import relative_position
from analysis.constants import (
    DIFFERENTLY_MAX_SOURCE_SHARE,
    DIFFERENTLY_SCORE_FACTOR,
    DIFFERENTLY_STORY_MIN_SOURCES,
    EVIDENCE_MAX_OUTLETS,
    LEDE_PARAGRAPHS,
    OMISSION_COVERAGE_WEIGHT,
    OMISSION_LINKED_MIN_SCORE,
    OMISSION_LINKED_SOURCES,
    OMISSION_MIN_CARRIERS,
    OMISSION_MIN_COHESION,
    OMISSION_PROMINENCE_WEIGHT,
    VERIFY_PARALLEL_MIN_CANDIDATES,
    VERIFY_PARTIAL_SIMILARITY,
    VERIFY_STATEMENT_MIN_COVERAGE,
)
from analysis.coverage.terms import quotation_blocks
from analysis.coverage.verify import Searcher, Verdict
from analysis.model import Article, Fact, FactMember, Finding, Omission, Span, article_order, stable_id
from analysis.vocabulary.wording import join_names
from analysis.workers import split_map


def prominence(article: Article, sentence_id: str) -> float:
    """1.0 in the lede paragraphs, then falling linearly with position to 0.0 at the end."""
    s = article.sentence(sentence_id)
    if s.paragraph < LEDE_PARAGRAPHS:
        return 1.0
    return round(1.0 - relative_position(article, s.index), 4)


def fact_prominence(fact: Fact, by_id: Mapping[str, Article]) -> dict[str, float]:
    return {m.article: prominence(by_id[m.article], m.sentences[0]) for m in fact.members}


@dataclass(frozen=True)
class Candidate:
    """One (fact, article) the grid says is left out, with what the search of the article found."""
    fact: str
    article: str
    covered_by: tuple[str, ...]     # carrying articles (all copies included)
    sources: int                    # independent sources among them
    score: float
    verdict: Verdict


@dataclass
class Coverage:
    """Every candidate omission of a comparison, split by verdict."""
    omissions: list[Omission] = field(default_factory=list)
    differently: list[Candidate] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)   # verdict status -> candidates dropped
    verdicts: dict[tuple[str, str], Verdict] = field(default_factory=dict)  # (fact, article) -> verdict
    source_of: dict[str, str] = field(default_factory=dict)  # article id -> its source (copies, ``assess``)


@dataclass(frozen=True)
class Agreement:
    """How strongly a fact's carriers agree: the score 0-1 of their two most alike claims from two
    different sources, and how many sources are linked to another by a claim pair of at least
    ``OMISSION_LINKED_MIN_SCORE``."""
    best: float
    linked: int = 0

    @property
    def enough(self) -> bool:
        """Evidence enough for an omission: two carriers that say it alike, or three or more
        sources linked into the fact (it rests on two links or more, not on one loose one)."""
        return self.best >= OMISSION_MIN_COHESION or self.linked >= OMISSION_LINKED_SOURCES


AgreementOf = Callable[[Fact, Mapping[str, str]], Agreement]

def assess(facts: Sequence[Fact], by_id: Mapping[str, Article], same_event: set[str],
           source_of: Mapping[str, str] | None = None, agreement: AgreementOf | None = None,
           vectors: Mapping[str, np.ndarray] | None = None) -> Coverage:
    """Search every candidate omission among same-event articles; rank the verified ones 1..n.

    ``source_of`` maps an article id to its source (the first article of its copy group); articles
    not in it are sources of their own.  ``agreement(fact, source_of)`` is how strongly the fact's
    carriers agree, 0-1 (``claim_agreement``); without it, the fact's cohesion.  ``vectors``: the
    articles' sentence embeddings when already made (``index.EventIndex``)."""
    source_of = dict(source_of or {})
    agree = _cached(agreement or (lambda fact, _: Agreement(fact.cohesion)))
    searcher = Searcher([by_id[a] for a in sorted(same_event, key=article_order) if a in by_id], vectors)
    siblings = _Siblings(facts, same_event, by_id)
    sources_in_event = {source_of.get(a, a) for a in same_event}
    out = Coverage(source_of=source_of)
    asked: list[tuple[Fact, str, tuple[str, ...], int, float, float]] = []   # ..., score, share
    for fact in facts:
        carriers = tuple(a for a in fact.articles if a in same_event)
        carrying = {source_of.get(a, a) for a in carriers}
        if len(carrying) < OMISSION_MIN_CARRIERS:
            continue
        mean_prom = _source_prominence(fact_prominence(fact, by_id), carriers, source_of)
        for art in sorted(same_event - set(carriers), key=article_order):
            sources = carrying - {source_of.get(art, art)}
            if len(sources) < OMISSION_MIN_CARRIERS:
                continue
            share = len(sources) / max(1, len(sources_in_event) - 1)
            score = round(OMISSION_COVERAGE_WEIGHT * share + OMISSION_PROMINENCE_WEIGHT * mean_prom, 4)
            asked.append((fact, art, carriers, len(sources), score, share))
    def verified(fact: Fact, art: str, count: int, share: float) -> Verdict:
        statement = partial(searcher.statement, fact, art, source_of=source_of)
        verdict = _checked(fact, art, searcher.search(fact, art, source_of), siblings,
                           partial(agree, fact, source_of), statement)
        return _told(verdict, count, share)

    # Each search and its checks read only what was built for the event above (the rest is caches):
    # they are split over the cores in order, so a fact's candidates stay together (its core's caches
    # serve them).
    if len(asked) >= VERIFY_PARALLEL_MIN_CANDIDATES:
        searcher.prepare()
    searched = [v for part in split_map(lambda start, stop: [verified(f, a, n, s)
                                                              for f, a, _, n, _, s in asked[start:stop]],
                                        len(asked), VERIFY_PARALLEL_MIN_CANDIDATES) for v in part]
    found = [Candidate(fact.id, art, carriers, count, score, verdict)
             for (fact, art, carriers, count, score, _), verdict in zip(asked, searched)]
    found.sort(key=lambda c: (-c.score, c.fact, article_order(c.article)))
    rank = 0
    for c in found:
        status = c.verdict.status
        if status == "absent":
            rank += 1
            out.omissions.append(Omission(c.fact, c.article, c.covered_by, rank, c.score))
        elif status == "partial":
            out.differently.append(c)
        else:
            out.dropped[status] = out.dropped.get(status, 0) + 1
        out.verdicts[(c.fact, c.article)] = c.verdict
    return out


def _source_prominence(prominence: Mapping[str, float], carriers: Sequence[str],
                       source_of: Mapping[str, str]) -> float:
    """How high the carriers place a fact, each independent source once (its copies, which place
    it as the original does, would weigh one story two or three times): the mean over sources of
    the highest place among their copies."""
    best: dict[str, float] = {}
    for a in carriers:
        source = source_of.get(a, a)
        best[source] = max(best.get(source, 0.0), prominence[a])
    return sum(best.values()) / len(best)


def _cached(agreement: AgreementOf) -> AgreementOf:
    """``agreement`` computed once per fact (it is asked for each article that may omit it)."""
    seen: dict[str, Agreement] = {}

    def cached(fact: Fact, source_of: Mapping[str, str]) -> Agreement:
        if fact.id not in seen:
            seen[fact.id] = agreement(fact, source_of)
        return seen[fact.id]
    return cached


def claim_agreement(claims: Mapping[str, Sequence], similarities: Callable) -> AgreementOf:
    """The ``Agreement`` of a fact's carriers from the aligner's scores of their claims.  ``claims``:
    article id -> its claims (``align.claims.Claim``); ``similarities(keys)``: the aligner's score
    matrix of (article id, claim index) keys."""
    key_of = {(c.article, c.start, c.end): (c.article, c.index) for cs in claims.values() for c in cs}

    def agreement(fact: Fact, source_of: Mapping[str, str]) -> Agreement:
        keys = [key_of[(m.article, c.start, c.end)] for m in fact.members for c in m.claims
                if (m.article, c.start, c.end) in key_of]
        names = [source_of.get(a, a) for a, _ in keys]
        if len(set(names)) < 2:
            return Agreement(fact.cohesion)
        # Sources as numbers: comparing every two claims' sources as strings grows as the square
        # of a fact's claims (hundreds in a large event).
        number: dict[str, int] = {}
        sources = np.array([number.setdefault(s, len(number)) for s in names], dtype=np.int64)
        # Two claims of one source (or of copies of one text) say nothing about agreement.
        scores = np.where(sources[:, None] != sources[None, :], similarities(keys), 0.0)
        linked = {sources[i] for i in np.flatnonzero((scores >= OMISSION_LINKED_MIN_SCORE).any(axis=1))}
        return Agreement(round(float(scores.max()), 4), len(linked))
    return agreement


def _checked(fact: Fact, article_id: str, verdict: Verdict, siblings: _Siblings,
             agreement: Callable[[], Agreement], statement: Callable[[Sequence[str]], Verdict]) -> Verdict:
    """An ``absent`` verdict stands only when the carriers agree and the article reports no other
    part of their sentences that states some of the fact's core; else the omission is ``loose`` (not
    reported) or ``partial``.  A ``partial`` one by names and common words alone is ``loose`` too
    when the carriers agree little, else ``unclear``.  ``statement(sentence ids)``: what those sentences of the
    article state of the core (``Searcher.statement``)."""
    if _names_only(verdict) and not agreement().enough:
        # A fact built from loose links may join two statements that share a place and a word:
        # "Mexico ... school" is no part of "300 children were studying at a Mexico City school".
        return replace(verdict, status="loose")
    if _topic_only(verdict):
        # Who and where with the event's common words, however close the sentence reads, are the
        # topic every outlet shares, not what this fact tells ("Harris ... endorsed" is no part of
        # Harris's "I am honored to have the President's endorsement"): it may say it, or not.
        return replace(verdict, status="unclear")
    if verdict.status != "absent":
        return verdict
    if not agreement().enough:
        # A fact built from one loose link (two claims that only look alike) is not evidence enough.
        return replace(verdict, status="loose")
    own = siblings.of(fact, article_id)
    if own:
        # A carrier's sentence also says something this article reports: it took part of that
        # sentence (often a compound one).  When its own sentence states some of this fact's core
        # in other words ("the bridge collapsed after a ship smashed it" for "the ship struck a
        # support, causing the collapse"), the fact is "reported differently"; when it shares only
        # the other part ("X did A, and Y did B" reported as "Y did B"), this part is omitted.
        part = statement(own)
        if part.coverage >= VERIFY_STATEMENT_MIN_COVERAGE:
            return part
    return verdict


def _told(verdict: Verdict, sources: int, share: float) -> Verdict:
    """A fact nearly every other source carries (``DIFFERENTLY_MAX_SOURCE_SHARE``, and at least
    ``DIFFERENTLY_STORY_MIN_SOURCES`` of them) is the story itself:
    an outlet of the event that tells part of it in its own words tells the story ("the collapse of
    the Francis Scott Key Bridge after a cargo ship hit it" for "Baltimore's Key Bridge collapsed
    after a ship struck it; six are missing"), and "reports it differently" would tell the editor
    nothing to act on; whether it leaves out a detail of it, the search cannot say ("unclear").
    Another figure for it ("a 6.8 aftershock" for "6.4") is a difference."""
    if verdict.status == "partial" and verdict.via not in ("figure", "count") \
            and share >= DIFFERENTLY_MAX_SOURCE_SHARE and sources >= DIFFERENTLY_STORY_MIN_SOURCES:
        return replace(verdict, status="unclear")
    return verdict


def _names_only(verdict: Verdict) -> bool:
    """A "reports it differently" found by names and common words only: no figure, no specific
    word of the core, and no close paraphrase."""
    return _topic_only(verdict) and verdict.similarity < VERIFY_PARTIAL_SIMILARITY


def _topic_only(verdict: Verdict) -> bool:
    """A "reports it differently" found by names and common words only: no figure and no specific
    word of the core (what happened)."""
    return (verdict.status == "partial" and verdict.via == "terms" and not verdict.predicate
            and not any(t.kind in ("number", "date") for t in verdict.found))


class _Siblings:
    """Which facts hold each (article, sentence): to find what else a carrier's statement says.  A
    statement is one sentence, or all the sentences of one quotation that runs over several."""

    def __init__(self, facts: Sequence[Fact], same_event: set[str], by_id: Mapping[str, Article]):
        self.by_id = by_id
        self.facts_at: dict[tuple[str, str], list[Fact]] = {}
        for f in facts:
            if sum(1 for a in f.articles if a in same_event) < 2:
                continue        # only facts that another article carries can be "what it reports"
            for m in f.members:
                for sid in m.sentences:
                    self.facts_at.setdefault((m.article, sid), []).append(f)
        self._blocks: dict[str, tuple[int, ...]] = {}
        self._shared: dict[int, tuple[Fact, list[Fact]]] = {}
        self._members: dict[int, tuple[Fact, dict[str, FactMember]]] = {}
        self._held_by: dict[int, tuple[Fact, dict[str, set[str]]]] = {}

    def _statement(self, article_id: str, sentence_id: str) -> list[str]:
        article = self.by_id[article_id]
        if article_id not in self._blocks:
            self._blocks[article_id] = quotation_blocks(article)
        blocks = self._blocks[article_id]
        mine = blocks[article.sentence(sentence_id).index]
        return [s.id for s, b in zip(article.sentences, blocks) if b == mine]

    def of(self, fact: Fact, article_id: str) -> tuple[str, ...]:
        """The sentences of ``article_id`` in another fact that shares a statement with ``fact``."""
        return tuple(sorted(self._held(fact).get(article_id, ()), key=lambda sid: int(sid.rsplit(".s", 1)[1])))

    def _held(self, fact: Fact) -> dict[str, set[str]]:
        """Article id -> the sentences of its member (the first, as ``fact.member`` gives) in each
        other fact that shares a statement with ``fact``; once per fact (it is asked for every
        article that may omit it: walking the other facts each time grew as articles x facts)."""
        hit = self._held_by.get(id(fact))
        if hit is None or hit[0] is not fact:
            held: dict[str, set[str]] = {}
            for other in self._sharing(fact):
                for article_id, member in self._members_of(other).items():
                    held.setdefault(article_id, set()).update(member.sentences)
            hit = self._held_by[id(fact)] = (fact, held)
        return hit[1]

    def _sharing(self, fact: Fact) -> list[Fact]:
        """The other facts that share a statement with ``fact``, found once per fact (it is asked
        for every article that may omit it)."""
        hit = self._shared.get(id(fact))
        if hit is None or hit[0] is not fact:
            others: dict[int, Fact] = {}
            for m in fact.members:
                for sid in {s for own in m.sentences for s in self._statement(m.article, own)}:
                    for other in self.facts_at.get((m.article, sid), ()):
                        if other.id != fact.id:
                            others.setdefault(id(other), other)
            hit = self._shared[id(fact)] = (fact, list(others.values()))
        return hit[1]

    def _members_of(self, fact: Fact) -> dict[str, FactMember]:
        """Article id -> ``fact.member(article_id)`` (its first member), without walking the members
        each time."""
        hit = self._members.get(id(fact))
        if hit is None or hit[0] is not fact:
            hit = self._members[id(fact)] = (fact, {m.article: m for m in reversed(fact.members)})
        return hit[1]


_WHY_DROPPED = (
    (("present", "unclear"), "the article says it in other words or may say it"),
    (("unverifiable",), "the outlets that carry it share too little to search for"),
    (("loose",), "the outlets that carry it agree too little to be one fact"),
)


def dropped_note(coverage: Coverage) -> str:
    """"5 possible omissions were not reported (in 3 the article says it in other words or may say
    it; in 2 ...)", or "" when none was dropped."""
    total = sum(coverage.dropped.values())
    if not total:
        return ""
    parts = [f"in {n} {why}" for statuses, why in _WHY_DROPPED
             if (n := sum(coverage.dropped.get(s, 0) for s in statuses))]
    return (f"{total} possible omission{'s were' if total != 1 else ' was'} not reported ("
            + "; ".join(parts) + ").")


def find_omissions(facts: Sequence[Fact], by_id: Mapping[str, Article], same_event: set[str],
                   source_of: Mapping[str, str] | None = None) -> list[Omission]:
    """The verified omissions only (see ``assess``)."""
    return assess(facts, by_id, same_event, source_of).omissions


def first_spans(fact: Fact, articles: Sequence[str], by_id: Mapping[str, Article]) -> tuple[Span, ...]:
    spans = []
    wanted = set(articles)
    for m in fact.members:
        if m.article in wanted:
            for sid in m.sentences:
                s = by_id[m.article].sentence(sid)
                spans.append(Span(m.article, s.start, s.end))
    return tuple(spans)


def names(ids: Sequence[str], by_id: Mapping[str, Article]) -> str:
    """"CNN", "CNN and AP", "CNN, AP, BBC, DW and 12 more"."""
    return join_names([by_id[i].outlet for i in ids], EVIDENCE_MAX_OUTLETS)


def _quoted(terms) -> str:
    shown = list(dict.fromkeys(t.text for t in terms))
    return ", ".join(f"“{t}”" for t in shown[:6]) + (" …" if len(shown) > 6 else "")


def carrier_names(ids: Sequence[str], by_id: Mapping[str, Article],
                  source_of: Mapping[str, str]) -> tuple[int, str]:
    """How many independent sources ``ids`` are, and their names with each source's copies beside
    it ("alipac and its copy gardnernews; CNBC; kron4": 3): copies of one story are one source, as
    the copy notice tells the editor.  Without copies: "CNN, AP and BBC"."""
    groups: dict[str, list[str]] = {}
    for a in ids:
        groups.setdefault(source_of.get(a, a), []).append(by_id[a].outlet)
    if all(len(outlets) == 1 for outlets in groups.values()):
        return len(groups), join_names([outlets[0] for outlets in groups.values()], EVIDENCE_MAX_OUTLETS)
    # As many names as ``join_names`` shows, the rest counted ("...; and 3 more").
    budget = len(ids) if len(ids) <= EVIDENCE_MAX_OUTLETS else EVIDENCE_MAX_OUTLETS - 1
    shown: list[str] = []
    for outlets in groups.values():
        named = outlets[:budget]
        if not named:
            break
        budget -= len(named)
        copies = f" and its cop{'y' if len(outlets) == 2 else 'ies'} {join_names(named[1:], len(named))}"
        shown.append(named[0] + (copies if len(named) > 1 else ""))
    rest = f"; and {len(ids) - EVIDENCE_MAX_OUTLETS + 1} more" if len(ids) > EVIDENCE_MAX_OUTLETS else ""
    return len(groups), "; ".join(shown) + rest


def _carried(count: int, copies: bool) -> str:
    """"3 other outlets", or "3 other sources" when some carriers are copies of one story."""
    return f"{count} other {'source' if copies else 'outlet'}{'s' if count != 1 else ''}"


class _Carriers:
    """The carriers' spans, names and count of a fact, built once: every outlet that omits the fact
    or reports it differently faces the same carriers (hundreds, in a large event)."""

    def __init__(self, by_id: Mapping[str, Article], source_of: Mapping[str, str]):
        self.by_id = by_id
        self.source_of = source_of
        self._built: dict[tuple[str, tuple[str, ...]], tuple[tuple[Span, ...], str, str]] = {}

    def __call__(self, fact: Fact, covered_by: tuple[str, ...]) -> tuple[tuple[Span, ...], str, str]:
        """The carriers' spans, their names, and how many they are ("3 other sources")."""
        key = (fact.id, covered_by)
        if key not in self._built:
            count, who = carrier_names(covered_by, self.by_id, self.source_of)
            self._built[key] = (first_spans(fact, covered_by, self.by_id), who,
                                _carried(count, count < len(covered_by)))
        return self._built[key]


def omission_findings(coverage: Coverage, facts: Sequence[Fact],
                      by_id: Mapping[str, Article]) -> list[Finding]:
    """One finding per omitted fact: the outlets that omit it listed in one row (``data["omitted_by"]``;
    ``articles`` holds the first of them, the carriers, then the others), not one row per outlet
    (five rows of one minor detail would fill the top of the list).  A fact omitted by one outlet
    keeps that outlet's finding as before."""
    fact_by_id = {f.id: f for f in facts}
    carriers = _Carriers(by_id, coverage.source_of)
    out = []
    for fact_id, group in _by_fact(coverage.omissions).items():
        fact = fact_by_id[fact_id]
        group = sorted(group, key=lambda o: (o.rank, o.article))
        searched = {o.article: _searched(coverage.verdicts[(o.fact, o.article)]) for o in group}
        if len(group) == 1:
            out.append(_single(group[0], fact, searched[group[0].article], carriers, by_id))
        else:
            out.append(_grouped(group, fact, searched, carriers, by_id))
    return out


class _OfFact(Protocol):
    @property
    def fact(self) -> str: ...


_T = TypeVar("_T", bound=_OfFact)


def _by_fact(items: Iterable[_T]) -> dict[str, list[_T]]:
    """Omissions or partial verdicts by fact, in their order: one row of the list per fact."""
    by_fact: dict[str, list[_T]] = defaultdict(list)
    for item in items:
        by_fact[item.fact].append(item)
    return by_fact


def _row_frame(outlets: list[str], group: Sequence[Omission] | Sequence[Candidate], fact: Fact,
               carriers: _Carriers, by_id: Mapping[str, Article],
               kind: str) -> tuple[str, str, tuple[Span, ...], str, tuple[str, ...]]:
    """What a row of several outlets shares, omission or "reports it differently": its id, how many
    independent sources the other outlets' carriers are ("3 other sources"), their spans and names,
    and its articles -- the first outlet and the carriers lead
    (the side-by-side view shows the first two), then the other outlets."""
    shown = set(outlets)        # (a list looked up for each carrier of each outlet grew as the cube)
    covered = tuple(dict.fromkeys(a for x in group for a in x.covered_by if a not in shown))
    carrier_spans, who, count = carriers(fact, covered)
    row_id = stable_id(kind, fact.id, *sorted(by_id[a].digest for a in outlets))
    return row_id, count, carrier_spans, who, (outlets[0], *covered, *outlets[1:])


_OMISSION_RULE = (f"omission: fact carried by >= {OMISSION_MIN_CARRIERS} other independent sources; its "
                  "core (names, numbers, dates, words) searched for in this article and not found")


def _searched(verdict: Verdict) -> list:
    return list(verdict.missing + verdict.found)


def _single(o: Omission, fact: Fact, searched: list, carriers: _Carriers,
            by_id: Mapping[str, Article]) -> Finding:
    carrier_spans, who, count = carriers(fact, o.covered_by)
    evidence = (f"{by_id[o.article].outlet} does not report a fact that {count} carry ({who}): "
                f"“{fact.label}”. Searched its text for "
                f"{_quoted(searched)}: no sentence reports it.")
    return Finding(
        id=stable_id("omission", by_id[o.article].digest, o.fact), kind="omission", fact=o.fact,
        articles=(o.article, *o.covered_by), spans=carrier_spans, evidence=evidence, score=o.score,
        rule=_OMISSION_RULE,
        data={"rank": o.rank, "searched": [t.text for t in searched], "omitted_by": [o.article]})


def _grouped(group: list[Omission], fact: Fact, searched: Mapping[str, list], carriers: _Carriers,
             by_id: Mapping[str, Article]) -> Finding:
    """The omissions of one fact by several outlets as one finding, scored by the strongest."""
    omitters = [o.article for o in group]
    row_id, count, carrier_spans, who, articles = _row_frame(omitters, group, fact, carriers, by_id, "omission")
    terms = [t for a in omitters for t in searched[a]]
    evidence = (f"{names(omitters, by_id)} do not report a fact that {count} carry "
                f"({who}): “{fact.label}”. Searched their texts for {_quoted(terms)}: no sentence "
                "reports it.")
    return Finding(
        id=row_id, kind="omission", fact=fact.id, articles=articles, spans=carrier_spans, evidence=evidence,
        score=max(o.score for o in group), rule=_OMISSION_RULE,
        data={"rank": group[0].rank, "searched": list(dict.fromkeys(t.text for t in terms)),
              "omitted_by": omitters, "ranks": {o.article: o.rank for o in group},
              "searched_by": {a: [t.text for t in searched[a]] for a in omitters}})


def _what_it_says(v: Verdict) -> str:
    """How the article reports the fact, for the evidence of a "reports it differently" finding."""
    missing = f"; not {_quoted(v.missing)}" if v.missing else ""
    if v.via == "sentence":
        shares = f", with {_quoted(v.found)}" if v.found else ""
        return f"it reports another part of the sentence or quotation that holds it there{shares}{missing}"
    if v.via == "speaker":
        who, words = v.found[0], v.found[1:]
        return f"its sentence gives what {who.text} said in other words: {_quoted(words)}{missing}"
    if v.via == "count":
        return f"its sentence gives the same figure for {' and '.join(v.counted)}: {_quoted(v.found)}{missing}"
    if v.via == "figure":
        counted = f" ({' and '.join(v.counted)})" if v.counted else ""
        return f"its sentence gives another figure{counted}: {_quoted(v.found)}{missing}"
    found = f"shares {_quoted(v.found)}" if v.found else "is close in meaning"
    return f"its sentence {found}{missing}"


def differently_findings(coverage: Coverage, facts: Sequence[Fact],
                         by_id: Mapping[str, Article]) -> list[Finding]:
    """One "reports it differently" finding per fact, like omissions: the outlets that report it only
    in part listed in one row (``data["omitted_by"]``), scored by the strongest of them.  Its spans
    are each such outlet's own sentence(s), in that order, then the carriers' sentences.  A fact
    reported differently by one outlet keeps that outlet's finding as before."""
    fact_by_id = {f.id: f for f in facts}
    carriers = _Carriers(by_id, coverage.source_of)
    out = []
    # strongest first (``assess``): each group keeps that order
    for fact_id, group in _by_fact(coverage.differently).items():
        fact = fact_by_id[fact_id]
        if len(group) == 1:
            out.append(_single_differently(group[0], fact, carriers, by_id))
        else:
            out.append(_grouped_differently(group, fact, carriers, by_id))
    return out


def _own_spans(c: Candidate, by_id: Mapping[str, Article]) -> tuple[Span, ...]:
    article = by_id[c.article]
    return tuple(Span(c.article, article.sentence(s).start, article.sentence(s).end)
                 for s in c.verdict.sentences)


def _verdict_data(v: Verdict) -> dict:
    return {"sentences": list(v.sentences), "via": v.via, "found": [t.text for t in v.found],
            "missing": [t.text for t in v.missing], "coverage": v.coverage, "similarity": v.similarity}


_DIFFERENTLY_RULE = "reports it differently: part of the fact's core found in this article"


def _single_differently(c: Candidate, fact: Fact, carriers: _Carriers,
                        by_id: Mapping[str, Article]) -> Finding:
    article = by_id[c.article]
    carrier_spans, who, _ = carriers(fact, c.covered_by)
    evidence = (f"{article.outlet} does not carry “{fact.label}” as {who} "
                f"do, but {_what_it_says(c.verdict)}.")
    return Finding(
        id=stable_id("differently", article.digest, c.fact), kind="reports_differently",
        fact=c.fact, articles=(c.article, *c.covered_by),
        spans=_own_spans(c, by_id) + carrier_spans, evidence=evidence,
        score=round(DIFFERENTLY_SCORE_FACTOR * c.score, 4), rule=_DIFFERENTLY_RULE,
        data={**_verdict_data(c.verdict), "omitted_by": [c.article]})


def _grouped_differently(group: list[Candidate], fact: Fact, carriers: _Carriers,
                         by_id: Mapping[str, Article]) -> Finding:
    """The partial verdicts of one fact in several outlets as one finding: what each outlet says is
    in the evidence and in ``data["by_outlet"]``; ``data``'s own verdict fields are the first's."""
    outlets = [c.article for c in group]
    row_id, _, carrier_spans, who, articles = _row_frame(outlets, group, fact, carriers, by_id,
                                                         "differently")
    each = "; ".join(f"{by_id[c.article].outlet}: {_what_it_says(c.verdict)}" for c in group)
    evidence = (f"{names(outlets, by_id)} do not carry “{fact.label}” as {who} do, but each reports "
                f"part of it. {each}.")
    return Finding(
        id=row_id, kind="reports_differently", fact=fact.id, articles=articles,
        spans=tuple(s for c in group for s in _own_spans(c, by_id)) + carrier_spans, evidence=evidence,
        score=round(DIFFERENTLY_SCORE_FACTOR * max(c.score for c in group), 4), rule=_DIFFERENTLY_RULE,
        data={**_verdict_data(group[0].verdict), "omitted_by": outlets,
              "by_outlet": {c.article: _verdict_data(c.verdict) for c in group}})
