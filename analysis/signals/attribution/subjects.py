"""The subject of a sentence or clause, which a participle ("..., calling it “...”") and a quote after
a colon ("X retorted: “...”") borrow as their speaker: a name, a group, an unnamed source ("A witness
who ..."), "he"/"she" or "the senator", the first of them in the clause."""
from __future__ import annotations

import re

from analysis.signals.actors import is_media, may_be_person
from analysis.signals.attribution.records import Speaker
from analysis.signals.attribution.sources import Sources
from analysis.signals.attribution.words import UNNAMED_AT_START, first_description, sentence_case, trim_premodifiers
from analysis.signals.nouns import is_group_name

# Where a clause with a subject of its own begins inside a sentence: ", while", ", whereas", ", but", ";".
_CLAUSE_OPENER = re.compile(r"(?:,\s*(?:while|whereas|but|although|though)|;)\s+")
OWN_SUBJECT_MAX_CHARS = 320     # characters from a participle back to a subject it may borrow


class Subjects(Sources):
    """The subject a participle or a colon quote borrows."""

    def _sentence_subject(self, pos: int, index: int) -> Speaker | None:
        """The subject a participle borrows: the first of a name, a group, "he"/"she" or "the
        senator" in its clause -- the sentence, or the last clause opened by ", while", ", but" or ";"
        that names someone ("X described it as ..., while Y has denounced ..., pointing out" is Y's)
        -- a newspaper or platform is never it."""
        sent = self.a.sentences[index]
        if pos - sent.start > OWN_SUBJECT_MAX_CHARS:
            return None
        found: list[tuple[int, Speaker | None]] = []
        names = [m for m in self.by_sentence.get(index, []) if m.start < pos and not is_media(m.key)
                 and (self.people.is_person(m) or is_group_name(m.surface) or may_be_person(m.key, m.surface)
                      or self._is_body(m))]
        floor = next((o.end() for o in reversed(list(_CLAUSE_OPENER.finditer(self.plain, sent.start, pos)))
                      if any(m.start >= o.end() for m in names)), sent.start)
        names = [m for m in names if m.start >= floor]
        if names:       # "Republican nominee Mitt Romney ..., claiming": the person, not "Republican"
            first = next((m for m in names if (self.people.is_person(m) or is_group_name(m.surface))
                          and not self._oblique(m)), names[0])
            # "the President of the Republic said ..., pointing out": the office holder, not the body
            found.append((first.start, self._office_holder(first, sent.start, index) or self._named(first, first.role)))
        source = UNNAMED_AT_START.match(sentence_case(self.plain[floor:pos]))      # "A witness who ..."
        # not "Telling the American people ...": a participle opening the clause is no source's description
        if source and trim_premodifiers(source, 0)[1] == source.start(2) and \
                not re.search(r"\b[A-Za-z]+ing\b", source.group(2)):
            s, e = floor + source.start(2), floor + source.end(2)
            found.append((s, self._unnamed(source.group(1), self.text[s:e], s, e, index, at=floor + source.start())))
        pronoun = re.search(r"\b(he|she|He|She)\b", self.plain[floor:pos])
        if pronoun:
            at = floor + pronoun.start(1)
            found.append((at, self._pronoun(at, index, pronoun.group(1))))
        described = first_description(self.plain, floor, pos)
        if described:
            at, noun = described
            found.append((at, self._description(at, index, noun, "")))
        found.sort(key=lambda f: f[0])
        return found[0][1] if found else None
