"""The one data model of Parallax: immutable records that every stage produces and every view reads.

Conventions (documented once, here):

* Every span is a pair of character offsets ``start``/``end`` into ``Article.text`` (the cleaned,
  normalised text), so ``article.text[start:end]`` is always exactly the thing highlighted.
  Offsets count Python ``str`` code points, not bytes and not UTF-16 units.
* Ids are short strings. Article ids are ``a1``, ``a2``... in input order; sentence ids are
  ``<article id>.s<n>`` (n from 1); fact ids are ``f-<10 hex>`` derived from the member sentences'
  text, so they survive re-running the analysis on the same text; finding ids are ``<kind>-<10 hex>``
  derived the same way (see ``stable_id``).
* Records are frozen dataclasses holding tuples, never lists, so a ``Comparison`` can be shared between
  threads and cached without copying.  Mappings in metrics are plain dicts by convention: read, never
  mutate.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Mapping


def stable_id(prefix: str, *parts: str) -> str:
    """A short id that depends only on ``parts`` (their text), never on order of discovery."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]
    return f"{prefix}-{digest}"


def article_order(article_id: str) -> tuple[int, str]:
    """Sort key of article ids in input order: "a2" before "a10"."""
    digits = "".join(c for c in article_id if c.isdigit())
    return (int(digits) if digits else 0, article_id)


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of one article: ``articles[article].text[start:end]``."""
    article: str
    start: int
    end: int


@dataclass(frozen=True)
class Removed:
    """A line the cleaner took out of the source, kept so the user can see and restore it.

    ``line`` is the 0-based line number in ``Article.source_text`` (the decoded, normalised input
    before cleaning); restoring puts the line back in its original place.
    """
    text: str
    reason: str
    line: int


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    id: str
    index: int          # 0-based position in the article
    start: int
    end: int
    text: str
    paragraph: int      # index of the paragraph that holds it


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    sentence: int       # index of the sentence that holds it


@dataclass(frozen=True)
class Article:
    """One cleaned, segmented article.  Produced by ``analysis.load_article``."""
    id: str
    path: str | None            # as given by the user (file path or URL); None for pasted text
    source_kind: str            # "file", "paste" or "url"
    outlet: str
    title: str
    date: str | None            # ISO 8601 date (YYYY-MM-DD) or None
    author: str | None
    text: str                   # cleaned, normalised body; every offset points into this
    source_text: str            # decoded, normalised input before cleaning (lines kept)
    removed: tuple[Removed, ...]
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    language: str = "en"
    encoding: str = "utf-8"
    metadata_origin: Mapping[str, str] = field(default_factory=dict)  # field -> how it was found
    warnings: tuple[str, ...] = ()
    dateline: str | None = None  # "WASHINGTON —" that opens the text: in ``text``, outside every sentence

    # Computed once per article: the engine asks for them thousands of times.  ``cached_property``
    # stores the value in the instance's __dict__ directly (a frozen dataclass allows that), it is
    # no field (equality, ``replace`` and the JSON ignore it) and it travels with a pickled Article.
    @cached_property
    def digest(self) -> str:
        """Hash of the cleaned text: identifies the article across sessions and re-runs."""
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()

    @cached_property
    def word_count(self) -> int:
        return sum(1 for t in self.tokens if any(c.isalnum() for c in t.text))

    def sentence(self, sentence_id: str) -> Sentence:
        index = int(sentence_id.rsplit(".s", 1)[1]) - 1
        return self.sentences[index]


@dataclass(frozen=True)
class FactMember:
    """How one article reports one fact: the sentences (ids, in text order) that hold it and the
    claims, the parts of those sentences that state it (spans in text order; a compound sentence
    holds several claims, so one sentence may belong to several facts).  ``claims`` is empty only
    for members built by hand from sentence ids; then the whole sentences are the claims."""
    article: str
    sentences: tuple[str, ...]
    claims: tuple[Span, ...] = ()

    def spans(self, article: Article) -> tuple[Span, ...]:
        """The claims, or the whole sentences when the member has no claim spans."""
        if self.claims:
            return self.claims
        return tuple(Span(self.article, s.start, s.end)
                     for s in sorted((article.sentence(i) for i in self.sentences), key=lambda s: s.start))


@dataclass(frozen=True)
class Fact:
    """One fact aligned across outlets: a row of the fact x outlet grid."""
    id: str
    label: str
    members: tuple[FactMember, ...]
    cohesion: float = 1.0       # mean pairwise similarity of the members, 0-1

    def member(self, article_id: str) -> FactMember | None:
        for m in self.members:
            if m.article == article_id:
                return m
        return None

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(m.article for m in self.members)


@dataclass(frozen=True)
class EventMatch:
    """One article's place among the events: is it in the compared group, and why (or why not)."""
    article: str
    score: float                # 0-1: mean same-event probability with the compared group's others
    same_event: bool            # in the compared group (aligned, omissions); False when none is
    evidence: str = ""          # for editors: the names, passages, numbers it shares, or the clash
    group: str = ""             # id of its EventGroup


