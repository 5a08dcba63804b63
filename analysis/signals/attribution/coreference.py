"""Coreference to earlier subjects: "he"/"she" and "the senator" name the nearest earlier person of a
compatible gender or role; a sentence that opens with "he" or "the president" passes that person on;
"X, who ... said" is X; a participle ("..., calling it") borrows its sentence's subject."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from analysis.constants import PRONOUN_MAX_SENTENCES_BACK
from analysis.signals.actors import Mention, is_media, may_be_person, names_a_thing
from analysis.signals.attribution.records import Speaker
from analysis.signals.attribution.state import ArticleState
from analysis.signals.attribution.words import (
    INSERTION,
    NOT_PREMODIFIERS,
    UNNAMED_HEADS,
    inserted,
    unnamed_key,
)
from analysis.signals.nouns import noun_gender, noun_of, pronoun_gender
from analysis.signals.referents import Candidate, compatible, resolve

# A sentence that opens with "he"/"she" or "the <person noun>" as its subject ("But he expressed ...",
# "The president opted ..."), after a conjunction or a short adverbial.
_SUBJECT_REFERENCE = re.compile(
    r"\s*(?:(?:But|And|Yet|So|Still|Then|Later|Meanwhile|However|Instead|Now|Also),?\s+)?"
    r"(?:(?P<pronoun>[Hh]e|[Ss]he)(?:\s+(?:himself|herself))?\s+(?!['’]s\b)[a-z]"
    r"|(?P<det>[Tt]he)\s+(?P<words>(?:[a-z][\w\-]*\s+){1,4}))")
# The word after a subject noun that shows it is one: an auxiliary, a past or present verb form.
_VERBISH = re.compile(r"(?:has|had|have|is|was|will|would|could|can|did|does|may|might|must|should|also|"
                      r"then|later|met|said|told|went|took|made|gave|came|saw|spoke|wrote|left|got|won|"
                      r"lost|held|began|became|[a-z]+ed|[a-z]+[^s]s)\Z")
# "the senator", "The communications pro", "the president himself": a person named by a noun.
_DESCRIPTION_AT_END = re.compile(r"\b(?:the|The)\s+((?:[\w’'\-]+\s+){0,3}?)([a-z][\w\-]*)"
                                 r"(?:\s+(?:himself|herself))?\s*\Z")
# "the President of the Republic", "the Speaker of the House": an office named by its noun and its body.
_OFFICE_OF = re.compile(r"\b(?:[Tt]he\s+)?(?P<noun>[A-Za-z][a-z]+)\s+of\s+(?:the\s+)?\Z")
OFFICE_MAX_CHARS = 40           # characters before the body's name that may hold "the <noun> of the"


class Coreference(ArticleState):
    """Whom "he", "she", "the senator", "who" and a sentence's subject point back to (``referents``)."""

    def _pronoun(self, pos: int, index: int, word: str = "") -> Speaker | None:
        person = self._person_before(pos, index, pronoun_gender(word))
        if person is None:
            return None
        return replace(person, start=-1, end=-1, pronoun=True, at=pos)

    def _candidates(self, index: int) -> list[Candidate]:
        """Who a pronoun may name in sentence ``index``: its cues' speakers, then its people."""
        out = []
        for c in self.sentence_cues(index):     # the sentence in progress: its cues found so far
            sp = c.speaker
            if sp and (sp.person or (sp.unnamed and noun_of(sp.name.split()[-1]))):
                out.append(Candidate(sp.key, c.attribution_start, index, speaker=True, payload=sp))
        for m in self.by_sentence.get(index, []):
            if self.people.is_person(m) and not is_media(m.key):
                out.append(Candidate(m.key, m.start, index, oblique=self._oblique(m), payload=m))
        subject = self._subject_reference(index)
        if subject is not None:
            out.append(Candidate(subject.key, subject.at, index, payload=subject))
        return out

    def _subject_reference(self, index: int) -> Speaker | None:
        """The person a sentence opens with when it names them by "he"/"she" or "the president"
        ("But he expressed no concern ..."): a sentence about the same person passes them on to the
        next pronoun, before any name it holds after its subject."""
        if index in self._subjects:
            return self._subjects[index]
        self._subjects[index] = None        # a reference never resolves through itself
        sent = self.a.sentences[index]
        m = _SUBJECT_REFERENCE.match(self.plain, sent.start, sent.end)
        found: Speaker | None = None
        if m and m.group("pronoun"):
            found = self._pronoun(m.start("pronoun"), index, m.group("pronoun"))
        elif m and m.group("det"):
            words = m.group("words").split()
            verb = next((j for j, w in enumerate(words) if j and _VERBISH.match(w)), None)
            # "The liberal icon justice had": the last person noun before the verb, else the first word
            nouns = [j for j in range(verb if verb is not None else 1) if noun_of(words[j])]
            if nouns and not set(words[:nouns[-1]]) & NOT_PREMODIFIERS and \
                    not re.fullmatch(UNNAMED_HEADS, words[nouns[-1]]):
                j = nouns[-1]
                found = self._description(m.start("det"), index, words[j], " ".join(words[:j]))
        if found is not None and not found.person:
            found = None
        self._subjects[index] = found
        return found

    def _as_speaker(self, c: Candidate) -> Speaker:
        if isinstance(c.payload, Speaker):
            return c.payload
        m = c.payload
        assert isinstance(m, Mention)
        return self._named(m, m.role or self._role_of(m.key))

    def _person_before(self, pos: int, index: int, gender: str = "") -> Speaker | None:
        def accept(c: Candidate) -> bool:
            return compatible(self.people.gender(c.key), gender)
        found = resolve(self._candidates, self._narrative.__getitem__, index, pos, accept)
        return self._as_speaker(found) if found else None

    def _description_at(self, head: str, limit: int, index: int) -> Speaker | None:
        m = _DESCRIPTION_AT_END.search(head)
        if not m or not noun_of(m.group(2)) or set(m.group(1).lower().split()) & NOT_PREMODIFIERS:
            return None
        return self._description(limit + m.start(), index, m.group(2), m.group(1))

    def _holder_of_role(self, pos: int, index: int, noun: str) -> Speaker | None:
        """The nearest earlier person whose role words hold ``noun`` ("the mayor" -> Mayor Ruth Gale)."""
        wanted = noun_of(noun)
        found = resolve(self._candidates, self._narrative.__getitem__, index, pos,
                        lambda c: wanted in self.people.roles.get(c.key, ()), lookback=PRONOUN_MAX_SENTENCES_BACK)
        return replace(self._as_speaker(found), start=-1, end=-1, pronoun=True, at=pos) if found else None

    def _description(self, pos: int, index: int, noun: str, modifiers: str) -> Speaker | None:
        """"the senator": the nearest person whose role words hold the noun; a noun that heads unnamed
        sources ("the official") reuses the source named a moment ago; any other person noun ("the
        communications pro") resolves like a pronoun of the noun's gender."""
        found = self._holder_of_role(pos, index, noun)
        if found:
            return found
        if re.fullmatch(UNNAMED_HEADS, noun):
            return None         # left to the unnamed source rules
        person = self._most_named_before(pos, noun_gender(noun), noun_of(noun))
        return replace(person, start=-1, end=-1, pronoun=True, at=pos) if person else None

    def _office_holder(self, m: Mention, floor: int, index: int) -> Speaker | None:
        """"the President of the Republic said": the holder of the office, not the body it is of --
        the nearest person whose role is that office or its noun ("French President"), else the
        person the description points back to, else the office itself as an unnamed source."""
        office = _OFFICE_OF.search(self.text, max(floor, m.start - OFFICE_MAX_CHARS), m.start)
        # a person's name may follow "of" ("the wife of John Hale"), unless the title before it was read
        # as that name's role ("President of the" Republic), which makes it a person by mistake
        if not office or not noun_of(office.group("noun")) or \
                (self.people.is_person(m) and not re.search(r"\bof(?:\s+the)?\Z", m.role)):
            return None
        noun = noun_of(office.group("noun"))
        phrase = re.sub(r"\s+", " ", self.text[office.start("noun"):m.end])

        def holds(c: Candidate) -> bool:
            role = self._role_of(c.key).lower()
            return phrase.lower() in role or role == noun or role.endswith(" " + noun)
        at = office.start()
        found = resolve(self._candidates, self._narrative.__getitem__, index, at, holds,
                        lookback=PRONOUN_MAX_SENTENCES_BACK)
        person = self._as_speaker(found) if found else self._person_before(at, index, noun_gender(noun))
        if person is not None:
            return replace(person, start=-1, end=-1, pronoun=True, at=at)
        return Speaker(unnamed_key(phrase), phrase, "", office.start("noun"), m.end, unnamed=True, at=at)

    def _most_named_before(self, pos: int, gender: str, noun: str) -> Speaker | None:
        """The person of a compatible gender the article has named most often before ``pos`` (the
        latest of equals): whom "the president" means when no role says so.  A person the article
        gives other role words ("Gov. Wes Moore" for "the transport secretary") is someone else."""
        counts: dict[str, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            roles = self.people.roles.get(m.key, set())
            # "at Roissy-Charles de Gaulle airport": a name after a preposition of place, or of a
            # place or body, is where
            if m.start < pos and self.people.is_person(m) and compatible(self.people.gender(m.key), gender) \
                    and (not roles or noun in roles) and not self._located(m) and not names_a_thing(self.text, m.end):
                counts[m.key].append(m)
        if not counts:
            return None
        best = max(counts.values(), key=lambda ms: (len(ms), ms[-1].start))
        return self._named(best[-1], best[-1].role or self._role_of(best[-1].key))

    def _antecedent(self, pos: int, index: int) -> Speaker | None:
        """"X, who ..., said": the name just before "who", over an appositive ("Senator John McCain,
        Republican of Arizona, who")."""
        before = [m for m in self.by_sentence.get(index, []) if m.end <= pos]
        starts = {m.start for m in before}
        for m in reversed(before):
            between = self.text[m.end:pos]
            if not between.strip(" ,—–-"):
                if self.people.is_person(m) or may_be_person(m.key, m.surface) or len(before) == 1:
                    return self._named(m, m.role)
                continue
            appositive = INSERTION.fullmatch(between + ",") if between.startswith(",") else None
            if appositive and inserted(appositive, starts | {m.end}) and self.people.is_person(m):
                return self._named(m, m.role)
        return None
