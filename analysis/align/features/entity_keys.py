"""Entity keys: one spelling per name (``normalise_key``), and corpus-wide resolution of surnames
and name variants to one full name (``EntityResolver``); steps 4 and 5 of ``entities``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from analysis.align.features.names import (
    ALIASES,
    CANONICAL_PLACES,
    COUNTRY_NAMES,
    GIVEN_NAME_SHORT_FORMS,
    GIVEN_NAME_VARIANTS,
    NATIONAL_BODY_HEADS,
)

# --- keys ---------------------------------------------------------------------------------------

@lru_cache(maxsize=50_000)
def normalise_key(name: str) -> str:
    """Lower case, no accents, no periods, variants of transliterated names folded."""
    low = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    low = low.lower().strip()
    if low in ALIASES:
        return ALIASES[low]
    tokens = [_fold_token(t) for t in re.split(r"[\s]+", low.replace(".", "")) if t]
    if len(tokens) > 1:  # "al-Saud" and "Al Saud" inside a full name are one spelling
        tokens = [_fold_token(p) for t in tokens for p in t.split("-") if p]
    key = " ".join(tokens)
    if len(tokens) > 1 and tokens[-1] in NATIONAL_BODY_HEADS:
        # "US Geological Survey" read whole (a speaker after "according to"): the country folded,
        # as ``_split_countries`` keys it in a sentence
        for n in (3, 2, 1):
            head = " ".join(tokens[:n])
            if n < len(tokens) and head in COUNTRY_NAMES:
                return f"{ALIASES[head]} {' '.join(tokens[n:])}"
    return ALIASES.get(key, key)


def _fold_token(token: str) -> str:
    token = GIVEN_NAME_VARIANTS.get(token, token)
    if token.endswith(("skyy", "skiy", "skyi", "skii")):
        token = token[:-4] + "sky"
    return token


# --- the corpus ---------------------------------------------------------------------------------

# After a surname, the generation of a family name: "Bernardo Alejandro IV", "Ferdinand Marcos Jr".
_GENERATIONAL = frozenset("jr sr ii iii iv".split())


class EntityResolver:
    """Corpus-wide resolution: surnames to full names, middle-name variants to the short form."""

    def __init__(self, keys: Iterable[str]):
        keys = set(keys)
        self._map: dict[str, str] = {}
        people = [k for k in keys if _looks_like_name(k)]
        by_ends: dict[tuple[str, str], list[str]] = {}
        for k in people:
            parts = k.split()
            first = GIVEN_NAME_SHORT_FORMS.get(parts[0], parts[0])     # "Mike Pence" = "Michael Pence"
            by_ends.setdefault((first, parts[-1]), []).append(k)
        for group in by_ends.values():
            shortest = min(group, key=lambda k: (len(k.split()), k))
            for k in group:
                if k != shortest:
                    self._map[k] = shortest
        # Surname -> full names that end with it (one or two words: "lavrov", "gould davies").
        by_last: dict[str, set[str]] = {}
        for k in {self._map.get(k, k) for k in people}:
            parts = k.split()
            if len(parts) > 2 and parts[-1] in _GENERATIONAL:     # "Alejandro IV" is Alejandro
                parts = parts[:-1]
            by_last.setdefault(parts[-1], set()).add(k)
            if len(parts) > 2:
                by_last.setdefault(" ".join(parts[-2:]), set()).add(k)
        for k in keys:
            if " " not in k and k not in CANONICAL_PLACES:
                owners = by_last.get(k.replace("-", " "), set())
                if not owners and k.endswith("s"):
                    owners = by_last.get(k[:-1], set())     # "the Obamas": the family of Obama
                if len(owners) == 1:
                    self._map[k] = next(iter(owners))

    def resolve(self, key: str, start: int, end: int) -> list[tuple[str, int, int]]:
        if key in self._map:
            return [(self._map[key], start, end)]
        if "-" in key and " " not in key:
            # "Putin-Trump meeting": split when every part is a known name
            parts = key.split("-")
            mapped = [m for m in (self._map.get(p) or (p if p in CANONICAL_PLACES else None)
                                  for p in parts) if m]
            if len(mapped) == len(parts):
                out, pos = [], start
                for p, m in zip(parts, mapped):
                    out.append((m, pos, pos + len(p)))
                    pos += len(p) + 1
                return out
            key = key.replace("-", " ")
        return [(key, start, end)]


def _looks_like_name(key: str) -> bool:
    """A possible person's full name: two to five words, letters only, not a place, not an
    organisation ("Institute for Strategic Studies" holds "for")."""
    parts = key.split()
    return (2 <= len(parts) <= 5 and key not in CANONICAL_PLACES and all(is_name_word(p) for p in parts)
            and not _ORGANISATION_WORDS.intersection(parts))


_NAME_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def is_name_word(word: str) -> bool:
    """Letters only, or letters around one apostrophe: "o'toole", "d'souza" are name words."""
    return bool(_NAME_WORD.fullmatch(word))


_ORGANISATION_WORDS = frozenset("of for the and on".split())
