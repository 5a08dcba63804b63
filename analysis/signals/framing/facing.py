"""What the other outlets wrote instead of a word: its counterpart in the aligned facts (for wording.py).

``Facing`` builds the versions of the facts lazily and finds, for one use of a word, each other
outlet's words facing it in the word diff of a shared fact (``counterparts``) or its attribution verb
for the same speaker (``verbs``); ``flanked`` tells a substitution inside one shared sentence.
Large events repeat one wire copy in many outlets, so what depends only on two texts is computed once
per two texts, and a fact's members are read once.
"""
from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher
from typing import Mapping, Sequence

from analysis.constants import FRAMING_WORD_CHANGE_MAX_WORDS, FRAMING_WORD_FACING_MAX_WORDS
from analysis.lexicons import load_lexicon
from analysis.model import Article, Fact, FactMember
from analysis.signals.framing.uses import Use
from analysis.signals.framing.versions import Pair, Version, build_version, same_speaker

_WORD = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*")


class Facing:
    """Versions of the facts, to find what another outlet wrote facing a word (built lazily)."""

    def __init__(self, facts: Sequence[Fact], articles: Mapping[str, Article]):
        self.articles = articles
        self.by_sentence: dict[str, list[Fact]] = defaultdict(list)
        for f in facts:
            for m in f.members:
                for sid in m.sentences:
                    self.by_sentence[sid].append(f)
        self._versions: dict[tuple[str, str], Version | None] = {}
        # (fact id, article id) -> ``fact.member(article id)``, read once per fact: walking the members
        # for each member grew as the square of a fact's outlets (hundreds in a large event)
        self._members: dict[tuple[str, str], FactMember] = {}
        self._read: set[str] = set()
        # (text, other text, start, end) -> what ``_word_facing`` gives: it reads the two texts only,
        # and outlets that run one wire copy meet the same two texts in many pairs of articles
        self._facing: dict[tuple[str, str, int, int], tuple[int, int] | None] = {}
        self._verbs: dict[str, list[tuple[int, int, str, str]]] = {}

    def version(self, fact: Fact, article_id: str) -> Version | None:
        key = (fact.id, article_id)
        if key not in self._versions:
            if fact.id not in self._read:
                self._read.add(fact.id)
                for m in reversed(fact.members):     # the first member of an article wins, as in ``member``
                    self._members[(fact.id, m.article)] = m
            member = self._members.get(key)
            article = self.articles.get(article_id)
            self._versions[key] = build_version(article, member) if member and article else None
        return self._versions[key]

    def verb_hits(self, text: str) -> list[tuple[int, int, str, str]]:
        """The attribution verbs of a version text, found once per text (wire copy repeats it)."""
        if text not in self._verbs:
            self._verbs[text] = load_lexicon("attribution_verbs").find(text)
        return self._verbs[text]

    def facing(self, fact: Fact, mine: Version, other: Version, start: int, end: int) -> tuple[int, int] | None:
        """``_word_facing`` of the pair (``mine``, ``other``) at [start, end), once per two texts."""
        key = (mine.text, other.text, start, end)
        if key not in self._facing:
            self._facing[key] = _word_facing(Pair(fact.id, mine, other), start, end)
        return self._facing[key]

    def facts_of(self, article: Article, pos: int) -> list[Fact]:
        for s in article.sentences:
            if s.start <= pos < s.end:
                return self.by_sentence.get(s.id, [])
        return []

    def verbs(self, article: Article, use: Use) -> dict[str, tuple[str, int, int]]:
        """Other article id -> its first attribution verb outside quotes in a fact it shares with the
        use, of the same speaker ("said"): what an outlet attributes the same statement with, when no
        diff pins it (another speaker's verb is another act)."""
        out: dict[str, tuple[str, int, int]] = {}
        for fact in self.facts_of(article, use.start):
            mine = self.version(fact, article.id)
            v_start = version_pos(mine, use.start) if mine else None
            for m in fact.members:
                other = self.version(fact, m.article) if m.article != article.id else None
                if other is None or m.article in out:
                    continue
                found = [h for h in self.verb_hits(other.text)
                         if not other.in_quote(h[0], h[1])
                         and (mine is None or v_start is None
                              or same_speaker(mine, (v_start, v_start + use.end - use.start), other, (h[0], h[1])))]
                if found:
                    s, e = found[0][0], found[0][1]
                    out[m.article] = (other.text[s:e], other.article_pos(s), other.article_pos(e - 1) + 1)
        return out

    def counterparts(self, article: Article, use: Use) -> dict[str, tuple[str, int, int]]:
        """Other article id -> (its words facing the use, article start, end) in a shared fact."""
        out: dict[str, tuple[str, int, int]] = {}
        for fact in self.facts_of(article, use.start):
            mine = self.version(fact, article.id)
            if mine is None:
                continue
            v_start = version_pos(mine, use.start)
            if v_start is None:
                continue
            for m in fact.members:
                if m.article == article.id or m.article in out or m.article not in self.articles:
                    continue
                other = self.version(fact, m.article)
                if other is None:
                    continue
                facing = self.facing(fact, mine, other, v_start, v_start + use.end - use.start)
                if facing:
                    out[m.article] = (other.text[facing[0]:facing[1]], other.article_pos(facing[0]),
                                      other.article_pos(facing[1] - 1) + 1)
        return out


def _word_facing(pair: Pair, start: int, end: int) -> tuple[int, int] | None:
    """The other version's words that replace [start, end) of ``pair.a``, aligned word by word inside
    the diff's change ("slammed the reckless plan" / "criticised the plan": "slammed" faces
    "criticised", "reckless" faces nothing); None when the words are unchanged or only deleted."""
    op = pair.op_at(pair.a, start, end)
    if op is None or op.tag != "replace" or not flanked(pair, op):
        return None
    ta = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(pair.a.text, op.a_start, op.a_end)]
    tb = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(pair.b.text, op.b_start, op.b_end)]
    matcher = SequenceMatcher(None, [w for *_, w in ta], [w for *_, w in tb], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        covers = i1 < i2 and ta[i1][0] <= start and end <= ta[i2 - 1][1]
        if covers and tag == "replace" and j2 - j1 <= FRAMING_WORD_FACING_MAX_WORDS:
            return tb[j1][0], tb[j2 - 1][1]
        if covers:
            return None
    return None


def flanked(pair: Pair, op) -> bool:
    """A change with unchanged words on both sides and at most FRAMING_WORD_CHANGE_MAX_WORDS words on
    each side: a substitution inside one shared sentence, not two different sentences."""
    k = pair.ops.index(op)
    if k == 0 or k == len(pair.ops) - 1 or pair.ops[k - 1].tag != "equal" or pair.ops[k + 1].tag != "equal":
        return False
    words = lambda text, s, e: len(_WORD.findall(text, s, e))
    return max(words(pair.a.text, op.a_start, op.a_end), words(pair.b.text, op.b_start, op.b_end)) \
        <= FRAMING_WORD_CHANGE_MAX_WORDS


def version_pos(version: Version, pos: int) -> int | None:
    for v0, a0, n in version.pieces:
        if a0 <= pos < a0 + n:
            return v0 + pos - a0
    return None
