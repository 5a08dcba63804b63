"""What one article says about its event, read from that article alone (never from the others).

The same-event score of two articles must not change when a third is added, so nothing here looks at
the other inputs: not the corpus IDF, not the corpus-wide entity resolution of the feature stage.
Rarity comes from a fixed background instead, ``wordfreq``'s frequency of a word in general English
(``background_weight``): "Obama" and "Washington" are common there, "Sestak" and "Kristol" are rare,
so sharing "Sestak" says much more about the event than sharing "Obama".

A profile holds, per article:

* ``words`` and ``lede``: content-word stems of the whole text and of the title and lede
  (``lede_length``: three sentences, more when they are short, as in an anecdotal opening),
  weighted by ``1 + log(count)`` times their background weight (vectors for a cosine), the words of
  its names left out: the wording says what happened, the ``entities`` who and where (with the
  names in, two stories about one rarely named governor looked alike);
* ``entities``: named entities found in the article alone, a person counted by surname ("Barack
  Obama" and "Obama" are one key), a place or body without its kind ("Louvre Museum" and "Louvre"
  are one key), agencies and outlets left out ("Reuters", "Xinhua": who reports, not what
  happened), each with its background weight and display name;
* ``shingles``: runs of ``EVENT_SHINGLE_WORDS`` content stems inside one sentence (a quote or agency
  sentence two outlets share verbatim or nearly);
* ``numbers`` (specific quantities by value: a count, a sum, a share, not "two", "300" or a year)
  and ``dates`` (day and month);
* ``offices``: office holders ("Germany's chancellor Olaf Scholz"), for conflicts;
* ``bare_offices``: holders of a bare head-of-government title ("Prime Minister Scott Morrison");
* ``lede_vector``: the mean embedding of the title and the lede's sentences (the model's vectors do
  not depend on the corpus);
* ``years``: the years the title and lede name, which place what the article tells in time;
* ``moment`` and ``moment_words``: whether the lede tells news of the day or looks back months to
  the happening, and the words that say so (``analysis.events.moment``);
* ``weekday`` and ``weekday_words``: the weekday the lede gives its news ("the junta said on
  Monday"), else the weekday of the page's date;
* ``results``: who beat whom, as the title and first sentence tell a contest's result
  (``analysis.events.results``).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Mapping, Sequence

import numpy as np

from analysis.align.embed import embed
from analysis.align.features.entities import CorpusVocabulary, sentence_mentions, shouted_sentence
from analysis.align.features.entity_keys import EntityResolver
from analysis.align.features.names import ALIASES, CANONICAL_PLACES
from analysis.align.features.quantities import find_dates
from analysis.align.features.words import content_words, stem
from analysis.constants import (
    EVENT_BACKGROUND_MAX_ZIPF,
    EVENT_COMMON_NAME_WEIGHT,
    EVENT_LEDE_SENTENCES,
    EVENT_LEDE_WORDS,
    EVENT_MIN_NUMBER,
    EVENT_RARE_OUTLET_WEIGHT,
    EVENT_SHINGLE_WORDS,
)
from analysis.events.moment import moment, news_weekday
from analysis.events.offices import bare_holders, office_holders
from analysis.events.results import results
from analysis.ingest.furniture import AGENCIES
from analysis.lexicons import load_lexicon
from analysis.model import Article

# Words that say what kind of place or body a name is ("Louvre Museum", "Mexico City", "River
# Seine", "Labour Party"): a general list, dropped at either end of a name so that the name an
# outlet writes with or without it is one key, and never read as a person's surname.
PLACE_KINDS = frozenset("""
museum gallery galerie city town village river lake mount mountain island islands bay sea ocean
valley province state county district region airport station bridge park square street avenue road
university college colegio school academy institute hospital clinic church cathedral mosque temple
palace castle tower stadium arena centre center hall theatre theater library prison court party
council ministry department agency company corporation bank club hotel foundation festival point
cape port harbour harbor coast beach falls forest desert peninsula strait canal
""".split())


# The legal or descriptive tail of a company's name, which outlets keep or drop ("Capital One
# Financial Corp", "Discover Financial Services", "Alphabet Inc."): dropped from the end of a name.
COMPANY_FORMS = frozenset("""
corp corporation inc incorporated ltd limited plc llc co group holdings financial services
""".split())


@dataclass(frozen=True)
class Profile:
    """The event evidence of one article (see the module docstring)."""
    article: str
    outlet: str
    title: str
    date: str | None
    words: Mapping[str, float]
    lede: Mapping[str, float]
    entities: Mapping[str, float]           # key -> background weight
    names: Mapping[str, str]                # key -> the fullest name the article gives
    shingles: frozenset[int]
    numbers: Mapping[float, str]            # value -> the text as written (``_numbers``)
    dates: Mapping[str, str]                # date key -> the text as written
    offices: Mapping[str, str]              # office -> person key
    bare_offices: Mapping[str, str]         # bare title ("prime minister") -> person key
    lede_vector: np.ndarray                 # mean embedding of the title and lede (unit norm)
    years: frozenset[int]                   # years the title and lede name: when it happened
    moment: str = ""                        # moment.FRESH, moment.RETROSPECTIVE or ""
    moment_words: str = ""                  # the words of the lede that say so ("last October")
    storms: tuple[str, ...] = ()            # storms the title names ("Hurricane Milton"): ``storms``
    weekday: int | None = None              # the weekday the lede gives its news (0 = Monday), else the date's
    weekday_words: str = ""                 # as written ("said on Sunday"); "" when read from the date
    results: frozenset[tuple[str, str]] = frozenset()   # (winner, loser) the title and first sentence tell

    @property
    def storm_names(self) -> frozenset[str]:
        """The storms' names alone: "Hurricane Milton" and "Tropical Storm Milton" are one storm."""
        return frozenset(s.split()[-1].lower() for s in self.storms)


