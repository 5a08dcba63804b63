"""Contradictions to check: numbers, dates, names and stances on which two versions of a fact disagree.

All are flagged for an editor to check, not judged: two outlets may report different moments.

* ``contradiction.number``: both versions give amounts of one unit (USD, %, years, a counted noun)
  and share no value ("$300 billion" vs "$200 billion"); quantities and units are the features'
  (``analysis.align.features.quantities``).  A version listing more than FRAMING_QUANTITY_MAX_PER_VERSION
  amounts of one unit is a list, not one claim, and is skipped.
* ``contradiction.date``: both give calendar days and share none.
* ``contradiction.weekday``: both give weekdays (a full date counts as its weekday) and share none
  ("February 17, 2025", a Monday, vs "on Tuesday").
* ``contradiction.name_slot``: after the same title the versions name different people
  ("Chancellor Olaf Scholz" vs "Chancellor Friedrich Merz").
* ``contradiction.name_spelling``: a capitalised name one version uses and the other never does,
  spelt at least FRAMING_UNKNOWN_NAME_MIN_SIMILARITY alike, and not a known variant (those are
  ``naming``): a typo, a transliteration or a different person to check.
* ``contradiction.stance``: the first stance word of each version (``stance.txt``, with "not"/"never"
  just before it turning it over) falls on opposite sides of refusal/acceptance ("rejected" vs
  "openness").  On the same side but FRAMING_STANCE_MIN_GAP apart in strength ("rejected" vs
  "resisted") it is a ``stance`` finding instead: a different framing, not a contradiction.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Iterator

from rapidfuzz import fuzz

from analysis.align.features.entities import TITLES
from analysis.align.features.quantities import Quantity, find_dates, find_quantities, same_quantity
from analysis.constants import (
    FRAMING_QUANTITY_MAX_PER_VERSION,
    FRAMING_STANCE_MIN_GAP,
    FRAMING_UNKNOWN_NAME_MIN_SIMILARITY,
)
from analysis.lexicons import load_lexicon
from analysis.signals.framing.common import Candidate, adjust, base_score, quote
from analysis.signals.framing.lexical import hits
from analysis.signals.framing.naming import name_hits
from analysis.signals.framing.versions import Pair, Version

# Position of each stance label on one scale, refusal (-1) to acceptance (+1).
STANCE_VALUE = {"reject": -1.0, "resist": -0.6, "hesitate": -0.3, "open": 0.6, "accept": 1.0}
_STANCE_WORDS = {"reject": "a refusal", "resist": "resistance", "hesitate": "hesitation",
                 "open": "openness", "accept": "acceptance"}
_NEGATION = re.compile(r"\b(?:not|never|no|n't|won't|cannot)\W+(?:\w+\W+)?$", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][a-zà-ÿ]+(?:[-’'][A-Z]?[a-zà-ÿ]+)*\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"(]\s*|\n)$")


def contradiction_candidates(pair: Pair) -> Iterator[Candidate]:
    yield from _numbers(pair)
    yield from _dates(pair)
    yield from _name_slots(pair)
    yield from _name_spellings(pair)
    yield from _stance(pair)


# --- numbers ------------------------------------------------------------------------------------------

def _quantities(version: Version) -> list[Quantity]:
    if "quantities" not in version.cache:
        skip = [(s, e) for _, s, e in _dates_of(version)]
        version.cache["quantities"] = [q for q in find_quantities(version.text, 0, skip) if q.unit]
    return version.cache["quantities"]


def _unit_key(q: Quantity) -> str:
    return "fraction" if q.unit in ("%", "fraction") else q.unit


def _numbers(pair: Pair) -> Iterator[Candidate]:
    qa, qb = _quantities(pair.a), _quantities(pair.b)
    for unit in sorted({_unit_key(q) for q in qa} & {_unit_key(q) for q in qb}):
        xs = [q for q in qa if _unit_key(q) == unit]
        ys = [q for q in qb if _unit_key(q) == unit]
        if max(len(xs), len(ys)) > FRAMING_QUANTITY_MAX_PER_VERSION:
            continue
        if any(same_quantity(x, y) for x in xs for y in ys):
            continue
        ta, tb = ", ".join(q.text for q in xs), ", ".join(q.text for q in ys)
        yield Candidate(
            kind="contradiction", rule="contradiction.number", first=pair.a, second=pair.b,
            terms={pair.a.id: ta, pair.b.id: tb},
            ranges=[(pair.a, q.start, q.end) for q in xs] + [(pair.b, q.start, q.end) for q in ys],
            evidence=(f"{pair.a.name} gives {quote(ta)} where {pair.b.name} gives {quote(tb)} "
                      f"(same unit: {unit}); a contradiction to check."),
            score=adjust(base_score("contradiction.number")),
            data={"unit": unit, "values": {pair.a.id: [q.value for q in xs], pair.b.id: [q.value for q in ys]}})


# --- dates and weekdays --------------------------------------------------------------------------------

def _dates_of(version: Version) -> list[tuple[str, int, int]]:
    if "dates" not in version.cache:
        date = version.article.date or ""
        year = int(date[:4]) if date[:4].isdigit() else None
        version.cache["dates"] = find_dates(version.text, 0, year)
    return version.cache["dates"]


def _is_day(key: str) -> bool:
    return bool(re.fullmatch(r"(?:\d{4}|-)-\d\d-\d\d", key))


def _weekday_of(key: str) -> str | None:
    if key.startswith("weekday:"):
        return key.split(":", 1)[1]
    if re.fullmatch(r"\d{4}-\d\d-\d\d", key):
        try:
            return dt.date.fromisoformat(key).strftime("%A").lower()
        except ValueError:
            return None
    return None


def _dates(pair: Pair) -> Iterator[Candidate]:
    da, db = _dates_of(pair.a), _dates_of(pair.b)
    days_a = [d for d in da if _is_day(d[0])]
    days_b = [d for d in db if _is_day(d[0])]
    if days_a and days_b and not {d[0][-5:] for d in days_a} & {d[0][-5:] for d in days_b}:
        yield _date_candidate(pair, "contradiction.date", days_a, days_b, "dates it", "")
        return
    wa = [(d, _weekday_of(d[0])) for d in da if _weekday_of(d[0])]
    wb = [(d, _weekday_of(d[0])) for d in db if _weekday_of(d[0])]
    if wa and wb and not {w for _, w in wa} & {w for _, w in wb}:
        yield _date_candidate(pair, "contradiction.weekday", [d for d, _ in wa], [d for d, _ in wb],
                              "places it on", " weekday")


def _describe(version: Version, found: list[tuple[str, int, int]]) -> str:
    parts = []
    for key, s, e in found:
        shown = version.text[s:e]
        weekday = _weekday_of(key)
        parts.append(f"{shown} (a {weekday.title()})" if weekday and not key.startswith("weekday:") else shown)
    return ", ".join(parts)


def _date_candidate(pair: Pair, rule: str, xs, ys, verb: str, what: str) -> Candidate:
    ta, tb = _describe(pair.a, xs), _describe(pair.b, ys)
    return Candidate(
        kind="contradiction", rule=rule, first=pair.a, second=pair.b,
        terms={pair.a.id: ta, pair.b.id: tb},
        ranges=[(pair.a, s, e) for _, s, e in xs] + [(pair.b, s, e) for _, s, e in ys],
        evidence=(f"{pair.a.name} {verb} {quote(ta)} where {pair.b.name} gives {quote(tb)}: "
                  f"no{what} in common; a contradiction to check."),
        score=adjust(base_score(rule)),
        data={"dates": {pair.a.id: [k for k, _, _ in xs], pair.b.id: [k for k, _, _ in ys]}})


# --- names --------------------------------------------------------------------------------------------

def _name_slots(pair: Pair) -> Iterator[Candidate]:
    for op in pair.changes:
        if op.tag != "replace":
            continue
        xa, xb = pair.a.text[op.a_start:op.a_end].strip(), pair.b.text[op.b_start:op.b_end].strip()
        title_a, title_b = _word_before(pair.a.text, op.a_start), _word_before(pair.b.text, op.b_start)
        if not (_is_name(xa) and _is_name(xb) and title_a == title_b and title_a in TITLES):
            continue
        if _same_actor(pair, op):
            continue
        yield Candidate(
            kind="contradiction", rule="contradiction.name_slot", first=pair.a, second=pair.b,
            terms={pair.a.id: xa, pair.b.id: xb},
            ranges=[(pair.a, op.a_start, op.a_end), (pair.b, op.b_start, op.b_end)],
            evidence=(f"After the same title {quote(title_a)}, {pair.a.name} names {quote(xa)} where "
                      f"{pair.b.name} names {quote(xb)}; a contradiction to check."),
            score=adjust(base_score("contradiction.name_slot")), data={"title": title_a})


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"(\w+)\W*$", text[:pos])
    return m.group(1).lower() if m else ""


def _is_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(_CAPITALISED.fullmatch(w) for w in words)


def _same_actor(pair: Pair, op) -> bool:
    la = {h.label for h in name_hits(pair.a) if op.a_start <= h.start < op.a_end}
    lb = {h.label for h in name_hits(pair.b) if op.b_start <= h.start < op.b_end}
    return bool(la & lb)


def _proper_words(version: Version) -> dict[str, tuple[int, int]]:
    """Capitalised words not opening a sentence or quote -> first range (names, mostly); cached
    per version."""
    if "proper_words" not in version.cache:
        out: dict[str, tuple[int, int]] = {}
        for m in _CAPITALISED.finditer(version.text):
            if len(m.group(0)) >= 4 and not _SENTENCE_START.search(version.text[:m.start()]):
                out.setdefault(m.group(0), (m.start(), m.end()))
        version.cache["proper_words"] = out
    return version.cache["proper_words"]


def _name_spellings(pair: Pair) -> Iterator[Candidate]:
    pa, pb = _proper_words(pair.a), _proper_words(pair.b)
    lower_a, lower_b = {w.lower() for w in pa}, {w.lower() for w in pb}
    only_a = [w for w in pa if w.lower() not in lower_b]
    only_b = [w for w in pb if w.lower() not in lower_a]
    for x in only_a:
        for y in only_b:
            if _variant(x, y) and not _both_known(x, y):
                yield Candidate(
                    kind="contradiction", rule="contradiction.name_spelling", first=pair.a, second=pair.b,
                    terms={pair.a.id: x, pair.b.id: y}, ranges=[(pair.a, *pa[x]), (pair.b, *pb[y])],
                    evidence=(f"{pair.a.name} writes {quote(x)} where {pair.b.name} writes {quote(y)}: "
                              f"the same name spelt differently, or two names; a contradiction to check."),
                    score=adjust(base_score("contradiction.name_spelling")),
                    data={"similarity": round(fuzz.ratio(x.lower(), y.lower()) / 100, 3)})


def _plain(word: str) -> str:
    low = word.lower().replace("’", "'")
    return low[:-2] if low.endswith("'s") else low


def _variant(x: str, y: str) -> bool:
    a, b = _plain(x), _plain(y)
    if a == b or abs(len(a) - len(b)) > 4 or a[0] != b[0]:
        return False
    short, long_ = sorted((a, b), key=len)
    # "Russia"/"Russian", "Ukraine"/"Ukrainian": a word and its derived form are not two spellings
    if len(long_) - len(short) >= 2 and long_.startswith(short[:max(3, len(short) - 2)]):
        return False
    return fuzz.ratio(a, b) >= 100 * FRAMING_UNKNOWN_NAME_MIN_SIMILARITY


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Every word of every name in name_variants.txt: their variants are ``naming`` findings."""
    return frozenset(w for term in load_lexicon("name_variants").entries for w in term.split())


