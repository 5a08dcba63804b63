"""Naming rule: two outlets call one actor by different names.

Names come from ``resources/lexicons/name_variants.txt`` (each surface name labelled with an actor
key), matched only where the text capitalises them ("US", never the pronoun "us").

* ``naming.spelling`` (people): both versions name the same person but spell a word of the name
  differently ("Sergei" vs "Sergey", "Zelenskyy" vs "Zelensky"): a word one version uses and the
  other never does, at least FRAMING_NAME_MIN_SIMILARITY alike.  A short form against a full one
  ("Lavrov" vs "Sergey Lavrov") is not a difference.
* ``naming.metonym`` (states, keys ending "-gov"): facing each other in one change of the word diff,
  one version names the actor one way and the other another ("Ukraine" vs "Kyiv's leadership",
  "Moscow" vs "the Kremlin"), and neither version uses the other's name.  Mere spellings of a
  country's name ("U.S." vs "US" vs "United States") are style, not framing, and are skipped.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from rapidfuzz import fuzz

from analysis.constants import FRAMING_FACING_MAX_WORDS, FRAMING_NAME_MIN_SIMILARITY
from analysis.lexicons import load_lexicon
from analysis.signals.framing.common import Candidate, adjust, base_score, quote
from analysis.signals.framing.lexical import Hit, hits
from analysis.signals.framing.versions import Pair, Version

_WORD = re.compile(r"\w+(?:[.\-]\w+)*\.?")
# Names of one country that differ only in style, not in what they call the actor.
_COUNTRY_STYLES = (
    frozenset({"us", "u.s.", "usa", "u.s.a.", "united states", "united states of america", "america"}),
    frozenset({"uk", "u.k.", "britain", "great britain", "united kingdom"}),
    frozenset({"eu", "e.u.", "european union"}),
    frozenset({"russia", "russian federation"}),
)


def name_hits(version: Version) -> list[Hit]:
    """Actor names in the version, capitalised as names are (cached per version)."""
    if "names" not in version.cache:
        version.cache["names"] = [h for h in hits(version, load_lexicon("name_variants"))
                                  if version.text[h.start].isupper()]
    return version.cache["names"]


def is_state(key: str) -> bool:
    return key.endswith("-gov") or key == "eu"


def naming_candidates(pair: Pair) -> Iterator[Candidate]:
    by_key = {v.id: _by_key(name_hits(v)) for v in (pair.a, pair.b)}
    shared = sorted(set(by_key[pair.a.id]) & set(by_key[pair.b.id]))
    for key in shared:
        if not is_state(key):
            yield from _spelling(pair, key, by_key[pair.a.id][key], by_key[pair.b.id][key])
    yield from _metonyms(pair)


def _by_key(found: list[Hit]) -> dict[str, list[Hit]]:
    out: dict[str, list[Hit]] = defaultdict(list)
    for h in found:
        out[h.label].append(h)
    return out


# --- spelling of a person's name ------------------------------------------------------------------

def _name_words(version: Version, group: list[Hit]) -> dict[str, list[tuple[int, int]]]:
    """Lower-cased words of the person's name -> their ranges in the version."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for h in group:
        for m in _WORD.finditer(version.text, h.start, h.end):
            out[m.group(0).lower().rstrip(".")].append((m.start(), m.end()))
    return out


def _spelling(pair: Pair, key: str, ga: list[Hit], gb: list[Hit]) -> Iterator[Candidate]:
    wa, wb = _name_words(pair.a, ga), _name_words(pair.b, gb)
    only_a = sorted(set(wa) - set(wb))
    only_b = sorted(set(wb) - set(wa))
    used_b: set[str] = set()
    for x in only_a:
        best = max(only_b, key=lambda y: fuzz.ratio(x, y), default=None)
        if best is None or best in used_b or fuzz.ratio(x, best) < 100 * FRAMING_NAME_MIN_SIMILARITY:
            continue
        used_b.add(best)
        ra, rb = wa[x], wb[best]
        shown_a = pair.a.text[ra[0][0]:ra[0][1]]
        shown_b = pair.b.text[rb[0][0]:rb[0][1]]
        yield Candidate(
            kind="naming", rule="naming.spelling", first=pair.a, second=pair.b,
            terms={pair.a.id: x, pair.b.id: best},
            ranges=[(pair.a, s, e) for s, e in ra] + [(pair.b, s, e) for s, e in rb],
            evidence=(f"{pair.a.name} spells {quote(shown_a)} where {pair.b.name} spells "
                      f"{quote(shown_b)} (one person: {key})."),
            score=adjust(base_score("naming.spelling")),
            data={"actor": key, "forms": {pair.a.id: shown_a, pair.b.id: shown_b}})


# --- metonyms for a state ---------------------------------------------------------------------------

def _metonyms(pair: Pair) -> Iterator[Candidate]:
    forms = {v.id: {_base(h.term) for h in name_hits(v)} for v in (pair.a, pair.b)}
    found: dict[str, tuple[list[Hit], list[Hit]]] = {}       # actor key -> (hits in a, hits in b)
    for op in pair.changes:
        if max(_words(pair.a.text, op.a_start, op.a_end), _words(pair.b.text, op.b_start, op.b_end)) \
                > FRAMING_FACING_MAX_WORDS:
            continue        # too wide a change to say that one name stands where the other does
        side_a = [h for h in name_hits(pair.a) if op.a_start <= h.start and h.end <= op.a_end]
        side_b = [h for h in name_hits(pair.b) if op.b_start <= h.start and h.end <= op.b_end]
        for ha in side_a:
            for hb in side_b:
                if (ha.label != hb.label or not is_state(ha.label) or _base(ha.term) == _base(hb.term)
                        or _base(ha.term) in forms[pair.b.id] or _base(hb.term) in forms[pair.a.id]
                        or _style_only(ha.term, hb.term)):
                    continue
                xs, ys = found.setdefault(ha.label, ([], []))
                xs.extend(h for h in [ha] if h not in xs)
                ys.extend(h for h in [hb] if h not in ys)
    for key, (xs, ys) in sorted(found.items()):
        yield _metonym_candidate(pair, key, xs, ys)


def _base(term: str) -> str:
    """The name a form is built on: "kyiv's leadership" -> "kyiv"."""
    return term.split("'s ", 1)[0] if "'s " in term else term


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _style_only(x: str, y: str) -> bool:
    def letters(s: str) -> str:
        return re.sub(r"[^a-z]", "", s)
    if letters(x) == letters(y):
        return True
    return any(x in group and y in group for group in _COUNTRY_STYLES)


def _metonym_candidate(pair: Pair, key: str, xs: list[Hit], ys: list[Hit]) -> Candidate:
    shown_a = ", ".join(dict.fromkeys(quote(pair.a.text[h.start:h.end]) for h in xs))
    shown_b = ", ".join(dict.fromkeys(quote(pair.b.text[h.start:h.end]) for h in ys))
    return Candidate(
        kind="naming", rule="naming.metonym", first=pair.a, second=pair.b,
        terms={pair.a.id: "|".join(sorted({h.term for h in xs})), pair.b.id: "|".join(sorted({h.term for h in ys}))},
        ranges=[(pair.a, h.start, h.end) for h in xs] + [(pair.b, h.start, h.end) for h in ys],
        evidence=(f"{pair.a.name} names the actor {shown_a} where {pair.b.name} says "
                  f"{shown_b} (one actor: {key})."),
        score=adjust(base_score("naming.metonym")),
        data={"actor": key, "forms": {pair.a.id: sorted({h.term for h in xs}),
                                      pair.b.id: sorted({h.term for h in ys})}})
