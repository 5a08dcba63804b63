"""One outlet's version of a fact, and the pair of versions that every framing rule reads.

A *version* is the text of the fact's member claims in one article (the parts of its sentences that
state the fact: a compound sentence's other claims belong to other facts), joined by a single space;
a member without claim spans gives its whole sentences.
Rules work on version offsets; ``Version.spans`` maps them back to ``Article.text`` (a range that
crosses the joint between two non-adjacent sentences becomes one span per sentence), so every
finding's span is exact: ``article.text[span.start:span.end]``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from analysis.constants import (
    FRAMING_FACING_MAX_WORDS,
    FRAMING_SAME_CLAIM_MIN_SHARE,
    FRAMING_VERB_SPEAKER_MAX_CHARS,
    FRAMING_VERSION_CONTEXT_CHARS,
)
from analysis.lexicons import load_lexicon
from analysis.model import Article, FactMember, Span
from analysis.segment import strip_span
from analysis.signals.framing.speech import speech_ranges
from analysis.signals.quotemarks import direct_spans
from analysis.signals.voices import find_quotes
from analysis.signals.worddiff import DiffOp, word_diff

_JOINER = " "
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")


# the speaker's verb, a few words ("Alito, in the final opinion issued Friday, wrote") and "that" (or
# not: "Shorten said it was clear …") before the reported clause
_SAID_THAT = re.compile(r"\s*\S+(?:\s+\S+){0,10}?(?:\s+that)?\s*")


@dataclass
class Version:
    """The text by which one article reports one fact."""
    article: Article
    sentence_ids: tuple[str, ...]
    text: str = ""
    # (version start, article start, length) of each sentence, in order
    pieces: list[tuple[int, int, int]] = field(default_factory=list)
    cache: dict = field(default_factory=dict, repr=False)      # per-rule results on this version

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def name(self) -> str:
        """How evidence names the outlet: its outlet name, else its id."""
        return self.article.outlet or self.article.id

    @cached_property
    def digest(self) -> str:
        """The article's digest (hashing a long article once per version, not once per finding)."""
        return self.article.digest

    @cached_property
    def words(self) -> int:
        return len(_WORD.findall(self.text))

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """Version ranges of text inside quotation marks, as the article's quotes fall in its pieces
        (``quotemarks.direct_spans``).  Read on the article, not on the joined text: a quote opened
        in one sentence and closed in a sentence the version leaves out must not run over the
        version's next sentence (“We hold that Roe … must be overruled.  Authority … rests with the
        political branches, Alito wrote." is a quote and the outlet's own sentence)."""
        out = []
        for qs, qe in article_quotes(self.article):
            for v0, a0, n in self.pieces:
                s, e = max(qs, a0), min(qe, a0 + n)
                if s < e:
                    out.append((v0 + s - a0, v0 + e - a0))
        return out

    @cached_property
    def context(self) -> str:
        """The article's text around the version that the passive rules read besides it (the
        paragraph before its first sentence, at least FRAMING_VERSION_CONTEXT_CHARS before it, and the rest
        of its last sentence): two versions of one text in two articles are one wording only when
        this is the same too."""
        first, last = self.pieces[0][1], self.pieces[-1][1] + self.pieces[-1][2]
        sentences = self.article.sentences
        here = next((x for x in sentences if x.start <= first < x.end), None)
        lo = first - FRAMING_VERSION_CONTEXT_CHARS
        if here is not None:
            lo = min([lo] + [x.start for x in sentences if x.paragraph == here.paragraph - 1])
        hi = next((x.end for x in sentences if x.start <= last - 1 < x.end), last)
        return self.article.text[max(0, lo):first] + "\x00" + self.article.text[last:hi]

    def in_quote(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.quotes)

    @cached_property
    def reported(self) -> list[tuple[int, int]]:
        """Version ranges of speech reported after its speaker ("Alito wrote that Roe … must be
        overturned"): the speaker's words, told by the outlet.  A trailing attribution ("The plan
        was rejected, officials said") is the outlet's own summary and is not among them.  Speech
        told by a participle or "claimed to be" ("…, saying he was the victim of …") is the speaker's
        too (``speech.speech_ranges``)."""
        ranges = [(q.start, q.end) for q in find_quotes(self.article)
                  if q.kind == "reported" and 0 <= q.speaker_end <= q.start
                  and _SAID_THAT.fullmatch(self.article.text, q.speaker_end, q.start)]
        ranges += speech_ranges(self.article.text)
        out = []
        for qs, qe in ranges:
            for v0, a0, n in self.pieces:
                s, e = max(qs, a0), min(qe, a0 + n)
                if s < e:
                    out.append((v0 + s - a0, v0 + e - a0))
        return out

    def in_reported(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.reported)

    def quoted_words(self) -> list[str]:
        return [w.lower().replace("’", "'") for s, e in self.quotes for w in _WORD.findall(self.text[s:e])]

    def spans(self, start: int, end: int) -> list[Span]:
        """Article spans of the version range [start, end), split per sentence, no outer spaces."""
        out = []
        for v0, a0, n in self.pieces:
            s, e = max(start, v0), min(end, v0 + n)
            if e <= s:
                continue
            s, e = strip_span(self.text, s, e)
            if e > s:
                out.append(Span(self.article.id, a0 + s - v0, a0 + e - v0))
        return out

    def claims_holding(self, start: int, end: int) -> tuple[int, int]:
        """The version range of the whole claims (pieces) that [start, end) touches: a word diff's
        change may begin or end mid-phrase ("Jr. told the"), a claim does not."""
        held = [(v0, v0 + n) for v0, _, n in self.pieces if v0 < end and start < v0 + n] or [(start, end)]
        return held[0][0], held[-1][1]

    def article_pos(self, pos: int) -> int:
        """The article offset of a version offset (inside a sentence)."""
        starts = [p[0] for p in self.pieces]
        k = max(0, bisect.bisect_right(starts, pos) - 1)
        v0, a0, _ = self.pieces[k]
        return a0 + pos - v0


