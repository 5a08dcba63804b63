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

from analysis.constants import FRAMING_FACING_MAX_WORDS
from analysis.model import Article, FactMember, Span
from analysis.segment import strip_span
from analysis.signals.worddiff import DiffOp, word_diff

_JOINER = " "
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")


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
        """Version ranges of text inside quotation marks (a quote left open runs to the end)."""
        return quote_ranges(self.text)

    def in_quote(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.quotes)

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

    def article_pos(self, pos: int) -> int:
        """The article offset of a version offset (inside a sentence)."""
        starts = [p[0] for p in self.pieces]
        k = max(0, bisect.bisect_right(starts, pos) - 1)
        v0, a0, _ = self.pieces[k]
        return a0 + pos - v0


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges inside double quotation marks.  “ opens, ” closes, a straight " toggles (outlets mix
    them: “...," happens); a quote left open runs to the end of the text."""
    out: list[tuple[int, int]] = []
    start = -1
    for i, ch in enumerate(text):
        if ch == "“" or (ch == '"' and start < 0):
            start = i + 1
        elif ch in "”\"" and start >= 0:
            if i > start:
                out.append((start, i))
            start = -1
    if 0 <= start < len(text):
        out.append((start, len(text)))
    return out


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

    def one_sided(self, version: Version, start: int, end: int) -> bool:
        """Whether [start, end) is extra content: the other version has nothing in its place."""
        op = self.op_at(version, start, end)
        return op is not None and op.tag in ("insert", "delete")
