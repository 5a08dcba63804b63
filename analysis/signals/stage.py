"""The signals stage of the pipeline: per-article metrics, quotes and voices, framing findings.

Glue only: each signal lives in its own module; this one calls them in order and reports progress.
The voice table, voice omissions and framing findings are computed over same-event articles only,
since an article about another event neither speaks in, omits a voice of nor frames the same event.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from analysis.constants import SIGNALS_PARALLEL_MIN_ARTICLES
from analysis.model import Article, Fact, Finding, Quote, Voice
from analysis.workers import side_by_side


@dataclass(frozen=True)
class Signals:
    metrics: Mapping[str, Mapping[str, Any]]
    quotes: tuple[Quote, ...]
    voices: tuple[Voice, ...]
    findings: list[Finding]


def run(articles: Sequence[Article], facts: Sequence[Fact], same_event: set[str],
        progress: Callable[[float, str], None]) -> Signals:
    from analysis.signals.framing import framing_findings
    from analysis.signals.framing.wording import word_choice_summary
    from analysis.signals.metrics import comparison_metrics
    from analysis.signals.voices import find_quotes, voice_findings, voices

    quotes = tuple(q for a in articles for q in find_quotes(a))
    progress(0.72, "metrics")
    peers = [a for a in articles if a.id in same_event]

    def voices_and_framing() -> tuple[tuple[Voice, ...], list[Finding], list[Finding]]:
        progress(0.8, "voices")
        peer_quotes = tuple(q for q in quotes if q.article in same_event)
        # The voice table compares the event's outlets: an article put in another event has no row in it.
        voice_table = tuple(voices(peers, peer_quotes))
        found = list(voice_findings(peers, voice_table, peer_quotes)) if len(peers) > 2 else []
        progress(0.85, "framing")
        return voice_table, found, framing_findings(facts, {a.id: a for a in peers})

    # Metrics read nothing the voices and framing write: on a large comparison they are computed by
    # a second worker meanwhile (``analysis.workers``; the same figures), which reports no progress.
    # One set of main actors for all articles, so "sentiment toward X" compares like with like.
    (voice_table, findings, framing), metrics = side_by_side(
        voices_and_framing, lambda: comparison_metrics(articles, quotes),
        len(articles) >= SIGNALS_PARALLEL_MIN_ARTICLES)
    findings += framing
    # The word choices depend on the event (its own vocabulary is not counted): per outlet, after framing.
    for aid, summary in word_choice_summary(framing, peers).items():
        if "tone" in metrics.get(aid, {}) and metrics[aid]["tone"]:
            metrics[aid]["tone"]["word_choice"] = summary
    return Signals(metrics, quotes, voice_table, findings)
