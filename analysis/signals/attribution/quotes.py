"""A quote's speaker: a cue right after the quote, the nearest cue before it in its sentence, "according
to X", a colon after a named person, else the speaker of a neighbouring quote for a sentence that is
only a quote (news style for a quote running over paragraphs); otherwise ""."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.constants import SPEAKER_LOOKBACK_SENTENCES
from analysis.model import Quote
from analysis.signals.attribution.records import Cue, Speaker
from analysis.signals.attribution.reported import Reported
from analysis.signals.common import count_words
from analysis.signals.nouns import is_given_name, noun_of
from analysis.signals.quotemarks import DirectSpan

_ATTRIBUTION_GAP = re.compile(r"[\s,.;:!?—–\-]*\Z")
# “...,” substitute Oyarzabal said: up to three words before the speaker's name, the last a noun.
_DESCRIPTOR_GAP = re.compile(r"[\s,]*(?:[A-Za-z][\w\-]*\s+){0,2}(?P<noun>[a-z][\w\-]*)\s+")
_POSSESSIVE_AT_END = re.compile(r"\w['’]s?\s*\Z")
# ", described by critics as", ", qualified by the left of": a passive's agent between a cue and a quote.
_PASSIVE_AGENT = re.compile(r",\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\s+by\s+[^,;“”\"]{1,60}\Z")
_TITLE_SMALL_WORDS = frozenset("of the and for a an in on to at by with".split())
TITLE_QUOTE_MAX_WORDS = 5       # words; a longer run of capitalised words in quote marks is speech
OFFICE_NAMED_SENTENCES = 2      # sentences after an unnamed office's words that may name its holder
TITLE_QUOTE_NEAR_WORDS = 3      # words between a verb and a capitalised quote that may still be its object


def _descriptor_noun(word: str) -> bool:
    """A noun, or a word no dictionary knows ("winger"): no function word, adverb or bare verb."""
    from lemminflect import getAllLemmas

    from analysis.align.features.words import stopwords
    if word in stopwords() or word.endswith("ly"):
        return False
    lemmas = getAllLemmas(word)
    return "NOUN" in lemmas or not lemmas


class Attribution(Reported):
    """The speaker of every quote of one article, and its reported speech (``find``)."""

    def find(self) -> list[Quote]:
        for index in range(len(self.a.sentences)):
            self.sentence_cues(index)
        direct = self._direct_quotes() + self._document_quotes()
        return self._office_named_next(sorted(direct + self._reported(), key=lambda q: (q.start, q.kind)))

    def _office_named_next(self, quotes: list[Quote]) -> list[Quote]:
        """"France's culture minister said ... “...,” Rachida Dati wrote on X.": an office held by one
        person ("X's culture minister", "the mayor") that speaks first and is named only in the next
        sentences -- by the first person quoted there, who is given no role of their own and whom
        nobody else named comes before -- is that person, with the office as the role."""
        index = {s.id: s.index for s in self.a.sentences}
        holders: dict[str, Quote] = {}
        for q in quotes:
            if not (q.unnamed and q.speaker.startswith("~") and self._single_office(q)) or q.speaker in holders:
                continue
            at = index[q.sentence]
            later = [o for o in quotes if 0 < index[o.sentence] - at <= OFFICE_NAMED_SENTENCES and
                     o.speaker and not o.unnamed]
            if later and not later[0].role and self._first_named_after(later[0], q):
                holders[q.speaker] = later[0]
        return [replace(q, speaker=holders[q.speaker].speaker, speaker_name=holders[q.speaker].speaker_name,
                        role=q.speaker_name, unnamed=False) if q.speaker in holders else q for q in quotes]

    def _single_office(self, q: Quote) -> bool:
        """"France’s culture minister", "the mayor": one person's office (not "an official", "officials")."""
        words = q.speaker_name.split()
        if not words or not noun_of(words[-1]) or words[-1].lower().endswith("s") and \
                noun_of(words[-1][:-1]):
            return False
        owned = re.search(r"['’]s\s", q.speaker_name)
        return bool(owned) or bool(re.search(r"\bthe\s+\Z", self.text[max(0, q.speaker_start - 4):q.speaker_start],
                                             re.IGNORECASE))

    def _first_named_after(self, named: Quote, office: Quote) -> bool:
        """The person is named first after the office's words, and nobody else is named in between."""
        people = [m for m in self.mentions if self.people.is_person(m)]
        if any(m.key == named.speaker and m.start < office.speaker_end for m in people):
            return False
        # someone else named in between ("the Louvre Museum" may read as a person: a given name or a
        # title says it is one)
        return not any(office.speaker_end <= m.start < named.speaker_start and m.key != named.speaker and
                       (m.role or is_given_name(m.surface.split()[0])) for m in people)

    def _direct_quotes(self) -> list[Quote]:
        resolved: list[tuple[DirectSpan, Cue | None, list[int]]] = []
        for q in self.quotes:
            touched = self._touched(q) or [0]
            resolved.append((q, self._cue_for(q, touched), touched))
        out = []
        for i, (q, cue, touched) in enumerate(resolved):
            if cue is not None and self._is_title(q) and (self._owned_title(q) or (
                    cue.end <= q.outer_start and self._far_from_its_verb(cue, q))):
                # "will announce his tariffs on Wednesday, or “Liberation Day,”": a name in quote marks;
                # "told CNBC's “Power Lunch.”": a programme's title, owned by the channel
                resolved[i] = (q, None, touched)
                cue = None
            speaker = cue.speaker if cue else None
            verb = cue.verb if cue else ""
            if speaker is None and self._only_quotes(touched):
                speaker, verb = self._neighbour_speaker(resolved, i)
                if speaker is None:
                    speaker, verb = self._reporter_before(touched[0]) or (None, "")
                resolved[i] = (q, Cue(q.start, q.start, verb, touched[0], speaker, q.start) if speaker else None,
                               touched)     # a quote continued from the last one passes it on
            out.append(self._quote(q.start, q.end, touched[0], "direct", speaker, verb,
                                   unclosed=q.unclosed))
        return out

    def _cue_for(self, q: DirectSpan, touched: list[int]) -> Cue | None:
        last = self.sentence_cues(touched[-1])
        after = [c for c in last if c.speaker and c.attribution_start >= q.outer_end
                 and (_ATTRIBUTION_GAP.match(self.text[q.outer_end:c.attribution_start])
                      or self._descriptor_gap(q.outer_end, c))]
        if after and self._closes_statement(q, after[0]):
            return after[0]
        before = [c for c in self.sentence_cues(touched[0])
                  if c.speaker and c.end <= q.outer_start and not c.according]
        if before:
            nearest = before[-1]
            if _PASSIVE_AGENT.search(self.text, nearest.end, q.outer_start):
                # "he defended his bill, qualified by the left of “austerity”": the agent's word
                return None
            named = [c for c in before if c.speaker and not c.speaker.pronoun]
            if nearest.speaker and nearest.speaker.pronoun and named and named[0] is not nearest:
                return named[0]
            return self._reporting(before) or nearest
        according = [c for i in touched for c in self.sentence_cues(i) if c.according and c.speaker]
        if according:
            return according[0]
        return self._colon_cue(q, touched[0])

    def _descriptor_gap(self, end: int, cue: Cue) -> bool:
        """“...,” substitute Oyarzabal said: between the quote and a named speaker, a descriptor of
        one to three words ending in a noun ("striker", "Spanish substitute") that no role list holds."""
        sp = cue.speaker
        if sp is None or sp.pronoun or sp.unnamed or sp.start != cue.attribution_start or \
                self.text[sp.end:cue.start].strip():
            return False        # the verb right after the name ("co-founder X will step down, reporting")
        m = _DESCRIPTOR_GAP.fullmatch(self.text, end, cue.attribution_start)
        return m is not None and _descriptor_noun(m.group("noun"))

    def _reporting(self, before: list[Cue]) -> Cue | None:
        """"Sir Keir said people around the country had declared they were “ready for change”": an
        unnamed source's cue inside the clause a named speaker's cue reports (no comma or semicolon
        between them) -- the named speaker is the one whose report the quote is."""
        inner = before[-1]
        if len(before) < 2 or not (inner.speaker and inner.speaker.unnamed):
            return None
        outer = before[-2]
        if outer.speaker is None or outer.speaker.unnamed or outer.according or \
                re.search(r"[,;:]", self.text[outer.end:inner.attribution_start]):
            return None
        return outer

    def _is_title(self, q: DirectSpan) -> bool:
        """“Liberation Day”, “Coalition of the Willing”: two to five words, each capitalised but the
        small words between them -- the name of a day, a plan or a group, not anyone's words."""
        words = self.text[q.start:q.end].strip(" ,.;:!?").split()
        return 2 <= len(words) <= TITLE_QUOTE_MAX_WORDS and words[0][:1].isupper() and \
            all(w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in words) and words[-1][:1].isupper()

    def _owned_title(self, q: DirectSpan) -> bool:
        """“Power Lunch” in "told CNBC's “Power Lunch”": right after a possessive, a title."""
        return bool(_POSSESSIVE_AT_END.search(self.text, max(0, q.outer_start - 40), q.outer_start))

    def _far_from_its_verb(self, cue: Cue, q: DirectSpan) -> bool:
        """Not "said “We Will Win”" nor "what he described as a “Second Great War”": the speaker's own
        words or coinage sit within a few words of the verb or right after "as"."""
        between = self.text[cue.end:q.outer_start]
        return count_words(between) > TITLE_QUOTE_NEAR_WORDS and \
            not re.search(r"\bas\s+(?:an?\s+|the\s+)?\Z", between, re.IGNORECASE)

    def _colon_cue(self, q: DirectSpan, index: int) -> Cue | None:
        """"Biden was quick to retort: “...”": a quote introduced by a colon is the words of the
        person the sentence names before the colon (its subject)."""
        sent = self.a.sentences[index]
        before = self.text[sent.start:q.outer_start]
        if not re.search(r":\s*\Z", before):
            return None
        speaker = self._sentence_subject(q.outer_start, index)
        if speaker is None or not (speaker.person or speaker.unnamed):
            return None
        return Cue(q.outer_start, q.outer_start, "", index, speaker, speaker.at)

    def _closes_statement(self, q: DirectSpan, cue: Cue) -> bool:
        """“...,” he said — not the scare quotes of "the “security guarantees” Ukraine says it
        needs": the quote ends in punctuation, a comma follows it, or it opens its sentence."""
        inner = self.text[q.start:max(q.start, q.outer_end - 1)].rstrip()    # up to the closing mark
        if inner.endswith(tuple(",.!?…—–-:;")) or "," in self.text[q.outer_end:cue.attribution_start]:
            return True
        first = self.a.sentences[self._touched(q)[0]]
        return not count_words(self.text[first.start:q.outer_start])

    def _only_quotes(self, touched: list[int]) -> bool:
        return not any(self._narrative[i] for i in touched)

    def _neighbour_speaker(self, resolved, i: int) -> tuple[Speaker | None, str]:
        q, _, touched = resolved[i]
        para = self.a.sentences[touched[0]].paragraph
        for j in list(range(i - 1, -1, -1)) + list(range(i + 1, len(resolved))):
            other, cue, other_touched = resolved[j]
            near = abs(other_touched[0] - touched[0]) <= SPEAKER_LOOKBACK_SENTENCES
            same_para = self.a.sentences[other_touched[0]].paragraph == para
            # news style: a quote running over paragraphs leaves the earlier paragraph open
            run_on = (j == i - 1 and other.unclosed) or (j == i + 1 and q.unclosed)
            if cue and cue.speaker and (near or same_para or run_on) and \
                    (same_para or run_on or (j == i - 1 and self._continues(other, other_touched, q, touched))):
                return cue.speaker, cue.verb
            if j < i and (same_para or run_on):
                break       # the nearest earlier quote has no speaker: do not skip past it
        return None, ""

    def _reporter_before(self, index: int) -> tuple[Speaker, str] | None:
        """"Mr Albanese said he wanted to unite the country. “I think people want ...”": a sentence
        that is only a quote, right after a sentence whose speech cues give one speaker (in its
        paragraph or ending the one before: news style), goes on with that speaker."""
        if index == 0 or self.a.sentences[index].paragraph - self.a.sentences[index - 1].paragraph > 1 or \
                not self._narrative[index - 1]:
            return None
        cues = [c for c in self.sentence_cues(index - 1) if c.speaker is not None and c.speaker.key]
        if not cues or len({c.speaker.key for c in cues if c.speaker}) > 1:
            return None
        last = cues[-1]
        return (last.speaker, last.verb) if last.speaker else None

    def _continues(self, before: DirectSpan, before_touched: list[int], q: DirectSpan,
                   touched: list[int]) -> bool:
        """A paragraph that is only a quote right after a paragraph that ends with an attributed
        quote goes on with that speaker."""
        first = self.a.sentences[touched[0]]
        last_before = self.a.sentences[before_touched[-1]]
        next_sentence = last_before.index + 1
        return first.paragraph == last_before.paragraph + 1 and next_sentence == first.index and \
            not count_words(self.text[first.start:q.outer_start])