_QUOTES: dict[str, tuple[tuple[int, int], ...]] = {}


def article_quotes(article: Article) -> tuple[tuple[int, int], ...]:
    """(start, end) of the article's direct quotes; cached per text (every version of the article
    reads them)."""
    key = article.digest
    if key not in _QUOTES:
        if len(_QUOTES) >= _QUOTED_MAX:
            _QUOTES.clear()
        _QUOTES[key] = tuple((q.start, q.end) for q in direct_spans(article))
    return _QUOTES[key]


def build_version(article: Article, member: FactMember) -> Version | None:
    """The version of ``member`` in ``article``; None when no sentence id resolves."""
    by_id = {s.id: s for s in article.sentences}
    sentences = sorted((by_id[i] for i in member.sentences if i in by_id), key=lambda s: s.start)
    if not sentences:
        return None
    version = Version(article, tuple(s.id for s in sentences))
    spans = sorted(member.claims, key=lambda c: c.start) if member.claims else \
        [Span(article.id, s.start, s.end) for s in sentences]
    parts, pos = [], 0
    for span in spans:
        body = article.text[span.start:span.end]
        version.pieces.append((pos, span.start, len(body)))
        parts.append(body)
        pos += len(body) + len(_JOINER)
    version.text = _JOINER.join(parts)
    return version


@lru_cache(maxsize=8192)
def _diff(a: str, b: str) -> tuple[DiffOp, ...]:
    """``word_diff`` of two version texts, cached: when many outlets carry the same wire copy, the
    same two texts meet again in many pairs of articles (version offsets depend on the text only).
    Always computed in one direction (the larger text first) and mirrored, so the findings of a
    pair do not depend on which article was given first."""
    if a < b:
        return tuple(_mirrored(op) for op in _diff(b, a))
    return word_diff(a, b)


_MIRROR = {"insert": "delete", "delete": "insert"}


def _mirrored(op: DiffOp) -> DiffOp:
    return DiffOp(_MIRROR.get(op.tag, op.tag), op.b_start, op.b_end, op.a_start, op.a_end)


@dataclass
class Pair:
    """Two versions of one fact and their word diff; ``a`` is the member listed first in the fact."""
    fact_id: str
    a: Version
    b: Version

    @cached_property
    def ops(self) -> tuple[DiffOp, ...]:
        return _diff(self.a.text, self.b.text)

    @cached_property
    def changes(self) -> tuple[DiffOp, ...]:
        return tuple(op for op in self.ops if op.tag != "equal")

    def side(self, version: Version) -> str:
        return "a" if version is self.a else "b"

    def other(self, version: Version) -> Version:
        return self.b if version is self.a else self.a

    def op_at(self, version: Version, start: int, end: int) -> DiffOp | None:
        """The diff op whose range on ``version``'s side holds [start, end)."""
        for op in self.ops:
            s, e = (op.a_start, op.a_end) if version is self.a else (op.b_start, op.b_end)
            if s <= start and end <= e and s < e:
                return op
        return None

    def counterpart(self, version: Version, start: int, end: int) -> tuple[int, int] | None:
        """The other version's range facing [start, end) when it sits in a change: None if the
        range is unchanged, if the other side has no word, or if it is too wide to pin down."""
        op = self.op_at(version, start, end)
        if op is None or op.tag == "equal":
            return None
        other = self.other(version)
        s, e = (op.b_start, op.b_end) if version is self.a else (op.a_start, op.a_end)
        s, e = strip_span(other.text, s, e)
        n_words = len(_WORD.findall(other.text[s:e]))
        # a change whose other side is only punctuation ("aid: “...”" against "aid.") faces nothing
        if n_words == 0 or n_words > FRAMING_FACING_MAX_WORDS:
            return None
        return s, e

    @cached_property
    def core_share(self) -> float:
        """Share 0-1 of the shorter version's content-word stems that the other version has too:
        how much of one claim the two versions tell in common."""
        a, b = _stems(self.a.text), _stems(self.b.text)
        return len(a & b) / min(len(a), len(b)) if a and b else 0.0

    def same_claim(self) -> bool:
        """The two versions tell the same claim: they share at least FRAMING_SAME_CLAIM_MIN_SHARE of
        their content words (the fact's core), and they give it to the same speaker when both
        name one.  Rules that compare how a claim is told (sentiment, voice, quoting) need this;
        a fact's versions may be linked sentences that are not one claim."""
        if self.core_share < FRAMING_SAME_CLAIM_MIN_SHARE:
            return False
        sa, sb = speakers(self.a), speakers(self.b)
        return not (sa and sb and not sa & sb)

    def one_sided(self, version: Version, start: int, end: int) -> bool:
        """Whether [start, end) is extra content: the other version has nothing in its place."""
        op = self.op_at(version, start, end)
        return op is not None and op.tag in ("insert", "delete")


