"""Numbers with their unit and scale, and dates, found by rules in one sentence.

Quantities: currency ("$300 billion" -> 3e11 USD, "€5bn"), percentages ("3%", "2.06 percent" -> unit
"%"), durations and ages ("three years", "90-minute", "24 hours" -> unit "year", "minute", "hour"),
measures in one base unit ("10 km", "16km", "6.2 miles" -> metres, unit "length"; "kg", "tonnes" ->
"mass"; "mph", "kph" -> "speed"), counts ("26 countries" -> 26 with the counted noun's stem as unit,
"countri"), number words up to ninety-nine and "hundred/thousand/million/billion" as scales, and
fractions ("half" -> 0.5, "a third", "a quarter" -> unit "fraction").  A four-digit year (1900-2099)
standing alone is a date, not a number.
A partitive count takes the noun of its whole: in "13 of the 14 cars" and "Thirteen of the train's
cars" the 13 counts cars ("one of the" is left alone: it is an idiom far more often than a count).
A number that is part of a name is no amount: joined by a hyphen to a capitalised word ("I-5",
"GOES-16 images"), or bare after one ("Interstate 5", "Train 501 had", "KIRO 7 is") with no counted noun
after it; the capitalised word does not open the sentence, and the sentence is no title-case
headline.  A class ("Category 3", "Magnitude 7.7") stays an amount.

Dates are normalised to ISO-like keys: "2025-02-17" (full date), "2022-01" (month and year),
"--02-17" (day and month; completed with the article's year when the article has a date), "2025"
(year), "weekday:monday".  Relative words ("yesterday", "last week") are not dates: their meaning
depends on a publication date we may not have.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.align.features.words import stem, stopwords

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12,
}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
           "b": 1e9, "trillion": 1e12, "tn": 1e12}
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25}
_FRACTION_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3}
_CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "dollars": "USD",
             "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "rubles": "RUB",
             "roubles": "RUB", "hryvnias": "UAH", "usd": "USD", "eur": "EUR", "gbp": "GBP"}
_TIME_UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
               "month": "month", "year": "year", "decade": "decade", "century": "century"}
# Measures, each read in one base unit so that outlets that convert ("10 km", "6.2 miles") state one
# amount: word -> (dimension, base units per unit).  Metres, kilograms, km/h.  Short forms may be glued
# to the number ("16km", "5kg", "30mph").  "m" stays out: after a number it is as often "million";
# "in" and "pound(s)" too (a preposition; the currency).
_MEASURES = {
    **dict.fromkeys(("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), ("length", 1000.0)),
    **dict.fromkeys(("metre", "metres", "meter", "meters"), ("length", 1.0)),
    **dict.fromkeys(("cm", "centimetre", "centimetres", "centimeter", "centimeters"), ("length", 0.01)),
    **dict.fromkeys(("mm", "millimetre", "millimetres", "millimeter", "millimeters"), ("length", 0.001)),
    **dict.fromkeys(("mile", "miles", "mi"), ("length", 1609.344)),
    **dict.fromkeys(("ft", "foot", "feet"), ("length", 0.3048)),
    **dict.fromkeys(("yard", "yards", "yd", "yds"), ("length", 0.9144)),
    **dict.fromkeys(("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"), ("mass", 1.0)),
    **dict.fromkeys(("tonne", "tonnes"), ("mass", 1000.0)),
    **dict.fromkeys(("lb", "lbs"), ("mass", 0.45359237)),
    **dict.fromkeys(("kph", "kmh"), ("speed", 1.0)),
    "mph": ("speed", 1.609344),
}
_GLUED = "|".join(sorted((w for w in _MEASURES if len(w) <= 3), key=len, reverse=True))
# Share of the larger value within which two measures are one amount: outlets round what they convert
# ("10 km" is "6 miles" in one, "6.2 miles" in another: 3.5 % apart), while two measures of one event
# that differ (a depth of 10 km, a town 10 miles away: 61 %) stay apart.
MEASURE_TOLERANCE = 0.05
_PER_HOUR = re.compile(r"/h(?:r|our)?\b|\s(?:per|an)\s+hour\b", re.IGNORECASE)
_MONTHS = {m: i for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for m in names}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_WORDNUM = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# Digits not followed by an ordinal suffix ("1st"), or number words as whole words ("twenty-six").
_NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?!\d|(?:st|nd|rd|th)\b)"
        rf"|(?:{_WORDNUM})(?:-(?:{_WORDNUM}))?\b")
_SCALE = "|".join(sorted(_SCALES, key=len, reverse=True))
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))

QUANTITY = re.compile(
    rf"(?<![\w.,])(?P<cur>US\$|[$€£¥])?\s?(?P<num>{_NUM})"
    rf"(?:\s?(?P<scale>{_SCALE})\b)?"
    rf"(?:\s?(?P<pct>%|percent\b|per cent\b))?"
    rf"(?:(?:[\s-]|(?=(?:{_GLUED})\b))(?P<unit>[A-Za-z]+))?",
    re.IGNORECASE)
# A time of day ("12:23 pm", "1:30 a.m.", "at 6 am", "9.59pm") is no amount: read as numbers, "7:30 pm"
# gave 7 and 30, which matched "30 minutes" and made "12" and "23" numbers two stories shared.
CLOCK = re.compile(r"(?<![\w.:])\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:[ap]\.m\.|[ap]m\b))?"
                   r"|(?<![\w.:])\d{1,2}(?:\.\d{2})?\s?(?:[ap]\.m\.|[ap]m\b)", re.IGNORECASE)
FRACTION = re.compile(r"\b(?:(?P<art>a|one|two|three)[\s-])?(?P<frac>half|thirds?|quarters?)\b",
                      re.IGNORECASE)

DATE_FULL_MDY = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
                           rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.IGNORECASE)
DATE_FULL_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\.?"
                           rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.IGNORECASE)
DATE_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\.?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
DATE_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
YEAR = re.compile(r"(?<![\w$€£.,])(?P<year>(?:19|20)\d\d)(?![\w%]|\.\d|,\d)")
WEEKDAY = re.compile(rf"\b(?P<wd>{'|'.join(_WEEKDAYS)})s?\b", re.IGNORECASE)
# Cheap pre-checks: most sentences hold no date or number, so the patterns above are skipped.
_MAY_HOLD_DATE = re.compile(rf"\d|\b(?:{_MONTH}|{'|'.join(_WEEKDAYS)})", re.IGNORECASE)
_MAY_HOLD_NUMBER = re.compile(rf"\d|\b(?:{_WORDNUM}|half|third|quarter)", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A number in the text: ``value`` in base units (3e11 for "$300 billion"), ``unit`` ("USD",
    "%", "year", "fraction", a counted noun's stem, or "" for a bare number), the matched ``text``
    and its offsets ``start``/``end`` into ``Article.text``."""
    value: float
    unit: str
    text: str
    start: int
    end: int


