"""Name forms of one speaker across articles: the parts of a speaker key that do not change who it is.

One article writes "Justice Alito", another "Samuel Alito", a third "Alito"; "PM Modi", "Butler Jr",
"Sir Keir" and "the Indian Space Research Organisation's" are the same kind of case.  ``bare_key``
takes off what the name carries besides the name (a leading title, a trailing generation, a
possessive), so that the surname rules of ``EntityResolver`` can find the full name; ``knighted_keys``
reads "Sir Keir" (a knighthood before a given name, as British usage has it) as the one person of
that given name; ``body_part_keys`` reads "Louvre administration" and "Louvre Museum" as the body
"Louvre" when both are speakers.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from analysis.align.features.names import TITLE_MODIFIERS, TITLES

# Leading words of a speaker key that are a title or its abbreviation, not a name ("justice alito",
# "pm modi", "sen warren"): TITLES and their modifiers, plus the forms news copy puts before a name.
_LEADING_TITLES = TITLES | TITLE_MODIFIERS | frozenset(
    "pm fm sir dame lord lady baroness justice judge rev reverend father gov lt col sgt insp det "
    "detectives dep supt cmdr adm".split())
# A knighthood or damehood: the word after it is the given name ("Sir Keir" is Keir Starmer).
_KNIGHTHOODS = frozenset({"sir", "dame"})
_GENERATIONS = frozenset("jr sr ii iii iv".split())
_POSSESSIVE = re.compile(r"['’]s\Z")
# Nouns that name a body's part or its building after the body's own name ("Louvre administration",
# "Louvre Museum", "OpenAI board"): the same voice as the body when the body speaks too.
_BODY_PARTS = frozenset("administration management leadership board museum gallery library".split())


def bare_key(key: str) -> str:
    """``key`` without a possessive, leading titles or a trailing generation, when a name is left:
    "justice alito" -> "alito", "butler jr" -> "butler", "isro's" -> "isro"."""
    key = _POSSESSIVE.sub("", key)
    words = key.split()
    while len(words) > 1 and words[0].rstrip(".") in _LEADING_TITLES:
        words = words[1:]
    if len(words) > 1 and words[-1].rstrip(".") in _GENERATIONS:
        words = words[:-1]
    return " ".join(words)


def knighted_keys(keys: Iterable[str]) -> dict[str, str]:
    """"sir keir" -> "keir starmer": a knighthood and one word is the person whose given name that
    word is, when exactly one full name among ``keys`` has it."""
    keys = set(keys)
    full = [k for k in keys if len(k.split()) >= 2 and k.split()[0] not in _KNIGHTHOODS]
    out = {}
    for k in keys:
        words = k.split()
        if len(words) == 2 and words[0] in _KNIGHTHOODS:
            owners = [f for f in full if f.split()[0] == words[1]]
            if len(owners) == 1:
                out[k] = owners[0]
    return out


def body_part_keys(keys: Iterable[str], is_person: Callable[[str], bool]) -> dict[str, str]:
    """"louvre administration" -> "louvre": a key that is another speaker's key and a body-part noun,
    when that other key is no person's (the "Trump administration" is not Trump speaking)."""
    keys = set(keys)
    out = {}
    for k in keys:
        head, _, last = k.rpartition(" ")
        if head and last in _BODY_PARTS and head in keys and not is_person(head):
            out[k] = head
    return out
