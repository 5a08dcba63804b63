"""Office holders named in an article ("German Chancellor Olaf Scholz"), and conflicts between articles.

Who holds an office changes over time, so two articles that name different holders of the same
office ("German Chancellor Olaf Scholz" vs "German Chancellor Friedrich Merz") are very likely about
different moments: the same-event score counts such conflicts against a pair (``evidence``).
Offices qualified by a country or organisation count ("German Chancellor", "NATO Secretary
General"); a holder named as "former", "then-" or "incoming" is another moment, named in passing,
and ignored.  A bare head-of-government title ("Prime Minister Scott Morrison", "Chancellor Merz")
is ambiguous across countries, so ``bare_holders`` keeps it apart: ``evidence`` counts two bare
holders of one title as a conflict only when neither article names the other's holder anywhere
(two prime ministers who meet are named by both accounts of the meeting).
"""
from __future__ import annotations

import re
from typing import Sequence

from analysis.align.features.names import ALIASES

_TITLE = (r"(?:Chancellor|President|Vice President|Prime Minister|Foreign Minister|Defen[cs]e Minister|"
          r"Defen[cs]e Secretary|Secretary of State|Secretary of Defen[cs]e|Secretary[- ]General|"
          r"Secretary|Spokes(?:man|woman|person))")
# Up to three capitalised qualifier words right before the title, the title, then only spaces.
_BEFORE_NAME = re.compile(rf"((?:[A-Z][\w.’'-]*\s+){{1,3}}?){_TITLE}\s+$")
_TITLE_ONLY = re.compile(_TITLE + r"\s+$")
# "former German Chancellor Angela Merkel", "then-Secretary of State", "incoming Prime Minister": a
# holder at another moment than the story's, named in passing; not a conflict.
_NOT_NOW = re.compile(r"\b(?:former|ex|late|then|outgoing|incoming|future|would-be|acting|next|previous)"
                      r"[\s-]+(?:[A-Z][\w.’'-]*\s+){0,3}$", re.IGNORECASE)
_ORGANISATIONS = frozenset("nato eu un kremlin white house".split())


# Titles of which a country has one holder at a time; "Secretary" or "Spokesman" have many.
_BARE_TITLES = frozenset(("prime minister", "chancellor", "president", "premier"))
_BARE_BEFORE_NAME = re.compile(rf"(?<![\w’'-])(?P<title>{_TITLE})\s+$")


_TITLE_AT_END = re.compile(rf"\s*(?P<title>{_TITLE})$", re.IGNORECASE)


def office_words(key: str) -> str:
    """An office key as an editor reads it: "germany chancellor" -> "Germany's Chancellor", a bare
    title as it is ("Prime Minister")."""
    def cap(words: str) -> str:
        return " ".join(w if w == "of" else w.capitalize() for w in words.split())
    m = _TITLE_AT_END.search(key)
    if not m or m.start() == 0:
        return cap(key)
    owner = cap(key[:m.start()])
    return f"{owner}{'’' if owner.endswith('s') else '’s'} {cap(m['title'])}"


def _qualifier(words: str) -> str | None:
    """The country or organisation a qualifier names ("UK" -> "united kingdom"), or None."""
    for word in reversed(words.split()):
        word_key = word.lower().strip(".’'")
        found = ALIASES.get(word_key) or ALIASES.get(word.lower()) or \
            (word_key if word_key in _ORGANISATIONS else None)
        if found:
            return found
    return None


def _full_names(article, features: Sequence):
    """(person key, the sentence's text before the name) of every name of two words or more: a
    single word is a place or a surname, not a full name."""
    for f in features:
        sentence = article.sentences[f.index]
        for key, start, _end in f.entity_spans:
            if " " in key:
                yield key, sentence.text[:max(0, start - sentence.start)]


def office_holders(article, features: Sequence) -> dict[str, str]:
    """Office key ("germany chancellor") -> person entity key, for one article."""
    out: dict[str, str] = {}
    for key, before in _full_names(article, features):
        m = _BEFORE_NAME.search(before)
        if m is None or _NOT_NOW.search(before[:m.start(0) + len(m.group(1))]):
            continue
        title = _TITLE_ONLY.search(before)
        qualifier = _qualifier(m.group(1))
        if qualifier and title:
            out.setdefault(f"{qualifier} {' '.join(title.group(0).lower().split())}", key)
    return out


def bare_holders(article, features: Sequence) -> dict[str, str]:
    """Bare title ("prime minister") -> the first person named with it and no qualifier, for one
    article ("Prime Minister Scott Morrison conceded"; not "Australian Prime Minister", not "former
    President")."""
    out: dict[str, str] = {}
    for key, before in _full_names(article, features):
        m = _BARE_BEFORE_NAME.search(before)
        qualified = _BEFORE_NAME.search(before)
        if m is None or _NOT_NOW.search(before[:m.start("title")]) or \
                (qualified is not None and _qualifier(qualified.group(1))):
            continue    # another moment's holder, or a qualified office (``office_holders``)
        title = " ".join(m.group("title").lower().split())
        if title in _BARE_TITLES:
            out.setdefault(title, key)
    return out