def find_dates(text: str, offset: int = 0, year: int | None = None) -> list[tuple[str, int, int]]:
    """Dates in ``text`` as (key, start, end), offsets shifted by ``offset``; see the module doc."""
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    if not _MAY_HOLD_DATE.search(text):
        return found
    for pattern in (DATE_ISO, DATE_FULL_MDY, DATE_FULL_DMY, DATE_MONTH_YEAR, YEAR, WEEKDAY):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            key = _date_key(m, year)
            if key:
                found.append((key, offset + m.start(), offset + m.end()))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d[1])


def _date_key(m: re.Match, default_year: int | None) -> str | None:
    groups = m.groupdict()
    if groups.get("wd"):
        return f"weekday:{groups['wd'].lower()}"
    month = groups.get("month")
    month_no = int(month) if month and month.isdigit() else _MONTHS.get((month or "").lower().rstrip("."))
    if month and month.lower() == "may" and not groups.get("day") and not groups.get("year"):
        return None
    year = groups.get("year")
    day = groups.get("day")
    if day and not 1 <= int(day) <= 31:
        return None
    if month_no and day:
        if m.re is DATE_FULL_MDY and (month or "").lower() == "may" and not year:
            return None  # "may 5" is too often the verb
        y = year or (str(default_year) if default_year else None)
        return f"{y}-{month_no:02d}-{int(day):02d}" if y else f"--{month_no:02d}-{int(day):02d}"
    if month_no and year:
        return f"{year}-{month_no:02d}"
    if year:
        return year
    return None