@lru_cache(maxsize=100_000)
def background_weight(text: str) -> float:
    """How rare ``text`` is in general English: ``EVENT_BACKGROUND_MAX_ZIPF`` minus its Zipf
    frequency (0 for the commonest words; a word wordfreq never saw gets the maximum)."""
    from analysis.frequencies import zipf_frequency  # wordfreq's values, plain words from a cache
    return max(0.0, EVENT_BACKGROUND_MAX_ZIPF - zipf_frequency(text, "en"))


def _weighted_stems(texts: Sequence[str], names: frozenset[str] = frozenset()) -> dict[str, float]:
    """Background-weighted stems of ``texts``, without the words of ``names`` (who and where are
    the entities' evidence; the wording says what happened)."""
    counts: dict[str, int] = {}
    form: dict[str, str] = {}
    for text in texts:
        for w in content_words(text):
            if not w.isalpha() or w.lower() in names:
                continue
            s = stem(w)
            counts[s] = counts.get(s, 0) + 1
            form.setdefault(s, w)
    return {s: (1 + math.log(c)) * background_weight(form[s]) for s, c in counts.items()}


def _shingles(texts: Sequence[str]) -> frozenset[int]:
    out: set[int] = set()
    n = EVENT_SHINGLE_WORDS
    for text in texts:
        stems = [stem(w) for w in content_words(text)]
        out.update(hash(tuple(stems[i:i + n])) for i in range(len(stems) - n + 1))
    return frozenset(out)


class _Mentions:
    """Stand-in for the feature stage's per-sentence record, as ``office_holders`` reads it."""
    __slots__ = ("index", "entity_spans")

    def __init__(self, index: int, entity_spans):
        self.index, self.entity_spans = index, entity_spans


# Where people post ("Rachida Dati wrote on X"): who reports, like an outlet, not what happened.
_PLATFORMS = frozenset({"x", "twitter", "facebook", "instagram", "telegram", "youtube", "tiktok",
                        "truth social", "threads", "whatsapp", "bluesky", "linkedin", "weibo"})