def _both_known(x: str, y: str) -> bool:
    known = _known_words()
    return x.lower().replace("’", "'") in known or y.lower().replace("’", "'") in known


# --- stance -------------------------------------------------------------------------------------------

def _first_stance(version: Version) -> tuple[float, str, int, int, str] | None:
    """(value, label, start, end, term) of the version's first stance word, negation applied."""
    for h in hits(version, load_lexicon("stance")):
        value, label = STANCE_VALUE[h.label], h.label
        window_start = max(0, h.start - 24)
        negation = _NEGATION.search(version.text[window_start:h.start])
        if negation:
            # "would not agree to" is a refusal; "did not reject" leans open
            value, label = (-0.8, "reject") if value > 0 else (0.3, "open")
            return value, label, window_start + negation.start(), h.end, "not " + h.term
        return value, label, h.start, h.end, h.term
    return None


def _stance(pair: Pair) -> Iterator[Candidate]:
    sa, sb = _first_stance(pair.a), _first_stance(pair.b)
    if not sa or not sb:
        return
    (va, la, s1, e1, ta), (vb, lb, s2, e2, tb) = sa, sb
    shown_a, shown_b = pair.a.text[s1:e1], pair.b.text[s2:e2]
    if va * vb < 0:
        kind, rule = "contradiction", "contradiction.stance"
        tail = "; a contradiction to check"
        score = base_score(rule) + 0.1 * min(1.0, abs(va - vb) / 2)
    elif abs(va - vb) >= FRAMING_STANCE_MIN_GAP:
        kind, rule, tail = "stance", "stance.strength", ", the same side told with different force"
        score = base_score(rule)
    else:
        return
    yield Candidate(
        kind=kind, rule=rule, first=pair.a, second=pair.b, terms={pair.a.id: ta, pair.b.id: tb},
        ranges=[(pair.a, s1, e1), (pair.b, s2, e2)],
        evidence=(f"{pair.a.name} reports {_STANCE_WORDS[la]} ({quote(shown_a)}) "
                  f"where {pair.b.name} reports {_STANCE_WORDS[lb]} ({quote(shown_b)}){tail}."),
        score=adjust(score),
        data={"stance": {pair.a.id: [la, va, ta], pair.b.id: [lb, vb, tb]}, "shown": [shown_a, shown_b]})
