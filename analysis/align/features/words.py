"""Words of a sentence: tokens with offsets, content words (our stopword list) and Snowball stems."""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.lexicons import load_lexicon
from analysis.segment.nltk_parts import snowball_stemmer

# A word: an acronym with periods ("U.S."), or letters/digits joined by apostrophes, hyphens, periods
# or commas between digits ("Kyiv’s", "al-Saud", "2.06", "1,000").
WORD = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:-(?:[A-Za-z]\.){2,}|(?:[’'\-]|(?<=\d)[.,](?=\d))\w+)*",
                  re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?$", re.IGNORECASE)

_STEMMER = snowball_stemmer("english")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(load_lexicon("stopwords").entries)


def normalise(word: str) -> str:
    """Lower-case, straight apostrophes."""
    return word.replace("’", "'").lower()


def strip_possessive(word: str) -> str:
    """``Kyiv’s`` -> ``Kyiv``; ``allies'`` -> ``allies``; other words unchanged."""
    if len(word) > 2 and (word.endswith(("’s", "'s", "’S", "'S")) or word.endswith(("s'", "s’"))):
        return _POSSESSIVE.sub("", word)
    return word


@lru_cache(maxsize=8192)
def scan(text: str) -> tuple[tuple[str, int, int], ...]:
    """Every word of ``text`` as (word, start, end); cached because three stages read each sentence."""
    return tuple((m.group(0), m.start(), m.end()) for m in WORD.finditer(text))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _STEMMER.stem(word)


def content_words(text: str) -> list[str]:
    """Lower-cased content words of ``text`` in order: no stopwords, no punctuation.

    Hyphenated compounds count as their parts ("three-year" -> "three", "year"; "Russia-U.S." ->
    "russia", "us").  Upper-case acronyms are kept even when they spell a stopword ("US", "U.S.").
    """
    return list(_content_words(text))


@lru_cache(maxsize=50_000)
def _content_words(text: str) -> tuple[str, ...]:
    """``content_words``, read once per text: the stages read each sentence several times (features,
    claims, events, framing), and agency copy prints one sentence in many outlets."""
    stop = stopwords()
    out: list[str] = []
    for raw, _, _ in scan(text):
        if raw.islower() and raw.isalpha():          # the common case, fast
            if raw not in stop:
                out.append(raw)
            continue
        if raw[:1].isdigit():
            out.append(raw.replace(",", ""))
            continue
        for part in strip_possessive(raw).split("-"):
            word = normalise(part)
            if not word:
                continue
            if _is_acronym(part):
                out.append(word.replace(".", ""))
            elif word not in stop:
                out.append(word)
    return tuple(out)


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()
