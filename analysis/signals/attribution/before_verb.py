"""The speaker before a speech verb: a name right before it or before an insertion between commas
("Lauten, who works for Rep. Fincher, said"), "Rev. John Hale of Our Lady of Mercy, told", a chain
("X went on to say"), then a pronoun, "who", a document, a description or an unnamed source."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from analysis.signals.actors import Mention, appositive_after, is_media, may_be_person
from analysis.signals.attribution.documents import DOCUMENT_AT_END, Documents
from analysis.signals.attribution.records import Speaker
from analysis.signals.attribution.sources import BODY_BEHIND
from analysis.signals.attribution.verbs import base_forms
from analysis.signals.attribution.words import (
    GAP_WORDS,
    INSERTION,
    INSERTION_MAX_WORDS,
    NOT_PREMODIFIERS,
    UNNAMED_AT_END,
    inserted,
    is_unnamed_head,
    sentence_case,
    trim_premodifiers,
)
from analysis.signals.common import count_words
from analysis.signals.nouns import noun_of, pronoun_gender
from analysis.signals.referents import compatible

# Between a speaker and its verb: a short form or a party in brackets ("the USGS (...)", "(R)"), then
# small words.
# "Elon Musk in a tweet wrote", "Moore on Tuesday in a statement said": where the words appeared.
_MEDIUM_GAP = (r"(?:in|on|via)\s+(?:a|an|the|his|her|their|its)\s+(?:[a-z]+\s+)?"
               r"(?:tweet|post|statement|letter|video|interview|message|blog\s+post|press\s+release)|"
               r"on\s+(?:Twitter|X|Facebook|Instagram|Telegram|social\s+media)")
_GAP_TAIL = re.compile(r"(?:\s*\((?:[RDI](?:-[A-Z][\w.]*)?|[A-Z][A-Za-z.\-]{1,11})\))?(?:\s+(?:" + GAP_WORDS +
                       r"|" + _MEDIUM_GAP + r")){0,3}\s*\Z")
# "X went on to say", "X took to Twitter to write", "X was quick to add": the subject of the chain.
_TO_CHAIN_TAIL = re.compile(r"(?:\s+(?:" + GAP_WORDS + r"))*\s+[a-z]+(?:\s+(?:on|quick|so\s+far\s+as|the\s+"
                            r"opportunity|to\s+[A-Z][\w.]*))?\s+to\s*\Z")
_PRONOUN_AT_END = re.compile(r"\b(he|she|He|She)\s*\Z")
_OF_BETWEEN = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w’'.\-]*\s+)?")
_WHAT_PRONOUN_AT_END = re.compile(r"\bwhat\s+(?:he|she)\s*\Z")
# "... in Washington", "... on the current Court" at the end of a source's words, before the verb.
# ("Authorities at the school late Tuesday had warned": "late" is the time, not the place)
_LOCATED_TAIL = re.compile(r"\s+(?:in|near|at|on|outside|across|throughout|around|inside)\s+(?:the\s+)?"
                           r"(?:[\w’'.\-]+\s+){0,3}(?!(?:late|early|earlier|later|last|this|on)\b)[\w’'.\-]+\s*\Z")
# "the minister of ", "the head of the " right before an unnamed source's words.
_OFFICE_OF = re.compile(r"(?:\b(?P<det>[Tt]he|[Aa]n?)\s+)?\b(?P<noun>[A-Za-z]+)\s+of\s+(?:the\s+)?\Z")
OFFICE_OF_MAX_CHARS = 40        # characters before the source that may hold "the head of the "
# "a doctor", "an emergency room nurse" right before the verb.
_INDEFINITE_AT_END = re.compile(r"\b(?P<det>[Aa]n?)\s+(?P<mods>(?:[\w’'\-]+\s+){0,3}?)(?P<noun>[a-z][\w\-]*)\s*\Z")
_AND_BETWEEN = re.compile(r"\s+and\s+")
_THEY_AT_END = re.compile(r"\b(?:they|They)\s*\Z")
_WHO_AT_END = re.compile(r"\s*[,—–-]\s*who\s*\Z")


class SpeakerBefore(Documents):
    """The speaker named before a speech verb."""

    def _speaker_left(self, verb_start: int, index: int, verb: str = "") -> Speaker | None:
        limit = self._left_limit(index, verb_start)
        left = self.text[limit:verb_start]
        chain = _TO_CHAIN_TAIL.search(left) if verb in base_forms() else None
        if chain:
            left = left[:chain.start()]
        gap = _GAP_TAIL.search(left)
        anchor = limit + (gap.start() if gap else len(left))
        head = self.text[limit:anchor]
        behind = BODY_BEHIND.search(head)
        if behind:      # "The company behind ChatGPT announced": the company, not ChatGPT
            return self._body_described(head[:behind.end()], limit)
        subject = self._subject_before(limit, anchor, index)
        if subject is not None:
            return subject
        pronoun = _PRONOUN_AT_END.search(head)
        if pronoun and _WHAT_PRONOUN_AT_END.search(head):
            # "Ryan hammered Obama for what he called ...": the words are the subject's, not the object's
            at = limit + pronoun.start()
            first = next((m for m in self.by_sentence.get(index, []) if m.end <= at and not self._oblique(m)
                          and not is_media(m.key) and (self.people.is_person(m) or may_be_person(m.key, m.surface))),
                         None)
            if first is not None and compatible(self.people.gender(first.key), pronoun_gender(pronoun.group(1))):
                return replace(self._named(first, first.role), start=-1, end=-1, pronoun=True, at=at)
        if pronoun:
            return self._pronoun(limit + pronoun.start(), index, pronoun.group(1))
        they = _THEY_AT_END.search(head)
        if they:        # "“...,” they wrote"
            return self._plural_antecedent(limit + they.start(), index)
        who = _WHO_AT_END.search(head)
        if who:
            return self._antecedent(limit + who.start(), index)
        document = DOCUMENT_AT_END.search(head)
        if document:
            return self._document_owner(document.group("doc"), limit + document.start(), index)
        description = self._description_at(head, limit, index) or self._body_described(head, limit)
        if description is not None:
            return description
        # "Officials said": a sentence's first word is capitalised by its place, not by a name
        at_start = limit == self.a.sentences[index].start
        found = self._unnamed_at_end(head, limit, index, at_start) or self._indefinite_at_end(head, limit, index)
        if found is not None:
            return found
        located = _LOCATED_TAIL.search(head)
        if located:     # "Officials in Washington said", "Residents near the port said"
            found = self._unnamed_at_end(head[:located.start()], limit, index, at_start,
                                         limit + len(head.rstrip()))
            if found is not None:
                return found
        return self._modified_subject(verb_start, index)

    def _unnamed_at_end(self, head: str, limit: int, index: int, at_start: bool,
                        end: int = -1) -> Speaker | None:
        """"Officials", "a senior White House official" ending ``head`` (the text from ``limit``); the
        source's words run to ``end`` when given (a place after it: "officials in Washington")."""
        unnamed = UNNAMED_AT_END.search(sentence_case(head) if at_start else head)
        if not unnamed:
            return None
        det, start = trim_premodifiers(unnamed, limit)
        stop = end if end >= 0 else limit + unnamed.end(2)
        office = _OFFICE_OF.search(self.text, max(limit, start - OFFICE_OF_MAX_CHARS), start)
        if office and (noun_of(office.group("noun")) or is_unnamed_head(office.group("noun")) or
                       office.group("noun").lower() == "head"):
            # "The minister of defense said", "the head of the ministry said": the office's holder
            # speaks, not the body it is of
            det, start = office.group("det"), office.start("noun")
        return self._unnamed(det, self.text[start:stop], start, stop, index,
                             at=limit + unnamed.start() if det else start)

    def _indefinite_at_end(self, head: str, limit: int, index: int) -> Speaker | None:
        """"a doctor said", "an emergency nurse said": a person noun after "a"/"an", an unnamed source."""
        m = _INDEFINITE_AT_END.search(head)
        if not m or not noun_of(m.group("noun")) or set(m.group("mods").lower().split()) & NOT_PREMODIFIERS:
            return None
        start, end = limit + m.start("mods" if m.group("mods") else "noun"), limit + m.end("noun")
        return self._unnamed(m.group("det"), self.text[start:end], start, end, index, at=limit + m.start())

    def _subject_before(self, limit: int, anchor: int, index: int) -> Speaker | None:
        """The name whose clause the verb at ``anchor`` ends, the outermost first: before an
        insertion between commas ("Lauten, who works for Rep. Fincher, R-Tenn., said", "Jim Manley,
        a spokesman for Mr. Reid, said"), then "X's office" / "a spokesman for X", then a name right
        before the verb ("Rutte said", "Sarah Sanders, told", "the Obama campaign said") or before an
        appositive role."""
        mentions = [m for m in self.by_sentence.get(index, []) if m.start >= limit and m.end <= anchor]
        starts = {m.start for m in mentions}
        for m in mentions:
            insertion = INSERTION.fullmatch(self.text, m.end, anchor)
            if insertion and count_words(insertion.group(1)) <= INSERTION_MAX_WORDS and \
                    inserted(insertion, starts) and not self._located(m):     # "In Tarvo, ..., said X"
                return self._named(m, m.role)       # its title, else its appositive
        owner = self._owner_of_proxy(self.text[limit:anchor], limit, index)
        if owner is not None:
            return owner
        for k in range(len(mentions) - 1, -1, -1):
            m = mentions[k]
            tail = self.text[m.end:anchor]
            if not tail.strip(" \t,") or re.fullmatch(r"(?:['’]s)?\s+(?:campaign|administration)[\s,]*", tail):
                head = self._head_of(mentions, k)
                if head is m and self._located(m) and not self.people.is_person(m):
                    break       # "the collapse of the mosque in Tarvo described": no subject
                joint = self._joint_subject(mentions, k) if head is m else None
                if joint is not None:
                    return joint
                if " " not in head.key and noun_of(head.key):
                    # "PM said", "CEO says": a bare title is the person the article gives it, if any
                    return self._holder_of_role(head.start, index, head.key)
                return self._office_holder(head, limit, index) or self._named(head, head.role)
            appositive = appositive_after(self.text, m.end, anchor + 1)
            # "Investigators looking into the crash near Tacoma, Washington, say": ", Washington," is
            # the place's state, not a role: a name after "near"/"in" is where, never who
            if appositive and not self.text[appositive[1]:anchor].strip() and \
                    not (self._located(m) and not self.people.is_person(m)):
                return self._named(m, appositive[0])
        return None

    def _joint_subject(self, mentions: Sequence[Mention], k: int) -> Speaker | None:
        """"Capital One and Discover Financial Services announced": two bodies (or people) speaking
        together are one joint voice, not the second alone."""
        if k == 0:
            return None
        first, second = mentions[k - 1], mentions[k]
        if not _AND_BETWEEN.fullmatch(self.text, first.end, second.start) or self._located(first) or \
                self._oblique(first) or is_media(first.key) or \
                self.people.is_person(first) != self.people.is_person(second):
            return None
        return Speaker(f"{first.key} and {second.key}", f"{first.surface} and {second.surface}", "",
                       first.start, second.end, person=False, at=self._naming_start(first))

    def _head_of(self, mentions: Sequence[Mention], k: int) -> Mention:
        """"Rev. John Hale of Our Lady of Mercy, told": the person a run of "of" phrases belongs to."""
        head = k
        while head > 0 and not self.people.is_person(mentions[head]) and \
                _OF_BETWEEN.fullmatch(self.text, mentions[head - 1].end, mentions[head].start):
            head -= 1
        return mentions[head] if self.people.is_person(mentions[head]) else mentions[k]
