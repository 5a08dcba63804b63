"""Python's own cache of compiled patterns, filled at start-up with the patterns earlier runs compiled.

The engine's modules compile ~340 regular expressions (at import and on first use), and Python's
regex compiler, written in Python, spends ~0.1 s of CPU on them in every process.  ``prefill()``
reads one file of the start-up cache (``analysis.cache``) holding each pattern's compiled code, as
``analysis.cache.compiled`` keeps one pattern's, and puts the patterns in ``re``'s own cache, where
every ``re.compile`` / ``re.search`` looks first: a call then gets the very pattern it would have
compiled (``Pattern.__eq__`` compares the code; ``_sre.compile`` checks the code before use).  It
never evicts what the cache holds.

``remember()``, after an analysis, stores the patterns of ``re``'s cache that the file lacked when
there are at least ``REGEX_SET_MIN_NEW`` of them (a first run, a new version of the engine), at most
once per process: the new ones first, then the others ``re`` holds, then the file's others, at most
``REGEX_SET_MAX_PATTERNS``, each checked to give the pattern ``re`` compiled, so that the file stays
bounded whatever texts are analysed.  Patterns must be the same text in every process to be found
again: an alternation built from a set is ordered with ``longest_first``.

Only where ``re``'s cache is the plain dict keyed ``(type, pattern, flags)`` that this fills (Python
3.11); elsewhere, and with the start-up cache off, both do nothing.
"""
from __future__ import annotations

import json
import re
import sys
import threading

from analysis import cache
from analysis.constants import REGEX_SET_MAX_PATTERNS, REGEX_SET_MIN_NEW

_NAME = "regex-set"
_FORMAT = "regex-set 1"
_PYTHONS = ((3, 11),)               # where re._compile reads re._cache as this module fills it
_LOCK = threading.Lock()
_known: set[tuple[str, int]] = set()   # (pattern, flags) the file holds, as this process last read or wrote it
_prefilled = False
_remembered = False


def _table() -> tuple[dict, int] | None:
    """``re``'s cache and the most it holds, when it is the kind this module fills."""
    table, most = getattr(re, "_cache", None), getattr(re, "_MAXCACHE", None)
    if sys.version_info[:2] not in _PYTHONS or not isinstance(table, dict) or not isinstance(most, int):
        return None
    return table, most


def _stored(magic: str) -> list:
    """The file's rows ``[pattern, flags, code parts]``, or [] (missing, damaged, another format)."""
    text = cache.stored_text(_NAME, f"{_FORMAT} {magic}")
    try:
        rows = json.loads(text) if text else []
    except ValueError:
        return []
    return rows if isinstance(rows, list) else []


def prefill() -> int:
    """Put the stored patterns in ``re``'s cache (once per process); how many were put there."""
    global _prefilled
    with _LOCK:
        compiler, found = cache.regex_compiler(), _table()
        if _prefilled or compiler is None or found is None or cache.cache_dir() is None:
            return 0
        _prefilled = True
        (_sre, magic), (table, most) = compiler, found
        count = 0
        for row in _stored(magic):
            if len(table) >= most:
                break                            # never push out what the cache holds
            try:
                pattern, flags, parts = row
                key = (str, pattern, flags)
                if type(pattern) is str and type(flags) is int and key not in table:
                    table[key] = cache.from_code(_sre, pattern, parts)
                    count += 1
                _known.add((pattern, flags))
            except (ValueError, TypeError, RuntimeError, OverflowError, re.error):
                continue                         # a row this Python cannot use: compiled as usual
        return count


def remember() -> int:
    """Store ``re``'s cached patterns in the file when enough are new to it (see the module's text);
    how many patterns the file then holds (0: nothing written)."""
    global _remembered
    with _LOCK:
        compiler, found = cache.regex_compiler(), _table()
        if _remembered or compiler is None or found is None or cache.cache_dir() is None:
            return 0
        current = [(p, f, compiled) for (kind, p, f), compiled in list(found[0].items())
                   if kind is str and type(p) is str and type(f) is int]
        if sum((p, f) not in _known for p, f, _ in current) < REGEX_SET_MIN_NEW:
            return 0
        _remembered = True
        _sre, magic = compiler
        stored = {(row[0], row[1]): row[2] for row in _stored(magic)
                  if isinstance(row, list) and len(row) == 3 and type(row[0]) is str and type(row[1]) is int}
        current.sort(key=lambda entry: (entry[0], entry[1]) in _known)     # this run's new ones first
        rows: list = []
        for pattern, flags, compiled in current:
            parts = stored.pop((pattern, flags), None)
            try:
                parts = parts or cache.regex_code(pattern, flags)
                if cache.from_code(_sre, pattern, parts) == compiled:
                    rows.append([pattern, flags, parts])
            except (ValueError, TypeError, RuntimeError, OverflowError, re.error):
                continue
        rows += [[p, f, parts] for (p, f), parts in stored.items()]     # the file's others, after
        rows = rows[:REGEX_SET_MAX_PATTERNS]
        cache.store_text(_NAME, f"{_FORMAT} {magic}", json.dumps(rows))
        _known.clear()
        _known.update((p, f) for p, f, _ in rows)
        return len(rows)


def longest_first(words) -> list[str]:
    """``words`` longest first (an alternation tries the longer of two overlapping words first),
    words of one length in alphabetical order: the same list in every process, where a set's own
    order changes with the string hash seed, so that a pattern built from it is the same text in
    every run and its compiled code can be reused (a regex alternation of distinct words of one
    length matches the same text in any order)."""
    return sorted(words, key=lambda w: (-len(w), w))
