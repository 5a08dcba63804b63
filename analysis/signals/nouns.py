"""Person nouns and given names: lexicon look-ups shared by mentions, roles and pronoun resolution.

``person_nouns`` lists nouns that name a person by role or occupation ("senator", "volunteer",
"spokeswoman") with the gender the word carries; ``given_names`` lists common given names with the
gender they usually carry.  Abbreviated titles are read in full ("Sen." -> senator).
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.lexicons import load_lexicon

HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "madam": "f"}
# Abbreviated titles read as the noun "the senator" would use.
TITLE_NOUNS = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
               "lt": "lieutenant", "col": "colonel", "adm": "admiral", "sgt": "sergeant", "dr": "doctor",
               "prof": "professor", "pres": "president", "rev": "reverend", "atty": "attorney",
               "sec": "secretary", "supt": "superintendent", "cmdr": "commander", "capt": "captain"}
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
             "she": "f", "her": "f", "hers": "f", "herself": "f"}


@lru_cache(maxsize=1)
def _given() -> dict[str, str]:
    return dict(load_lexicon("given_names").entries)


@lru_cache(maxsize=1)
def _nouns() -> dict[str, str]:
    return dict(load_lexicon("person_nouns").entries)


@lru_cache(maxsize=4096)
def noun_of(word: str) -> str:
    """The person noun a word or title stands for ("Sen." -> "senator", "Volunteer" -> "volunteer"),
    "" when it is none."""
    low = re.sub(r"['’]s$", "", word.lower().rstrip(".,"))
    low = TITLE_NOUNS.get(low, low)
    return low if low in _nouns() else ""


def noun_gender(word: str) -> str:
    label = _nouns().get(noun_of(word), "")
    return label if label in ("m", "f") else ""


def given_gender(name: str) -> str:
    """The gender the first word of a full name usually carries ("Nancy Pelosi" -> "f"), else ""."""
    parts = name.split()
    return _given().get(parts[0].lower(), "") if len(parts) >= 2 else ""


def is_given_name(word: str) -> bool:
    return word.lower() in _given()


def pronoun_gender(word: str) -> str:
    return _PRONOUNS.get(word.lower(), "")


@lru_cache(maxsize=1)
def group_words() -> frozenset[str]:
    """Plurals that name a group of people ("senators", "Democrats", "protesters")."""
    return frozenset(t + "s" for t, label in _nouns().items() if label == "n" and not t.endswith("s")) | \
        frozenset("democrats republicans conservatives liberals progressives tories socialists people "
                  "officials".split())


# Plurals that name a party's members: capitalised, they name a body ("Senate Democrats said"), not a
# vague group.  The second set are also plain words, so only away from a sentence's capitalised start.
_PARTY_MEMBERS = frozenset("democrats republicans tories".split())
_PARTY_MEMBERS_MID = frozenset("conservatives liberals socialists communists greens progressives".split())


def is_party_group(surface: str, at_sentence_start: bool = False) -> bool:
    """"Democrats", "House Republicans", "the Conservatives" (mid-sentence): a party's members speaking
    as a body, a named voice -- unlike "critics" or "officials"."""
    words = surface.split()
    if not words or not words[-1][:1].isupper():
        return False
    last = words[-1].lower()
    return last in _PARTY_MEMBERS or (last in _PARTY_MEMBERS_MID and not (at_sentence_start and len(words) == 1))


# "Two-thirds of Americans", "60 percent of voters", "Three in four Democrats", "A majority of the
# residents": a share of a group, as a poll counts it.
_SHARE = (r"(?:(?:about|nearly|almost|roughly|over|under|more\s+than|fewer\s+than|less\s+than)\s+)?(?:a\s+|the\s+)?"
          r"(?:half|third|quarter|majority|minority|plurality|(?:one|two|three|four|five|six|seven|eight|nine)[-\s]"
          r"(?:thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)|[\d.,]+\s*(?:%|per\s?cent)|[a-z]+(?:[-\s][a-z]+)?"
          r"\s+per\s?cent|(?:\d+|[a-z]+)\s+(?:in|out\s+of)\s+(?:\d+|[a-z]+))")
_SHARE_OF = re.compile(_SHARE + r"\s+(?:of\s+)?\S", re.IGNORECASE)
_SHARE_BEFORE = re.compile(r"\b" + _SHARE + r"\s+(?:of\s+(?:the\s+|all\s+)?)?\Z", re.IGNORECASE)
SHARE_MAX_CHARS = 40        # characters of a share phrase before the group it counts


def is_share_of_group(surface: str) -> bool:
    """"Two-thirds of Americans", "60 percent of voters": a poll's share of a group, never a named voice."""
    return bool(_SHARE_OF.match(surface.strip()))


def share_before(text: str, end: int) -> int:
    """Where "Half of " / "60 percent of the " ends at ``end`` starts ("Half of Democrats said"), else -1."""
    m = _SHARE_BEFORE.search(text, max(0, end - SHARE_MAX_CHARS), end)
    return m.start() if m else -1


def is_group_name(surface: str) -> bool:
    """"Democrats", "Senate Republicans": a capitalised plural of a group word names a group."""
    words = surface.split()
    return bool(words) and words[-1].lower() in group_words()
