"""The per-article state of attribution (mentions outside quotes, quote masks, people, cues found)
and how a name becomes a speaker: a person with a role, a group or a newspaper counted apart as an
unnamed source, "the Obama campaign" as an organisation."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import Sequence

from analysis.align.features.entity_keys import normalise_key
from analysis.align.features.names import TITLES
from analysis.model import Article, Quote
from analysis.signals.actors import Mention, is_media, is_media_role, may_be_person, role_before
from analysis.signals.attribution.records import Cue, Speaker
from analysis.signals.attribution.statements import announced_statements
from analysis.signals.attribution.words import blank, clean_role, is_unnamed_head, surname, tidy_role, unnamed_key
from analysis.signals.common import count_words
from analysis.signals.nouns import (
    is_given_name,
    is_group_name,
    is_party_group,
    is_share_of_group,
    noun_of,
    share_before,
)
from analysis.signals.places import is_place
from analysis.signals.quotemarks import DirectSpan, direct_spans
from analysis.signals.referents import People

# What a name owns right after it: "Norland’s state television".
_OWNED = re.compile(r"['’]s\s+(?:[a-z][\w\-]*\s+){0,2}(?P<noun>[a-z][\w\-]*)\b")
OWNED_MAX_CHARS = 60            # characters after a name that may hold "'s <two modifiers> <noun>"
# Lower-case role words between a body's name and a person's: " deputy administrator ".
_ROLE_NOUNS_BETWEEN = re.compile(r"\s+(?:[a-z][\w\-]*\s+){0,2}(?P<noun>[a-z][\w\-]*)\s+")
# "in Tarvo", "near the port", "the three liberals on the current Court": where, never who.
_LOCATED = re.compile(r"\b(?:in|near|at|on|outside|across|throughout|around|inside)\s+(?:the\s+)?"
                      r"(?:[a-z][\w\-]*\s+){0,2}\Z", re.IGNORECASE)
LOCATED_MAX_CHARS = 40      # characters before a name that may hold "on the current "
# "the United States Geological Survey (USGS)": a body's name and the short form the article goes on with.
_SHORT_FORM = re.compile(r"(?P<full>[A-Z][\w.’'\-]*(?:\s+(?:[A-Z][\w.’'\-]*|of|and|for|on|de|the))*\s+[A-Z][\w.’'\-]*)"
                         r"\s+\((?P<short>[A-Z][A-Za-z.]{1,11})\)")
# "the Times’ Moscow bureau chief, " / "San Remigio’s vice mayor, " right before a person's name.
_OWNER = r"(?:[A-Z][\w.\-]*\s+){0,2}[A-Z][\w.\-]*['’]s\s"
_ROLE_COMMA_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s|\b" + _OWNER + r")\s*"
                                r"((?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+),\s*\Z")
# Particles that open surnames: the capitalised word before them is a given name, not a title.
_SURNAME_PARTICLES = frozenset("le la de du des van von der den da di al el bin ibn".split())
# A name after a preposition is no subject: "a meeting at ... College–Florissant Valley, he said".
_OBLIQUE = re.compile(r"\b(?:at|in|from|to|with|of|for|on|by|near|about|against|toward|towards)\s+\Z", re.IGNORECASE)


class ArticleState:
    """Mentions, masks and people of one article; a name read as a speaker."""

    def __init__(self, article: Article, mentions: Sequence[Mention]):
        self.a = article
        self.text = article.text
        quotes = direct_spans(article)
        self.documents = announced_statements(article, quotes)
        # a quote inside an unquoted statement is the statement's own (nested), not a quote of its own
        self.quotes = [q for q in quotes
                       if not any(d.span.start <= q.outer_start < d.span.end for d in self.documents)]
        self.masks = [(q.outer_start, q.outer_end) for q in self.quotes] + \
            [(d.span.outer_start, d.span.outer_end) for d in self.documents]
        self.plain = blank(self.text, self.masks)
        self.mentions = _without_role_names(
            [m for m in mentions if not self._masked(m.start, m.end) and not is_place(m.key)], self.text)
        self.people = People(article, self.mentions, self.plain)
        self.short_forms = short_forms(self.plain)
        self.by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            self.by_sentence[m.sentence].append(m)
        self._narrative = [bool(count_words(self.plain[s.start:s.end])) for s in article.sentences]
        self.cues: dict[int, list[Cue]] = {}
        self._unnamed_history: list[tuple[int, str, Speaker]] = []   # for "the official added"
        self._subjects: dict[int, Speaker | None] = {}          # "he"/"the president" opening a sentence

    def _masked(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.masks)


    def sentence_cues(self, index: int) -> list[Cue]:
        """The cues of sentence ``index`` (``cues.Cues``): declared here because the coreference
        and document rules read the cues of earlier sentences."""
        raise NotImplementedError

    def _left_limit(self, index: int, pos: int) -> int:
        """Speakers are looked for after the last quote that ends before ``pos`` in the sentence."""
        floor = self.a.sentences[index].start
        ends = [e for s, e in self.masks if floor <= e <= pos]
        return max([floor] + ends)

    def _named(self, m: Mention, role: str) -> Speaker:
        inside = _person_after_outlet(m)
        if inside is not None:
            return inside
        if is_media(m.key) or is_media_role(role or m.role) or self._owned_medium(m):
            # "the New York Times reported", "according to broadcaster Canal Norte": where words appeared
            return Speaker("~" + m.key, m.surface, "", m.start, m.end, unnamed=True, media=True,
                           at=self._naming_start(m))
        body = self._body_of_short_form(m)
        if body is not None:
            return body
        share = share_before(self.text, m.start)
        if share >= self.a.sentences[m.sentence].start:
            # "Half of Democrats said" (a poll): a share of a group is an unnamed source
            name = re.sub(r"\s+", " ", self.text[share:m.end])
            return Speaker(unnamed_key(name), name, "", share, m.end, unnamed=True, at=share)
        at_start = not self.text[self.a.sentences[m.sentence].start:m.start].strip(" “\"‘'(")
        if is_party_group(m.surface, at_start) and not is_share_of_group(m.surface):
            # "Senate Democrats said": the party's members speaking as a body, a named voice
            return Speaker(normalise_key(m.surface), m.surface, "", m.start, m.end, at=self._naming_start(m))
        if is_group_name(m.surface) or is_share_of_group(m.surface) or \
                (at_start and " " not in m.surface and is_unnamed_head(m.surface)):
            # "critics", "Rescuers said", "Two-thirds of Americans said" (a poll): a vague group, an
            # unnamed source that keeps its name
            return Speaker(unnamed_key(m.surface), m.surface, "", m.start, m.end, unnamed=True,
                           at=self._naming_start(m))
        organisation = self._organisation_after(m)
        if organisation is not None:
            return organisation
        person = self.people.is_person(m) or (not m.person and may_be_person(m.key, m.surface))
        given = _given_name_taken_as_role(m, role or m.role, self.text)
        if given:       # "Marine Le Pen": "Marine" is her given name, not a role
            return Speaker(m.key, f"{given} {m.surface}", "", m.start, m.end, person=True, at=self._naming_start(m))
        role = clean_role(role or m.role or (self._role_of(m.key) if person else ""))
        at = self._naming_start(m)
        if person:
            floor = max(self.a.sentences[m.sentence].start, m.start - 120)
            before = _ROLE_COMMA_BEFORE.search(self.text, floor, m.start)
            if before and noun_of(before.group(1).split()[-1]) and not self._masked(before.start(), m.start):
                # "The Times’ Moscow bureau chief, Anton Troianovski": the role, and the naming starts there
                owned = re.match(_OWNER, before.group(0))     # the owner is part of the role
                role, at = role or (before.group(0).rstrip(", ") if owned else before.group(1)), before.start()
        return Speaker(m.key, m.surface, role, m.start, m.end, person=person, at=at)

    def _body_of_short_form(self, m: Mention) -> Speaker | None:
        """"The U.S. Geological Survey (USGS) said", "the USGS warned": the body under its full name,
        whichever part of it or its short form the words are given to."""
        for start, end, short, full in self.short_forms:
            if (start <= m.start and m.end <= end) or m.key == short:
                # the key entities give the whole name, when one mention is the whole name
                key = next((n.key for n in self.mentions if n.start == start and n.end == end), normalise_key(full))
                if m.key == short:
                    return Speaker(key, full, "", m.start, m.end, at=self._naming_start(m))
                det = re.search(r"\b(?:the|The)\s+\Z", self.text[max(0, start - 5):start])
                at = start - len(det.group(0)) if det else start
                return Speaker(key, full, "", start, end, at=at)
        return None

    def _is_body(self, m: Mention) -> bool:
        """A body the article names with its short form ("the USGS"): a subject a participle may take."""
        return any((start <= m.start and m.end <= end) or m.key == short for start, end, short, _ in self.short_forms)

    def _owned_medium(self, m: Mention) -> bool:
        """"Norland’s state television", "the party's newspaper": a medium the name owns speaks, not the name."""
        owned = _OWNED.match(self.text, m.end, m.end + OWNED_MAX_CHARS)
        return owned is not None and is_media_role(owned.group("noun"))

    def _organisation_after(self, m: Mention) -> Speaker | None:
        """"the Obama campaign", "Romney's campaign": the organisation's voice, named after its person."""
        after = re.match(r"(?:['’]s)?\s+(campaign|administration)\b", self.text[m.end:m.end + 20])
        if not after:
            return None
        org = after.group(1)
        return Speaker(f"{m.key} {org}", f"{surname(m.surface)} {org}", "", m.start, m.end + after.end(),
                       at=self._naming_start(m))

    def _naming_start(self, m: Mention) -> int:
        """Start of "the New York Times" / "German Chancellor Olaf Scholz" (article and role)."""
        start = m.start
        title = m.role or role_before(self.text, start, self.a.sentences[m.sentence].start)
        if title and self.text[:start].rstrip().endswith(title):
            start = self.text.rfind(title, 0, start)       # "Ms. Lauten wrote", "Sen. Paul said"
        det = re.search(r"\b(?:the|a|an)\s+\Z", self.text[max(0, start - 5):start], re.IGNORECASE)
        return start - len(det.group(0)) if det else start

    def _role_of(self, key: str) -> str:
        roles = [m.role for m in self.mentions if m.key == key and m.role]
        return max(roles, key=len) if roles else ""

    def _located(self, m: Mention) -> bool:
        """A name after a preposition of place ("in Tarvo", "near the port"): where, never who."""
        at = self._naming_start(m)
        return bool(_LOCATED.search(self.text[max(0, at - LOCATED_MAX_CHARS):at]))

    def _oblique(self, m: Mention) -> bool:
        """A name after a preposition ("a letter from Rep. Welch"): not the subject of its clause."""
        at = self._naming_start(m)
        return bool(_OBLIQUE.search(self.text[max(0, at - 12):at]))

    def _touched(self, q: DirectSpan) -> list[int]:
        return [s.index for s in self.a.sentences if s.start < q.outer_end and q.outer_start < s.end]

    def _quote(self, start: int, end: int, index: int, kind: str, speaker: Speaker | None,
               verb: str, unclosed: bool = False) -> Quote:
        sp = speaker or Speaker("", "")
        return Quote(article=self.a.id, sentence=self.a.sentences[index].id, start=start, end=end,
                     kind=kind, speaker=sp.key, speaker_name=sp.name, role=tidy_role(sp.role),
                     speaker_start=sp.start, speaker_end=sp.end, verb=verb,
                     words=count_words(self.text[start:end]), unnamed=sp.unnamed, unclosed=unclosed)


