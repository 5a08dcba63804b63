"""lemminflect's two tables, read only for the words the engine looks up.

The engine reads lemmas and verb forms through lemminflect (claims, concepts, same-fact checks, word
choice, forms of names).  On first use lemminflect parses the whole of its two gzip-compressed CSV
files (120,000 lines) into dicts, line by line through ``gzip``'s ``readline``: about 0.35 s of CPU
in every process, the largest one-time load of a ``compare`` once ``inflect`` was gone, for the
few thousand words an analysis asks about.

``load_tables`` gives lemminflect's singletons tables of its own instead: each file decompressed in
one piece (once per installed file: the text is kept in ``analysis.cache``), its lines sorted by
word; a word's lines are found by bisection over the text (no list of lines is built) and parsed
with the rules of lemminflect's codecs (``LemmaLUCodec``, ``InflectionLUCodec``, lemminflect
0.2.3) the first time it is asked for; lemminflect's deep copy of each entry it returns is a plain
copy of the dict (``Entry``).  lemminflect reads its tables only through
``.get(word, {})``, so every ``getAllLemmas`` / ``getInflection`` answers exactly as before
(``tests/analysis/test_lemmas.py`` compares every entry with lemminflect's own tables).  That the
files are sorted is checked once per installed file (``analysis.cache``); a file that is not, or
lemminflect's insides not as expected, and lemminflect loads its tables itself.
"""
from __future__ import annotations

import gzip
import threading
from typing import Callable

from analysis import cache
from analysis.sortedtext import first_line_at_least, line_end

_LOCK = threading.Lock()
_done = False
_FORMAT = "lemminflect-sorted 2"


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


class Entry(dict):
    """One word's entry: {tag: spellings}, the spellings a tuple of strings.  lemminflect deep-copies
    an entry on every look-up; its values are immutable, so a copy of the dict is that deep copy
    (``copy.deepcopy`` asks ``__deepcopy__``), without the deep-copy machinery's walk of each tuple
    (~0.1 s of CPU over a ``compare`` of the seeds)."""

    def __deepcopy__(self, memo: dict) -> dict[str, tuple[str, ...]]:
        return dict(self)


class LazyTable:
    """``get(word, default)`` over a table file's text (lines sorted by word), each word's lines
    found by bisection over the text itself (no list of lines is built) and parsed by ``parse`` on
    its first look-up; ``fixed`` entries answer before the file."""

    def __init__(self, text: str, parse: Callable[[list[str]], Entry],
                 fixed: dict[str, Entry] | None = None) -> None:
        self._text, self._parse = text, parse
        self._seen: dict[str, Entry | None] = {w: Entry(e) for w, e in (fixed or {}).items()}

    def get(self, word: str, default=None):
        if word not in self._seen:
            self._seen[word] = self._lookup(word)
        found = self._seen[word]
        return default if found is None else found

    def _lookup(self, word: str) -> Entry | None:
        text = self._text
        at = first_line_at_least(text, word, _word)
        rows = []
        while at < len(text):
            end = line_end(text, at)
            if _word(text, at, end) != word:
                break
            rows.append(text[at:end])
            at = end + 1
        return self._parse(rows) if rows else None


def _word(text: str, start: int, end: int) -> str:
    """The word of the line text[start:end]: up to its first comma (a line without one: all but
    its last character, as ``line[:line.find(",")]`` reads it)."""
    comma = text.find(",", start, end)
    return text[start:comma] if comma >= 0 else text[start:end - 1]


def _sorted_text(path: str) -> str | None:
    """The file's text, decompressed, when its lines are sorted by word and end only in "\\n"
    (checked once per installed file; the text itself is kept in the start-up cache), else None."""
    def decompressed() -> str:
        with open(path, "rb") as f:
            return gzip.decompress(f.read()).decode()

    key = f"{_FORMAT} {cache.file_key(path)}"
    text = cache.cached_text("lemminflect-text", key, decompressed)

    def check() -> str:
        lines = text.splitlines()
        if text.split("\n")[:len(lines)] != lines or len(text.split("\n")) > len(lines) + 1:
            return "other line breaks"
        words = [line[:line.find(",")] for line in lines]
        return "sorted" if all(a <= b for a, b in zip(words, words[1:])) else "unsorted"
    verdict = cache.cached_text("lemminflect-order", key, check)
    return text if verdict == "sorted" else None


def lemma_table(path: str) -> LazyTable | None:
    """word -> {upos: lemma spellings}, as ``LemmaLUCodec.load`` builds it."""
    from lemminflect.core.LexicalUtils import categoryToUPos
    text = _sorted_text(path)
    if text is None:
        return None

    def parse(rows: list[str]) -> Entry:
        entry = Entry()
        for row in rows:
            _, category, forms = row.strip().split(",")
            entry[categoryToUPos(category)] = tuple(forms.split("/"))
        return entry
    return LazyTable(text, parse)


def inflection_table(path: str) -> LazyTable | None:
    """lemma -> {Penn tag: spellings}, as ``InflectionLUCodec.load`` builds it (base forms included,
    the auxiliaries and modals as lemminflect hard-codes them)."""
    from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec as Codec
    from lemminflect.slexicon.SKey import SKey
    base = {SKey.NOUN: ("NN",), SKey.ADJ: ("JJ",), SKey.ADV: ("RB",), SKey.VERB: ("VB", "VBP"),
            SKey.AUX: ("VB",), SKey.MODAL: ("VB",)}
    text = _sorted_text(path)
    if text is None:
        return None

    def parse(rows: list[str]) -> Entry:
        entry = Entry()
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
    return LazyTable(text, parse, Codec.updateForAuxMod({}))
