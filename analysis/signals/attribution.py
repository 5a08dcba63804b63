"""Attribution: the speaker of every quote of one article, and reported speech.

1. **Cues** are speech verbs outside quotes (every form of ``analysis.lexicons.speech_verbs``: the
   graded attribution_verbs lexicon and the ungraded speech_verbs one), "according to" and "as X put
   it".  Each cue's speaker is read from the text next to it:
   * a name right before the verb, or before it with an insertion between commas ("Lauten, who works
     for Rep. Fincher, said"; "President Trump, 24 hours from his deadline, told"), with its role
     read leftwards or from an appositive; a chain such as "X went on to say" keeps X;
   * "X's office", "a spokesman for X", "a Microsoft spokesperson" (unnamed): X, with the proxy as its
     role, and "the spokesperson said" later is X again; a named spokesman speaks for himself;
   * "Rev. John Hale of Our Lady of Mercy, told": the person the "of" phrase belongs to;
   * "he"/"she" and "the senator": the person they refer back to (``referents``: gender from titles
     and given names, the nearest earlier person of a compatible gender); a sentence that opens with
     "he" or "the president" as its subject passes that person on to the next pronoun;
   * "the ad says", "the letter says", "“...,” the suit says": whoever the article gave that document
     to when it introduced it ("X's ad", "a letter from X", "The X campaign retorted with an ad");
   * "who" (the name just before it); an unnamed source ("a White House official"; "The official
     added" reuses it); a group keeps its name as an unnamed source ("Senate Democrats");
   * after the verb: "..., said resident Carol Pike", "said Sen. John Smith, R-Ohio", "said Rep. Mary
     Hale (R-Minn.), who ...", "said the spokesman, Peter Carr" (the name, with the role words as its
     role);
   * a participle after a comma ("..., calling it “...”") takes the sentence's subject: its first
     person or group that follows no preposition.
   The object of "told" (NBC News) is never the speaker; a newspaper or a platform is a source counted
   apart (unnamed), never a named voice; a place is no voice; "the Obama campaign" and "his campaign"
   are the campaign's voice (an organisation), not the candidate's.
2. **A quote's speaker**, in order: a cue right after the quote (“...,” he said), when the quote ends
   in punctuation, a comma follows or the quote opens its sentence -- not the scare quotes of "the
   “security guarantees” Ukraine says it needs"; the nearest cue before it in its sentence (if that
   one's speaker is only a pronoun inside an earlier speaker's reported clause, the earlier speaker);
   "according to X" in its sentences; a colon after a named person ("Biden retorted: “...”"); for a
   sentence that is only a quote, the speaker of the quote before it in the paragraph (or of the next
   one), or in the paragraph before when the quote opens its own paragraph right after an attributed
   one or the earlier paragraph was left open (news style for a quote running over paragraphs).
   Otherwise the speaker is "" (scare quotes, slogans, names such as “Coalition of the Willing”).
3. **Statements without quote marks**: a paragraph introduced by a sentence that ends with a colon and
   names a document ("Read the full statement:", "Her letter reads:") or ends in a speech verb ("X
   lashed out on Twitter, saying:") is that document's words, given
   to its owner ("Romney's statement"), else to the speaker of the nearest earlier cue.
4. **Reported speech**: in a sentence without direct quotes, a cue with a speaker followed by "that"
   (or a say-verb followed by a clause, a clause before ", X said", or "according to X") gives a
   ``reported`` quote over that clause (at least REPORTED_MIN_WORDS words).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from analysis.align.features.entities import TITLES
from analysis.constants import DOCUMENT_OWNER_TITLE_CHARS, PRONOUN_MAX_SENTENCES_BACK, SPEAKER_LOOKBACK_SENTENCES
from analysis.lexicons import speech_verbs
from analysis.model import Article, Quote
from analysis.signals.actors import Mention, appositive_after, is_media, is_place, may_be_person, role_before
from analysis.signals.common import count_words
from analysis.signals.nouns import is_group_name, noun_gender, noun_of, pronoun_gender
from analysis.signals.quotemarks import DirectSpan, direct_spans
from analysis.signals.referents import ROLE_COMMA_BEFORE, Candidate, People, compatible, resolve

# Lexicon entries that are not verbs of speaking, or are handled apart.
_NOT_CUES = frozenset({"according to", "in a statement", "so-called", "dubbed", "purportedly"})
# Verbs whose speaker may follow them: “...,” said Peskov.  ("told" never: its object is the hearer.)
_INVERTIBLE = frozenset("said says added asked wrote writes continued explained noted replied tweeted "
                        "insisted recalled".split())
# Verbs that take a reported clause without "that": Trump said the meeting could lead to a summit.
_SAY_CLASS = frozenset("say says said adds added warns warned insists insisted claims claimed "
                       "argues argued stresses stressed".split())
_UNNAMED_HEADS = (
    "officials?|spokes(?:man|woman|person|people)|sources?|aides?|diplomats?|analysts?|experts?|"
    "leaders?|leadership|administration|government|ministry|office|ministers?|lawmakers?|"
    "negotiators?|people|residents?|witnesses|delegation|media|agency|powers|allies|nations|"
    "countries|critics|observers|authorities|insiders|commentators|economists|activists|"
    "investigators|prosecutors|police|military|campaign|team|companies|firms|groups|protesters|"
    "protestors|demonstrators|students|voters|members|opponents|supporters|senators|legislators|"
    "Democrats|Republicans|sources familiar with [a-z ]+")
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
are was were has have had be been will would could should may might must can it they we what how
out up his her its their whom where why
""".split())
_GAP_WORDS = (r"has|have|had|also|then|later|previously|again|earlier|would|will|did|does|do|is|himself|herself|"
              r"was|were|are|not|never|once|repeatedly|reportedly|already|just|still|further|"
              r"separately|publicly|privately|afterwards?|today|yesterday|tonight|"
              r"(?:on\s+|last\s+|this\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[a-z]+ly")