@dataclass(frozen=True)
class EventGroup:
    """One event (story cluster) among the inputs; every article is in exactly one group."""
    id: str                     # "e1", "e2", ...: largest group first
    articles: tuple[str, ...]   # article ids in input order (identical copies included)
    label: str                  # what it is about: the title of its most central article
    compared: bool = False      # the group that is aligned and compared
    cohesion: float = 1.0       # mean same-event probability of its pairs, 0-1 (1 for one article)
    evidence: str = ""          # what ties its articles together, for editors
    copies: tuple[str, ...] = ()    # of ``articles``, the identical copies left out of alignment


@dataclass(frozen=True)
class Omission:
    """A fact that ``covered_by`` carry and ``article`` leaves out; rank 1 is the most important."""
    fact: str
    article: str
    covered_by: tuple[str, ...]
    rank: int
    score: float


@dataclass(frozen=True)
class CopyGroup:
    """Articles that are one source: one agency's copy in several outlets, or versions of one article.

    ``original`` is the group's first article in input order (the source the coverage counts once);
    ``similarity`` gives, per copy, the share 0-1 of words it shares with the original in order.
    ``kind``: "identical" (same cleaned text), "version" (same outlet, edited) or "copy".
    """
    original: str
    copies: tuple[str, ...]
    similarity: Mapping[str, float]
    kind: str
    agency: str = ""            # the agency the texts name ("AP", "Reuters"), "" when none
    label: str = ""             # "a2 and a4: same AP copy, 96 % identical"

    @property
    def articles(self) -> tuple[str, ...]:
        return (self.original, *self.copies)


@dataclass(frozen=True)
class Finding:
    """One reviewable observation: a typed signal with its evidence and the rule that raised it."""
    id: str                     # stable key: same text, same finding, same id
    kind: str                   # e.g. "omission", "exclusive", "attribution_verb", "contradiction"
    fact: str | None
    articles: tuple[str, ...]
    spans: tuple[Span, ...]
    evidence: str               # one readable sentence naming what fired
    score: float                # 0-1, higher is stronger
    rule: str = ""              # the rule or lexicon entry that raised it
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Quote:
    """A direct ("...") or reported (said that ...) quote and who it is attributed to."""
    article: str
    sentence: str               # sentence id holding the quote (the first, if it spans several)
    start: int                  # the quoted words (direct) or the reported clause
    end: int
    kind: str                   # "direct" or "reported"
    speaker: str                # canonical speaker key (normalised name), "" when unknown
    speaker_name: str           # the name as the text gives it
    role: str = ""              # e.g. "German Chancellor", as the text gives it
    speaker_start: int = -1     # span of the name in the text, -1 when not in this sentence
    speaker_end: int = -1
    verb: str = ""              # the attribution verb ("said", "told", "warned"), lower-case
    words: int = 0              # words quoted
    unnamed: bool = False       # an unnamed source ("a White House official"); key starts with "~"
    unclosed: bool = False      # a direct quote left open: it runs to the end of its paragraph


@dataclass(frozen=True)
class Voice:
    """One speaker across the comparison: who quotes them and how much (share of voice)."""
    speaker: str                # canonical key
    name: str                   # the fullest name seen
    role: str
    words: Mapping[str, int]    # article id -> words quoted from this speaker
    share: Mapping[str, float]  # article id -> share of that article's quoted words, 0-1
    direct: Mapping[str, int] = field(default_factory=dict)   # article id -> words in direct quotes
    quotes: Mapping[str, int] = field(default_factory=dict)   # article id -> number of quotes
    unnamed: bool = False       # an unnamed source: never a voice omission


@dataclass(frozen=True)
class Comparison:
    """Everything the engine knows about a set of articles; built by ``analysis.compare``."""
    articles: tuple[Article, ...]
    event: tuple[EventMatch, ...] = ()
    facts: tuple[Fact, ...] = ()
    omissions: tuple[Omission, ...] = ()
    findings: tuple[Finding, ...] = ()
    metrics: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # article id -> groups
    quotes: tuple[Quote, ...] = ()
    voices: tuple[Voice, ...] = ()
    notes: tuple[str, ...] = ()     # plain messages for the user ("only one article", ...)
    copies: tuple[CopyGroup, ...] = ()  # groups of articles that are one source (copies, versions)
    groups: tuple[EventGroup, ...] = ()     # the events among the inputs; one is ``compared``

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def compared_group(self) -> EventGroup | None:
        """The group being compared, or None when no two articles share an event."""
        return next((g for g in self.groups if g.compared), None)

    def fact(self, fact_id: str) -> Fact:
        for f in self.facts:
            if f.id == fact_id:
                return f
        raise KeyError(fact_id)