def _without_role_names(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """Mentions less the names inside another's role words: in "Harbour Rescue volunteer Tomas
    Ibarra" or "Kremlin spokesman Dmitry Peskov" the body is part of who the person is, not a name of
    its own that could speak or that "he" could point back to.  A body, role nouns and a person's name
    in a row ("Office of Coastal Defense deputy administrator Ana Cruz") give the person that role."""
    inside: set[int] = set()
    out = list(mentions)
    for k, n in enumerate(out):
        before = out[k - 1] if k else None
        words = _ROLE_NOUNS_BETWEEN.fullmatch(text, before.end, n.start) if before is not None else None
        if before is not None and words and n.person and noun_of(words.group("noun")) and \
                before.sentence == n.sentence and (not n.role or words.group(0).strip().endswith(n.role)):
            # "Bogo City disaster officer Rex Ygot": the role is the whole run, the body's name with it
            out[k] = n = replace(n, role=text[before.start:n.start].strip())
        role = n.role.strip()
        at = text.rfind(role, max(0, n.start - len(role) - 2), n.start) if role else -1
        if at < 0 or text[at + len(role):n.start].strip():
            continue
        inside |= {id(m) for m in out if m is not n and at <= m.start and m.end <= n.start}
    return [m for m in out if id(m) not in inside]


def short_forms(plain: str) -> list[tuple[int, int, str, str]]:
    """(start, end, short key, full name) of every "Full Name (SHORT)" in the narration: the full name
    from its first word that opens with the short form's first letter ("The United States Geological
    Survey (USGS)" -> "United States Geological Survey")."""
    out = []
    for m in _SHORT_FORM.finditer(plain):
        words = list(re.finditer(r"\S+", m.group("full")))
        first = next((w for w in words if w.group(0)[:1] == m.group("short")[:1]), None)
        if first is None or first is words[-1] and len(words) > 1 and len(m.group("short")) > 2:
            continue
        start = m.start("full") + first.start()
        out.append((start, m.end("full"), normalise_key(m.group("short")), plain[start:m.end("full")]))
    return out


def _given_name_taken_as_role(m: Mention, role: str, text: str) -> str:
    """"Marine Le Pen" read as the name "Le Pen" with the role "Marine": one capitalised word, no title,
    right before a surname that opens with a particle (Le, de, van, al-...) is the person's given name."""
    words = m.surface.split()
    if len(words) < 2 or words[0].lower() not in _SURNAME_PARTICLES or " " in role.strip() or \
            not role[:1].isupper() or role.lower().rstrip(".") in TITLES or \
            not re.search(re.escape(role) + r"\s+\Z", text[max(0, m.start - len(role) - 2):m.start]):
        return ""
    return role.strip()


def _person_after_outlet(m: Mention) -> Speaker | None:
    """"BuzzFeed Editor-in-Chief Ben Smith" read as one name that opens with an outlet: the person at
    its end (a given name and a surname), with the outlet and title before them as the role."""
    words = m.surface.split()
    if len(words) < 3 or not is_media(m.key) or not is_given_name(words[-2]) or not words[-1][:1].isupper():
        return None
    name = " ".join(words[-2:])
    start = m.start + m.surface.rfind(name)
    return Speaker(normalise_key(name), name, " ".join(words[:-2]), start, m.end, person=True, at=m.start)

