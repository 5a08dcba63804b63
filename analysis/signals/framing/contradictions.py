"""Contradictions to check: values that fill the same slot of one fact and disagree between outlets.

All are flagged for an editor to check, not judged: two outlets may report different moments.  A
value is compared only with a value in the *same slot*: the same quantity of the same thing, the date
of the same happening, the holder of the same office, the stance of the same actor on the same thing.
Two values of one fact in different slots ("3,400 injured" and "144 killed", the weekday of a
deadline and the weekday of a ruling) are not a contradiction.  Every evidence text shows both values
in their sentences.

* ``contradiction.number``: both versions give amounts of one unit (USD, %, years, a counted noun)
  whose *slot word* (a dimension named before it, "a depth of 6 miles"; else the nearest content word
  after the amount, else before it; grouped by
  ``quantity_slots.txt``: killed/dead/died are one slot) is the same, and share no value, and both or
  neither tell it after a change or a later time ("weakened after landfall but still packed 120 km/h"
  against "made landfall with winds of 130 km/h": two moments).  Ranks
  ("No. 2") are not amounts.  A version listing more than FRAMING_QUANTITY_MAX_PER_VERSION amounts of
  one unit is a list, not one claim, and is skipped.
* ``contradiction.date`` / ``contradiction.weekday``: both versions date the same happening (the same
  content word next to the date: "the vote on Tuesday" / "voted Wednesday") with calendar days (or
  weekdays; a full date counts as its weekday) and share none.  Nouns of time ("date", "morning")
  name no happening, and a date stamp written year first ("2023-11-18") dates a page, not a
  happening.  A date on a verb of speech ("said on Tuesday") dates the statement, and outlets quote
  different statements: never compared.
* ``contradiction.name_slot``: after the same single-holder office ("Chancellor", "Prime Minister";
  not "Rep." or "Dr.", which many hold) the versions name different people, neither version names
  the other's person anywhere, and the two names are not forms of one name (``names.same_entity``).
* ``contradiction.stance``: the first stance word of each version (``stance.txt``, with "not"/"never"
  just before it turning it over) falls on opposite sides of refusal/acceptance ("rejected" vs
  "agreed to"), with the same actor before it and the same thing after it (a shared content word on
  each side).  On the same side but FRAMING_STANCE_MIN_GAP apart in strength it is a ``stance``
  finding instead (without the shared-words test: the fact's alignment vouches that both tell one
  thing): a different framing, not a contradiction.

Name spellings are not contradictions: a likely misspelling is the ``spelling`` kind (spelling.py).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Iterator

from analysis.align.features.entity_keys import normalise_key
from analysis.align.features.quantities import Quantity, find_dates, find_quantities, same_quantity
from analysis.align.features.words import stem, stopwords
from analysis.constants import (
    FRAMING_CONTEXT_WORDS,
    FRAMING_ESTIMATE_TOLERANCE,
    FRAMING_QUANTITY_MAX_PER_VERSION,
    FRAMING_SLOT_WINDOW_WORDS,
    FRAMING_STANCE_MIN_GAP,
    FRAMING_STANCE_WINDOW_WORDS,
)
from analysis.lexicons import load_lexicon
from analysis.signals.framing.common import Candidate, adjust, base_score, quote
from analysis.signals.framing.lexical import hits
from analysis.signals.framing.names import same_entity
from analysis.signals.framing.naming import name_hits
from analysis.signals.framing.versions import Pair, Version
from analysis.signals.places import is_place

# Position of each stance label on one scale, refusal (-1) to acceptance (+1).
STANCE_VALUE = {"reject": -1.0, "resist": -0.6, "hesitate": -0.3, "open": 0.6, "accept": 1.0}
_STANCE_WORDS = {"reject": "a refusal", "resist": "resistance", "hesitate": "hesitation",
                 "open": "openness", "accept": "acceptance"}
_NEGATION = re.compile(r"\b(?:not|never|no|n't|won't|cannot)\W+(?:\w+\W+)?$", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][a-zà-ÿ]+(?:[-’'][A-Z]?[a-zà-ÿ]+)*\b")
_WORD = re.compile(r"[\w$€£%]+(?:['’.,\-][\w%]+)*")
# Offices that one person holds at a time: a different name after one of them is a different holder.
# ("Rep.", "Sen.", "Dr." or "Minister" alone are held by many.)
_SINGLE_HOLDER = frozenset("president chancellor premier pope king queen speaker governor mayor chairman "
                           "chairwoman".split())
_QUALIFIED_HOLDER = frozenset("prime foreign defense defence finance interior justice health attorney "
                              "majority minority vice".split())
_RANK = re.compile(r"(?:\bNo\.|\bnumber|#)\s*\Z", re.I)
# Words next to a number or date that say nothing about its slot.
_FILLER = frozenset("""
people persons person had have has been were was are is be being as many more than least most about
nearly almost some over under around roughly approximately up down to on in at of the a an by last this
next early late since until through during from who which that and or but also already
""".split())
# Nouns of time itself: next to a date they name when, not what happened ("date 2023-11-18", "on
# Tuesday morning", "the day after"), so the happening is the next content word.
_TIME_NOUNS = frozenset("""
date dated dates day days time times week weeks weekend month months year years morning mornings
afternoon evening evenings night nights noon midnight today tonight yesterday tomorrow hour hours
""".split())
# A date written as digits year first ("2023-11-18") is a page's date stamp or a data field, never the
# date of a happening as a reporter writes it.
_STAMP = re.compile(r"\d{4}-\d\d-\d\d")


def contradiction_candidates(pair: Pair) -> Iterator[Candidate]:
    yield from _numbers(pair)
    yield from _dates(pair)
    yield from _name_slots(pair)
    yield from _stance(pair)


# --- shared: words around a value, and evidence that shows both sentences --------------------------

def _words(version: Version) -> list[tuple[int, int, str]]:
    if "words" not in version.cache:
        version.cache["words"] = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(version.text)]
    return version.cache["words"]


def _piece_bounds(version: Version, pos: int) -> tuple[int, int]:
    """The version range of the sentence holding ``pos``."""
    for v0, _, n in version.pieces:
        if v0 <= pos <= v0 + n:
            return v0, v0 + n
    return 0, len(version.text)


@lru_cache(maxsize=1)
def _speech_words() -> frozenset[str]:
    return frozenset(t for t in load_lexicon("attribution_verbs").entries if " " not in t) | \
        frozenset("announce announced announces announcing statement statements interview remarks".split())


@lru_cache(maxsize=1)
def _slot_classes() -> dict[str, str]:
    """Stem -> slot of quantity_slots.txt (killed/dead/died/deaths -> "death")."""
    return {stem(term): label for term, label in load_lexicon("quantity_slots").entries.items()}


def _slot_of(word: str) -> str:
    st = stem(word)
    return _slot_classes().get(st, st)


def _near_words(version: Version, start: int, end: int, names: bool = True) -> tuple[list[str], list[str]]:
    """Content words after [start, end) (nearest first) and before it (nearest first), within
    FRAMING_SLOT_WINDOW_WORDS words of the same sentence; without ``names``, capitalised words (a
    person is not a happening: "pressure on Steele Sunday") are left out."""
    lo, hi = _piece_bounds(version, start)
    words = [w for w in _words(version) if lo <= w[0] and w[1] <= hi
             and (names or not version.text[w[0]].isupper())]
    after = [w[2] for w in words if w[0] >= end][:FRAMING_SLOT_WINDOW_WORDS]
    before = [w[2] for w in words if w[1] <= start][-FRAMING_SLOT_WINDOW_WORDS:]
    return [w for w in after if _content(w)], [w for w in reversed(before) if _content(w)]


# Nouns of a measured dimension: "a depth of 6 miles" counts depth, whatever place follows it.
_DIMENSIONS = frozenset("""
depth height length width distance speed altitude radius diameter area weight elevation magnitude
""".split())


def _slot_word(version: Version, start: int, end: int) -> str:
    """What the amount at [start, end) counts: a slot word of quantity_slots.txt next to it
    ("144 people had been murdered", "the death toll rose to 144"), else its nearest content word
    after it, else before it."""
    dimension = re.search(r"\b([a-z]+)\s+of\s+\Z", version.text[max(0, start - 30):start])
    if dimension and dimension.group(1) in _DIMENSIONS:
        return dimension.group(1)
    after, before = _near_words(version, start, end)
    listed = [w for w in after + before if stem(w) in _slot_classes()]
    word = (listed or after or before or [""])[0]
    return _slot_of(word) if word else ""


def _content(word: str) -> bool:
    return word.isalpha() and word not in _FILLER and word not in stopwords() and len(word) > 2


def in_context(version: Version, start: int, end: int, words: int = FRAMING_CONTEXT_WORDS) -> str:
    """The value in its sentence, marked: "…reserved «$500,000» of airtime in Fort…"."""
    lo, hi = _piece_bounds(version, start)
    left = version.text[lo:start].split()
    right = version.text[end:hi].split()
    head = ("…" if len(left) > words else "") + " ".join(left[-words:])
    tail = " ".join(right[:words]) + ("…" if len(right) > words else "")
    return f"{head} «{version.text[start:end]}» {tail}".strip()


def _evidence(pair: Pair, xs: list[tuple[int, int]], ys: list[tuple[int, int]], what: str) -> str:
    shown_a = " / ".join(in_context(pair.a, s, e) for s, e in xs[:2])
    shown_b = " / ".join(in_context(pair.b, s, e) for s, e in ys[:2])
    return (f"{pair.a.name}: “{shown_a}” — {pair.b.name}: “{shown_b}”. {what}; "
            "a contradiction to check.")


# --- numbers ------------------------------------------------------------------------------------------

def _quantities(version: Version) -> list[tuple[Quantity, str]]:
    """(quantity, slot) of every amount with a unit that is not a rank."""
    if "quantities" not in version.cache:
        skip = [(s, e) for _, s, e in _dates_of(version)]
        found = [q for q in find_quantities(version.text, 0, skip) if q.unit
                 and not _RANK.search(version.text[max(0, q.start - 8):q.start])]
        version.cache["quantities"] = [(q, _slot_word(version, q.start, q.end)) for q in found]
    return version.cache["quantities"]


_LOWER_BOUND = re.compile(r"\b(?:more than|over|at least|upwards of|in excess of|exceeding|above)\s*\Z", re.I)
_UPPER_BOUND = re.compile(r"\b(?:less than|fewer than|under|up to|nearly|almost|below|at most)\s*\Z", re.I)
_ESTIMATE = re.compile(r"\b(?:about|around|roughly|some|approximately|an estimated|estimated|close to)\s*\Z", re.I)


def _bound(version: Version, q: Quantity) -> str:
    before = version.text[max(0, q.start - 24):q.start]
    return ("lower" if _LOWER_BOUND.search(before) else "upper" if _UPPER_BOUND.search(before)
            else "estimate" if _ESTIMATE.search(before) else "")


def _compatible(va: Version, x: Quantity, vb: Version, y: Quantity) -> bool:
    """Whether a bound or an estimate on either side allows the other value."""
    for (v1, q1), (_, q2) in (((va, x), (vb, y)), ((vb, y), (va, x))):
        kind = _bound(v1, q1)
        if (kind == "lower" and q2.value >= q1.value) or (kind == "upper" and q2.value <= q1.value) or \
                (kind == "estimate" and abs(q2.value - q1.value) <= FRAMING_ESTIMATE_TOLERANCE * abs(q1.value)):
            return True
    return False


# Words before a value in its sentence that place it at another moment than a plain report: a change
# ("weakened ... but still packed 120 km/h", "the toll rose to 66") or a later time ("after landfall").
_MOMENT_WORDS = frozenset("""
weakened strengthened intensified slowed eased rose risen fell fallen dropped climbed increased
decreased after later since subsequently afterwards
""".split())


def _at_another_moment(version: Version, q: Quantity) -> bool:
    lo, _ = _piece_bounds(version, q.start)
    return bool(_MOMENT_WORDS & {w.lower() for w in _WORD.findall(version.text, lo, q.start)})


def _unit_key(q: Quantity) -> str:
    return "fraction" if q.unit in ("%", "fraction") else q.unit


def _numbers(pair: Pair) -> Iterator[Candidate]:
    qa, qb = _quantities(pair.a), _quantities(pair.b)
    slots = sorted({(_unit_key(q), slot) for q, slot in qa if slot} & {(_unit_key(q), slot) for q, slot in qb})
    for unit, slot in slots:
        xs = [q for q, sl in qa if _unit_key(q) == unit and sl == slot]
        ys = [q for q, sl in qb if _unit_key(q) == unit and sl == slot]
        if max(len(xs), len(ys)) > FRAMING_QUANTITY_MAX_PER_VERSION:
            continue
        every_a = [q for q, _ in qa if _unit_key(q) == unit]
        every_b = [q for q, _ in qb if _unit_key(q) == unit]
        # a value the other version gives anywhere (in another slot) is not in dispute, nor is one
        # that a bound or an estimate allows ("more than $1 million" / "$1.1 million")
        if any(same_quantity(x, y) for x in xs for y in every_b) or \
                any(same_quantity(x, y) for x in every_a for y in ys) or \
                any(_compatible(pair.a, x, pair.b, y) for x in xs for y in ys):
            continue
        # one side tells the value after a change or at a later time, the other plainly: two moments
        if all(_at_another_moment(pair.a, x) for x in xs) != all(_at_another_moment(pair.b, y) for y in ys):
            continue
        ta, tb = ", ".join(q.text for q in xs), ", ".join(q.text for q in ys)
        yield Candidate(
            kind="contradiction", rule="contradiction.number", first=pair.a, second=pair.b,
            terms={pair.a.id: ta, pair.b.id: tb},
            ranges=[(pair.a, q.start, q.end) for q in xs] + [(pair.b, q.start, q.end) for q in ys],
            evidence=_evidence(pair, [(q.start, q.end) for q in xs], [(q.start, q.end) for q in ys],
                               f"The same amount ({unit}, “{slot}”) differs"),
            score=adjust(base_score("contradiction.number")),
            data={"unit": unit, "slot": slot,
                  "values": {pair.a.id: [q.value for q in xs], pair.b.id: [q.value for q in ys]}})


# --- dates and weekdays --------------------------------------------------------------------------------

def _dates_of(version: Version) -> list[tuple[str, int, int]]:
    if "dates" not in version.cache:
        date = version.article.date or ""
        year = int(date[:4]) if date[:4].isdigit() else None
        version.cache["dates"] = find_dates(version.text, 0, year)
    return version.cache["dates"]


def _happenings(version: Version) -> list[tuple[str, int, int, frozenset[str]]]:
    """(date key, start, end, happening) of each date not on a statement: the happening is the
    nearest content word before it ("the court ruled on Tuesday"), else after it ("On Tuesday, the
    court ruled")."""
    if "happenings" not in version.cache:
        speech = {_slot_of(w) for w in _speech_words()}
        out = []
        for key, s, e in _dates_of(version):
            if _STAMP.fullmatch(version.text[s:e]):
                continue
            after, before = (_without_time(ws) for ws in _near_words(version, s, e, names=False))
            happening = frozenset(_slot_of(w) for w in (before or after)[:1])
            if happening and not happening & speech:
                out.append((key, s, e, happening))
        version.cache["happenings"] = out
    return version.cache["happenings"]


def _without_time(words: list[str]) -> list[str]:
    return [w for w in words if w not in _TIME_NOUNS]


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
    ha, hb = _happenings(pair.a), _happenings(pair.b)
    shared = sorted({w for *_, h in ha for w in h} & {w for *_, h in hb for w in h})
    done: set[tuple] = set()
    for happening in shared:
        da = [d for d in ha if happening in d[3]]
        db = [d for d in hb if happening in d[3]]
        key = (tuple(d[1] for d in da), tuple(d[1] for d in db))
        if key in done:
            continue
        done.add(key)
        days_a = [d for d in da if _is_day(d[0])]
        days_b = [d for d in db if _is_day(d[0])]
        if days_a and days_b:
            if not {d[0][-5:] for d in days_a} & {d[0][-5:] for d in days_b}:
                yield _date_candidate(pair, "contradiction.date", days_a, days_b, happening, "date")
            continue
        wa = [d for d in da if _weekday_of(d[0])]
        wb = [d for d in db if _weekday_of(d[0])]
        if wa and wb and not {_weekday_of(d[0]) for d in wa} & {_weekday_of(d[0]) for d in wb}:
            yield _date_candidate(pair, "contradiction.weekday", wa, wb, happening, "weekday")


def _describe(version: Version, found) -> str:
    parts = []
    for key, s, e, _ in found:
        shown = version.text[s:e]
        weekday = _weekday_of(key)
        parts.append(f"{shown} (a {weekday.title()})" if weekday and not key.startswith("weekday:") else shown)
    return ", ".join(parts)


def _date_candidate(pair: Pair, rule: str, xs, ys, happening: str, what: str) -> Candidate:
    ta, tb = _describe(pair.a, xs), _describe(pair.b, ys)
    return Candidate(
        kind="contradiction", rule=rule, first=pair.a, second=pair.b,
        terms={pair.a.id: ta, pair.b.id: tb},
        ranges=[(pair.a, s, e) for _, s, e, _ in xs] + [(pair.b, s, e) for _, s, e, _ in ys],
        evidence=_evidence(pair, [(s, e) for _, s, e, _ in xs], [(s, e) for _, s, e, _ in ys],
                           f"The same happening (“{happening}”) has no {what} in common ({ta} / {tb})"),
        score=adjust(base_score(rule)),
        data={"dates": {pair.a.id: [k for k, *_ in xs], pair.b.id: [k for k, *_ in ys]}, "slot": happening})


# --- holders of one office -----------------------------------------------------------------------------

def _office_before(text: str, pos: int) -> str:
    """The single-holder office right before a name ("chancellor", "prime minister"), or ""."""
    m = re.search(r"(?:(\w+)\s+)?(\w+)\.?\s*$", text[:pos])
    if not m:
        return ""
    qualifier, word = (m.group(1) or "").lower(), m.group(2).lower()
    if word in _SINGLE_HOLDER:
        return f"{qualifier} {word}" if qualifier in ("vice", "prime") else word
    if word in ("minister", "secretary", "general", "leader") and qualifier in _QUALIFIED_HOLDER:
        return f"{qualifier} {word}"
    return ""


def _name_slots(pair: Pair) -> Iterator[Candidate]:
    for op in pair.changes:
        if op.tag != "replace":
            continue
        xa, xb = pair.a.text[op.a_start:op.a_end].strip(), pair.b.text[op.b_start:op.b_end].strip()
        office = _office_before(pair.a.text, op.a_start)
        if not (office and _is_name(xa) and _is_name(xb) and office == _office_before(pair.b.text, op.b_start)):
            continue
        if _same_actor(pair, op) or _one_person(xa, xb) or _surname(xb) in pair.a.text or \
                _surname(xa) in pair.b.text:
            continue
        yield Candidate(
            kind="contradiction", rule="contradiction.name_slot", first=pair.a, second=pair.b,
            terms={pair.a.id: xa, pair.b.id: xb},
            ranges=[(pair.a, op.a_start, op.a_end), (pair.b, op.b_start, op.b_end)],
            evidence=_evidence(pair, [(op.a_start, op.a_end)], [(op.b_start, op.b_end)],
                               f"The same office (“{office}”) has two holders"),
            score=adjust(base_score("contradiction.name_slot")), data={"title": office, "slot": office})


def _surname(name: str) -> str:
    return name.split()[-1]


def _one_person(xa: str, xb: str) -> bool:
    """"Steve Smith" / "Steven Smith", "Sergei Lavrov" / "Lavrov": forms of one name."""
    wa, wb = xa.split(), xb.split()
    if same_entity(wa[-1], wb[-1]):
        return len(wa) == 1 or len(wb) == 1 or same_entity(wa[0], wb[0])
    return False


def _is_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(_CAPITALISED.fullmatch(w) for w in words)


def _two_people(a: str, b: str) -> bool:
    """Two named actors that are not one: neither is a state or a place, which acts through its
    leaders ("Ukraine rejected" / "Zelensky resisted" may be one side)."""
    if not a or not b or same_entity(a, b):
        return False
    return not (is_place(normalise_key(a)) or is_place(normalise_key(b)))


def _same_actor(pair: Pair, op) -> bool:
    la = {h.label for h in name_hits(pair.a) if op.a_start <= h.start < op.a_end}
    lb = {h.label for h in name_hits(pair.b) if op.b_start <= h.start < op.b_end}
    return bool(la & lb)


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


def _sides(version: Version, start: int, end: int) -> tuple[str, set[str]]:
    """The actor of a stance word (the nearest name before it, else the nearest content word) and
    the content stems of the thing after it."""
    lo, hi = _piece_bounds(version, start)
    spans = [w for w in _words(version) if lo <= w[0] and w[1] <= hi]
    before = [(version.text[s:e], w) for s, e, w in spans if e <= start][-FRAMING_STANCE_WINDOW_WORDS:]
    after = [w for s, _, w in spans if s >= end][:FRAMING_STANCE_WINDOW_WORDS]
    names = [shown for shown, w in reversed(before) if shown[:1].isupper() and w not in _CALENDAR]
    plain = [w for _, w in reversed(before) if _content(w)]
    actor = names[0] if names else (plain[0] if plain else "")
    return actor, {stem(w) for w in after if _content(w)}


_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march "
                      "april june july august september october november december".split())