_GAP_TAIL = re.compile(r"(?:\s+(?:" + _GAP_WORDS + r")){0,3}\s*\Z")
# "X went on to say", "X took to Twitter to write", "X was quick to add": the subject of the chain.
_TO_CHAIN_TAIL = re.compile(r"(?:\s+(?:" + _GAP_WORDS + r"))*\s+[a-z]+(?:\s+(?:on|quick|so\s+far\s+as|the\s+"
                            r"opportunity|to\s+[A-Z][\w.]*))?\s+to\s*\Z")
_TIME_HEAD = re.compile(r"(?:\s+(?:" + _GAP_WORDS + r")\b)*")
_PRONOUN_AT_END = re.compile(r"\b(he|she|He|She)\s*\Z")
_PROXIES = r"office|spokes(?:man|woman|person)|press secretary|lawyers?|attorneys?|representatives?"
_PROXY_OF = re.compile(r"(?P<name>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*)['’]s\s+(?:(?:[a-z]+\s+){0,2})"
                       r"(?P<proxy>" + _PROXIES + r")\s*\Z")
_PROXY_FOR = re.compile(r"\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?P<proxy>" + _PROXIES + r")\s+(?:for|to)\s+(?:the\s+)?"
                        r"(?P<name>(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w\-]*)\s*,?\s*\Z")
_OWN_ORGANISATION = re.compile(r"(?P<org>campaign|administration)\Z")
# A name after a preposition is no subject: "a meeting at ... College–Florissant Valley, he said".
_OBLIQUE = re.compile(r"\b(?:at|in|from|to|with|of|for|on|by|near|about|against|toward|towards)\s+\Z", re.IGNORECASE)
# A sentence that opens with "he"/"she" or "the <person noun>" as its subject ("But he expressed ...",
# "The president opted ..."), after a conjunction or a short adverbial.
_SUBJECT_REFERENCE = re.compile(
    r"\s*(?:(?:But|And|Yet|So|Still|Then|Later|Meanwhile|However|Instead|Now|Also),?\s+)?"
    r"(?:(?P<pronoun>[Hh]e|[Ss]he)(?:\s+(?:himself|herself))?\s+(?!['’]s\b)[a-z]"
    r"|(?P<det>[Tt]he)\s+(?P<words>(?:[a-z][\w\-]*\s+){1,4}))")
# The word after a subject noun that shows it is one: an auxiliary, a past or present verb form.
_VERBISH = re.compile(r"(?:has|had|have|is|was|will|would|could|can|did|does|may|might|must|should|also|"
                      r"then|later|met|said|told|went|took|made|gave|came|saw|spoke|wrote|left|got|won|"
                      r"lost|held|began|became|[a-z]+ed|[a-z]+[^s]s)\Z")
# "(R-Minn.)", "(D)" right after a name: the party and state, no part of the clause.
_PARTY_IN_BRACKETS = re.compile(r"\A\s*\([RDI](?:-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\)")
_OF_BETWEEN = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w’'.\-]*\s+)?")
# Documents that speak for their owner ("the ad says", "“...,” the suit says"), by kind: a later
# mention of one kind refers back to the earlier one of the same kind.
_DOCUMENT_KINDS = {"ad": "ad", "advertisement": "ad", "commercial": "ad", "video": "ad", "spot": "ad",
                   "letter": "letter", "memo": "letter", "suit": "suit", "lawsuit": "suit", "complaint": "suit",
                   "petition": "suit", "filing": "suit"}
_DOCUMENT_AT_END = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z\-]+\s+){0,2}(?P<doc>"
                              + "|".join(_DOCUMENT_KINDS) + r")\s*\Z")
# What names a document's owner right after it: "a letter from X", "an ad paid for by X".
_DOCUMENT_SOURCE = re.compile(r"(?:\s+of\s+its\s+own)?\s+(?:from|by|paid\s+for\s+by|filed\s+by|signed\s+by)"
                              r"\s+(?:the\s+|[a-z]+\s+){0,3}(?=[A-Z])")
