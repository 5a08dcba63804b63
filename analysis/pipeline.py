"""The engine's entry point: ``compare(articles, progress)`` runs every stage and returns a Comparison.

Stages, in order (DESIGN.md section 3): features -> candidate links -> facts -> same-event check ->
omissions and exclusives -> per-article metrics -> quotes and voices -> framing findings.

``progress(fraction, stage)`` is called between stages (fraction 0-1) and may raise ``Cancelled`` to
stop; nothing is returned then.  Articles that duplicate an earlier one, and articles about another
event, are kept in the Comparison but take no part in alignment and omissions (a note says why).
"""
from __future__ import annotations

from typing import Callable, Sequence

from analysis.model import Article, Comparison, Finding

Progress = Callable[[float, str], None]


def _noop(fraction: float, stage: str) -> None:
    return None


def _duplicates(articles: Sequence[Article]) -> tuple[dict[str, str], list[str]]:
    """Map each duplicate article id to the first article with the same cleaned text."""
    first: dict[str, str] = {}
    dup_of: dict[str, str] = {}
    for a in articles:
        if a.digest in first:
            dup_of[a.id] = first[a.digest]
        else:
            first[a.digest] = a.id
    notes = [f"{articles_by_id(articles)[d].outlet} ({d}) is an identical copy of "
             f"{articles_by_id(articles)[o].outlet} ({o}); it is left out of the alignment."
             for d, o in dup_of.items()]
    return dup_of, notes


def articles_by_id(articles: Sequence[Article]) -> dict[str, Article]:
    return {a.id: a for a in articles}


def compare(articles: Sequence[Article], progress: Progress | None = None) -> Comparison:
    """Analyse ``articles`` (already loaded) and return the whole Comparison."""
    from analysis.align import stage as align_stage
    from analysis.coverage import omissions
    from analysis.events import same_event as event
    from analysis.signals import stage as signals_stage

    report = progress or _noop
    articles = tuple(articles)
    by_id = articles_by_id(articles)
    notes: list[str] = []
    if len(articles) < 2:
        notes.append("Only one article: nothing to compare. Add another outlet's article.")
    dup_of, dup_notes = _duplicates(articles)
    notes += dup_notes
    active = [a for a in articles if a.id not in dup_of and a.sentences]

    report(0.05, "features")
    aligned = align_stage.run(active, report)
    report(0.45, "facts")
    first_pass = aligned.facts()
    report(0.55, "same event")
    matches = event.event_matches(active, first_pass, aligned.features, aligned.sizes())
    same = {m.article for m in matches if m.same_event}
    notes += event.event_notes(matches, by_id)
    # Articles about another event are aligned with nothing (not silently merged into facts).
    facts = first_pass if same == {a.id for a in active} else aligned.facts(same)
    report(0.6, "omissions")
    omitted = omissions.find_omissions(facts, by_id, same)
    findings: list[Finding] = omissions.omission_findings(omitted, facts, by_id)
    findings += omissions.exclusive_findings(facts, by_id, same)
    report(0.65, "signals")
    signals = signals_stage.run(articles, facts, same, report)
    findings += signals.findings
    report(1.0, "done")
    findings.sort(key=lambda f: (-f.score, f.kind, f.id))
    return Comparison(articles=articles, event=tuple(matches), facts=tuple(facts),
                      omissions=tuple(omitted), findings=tuple(findings), metrics=signals.metrics,
                      quotes=signals.quotes, voices=signals.voices, notes=tuple(notes))