@lru_cache(maxsize=1)
def _not_evidence() -> frozenset[str]:
    """Names that say who reports, not what happened: news agencies and outlets ("Reuters",
    "Xinhua", "The New York Times"), which articles on any event cite.  Kept in ``analysis.cache``
    per outlets table and word list: telling rare one-word names from common ones asks wordfreq
    about names like "al-ahram" or "9news", which would import it and build its whole dict in every
    run (about 0.25 s of CPU)."""
    from analysis import cache
    from analysis.resources import package_file
    entries = load_lexicon("outlets").entries
    words = package_file("wordfreq", "data", "large_en.msgpack.gz") or "no wordfreq"
    key = " ".join(("not-evidence 1", cache.digest(repr((sorted(entries.items()), sorted(AGENCIES.items()),
                                                         sorted(_PLATFORMS)))),
                    repr(EVENT_RARE_OUTLET_WEIGHT), repr(EVENT_BACKGROUND_MAX_ZIPF), cache.file_key(words)))
    text = cache.cached_text("event-not-evidence", key, lambda: "\n".join(sorted(_outlet_names(entries))))
    return frozenset(text.split("\n")) if text else frozenset()


def _outlet_names(entries: Mapping[str, str]) -> frozenset[str]:
    names = set(AGENCIES) | {v.lower() for v in AGENCIES.values()}
    for term, outlet in entries.items():
        for name, shown in ((term, outlet), (outlet.lower(), outlet)):
            name = name.removeprefix("the ")
            if "." in name or not name:
                continue
            # One common word ("Atlantic", "Nation", "Sun") is a place or a thing as often as an
            # outlet: kept as evidence unless it is an acronym (CNN) or a rare word (Politico).
            if " " in name or shown.removeprefix("The ").isupper() or \
                    background_weight(name) >= EVENT_RARE_OUTLET_WEIGHT:
                names.add(name)
    return frozenset(names | {n.removeprefix("the ") for n in names} | _PLATFORMS)


def _entity_key(key: str) -> str | None:
    """A person by surname ("barack obama" -> "obama"); a place or body by its name without the
    kind of place ("louvre museum" and "the louvre" -> "louvre", "river seine" -> "seine"), since
    outlets name it with or without; None for an agency or outlet (``_not_evidence``)."""
    if key in _not_evidence():
        return None
    parts = key.split()
    while len(parts) > 1 and parts[-1] in COMPANY_FORMS:
        parts = parts[:-1]              # "Capital One Financial Corp" is "Capital One"
    if len(parts) > 1 and key not in CANONICAL_PLACES:
        kept = [p for k, p in enumerate(parts)
                if not (p in PLACE_KINDS and (k == 0 or k == len(parts) - 1))]
        if kept and len(kept) < len(parts):
            parts = kept
            if len(parts) == 1:
                return parts[0]
    key = " ".join(parts)
    if 2 <= len(parts) <= 3 and key not in CANONICAL_PLACES and all(p.isalpha() for p in parts):
        return parts[-1]
    return key