def _stance(pair: Pair) -> Iterator[Candidate]:
    sa, sb = _first_stance(pair.a), _first_stance(pair.b)
    if not sa or not sb:
        return
    (va, la, s1, e1, ta), (vb, lb, s2, e2, tb) = sa, sb
    (actor_a, thing_a), (actor_b, thing_b) = _sides(pair.a, s1, e1), _sides(pair.b, s2, e2)
    same_slot = bool(actor_a and actor_b and same_entity(actor_a, actor_b) and thing_a & thing_b)
    shown_a, shown_b = pair.a.text[s1:e1], pair.b.text[s2:e2]
    if va * vb < 0:
        if not same_slot:
            return      # different actors, or stances on different things: not one slot
        kind, rule = "contradiction", "contradiction.stance"
        score = base_score(rule) + 0.1 * min(1.0, abs(va - vb) / 2)
        evidence = _evidence(pair, [(s1, e1)], [(s2, e2)],
                             f"{_STANCE_WORDS[la].capitalize()} against {_STANCE_WORDS[lb]}")
    elif abs(va - vb) >= FRAMING_STANCE_MIN_GAP:
        if _two_people(actor_a, actor_b):
            return      # two people's stances ("Jones rejected", "Holt resisted"): two acts, no framing
        kind, rule = "stance", "stance.strength"
        score = base_score(rule)
        evidence = (f"{pair.a.name} reports {_STANCE_WORDS[la]} ({quote(shown_a)}) where {pair.b.name} "
                    f"reports {_STANCE_WORDS[lb]} ({quote(shown_b)}), the same side told with different force.")
    else:
        return
    yield Candidate(
        kind=kind, rule=rule, first=pair.a, second=pair.b, terms={pair.a.id: ta, pair.b.id: tb},
        ranges=[(pair.a, s1, e1), (pair.b, s2, e2)], evidence=evidence, score=adjust(score),
        data={"stance": {pair.a.id: [la, va, ta], pair.b.id: [lb, vb, tb]}, "shown": [shown_a, shown_b]})
