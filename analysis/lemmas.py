"""lemminflect's two tables, read only for the words the engine looks up.

The engine reads lemmas and verb forms through lemminflect (claims, concepts, same-fact checks, word
choice, forms of names).  On first use lemminflect parses the whole of its two gzip-compressed CSV
files (120,000 lines) into dicts, line by line through ``gzip``'s ``readline``: about 0.35 s of CPU
in every process, the largest one-time load of a ``compare`` once ``inflect`` was gone, for the
few thousand words an analysis asks about.

``load_tables`` gives lemminflect's singletons tables of its own instead: each file decompressed in
one piece and split into lines, which are sorted by word; a word's lines are found by bisection
and parsed with the rules of lemminflect's codecs (``LemmaLUCodec``, ``InflectionLUCodec``,
lemminflect 0.2.3) the first time it is asked for.  lemminflect reads its tables only through
``.get(word, {})``, so every ``getAllLemmas`` / ``getInflection`` answers exactly as before
(``tests/analysis/test_lemmas.py`` compares every entry with lemminflect's own tables).  That the
files are sorted is checked once per installed file (``analysis.cache``); a file that is not, or
lemminflect's insides not as expected, and lemminflect loads its tables itself.
"""
from __future__ import annotations

import gzip
import threading
from bisect import bisect_left
from typing import Callable

from analysis import cache

_LOCK = threading.Lock()
_done = False
_FORMAT = "lemminflect-sorted 1"
Entry = dict[str, tuple[str, ...]]


def load_tables() -> None:
    """Install both tables in lemminflect (once per process; a no-op without lemminflect)."""
    global _done
    with _LOCK:
        if _done:
            return
        _done = True
        try:
            from lemminflect import config
            from lemminflect.core.Inflections import Inflections
            from lemminflect.core.Lemmatizer import Lemmatizer
        except ImportError:
            return
        lemmatizer, inflections = Lemmatizer(), Inflections()
        try:
            if not hasattr(lemmatizer, "lemma_dict"):
                table = lemma_table(config.lemma_lu_fn)
                if table is not None:
                    lemmatizer.lemma_dict = table
            if not hasattr(inflections, "infl_dict"):
                table = inflection_table(config.inflection_lu_fn)
                if table is not None:
                    inflections.infl_dict = table
        except (OSError, ValueError, KeyError, AttributeError, ImportError):
            pass        # lemminflect reads (or reports) its tables itself on first use


def _word(line: str) -> str:
    return line[:line.find(",")]


class LazyTable:
    """``get(word, default)`` over a table file's lines (sorted by word), each word's lines parsed
    by ``parse`` on its first look-up; ``fixed`` entries answer before the file."""

    def __init__(self, lines: list[str], parse: Callable[[list[str]], Entry],
                 fixed: dict[str, Entry] | None = None) -> None:
        self._lines, self._parse = lines, parse
        self._seen: dict[str, Entry | None] = dict(fixed or {})

    def get(self, word: str, default=None):
        if word not in self._seen:
            self._seen[word] = self._lookup(word)
        found = self._seen[word]
        return default if found is None else found

    def _lookup(self, word: str) -> Entry | None:
        lines = self._lines
        i = bisect_left(lines, word, key=_word)
        rows = []
        while i < len(lines) and _word(lines[i]) == word:
            rows.append(lines[i])
            i += 1
        return self._parse(rows) if rows else None


def _sorted_lines(path: str) -> list[str] | None:
    """The file's lines when they are sorted by word (checked once per installed file), else None."""
    with open(path, "rb") as f:
        lines = gzip.decompress(f.read()).decode().splitlines()

    def check() -> str:
        words = [_word(line) for line in lines]
        return "sorted" if all(a <= b for a, b in zip(words, words[1:])) else "unsorted"
    verdict = cache.cached_text("lemminflect-order", f"{_FORMAT} {cache.file_key(path)}", check)
    return lines if verdict == "sorted" else None


def lemma_table(path: str) -> LazyTable | None:
    """word -> {upos: lemma spellings}, as ``LemmaLUCodec.load`` builds it."""
    from lemminflect.core.LexicalUtils import categoryToUPos
    lines = _sorted_lines(path)
    if lines is None:
        return None

    def parse(rows: list[str]) -> Entry:
        entry: Entry = {}
        for row in rows:
            _, category, forms = row.strip().split(",")
            entry[categoryToUPos(category)] = tuple(forms.split("/"))
        return entry
    return LazyTable(lines, parse)


def inflection_table(path: str) -> LazyTable | None:
    """lemma -> {Penn tag: spellings}, as ``InflectionLUCodec.load`` builds it (base forms included,
    the auxiliaries and modals as lemminflect hard-codes them)."""
    from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec as Codec
    from lemminflect.slexicon.SKey import SKey
    base = {SKey.NOUN: ("NN",), SKey.ADJ: ("JJ",), SKey.ADV: ("RB",), SKey.VERB: ("VB", "VBP"),
            SKey.AUX: ("VB",), SKey.MODAL: ("VB",)}
    lines = _sorted_lines(path)
    if lines is None:
        return None

    def parse(rows: list[str]) -> Entry:
        entry: Entry = {}
        for row in rows:
            word, category, *forms = row.strip().split(",")
            if category not in base:
                raise ValueError(f"Unrecognized category: {category}")
            for ftype, form in zip(Codec.penn_dict.get(category, ()), forms):
                spellings = tuple(form.split("/"))
                if len(spellings) > 1 or spellings[0]:
                    entry[ftype] = spellings
            for tag in base[category]:
                entry[tag] = (word,)
        return entry
    return LazyTable(lines, parse, Codec.updateForAuxMod({}))