@lru_cache(maxsize=16384)
def _stems(text: str) -> frozenset[str]:
    from analysis.align.features.words import content_words, stem
    return frozenset(stem(w) for w in content_words(text))


_QUOTED: dict[str, tuple[tuple[int, int, str], ...]] = {}
_QUOTED_MAX = 2048


def article_speakers(article: Article) -> tuple[tuple[int, int, str], ...]:
    """(start, end, speaker's last name) of every quote with a named speaker; cached per text (the
    stand-in versions of ``framing._Wordings`` share their article's text)."""
    if article.digest not in _QUOTED:
        from analysis.signals.voices import find_quotes
        if len(_QUOTED) >= _QUOTED_MAX:
            _QUOTED.clear()
        _QUOTED[article.digest] = tuple(
            (q.start, q.end, q.speaker_name.split()[-1].lower().replace("’", "'"))
            for q in find_quotes(article) if q.speaker_name and not q.unnamed)
    return _QUOTED[article.digest]


def speakers(version: Version) -> frozenset[str]:
    """Last names of the named speakers of the quotes (direct or reported) in the version's
    sentences."""
    if "speakers" not in version.cache:
        spans = [(version.article.sentence(i).start, version.article.sentence(i).end)
                 for i in version.sentence_ids]
        version.cache["speakers"] = frozenset(
            name for qs, qe, name in article_speakers(version.article)
            if any(qs < e and s < qe for s, e in spans))
    return version.cache["speakers"]


def verb_speaker(version: Version, start: int, end: int) -> str:
    """Last name of the speaker of the attribution verb at version range [start, end): the named
    speaker of a quote of the same sentence whose verb it is, nearest to it; "" when unknown."""
    a_start = version.article_pos(start)
    a_end = a_start + (end - start)
    verb = version.text[start:end].lower()
    best = ""
    best_gap = FRAMING_VERB_SPEAKER_MAX_CHARS + 1
    for q in find_quotes(version.article):
        if not q.speaker_name or q.unnamed or q.speaker_start < 0 or q.verb.split(" ")[0] != verb.split(" ")[0]:
            continue
        gap = a_start - q.speaker_end if q.speaker_end <= a_start else q.speaker_start - a_end
        if 0 <= gap < best_gap:
            best, best_gap = q.speaker_name.split()[-1].lower().replace("’", "'"), gap
    return best or _name_before(version.text, start)


_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:['’\-][A-Za-z]+)*)\s+$")


def _name_before(text: str, start: int) -> str:
    """The capitalised name right before a verb ("Malcolm Turnbull declares", "Shorten concedes"),
    lower case; "" when none, or when it is a title or a person noun ("the Prime Minister said")."""
    from analysis.signals.nouns import noun_of
    m = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return ""
    word = m.group(1).lower().replace("’", "'")
    # "They said", "Officials said": a pronoun or a person noun opening the sentence is no name
    return "" if noun_of(word) or word in load_lexicon("stopwords").entries else word


def same_speaker(a: Version, a_range: tuple[int, int], b: Version, b_range: tuple[int, int]) -> bool:
    """Two attribution verbs may be compared: their speakers are one person, or either is unknown
    ("Jones declared" / "Smith conceded" are two acts of two people, no choice of verb)."""
    sa, sb = verb_speaker(a, *a_range), verb_speaker(b, *b_range)
    return not (sa and sb and sa != sb)