def _entities(article: Article) -> tuple[dict[str, float], dict[str, str], list[_Mentions]]:
    vocab = CorpusVocabulary()
    texts = [article.title] + [s.text for s in article.sentences] if article.title else \
        [s.text for s in article.sentences]
    for t in texts:
        vocab.add(t)
    # a sentence in capitals (a wire brief's bullets) would give every word as a name shared with no one
    raw = [[] if shouted_sentence(s.text) else sentence_mentions(s.text, s.start, vocab) for s in article.sentences]
    resolver = EntityResolver(k for ms in raw for k, _, _ in ms)
    spans = [_Mentions(i, tuple(r for k, s, e in ms for r in resolver.resolve(k, s, e)))
             for i, ms in enumerate(raw)]
    weights: dict[str, float] = {}
    names: dict[str, str] = {}
    inside: set[str] = set()            # keys named somewhere other than a sentence's first word
    for m in spans:
        first = article.sentences[m.index].start
        for key, start, end in m.entity_spans:
            k = _entity_key(key)
            if k is None:
                continue
            weights[k] = background_weight(k)
            shown = article.text[start:end]
            if len(shown) > len(names.get(k, "")):
                names[k] = shown
            if " " in shown or article.text[first:start].strip(" \"“‘'(") != "":
                inside.add(k)
    # A common word only ever capitalised as a sentence's first word ("Emergency crews worked...")
    # is not a name.
    common = [k for k in weights if k not in inside and k not in CANONICAL_PLACES and k not in ALIASES
              and background_weight(k) <= EVENT_COMMON_NAME_WEIGHT]
    for k in common:
        del weights[k], names[k]
    return weights, names, spans


def specificity(value: float) -> int:
    """How much sharing ``value`` says, in significant digits beyond the first: 0 for "10", "300"
    or "$2 million" (round: any event has them), 1 for "21" or "7.7", 3 for "1,354"."""
    digits = f"{abs(value):.6f}".rstrip("0").replace(".", "").lstrip("0").rstrip("0")
    return max(0, len(digits) - 1)


def _numbers(features: Sequence) -> dict[float, str]:
    """Specific numbers by value (the unit is worded many ways: "7.1 quake", "magnitude 7.1"),
    without the small and round ones, which any event has (a year is a date, not a number here)."""
    out: dict[float, str] = {}
    for f in features:
        for q in f.numbers:
            if q.value < EVENT_MIN_NUMBER and q.value == int(q.value):
                continue            # "two", "three years", "eight pieces": said of every event
            if specificity(q.value) == 0:
                continue
            out.setdefault(round(q.value, 6), q.text)
    return out


def _dates(article: Article, features: Sequence) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in features:
        for key, start, end in f.date_spans:
            if key.count("-") >= 2:          # a day: "2010-07-02" or "--07-02"
                out.setdefault(key[-5:], article.text[start:end])
    return out


def lede_length(article: Article) -> int:
    """Sentences in the lede: at least ``EVENT_LEDE_SENTENCES``, more while they hold fewer than
    ``EVENT_LEDE_WORDS`` words in all (an anecdotal opening of short sentences puts the news in the
    fourth or fifth)."""
    words = 0
    for k, s in enumerate(article.sentences):
        if k >= EVENT_LEDE_SENTENCES and words >= EVENT_LEDE_WORDS:
            return k
        words += len(s.text.split())
    return len(article.sentences)


# A bare four-digit number that a count verb leads to ("death toll crosses 2000", "rises to 2028")
# or that counts a plural noun ("2000 people"): a count in a title, not the year it happened.
_COUNT_BEFORE = re.compile(r"\b(?:cross(?:es|ed)?|tops?|topped|pass(?:es|ed)?|exceed(?:s|ed)?|surpass(?:es|ed)?|"
                           r"nears?|hits?|reach(?:es|ed)?|(?:rises?|rose|climbs?|climbed|jumps?|jumped|up|grows?|grew)\s+to|"
                           r"over|than|least|nearly|almost|about|some|"
                           r"around|toll)\s+$", re.I)
_COUNT_AFTER = re.compile(r"^\s+(?:[a-z]+s|people|children|men|women|dead|killed|injured|missing|feared)\b")


def _is_count(text: str, start: int, end: int) -> bool:
    return bool(_COUNT_BEFORE.search(text[:start]) or _COUNT_AFTER.match(text[end:]))


# A named storm in a title ("Hurricane Milton", "Typhoon Kalmaegi", "Storm Ciarán") names the
# happening itself: two storms are two events, however alike their stories read (a hurricane
# season's second landfall in one state shares the places, the governor and the wording).
_STORM = re.compile(r"\b(?:Super\s+)?(?:Hurricane|Typhoon|Cyclone|Tropical\s+Storm|Storm|Tropical\s+Depression)"
                    r"\s+(?P<name>[A-Z][a-zà-ÿ]+)\b")
