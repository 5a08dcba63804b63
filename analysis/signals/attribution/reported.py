"""Reported speech: in a sentence without direct quotes, a cue with a speaker followed by "that" (or a
say-verb followed by a clause, a clause before ", X said", or "according to X") gives a ``reported``
quote over that clause (at least REPORTED_MIN_WORDS words)."""
from __future__ import annotations

import re

from analysis.model import Quote
from analysis.signals.attribution.cues import Cues
from analysis.signals.attribution.records import Cue
from analysis.signals.attribution.verbs import SAY_CLASS, THOUGHT_VERBS
from analysis.signals.attribution.words import GAP_WORDS, trim
from analysis.signals.common import count_words

_TIME_HEAD = re.compile(r"(?:\s+(?:" + GAP_WORDS + r")\b)*")
_THAT_AFTER = re.compile(r"(?:\s+[\w’'.\-]+,?){0,6}?\s+that\b")
# "..., X told local radio.", "..., X told reporters on Sunday.": the hearer, then the sentence ends.
_HEARER_TO_END = re.compile(r"\s+(?:[\w’'.\-]+\s+){0,3}?[\w’'.\-]+(?:\s+(?:on|in|at|late|early)\s+[\w’'\-]+"
                            r"(?:\s+[\w’'\-]+)?)?\s*[.;!]?[”\"]?\s*\Z")
_TOLD = frozenset({"told", "tells", "tell"})
REPORTED_MIN_WORDS = 3          # words; a shorter "reported clause" is a fragment, not speech


class Reported(Cues):
    """Reported speech: the clause a cue with a speaker reports, in sentences without direct quotes."""

    def _reported(self) -> list[Quote]:
        out = []
        quoted = {i for q in self.quotes for i in self._touched(q)} | \
            {i for d in self.documents for i in self._touched(d.span)}
        for index, sent in enumerate(self.a.sentences):
            if index in quoted:
                continue
            cues = [c for c in self.sentence_cues(index) if c.speaker and c.verb not in THOUGHT_VERBS]
            for k, cue in enumerate(cues):
                span = self._clause(cue, cues[k + 1] if k + 1 < len(cues) else None, sent)
                if span and count_words(self.text[span[0]:span[1]]) >= REPORTED_MIN_WORDS:
                    out.append(self._quote(span[0], span[1], index, "reported", cue.speaker, cue.verb))
        return out

    def _clause(self, cue: Cue, following: Cue | None, sent) -> tuple[int, int] | None:
        end = following.attribution_start if following else sent.end
        if cue.according:
            return self._according_clause(cue, sent)
        if cue.speaker is not None and cue.speaker.start >= cue.end and not cue.speaker.pronoun:
            return self._preposed_clause(cue, sent)     # "..., said Rosa Lindqvist, head of ...": before it
        that = _THAT_AFTER.match(self.text, cue.end, end)
        if that:
            start = that.end()
        elif cue.verb in SAY_CLASS and re.match(r"\s+[A-Za-z]", self.text[cue.end:end]) \
                and not re.match(r"\s+(?:to|by|in|on|at|with|for|of)\b", self.text[cue.end:end]):
            head = _TIME_HEAD.match(self.text, cue.end, end)     # matches "" too: never None
            start = head.end() if head else cue.end
            if re.match(r"\s*[,.;]", self.text[start:end]) or start >= end:
                return self._preposed_clause(cue, sent)
        elif cue.verb in _TOLD and _HEARER_TO_END.fullmatch(self.text, cue.end, sent.end):
            return self._preposed_clause(cue, sent)     # "..., Vice Mayor X told local radio."
        else:
            return self._preposed_clause(cue, sent) if re.match(
                r"(?:\s+(?:" + GAP_WORDS + r"))*\s*[,.;]", self.text[cue.end:end]) else None
        return trim(self.text, start, end)

    def _preposed_clause(self, cue: Cue, sent) -> tuple[int, int] | None:
        """"Officials from Ukraine will not be present, Kyiv said": the clause before ", X said"."""
        before = self.text[sent.start:cue.attribution_start]
        if not re.search(r"[,—–]\s*\Z", before):
            return None
        return trim(self.text, sent.start, cue.attribution_start)

    def _according_clause(self, cue: Cue, sent) -> tuple[int, int] | None:
        sp = cue.speaker
        after = sp.end if sp and sp.end > 0 else cue.end
        if cue.start - sent.start > sent.end - after:       # "..., according to X."
            return trim(self.text, sent.start, cue.start)
        comma = self.text.find(",", after, sent.end)          # "According to X, ..."
        return trim(self.text, comma + 1, sent.end) if comma >= 0 else None
