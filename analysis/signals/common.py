"""Small helpers shared by the per-article signals (readability, sentiment, tone, voices).

Words here are the article's tokens that hold a letter or digit (``Article.word_count`` counts the
same ones), so every rate "per 1,000 words" divides by the word count the user sees.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Callable, Iterable, Sequence

from analysis.constants import LANGUAGE_MIN_WORDS, MIN_ENGLISH_FUNCTION_WORD_SHARE
from analysis.model import Article, Sentence, Token

# Very frequent English function words: a text in another language has almost none of them.
_ENGLISH_FUNCTION_WORDS = frozenset("""
the of and to a in is that for on it with as was by at be are he his have has from this not but
they will said an or were which its their been would had who i we you she her them our there
""".split())

_WORD = re.compile(r"\w+(?:['’.\-]\w+)*", re.UNICODE)


@lru_cache(maxsize=100_000)
def is_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def word_tokens(article: Article) -> list[Token]:
    return [t for t in article.tokens if is_word(t.text)]


def words_of(text: str) -> list[str]:
    """Words of a free text (quotes, clauses), split like the segmenter's tokens."""
    return _WORD.findall(text)


def count_words(text: str) -> int:
    return len(words_of(text))


def tokens_by_sentence(article: Article) -> list[list[Token]]:
    """Word tokens grouped by sentence index (one list per sentence, possibly empty)."""
    out: list[list[Token]] = [[] for _ in article.sentences]
    for t in article.tokens:
        if is_word(t.text) and 0 <= t.sentence < len(out):
            out[t.sentence].append(t)
    return out


def english_share(words: Iterable[str]) -> tuple[int, float]:
    """(number of words, share of them that are common English function words)."""
    words = [w.lower() for w in words]
    if not words:
        return 0, 0.0
    return len(words), sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)


_LANGUAGE_NOTES: dict[tuple[str, str], str | None] = {}     # (language, digest) -> note


def language_note(article: Article) -> str | None:
    """Why English-only lexicons and formulas do not apply to ``article``, or None when they do.

    Ingest sets ``Article.language``; the function-word check repeats it cheaply so that articles
    built by hand (tests, paste) get the same protection.  Cached per text: every signal asks.
    """
    if article.language and not article.language.lower().startswith("en"):
        return f"not computed: the article's language is {article.language}, the method is English-only"
    key = (article.language, article.digest)
    if key not in _LANGUAGE_NOTES:
        if len(_LANGUAGE_NOTES) > 10_000:
            _LANGUAGE_NOTES.clear()
        _LANGUAGE_NOTES[key] = _english_note(article)
    return _LANGUAGE_NOTES[key]


def _english_note(article: Article) -> str | None:
    n, share = english_share(t.text for t in word_tokens(article))
    if n >= LANGUAGE_MIN_WORDS and share < MIN_ENGLISH_FUNCTION_WORD_SHARE:
        return ("not computed: the text does not read as English "
                f"({share:.0%} common English words), the method is English-only")
    return None


def sentences_by_ids(article: Article, sentence_ids: Sequence[str] | None) -> list[Sentence]:
    """The article's sentences with these ids, in text order (all of them when ids is None)."""
    if sentence_ids is None:
        return list(article.sentences)
    wanted = set(sentence_ids)
    return [s for s in article.sentences if s.id in wanted]


def per_thousand(count: float, words: int) -> float | None:
    """A rate per 1,000 words; None (absent) when there are no words to divide by."""
    return round(1000.0 * count / words, 2) if words else None


def inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of ``spans`` (sorted or not; spans are few)."""
    return any(s <= start and end <= e for s, e in spans)


def span_cover(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """``inside(spans, start, end)`` as a test to ask many times: O(log n) a call instead of O(n)
    (every token of an article is tested against its quotes).  Sorted by start, a span holds
    [start, end) iff some span starting at or before ``start`` reaches ``end``: a prefix maximum."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))

    def covered(start: int, end: int) -> bool:
        i = bisect_right(starts, start) - 1
        return i >= 0 and reach[i] >= end
    return covered
