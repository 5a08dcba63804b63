"""People of one article: who is a person, the gender the text gives them, their role words, and
what "he", "she" or "the senator" points back to.

English news attribution names a speaker once and then refers back ("..., he said", "the senator
added").  The rules, all read from the article itself:

* **Person**: a full personal name (``actors.is_person_key``), or a name with a personal title or
  honorific right before it ("Mr. Trump", "Sen. Paul", "President Obama"), or the key of such a
  mention elsewhere in the article.  A capitalised plural of a group word ("Senate Democrats") or a
  party tag ("D-N.Y.") is never a person.
* **Gender**, first evidence wins: an honorific (Mr. / Ms., Mrs., Miss), a gendered role word next to
  the name (congresswoman, spokesman), the given name (``given_names`` lexicon); else the pronouns of
  sentences that name that person alone ("Lauten apologized for her post"), or in which every other
  person named before the pronoun is known to be of the other gender.  Unknown is compatible with
  both pronouns.
* **Role words** of a person: the title before the name, an appositive after it, or "the aide,
  Elizabeth Lauten" (a role phrase and a comma before it); abbreviations read in full (Sen. ->
  senator), so that "the senator" finds "Sen. Marco Rubio".
* **Resolution** (``Referents.resolve``): the nearest earlier person of a compatible gender, looking
  first in the sentence itself (before the pronoun), then back through the previous sentences that have
  words outside quotes (at most PRONOUN_LOOKBACK_SENTENCES of them).  Within one earlier sentence the
  speaker of a speech verb comes first, then the person named first (the subject): "Pelosi disagreed
  with Ryan's view. “...,” she said" is Pelosi.  A definite description ("the senator") takes the
  nearest person whose role words hold that noun, else resolves like a pronoun, over people the
  article gives no other role and names that are no place's ("Charles de Gaulle airport").
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Sequence

from analysis.constants import PRONOUN_LOOKBACK_SENTENCES, PRONOUN_MAX_SENTENCES_BACK
from analysis.model import Article
from analysis.signals.actors import Mention
from analysis.signals.nouns import (
    HONORIFICS,
    TITLE_NOUNS,
    given_gender,
    is_group_name,
    noun_gender,
    noun_of,
    pronoun_gender,
)
from analysis.signals.places import is_place

# Titles that make the name after them a person's (besides person nouns and honorifics).
_PERSONAL_TITLES = frozenset(TITLE_NOUNS) | frozenset(HONORIFICS) | frozenset(
    "senator representative congressman congresswoman president governor mayor secretary minister "
    "chancellor ambassador judge justice general admiral colonel lieutenant sergeant captain pope king "
    "queen prince princess sheikh premier commissioner chairman chairwoman speaker".split())
_PARTY_TAG = re.compile(r"[RDI]-[A-Z]")
# A role phrase and a comma right before a name: "the aide, Elizabeth Lauten", "its editor, Ben Smith".
ROLE_COMMA_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their)\s+((?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+)"
                                r",\s*\Z", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w’'.\-]*")
_PRONOUN_WORD = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)


def compatible(gender: str, wanted: str) -> bool:
    return not gender or not wanted or gender == wanted


@dataclass(frozen=True)
class Candidate:
    """Someone a pronoun may point back to: a person mention, or the speaker of a speech verb."""
    key: str
    start: int
    sentence: int
    speaker: bool = False       # the subject of a speech verb (preferred in its sentence)
    oblique: bool = False       # after a preposition ("a meeting with Obama"): not a subject
    payload: object = None      # what the caller gets back (its speaker object)


class People:
    """Person flags, gender and role words of the people one article names."""

    def __init__(self, article: Article, mentions: Sequence[Mention], plain: str):
        self.text = article.text
        self.plain = plain              # the text with quoted words blanked (narration only)
        self.mentions = mentions
        self._titled: set[str] = set()
        self.roles: dict[str, set[str]] = defaultdict(set)
        self._gender: dict[str, str] = {}
        for m in mentions:
            self._read_title(m, article.sentences[m.sentence].start)
        self.person_keys = {m.key for m in mentions if self._personal(m)}
        self._pronoun_votes(article)

    def _read_title(self, m: Mention, floor: int) -> None:
        before = self.text[floor:m.start]
        words = _WORD.findall(before[-60:])
        if words and not re.search(r"[,;:“”\"(]\s*\Z", before):
            last = words[-1].lower().rstrip(".")
            if last in _PERSONAL_TITLES or noun_of(words[-1]):
                self._titled.add(m.key)
                if noun_of(words[-1]):
                    self.roles[m.key].add(noun_of(words[-1]))
            self._note_gender(m.key, HONORIFICS.get(last, "") or noun_gender(words[-1]))
        for w in (m.role or "").split():
            if noun_of(w):
                self.roles[m.key].add(noun_of(w))
                self._note_gender(m.key, noun_gender(w))
        comma = ROLE_COMMA_BEFORE.search(before)
        if comma and any(noun_of(w) for w in comma.group(1).split()):
            for w in comma.group(1).split():
                if noun_of(w):
                    self.roles[m.key].add(noun_of(w))
                    self._note_gender(m.key, noun_gender(w))
        self._note_gender(m.key, given_gender(m.surface) or given_gender(m.key))

    def _note_gender(self, key: str, gender: str) -> None:
        if gender and key not in self._gender:
            self._gender[key] = gender

    def _personal(self, m: Mention) -> bool:
        if is_group_name(m.surface) or _PARTY_TAG.match(m.surface) or is_place(m.key):
            return False
        return m.person or m.key in self._titled

    def is_person(self, m: Mention) -> bool:
        return m.key in self.person_keys

    def gender(self, key: str) -> str:
        return self._gender.get(key, "")

    def _pronoun_votes(self, article: Article) -> None:
        """Gender from the pronouns of sentences that name one person alone, for people the names and
        titles leave unknown."""
        votes: dict[str, Counter] = defaultdict(Counter)
        by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            if m.key in self.person_keys:
                by_sentence[m.sentence].append(m)
        for index, ms in by_sentence.items():
            sent = article.sentences[index]
            for w in _PRONOUN_WORD.finditer(self.plain, ms[0].end, sent.end):
                # the one person named before the pronoun whom its gender allows: "Vice President Ann
                # Roe observed Biden's address from Houston, where she stayed" can only be Roe's
                wanted = pronoun_gender(w.group(0))
                able = {m.key for m in ms if m.end <= w.start() and compatible(self.gender(m.key), wanted)}
                if len(able) == 1 and not self.gender(next(iter(able))):
                    votes[able.pop()][wanted] += 1
        for key, c in votes.items():
            (top, n), *rest = c.most_common()
            if not rest or n > rest[0][1]:
                self._note_gender(key, top)


def resolve(candidates: Callable[[int], Sequence[Candidate]], narrative: Callable[[int], bool],
            index: int, pos: int, accept: Callable[[Candidate], bool],
            lookback: int = PRONOUN_LOOKBACK_SENTENCES) -> Candidate | None:
    """The nearest earlier candidate ``accept`` takes: this sentence before ``pos`` (the first one),
    then earlier sentences with narration (speakers of speech verbs first, then names that follow no
    preposition, then in text order); in the sentence itself a name after a preposition is never it."""
    here = [c for c in candidates(index) if c.start < pos and not c.oblique and accept(c)]
    if here:
        return min(here, key=_preference)
    seen = 0
    for back in range(index - 1, max(-1, index - PRONOUN_MAX_SENTENCES_BACK - 1), -1):
        found = [c for c in candidates(back) if accept(c)]
        if found:
            return min(found, key=_preference)
        if narrative(back):
            seen += 1
            if seen >= lookback:
                break
    return None


def _preference(c: Candidate) -> tuple[bool, bool, int]:
    """A speaker first, then a subject, then the earliest."""
    return (not c.speaker, c.oblique, c.start)
