"""The searchable terms of a sentence: names, numbers, dates and content words, with loose matching.

This is the looser matcher the omission check searches an article with (``verify``).  It is kept
apart from the aligner's features on purpose: it reads only ``Article.text`` and the sentence
offsets, and its matching rules forgive what the aligner may not:

* **names** match in their common forms: case, accents and possessives folded ("Kyiv’s" = "Kyiv"),
  acronyms without periods ("U.S." = "US"), the variants and capital-for-state metonyms of the
  ``name_variants`` lexicon ("United States" = "US" = "Washington", "Kyiv" = "Ukraine",
  "Zelenskyy" = "Zelensky"), demonyms and suffixes by shared stem ("Iran" = "Iranian",
  "Russia" = "Russian", "Ukraine" = "Ukrainian");
* **numbers** match by value whatever their form ("7.7", "1,000" = "1000", "$300 billion" =
  "300 billion dollars", "three" = "3"), units only when both give one;
* **dates** match by day and month, or by weekday;
* **words** (content words that are not names) match by Snowball stem, by a long shared prefix
  ("negotiations" = "negotiating", "agree" = "agreement") or as the end of a compound ("quake" =
  "earthquake"), and by class for the words news writers use for one happening (the
  ``predicate_classes`` lexicon: "killed" = "fatalities" = "dead", "approved" = "passed").
"""
from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from analysis.align.features.names import TITLE_MODIFIERS, TITLES
from analysis.align.features.quantities import find_dates, find_quantities
from analysis.align.features.words import scan, stem, stopwords
from analysis.constants import (
    TERM_NAME_MIN_PREFIX,
    TERM_NAME_SUFFIX_SLACK,
    TERM_NUMBER_TOLERANCE,
    TERM_SLOT_WINDOW_WORDS,
    TERM_SPEAKER_AFTER_WORDS,
    TERM_SPEAKER_BEFORE_WORDS,
    TERM_WORD_MAX_SUFFIX,
    TERM_WORD_MIN_COMPOUND,
    TERM_WORD_MIN_PREFIX,
    TERM_WORD_MIN_STEM,
)
from analysis.ingest.clean import lead_dateline
from analysis.model import Article

_NOT_NAMES = frozenset("""i mr mrs ms dr gov sen rep gen st monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november
december""".split())


@dataclass(frozen=True)
class Term:
    """One searchable term: its ``kind`` ("name", "number", "date", "word"), a normalised ``key``
    (for numbers the value and unit, "7.7|" ), and the ``text`` as written (shown in evidence)."""
    kind: str
    key: str
    text: str


@dataclass(frozen=True)
class SentenceTerms:
    """The terms of one sentence of one article."""
    article: str
    sentence: str       # sentence id
    index: int          # 0-based sentence index
    terms: tuple[Term, ...]

    def keys(self, kind: str) -> tuple[str, ...]:
        return tuple(t.key for t in self.terms if t.kind == kind)


def fold(word: str) -> str:
    """Lower-case, no accents, straight apostrophes, no possessive, no periods ("U.S." -> "us")."""
    word = unicodedata.normalize("NFKD", word.replace("’", "'"))
    word = "".join(c for c in word if not unicodedata.combining(c)).lower()
    if word.endswith("'s"):
        word = word[:-2]
    return word.strip("'").replace(".", "")


def article_terms(article: Article) -> tuple[SentenceTerms, ...]:
    """The terms of every sentence of ``article`` (cached by the article's text)."""
    return _article_terms(article.id, article.text, tuple((s.id, s.index, s.start, s.end)
                                                          for s in article.sentences))


@lru_cache(maxsize=256)
def _article_terms(article_id: str, text: str, sentences: tuple) -> tuple[SentenceTerms, ...]:
    capitalised = _capitalised_inside(text, sentences)
    return tuple(SentenceTerms(article_id, sid, index, sentence_terms(text[start:end], capitalised))
                 for sid, index, start, end in sentences)


def _capitalised_inside(text: str, sentences: tuple) -> frozenset[str]:
    """Folded words written with a capital somewhere other than at a sentence start: names."""
    seen = set()
    for _, _, start, end in sentences:
        for i, (raw, _, _) in enumerate(scan(text[start:end])):
            if i and raw[:1].isupper():
                seen.add(fold(raw))
    return frozenset(seen)


def sentence_terms(text: str, capitalised: frozenset[str] = frozenset()) -> tuple[Term, ...]:
    """The terms of one sentence; ``capitalised`` names words that are names when they open it."""
    # Only the opening word is looked up in ``capitalised``: narrowed to it, the same sentence in
    # many articles (agency copy) is read once.
    words = scan(text)
    opening = fold(words[0][0]) if words else ""
    return _sentence_terms(text, opening in capitalised)


