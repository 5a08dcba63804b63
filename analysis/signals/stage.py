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
from analysis.workers import side_by_side, split_map


@dataclass(frozen=True)
class Signals:
    metrics: Mapping[str, Mapping[str, Any]]
    quotes: tuple[Quote, ...]
    voices: tuple[Voice, ...]
    findings: list[Finding]


def article_quotes(articles: Sequence[Article]) -> list[tuple[Quote, ...]]:
    """Each article's quotes (``voices.find_quotes``), in article order: each reads its article alone,
    so they may be found in another process (``pipeline``: beside the clustering of facts)."""
    from analysis.signals.voices import find_quotes
    return [find_quotes(a) for a in articles]


def run(articles: Sequence[Article], facts: Sequence[Fact], same_event: set[str],
        progress: Callable[[float, str], None], source_of: Mapping[str, str] | None = None,
        found: Sequence[tuple[Quote, ...]] | None = None) -> Signals:
    """Quotes, voices, framing and metrics; ``source_of`` maps each copy to the story it copies (voice
    omissions count copies of one story as one source); ``found``: ``article_quotes(articles)`` when
    already found."""
    from analysis.signals.framing import article_findings, joined_findings, version_findings
    from analysis.signals.framing.wording import word_choice_summary
    from analysis.signals.metrics import comparison_metrics
    from analysis.signals.voices import remember_quotes, voice_findings, voices

    # Each article's quotes read that article alone: split over the cores, and kept here as if found
    # here (the framing reads them again).
    if found is None:
        found = [q for part in split_map(lambda start, stop: article_quotes(articles[start:stop]),
                                         len(articles), SIGNALS_PARALLEL_MIN_ARTICLES) for q in part]
    for article, its_quotes in zip(articles, found):
        remember_quotes(article, its_quotes)
    quotes = tuple(q for its_quotes in found for q in its_quotes)
    progress(0.72, "metrics")
    peers = [a for a in articles if a.id in same_event]
    by_id = {a.id: a for a in peers}
    # The framing rules read the facts' pairs of versions fact by fact: one part of the facts here
    # with the framing read over whole articles, the other part in a second worker (``analysis.workers``,
    # the same findings) with the metrics and the voices, which read nothing the framing writes.
    half = _half_of_the_pairs(facts)

    def here() -> tuple[dict[str, Finding], list[Finding]]:
        progress(0.8, "voices")
        progress(0.85, "framing")
        return version_findings(facts[:half], by_id), article_findings(facts, by_id)

    def there() -> tuple[dict[str, Finding], tuple[Voice, ...], list[Finding], dict]:
        peer_quotes = tuple(q for q in quotes if q.article in same_event)
        # The voice table compares the event's outlets: an article put in another event has no row in it.
        voice_table = tuple(voices(peers, peer_quotes))
        found = list(voice_findings(peers, voice_table, peer_quotes, source_of)) if len(peers) > 2 else []
        # One set of main actors for all articles, so "sentiment toward X" compares like with like.
        return version_findings(facts[half:], by_id), voice_table, found, comparison_metrics(articles, quotes)

    (first, whole), (second, voice_table, findings, metrics) = side_by_side(
        here, there, len(articles) >= SIGNALS_PARALLEL_MIN_ARTICLES)
    framing = joined_findings([first, second], whole, by_id)
    findings += framing
    # The word choices depend on the event (its own vocabulary is not counted): per outlet, after framing.
    for aid, summary in word_choice_summary(framing, peers).items():
        if "tone" in metrics.get(aid, {}) and metrics[aid]["tone"]:
            metrics[aid]["tone"]["word_choice"] = summary
    return Signals(metrics, quotes, voice_table, findings)


def _half_of_the_pairs(facts: Sequence[Fact]) -> int:
    """Where to cut the facts so that each part holds about half of their pairs of versions (the
    framing's cost: a fact of n members has n(n-1)/2 pairs; most facts, one outlet's, have none)."""
    pairs = [len(f.members) * (len(f.members) - 1) // 2 for f in facts]
    total, seen = sum(pairs), 0
    for i, n in enumerate(pairs):
        if 2 * (seen + n) > total:
            return i + (2 * (seen + n) - total < total - 2 * seen)
        seen += n
    return len(facts)
