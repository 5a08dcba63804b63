"""How common a word is in English, on wordfreq's Zipf scale, without importing wordfreq for plain words.

``wordfreq.zipf_frequency`` is the background the events stage measures rarity against and the
spelling rule's test of an established word.  Importing wordfreq (ftfy, langcodes and its tokenizer
come with it) and building its dict of 320,000 English words costs about 0.25 s of CPU in every
process, for the thousand words an analysis asks about.

Here a text of plain words (lower-case Latin letters, one space between words: what the engine asks
nearly always, "kyiv", "saudi arabia", "sánchez") is answered from a table built once from wordfreq's
own English list and kept in ``analysis.cache``: one sorted line per such word with its frequency
band in wordfreq's list, found by bisection; the frequencies of several words are combined, rounded and put
on the Zipf scale exactly as ``wordfreq.zipf_frequency`` does (wordfreq 3.1).  Anything else
(capitals, digits, apostrophes, another language), or no cache, goes to wordfreq itself.
``tests/analysis/test_frequencies.py`` checks the answers are wordfreq's.
"""
from __future__ import annotations

import math
import threading
import unicodedata
from functools import lru_cache

from analysis import cache
from analysis.sortedtext import first_line_at_least, line_end, whole_line

_FORMAT = "freq-en 2"
_LOCK = threading.Lock()
_LATIN_END = 0x250          # Basic Latin to Latin Extended-B: letters wordfreq tokenizes as they are
_MINIMUM = 10 ** 0.0 / 1e9  # wordfreq's frequency of Zipf 0, what a word it never saw gets


def plain(word: str) -> bool:
    """A word wordfreq's English tokenizer keeps as it is: Latin letters, lower case, composed."""
    return (word.isalpha() and all(ord(c) < _LATIN_END for c in word) and word == word.casefold()
            and unicodedata.is_normalized("NFC", word))


def zipf_frequency(text: str, lang: str = "en") -> float:
    """``wordfreq.zipf_frequency(text, lang)``: 0 (never seen) to about 8 ("the")."""
    words = text.split(" ")
    if lang == "en" and all(plain(w) for w in words):
        table = _table()
        if table is not None:
            return _zipf(table, words)
    from wordfreq import zipf_frequency as wordfreq_zipf  # Apache-2.0; frequencies in the wheel
    return wordfreq_zipf(text, lang)


def _zipf(lines: str, words: list[str]) -> float:
    """wordfreq's ``_word_frequency`` and ``zipf_frequency`` for words of the table's kind."""
    one_over = 0.0
    for word in words:
        freq = _frequency(lines, word)
        if freq is None:
            one_over = 0.0
            break
        one_over += 1.0 / freq
    freq = max(1.0 / one_over, _MINIMUM) if one_over else _MINIMUM
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


def _frequency(lines: str, word: str) -> float | None:
    """wordfreq's frequency of ``word``: its list's band ``i`` (centibels below 1) is 10 ** (-i / 100)."""
    key = word + "\t"
    i = first_line_at_least(lines, key, whole_line)
    if lines.startswith(key, i):
        return 10 ** (-int(lines[i + len(key):line_end(lines, i)]) / 100)
    return None


@lru_cache(maxsize=1)
def _table() -> str | None:
    """The text of sorted "word<TAB>frequency" lines (bisected as it is: ``analysis.sortedtext``),
    or None without wordfreq."""
    from analysis.resources import package_file
    source = package_file("wordfreq", "data", "large_en.msgpack.gz")
    if source is None or cache.cache_dir() is None:
        return None         # without a cache, building the table each time would cost more than wordfreq
    with _LOCK:
        return cache.cached_text("freq-en", f"{_FORMAT} {cache.file_key(source)}", _build)


def _build() -> str:
    """One line per plain word: the word and its band in wordfreq's list (the last band wins, as
    in wordfreq's own dict)."""
    from wordfreq import get_frequency_list
    band = {w: i for i, words in enumerate(get_frequency_list("en")) for w in words if plain(w)}
    return "\n".join(sorted(f"{w}\t{i}" for w, i in band.items()))
