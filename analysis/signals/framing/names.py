"""Forms of one name: when two spellings name the same entity, and when one is a likely misspelling.

Outlets write one entity in many forms that are not disagreements: a plural or possessive
("Republicans", "Democrat's"), an adjective or demonym ("Democratic", "Arabian", "Saudi" for Saud),
a nickname ("Steve" for Steven, via the Apache-2.0 ``nicknames`` list), a transliteration ("Zelenskyy",
"Sergey") or a spelling of a common word ("Adviser", "Advisor").  ``same_entity`` says so, and the
contradiction and spelling rules never report such a pair.

``likely_misspelling(x, y)`` is narrower: ``x`` differs from ``y`` by a slip of one or two letters,
is not one of the forms above, and is far rarer in written English (wordfreq's Zipf scale) while not
common enough to be a name of its own ("Preibus" for Priebus, "Wednedsay").  When both are
established words ("Paris" and "Parris", "Stacy" and "Stacey"), no rule can tell a slip from two
names, so nothing is said.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.constants import (
    SPELLING_MAX_EDITS_LONG,
    SPELLING_MAX_EDITS_SHORT,
    SPELLING_MAX_ZIPF,
    SPELLING_MIN_ZIPF_GAP,
    SPELLING_SHORT_WORD_LETTERS,
)

# Endings that derive an adjective, demonym or member noun from a name: Arabia/Arabian,
# Democrat/Democratic, Israel/Israeli, Japan/Japanese, Saud/Saudi, Marx/Marxist.
_DERIVING = ("ians", "ian", "ans", "an", "ics", "ic", "ish", "ese", "is", "i", "ites", "ite", "ists", "ist",
             "isms", "ism", "ns", "n", "s", "es", "a", "e")
# Letter groups that transliterations and British/American spellings of one name use
# interchangeably (Zelenskyy/Zelensky, Sergei/Sergey, Qaddafi/Kaddafi, Adviser/Advisor, Moamer/Moammar).
# The order of letters is never folded: "Preibus" is not a transliteration of Priebus.
_FOLDS = ((r"kh", "h"), (r"q", "k"), (r"ck", "k"), (r"c(?=[aou])", "k"), (r"ph", "f"), (r"dh", "d"),
          (r"th", "t"), (r"(?<=[a-z])our$", "or"), (r"(?<=[a-z])or$", "er"), (r"is(?=e|ing|ed|ation)", "iz"),
          (r"ou", "u"), (r"[yj]", "i"), (r"ee", "i"), (r"w", "v"), (r"(.)\1", r"\1"),
          # a lone vowel between consonants is the one a transliteration renders most freely
          # (Moamer/Moammar, Ahmed/Ahmad, Mohamed/Muhamad); vowel pairs keep their order (Priebus)
          (r"(?<=[b-df-hj-np-tv-z])[aeou](?=[b-df-hj-np-tv-z]|$)", "a"))


def _plain(word: str) -> str:
    low = word.lower().replace("’", "'")
    return low[:-2] if low.endswith("'s") else low.rstrip("'")


# Plural endings of words the lemma tables do not know (names, demonyms: "Kennedys", "Saudis",
# "Bushes") and what each becomes in the singular, longest first; words with the endings after it are
# read as singular already ("Harris", "Francis", "Moses").
_PLURAL_RULES = (("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("s", ""))
_SINGULAR_ENDINGS = ("ss", "us", "is")
_MIN_PLURAL_LETTERS = 4             # "bus", "gas", "us" are never read as plurals


@lru_cache(maxsize=4096)
def _singular(word: str) -> str:
    """The singular of a lower-case noun or name: from lemminflect's noun tables when it knows the
    word (a word that is its own lemma, like "news" or "data", stays), else by the plural endings
    of names above."""
    from lemminflect import getAllLemmas  # MIT; tables shipped in the wheel, already loaded by align
    lemmas = getAllLemmas(word, upos="NOUN").get("NOUN", ())
    if lemmas:
        return word if word in lemmas else lemmas[0]
    if len(word) < _MIN_PLURAL_LETTERS or word.endswith(_SINGULAR_ENDINGS):
        return word
    for ending, single in _PLURAL_RULES:
        if word.endswith(ending):
            return word[:len(word) - len(ending)] + single
    return word


def _derived(a: str, b: str) -> bool:
    """One word is the other plus a deriving ending, or both share a stem and differ only there."""
    short, long_ = sorted((a, b), key=len)
    for stem_cut in range(0, 3):        # "Arabia" -> "Arabi" + "an"; "Democrat" + "ic"
        stem = short[:len(short) - stem_cut] if stem_cut else short
        if len(stem) < 3 or not long_.startswith(stem):
            continue
        rest_long, rest_short = long_[len(stem):], short[len(stem):]
        if rest_long in _DERIVING + ("",) and rest_short in _DERIVING + ("",):
            return True
    return False


@lru_cache(maxsize=8192)
def transliteration_key(word: str) -> str:
    key = _plain(word)
    for pattern, repl in _FOLDS:
        key = re.sub(pattern, repl, key)
    return key


def _nickname(a: str, b: str) -> bool:
    from analysis.signals.framing.nicknames import nickname_list  # Apache-2.0, English given names
    try:
        namer = nickname_list()
    except (OSError, ValueError):       # the list is an aid: without it, nicknames are not folded
        return False
    return b in namer.nicknames_of(a) or a in namer.nicknames_of(b) or \
        bool(namer.canonicals_of(a) & ({b} | namer.canonicals_of(b)))


def same_entity(x: str, y: str) -> bool:
    """Whether two single-word forms name one entity (see the module docstring)."""
    a, b = _plain(x), _plain(y)
    if a == b:
        return True
    if _singular(a) == _singular(b) or _derived(a, b) or _derived(_singular(a), _singular(b)):
        return True
    if transliteration_key(a) == transliteration_key(b):
        return True
    return _nickname(a, b)


def zipf(word: str) -> float:
    """How common ``word`` is in English, 0 (never seen) to about 8 ("the"); 0 without wordfreq."""
    try:
        from analysis.frequencies import zipf_frequency  # wordfreq's values (Apache-2.0)
        return zipf_frequency(_plain(word), "en")
    except ImportError:
        return 0.0


def _edits(a: str, b: str) -> int:
    from jellyfish import damerau_levenshtein_distance  # MIT; a swap of two letters is one edit
    return damerau_levenshtein_distance(a, b)


def likely_misspelling(x: str, y: str) -> bool:
    """Whether ``x`` reads as a slip for the established form ``y`` (not the other way round)."""
    a, b = _plain(x), _plain(y)
    if a == b or not a or not b or a[0] != b[0] or same_entity(a, b):
        return False
    limit = SPELLING_MAX_EDITS_SHORT if len(b) < SPELLING_SHORT_WORD_LETTERS else SPELLING_MAX_EDITS_LONG
    if _edits(a, b) > limit:
        return False
    za, zb = zipf(a), zipf(b)
    return za <= SPELLING_MAX_ZIPF and zb - za >= SPELLING_MIN_ZIPF_GAP
