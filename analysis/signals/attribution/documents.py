"""Documents as speakers: "the ad says", "“...,” the suit says" is whoever the article gave that
document to when it introduced it ("X's ad", "a letter from X"); an unquoted statement is its
owner's ("Romney's statement:"), else the nearest earlier speaker's."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.constants import DOCUMENT_OWNER_TITLE_CHARS, PRONOUN_MAX_SENTENCES_BACK, SPEAKER_LOOKBACK_SENTENCES
from analysis.model import Quote
from analysis.signals.attribution.records import Speaker
from analysis.signals.attribution.statements import Document
from analysis.signals.attribution.subjects import Subjects

# Documents that speak for their owner ("the ad says", "“...,” the suit says"), by kind: a later
# mention of one kind refers back to the earlier one of the same kind.
_DOCUMENT_KINDS = {"ad": "ad", "advertisement": "ad", "commercial": "ad", "video": "ad", "spot": "ad",
                   "letter": "letter", "memo": "letter", "suit": "suit", "lawsuit": "suit", "complaint": "suit",
                   "petition": "suit", "filing": "suit"}
DOCUMENT_AT_END = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z\-]+\s+){0,2}(?P<doc>"
                              + "|".join(_DOCUMENT_KINDS) + r")\s*\Z")
# What names a document's owner right after it: "a letter from X", "an ad paid for by X".
_DOCUMENT_SOURCE = re.compile(r"(?:\s+of\s+its\s+own)?\s+(?:from|by|paid\s+for\s+by|filed\s+by|signed\s+by)"
                              r"\s+(?:the\s+|[a-z]+\s+){0,3}(?=[A-Z])")


class Documents(Subjects):
    """Documents as speakers: ads, letters, suits and unquoted statements given to their owner."""

    def _document_owner(self, noun: str, pos: int, index: int) -> Speaker | None:
        """"The ad says": whoever the article gave that document to a moment ago ("Romney's ad", "a
        letter from Rep. Welch", "The Romney campaign retorted with an ad"), as their words."""
        kind = _DOCUMENT_KINDS[noun.lower()]
        names = "|".join(n for n, k in _DOCUMENT_KINDS.items() if k == kind)
        # the one that introduces it ("an ad", "Romney's ad"), not "the ad" again
        earlier = re.compile(r"\b(?:[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|(?P<owner>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)"
                             r"{0,2})['’]s)\s+(?:[\w\-]+\s+){0,3}?(?:" + names + r")\b")
        floor = max(0, index - SPEAKER_LOOKBACK_SENTENCES)
        for k in range(index, floor - 1, -1):
            sent = self.a.sentences[k]
            hits = [m for m in earlier.finditer(self.plain, sent.start, pos if k == index else sent.end)]
            if not hits:
                continue
            hit = hits[-1]
            if hit.group("owner"):
                return self._mention_speaker(hit.start("owner"), hit.end("owner"), k, pos)
            source = _DOCUMENT_SOURCE.match(self.plain, hit.end())
            if source:      # the name after "from", over its title ("from Representative Peter Welch")
                return self._mention_speaker(source.end(), source.end() + DOCUMENT_OWNER_TITLE_CHARS, k, pos)
            subject = self._sentence_subject(hit.start(), k)
            return replace(subject, start=-1, end=-1, pronoun=True, at=pos) if subject else None
        return None

    def _mention_speaker(self, start: int, end: int, index: int, at: int) -> Speaker | None:
        """The speaker of the name that begins between ``start`` and ``end`` in sentence ``index``."""
        for m in self.by_sentence.get(index, []):
            if m.start <= start < m.end or start <= m.start < end:
                return replace(self._named(m, m.role), start=-1, end=-1, pronoun=True, at=at)
        return None

    def _document_speaker(self, d: Document) -> tuple[Speaker | None, str]:
        """The owner the intro names ("Romney's statement:"), a cue of the intro, else the speaker of
        the nearest earlier cue."""
        intro = self.a.sentences[d.intro]
        owner = re.search(r"(?P<name>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*)['’]s\s+(?:[a-z\-]+\s+){0,2}"
                          r"(?:statement|letter|post|message|memo|note|tweet|remarks)", intro.text)
        if owner:
            at = intro.start + owner.start("name")
            for m in self.by_sentence.get(d.intro, []):
                if m.start <= at < m.end or at <= m.start < intro.start + owner.end("name"):
                    return self._named(m, m.role), ""
        for index in range(d.intro, max(-1, d.intro - PRONOUN_MAX_SENTENCES_BACK - 1), -1):
            # "Officials wrote:" announces their own words; an earlier unnamed cue is too far to borrow
            cues = [c for c in self.sentence_cues(index) if c.speaker and
                    (not c.speaker.unnamed or (index == d.intro and not c.speaker.media))]
            if cues:
                return cues[-1].speaker, cues[-1].verb
        return None, ""

    def _document_quotes(self) -> list[Quote]:
        out = []
        for d in self.documents:
            speaker, verb = self._document_speaker(d)
            touched = self._touched(d.span) or [d.intro]
            out.append(self._quote(d.span.start, d.span.end, touched[0], "direct", speaker, verb))
        return out
