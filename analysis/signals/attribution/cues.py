"""Cues of one sentence: every speech verb, "according to" and "as X put it" outside quotes, with its
speaker (before the verb, after an invertible verb, or the subject of a participle after a comma)."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.signals.attribution.after_verb import SpeakerAfter
from analysis.signals.attribution.records import Cue, Speaker
from analysis.signals.attribution.verbs import AS_PUT_IT, INVERTIBLE, cue_pattern

# "by arguing", "after warning", "before adding" right before an -ing speech verb: how the subject
# of the clause did something, so the words are the subject's.
_MANNER_BEFORE = re.compile(r"\b(?:by|after|before|while)\s+\Z", re.IGNORECASE)
# "would not confirm", "declined to say", "didn't immediately comment": a speech verb denied gives no words.
_NEGATED = re.compile(r"(?:\b(?:not|never|yet\s+to|declined\s+to|refused\s+to)|n['’]t)\s+(?:[a-z]+ly\s+)?\Z")
# "issued a statement saying", "posted a video warning": a document the subject put out, then its words.
_DOCUMENT_BEFORE = re.compile(r"\b(?:statement|letter|post|video|message|tweet|note|release)\s+\Z")


class Cues(SpeakerAfter):
    """The speech cues of each sentence, each with the speaker read next to it."""

    def sentence_cues(self, index: int) -> list[Cue]:
        if index not in self.cues:
            self.cues[index] = []           # filled as found: "he" may name an earlier cue's speaker
            self._find_cues(index)
        return self.cues[index]

    def _find_cues(self, index: int) -> None:
        sent = self.a.sentences[index]
        found = [(m.start(), m.end(), re.sub(r"\s+", " ", m.group(0).lower()))
                 for m in cue_pattern().finditer(self.text, sent.start, sent.end)]
        found += [(m.start("verb"), m.end(), m.group("verb").lower() + " it")
                  for m in AS_PUT_IT.finditer(self.text, sent.start, sent.end)]
        for start, end, verb in sorted(found):
            if self._masked(start, end) or _NEGATED.search(self.text, sent.start, start):
                continue        # "would not confirm a report that ...": the words are not theirs
            if verb == "according to":
                speaker = self._speaker_right(end, sent.end, index)
                cue = Cue(start, end, verb, index, speaker, start, according=True)
            else:
                speaker = self._speaker_for_verb(start, end, verb, index)
                first = min(start, speaker.at) if speaker and speaker.at >= 0 else start
                cue = Cue(start, end, verb, index, speaker, first)
            if speaker is not None and speaker.media:
                # "the Journal reported", "according to Canal Norte": the words are the medium's report of
                # what someone said, so the medium is no speaker and the quote keeps looking for one
                cue = replace(cue, speaker=None)
            self.cues[index].append(cue)

    def _speaker_for_verb(self, start: int, end: int, verb: str, index: int) -> Speaker | None:
        if verb.split()[0].endswith("ing") and \
                re.search(r",\s*[”\"]?\s*\Z", self.text[self.a.sentences[index].start:start]):    # ',” arguing'
            # "... took a swipe at Hillary Clinton, calling it “...”": the subject's words, not the object's
            return self._sentence_subject(start, index)
        if verb.split()[0].endswith("ing") and (
                _MANNER_BEFORE.search(self.text, self.a.sentences[index].start, start) or
                _DOCUMENT_BEFORE.search(self.text, self.a.sentences[index].start, start)):
            # "X closed the hearing by arguing that “...”", "X ended after warning", "X issued a
            # statement saying": the subject speaks
            return self._sentence_subject(start, index)
        left = self._speaker_left(start, index, verb)
        if left is None and verb in INVERTIBLE:
            left = self._inverted(start, end, index)
        return left
