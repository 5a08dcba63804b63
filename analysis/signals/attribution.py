"""Attribution: the speaker of every quote of one article, and reported speech.

1. **Cues** are speech verbs outside quotes (every form of ``analysis.lexicons.speech_verbs``: the
   graded attribution_verbs lexicon and the ungraded speech_verbs one) and "according to".  Each cue's
   speaker is read from the text next to it: a name (with its role, read leftwards, or an
   appositive: "Mike Waltz, a national security advisor to Trump, told"), an unnamed source
   ("a White House official"; "The official added" reuses it), "he"/"she" (a person: the first person
   named earlier in the sentence or in the sentence where the running quote began, else the last
   speaker within SPEAKER_LOOKBACK_SENTENCES, else a person named in the sentences before), "who"
   (the name just before it) or "his office".  A participle after a comma ("..., calling it “...”")
   takes the sentence's subject.  The object of "told" (NBC News) is never the speaker.
2. **A quote's speaker**, in order: a cue right after the quote (“...,” he said), when the quote ends
   in punctuation, a comma follows or the quote opens its sentence -- not the scare quotes of "the
   “security guarantees” Ukraine says it needs"; the nearest cue before it in its sentence (if that
   one's speaker is only a pronoun inside an earlier speaker's reported clause, the earlier speaker);
   "according to X" in its sentences; for a sentence that is only a quote, the speaker of the
   previous quote in the paragraph (or of the next, or across a paragraph left open).  Otherwise the
   speaker is "" (scare quotes, slogans, names such as “Coalition of the Willing”).
3. **Reported speech**: in a sentence without direct quotes, a cue with a speaker followed by "that"
   (or a say-verb followed by a clause, a clause before ", X said", or "according to X") gives a
   ``reported`` quote over that clause (at least REPORTED_MIN_WORDS words).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from analysis.constants import SPEAKER_LOOKBACK_SENTENCES
from analysis.lexicons import speech_verbs
from analysis.model import Article, Quote
from analysis.signals.actors import Mention, appositive_after, is_media, is_place, may_be_person
from analysis.signals.common import count_words
from analysis.signals.quotemarks import DirectSpan, direct_spans

# Lexicon entries that are not verbs of speaking, or are handled apart.
_NOT_CUES = frozenset({"according to", "in a statement", "so-called", "dubbed", "purportedly"})
# Verbs whose speaker may follow them: “...,” said Peskov.  ("told" never: its object is the hearer.)
_INVERTIBLE = frozenset("said says added asked wrote continued explained noted replied".split())
# Verbs that take a reported clause without "that": Trump said the meeting could lead to a summit.
_SAY_CLASS = frozenset("say says said adds added warns warned insists insisted claims claimed "
                       "argues argued stresses stressed".split())
_UNNAMED_HEADS = (
    "officials?|spokes(?:man|woman|person|people)|sources?|aides?|diplomats?|analysts?|experts?|"
    "leaders?|leadership|administration|government|ministry|office|ministers?|lawmakers?|"
    "negotiators?|people|residents?|witnesses|delegation|media|agency|powers|allies|nations|"
    "countries|critics|observers|authorities|insiders|commentators|economists|activists|"
    "investigators|prosecutors|police|military|campaign|team|sources familiar with [a-z ]+")
_UNNAMED_AT_END = re.compile(
    r"(?:\b((?i:a|an|the|one|two|three|several|some|other|many|his|her|its|their|these|those))\s+)?"
    r"((?:(?:[A-Z][\w.’'\-]*|[a-z][a-z\-]+)\s+){0,3}(?:" + _UNNAMED_HEADS + r"))\s*\Z")
_UNNAMED_AT_START = re.compile(
    r"\s*(?:((?i:a|an|the|one|two|several|some|other|many|his|her|its|their))\s+)?"
    r"((?:(?:[A-Z][\w.’'\-]*|[a-z][a-z\-]+)\s+){0,3}(?:" + _UNNAMED_HEADS + r"))\b")
# Function words never inside a source's description: "while European leaders" -> "European leaders".
_NOT_PREMODIFIERS = frozenset("""
and or but that which who said told with by for to of in on at from as while whereas although
though because since if when so also then after before during about into over under than not no is
are was were has have had be been will would could should may might must can it they we
""".split())
_GAP_WORDS = (r"has|have|had|also|then|later|previously|again|earlier|would|will|did|does|do|is|himself|herself|"
              r"was|were|are|not|never|once|repeatedly|reportedly|already|just|still|further|"
              r"separately|publicly|privately|afterwards?|today|yesterday|tonight|"
              r"(?:on\s+|last\s+|this\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[a-z]+ly")
_GAP_TAIL = re.compile(r"(?:\s+(?:" + _GAP_WORDS + r")){0,3}\s*\Z")
_TIME_HEAD = re.compile(r"(?:\s+(?:" + _GAP_WORDS + r")\b)*")
_PRONOUN_AT_END = re.compile(r"\b(he|she|He|She)\s*\Z")
_PROXIES = (r"office|spokes(?:man|woman|person)|press secretary|campaign|team|aides?|lawyers?|attorneys?|"
            r"representatives?")
_PROXY_OF = re.compile(r"(?P<name>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*)['’]s\s+(?:(?:[a-z]+\s+){0,2})"
                       r"(?P<proxy>" + _PROXIES + r")\s*\Z")
_PROXY_FOR = re.compile(r"\b(?:a|an|the)\s+(?P<proxy>" + _PROXIES + r")\s+(?:for|to)\s+(?:the\s+)?"
                        r"(?P<name>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*)\s*,?\s*\Z")
_WHO_AT_END = re.compile(r"\s*[,—–-]\s*who\s*\Z")
_ATTRIBUTION_GAP = re.compile(r"[\s,.;:!?—–\-]*\Z")
_THAT_AFTER = re.compile(r"(?:\s+[\w’'.\-]+,?){0,6}?\s+that\b")
_CLAUSE_TRIM = re.compile(r"[\s,;:—–\-]*(?:\b(?:while|and|but|whereas|as)\b)?[\s,;:—–\-]*\Z")
# "said resident Carol Pike", "said former mayor Jan Novak": lower-case role words before the name.
_ROLE_BEFORE_NAME = re.compile(r"\s*(?:the\s+|a\s+)?((?:[a-z][a-z\-]+\s+){1,3})")
# What may follow an inverted speaker before the clause ends: "said Romney in a statement".
_TRAILING_PHRASE = (r"\s+(?:in|on|at|to|during|through|via)\s+(?:a|an|the|his|her|their)?\s*"
                    r"(?:[\w’'\-]+\s*){1,3}?")
REPORTED_MIN_WORDS = 3          # words; a shorter "reported clause" is a fragment, not speech
OWN_SUBJECT_MAX_CHARS = 160     # characters from a participle back to a subject it may borrow


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    terms = [t for t in speech_verbs() if t not in _NOT_CUES]
    terms = sorted(set(terms) | {"according to"}, key=len, reverse=True)
    alts = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class _Speaker:
    key: str
    name: str
    role: str = ""
    start: int = -1
    end: int = -1
    unnamed: bool = False
    person: bool = False
    pronoun: bool = False
    at: int = -1            # where the words naming the speaker begin here (article, role or pronoun)


@dataclass(frozen=True)
class _Cue:
    start: int              # the verb
    end: int
    verb: str
    sentence: int
    speaker: _Speaker | None
    attribution_start: int  # where "X said" begins (speaker or verb, whichever first)
    according: bool = False


class Attribution:
    """The per-article state of attribution: mentions, quote masks and the last speakers."""

    def __init__(self, article: Article, mentions: Sequence[Mention]):
        self.a = article
        self.text = article.text
        self.quotes = direct_spans(article)
        self.masks = [(q.outer_start, q.outer_end) for q in self.quotes]
        self.mentions = [m for m in mentions if not self._masked(m.start, m.end) and not is_place(m.key)]
        self.by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            self.by_sentence[m.sentence].append(m)
        self.history: list[tuple[int, _Speaker]] = []      # (sentence, speaker) of resolved cues
        self.cues: dict[int, list[_Cue]] = {}
        self._unnamed_history: list[tuple[int, _Speaker]] = []   # for "the official added"

    def _masked(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.masks)

    # -- cues of one sentence ---------------------------------------------------------------------
    def sentence_cues(self, index: int) -> list[_Cue]:
        if index not in self.cues:
            self.cues[index] = self._find_cues(index)
        return self.cues[index]

    def _find_cues(self, index: int) -> list[_Cue]:
        sent = self.a.sentences[index]
        out = []
        for m in _cue_pattern().finditer(self.text, sent.start, sent.end):
            if self._masked(m.start(), m.end()):
                continue
            verb = re.sub(r"\s+", " ", m.group(0).lower())
            if verb == "according to":
                speaker = self._speaker_right(m.end(), sent.end, index)
                cue = _Cue(m.start(), m.end(), verb, index, speaker, m.start(), according=True)
            else:
                speaker = self._speaker_for_verb(m.start(), m.end(), verb, index)
                first = min(m.start(), speaker.at) if speaker and speaker.at >= 0 else m.start()
                cue = _Cue(m.start(), m.end(), verb, index, speaker, first)
            if cue.speaker and not cue.speaker.pronoun and cue.speaker.person:
                self.history.append((index, cue.speaker))
            out.append(cue)
        return out

    def _left_limit(self, index: int, pos: int) -> int:
        """Speakers are looked for after the last quote that ends before ``pos`` in the sentence."""
        floor = self.a.sentences[index].start
        ends = [e for s, e in self.masks if floor <= e <= pos]
        return max([floor] + ends)

    def _speaker_for_verb(self, start: int, end: int, verb: str, index: int) -> _Speaker | None:
        left = self._speaker_left(start, index)
        if left is None and verb in _INVERTIBLE:
            left = self._inverted(start, end, index)
        if left is None and verb.split()[0].endswith("ing") and \
                re.search(r",\s*\Z", self.text[self.a.sentences[index].start:start]):
            left = self._sentence_subject(start, index)     # "..., calling it “...”"
        return left

    def _speaker_left(self, verb_start: int, index: int) -> _Speaker | None:
        limit = self._left_limit(index, verb_start)
        left = self.text[limit:verb_start]
        gap = _GAP_TAIL.search(left)
        anchor = limit + (gap.start() if gap else len(left))
        head = self.text[limit:anchor]
        owner = self._owner_of_proxy(head, limit, index)
        if owner is not None:
            return owner
        for m in reversed(self.by_sentence.get(index, [])):
            if m.start < limit or m.end > anchor:
                continue
            if not self.text[m.end:anchor].strip():
                return self._named(m, m.role)
            appositive = appositive_after(self.text, m.end, anchor + 1)
            if appositive and not self.text[appositive[1]:anchor].strip():
                return self._named(m, appositive[0])
        pronoun = _PRONOUN_AT_END.search(head)
        if pronoun:
            return self._pronoun(limit + pronoun.start(), index)
        who = _WHO_AT_END.search(head)
        if who:
            return self._antecedent(limit + who.start(), index)
        unnamed = _UNNAMED_AT_END.search(head)
        if unnamed:
            det, start = _trim_premodifiers(unnamed, limit)
            return self._unnamed(det, self.text[start:limit + unnamed.end(2)], start,
                                 limit + unnamed.end(2), index,
                                 at=limit + unnamed.start() if det else start)
        return None

    def _owner_of_proxy(self, head: str, limit: int, index: int) -> _Speaker | None:
        """"Keir Starmer's office", "a spokesman for Starmer", "Starmer's spokeswoman": the words are
        X's, spoken for X, so the voice is X (with the proxy as its role)."""
        m = _PROXY_OF.search(head) or _PROXY_FOR.search(head)
        if not m:
            return None
        name_start, name_end = limit + m.start("name"), limit + m.end("name")
        for mention in self.by_sentence.get(index, []):
            if mention.start <= name_start < mention.end or name_start <= mention.start < name_end:
                found = self._named(mention, m.group("proxy").lower())
                return replace(found, at=limit + m.start())
        return None

    def _speaker_right(self, pos: int, limit: int, index: int) -> _Speaker | None:
        """The speaker named right after ``pos``: "according to X", "..., said X."."""
        unnamed = _UNNAMED_AT_START.match(self.text, pos, limit)
        if unnamed and _trim_premodifiers(unnamed, 0)[1] != unnamed.start(2):
            unnamed = None      # "said the U.S. would need": not a description of a source
        for m in self.by_sentence.get(index, []):
            if m.start < pos or m.start >= limit:
                continue
            if unnamed and unnamed.end() > m.end:       # "Russian state media": the noun phrase
                break
            gap = self.text[pos:m.start]
            if re.fullmatch(r"\s*(?:the\s+)?", gap, re.IGNORECASE):
                return self._named(m, m.role)
            role = _ROLE_BEFORE_NAME.fullmatch(gap)
            if role and not set(role.group(1).lower().split()) & _NOT_PREMODIFIERS:
                return self._named(m, m.role or role.group(1).strip())     # "said resident Carol Pike"
            break
        if unnamed:
            return self._unnamed(unnamed.group(1), unnamed.group(2), unnamed.start(2),
                                 unnamed.end(2), index, at=unnamed.start(2))
        return None

    def _inverted(self, verb_start: int, verb_end: int, index: int) -> _Speaker | None:
        """“...,” said Peskov.  Only right after a quote or a comma, and only before the clause ends:
        in "but said the U.S. would need" the words after "said" are the reported clause."""
        sent = self.a.sentences[index]
        if not re.search(r"[,”\"’]\s*\Z", self.text[sent.start:verb_start]):
            return None
        speaker = self._speaker_right(verb_end, sent.end, index)
        if speaker is None:
            return None
        tail = self.text[speaker.end:sent.end]
        return speaker if re.match(r"(?:\s*,?\s+(?:" + _GAP_WORDS + r"))*(?:" + _TRAILING_PHRASE + r")?"
                                   r"\s*(?:[,.;:!?]|\Z)", tail) else None

    def _sentence_subject(self, pos: int, index: int) -> _Speaker | None:
        """The subject a participle borrows: a sentence-initial pronoun, else the first name."""
        sent = self.a.sentences[index]
        if pos - sent.start > OWN_SUBJECT_MAX_CHARS:
            return None
        start = re.match(r"\s*(?:[A-Z]\w+(?:\s+\w+){0,4},\s*)?(he|she|He|She)\b",
                         self.text[sent.start:pos])
        if start:
            return self._pronoun(sent.start + start.start(1), index)
        before = [m for m in self.by_sentence.get(index, []) if m.start < pos]
        people = [m for m in before if m.person]
        if people or before:
            return self._named((people or before)[0], "")
        return None

    # -- speakers ---------------------------------------------------------------------------------
    def _named(self, m: Mention, role: str) -> _Speaker:
        if is_media(m.key):         # "the New York Times reported": a source counted apart, not a voice
            return _Speaker("~" + m.key, m.surface, "", m.start, m.end, unnamed=True, at=self._naming_start(m))
        role = role or m.role or (self._role_of(m.key) if m.person else "")
        return _Speaker(m.key, m.surface, role, m.start, m.end,
                        person=m.person or may_be_person(m.key, m.surface), at=self._naming_start(m))

    def _naming_start(self, m: Mention) -> int:
        """Start of "the New York Times" / "German Chancellor Olaf Scholz" (article and role)."""
        start = m.start
        if m.role and self.text[:start].rstrip().endswith(m.role):
            start = self.text.rfind(m.role, 0, start)
        det = re.search(r"\b(?:the|a|an)\s+\Z", self.text[max(0, start - 5):start], re.IGNORECASE)
        return start - len(det.group(0)) if det else start

    def _pronoun(self, pos: int, index: int) -> _Speaker | None:
        person = self._person_before(pos, index)
        if person is None:
            return None
        return replace(person, start=-1, end=-1, pronoun=True, at=pos)

    def _statement_start(self, index: int) -> int:
        """The sentence where the quote running into sentence ``index`` began (else ``index``):
        in “A. B,” he said, "he" may name someone from the sentence holding A."""
        start = self.a.sentences[index].start
        for q in self.quotes:
            if q.outer_start < start < q.outer_end:
                return self._touched(q)[0]
        return index

    def _person_before(self, pos: int, index: int) -> _Speaker | None:
        for i in range(self._statement_start(index), index + 1):
            for m in self.by_sentence.get(i, []):
                if m.person and m.end <= pos:
                    return self._named(m, m.role or self._role_of(m.key))
        for sentence, speaker in reversed(self.history):
            if index - SPEAKER_LOOKBACK_SENTENCES <= sentence <= index:
                return speaker
        for back in range(index - 1, max(-1, index - SPEAKER_LOOKBACK_SENTENCES - 1), -1):
            people = [m for m in self.by_sentence.get(back, []) if m.person]
            if people:
                return self._named(people[0], people[0].role or self._role_of(people[0].key))
        return None

    def _antecedent(self, pos: int, index: int) -> _Speaker | None:
        before = [m for m in self.by_sentence.get(index, []) if m.end <= pos]
        if before and not self.text[before[-1].end:pos].strip(" ,—–-"):
            m = before[-1]
            return self._named(m, m.role)
        return None

    def _role_of(self, key: str) -> str:
        roles = [m.role for m in self.mentions if m.key == key and m.role]
        return max(roles, key=len) if roles else ""

    def _unnamed(self, determiner: str | None, phrase: str, start: int, end: int, index: int,
                 at: int = -1) -> _Speaker | None:
        phrase = re.sub(r"\s+", " ", phrase).strip()
        det = (determiner or "").lower()
        if det in ("his", "her"):
            owner = self._person_before(start, index)
            if owner is None:
                return None
            if re.fullmatch(r"(?:[a-z]+\s+){0,2}(?:" + _PROXIES + r")", phrase):
                # "his office said": the words are spoken for the person, who is the voice
                return replace(owner, start=-1, end=-1, role=phrase, pronoun=False, at=at)
            name = f"{_surname_form(owner.name, owner.key, self.mentions)}’s {phrase}"
            return _Speaker(f"{owner.key}'s {phrase.lower()}", name, "", start, end, person=False,
                            at=at)
        if det == "the":        # "The official added": the official named a moment ago
            for sentence, speaker in reversed(self._unnamed_history):
                if index - SPEAKER_LOOKBACK_SENTENCES <= sentence and \
                        speaker.name.lower().endswith(phrase.lower()):
                    return replace(speaker, start=start, end=end, at=at)
        speaker = _Speaker(_unnamed_key(phrase), phrase, "", start, end, unnamed=True, at=at)
        self._unnamed_history.append((index, speaker))
        return speaker

    # -- quotes -----------------------------------------------------------------------------------
    def find(self) -> list[Quote]:
        for index in range(len(self.a.sentences)):
            self.sentence_cues(index)
        direct = self._direct_quotes()
        return sorted(direct + self._reported(), key=lambda q: (q.start, q.kind))

    def _touched(self, q: DirectSpan) -> list[int]:
        return [s.index for s in self.a.sentences if s.start < q.outer_end and q.outer_start < s.end]

    def _direct_quotes(self) -> list[Quote]:
        resolved: list[tuple[DirectSpan, _Cue | None, list[int]]] = []
        for q in self.quotes:
            touched = self._touched(q) or [0]
            resolved.append((q, self._cue_for(q, touched), touched))
        out = []
        for i, (q, cue, touched) in enumerate(resolved):
            speaker = cue.speaker if cue else None
            verb = cue.verb if cue else ""
            if speaker is None and self._only_quotes(touched):
                speaker, verb = self._neighbour_speaker(resolved, i)
            out.append(self._quote(q.start, q.end, touched[0], "direct", speaker, verb,
                                   unclosed=q.unclosed))
        return out

    def _cue_for(self, q: DirectSpan, touched: list[int]) -> _Cue | None:
        last = self.sentence_cues(touched[-1])
        after = [c for c in last if c.speaker and c.attribution_start >= q.outer_end
                 and _ATTRIBUTION_GAP.match(self.text[q.outer_end:c.attribution_start])]
        if after and self._closes_statement(q, after[0]):
            return after[0]
        before = [c for c in self.sentence_cues(touched[0])
                  if c.speaker and c.end <= q.outer_start and not c.according]
        if before:
            nearest = before[-1]
            named = [c for c in before if c.speaker and not c.speaker.pronoun]
            if nearest.speaker and nearest.speaker.pronoun and named and named[0] is not nearest:
                return named[0]
            return nearest
        according = [c for i in touched for c in self.sentence_cues(i) if c.according and c.speaker]
        if according:
            return according[0]
        return self._colon_cue(q, touched[0])

    def _colon_cue(self, q: DirectSpan, index: int) -> _Cue | None:
        """"Biden was quick to retort: “...”": a quote introduced by a colon is the words of the
        person the sentence names before the colon (the first person, else the first name)."""
        sent = self.a.sentences[index]
        before = self.text[sent.start:q.outer_start]
        if not re.search(r":\s*\Z", before):
            return None
        named = [m for m in self.by_sentence.get(index, []) if m.end <= q.outer_start]
        people = [m for m in named if m.person or may_be_person(m.key, m.surface)]
        if not people:
            return None
        speaker = self._named(people[0], people[0].role)
        return _Cue(q.outer_start, q.outer_start, "", index, speaker, speaker.at)

    def _closes_statement(self, q: DirectSpan, cue: _Cue) -> bool:
        """“...,” he said — not the scare quotes of "the “security guarantees” Ukraine says it
        needs": the quote ends in punctuation, a comma follows it, or it opens its sentence."""
        inner = self.text[q.start:max(q.start, q.outer_end - 1)].rstrip()    # up to the closing mark
        if inner.endswith(tuple(",.!?…—–-:;")) or "," in self.text[q.outer_end:cue.attribution_start]:
            return True
        first = self.a.sentences[self._touched(q)[0]]
        return not count_words(self.text[first.start:q.outer_start])

    def _only_quotes(self, touched: list[int]) -> bool:
        for i in touched:
            s = self.a.sentences[i]
            outside = "".join(ch for pos, ch in enumerate(s.text, s.start)
                              if not self._masked(pos, pos + 1))
            if count_words(outside):
                return False
        return True

    def _neighbour_speaker(self, resolved, i: int) -> tuple[_Speaker | None, str]:
        q, _, touched = resolved[i]
        para = self.a.sentences[touched[0]].paragraph
        for j in list(range(i - 1, -1, -1)) + list(range(i + 1, len(resolved))):
            other, cue, other_touched = resolved[j]
            near = abs(other_touched[0] - touched[0]) <= SPEAKER_LOOKBACK_SENTENCES
            same_para = self.a.sentences[other_touched[0]].paragraph == para
            # news style: a quote running over paragraphs leaves the earlier paragraph open
            run_on = (j == i - 1 and other.unclosed) or (j == i + 1 and q.unclosed)
            if cue and cue.speaker and near and (same_para or run_on):
                return cue.speaker, cue.verb
            if j < i and (same_para or run_on):
                break       # the nearest earlier quote has no speaker: do not skip past it
        return None, ""

    def _quote(self, start: int, end: int, index: int, kind: str, speaker: _Speaker | None,
               verb: str, unclosed: bool = False) -> Quote:
        sp = speaker or _Speaker("", "")
        return Quote(article=self.a.id, sentence=self.a.sentences[index].id, start=start, end=end,
                     kind=kind, speaker=sp.key, speaker_name=sp.name, role=sp.role,
                     speaker_start=sp.start, speaker_end=sp.end, verb=verb,
                     words=count_words(self.text[start:end]), unnamed=sp.unnamed, unclosed=unclosed)

    # -- reported speech --------------------------------------------------------------------------
    def _reported(self) -> list[Quote]:
        out = []
        quoted = {i for q in self.quotes for i in self._touched(q)}
        for index, sent in enumerate(self.a.sentences):
            if index in quoted:
                continue
            cues = [c for c in self.sentence_cues(index) if c.speaker]
            for k, cue in enumerate(cues):
                span = self._clause(cue, cues[k + 1] if k + 1 < len(cues) else None, sent)
                if span and count_words(self.text[span[0]:span[1]]) >= REPORTED_MIN_WORDS:
                    out.append(self._quote(span[0], span[1], index, "reported", cue.speaker, cue.verb))
        return out

    def _clause(self, cue: _Cue, following: _Cue | None, sent) -> tuple[int, int] | None:
        end = following.attribution_start if following else sent.end
        if cue.according:
            return self._according_clause(cue, sent)
        that = _THAT_AFTER.match(self.text, cue.end, end)
        if that:
            start = that.end()
        elif cue.verb in _SAY_CLASS and re.match(r"\s+[A-Za-z]", self.text[cue.end:end]) \
                and not re.match(r"\s+(?:to|by|in|on|at|with|for|of)\b", self.text[cue.end:end]):
            head = _TIME_HEAD.match(self.text, cue.end, end)     # matches "" too: never None
            start = head.end() if head else cue.end
            if re.match(r"\s*[,.;]", self.text[start:end]) or start >= end:
                return self._preposed_clause(cue, sent)
        else:
            return self._preposed_clause(cue, sent) if re.match(
                r"(?:\s+(?:" + _GAP_WORDS + r"))*\s*[,.;]", self.text[cue.end:end]) else None
        return _trim(self.text, start, end)

    def _preposed_clause(self, cue: _Cue, sent) -> tuple[int, int] | None:
        """"Officials from Ukraine will not be present, Kyiv said": the clause before ", X said"."""
        before = self.text[sent.start:cue.attribution_start]
        if not re.search(r"[,—–]\s*\Z", before):
            return None
        return _trim(self.text, sent.start, cue.attribution_start)

    def _according_clause(self, cue: _Cue, sent) -> tuple[int, int] | None:
        sp = cue.speaker
        after = sp.end if sp and sp.end > 0 else cue.end
        if cue.start - sent.start > sent.end - after:       # "..., according to X."
            return _trim(self.text, sent.start, cue.start)
        comma = self.text.find(",", after, sent.end)          # "According to X, ..."
        return _trim(self.text, comma + 1, sent.end) if comma >= 0 else None


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and not text[start].isalnum():
        start += 1
    piece = text[start:end]
    cut = _CLAUSE_TRIM.search(piece)
    end = start + (cut.start() if cut else len(piece))
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "%)"):
        end -= 1
    return (start, end) if end > start else None


def _trim_premodifiers(match: re.Match, offset: int) -> tuple[str | None, int]:
    """(determiner, start) of an unnamed source's description, cut after the last function word."""
    det, start = match.group(1), offset + match.start(2)
    words = list(re.finditer(r"\S+", match.group(2)))
    for w in words[:-1]:
        if w.group(0).lower() in _NOT_PREMODIFIERS:
            det, start = None, offset + match.start(2) + w.end() + 1
    return det, start


def _unnamed_key(phrase: str) -> str:
    return "~" + re.sub(r"\s+", " ", phrase.replace("’", "'").lower()).strip()


def _surname_form(name: str, key: str, mentions: Sequence[Mention]) -> str:
    """The fullest spelling of a person in the article ("Starmer" -> "Keir Starmer")."""
    forms = [m.surface for m in mentions if m.key == key] + [name]
    return max(forms, key=lambda f: len(f.split()))
