"""Words around a cue, shared by the speaker rules: the heads of unnamed sources, function words,
the small words between a speaker and a verb, and the text helpers that trim clauses and roles."""
from __future__ import annotations

import re
from typing import Sequence

from analysis.align.features.names import TITLE_MODIFIERS, TITLES
from analysis.signals.actors import Mention
from analysis.signals.nouns import noun_of

UNNAMED_HEADS = (
    "officials?|spokes(?:man|woman|person|people)|sources?|aides?|diplomats?|analysts?|experts?|witness(?:es)?|"
    "leaders?|leadership|administration|government|junta|ministry|office|ministers?|lawmakers?|"
    "negotiators?|people|residents?|volunteers?|rescuers?|survivors?|eyewitness(?:es)?|bystanders|onlookers|locals|"
    "villagers|neighbou?rs|relatives|families|parents|doctors|nurses|firefighters|workers|soldiers|troops|refugees|"
    "passengers|delegation|media|agency|powers|allies|nations|"
    "countries|critics|observers|authorities|insiders|commentators|economists|activists|"
    "investigators|prosecutors|police|military|campaign|team|companies|firms|groups|protesters|"
    "protestors|demonstrators|students|voters|members|opponents|supporters|senators|legislators|"
    "justices|judges|jurors|liberals|conservatives|dissenters|prosecution|defen[cs]e|"
    "Democrats|Republicans|sources familiar with [a-z ]+")
UNNAMED_AT_END = re.compile(
    r"(?:\b((?i:a|an|the|one|two|three|several|some|other|many|his|her|its|their|these|those))\s+)?"
    r"((?:(?:[A-Z][\w.’'\-]*|[a-z][a-z\-]+(?:['’]s)?)\s+){0,3}(?:" + UNNAMED_HEADS + r"))\s*\Z")
UNNAMED_AT_START = re.compile(
    r"\s*(?:((?i:a|an|the|one|two|several|some|other|many|his|her|its|their))\s+)?"
    r"((?:(?:[A-Z][\w.’'\-]*|[a-z][a-z\-]+(?:['’]s)?)\s+){0,3}(?:" + UNNAMED_HEADS + r"))\b")
# Function words never inside a source's description: "while European leaders" -> "European leaders".
NOT_PREMODIFIERS = frozenset("""
and or but that which who said told with by for to of in on at from as while whereas although
though because since if when so also then after before during about into over under than not no is
are was were has have had be been will would could should may might must can it they we what how
out up his her its their whom where why
""".split())
GAP_WORDS = (r"Jr\.?|Sr\.?|has|have|had|also|then|later|previously|again|earlier|would|will|did|does|do|is|"
             r"himself|herself|"
             r"was|were|are|not|never|once|repeatedly|reportedly|already|just|still|further|"
             r"separately|publicly|privately|afterwards?|today|yesterday|tonight|"
             r"(?:(?:on|last|this|late|early|next)\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
             r"(?:\s+(?:morning|afternoon|evening|night))?|[a-z]+ly")
_CLAUSE_TRIM = re.compile(r"[\s,;:—–\-]*(?:\b(?:while|and|but|whereas|as)\b)?[\s,;:—–\-]*\Z")
# A comma-delimited insertion between a subject and its verb: ", who works for X," / ", 31, who ...,";
# after a name's suffix the name may leave ("Roland Butler Jr., with the state police,").
INSERTION = re.compile(r"(?:\s+(?:Jr|Sr)\b)?\.?(?:\s+of\s+(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})?"
                       r"\s*,\s*([^“”\";:]+?)\s*,\s*\Z")
INSERTION_MAX_WORDS = 40        # words; a longer run between commas is a clause, not an insertion


