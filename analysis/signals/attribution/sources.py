"""Unnamed sources ("a White House official", "the official added") and proxies: "X's office", "a
spokesman for X", "a Microsoft spokesperson" and "his office" speak for X, who is the voice."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from analysis.align.features.entity_keys import normalise_key
from analysis.align.features.names import TITLES
from analysis.constants import SPEAKER_LOOKBACK_SENTENCES
from analysis.signals.actors import Mention, is_media, is_media_role
from analysis.signals.attribution.coreference import Coreference
from analysis.signals.attribution.records import Speaker
from analysis.signals.attribution.state import short_forms
from analysis.signals.attribution.words import surname, surname_form, unnamed_key
from analysis.signals.nouns import is_group_name, is_party_group, noun_of, pronoun_gender

_SPOKESPEOPLE = r"office|spokes(?:man|woman|person)|press secretary|representatives?"
# A lawyer speaks for a client in court, not as the client's voice: "her lawyer" is a voice of its own.
_COUNSEL = r"lawyers?|attorneys?"
_PROXIES = _SPOKESPEOPLE + "|" + _COUNSEL
_PROXY_OF = re.compile(r"(?P<name>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*)['’]s\s+(?:(?:[a-z]+\s+){0,2})"
                       r"(?P<proxy>" + _PROXIES + r")\s*\Z")
_PROXY_FOR = re.compile(r"\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?P<proxy>" + _PROXIES + r")\s+(?:for|to)\s+(?:the\s+)?"
                        r"(?P<name>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*)\s*,?\s*\Z")
# "the mayor's office", "the president's spokesman": the proxy of a person named by a role noun.
_PROXY_OF_ROLE = re.compile(r"\b[Tt]he\s+(?P<noun>[a-z][a-z\-]+)['’]s\s+(?:[a-z]+\s+){0,2}?(?P<proxy>" + _PROXIES +
                            r")\s*\Z")
_OWN_ORGANISATION = re.compile(r"(?P<org>campaign|administration)\Z")
# Nouns by which an article goes on naming a body it has named: "the company said", "the board said".
_BODY_NOUNS = (r"company|firm|board|corporation|start-?up|airline|bank|carmaker|automaker|retailer|insurer|"
               r"manufacturer|museum|university|hospital|charity|organi[sz]ation|union|league|club|agency|ministry|"
               r"department|institute|commission|authority")
# "The company behind the hugely popular ChatGPT announced": the body the words describe speaks, not
# the product or the person named in the phrase about it.
BODY_BEHIND = re.compile(r"\b[Tt]he\s+(?:[a-z][\w\-]*\s+){0,2}?(?:" + _BODY_NOUNS + r")(?=\s+(?:behind|that\s+"
                         r"(?:makes|made|owns|owned|runs|ran|created|developed|built)|which\s+(?:makes|owns|runs|"
                         r"created|developed|built))\s+[^,;:“”\"]*\Z)")
# "the company", "the company’s board", "its board", "the tech firm" ending the text before a verb.
_BODY_AT_END = re.compile(r"\b(?P<det>[Tt]he|[Ii]ts)\s+(?:[a-z][\w\-]*\s+){0,2}?(?P<noun>" + _BODY_NOUNS +
                          r")(?:['’]s\s+(?P<part>board))?\s*\Z")


class Sources(Coreference):
    """Unnamed sources and the proxies that speak for a named one."""

    def _owner_of_proxy(self, head: str, limit: int, index: int) -> Speaker | None:
        """"Keir Starmer's office", "a spokesman for Starmer", "Starmer's spokeswoman": the words are
        X's, spoken for X, so the voice is X (with the proxy as its role)."""
        m = _PROXY_OF.search(head) or _PROXY_FOR.search(head)
        if not m:
            return self._proxy_of_role(head, limit, index)
        name_start, name_end = limit + m.start("name"), limit + m.end("name")
        for mention in self.by_sentence.get(index, []):
            if mention.start <= name_start < mention.end or name_start <= mention.start < name_end:
                proxy = m.group("proxy").lower()
                if re.fullmatch(_COUNSEL, proxy):       # "a lawyer for Marsh": Marsh's lawyer speaks
                    owner = self._named(mention, mention.role)
                    return self._owned_voice(owner, proxy, limit + m.start(), limit + m.end(), limit + m.start())
                found = replace(self._named(mention, proxy), at=limit + m.start())
                self._unnamed_history.append((index, m.group("proxy").lower(), found))   # "the spokesman said"
                return found
        return None

    def _body_described(self, head: str, limit: int) -> Speaker | None:
        """"the company said", "the board said", "its board said": the body the article named
        before -- the latest whose name ends with the noun ("the Louvre Museum" for "the museum"),
        else the one named most often (no person, place, medium, group or role), when one leads;
        with two equally named, whose words these are is unsure and the speaker is left out."""
        m = _BODY_AT_END.search(head)
        if not m or is_media_role(m.group(0)):
            return None         # "the news agency said": a medium, no body of the story
        at = limit + m.start()
        bodies = [n for n in self.mentions if n.end <= at and self._may_be_body(n)]
        noun = m.group("noun")
        named = [n for n in bodies if n.key.split()[-1] == noun and " " in n.key]
        if named:
            body = named[-1]
        else:
            # "the Coastal Survey Organisation (CSO)": a short form counts for its full name
            full = {short: normalise_key(name) for _, _, short, name in short_forms(self.text)}
            counts: dict[str, list[Mention]] = defaultdict(list)
            for n in bodies:
                counts[full.get(n.key, n.key)].append(n)
            ranked = sorted(counts.values(), key=len, reverse=True)
            if not ranked or len(ranked) > 1 and len(ranked[1]) == len(ranked[0]):
                return None
            body = next((n for n in reversed(ranked[0]) if n.key not in full), ranked[0][-1])
        role = m.group("part") or (noun if noun == "board" else "")
        return Speaker(body.key, body.surface, role, limit + m.start("noun"), limit + m.end(), at=at)

    def _may_be_body(self, n: Mention) -> bool:
        """A name that may be a company's or an institution's: no person, medium, group, nor a name
        that opens with a role ("CEO of Voltix")."""
        first = n.key.split()[0]
        return not self.people.is_person(n) and not is_media(n.key) and not is_group_name(n.surface) and \
            not is_party_group(n.surface) and first not in TITLES and not noun_of(first)

    def _proxy_of_role(self, head: str, limit: int, index: int) -> Speaker | None:
        """"the mayor's office said": the person the article named with that role ("Mayor Ruth Gale"),
        spoken for, else the office as an unnamed source ("mayor's office")."""
        m = _PROXY_OF_ROLE.search(head)
        if not m or not noun_of(m.group("noun")):
            return None
        at = limit + m.start()
        holder = self._holder_of_role(at, index, m.group("noun"))
        if holder is not None:
            return replace(holder, role=m.group("proxy").lower())
        phrase = re.sub(r"\s+", " ", m.group(0)[4:]).strip()
        return Speaker(unnamed_key(phrase), phrase, "", at + 4, limit + m.end("proxy"), unnamed=True, at=at)

    def _unnamed(self, determiner: str | None, phrase: str, start: int, end: int, index: int,
                 at: int = -1) -> Speaker | None:
        phrase = re.sub(r"\s+", " ", phrase).strip()
        det = (determiner or "").lower()
        if det in ("his", "her"):
            owner = self._person_before(start, index, pronoun_gender(det))
            if owner is None:
                return None
            if re.fullmatch(r"(?:[a-z]+\s+){0,2}(?:" + _SPOKESPEOPLE + r")", phrase):
                # "his office said": the words are spoken for the person, who is the voice
                return replace(owner, start=-1, end=-1, role=phrase, pronoun=False, at=at)
            own = _OWN_ORGANISATION.fullmatch(phrase)
            if own:     # "his campaign said": the campaign's voice
                return Speaker(f"{owner.key} {own.group('org')}", f"{surname(owner.name)} {own.group('org')}",
                               "", start, end, at=at)
            return self._owned_voice(owner, phrase, start, end, at)
        if det == "the":        # "The official added": the official named a moment ago
            for sentence, label, speaker in reversed(self._unnamed_history):
                if index - SPEAKER_LOOKBACK_SENTENCES <= sentence and label.endswith(phrase.lower()):
                    return replace(speaker, start=start, end=end, at=at)
        proxied = self._proxy_of_name(phrase, start, end, index, at)
        if proxied is not None:
            return proxied
        # "according to the French news agency AFP", "the state broadcaster said": a medium, where the
        # words appeared, never a voice
        speaker = Speaker(unnamed_key(phrase), phrase, "", start, end, unnamed=True, at=at,
                          media=is_media_role(phrase))
        self._unnamed_history.append((index, phrase.lower(), speaker))
        return speaker

    def _owned_voice(self, owner: Speaker, phrase: str, start: int, end: int, at: int) -> Speaker:
        """"his brother", "her lawyer": a voice of its own, named after the person it belongs to."""
        name = f"{surname_form(owner.name, owner.key, self.mentions)}’s {phrase}"
        return Speaker(f"{owner.key}'s {phrase.lower()}", name, "", start, end, person=False, at=at)

    def _proxy_of_name(self, phrase: str, start: int, end: int, index: int, at: int) -> Speaker | None:
        """"a Microsoft spokesperson", "a White House spokesman": spoken for the body named before the
        proxy noun, which is the voice (as "a spokesman for Microsoft")."""
        proxy = re.search(r"\b(?:" + _PROXIES + r")\Z", phrase)
        if not proxy:
            return None
        proxy_at = start + len(phrase) - len(proxy.group(0))
        for m in self.by_sentence.get(index, []):
            if start <= m.start and m.end <= proxy_at and not self.text[m.end:proxy_at].strip():
                found = replace(self._named(m, proxy.group(0).lower()), at=at)
                if found.unnamed:
                    return None
                self._unnamed_history.append((index, proxy.group(0).lower(), found))
                return found
        return None