def find_quantities(text: str, offset: int = 0, skip: list[tuple[int, int]] | None = None
                    ) -> list[Quantity]:
    """Quantities in ``text``; ``skip`` holds (start, end) spans (relative to ``text``) of dates."""
    out: list[Quantity] = []
    if not _MAY_HOLD_NUMBER.search(text):
        return out
    skip = list(skip or []) + [m.span() for m in CLOCK.finditer(text)]
    for m in QUANTITY.finditer(text):
        if any(s < m.end("num") and m.start("num") < e for s, e in skip):
            continue
        if _in_name(text, m) and not _title_case(text):
            continue
        q = _partitive(m, text, offset) or _quantity(m, text, offset)
        if q:
            out.append(q)
            skip.append((m.start(), m.end()))
    for m in FRACTION.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in skip):
            continue
        count = _FRACTION_COUNT.get((m.group("art") or "a").lower(), 1)
        value = count * _FRACTIONS[m.group("frac").lower()]
        out.append(Quantity(value, "fraction", m.group(0), offset + m.start(), offset + m.end()))
    return sorted(out, key=lambda q: q.start)


def _quantity(m: re.Match, text: str, offset: int) -> Quantity | None:
    raw = m.group("num")
    value = _number_value(raw)
    if value is None:
        return None
    is_word = not raw[:1].isdigit()
    scale = (m.group("scale") or "").lower()
    if scale in ("m", "b", "k") and not m.group("cur"):
        scale = ""  # "5 m" is five metres more often than five million
    if scale:
        value *= _SCALES[scale]
    unit_word = (m.group("unit") or "").lower()
    if unit_word in _FRACTIONS:
        return None  # "two thirds" is a fraction, found by FRACTION
    end = m.end("pct") if m.group("pct") else (m.end("scale") if scale else m.end("num"))
    unit = ""
    if m.group("cur"):
        unit = _CURRENCY[m.group("cur").lower()]
    elif m.group("pct"):
        unit = "%"
    elif unit_word in _CURRENCY:
        unit, end = _CURRENCY[unit_word], m.end("unit")
    elif unit_word in _MEASURES and not scale:
        unit, per = _MEASURES[unit_word]
        value, end = value * per, m.end("unit")
        hourly = _PER_HOUR.match(text, end)
        if unit == "length" and hourly:             # "193 km/h" is a speed (km/h), not a distance
            unit, value, end = "speed", value / 1000.0, hourly.end()
    elif unit_word:
        unit = _unit_of(unit_word)
        if unit:
            end = m.end("unit")
    if is_word and not unit and not scale:
        # "one" and friends are too often pronouns or idioms ("one of", "no one"); keep only with a unit
        return None
    start = m.start("cur") if m.group("cur") else m.start("num")
    return Quantity(value, unit, text[start:end], offset + start, offset + end)


