"""Compiled patterns kept between runs: the next process gets re.compile's very patterns, uncompiled."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap

import pytest

from analysis import cache, regexcache

_WORDS = ("ferry", "harbour", "pier", "tug", "quay", "dock", "wharf", "jetty", "buoy", "mooring",
          "berth", "slipway")
PATTERNS = [(rf"(?P<who>[A-Z]\w+)\s+(?:at|near)\s+the\s+{w}\b(?:\s+(\w+)){{0,2}}", re.IGNORECASE if n % 2 else 0)
            for n, w in enumerate(_WORDS)]
_TEXT = "Ora near the ferry said it; Pell at the Pier left early. Bo at the quay. Tam near the slipway now"


@pytest.fixture
def next_process(tmp_path, monkeypatch):
    """A start-up cache in tmp_path, and a function that makes this process look like a new one: an
    empty ``re`` cache and no pattern read or stored yet."""
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("PARALLAX_CACHE", raising=False)
    monkeypatch.delenv("PARALLAX_CACHE_LIMIT", raising=False)

    def fresh() -> None:
        monkeypatch.setattr(re, "_cache", {})
        monkeypatch.setattr(regexcache, "_prefilled", False)
        monkeypatch.setattr(regexcache, "_remembered", False)
        monkeypatch.setattr(regexcache, "_known", set())
    fresh()
    return fresh


@pytest.fixture
def compiles(monkeypatch):
    """The patterns Python's regex compiler compiles from now on."""
    from re import _compiler
    seen = []
    real = _compiler.compile

    def counting(pattern, flags=0):
        seen.append(pattern)
        return real(pattern, flags)
    monkeypatch.setattr(_compiler, "compile", counting)
    return seen


def _compile_all():
    return [re.compile(p, f) for p, f in PATTERNS]


def test_patterns_of_one_run_come_back_compiled_in_the_next(next_process, compiles):
    first = _compile_all()
    assert regexcache.remember() >= len(PATTERNS)
    next_process()
    assert regexcache.prefill() >= len(PATTERNS)
    compiles.clear()
    again = _compile_all()
    assert compiles == []                                   # not one compiled again
    for got, plain in zip(again, first):
        assert got == plain                                 # Pattern equality compares the compiled code
        assert (got.pattern, got.flags, got.groups, got.groupindex) == \
            (plain.pattern, plain.flags, plain.groups, plain.groupindex)
        assert [(m.span(), m.groups()) for m in got.finditer(_TEXT)] == \
            [(m.span(), m.groups()) for m in plain.finditer(_TEXT)]


def test_a_run_with_few_new_patterns_writes_nothing(next_process, tmp_path):
    for pattern, flags in PATTERNS[:regexcache.REGEX_SET_MIN_NEW - 1]:
        re.compile(pattern, flags)
    assert regexcache.remember() == 0
    assert not list(tmp_path.iterdir())


def test_the_set_is_bounded_and_keeps_this_runs_new_patterns_first(next_process, monkeypatch):
    _compile_all()
    regexcache.remember()
    next_process()
    regexcache.prefill()
    newer = [(p.replace("(?P<who>", "(?P<name>"), f) for p, f in PATTERNS]
    for pattern, flags in newer:
        re.compile(pattern, flags)
    monkeypatch.setattr(regexcache, "REGEX_SET_MAX_PATTERNS", 5)
    assert regexcache.remember() == 5
    next_process()
    assert regexcache.prefill() == 5
    assert {p for (_, p, _f) in re._cache} <= {p for p, _ in newer}      # the new ones were kept


def test_a_damaged_set_is_ignored_and_patterns_compile_as_usual(next_process, tmp_path, compiles):
    _compile_all()
    regexcache.remember()
    (stored,) = tmp_path.iterdir()
    data = stored.read_bytes()
    stored.write_bytes(data[:-40] + b"[[" + data[-38:])
    next_process()
    assert regexcache.prefill() == 0
    compiles.clear()
    assert _compile_all()[0] == re._compiler.compile(*PATTERNS[0])
    assert len(compiles) == len(PATTERNS) + 1


def test_nothing_is_read_or_written_with_the_cache_off(next_process, tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE", "off")
    _compile_all()
    assert regexcache.remember() == 0 and regexcache.prefill() == 0
    assert not list(tmp_path.iterdir())


def test_longest_first_orders_ties_alphabetically():
    assert regexcache.longest_first({"said", "told", "wrote", "added", "says"}) == \
        ["added", "wrote", "said", "says", "told"]


def test_the_engines_alternations_are_the_same_text_in_every_process():
    # They were built from sets in their order, which changes with the string hash seed: each
    # process compiled another text, and the compiled code of one run could not serve the next.
    code = textwrap.dedent("""
        from analysis import cache
        from analysis.align import claims
        from analysis.segment import sentences, tokens
        print(cache.digest(claims._speech_verbs() + sentences._ATTRIBUTION.pattern + tokens._TOKEN.pattern))
    """)
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONPATH": os.getcwd(), "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        outs.add(done.stdout.strip())
    assert len(outs) == 1
    assert cache.digest("") not in outs
