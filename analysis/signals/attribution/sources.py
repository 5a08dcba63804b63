"""Unnamed sources ("a White House official", "the official added") and proxies: "X's office", "a
spokesman for X", "a Microsoft spokesperson" and "his office" speak for X, who is the voice."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.constants import SPEAKER_LOOKBACK_SENTENCES
from analysis.signals.attribution.coreference import Coreference
from analysis.signals.attribution.records import Speaker
from analysis.signals.attribution.words import surname, surname_form, unnamed_key
from analysis.signals.nouns import noun_of, pronoun_gender

_PROXIES = r"office|spokes(?:man|woman|person)|press secretary|lawyers?|attorneys?|representatives?"
_PROXY_OF = re.compile(r"(?P<name>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*)['’]s\s+(?:(?:[a-z]+\s+){0,2})"
                       r"(?P<proxy>" + _PROXIES + r")\s*\Z")
_PROXY_FOR = re.compile(r"\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?P<proxy>" + _PROXIES + r")\s+(?:for|to)\s+(?:the\s+)?"
                        r"(?P<name>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*)\s*,?\s*\Z")
# "the mayor's office", "the president's spokesman": the proxy of a person named by a role noun.
_PROXY_OF_ROLE = re.compile(r"\b[Tt]he\s+(?P<noun>[a-z][a-z\-]+)['’]s\s+(?:[a-z]+\s+){0,2}?(?P<proxy>" + _PROXIES +
                            r")\s*\Z")
_OWN_ORGANISATION = re.compile(r"(?P<org>campaign|administration)\Z")


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
                found = replace(self._named(mention, m.group("proxy").lower()), at=limit + m.start())
                self._unnamed_history.append((index, m.group("proxy").lower(), found))   # "the spokesman said"
                return found
        return None

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
            if re.fullmatch(r"(?:[a-z]+\s+){0,2}(?:" + _PROXIES + r")", phrase):
                # "his office said": the words are spoken for the person, who is the voice
                return replace(owner, start=-1, end=-1, role=phrase, pronoun=False, at=at)
            own = _OWN_ORGANISATION.fullmatch(phrase)
            if own:     # "his campaign said": the campaign's voice
                return Speaker(f"{owner.key} {own.group('org')}", f"{surname(owner.name)} {own.group('org')}",
                               "", start, end, at=at)
            name = f"{surname_form(owner.name, owner.key, self.mentions)}’s {phrase}"
            return Speaker(f"{owner.key}'s {phrase.lower()}", name, "", start, end, person=False,
                           at=at)
        if det == "the":        # "The official added": the official named a moment ago
            for sentence, label, speaker in reversed(self._unnamed_history):
                if index - SPEAKER_LOOKBACK_SENTENCES <= sentence and label.endswith(phrase.lower()):
                    return replace(speaker, start=start, end=end, at=at)
        proxied = self._proxy_of_name(phrase, start, end, index, at)
        if proxied is not None:
            return proxied
        speaker = Speaker(unnamed_key(phrase), phrase, "", start, end, unnamed=True, at=at)
        self._unnamed_history.append((index, phrase.lower(), speaker))
        return speaker

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
