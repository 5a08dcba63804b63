"""The core of a fact and the verdicts of its searches (see ``verify``).

``Core``: what the carriers of a fact have in common, its terms each weighted by how specific it is
within the event; ``Verdict``: what one search of an article found; ``judge``: the verdict on one
window of the searched article's sentences, by how much of the core it states and how close in
meaning it is.  No search here: ``index``, ``figures`` and ``verify`` find the windows.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from analysis import constants as C
from analysis.coverage.terms import Term

KIND_WEIGHT = {"number": C.CORE_NUMBER_WEIGHT, "date": C.CORE_DATE_WEIGHT,
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


def judge(core: Core, found: list[CoreTerm], size: int, similarity: float) -> Verdict:
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
    if some and not (coverage >= C.VERIFY_PARTIAL_COVERAGE or by_weight) and not predicate and not figures:
        # Close in meaning, with none of the fact's own words or figures: a sentence on the event's
        # topic ("thieves seized eight pieces of jewellery at the Louvre" for "the Louvre closed for
        # exceptional reasons") reads close to many of its facts.  It may say it, or not.
        return Verdict("unclear", coverage=shown[0], similarity=shown[1])
    if some:
        # Something is there: a concrete part of the core makes it "reports it differently"; without
        # one the article may still say it in words the matcher does not know: no omission either.
        return Verdict("partial" if concrete else "unclear", coverage=shown[0], similarity=shown[1])
    return Verdict("absent", coverage=shown[0], similarity=shown[1])


def bits(mask: int) -> list[int]:
    """The positions of the set bits of ``mask``, lowest first."""
    out = []
    t = 0
    while mask:
        if mask & 1:
            out.append(t)
        mask >>= 1
        t += 1
    return out


_ORDER = {"absent": 0, "unclear": 1, "partial": 2, "present": 3}


def rank(v: Verdict) -> tuple[int, float, float]:
    return (_ORDER[v.status], v.coverage, v.similarity)
