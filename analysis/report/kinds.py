"""Names of finding kinds for readers, and which kinds are contradictions to check (the window and
the report both use these, so a kind reads the same everywhere)."""
from __future__ import annotations

KIND_LABELS = {
    "omission": "Omission",
    "exclusive": "Exclusive",
    "voice": "Voice left out",
    "word_substitution": "Word substitution",
    "substitution": "Word substitution",
    "attribution_verb": "Attribution verb",
    "hedge": "Hedge added or removed",
    "booster": "Booster added or removed",
    "loaded_word": "Loaded word",
    "loaded": "Loaded word",
    "intensifier": "Intensifier",
    "quote_vs_paraphrase": "Quote vs paraphrase",
    "passive_agent": "Agent dropped (passive)",
    "passive_voice": "Agent dropped (passive)",
    "naming": "Naming difference",
    "sentiment_shift": "Sentiment shift",
    "contradiction": "Contradiction to check",
    "stance": "Stance difference",
    "number_mismatch": "Numbers disagree",
    "name_mismatch": "Names disagree",
    "date_mismatch": "Dates disagree",
}


def kind_label(kind: str) -> str:
    """``attribution_verb`` -> "Attribution verb"; unknown kinds get their name made readable."""
    if kind in KIND_LABELS:
        return KIND_LABELS[kind]
    text = kind.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def is_contradiction(kind: str) -> bool:
    """Numbers, names or dates that disagree: the findings a fact-checker reads first."""
    return "contradiction" in kind or kind.endswith("_mismatch") or kind.startswith("disagree")
