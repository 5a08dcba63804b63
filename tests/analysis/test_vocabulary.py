"""The vocabulary (analysis/vocabulary/) declares every kind and metric the engine emits."""
from __future__ import annotations

import pytest

from analysis.vocabulary import kinds, metrics


@pytest.fixture(scope="module")
def comparison(seed_articles):
    from analysis import compare
    return compare(seed_articles)


def _flat(values, prefix=""):
    for key, value in values.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            if value and all(".s" in str(k) for k in value):
                continue            # per-sentence breakdowns: detail, not metrics
            yield from _flat(value, name + ".")
        elif metrics.scalar(value) is not None:
            yield name


def test_every_emitted_kind_is_in_the_catalogue(comparison):
    emitted = {f.kind for f in comparison.findings}
    assert emitted and emitted <= set(kinds.KINDS), emitted - set(kinds.KINDS)


def test_every_kind_has_a_family_label_and_rule():
    for k in kinds.KINDS.values():
        assert k.family in kinds.FAMILIES and k.label and k.rule.endswith(".") and 0 < k.base_score <= 1


def test_unknown_kind_is_a_key_error_but_reads_as_words():
    with pytest.raises(KeyError):
        kinds.kind_info("made_up_kind")
    assert kinds.label("made_up_kind") == "Made up kind"


def test_every_emitted_metric_is_declared(comparison):
    undeclared = {key for a in comparison.articles for key in _flat(comparison.metrics[a.id])
                  if not metrics.declared(key)}
    assert undeclared == set()


def test_every_declared_metric_is_emitted_on_the_seeds(comparison):
    first = comparison.metrics[comparison.articles[0].id]
    missing = [m.key for m in metrics.METRICS + metrics.CHARTS if metrics.value(first, m) is None
               and m.key != "tone.passive.agentless_share"]
    assert missing == []


def test_value_reads_a_nested_path_and_refuses_non_numbers():
    values = {"tone": {"rates_per_1k": {"loaded": 3.5}, "quote_share": "x"}}
    assert metrics.value(values, metrics.LOADED) == 3.5
    assert metrics.value(values, metrics.QUOTED) is None
    assert metrics.value(None, metrics.GRADE) is None


def test_engine_text_reads_with_outlet_names_instead_of_ids():
    from analysis.vocabulary.wording import in_words
    names = {"a2": "Harbour Post", "a4": "CNN"}
    assert in_words("CNN (a4) leaves out the vote", names) == "CNN leaves out the vote"
    assert in_words("see a2.s3 and a4.s10", names) == "see Harbour Post, sentence 3 and CNN, sentence 10"
    assert in_words("used_by a2; a4 differs", names) == "used_by Harbour Post; CNN differs"
    # Only known ids change: other words that look like ids stay as they are.
    assert in_words("a9 and A4 paper, a 4 and a2x", names) == "a9 and A4 paper, a 4 and a2x"


def test_the_reason_an_article_was_put_apart_reads_as_an_editor_would_say_it():
    from analysis.vocabulary.wording import other_event_reason
    clash = "another event: it names Ann Lee as mayor where the others name Bo Lind; closest is CNN: both name Oslo"
    assert other_event_reason(clash) == "it names Ann Lee as mayor where the others name Bo Lind"
    assert other_event_reason(clash, closest=True) == ("it names Ann Lee as mayor where the others name Bo Lind; "
                                                       "the closest is CNN: both name Oslo")
    assert other_event_reason("another event; closest is CNN: both name Oslo") == (
        "it shares too little with the others (the closest is CNN: both name Oslo)")
    assert other_event_reason("another event") == ""
