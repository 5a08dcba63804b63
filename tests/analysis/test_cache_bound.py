"""The start-up cache stays within its size limit: other formats first, then least recently used."""
from __future__ import annotations

import os
import time

import pytest

from analysis import cache
from analysis.constants import STARTUP_CACHE_STALE_TMP_SECONDS, STARTUP_CACHE_SWEEP_TO

_KB = 1000


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("PARALLAX_CACHE", raising=False)
    monkeypatch.delenv("PARALLAX_CACHE_LIMIT", raising=False)
    return tmp_path


def _store(name: str, key: str, size: int, age_seconds: float = 0.0) -> str:
    """Store a table of about ``size`` bytes; its file last used ``age_seconds`` ago."""
    cache.cached_text(name, key, lambda: "x" * size)
    (path,) = [p for p in os.scandir(os.environ["PARALLAX_CACHE_DIR"])
               if p.name.startswith(f"{name}-{cache.digest(key)}")]
    when = time.time() - age_seconds
    os.utime(path.path, (when, when))
    return path.name


def _names(folder) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _total(folder) -> int:
    return sum(p.stat().st_size for p in folder.iterdir())


@pytest.mark.parametrize("text,expected", [("64MB", 64_000_000), ("64 MiB", 64 * 1024 * 1024),
                                           ("1.5GiB", int(1.5 * 1024 ** 3)), ("500k", 500_000),
                                           ("2 gb", 2_000_000_000), ("4096", 4096), ("0", 0)])
def test_a_size_is_read_with_its_unit(text, expected):
    assert cache.parse_size(text) == expected


@pytest.mark.parametrize("text", ["lots", "12 parsecs", "", "-5MB", "MB"])
def test_a_size_without_a_known_unit_is_refused_in_plain_words(text):
    with pytest.raises(ValueError, match="is not a size: write it as a number and a unit"):
        cache.parse_size(text)


def test_the_limit_comes_from_the_environment_with_its_unit(monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE_LIMIT", "3 MiB")
    assert cache.size_limit() == 3 * 1024 * 1024
    monkeypatch.setenv("PARALLAX_CACHE_LIMIT", "three")         # unreadable: the default
    assert cache.size_limit() == cache.STARTUP_CACHE_MAX_BYTES


def test_many_tables_keep_the_cache_within_its_limit(cache_in, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE_LIMIT", "50kB")
    for n in range(30):                                          # 30 x 10 kB written
        _store("table", f"t/{n}", 10 * _KB, age_seconds=1000 - n)
    assert _total(cache_in) <= 50 * _KB
    newest = _store("table", "t/new", 10 * _KB)
    assert newest in _names(cache_in)                            # the table just built is kept


def test_the_least_recently_used_go_first_and_a_read_counts_as_a_use(cache_in, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE_LIMIT", "1MB")
    old_read = _store("table", "a", 10 * _KB, age_seconds=5000)
    _store("table", "b", 10 * _KB, age_seconds=4000)
    _store("table", "c", 10 * _KB, age_seconds=3000)
    cache.cached_text("table", "a", lambda: pytest.fail("a hit must not rebuild"))   # "a" used now
    monkeypatch.setenv("PARALLAX_CACHE_LIMIT", "35kB")
    new = _store("table", "d", 10 * _KB)                         # 4 x 10 kB > 35 kB: sweep to 75 %
    assert _names(cache_in) == {old_read, new}                   # "b" then "c", the least recently used
    assert _total(cache_in) <= 35 * _KB * STARTUP_CACHE_SWEEP_TO


def test_files_of_another_format_go_before_recent_ones(cache_in, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE_LIMIT", "1MB")
    kept = _store("table", "a", 10 * _KB, age_seconds=9000)     # oldest, but of this format
    digest = "0123456789abcdef" * 2
    unversioned = cache_in / f"table-{digest}.txt"               # format 1 had no ".v" in its name
    other = cache_in / f"table-{digest}.v1.txt"
    for path in (unversioned, other):
        path.write_bytes(b"y" * 10 * _KB)                         # written just now
    monkeypatch.setenv("PARALLAX_CACHE_LIMIT", "25kB")
    new = _store("table", "b", 5 * _KB)
    assert _names(cache_in) == {kept, new}


def test_only_this_caches_files_are_removed_and_stale_temporary_files_go(cache_in, monkeypatch):
    foreign = cache_in / "notes.txt"
    foreign.write_bytes(b"z" * 40 * _KB)                         # not a cache file: never counted nor removed
    digest = "fedcba9876543210" * 2
    stale = cache_in / f"table-{digest}.v{cache.CACHE_FORMAT}.txt.k3j2h1.tmp"
    fresh = cache_in / f"table-{digest}.v{cache.CACHE_FORMAT}.txt.a1b2c3.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"t")
    long_ago = time.time() - STARTUP_CACHE_STALE_TMP_SECONDS - 60
    os.utime(stale, (long_ago, long_ago))
    monkeypatch.setenv("PARALLAX_CACHE_LIMIT", "30kB")
    stored = _store("table", "a", 10 * _KB)
    assert _names(cache_in) == {"notes.txt", fresh.name, stored}


def test_a_limit_of_zero_keeps_nothing_but_still_gives_the_table(cache_in, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE_LIMIT", "0")
    assert cache.cached_text("table", "a", lambda: "the table") == "the table"
    assert not list(cache_in.iterdir())