@lru_cache(maxsize=20_000)
def _sentence_terms(text: str, opening_is_name: bool) -> tuple[Term, ...]:
    capitalised = frozenset((fold(scan(text)[0][0]),)) if opening_is_name else frozenset()
    dates = find_dates(text)
    out = [Term("date", key, text[s:e]) for key, s, e in dates]
    in_dates = [(s, e) for _, s, e in dates]
    taken: list[tuple[int, int]] = []
    for q in find_quantities(text, skip=in_dates):
        shown = q.text if q.unit in _STRONG_UNITS else _TRAILING_NOUN.sub("", q.text)
        out.append(Term("number", number_key(q.value, q.unit), shown or q.text))
        taken.append((q.start, q.end))
    stop = stopwords()
    lead = lead_dateline(text)
    if lead:                # "WASHINGTON (AP) — ...": where the story was filed, not what it says
        in_dates.append((0, lead))
    words = scan(text)
    previous = ""
    for i, (raw, start, end) in enumerate(words):
        if any(s < end and start < e for s, e in in_dates) or (
                any(s < end and start < e for s, e in taken) and not _counted_noun(raw)):
            previous = ""
            continue
        key = fold(raw)
        if not key or not any(c.isalpha() for c in key):
            previous = ""
            continue
        if key in _BARE_COUNTS:
            # "Two have been found alive": a count the quantity reader leaves without a noun.
            out.append(Term("number", number_key(float(_BARE_COUNTS[key]), ""), raw))
            previous = ""
            continue
        if raw[:1].isupper() and _is_title(key, i, words):
            previous = ""
            continue  # "Secretary of State", "Prime Minister": a role, not who holds it
        if _is_name(raw, key, i, capitalised, stop):
            out.append(Term("name", canonical(key), raw))
            long_form = _variants()[1].get((previous, key))
            if long_form:
                out.append(Term("name", long_form, f"{words[i - 1][0]} {raw}"))
            previous = key
            continue
        previous = ""
        for part in key.split("-"):
            if len(part) >= 3 and part.isalpha() and part not in stop:
                out.append(Term("word", word_key(part), raw))
    return tuple(out)


# Counts written as words ("two" to "twelve"; "one" is mostly a pronoun): a number, with or without
# the noun of what it counts.
_BARE_COUNTS = {w: n for n, w in enumerate("two three four five six seven eight nine ten eleven twelve".split(), 2)}
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
ninety hundred thousand million billion trillion dozen half third thirds quarter quarters percent
bn mn tn""".split())


QUOTE_MARKS = re.compile(r"[“”\"]")
# A quotation: between marks, or from an opening mark to the end (a quote that runs on), or from the
# start to a closing mark (the end of a quote begun in the sentence before).
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]|[“\"][^”\"]*$|^[^“\"]*”")


def unquoted(text: str) -> str:
    """``text`` with what stands between quotation marks blanked: the words of the reporter."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


# An opening that points back at what was told and judges it ("It was a night of drama", "This is a
# blow"): a pronoun subject with a form of "to be".
_COMMENT_SUBJECTS = frozenset({"it", "this", "that"})
_COMMENT_VERBS = frozenset({"is", "was", "s", "has been", "had been", "will be", "would be", "remains",
                            "remained", "seems", "seemed"})


def comment_opening(text: str) -> bool:
    """Does ``text`` open, in the reporter's words, as a comment on what was told: a pronoun subject
    and a form of "to be" ("It was an incredible night of drama ...", "This is a historic day")?
    Such a sentence names no happening of its own.  A quotation is someone's statement, not the
    reporter's comment ("“It has been the greatest honor of my life,” he wrote")."""
    if QUOTE_MARKS.search(text):
        return False
    raw = [w for w, _, _ in scan(text)[:3]]
    if raw and raw[0].lower().replace("’", "'") in ("it's", "that's"):
        return True
    words = [fold(w) for w in raw]
    if len(words) < 2 or words[0] not in _COMMENT_SUBJECTS:
        return False
    return words[1] in _COMMENT_VERBS or " ".join(words[1:3]) in _COMMENT_VERBS


# Words after which a speech verb's object is what was said, not who said it ("said that Biden ...");
# after the verb, a preposition tells where or how it was said ("said on X", "told reporters in Rome").
_REPORTED_CLAUSE = frozenset({"that", "whether", "if"})
_SAID_WHERE = _REPORTED_CLAUSE | {"on", "in", "at", "to", "from", "via", "during", "after"}


