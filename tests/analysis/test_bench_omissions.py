"""The omission benchmark's capture of the coverage stage: it must take what the pipeline hands the
stage, whatever the stage's signature grows (it broke when the alignment's vectors were added)."""
from __future__ import annotations

from types import SimpleNamespace

from analysis import pipeline
from analysis.bench import omissions as bench
from analysis.bench import text_article

TEXTS = ("The harbour bridge in Tarvo collapsed on Monday after a freighter struck a pier, officials said.\n\n"
         "Six workers are missing and divers searched the river all night.",
         "A freighter struck a pier of the Tarvo harbour bridge on Monday and it collapsed.\n\n"
         "Six workers are missing, officials said, and divers searched the river.")


class _Engine:
    """Stands for the shared checker's engine: it compares the event's articles with the pipeline."""

    def compare_articles(self, articles, tag):
        return pipeline.compare(articles)


def test_the_capture_keeps_the_coverage_inputs_and_the_comparison():
    articles = [text_article(t, f"a{i}", outlet=f"Outlet {i}") for i, t in enumerate(TEXTS, 1)]
    event = {"uuid": "0123456789ab", "articles": articles}
    replays = bench.capture(SimpleNamespace(Engine=_Engine), {"0123456789ab": event},
                            [{"triplet_uuid": "0123456789ab"}])
    replay, = replays
    facts, inputs, same, groups, agreement = replay.inputs
    assert [a.id for a in inputs] == ["a1", "a2"] and same == {"a1", "a2"}
    assert facts and agreement is not None and replay.json.facts == tuple(facts)
    assert pipeline._coverage is not None and "keep" not in pipeline._coverage.__qualname__