def first_description(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(position, noun) of the first "the <modifiers> <person noun>" in text[start:end] ("the
    senator", "The communications pro"), skipping nouns that head unnamed sources."""
    for m in re.finditer(r"\b(?:the|The)\s+((?:[\w’'\-]+\s+){0,3}[\w’'\-]+)", text[start:end]):
        for w in m.group(1).split():
            if w.lower() in NOT_PREMODIFIERS or w[:1].isupper():
                break
            if noun_of(w):
                if not re.fullmatch(UNNAMED_HEADS, w):
                    return start + m.start(), w
                break
    return None


def blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` turned to spaces (offsets kept): narration only."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


_HONORIFIC_ROLE = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Miss)\.?\s*\Z")


def clean_role(role: str) -> str:
    """A role without honorifics ("Mr." is no role), without a sentence's capitalised first word that
    names no office ("Enter Ms." -> "") and without a given name the title run took in ("Its leader
    Marine" -> "leader")."""
    role = _HONORIFIC_ROLE.sub("", role).strip()
    words = role.split()
    if len(words) >= 2 and words[-2].islower() and noun_of(words[-2]) and words[-1][:1].isupper() and \
            words[-1][1:].isalpha() and words[-1][1:].islower() and words[-1].lower() not in TITLES:
        # "Its leader Marine" Le Pen: a capitalised word after role nouns is the given name, not a title
        words = words[:-1]
    if len(words) >= 2 and words[0] in ("Its", "His", "Her", "Their"):
        words = words[1:]       # "Its leader": the owner is in the sentence before, the role is "leader"
    role = " ".join(words)
    if words and len(words) <= 2 and all(w[:1].isupper() for w in words) and not role.isupper() \
            and not any(noun_of(w) or w.lower().rstrip(".") in TITLES for w in words):
        return ""
    if len(words) == 1 and noun_of(role) and role.lower().rstrip(".") not in TITLES and role[1:].isalpha() \
            and role[1:].islower():
        return role.lower()     # "Volunteer Alex Osorio": a plain role word, capitalised by its place
    return role


# A relative clause after a role noun: "a doctor who volunteered to help" -> "doctor".
_RELATIVE_CLAUSE = re.compile(r"\s+(?:who|whom|whose|which|that)\b.*\Z", re.DOTALL)
# An age or a hyphenated participle before a role: "29-year-old", "sledge-hammer-wielding".
_DESCRIBING_COMPOUND = re.compile(r"(?:\d+|[a-z]+)-year-old|[a-z]+(?:-[a-z]+)+(?:ing|ed)")
# Adjectives that classify a role (which office, which field) rather than describe its bearer.
_CLASSIFYING_ENDINGS = ("al", "ic", "ary", "ory", "ian", "ese", "ist")


def tidy_role(role: str) -> str:
    """A role as its office or occupation: without a relative clause ("doctor who volunteered to
    help" -> "doctor") and without the adjectives that only describe its bearer before it ("burly
    sledge-hammer-wielding volunteer" -> "volunteer", "29-year-old doctor" -> "doctor"); titles and
    classifying words stay ("former deputy mayor", "lead prosecutor", "civil defense official")."""
    role = _RELATIVE_CLAUSE.sub("", role).strip()
    words = role.split()
    # up to the last age or participle compound, when only adjectives come before it ("burly"):
    # a lone adjective may classify the office ("civil defense official"), so it stays
    last = max((i for i, w in enumerate(words[:-1]) if _DESCRIBING_COMPOUND.fullmatch(w)), default=-1)
    if last >= 0 and all(_is_adjective(w) for w in words[:last]):
        words = words[last + 1:]
    return " ".join(words)


def _is_adjective(word: str) -> bool:
    from lemminflect import getAllLemmas  # lazy: its tables load on first use
    return word.islower() and word not in TITLE_MODIFIERS and not noun_of(word) and \
        set(getAllLemmas(word)) == {"ADJ"} and not word.endswith(_CLASSIFYING_ENDINGS)


def surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and not text[start].isalnum():
        start += 1
    piece = text[start:end]
    cut = _CLAUSE_TRIM.search(piece)
    end = start + (cut.start() if cut else len(piece))
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "%)"):
        end -= 1
    return (start, end) if end > start else None


def trim_premodifiers(match: re.Match, offset: int) -> tuple[str | None, int]:
    """(determiner, start) of an unnamed source's description, cut after the last function word."""
    det, start = match.group(1), offset + match.start(2)
    words = list(re.finditer(r"\S+", match.group(2)))
    for w in words[:-1]:
        low = w.group(0).lower()
        if low in ("his", "her", "its", "their"):
            det, start = w.group(0), offset + match.start(2) + w.end() + 1
        elif low in NOT_PREMODIFIERS:
            det, start = None, offset + match.start(2) + w.end() + 1
    return det, start


def unnamed_key(phrase: str) -> str:
    return "~" + re.sub(r"\s+", " ", phrase.replace("’", "'").lower()).strip()


def surname_form(name: str, key: str, mentions: Sequence[Mention]) -> str:
    """The fullest spelling of a person in the article ("Starmer" -> "Keir Starmer")."""
    forms = [m.surface for m in mentions if m.key == key] + [name]
    return max(forms, key=lambda f: len(f.split()))


def inserted(insertion: re.Match, starts: set[int]) -> bool:
    """An insertion about the name before it: not one opening with another name ("Obama, Biden,
    who ..., said" is Biden's), unless that is a party or a state ("Meeks, D-N.Y., said")."""
    first = insertion.start(1)
    opener = insertion.group(1)
    return first not in starts or bool(re.match(r"(?:[RDI]-|(?:Republican|Democrat|Independent)\b)", opener))


def is_unnamed_head(word: str) -> bool:
    """"Rescuers", "Officials": a word that heads unnamed sources, whatever its capital."""
    return bool(re.fullmatch(UNNAMED_HEADS, word.lower()))


def sentence_case(text: str) -> str:
    """``text`` with its first word lower-cased when that word heads unnamed sources ("Officials said",
    "Critics say"): capitalised by its place at the start of a sentence, not as a name."""
    first = re.match(r"[A-Z][a-z]+\b", text)
    if first and re.fullmatch(UNNAMED_HEADS, first.group(0).lower()):
        return text[:1].lower() + text[1:]
    return text