def speaker_words(text: str) -> frozenset[str] | None:
    """Who speaks in ``text``, in the reporter's words (outside its quotations): the words within
    ``TERM_SPEAKER_BEFORE_WORDS`` before a speech verb ("Maryland Gov. Wes Moore said") or
    ``TERM_SPEAKER_AFTER_WORDS`` after it ("said Paul Wiedefeld"), never across a quotation nor past
    "that" (what follows is what was said) or a preposition after the verb ("she said on X").
    ``None`` when no speech verb stands outside the quotations: a storm, a place or a chamber named
    beside a quoted phrase is no speaker ("floods triggered by Typhoon X swept ..."; "the Assembly
    debated two “motions”")."""
    return _speaker_words(text)


@lru_cache(maxsize=20_000)
def _speaker_words(text: str) -> frozenset[str] | None:
    quotes = [m.span() for m in _QUOTED.finditer(text)]
    words = [w for w in scan(text) if not any(s <= w[1] < e for s, e in quotes)]
    # A stretch of the reporter's words: it ends where a quotation stands between two words.
    stretch, at = [], 0
    for k, (_, start, _) in enumerate(words):
        if k and any(words[k - 1][2] <= s < start for s, _ in quotes):
            at += 1
        stretch.append(at)
    lowered = [fold(w) for w, _, _ in words]
    singles, phrases = _speech_forms()
    found: set[str] = set()
    verb = False
    for i, word in enumerate(lowered):
        length = 1 if word in singles else next((len(p) for p in phrases if tuple(lowered[i:i + len(p)]) == p), 0)
        if not length:
            continue
        verb = True
        before = [k for k in range(max(0, i - TERM_SPEAKER_BEFORE_WORDS), i) if stretch[k] == stretch[i]]
        cut = max((k for k in before if lowered[k] in _REPORTED_CLAUSE), default=None)
        found.update(words[k][0] for k in before if cut is None or k > cut)
        for k in range(i + length, min(len(words), i + length + TERM_SPEAKER_AFTER_WORDS)):
            if stretch[k] != stretch[i] or lowered[k] in _SAID_WHERE:
                break
            found.add(words[k][0])
    return frozenset(found) if verb else None


@lru_cache(maxsize=1)
def _speech_forms() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """The speech verbs of the lexicons: single words, and phrases as word tuples ("according to")."""
    from analysis.lexicons import speech_verbs
    forms = [tuple(fold(w) for w in v.split()) for v in speech_verbs()]
    return (frozenset(f[0] for f in forms if len(f) == 1),
            tuple(sorted((f for f in forms if len(f) > 1), key=lambda f: (-len(f), f))))


def quotation_blocks(article: Article) -> tuple[int, ...]:
    """Per sentence, the number of its statement: consecutive sentences of one paragraph share one
    while a quotation opened in one is still open (“... I have decided. ... We must win,” he said.)."""
    out: list[int] = []
    block, open_quote, paragraph = -1, False, None
    for s in article.sentences:
        if not open_quote or s.paragraph != paragraph:
            block += 1
            open_quote = False
        out.append(block)
        paragraph = s.paragraph
        for mark in QUOTE_MARKS.findall(s.text):
            # Curly marks say which way they go; a straight one turns the state over.
            open_quote = mark == "“" or (mark == '"' and not open_quote)
    return tuple(out)


def word_key(word: str) -> str:
    """The key of a content word: its Snowball stem, or "=" and its class when the
    ``predicate_classes`` lexicon lists it ("killed", "fatalities" -> "=die"): one happening said
    in other words is one term."""
    key = stem(word)
    return _predicate_classes().get(key, key)


@lru_cache(maxsize=1)
def _predicate_classes() -> dict[str, str]:
    from analysis.lexicons import load_lexicon
    return {stem(term): "=" + label for term, label in load_lexicon("predicate_classes").entries.items()}


def counted_slots(text: str) -> frozenset[str]:
    """What the numbers of a sentence count, among the slots of the ``quantity_slots`` lexicon
    (death, injury, missing, arrest, displaced, vote, cost): a slot word within
    ``TERM_SLOT_WINDOW_WORDS`` words before a number or content words after it ("144 people were
    killed", "694 deaths", "killing at least 144", "half of the confirmed deaths").  Dates are not numbers here."""
    labels = slot_labels()
    return frozenset(thing for _, things in counts(text) for thing in things if thing in labels)


@lru_cache(maxsize=1)
def slot_labels() -> frozenset[str]:
    """The slots of the ``quantity_slots`` lexicon: "death", "injury", "missing" ..."""
    return frozenset(_slots().values())


