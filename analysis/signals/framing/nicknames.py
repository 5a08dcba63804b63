"""Given names and their nicknames ("Steve" for Steven), read from the ``nicknames`` package's list.

The list (Apache-2.0, ``nicknames/names.csv``: rows ``name,relationship,name``) is read straight from
the installed package folder, found without importing the package: ``import nicknames`` runs its
``_version`` module, which imports ``importlib.metadata`` and searches the installed distributions
for its own version (~0.03 s of CPU in every first compare, for a number the engine never reads).
The tables are the ones ``nicknames.NickNamer()`` builds (its ``has_nickname`` rows, names lower-cased
and stripped, the canonical table its inverse), and the look-ups answer as ``nicknames_of`` and
``canonicals_of`` do (``tests/analysis/test_startup.py`` compares them with the package's own).
"""
from __future__ import annotations

import csv
import io
import os
from functools import lru_cache

from analysis.resources import package_file

LIST_FILE = "names.csv"
NICKNAME = "has_nickname"           # the rows NickNamer reads; the Spanish translations are not nicknames


class NicknameList:
    """``nicknames_of(name)`` and ``canonicals_of(name)``: sets of lower-case names (a copy)."""

    def __init__(self, rows: list[list[str]]) -> None:
        nicknames: dict[str, set[str]] = {}
        for canonical, relationship, nickname in rows:
            if relationship == NICKNAME:
                nicknames.setdefault(_normal(canonical), set()).add(_normal(nickname))
        canonicals: dict[str, set[str]] = {}
        for canonical, names in nicknames.items():
            for name in names:
                canonicals.setdefault(name, set()).add(canonical)
        self._nicknames, self._canonicals = nicknames, canonicals

    def nicknames_of(self, name: str) -> set[str]:
        return set(self._nicknames.get(_normal(name), ()))

    def canonicals_of(self, name: str) -> set[str]:
        return set(self._canonicals.get(_normal(name), ()))


def _normal(name: str) -> str:
    return name.lower().strip()


@lru_cache(maxsize=1)
def nickname_list() -> NicknameList:
    """The installed list, read once per process; ``OSError`` when the package or its file is missing."""
    folder = package_file("nicknames")
    if folder is None:
        raise OSError("the nicknames package is not installed")
    with open(os.path.join(folder, LIST_FILE), encoding="utf-8") as f:
        text = f.read()
    rows = list(csv.reader(io.StringIO(text)))[1:]      # the header row first
    return NicknameList([row for row in rows if len(row) == 3])