_WHO_AT_END = re.compile(r"\s*[,—–-]\s*who\s*\Z")
# "the senator", "The communications pro", "the president himself": a person named by a noun.
_DESCRIPTION_AT_END = re.compile(r"\b(?:the|The)\s+((?:[\w’'\-]+\s+){0,3}?)([a-z][\w\-]*)"
                                 r"(?:\s+(?:himself|herself))?\s*\Z")
_ATTRIBUTION_GAP = re.compile(r"[\s,.;:!?—–\-]*\Z")
_THAT_AFTER = re.compile(r"(?:\s+[\w’'.\-]+,?){0,6}?\s+that\b")
_CLAUSE_TRIM = re.compile(r"[\s,;:—–\-]*(?:\b(?:while|and|but|whereas|as)\b)?[\s,;:—–\-]*\Z")
# "said resident Carol Pike", "said former mayor Jan Novak": lower-case role words before the name.
_ROLE_BEFORE_NAME = re.compile(r"\s*(?:the\s+|a\s+)?((?:[a-z][a-z\-]+\s+){1,3})")
# "said the spokesman, Peter Carr", "said its editor in chief, Ben Smith": a role phrase, a comma, the name.
_ROLE_COMMA_NAME = re.compile(r"\s*(?:the|a|an|its|his|her|their)\s+((?:[\w’'.\-]+\s+){0,5}?[\w’'.\-]+),\s*\Z",
                              re.IGNORECASE)
# A comma-delimited insertion between a subject and its verb: ", who works for X," / ", 31, who ...,".
_INSERTION = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})?"
                        r"\s*,\s*([^“”\";:]+?)\s*,\s*\Z")
INSERTION_MAX_WORDS = 40        # words; a longer run between commas is a clause, not an insertion
# What may follow an inverted speaker before the clause ends: "said Romney in a statement".
_TRAILING_PHRASE = (r"\s+(?:in|on|at|to|during|through|via)\s+(?:a|an|the|his|her|their)?\s*"
                    r"(?:[\w’'\-]+\s*){1,3}?")
_AS_PUT_IT = re.compile(r"\b[Aa]s\s+(?P<who>[^;“”\"]{2,120}?)\s+(?P<verb>put|puts)\s+it\b")
# A sentence announcing an unquoted document: "Read the full statement:", "Her letter reads:".
_DOCUMENT_INTRO = re.compile(r"\b(?:statement|letter|post|posting|rant|tweet|tweets|message|memo|note|e-?mail|"
                             r"remarks|transcript|text|op-ed|reads?|in full|below)\b[^“”\"]*:\s*\Z"
                             # "Trump lashed out on Twitter, saying:" (a speech verb right before the colon)
                             r"|\b(?:saying|said|says|writing|wrote|writes|tweeted|tweeting|posted|posting|"
                             r"adding|added)\s*:\s*\Z", re.IGNORECASE)
REPORTED_MIN_WORDS = 3          # words; a shorter "reported clause" is a fragment, not speech
OWN_SUBJECT_MAX_CHARS = 320     # characters from a participle back to a subject it may borrow


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    terms = [t for t in speech_verbs() if t not in _NOT_CUES]
    terms = sorted(set(terms) | {"according to"}, key=len, reverse=True)
    alts = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _base_forms() -> frozenset[str]:
    """Speech verbs in their base form ("say", "write"): the ones a "went on to" chain leads to."""
    return frozenset(v for v in speech_verbs() if " " not in v and not re.search(r"(?:s|ed|ing)\Z", v)
                     or v in ("stress", "address", "express", "discuss"))


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


@dataclass(frozen=True)
class _Document:
    """An unquoted paragraph that a colon sentence announces as someone's statement."""
    span: DirectSpan
    intro: int              # sentence index of "Read the full statement:"