# Title-case words that follow a storm word without naming one ("Hurricane Season", "Storm Warning").
_NOT_STORM_NAMES = frozenset("""season seasons warning warnings watch watches center centre damage makes
hits strikes slams batters death deaths toll relief victims survivors update updates live tracker
forecast path recovery aftermath names kills leaves causes brings threatens heads nears approaches
latest news shelter shelters evacuation evacuations""".split())


def storms(title: str) -> tuple[str, ...]:
    """The storms a title names, as written ("Hurricane Milton"), in order."""
    return tuple(m.group(0) for m in _STORM.finditer(title)
                 if m.group("name").lower() not in _NOT_STORM_NAMES)


def _years(article: Article, features: Sequence) -> frozenset[int]:
    """When the article's happening took place: the years its title names ("2017 Mexico
    earthquake") and those of the dates its lede gives with a month ("on 19 September 2017",
    "in March 2025"); a bare year in the lede is often background ("a program running since 2007")."""
    keys = [k for k, start, end in find_dates(article.title)
            if not _is_count(article.title, start, end)] if article.title else []
    keys += [k for f in features[:lede_length(article)] for k, _, _ in f.date_spans if "-" in k[4:]]
    return frozenset(int(k[:4]) for k in keys if k[:4].isdigit())


def _title_vector(article: Article) -> list[np.ndarray]:
    """The title's embedding (the title is no sentence, so the features hold none), or nothing."""
    return list(embed([article.title])) if article.title.strip() else []


def _mean_vector(features: Sequence, extra: Sequence[np.ndarray] = ()) -> np.ndarray:
    vectors = [f.vector for f in features if f.vector is not None and np.any(f.vector)]
    vectors += [v for v in extra if np.any(v)]
    mean = np.mean(vectors, axis=0) if vectors else np.zeros(256, dtype=np.float32)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else mean


def _news_weekday(article: Article, lede: str) -> tuple[int | None, str]:
    """The weekday the lede gives its news and its words (``moment.news_weekday``), else the page's
    date's, with no words: a page is published on the day of its news or the day after, and a dated
    page whose lede names no day ("tests positive for COVID", dated a Thursday) is told apart from
    accounts of a Sunday."""
    day, words = news_weekday(lede)
    if day is None and article.date:
        try:
            return date.fromisoformat(article.date[:10]).weekday(), ""
        except ValueError:
            pass
    return day, words


def profile(article: Article, features: Sequence) -> Profile:
    """The profile of one article; ``features``: its ``SentenceFeatures`` (vectors, numbers and
    dates there depend on the sentence alone)."""
    texts = [s.text for s in article.sentences]
    n = lede_length(article)
    lede = ([article.title] if article.title else []) + texts[:n]
    entities, names, mentions = _entities(article)
    name_words = frozenset(w.lower() for n in names.values() for w in n.split())
    when, when_words = moment(" ".join(lede))
    day, day_words = _news_weekday(article, " ".join(lede))
    return Profile(
        article=article.id, outlet=article.outlet, title=article.title, date=article.date,
        words=_weighted_stems(texts + ([article.title] if article.title else []), name_words),
        lede=_weighted_stems(lede, name_words), entities=entities, names=names,
        shingles=_shingles(texts), numbers=_numbers(features), dates=_dates(article, features),
        offices=office_holders(article, mentions), bare_offices=bare_holders(article, mentions),
        lede_vector=_mean_vector(features[:n], _title_vector(article)),
        years=_years(article, features), moment=when, moment_words=when_words,
        storms=storms(article.title or ""), weekday=day, weekday_words=day_words,
        results=results(([article.title] if article.title else []) + texts[:1]))