def counts(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Per number of a sentence: its key (``number_key``) and what it counts -- the slots of the
    words near it (``counted_slots``) and its own unit, as ``counted_thing`` reads it ("12 minutes":
    "minute"; "a 6.4 aftershock": "aftershock")."""
    return _counts(text)


@lru_cache(maxsize=20_000)
def _counts(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    dates = [(s, e) for _, s, e in find_dates(text)]
    quantities = find_quantities(text, skip=dates)
    if not quantities:
        return ()
    words = scan(text)
    stop = stopwords()
    slots = _slots()
    out = []
    for q in quantities:
        first = next((i for i, (_, s, _) in enumerate(words) if s >= q.start), len(words))
        last = max((i for i, (_, _, e) in enumerate(words) if e <= q.end), default=first - 1)
        before = [w for w, _, _ in words[max(0, first - TERM_SLOT_WINDOW_WORDS):first]]
        # After it, content words only: "half of the confirmed deaths" counts deaths.
        after = [w for w, _, _ in words[last + 1:] if fold(w) not in stop][:TERM_SLOT_WINDOW_WORDS]
        inside = [w for w, _, _ in words[first:last + 1]]   # "7.7-magnitude", "144 dead"
        things = {slots[stem(fold(w))] for w in before + after + inside if stem(fold(w)) in slots}
        if q.unit:
            things.add(counted_thing(q.unit))
        out.append((number_key(q.value, q.unit), frozenset(things)))
    return tuple(out)


def phrase_counts(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """``counts``, with what each number's phrase names besides its unit: adjectives may stand
    between a number and its noun ("eight priceless and historical pieces of jewellery" counts
    pieces of jewellery, not "priceless").  Read for the searched article's sentence only: the
    carriers' counted things stay those of ``counts``."""
    return _phrase_counts(text)


# Words that join the words of one phrase after a number ("priceless and historical pieces of jewellery").
_PHRASE_JOINERS = frozenset({"and", "of"})


@lru_cache(maxsize=20_000)
def _phrase_counts(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    plain = _counts(text)
    if not plain:
        return ()
    dates = [(s, e) for _, s, e in find_dates(text)]
    quantities = find_quantities(text, skip=dates)
    words = scan(text)
    stop = stopwords()
    out = []
    for (key, things), q in zip(plain, quantities):
        phrase: set[str] = set()
        at = q.end
        for w, start, end in words:
            if start < q.end:
                continue
            if len(phrase) >= TERM_SLOT_WINDOW_WORDS or not text[at:start].isspace() and at != start:
                break       # punctuation ends the phrase ("eight pieces, Paris's prosecutor said")
            folded = fold(w)
            if folded in stop and folded not in _PHRASE_JOINERS or folded in _NUMBER_WORDS:
                break
            if folded not in _PHRASE_JOINERS:
                phrase.add(counted_thing(folded))
            at = end
        out.append((key, things | phrase))
    return tuple(out)


def counted_thing(unit: str) -> str:
    """What a number's unit counts, comparable across outlets: a slot of ``quantity_slots`` ("dead",
    "deaths": "death"), else the unit's word key ("tremor" and "quake" are one happening)."""
    slot = _slots().get(stem(unit)) or _slots().get(unit)
    if slot:
        return slot
    return unit if strong_unit(unit) else word_key(unit)


@lru_cache(maxsize=1)
def _slots() -> dict[str, str]:
    from analysis.lexicons import load_lexicon
    return {stem(term): label for term, label in load_lexicon("quantity_slots").entries.items() if " " not in term}


def _counted_noun(raw: str) -> bool:
    """A word inside a quantity that names what is counted ("144 people", "7.7-magnitude"): it is
    still a word of the sentence."""
    return raw.isalpha() and raw.lower() not in _NUMBER_WORDS


def _is_title(key: str, i: int, words) -> bool:
    if key in TITLES:
        return True
    if key not in TITLE_MODIFIERS:
        return False
    near = [fold(w[0]) for w in words[max(0, i - 2):i + 3]]
    return any(w in TITLES for w in near)


@lru_cache(maxsize=1)
def _variants() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """One-word and two-word names of the ``name_variants`` lexicon -> their actor key."""
    from analysis.lexicons import load_lexicon
    one, two = {}, {}
    for term, key in load_lexicon("name_variants").entries.items():
        words = [fold(w) for w in term.split()]
        if len(words) == 1:
            one[words[0]] = key
        elif len(words) == 2:
            two[(words[0], words[1])] = key
    return one, two


_DEMONYM_ENDINGS = ("ian", "an", "n", "ese", "i")


@lru_cache(maxsize=20_000)
def canonical(key: str) -> str:
    """The lexicon's actor key of a name or of its demonym ("Russian" -> "russia-gov"), else itself."""
    one = _variants()[0]
    if key in one:
        return one[key]
    for ending in _DEMONYM_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            base = key[:-len(ending)]
            for candidate in (base, base + "e", base + "a"):
                if candidate in one:
                    return one[candidate]
    return key


def _is_name(raw: str, key: str, position: int, capitalised: frozenset[str], stop) -> bool:
    if not raw[:1].isupper() or key in _NOT_NAMES:
        return False
    if raw.isupper() and len(raw.replace(".", "")) >= 2:
        return True                             # acronyms: US, NATO, U.S.
    if key in stop:
        return False
    return position > 0 or key in capitalised


def number_key(value: float, unit: str) -> str:
    return f"{value:g}|{unit}"


def _number(key: str) -> tuple[float, str]:
    value, unit = key.split("|", 1)
    return float(value), unit


# Units that change what a number means: money, shares, durations.  A counted noun ("people",
# "magnitude") is the writer's word choice, so numbers with different nouns still match.
_TRAILING_NOUN = re.compile(r"[\s-][A-Za-z]+$")
_STRONG_UNITS = frozenset("""USD EUR GBP JPY RUB UAH % fraction second minute hour day week month year
decade century""".split())


def strong_unit(unit: str) -> bool:
    """A unit of money, share or time (``_STRONG_UNITS``): it says what a number means, not what it
    counts."""
    return unit in _STRONG_UNITS or unit == "fraction"


def _compatible_units(a: str, b: str) -> bool:
    return a == b or a not in _STRONG_UNITS or b not in _STRONG_UNITS


@lru_cache(maxsize=200_000)
def match(kind: str, a: str, b: str) -> bool:
    """Do two keys of one kind say the same thing, loosely (see the module docstring)?  Cached: the
    verifier asks the same pairs of keys again for every fact and article of an event."""
    if a == b:
        return True
    if kind == "name":
        return _same_name(a, b)
    if kind == "word":
        short, long = sorted((a, b), key=len)
        return (_shared_prefix(a, b) >= TERM_WORD_MIN_PREFIX
                or (len(short) >= TERM_WORD_MIN_STEM and long.startswith(short)
                    and len(long) - len(short) <= TERM_WORD_MAX_SUFFIX)
                or (len(short) >= TERM_WORD_MIN_COMPOUND and long.endswith(short)))  # quake, earthquake
    if kind == "number":
        (va, ua), (vb, ub) = _number(a), _number(b)
        return _compatible_units(ua, ub) and abs(va - vb) <= TERM_NUMBER_TOLERANCE * max(abs(va), abs(vb))
    if kind == "date":
        return _same_date(a, b)
    return False


def same_term(a: Term, b: Term) -> bool:
    """Do two terms say the same thing?  A name and a word match too when one outlet capitalises
    what another does not ("Make America Great Again" / "make America great again")."""
    if a.kind == b.kind:
        return match(a.kind, a.key, b.key)
    if {a.kind, b.kind} == {"name", "word"}:
        name, word = (a, b) if a.kind == "name" else (b, a)
        return match("word", word_key(name.key), word.key)
    return False


def _same_name(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    if len(short) < TERM_NAME_MIN_PREFIX:
        return False
    prefix = _shared_prefix(short, long)
    return prefix >= max(TERM_NAME_MIN_PREFIX, len(short) - TERM_NAME_SUFFIX_SLACK)


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


_DAY_MONTH = re.compile(r"(?:\d{4})?--?(\d\d-\d\d)$")


def _same_date(a: str, b: str) -> bool:
    """"2025-02-17" = "--02-17"; a weekday equals itself and a full date on that weekday ("Sunday" =
    "October 13, 2024"); a year alone is too loose."""
    if a.startswith(_WEEKDAY) or b.startswith(_WEEKDAY):
        day, other = (a, b) if a.startswith(_WEEKDAY) else (b, a)
        return day == _WEEKDAY + (weekday_of(other) or "")
    da, db = _DAY_MONTH.search(a), _DAY_MONTH.search(b)
    return bool(da and db and da[1] == db[1])


_WEEKDAY = "weekday:"
_FULL_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")


def weekday_of(key: str) -> str | None:
    """The weekday of a date key with its year ("2024-10-13": "sunday"), else None."""
    m = _FULL_DATE.match(key)
    if not m:
        return None
    try:
        return calendar.day_name[datetime.date(int(m[1]), int(m[2]), int(m[3])).weekday()].lower()
    except ValueError:
        return None