# "13 of the 14 cars", "Thirteen of the train's 14 cars", "two of its 40 members": the noun after
# the whole's number is its counted noun, as find_quantities keys "14 cars" itself.
_PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|these|those)\s+(?:[\w-]+['’]s\s+)?"
                        rf"(?:(?:{_NUM})(?:\s?(?:{_SCALE})\b)?\s+)?(?P<noun>[A-Za-z]+)", re.IGNORECASE)
# A capitalised word right before a number makes it a name's number ("Interstate 5", "I-5").
_NAME_BEFORE = re.compile(r"(?<![\w.'’-])(?P<word>[A-Z][A-Za-z]*)[ -]\Z")
_NOT_NAME_WORDS = frozenset(_MONTHS) | frozenset(_WEEKDAYS) | frozenset(_CURRENCY) | frozenset(
    "no nos number category level grade stage phase class magnitude tier force".split())
_TITLE_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")
TITLE_CASE_SHARE = 0.6  # share of words of four letters or more capitalised: a headline in title case


def _title_case(text: str) -> bool:
    words = _TITLE_WORD.findall(text)
    return bool(words) and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _in_name(text: str, m: re.Match) -> bool:
    if m.group("cur") or m.group("scale") or m.group("pct") or not m.group("num")[:1].isdigit():
        return False
    head = text[:m.start("num")]
    before = _NAME_BEFORE.search(head)
    if not before or before.group("word").lower() in _NOT_NAME_WORDS:
        return False
    if head.endswith("-"):
        return True  # a designation: "I-5", "GOES-16", "COVID-19"
    unit = m.group("unit") or ""
    if unit and unit[0].islower() and _unit_of(unit.lower()):
        return False  # "Roe 30 years ago", "Category 3 hurricane": an amount of something
    return any(c.isalnum() for c in head[:before.start()])  # a capital that opens the sentence is no name


def _partitive(m: re.Match, text: str, offset: int) -> Quantity | None:
    """A count whose noun comes after "of the" ("13 of the 14 cars"): it counts that noun."""
    raw = m.group("num")
    if raw.lower() == "one" or (m.group("unit") or "").lower() != "of" or m.group("scale") or m.group("pct"):
        return None
    whole = _PARTITIVE.match(text, m.end("num"))
    value = _number_value(raw)
    unit = _unit_of(whole.group("noun").lower()) if whole else ""
    if value is None or not unit:
        return None
    start = m.start("num")
    return Quantity(value, unit, text[start:m.end("num")], offset + start, offset + m.end("num"))


def _unit_of(word: str) -> str:
    """The unit a following word gives: a time unit, else the counted noun's stem ("countri")."""
    singular = word[:-1] if word.endswith("s") else word
    if singular in _TIME_UNITS:
        return _TIME_UNITS[singular]
    if len(word) > 2 and word.isalpha() and word not in stopwords():
        return stem(word)
    return ""


def _number_value(raw: str) -> float | None:
    low = raw.lower()
    if low[:1].isdigit():
        try:
            return float(low.replace(",", ""))
        except ValueError:
            return None
    total = 0.0
    for part in low.split("-"):
        if part not in _NUMBER_WORDS:
            return None
        total += _NUMBER_WORDS[part]
    return total


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """Do two quantities state the same amount (units compatible, values within 1%, or within
    ``MEASURE_TOLERANCE`` for measures, which outlets round when they convert)?  A measure is never
    a bare number's equal: "10km" is not "10 miles" because one outlet glued its unit."""
    va, ua = _comparable(a)
    vb, ub = _comparable(b)
    if (ua and ub and ua != ub) or (ua in _DIMENSIONS) != (ub in _DIMENSIONS):
        return False
    return abs(va - vb) <= _tolerance(ua) * max(abs(va), abs(vb), 1e-9)


def conflicting(a: Quantity, b: Quantity) -> bool:
    """Same kind of amount (same non-empty unit) but a different value: a possible contradiction."""
    va, ua = _comparable(a)
    vb, ub = _comparable(b)
    return bool(ua) and ua == ub and abs(va - vb) > _tolerance(ua) * max(abs(va), abs(vb))


_DIMENSIONS = frozenset(d for d, _ in _MEASURES.values())


def _tolerance(unit: str) -> float:
    return MEASURE_TOLERANCE if unit in _DIMENSIONS else 0.01


def _comparable(q: Quantity) -> tuple[float, str]:
    # "half" and "50%" are the same share
    if q.unit == "%":
        return q.value / 100.0, "fraction"
    return q.value, q.unit
