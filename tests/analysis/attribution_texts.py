"""Helpers of the attribution rule tests (``test_attribution_*.py``): a quote's speaker, an article's voices."""
from __future__ import annotations

from analysis.signals.voices import find_quotes, voices
from seeds import text_article


def speaker_of(text: str, needle: str) -> tuple[str, str]:
    """(speaker_name, role) of the quote of ``text`` that holds ``needle``."""
    a = text_article(text)
    found = [q for q in find_quotes(a) if needle in a.text[q.start:q.end]]
    assert found, f"no quote holds {needle!r}"
    return found[0].speaker_name, found[0].role


def names(text: str) -> list[tuple[str, str, bool]]:
    a = text_article(text)
    return [(v.name, v.role, v.unnamed) for v in voices([a], find_quotes(a))]
