"""The speaker after the verb and title runs: "..., said resident Carol Pike", "said Sen. John Smith,
R-Ohio", "said Rep. Mary Hale (R-Minn.), who ...", "said the spokesman, Peter Carr", "according to X";
only right after a quote or a comma, and only before the clause ends."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.signals.actors import Mention, role_before
from analysis.signals.attribution.before_verb import SpeakerBefore
from analysis.signals.attribution.records import Speaker
from analysis.signals.attribution.words import GAP_WORDS, NOT_PREMODIFIERS, UNNAMED_AT_START, trim_premodifiers
from analysis.signals.nouns import noun_of

# "(R-Minn.)", "(D)" right after a name: the party and state, no part of the clause.
# "(Phivolcs)" likewise: a body's short form.
_PARTY_IN_BRACKETS = re.compile(r"\A\s*\((?:[RDI](?:-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?|[A-Z][A-Za-z.\-]{1,11})\)")
# "said resident Carol Pike", "said former mayor Jan Novak": lower-case role words before the name.
_ROLE_BEFORE_NAME = re.compile(r"\s*(?:the\s+|a\s+)?((?:[a-z][a-z\-]+\s+){1,3})")
# "said the spokesman, Peter Carr", "said its editor in chief, Ben Smith": a role phrase, a comma, the name.
_ROLE_COMMA_NAME = re.compile(r"\s*(?:the|a|an|one|its|his|her|their)\s+((?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+),\s*\Z",
                              re.IGNORECASE)
# " the President of the " between a verb and the body an office is of.
_OFFICE_GAP = re.compile(r"\s*(?:the\s+)?[A-Za-z][a-z]+\s+of\s+(?:the\s+)?", re.IGNORECASE)
# A document a name is the author of, between "according to" and the name: "an official address by".
_DOCUMENT_BY = re.compile(r"\s*(?:an?|the|his|her|its|their)\s+(?:[a-z\-]+\s+){0,2}(?:statement|address|speech|"
                          r"letter|post|message|interview|remarks|report|tweet|video|briefing)\s+(?:by|from)\s+")
# A role phrase after an inverted speaker: ", head of the local office", ", deputy mayor of Tarvo".
_ROLE_AFTER = re.compile(r",\s+(?P<role>(?:[a-z][\w\-]*\s+){0,2}?(?P<noun>[a-z][\w\-]*)\s+(?:of|for|at|in)\s)")
# ", the mayor of Tarvo." / ", a spokesman for Sen. Ann Reid," after an inverted speaker, up to the clause's end.
_ROLE_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+(?P<role>(?:[a-z\d][\w\-]*\s+){0,2}?(?P<noun>[a-z][\w\-]*)"
                              r"(?:\s+(?:of|for|at|in|to)\s+(?:the\s+)?(?:[A-Z][\w.’'\-]*\s*){1,5})?)\s*(?:[,.;:!?]|\Z|who\b|whose\b)")
# What may follow an inverted speaker before the clause ends: "said Romney in a statement".
_TRAILING_PHRASE = (r"\s+(?:in|on|at|to|during|through|via)\s+(?:a|an|the|his|her|their)?\s*"
                    r"(?:[\w’'\-]+\s*){1,3}?")


_NEXT_WORD = re.compile(r" ([a-z]+)\b")
# "said the governor", "said the state's top prosecutor": a description right after the verb.
_RELATIVE = re.compile(r"\s+(?:who|whose|that|which)\b")
_DESCRIPTION_AFTER = re.compile(r"\s+(?P<det>the|an?)\s+(?P<mods>(?:[\w’'\-]+\s+){0,3}?)(?P<noun>[a-z][\w\-]*)\b")


def _noun_modifier(text: str, end: int) -> bool:
    """Whether the person noun ending at ``end`` modifies the noun after it ("the official forecast",
    "a witness account"): the next word is a noun in its base form, so not a verb that tells what the
    person did ("the official said", "the official says", "the official warned")."""
    from lemminflect import getAllLemmas
    m = _NEXT_WORD.match(text, end)
    if m is None or text[end - 1:end] == "s":      # "officials familiar with…": plural nouns head
        return False
    word = m.group(1)
    return not word.endswith(("s", "ed")) and getAllLemmas(word, "NOUN").get("NOUN", ()) == (word,)


class SpeakerAfter(SpeakerBefore):
    """The speaker named after a speech verb or "according to"."""

    def _speaker_right(self, pos: int, limit: int, index: int) -> Speaker | None:
        """The speaker named right after ``pos``: "according to X", "..., said X."."""
        unnamed = UNNAMED_AT_START.match(self.text, pos, limit)
        if unnamed and trim_premodifiers(unnamed, 0)[1] != unnamed.start(2):
            unnamed = None      # "said the U.S. would need": not a description of a source
        if unnamed and _noun_modifier(self.text, unnamed.end(2)):
            unnamed = None      # "according to the official forecast": a forecast, not an official
        for m in self.by_sentence.get(index, []):
            if m.start < pos or m.start >= limit:
                continue
            gap = self.text[pos:m.start]
            if _OFFICE_GAP.fullmatch(gap):      # "said the President of the Republic": its holder
                office = self._office_holder(m, pos, index)
                if office is not None:
                    return office
            comma_role = _ROLE_COMMA_NAME.fullmatch(gap)
            if comma_role and noun_of(comma_role.group(1).split()[-1]):
                return self._named(m, m.role or comma_role.group(1))     # "said the spokesman, Peter Carr"
            if unnamed and unnamed.end() > m.end:       # "Russian state media": the noun phrase
                break
            document = _DOCUMENT_BY.match(gap)
            if document and self._role_gap(gap[document.end():], m, pos):
                # "according to an official address by junta leader X": X's words, not an official's
                return self._named(m, m.role or gap[document.end():].strip())
            # "said S. Somanath": the initials the name reader leaves out are still the name's
            if re.fullmatch(r"\s*(?:[Tt]he\s+)?(?:[A-Z]\.\s*){0,3}", gap) or \
                    (m.role and re.fullmatch(r"\s*(?:the\s+)?" + re.escape(m.role) + r"\s*", gap, re.IGNORECASE)):
                return self._named(m, m.role)       # "said Coastal Defense administrator Ana Cruz" too
            title = role_before(self.text, m.start, pos)
            if title and re.fullmatch(r"\s*(?:the\s+)?" + re.escape(title) + r"\s*", gap, re.IGNORECASE):
                return self._named(m, m.role or title)                   # "said Sen. John Smith"
            role = _ROLE_BEFORE_NAME.fullmatch(gap)
            if role and not set(role.group(1).lower().split()) & NOT_PREMODIFIERS:
                return self._named(m, m.role or role.group(1).strip())     # "said resident Carol Pike"
            break
        if unnamed:
            return self._unnamed(unnamed.group(1), unnamed.group(2), unnamed.start(2),
                                 unnamed.end(2), index, at=unnamed.start(2))
        return self._description_right(pos, limit, index)

    def _description_right(self, pos: int, limit: int, index: int) -> Speaker | None:
        """"“...,” said the governor.": the person the description points back to, as before a verb
        ("the governor said"); its words are the speaker's span, so that the clause's end is read."""
        m = _DESCRIPTION_AFTER.match(self.text, pos, limit)
        if m is None or set(m.group("mods").lower().split()) & NOT_PREMODIFIERS or \
                (_noun_modifier(self.text, m.end()) and not _RELATIVE.match(self.text, m.end())):
            return None     # "according to the official forecast": a forecast, not an official
        det = m.group("det").lower()
        if not noun_of(m.group("noun")):        # "said the company": the body named before
            return self._body_described(self.text[pos:m.end()], pos) if det == "the" else None
        found = self._description(m.start("det"), index, m.group("noun"), m.group("mods")) \
            if det == "the" else None
        if found is not None or det == "the":
            return replace(found, start=m.start("det"), end=m.end()) if found else None
        # "said a doctor who treated them": an unnamed source
        start = m.start("mods") if m.group("mods") else m.start("noun")
        return self._unnamed(det, self.text[start:m.end()], start, m.end(), index, at=m.start("det"))

    def _role_gap(self, words: str, m: Mention, pos: int) -> bool:
        """Whether ``words`` right before ``m`` are nothing or its role ("junta leader Senior General")."""
        if not words.strip():
            return True
        title = role_before(self.text, m.start, pos)
        return bool(title) and words.strip().endswith(title) and \
            bool(re.fullmatch(r"(?:[a-z][\w\-]*\s+)*", words.strip()[:len(words.strip()) - len(title)]))

    def _inverted(self, verb_start: int, verb_end: int, index: int) -> Speaker | None:
        """“...,” said Peskov.  Only right after a quote or a comma, and only before the clause ends:
        in "but said the U.S. would need" the words after "said" are the reported clause."""
        sent = self.a.sentences[index]
        if not re.search(r"[,”\"’]\s*\Z", self.text[sent.start:verb_start]):
            return None
        speaker = self._speaker_right(verb_end, sent.end, index)
        if speaker is None:
            return None
        tail = self.text[speaker.end:sent.end]
        tail = _PARTY_IN_BRACKETS.sub(lambda b: " " * len(b.group(0)), tail, count=1)
        appositive = _ROLE_APPOSITIVE.match(tail)
        if appositive and noun_of(appositive.group("noun")) and not speaker.role and speaker.person:
            # "said Ruth Gale, the mayor of Tarvo.", "said Jim Hale, a spokesman for Sen. Ann Reid": her role
            return replace(speaker, role=appositive.group("role").strip().rstrip("."))
        if re.match(r",\s+(?:who|whose|a|an|the|(?:Republican|Democrat|Independent)\s+(?:of|from))\s", tail) or \
                (speaker.unnamed and re.match(r"\s+who\s", tail)):
            # "said Rep. Mary Hale (R-Minn.), who has ...", "said a doctor who treated them": a clause
            # about the speaker
            return speaker
        role = _ROLE_AFTER.match(tail)
        if role and (noun_of(role.group("noun")) or role.group("noun") == "head"):
            # "said Rosa Lindqvist, head of the disaster office": her role, not a clause
            phrase = re.split(r"[,;.]\s", tail[role.start("role"):] + " ", maxsplit=1)[0].strip(" .")
            return replace(speaker, role=speaker.role or phrase)
        return speaker if re.match(r"(?:\s*,?\s+(?:" + GAP_WORDS + r"))*(?:" + _TRAILING_PHRASE + r")?"
                                   r"\s*(?:[,.;:!?]|\Z)", tail) else None
