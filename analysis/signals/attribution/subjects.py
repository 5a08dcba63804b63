"""The subject of a sentence or clause, which a participle ("..., calling it “...”") and a quote after
a colon ("X retorted: “...”") borrow as their speaker: a name, a group, an unnamed source ("A witness
who ..."), "he"/"she" or "the senator", the first of them in the clause."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.align.features.entity_keys import normalise_key
from analysis.signals.actors import is_media, may_be_person
from analysis.signals.attribution.records import Speaker
from analysis.signals.attribution.sources import Sources
from analysis.signals.attribution.words import UNNAMED_AT_START, first_description, sentence_case, trim_premodifiers
from analysis.signals.nouns import is_group_name, is_party_group
from analysis.vocabulary.wording import join_names

# Where a clause with a subject of its own begins inside a sentence: ", while", ", whereas", ", but", ";".
_CLAUSE_OPENER = re.compile(r"(?:,\s*(?:while|whereas|but|although|though)|;)\s+")
OWN_SUBJECT_MAX_CHARS = 320     # characters from a participle back to a subject it may borrow
PLURAL_SENTENCES_BACK = 3       # sentences back (over the quote's own) that "they" may find its subject in
# Before a list of names that opens a sentence: "Justices", "Sens.", "Reps." (a plural title).
_PLURAL_TITLE = re.compile(r"\s*(?:[A-Z][a-z]+s|Sens\.|Reps\.|Drs\.)?\s*")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
# What follows a list that is a sentence's subject: a verb, or an appositive between dashes or commas.
_AFTER_SUBJECT = re.compile(r"\s*(?:[—–]|,\s*(?:the|a|who)\b|[a-z]+\b)")
# "Investigators looking into ...": a participle right after a group opening the sentence modifies it.
_PARTICIPLE_AFTER = re.compile(r"\s+[a-z]+ing\b")


_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten several many some".split())


def _opens_with_group(plain: str, start: int, source: re.Match) -> bool:
    """"Officials", "Local officials", "The three liberals" open the sentence as its subject; in "The
    mayor met residents" the group is the object (a lower-case word before it that is no number)."""
    words = list(re.finditer(r"\S+", source.group(2)))[:-1]
    return all(w.start() + source.start(2) == 0 or w.group(0).lower() in _NUMBER_WORDS
               or plain[start + source.start(2) + w.start()].isupper() for w in words)


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

    def _modified_subject(self, verb_start: int, index: int) -> Speaker | None:
        """"Investigators looking into the crash near Tacoma, Washington, say ...": a group that
        opens the sentence with a participle phrase after it is the subject of the verb that ends
        the phrase (an unnamed source), not the last name inside the phrase."""
        sent = self.a.sentences[index]
        if verb_start - sent.start > OWN_SUBJECT_MAX_CHARS:
            return None
        source = UNNAMED_AT_START.match(sentence_case(self.plain[sent.start:verb_start]))
        if not source or not _PARTICIPLE_AFTER.match(self.plain, sent.start + source.end()):
            return None
        s, e = sent.start + source.start(2), sent.start + source.end(2)
        return self._unnamed(source.group(1), self.text[s:e], s, e, index, at=sent.start + source.start())

    def _plural_antecedent(self, at: int, index: int) -> Speaker | None:
        """"…we dissent," they wrote: the plural subject of the sentence before the quote -- a list of
        people ("Justices Ann Bell, Mary Cole and Ruth Kane were in dissent"), a group ("Senate
        Democrats met") or an unnamed one ("Officials met") -- when that sentence opens with it; a
        sentence that opens with anyone else makes "they" unsure (no speaker)."""
        k = index - 1
        while k >= 0 and any(q.outer_start < self.a.sentences[k].start < q.outer_end for q in self.quotes):
            k -= 1      # sentences inside the quote "they" closes
        if k < 0 or index - k > PLURAL_SENTENCES_BACK:
            return None
        sent = self.a.sentences[k]
        names = sorted((m for m in self.by_sentence.get(k, []) if not is_media(m.key)), key=lambda m: m.start)
        title = _PLURAL_TITLE.match(self.plain, sent.start)
        if names and names[0].start <= (title.end() if title else sent.start) + 1:
            run = [names[0]]
            for m in names[1:]:
                if not _LIST_GAP.fullmatch(self.plain, run[-1].end, m.start):
                    break
                run.append(m)
            if not _AFTER_SUBJECT.match(self.plain, run[-1].end):
                return None
            if len(run) > 1 and all(self.people.is_person(m) or may_be_person(m.key, m.surface) for m in run):
                people = [self._named(m, "") for m in run]
                name = join_names([p.name for p in people], len(people))
                return Speaker(normalise_key(name), name, "", run[0].start, run[-1].end, person=True, at=at)
            first = run[0]
            if len(run) == 1 and (is_group_name(first.surface) or is_party_group(first.surface, True)):
                return replace(self._named(first, first.role), start=-1, end=-1, pronoun=True, at=at)
            return None
        source = UNNAMED_AT_START.match(sentence_case(self.plain[sent.start:sent.end]))
        if source and source.group(2).endswith("s") and _opens_with_group(self.plain, sent.start, source):
            s, e = sent.start + source.start(2), sent.start + source.end(2)
            found = self._unnamed(source.group(1), self.text[s:e], s, e, k, at=sent.start + source.start())
            return replace(found, start=-1, end=-1, pronoun=True, at=at) if found else None
        return None
