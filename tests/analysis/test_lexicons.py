"""Every lexicon in resources/lexicons/ parses, carries its header and holds clean, unique entries."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from analysis import lexicons
from analysis.lexicons import LEXICON_DIR, REQUIRED_HEADER_KEYS, available_lexicons, load_lexicon, parse_lexicon

ALL = available_lexicons()

# Lexicons whose entries must each carry a label, and the labels each may use.
LABELLED = {
    "attribution_verbs": {"neutral", "assertive", "doubt", "concession", "tentative", "emotive"},
    "hedges": {"modal", "verb", "adverb", "adjective", "approximator", "phrase"},
    "boosters": {"adverb", "adjective", "verb", "phrase"},
    "intensifiers": {"maximizer", "amplifier", "adjective", "extent"},
    "loaded": {"emotive", "pejorative", "dramatic", "euphemism"},
    "evaluative": {"judgement", "manner", "reaction"},
    "metaphors": {"violent", "theatre"},
    "quantity_slots": {"death", "injury", "missing", "arrest", "displaced", "vote", "cost"},
    "modals": {"possibility", "necessity", "prediction"},
    "factives": {"factive", "implicative", "assertive"},
    "stance": {"reject", "resist", "hesitate", "open", "accept"},
    "frames": {"economic", "capacity_resources", "morality", "fairness_equality", "legality", "policy",
               "crime", "security_defense", "health", "quality_of_life", "cultural_identity",
               "public_opinion", "political", "external_regulation"},
    "name_variants": None,      # labels are free actor keys, but never empty
    "given_names": {"m", "f"},
    "person_nouns": {"m", "f", "n"},
    "predicate_classes": None,  # labels are free class names, but never empty
    "senses": {"urgency", "fear", "destruction", "impact", "casualty", "downfall", "rarity", "instability",
               "grief", "hope", "aid", "calamity", "destruction,downfall", "destruction,impact", "aid,hope"},
    "ascribing_verbs": {"as", "label"},
    "open_claims": {"warning", "forecast", "estimate", "search", "plan", "risk", "quantity", "feared"},
    "object_nouns": {"building", "worship", "place", "artefact", "vehicle", "nature", "hazard"},
    "literal_phrases": {"device", "physical", "technical", "name"},
}


def _entry_lines(name: str) -> list[str]:
    raw = (LEXICON_DIR / f"{name}.txt").read_text(encoding="utf-8")
    return [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]


def test_the_lexicons_framing_and_tone_rely_on_exist():
    assert set(LABELLED) <= set(ALL)


@pytest.mark.parametrize("name", ALL)
def test_parses_with_required_header(name):
    lex = load_lexicon(name)
    for key in REQUIRED_HEADER_KEYS:
        assert lex.header.get(key), f"{name}: empty header key {key}"
    assert lex.entries, f"{name}: no entries"


@pytest.mark.parametrize("name", sorted(LABELLED))
def test_our_lexicons_are_cc0_and_sized(name):
    lex = load_lexicon(name)
    assert lex.header["licence"] == "CC0-1.0, written for Parallax"
    assert lex.header["name"] == name
    assert 20 <= len(lex.entries) <= 600


def test_no_term_in_two_word_choice_lexicons():
    # a word has one kind: the framing rule and the tone rates count it once
    names = ("loaded", "evaluative", "metaphors", "intensifiers", "attribution_verbs", "hedges", "boosters")
    seen: dict[str, str] = {}
    clashes = []
    for name in names:
        for term in load_lexicon(name).entries:
            if term in seen:
                clashes.append((term, seen[term], name))
            seen.setdefault(term, name)
    assert not clashes, clashes[:20]


@pytest.mark.parametrize("name", ALL)
def test_no_duplicate_terms(name):
    terms = [line.partition("\t")[0].strip().lower().replace("’", "'") for line in _entry_lines(name)]
    dupes = sorted({t for t in terms if terms.count(t) > 1})
    assert not dupes, f"{name}: duplicate terms {dupes}"


@pytest.mark.parametrize("name", ALL)
def test_terms_are_clean_lower_case(name):
    for line in _entry_lines(name):
        term = line.partition("\t")[0]
        assert term == term.strip() and term == term.lower(), f"{name}: {line!r}"
        assert re.fullmatch(r"[\w.'’ -]+", term), f"{name}: odd characters in {term!r}"


@pytest.mark.parametrize("name", sorted(LABELLED))
def test_labels_present_and_known(name):
    allowed = LABELLED[name]
    for line in _entry_lines(name):
        term, tab, label = line.partition("\t")
        assert tab and label.strip(), f"{name}: {term!r} has no label"
        if allowed is not None:
            assert label.strip() in allowed, f"{name}: {term!r} has unknown label {label!r}"


@pytest.mark.parametrize("name", ALL)
def test_every_term_finds_itself(name):
    lex = load_lexicon(name)
    for term, label in lex.entries.items():
        hits = lex.find(f"x {term} y")
        assert (2, 2 + len(term), term, label) in hits, f"{name}: {term!r} does not match itself"


def test_matching_is_whole_word_and_quote_insensitive():
    lex = load_lexicon("attribution_verbs")
    assert [h[2] for h in lex.find("He said, she resaid, they sayings, well-said")] == ["said"]
    assert lex.find("Kyiv’s leadership has warned")[0][2:] == ("warned", "assertive")
    names = load_lexicon("name_variants")
    assert names.find("Kyiv’s leadership")[0][2:] == ("kyiv's leadership", "ukraine-gov")


def test_header_is_required():
    with pytest.raises(ValueError):
        parse_lexicon("bad", "# name: bad\nword\tlabel\n")


@pytest.mark.parametrize("name", ALL)
def test_trie_pattern_matches_like_the_plain_alternation(name, seed_paths):
    # the reference: every term as its own alternative, longest first
    lex = load_lexicon(name)
    terms = sorted(lex.entries, key=len, reverse=True)
    plain = "|".join(re.escape(t).replace(r"\ ", r"\s+").replace("'", "['’]") for t in terms)
    reference = re.compile(rf"(?<![\w-])(?:{plain})(?![\w-])", re.IGNORECASE)
    texts = [p.read_text(encoding="utf-8") for p in seed_paths] + [" ".join(terms), " ".join(terms).upper()]
    for text in texts:
        assert [m.span() for m in lex.pattern.finditer(text)] == [m.span() for m in reference.finditer(text)]


def test_the_speech_cue_pattern_matches_like_the_plain_alternation(seed_paths):
    # cue_pattern is a trie of the speech verbs; the reference is the alternation it replaced
    from analysis.lexicons import speech_verbs
    from analysis.signals.attribution.verbs import _NOT_CUES, cue_pattern

    terms = sorted({t for t in speech_verbs() if t not in _NOT_CUES} | {"according to"}, key=len, reverse=True)
    plain = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)
    reference = re.compile(rf"(?<![\w-])(?:{plain})(?![\w-])", re.IGNORECASE)
    written = ("The mayor said on Monday, according to  aides, that she would not resign; he added, "
               "noting the cost, that talks were continuing. ACCORDING TO the clerk, they re-said it.")
    texts = [p.read_text(encoding="utf-8") for p in seed_paths] + [written, " ".join(terms), " ; ".join(terms).upper()]
    for text in texts:
        found = [(m.span(), m.group(0)) for m in cue_pattern().finditer(text)]
        assert found == [(m.span(), m.group(0)) for m in reference.finditer(text)]
        assert found or text is written
    # whole words only: "re-said" is no cue
    assert [m.group(0) for m in cue_pattern().finditer(written)] == ["said", "according to", "added", "noting",
                                                                     "ACCORDING TO"]



def test_each_pattern_is_the_trie_compiled_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path))
    for name in ALL:
        entries = load_lexicon(name).entries
        if not entries:
            continue
        fresh = re.compile(rf"(?<![\w-])(?:{lexicons.trie_pattern(entries)})(?![\w-])", re.IGNORECASE)
        for _ in range(2):                              # built, then read back from the cache
            assert lexicons.whole_words_pattern(entries) == fresh, name


def test_the_cached_trie_follows_the_terms_not_their_order(tmp_path, monkeypatch):
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path))
    terms = ["said", "says", "saying", "told"]
    a = lexicons.cached_trie(terms)
    assert a == lexicons.cached_trie(reversed(terms)) == lexicons.trie_pattern(terms)
    assert lexicons.cached_trie(terms[:2]) == lexicons.trie_pattern(terms[:2]) != a


def test_the_trie_builders_code_digest_is_stable_and_follows_the_code():
    code = "from analysis.lexicons import _TRIE_CODE; print(_TRIE_CODE)"
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           timeout=120, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")}
    assert len(runs) == 1 and lexicons._TRIE_CODE in runs.pop()

    def other(terms):
        return "|".join(terms)
    assert lexicons._code_digest(lexicons.trie_pattern) != lexicons._code_digest(other)