class Attribution:
    """The per-article state of attribution: mentions, quote masks, people and the cues found."""

    def __init__(self, article: Article, mentions: Sequence[Mention]):
        self.a = article
        self.text = article.text
        self.quotes = direct_spans(article)
        self.documents = self._documents()
        self.masks = [(q.outer_start, q.outer_end) for q in self.quotes] + \
            [(d.span.outer_start, d.span.outer_end) for d in self.documents]
        self.plain = _blank(self.text, self.masks)
        self.mentions = [m for m in mentions if not self._masked(m.start, m.end) and not is_place(m.key)]
        self.people = People(article, self.mentions, self.plain)
        self.by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            self.by_sentence[m.sentence].append(m)
        self._narrative = [bool(count_words(self.plain[s.start:s.end])) for s in article.sentences]
        self.cues: dict[int, list[_Cue]] = {}
        self._unnamed_history: list[tuple[int, str, _Speaker]] = []   # for "the official added"
        self._subjects: dict[int, _Speaker | None] = {}          # "he"/"the president" opening a sentence

    def _masked(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.masks)

    # -- cues of one sentence ---------------------------------------------------------------------
    def sentence_cues(self, index: int) -> list[_Cue]:
        if index not in self.cues:
            self.cues[index] = []           # filled as found: "he" may name an earlier cue's speaker
            self._find_cues(index)
        return self.cues[index]

    def _find_cues(self, index: int) -> None:
        sent = self.a.sentences[index]
        found = [(m.start(), m.end(), re.sub(r"\s+", " ", m.group(0).lower()))
                 for m in _cue_pattern().finditer(self.text, sent.start, sent.end)]
        found += [(m.start("verb"), m.end(), m.group("verb").lower() + " it")
                  for m in _AS_PUT_IT.finditer(self.text, sent.start, sent.end)]
        for start, end, verb in sorted(found):
            if self._masked(start, end):
                continue
            if verb == "according to":
                speaker = self._speaker_right(end, sent.end, index)
                cue = _Cue(start, end, verb, index, speaker, start, according=True)
            else:
                speaker = self._speaker_for_verb(start, end, verb, index)
                first = min(start, speaker.at) if speaker and speaker.at >= 0 else start
                cue = _Cue(start, end, verb, index, speaker, first)
            self.cues[index].append(cue)

    def _left_limit(self, index: int, pos: int) -> int:
        """Speakers are looked for after the last quote that ends before ``pos`` in the sentence."""
        floor = self.a.sentences[index].start
        ends = [e for s, e in self.masks if floor <= e <= pos]
        return max([floor] + ends)

    def _speaker_for_verb(self, start: int, end: int, verb: str, index: int) -> _Speaker | None:
        if verb.split()[0].endswith("ing") and \
                re.search(r",\s*[”\"]?\s*\Z", self.text[self.a.sentences[index].start:start]):    # ',” arguing'
            # "... took a swipe at Hillary Clinton, calling it “...”": the subject's words, not the object's
            return self._sentence_subject(start, index)
        left = self._speaker_left(start, index, verb)
        if left is None and verb in _INVERTIBLE:
            left = self._inverted(start, end, index)
        return left

    def _speaker_left(self, verb_start: int, index: int, verb: str = "") -> _Speaker | None:
        limit = self._left_limit(index, verb_start)
        left = self.text[limit:verb_start]
        chain = _TO_CHAIN_TAIL.search(left) if verb in _base_forms() else None
        if chain:
            left = left[:chain.start()]
        gap = _GAP_TAIL.search(left)
        anchor = limit + (gap.start() if gap else len(left))
        head = self.text[limit:anchor]
        subject = self._subject_before(limit, anchor, index)
        if subject is not None:
            return subject
        pronoun = _PRONOUN_AT_END.search(head)
        if pronoun:
            return self._pronoun(limit + pronoun.start(), index, pronoun.group(1))
        who = _WHO_AT_END.search(head)
        if who:
            return self._antecedent(limit + who.start(), index)
        document = _DOCUMENT_AT_END.search(head)
        if document:
            return self._document_owner(document.group("doc"), limit + document.start(), index)
        description = self._description_at(head, limit, index)
        if description is not None:
            return description
        unnamed = _UNNAMED_AT_END.search(head)
        if unnamed:
            det, start = _trim_premodifiers(unnamed, limit)
            return self._unnamed(det, self.text[start:limit + unnamed.end(2)], start,
                                 limit + unnamed.end(2), index,
                                 at=limit + unnamed.start() if det else start)
        return None

    def _subject_before(self, limit: int, anchor: int, index: int) -> _Speaker | None:
        """The name whose clause the verb at ``anchor`` ends, the outermost first: before an
        insertion between commas ("Lauten, who works for Rep. Fincher, R-Tenn., said", "Jim Manley,
        a spokesman for Mr. Reid, said"), then "X's office" / "a spokesman for X", then a name right
        before the verb ("Rutte said", "Sarah Sanders, told", "the Obama campaign said") or before an
        appositive role."""
        mentions = [m for m in self.by_sentence.get(index, []) if m.start >= limit and m.end <= anchor]
        starts = {m.start for m in mentions}
        for m in mentions:
            insertion = _INSERTION.fullmatch(self.text, m.end, anchor)
            if insertion and count_words(insertion.group(1)) <= INSERTION_MAX_WORDS and \
                    self._inserted(insertion, starts):
                return self._named(m, m.role)       # its title, else its appositive
        owner = self._owner_of_proxy(self.text[limit:anchor], limit, index)
        if owner is not None:
            return owner
        for k in range(len(mentions) - 1, -1, -1):
            m = mentions[k]
            tail = self.text[m.end:anchor]
            if not tail.strip(" \t,") or re.fullmatch(r"(?:['’]s)?\s+(?:campaign|administration)[\s,]*", tail):
                head = self._head_of(mentions, k)
                return self._named(head, head.role)
            appositive = appositive_after(self.text, m.end, anchor + 1)
            if appositive and not self.text[appositive[1]:anchor].strip():
                return self._named(m, appositive[0])
        return None

    def _head_of(self, mentions: Sequence[Mention], k: int) -> Mention:
        """"Rev. John Hale of Our Lady of Mercy, told": the person a run of "of" phrases belongs to."""
        head = k
        while head > 0 and not self.people.is_person(mentions[head]) and \
                _OF_BETWEEN.fullmatch(self.text, mentions[head - 1].end, mentions[head].start):
            head -= 1
        return mentions[head] if self.people.is_person(mentions[head]) else mentions[k]

    def _inserted(self, insertion: re.Match, starts: set[int]) -> bool:
        """An insertion about the name before it: not one opening with another name ("Obama, Biden,
        who ..., said" is Biden's), unless that is a party or a state ("Meeks, D-N.Y., said")."""
        first = insertion.start(1)
        opener = insertion.group(1)
        return first not in starts or bool(re.match(r"(?:[RDI]-|(?:Republican|Democrat|Independent)\b)", opener))

    def _owner_of_proxy(self, head: str, limit: int, index: int) -> _Speaker | None:
        """"Keir Starmer's office", "a spokesman for Starmer", "Starmer's spokeswoman": the words are
        X's, spoken for X, so the voice is X (with the proxy as its role)."""
        m = _PROXY_OF.search(head) or _PROXY_FOR.search(head)
        if not m:
            return None
        name_start, name_end = limit + m.start("name"), limit + m.end("name")
        for mention in self.by_sentence.get(index, []):
            if mention.start <= name_start < mention.end or name_start <= mention.start < name_end:
                found = replace(self._named(mention, m.group("proxy").lower()), at=limit + m.start())
                self._unnamed_history.append((index, m.group("proxy").lower(), found))   # "the spokesman said"
                return found
        return None

    def _speaker_right(self, pos: int, limit: int, index: int) -> _Speaker | None:
        """The speaker named right after ``pos``: "according to X", "..., said X."."""
        unnamed = _UNNAMED_AT_START.match(self.text, pos, limit)
        if unnamed and _trim_premodifiers(unnamed, 0)[1] != unnamed.start(2):
            unnamed = None      # "said the U.S. would need": not a description of a source
        for m in self.by_sentence.get(index, []):
            if m.start < pos or m.start >= limit:
                continue
            gap = self.text[pos:m.start]
            comma_role = _ROLE_COMMA_NAME.fullmatch(gap)
            if comma_role and noun_of(comma_role.group(1).split()[-1]):
                return self._named(m, m.role or comma_role.group(1))     # "said the spokesman, Peter Carr"
            if unnamed and unnamed.end() > m.end:       # "Russian state media": the noun phrase
                break
            if re.fullmatch(r"\s*(?:the\s+)?", gap, re.IGNORECASE):
                return self._named(m, m.role)
            title = role_before(self.text, m.start, pos)
            if title and re.fullmatch(r"\s*(?:the\s+)?" + re.escape(title) + r"\s*", gap, re.IGNORECASE):
                return self._named(m, m.role or title)                   # "said Sen. John Smith"
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
        tail = _PARTY_IN_BRACKETS.sub(lambda b: " " * len(b.group(0)), tail, count=1)
        if re.match(r",\s+(?:who|whose|a|an|the)\s", tail):
            return speaker      # "said Rep. Mary Hale (R-Minn.), who has ...": a clause about the speaker
        return speaker if re.match(r"(?:\s*,?\s+(?:" + _GAP_WORDS + r"))*(?:" + _TRAILING_PHRASE + r")?"
                                   r"\s*(?:[,.;:!?]|\Z)", tail) else None

    def _document_owner(self, noun: str, pos: int, index: int) -> _Speaker | None:
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

    def _mention_speaker(self, start: int, end: int, index: int, at: int) -> _Speaker | None:
        """The speaker of the name that begins between ``start`` and ``end`` in sentence ``index``."""
        for m in self.by_sentence.get(index, []):
            if m.start <= start < m.end or start <= m.start < end:
                return replace(self._named(m, m.role), start=-1, end=-1, pronoun=True, at=at)
        return None

    def _sentence_subject(self, pos: int, index: int) -> _Speaker | None:
        """The subject a participle borrows: the first of a name, a group, "he"/"she" or "the
        senator" in the sentence (a newspaper or platform is never it)."""
        sent = self.a.sentences[index]
        if pos - sent.start > OWN_SUBJECT_MAX_CHARS:
            return None
        found: list[tuple[int, _Speaker | None]] = []
        names = [m for m in self.by_sentence.get(index, []) if m.start < pos and not is_media(m.key)
                 and (self.people.is_person(m) or is_group_name(m.surface) or may_be_person(m.key, m.surface))]
        if names:       # "Republican nominee Mitt Romney ..., claiming": the person, not "Republican"
            first = next((m for m in names if (self.people.is_person(m) or is_group_name(m.surface))
                          and not self._oblique(m)), names[0])
            found.append((first.start, self._named(first, first.role)))
        pronoun = re.search(r"\b(he|she|He|She)\b", self.plain[sent.start:pos])
        if pronoun:
            at = sent.start + pronoun.start(1)
            found.append((at, self._pronoun(at, index, pronoun.group(1))))
        described = _first_description(self.plain, sent.start, pos)
        if described:
            at, noun = described
            found.append((at, self._description(at, index, noun, "")))
        found.sort(key=lambda f: f[0])
        return found[0][1] if found else None

    # -- speakers ---------------------------------------------------------------------------------
    def _named(self, m: Mention, role: str) -> _Speaker:
        if is_media(m.key):         # "the New York Times reported": a source counted apart, not a voice
            return _Speaker("~" + m.key, m.surface, "", m.start, m.end, unnamed=True, at=self._naming_start(m))
        if is_group_name(m.surface):    # "Senate Democrats": a group, an unnamed source that keeps its name
            return _Speaker(_unnamed_key(m.surface), m.surface, "", m.start, m.end, unnamed=True,
                            at=self._naming_start(m))
        organisation = self._organisation_after(m)
        if organisation is not None:
            return organisation
        person = self.people.is_person(m) or (not m.person and may_be_person(m.key, m.surface))
        role = _clean_role(role or m.role or (self._role_of(m.key) if person else ""))
        if not role and person:
            before = ROLE_COMMA_BEFORE.search(self.text, max(0, m.start - 120), m.start)
            if before and noun_of(before.group(1).split()[-1]):
                role = before.group(1)     # "The Times’ Moscow bureau chief, Anton Troianovski"
        return _Speaker(m.key, m.surface, role, m.start, m.end, person=person, at=self._naming_start(m))

    def _organisation_after(self, m: Mention) -> _Speaker | None:
        """"the Obama campaign", "Romney's campaign": the organisation's voice, named after its person."""
        after = re.match(r"(?:['’]s)?\s+(campaign|administration)\b", self.text[m.end:m.end + 20])
        if not after:
            return None
        org = after.group(1)
        return _Speaker(f"{m.key} {org}", f"{_surname(m.surface)} {org}", "", m.start, m.end + after.end(),
                        at=self._naming_start(m))

    def _naming_start(self, m: Mention) -> int:
        """Start of "the New York Times" / "German Chancellor Olaf Scholz" (article and role)."""
        start = m.start
        title = m.role or role_before(self.text, start, self.a.sentences[m.sentence].start)
        if title and self.text[:start].rstrip().endswith(title):
            start = self.text.rfind(title, 0, start)       # "Ms. Lauten wrote", "Sen. Paul said"
        det = re.search(r"\b(?:the|a|an)\s+\Z", self.text[max(0, start - 5):start], re.IGNORECASE)
        return start - len(det.group(0)) if det else start

    def _pronoun(self, pos: int, index: int, word: str = "") -> _Speaker | None:
        person = self._person_before(pos, index, pronoun_gender(word))
        if person is None:
            return None
        return replace(person, start=-1, end=-1, pronoun=True, at=pos)

    def _candidates(self, index: int) -> list[Candidate]:
        """Who a pronoun may name in sentence ``index``: its cues' speakers, then its people."""
        out = []
        for c in self.sentence_cues(index):     # the sentence in progress: its cues found so far
            sp = c.speaker
            if sp and (sp.person or (sp.unnamed and noun_of(sp.name.split()[-1]))):
                out.append(Candidate(sp.key, c.attribution_start, index, speaker=True, payload=sp))
        for m in self.by_sentence.get(index, []):
            if self.people.is_person(m) and not is_media(m.key):
                out.append(Candidate(m.key, m.start, index, oblique=self._oblique(m), payload=m))
        subject = self._subject_reference(index)
        if subject is not None:
            out.append(Candidate(subject.key, subject.at, index, payload=subject))
        return out

    def _oblique(self, m: Mention) -> bool:
        """A name after a preposition ("a letter from Rep. Welch"): not the subject of its clause."""
        at = self._naming_start(m)
        return bool(_OBLIQUE.search(self.text[max(0, at - 12):at]))

    def _subject_reference(self, index: int) -> _Speaker | None:
        """The person a sentence opens with when it names them by "he"/"she" or "the president"
        ("But he expressed no concern ..."): a sentence about the same person passes them on to the
        next pronoun, before any name it holds after its subject."""
        if index in self._subjects:
            return self._subjects[index]
        self._subjects[index] = None        # a reference never resolves through itself
        sent = self.a.sentences[index]
        m = _SUBJECT_REFERENCE.match(self.plain, sent.start, sent.end)
        found: _Speaker | None = None
        if m and m.group("pronoun"):
            found = self._pronoun(m.start("pronoun"), index, m.group("pronoun"))
        elif m and m.group("det"):
            words = m.group("words").split()
            verb = next((j for j, w in enumerate(words) if j and _VERBISH.match(w)), None)
            # "The liberal icon justice had": the last person noun before the verb, else the first word
            nouns = [j for j in range(verb if verb is not None else 1) if noun_of(words[j])]
            if nouns and not set(words[:nouns[-1]]) & _NOT_PREMODIFIERS and \
                    not re.fullmatch(_UNNAMED_HEADS, words[nouns[-1]]):
                j = nouns[-1]
                found = self._description(m.start("det"), index, words[j], " ".join(words[:j]))
        if found is not None and not found.person:
            found = None
        self._subjects[index] = found
        return found

    def _as_speaker(self, c: Candidate) -> _Speaker:
        if isinstance(c.payload, _Speaker):
            return c.payload
        m = c.payload
        assert isinstance(m, Mention)
        return self._named(m, m.role or self._role_of(m.key))

    def _person_before(self, pos: int, index: int, gender: str = "") -> _Speaker | None:
        def accept(c: Candidate) -> bool:
            return compatible(self.people.gender(c.key), gender)
        found = resolve(self._candidates, self._narrative.__getitem__, index, pos, accept)
        return self._as_speaker(found) if found else None

    def _description_at(self, head: str, limit: int, index: int) -> _Speaker | None:
        m = _DESCRIPTION_AT_END.search(head)
        if not m or not noun_of(m.group(2)) or set(m.group(1).lower().split()) & _NOT_PREMODIFIERS:
            return None
        return self._description(limit + m.start(), index, m.group(2), m.group(1))

    def _description(self, pos: int, index: int, noun: str, modifiers: str) -> _Speaker | None:
        """"the senator": the nearest person whose role words hold the noun; a noun that heads unnamed
        sources ("the official") reuses the source named a moment ago; any other person noun ("the
        communications pro") resolves like a pronoun of the noun's gender."""
        wanted = noun_of(noun)
        found = resolve(self._candidates, self._narrative.__getitem__, index, pos,
                        lambda c: wanted in self.people.roles.get(c.key, ()), lookback=PRONOUN_MAX_SENTENCES_BACK)
        if found:
            return replace(self._as_speaker(found), start=-1, end=-1, pronoun=True, at=pos)
        if re.fullmatch(_UNNAMED_HEADS, noun):
            return None         # left to the unnamed source rules
        person = self._most_named_before(pos, noun_gender(noun))
        return replace(person, start=-1, end=-1, pronoun=True, at=pos) if person else None

    def _most_named_before(self, pos: int, gender: str) -> _Speaker | None:
        """The person of a compatible gender the article has named most often before ``pos`` (the
        latest of equals): whom "the president" means when no role says so."""
        counts: dict[str, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            if m.start < pos and self.people.is_person(m) and compatible(self.people.gender(m.key), gender):
                counts[m.key].append(m)
        if not counts:
            return None
        best = max(counts.values(), key=lambda ms: (len(ms), ms[-1].start))
        return self._named(best[-1], best[-1].role or self._role_of(best[-1].key))

    def _antecedent(self, pos: int, index: int) -> _Speaker | None:
        """"X, who ..., said": the name just before "who", over an appositive ("Senator John McCain,
        Republican of Arizona, who")."""
        before = [m for m in self.by_sentence.get(index, []) if m.end <= pos]
        starts = {m.start for m in before}
        for m in reversed(before):
            between = self.text[m.end:pos]
            if not between.strip(" ,—–-"):
                if self.people.is_person(m) or may_be_person(m.key, m.surface) or len(before) == 1:
                    return self._named(m, m.role)
                continue
            appositive = _INSERTION.fullmatch(between + ",") if between.startswith(",") else None
            if appositive and self._inserted(appositive, starts | {m.end}) and self.people.is_person(m):
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
            owner = self._person_before(start, index, pronoun_gender(det))
            if owner is None:
                return None
            if re.fullmatch(r"(?:[a-z]+\s+){0,2}(?:" + _PROXIES + r")", phrase):
                # "his office said": the words are spoken for the person, who is the voice
                return replace(owner, start=-1, end=-1, role=phrase, pronoun=False, at=at)
            own = _OWN_ORGANISATION.fullmatch(phrase)
            if own:     # "his campaign said": the campaign's voice
                return _Speaker(f"{owner.key} {own.group('org')}", f"{_surname(owner.name)} {own.group('org')}",
                                "", start, end, at=at)
            name = f"{_surname_form(owner.name, owner.key, self.mentions)}’s {phrase}"
            return _Speaker(f"{owner.key}'s {phrase.lower()}", name, "", start, end, person=False,
                            at=at)
        if det == "the":        # "The official added": the official named a moment ago
            for sentence, label, speaker in reversed(self._unnamed_history):
                if index - SPEAKER_LOOKBACK_SENTENCES <= sentence and label.endswith(phrase.lower()):
                    return replace(speaker, start=start, end=end, at=at)
        proxied = self._proxy_of_name(phrase, start, end, index, at)
        if proxied is not None:
            return proxied
        speaker = _Speaker(_unnamed_key(phrase), phrase, "", start, end, unnamed=True, at=at)
        self._unnamed_history.append((index, phrase.lower(), speaker))
        return speaker

    def _proxy_of_name(self, phrase: str, start: int, end: int, index: int, at: int) -> _Speaker | None:
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

    # -- statements without quote marks -------------------------------------------------------------
    def _documents(self) -> list[_Document]:
        """Paragraphs without quote marks announced by "...statement:" at the end of the paragraph
        before (its own paragraph or the end of one)."""
        out = []
        quoted = {q.outer_start for q in self.quotes}
        paragraphs = self.a.paragraphs
        for p, following in zip(paragraphs, paragraphs[1:]):
            intro = [s for s in self.a.sentences if p.start <= s.start < p.end]
            if not intro or not _DOCUMENT_INTRO.search(intro[-1].text.rstrip()):
                continue
            if any(p.start <= q < following.end for q in quoted):
                continue        # quote marks of its own: the quotes rules read it
            body = self.text[following.start:following.end]
            s = following.start + len(body) - len(body.lstrip())
            e = following.start + len(body.rstrip())
            if count_words(self.text[s:e]):
                out.append(_Document(DirectSpan(s, e, s, e, False), intro[-1].index))
        return out

    def _document_speaker(self, d: _Document) -> tuple[_Speaker | None, str]:
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
            cues = [c for c in self.sentence_cues(index) if c.speaker and not c.speaker.unnamed]
            if cues:
                return cues[-1].speaker, cues[-1].verb
        return None, ""

    # -- quotes -----------------------------------------------------------------------------------
    def find(self) -> list[Quote]:
        for index in range(len(self.a.sentences)):
            self.sentence_cues(index)
        direct = self._direct_quotes() + self._document_quotes()
        return sorted(direct + self._reported(), key=lambda q: (q.start, q.kind))

    def _document_quotes(self) -> list[Quote]:
        out = []
        for d in self.documents:
            speaker, verb = self._document_speaker(d)
            touched = self._touched(d.span) or [d.intro]
            out.append(self._quote(d.span.start, d.span.end, touched[0], "direct", speaker, verb))
        return out

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
                resolved[i] = (q, _Cue(q.start, q.start, verb, touched[0], speaker, q.start) if speaker else None,
                               touched)     # a quote continued from the last one passes it on
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
        person the sentence names before the colon (its subject)."""
        sent = self.a.sentences[index]
        before = self.text[sent.start:q.outer_start]
        if not re.search(r":\s*\Z", before):
            return None
        speaker = self._sentence_subject(q.outer_start, index)
        if speaker is None or not (speaker.person or speaker.unnamed):
            return None
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
        return not any(self._narrative[i] for i in touched)

    def _neighbour_speaker(self, resolved, i: int) -> tuple[_Speaker | None, str]:
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

    def _continues(self, before: DirectSpan, before_touched: list[int], q: DirectSpan,
                   touched: list[int]) -> bool:
        """A paragraph that is only a quote right after a paragraph that ends with an attributed
        quote goes on with that speaker."""
        first = self.a.sentences[touched[0]]
        last_before = self.a.sentences[before_touched[-1]]
        next_sentence = last_before.index + 1
        return first.paragraph == last_before.paragraph + 1 and next_sentence == first.index and \
            not count_words(self.text[first.start:q.outer_start])

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
        quoted = {i for q in self.quotes for i in self._touched(q)} | \
            {i for d in self.documents for i in self._touched(d.span)}
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


def _first_description(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(position, noun) of the first "the <modifiers> <person noun>" in text[start:end] ("the
    senator", "The communications pro"), skipping nouns that head unnamed sources."""
    for m in re.finditer(r"\b(?:the|The)\s+((?:[\w’'\-]+\s+){0,3}[\w’'\-]+)", text[start:end]):
        for w in m.group(1).split():
            if w.lower() in _NOT_PREMODIFIERS or w[:1].isupper():
                break
            if noun_of(w):
                if not re.fullmatch(_UNNAMED_HEADS, w):
                    return start + m.start(), w
                break
    return None


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` turned to spaces (offsets kept): narration only."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


_HONORIFIC_ROLE = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Miss)\.?\s*\Z")


def _clean_role(role: str) -> str:
    """A role without honorifics ("Mr." is no role) and without a sentence's capitalised first word
    that names no office ("Enter Ms." -> "")."""
    role = _HONORIFIC_ROLE.sub("", role).strip()
    words = role.split()
    if words and len(words) <= 2 and all(w[:1].isupper() for w in words) and not role.isupper() \
            and not any(noun_of(w) or w.lower().rstrip(".") in TITLES for w in words):
        return ""
    if len(words) == 1 and noun_of(role) and role.lower().rstrip(".") not in TITLES and role[1:].isalpha() \
            and role[1:].islower():
        return role.lower()     # "Volunteer Alex Osorio": a plain role word, capitalised by its place
    return role


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


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
        low = w.group(0).lower()
        if low in ("his", "her", "its", "their"):
            det, start = w.group(0), offset + match.start(2) + w.end() + 1
        elif low in _NOT_PREMODIFIERS:
            det, start = None, offset + match.start(2) + w.end() + 1
    return det, start


def _unnamed_key(phrase: str) -> str:
    return "~" + re.sub(r"\s+", " ", phrase.replace("’", "'").lower()).strip()


def _surname_form(name: str, key: str, mentions: Sequence[Mention]) -> str:
    """The fullest spelling of a person in the article ("Starmer" -> "Keir Starmer")."""
    forms = [m.surface for m in mentions if m.key == key] + [name]
    return max(forms, key=lambda f: len(f.split()))
