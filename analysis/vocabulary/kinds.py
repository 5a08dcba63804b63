"""Every finding kind the engine emits: one catalogue for the window, the report and the docs.

A kind belongs to a *family*; a family has a label for the legend, a colour role (the window and
the report map roles to colours of their themes) and a mark style, so that colour is never the only
cue.  ``check_first`` marks the kinds a fact-checker reads first (values that disagree).  ``carried``
marks the kinds about what one article leaves out: such a finding's first article is the one it is
about and the others are its *carriers* (the outlets that report the fact or quote the voice), whose
spans it shows; the JSON contract stores each set of carriers once (docs/JSON.md).
``base_score`` is the score before the rule's factors (the framing rules' finer base scores are in
``analysis.constants.FRAMING_BASE_SCORES``; this is the highest of them, for the methods appendix).
"""
from __future__ import annotations

from dataclasses import dataclass

from analysis.constants import (
    DIFFERENTLY_SCORE_FACTOR,
    EXCLUSIVE_MAX_SCORE,
    FRAMING_BASE_SCORES,
    VERSION_DIFF_SCORE,
)


@dataclass(frozen=True)
class Family:
    name: str
    label: str          # legend text for editors
    colour_role: str    # "flag.<name>": a role the themes give a colour
    mark: str           # how the window marks it on text: underline style name


@dataclass(frozen=True)
class Kind:
    name: str           # as in ``Finding.kind``
    label: str          # for editors ("Loaded word")
    family: str         # a key of ``FAMILIES``
    base_score: float   # 0-1
    rule: str           # one sentence for editors: what raises it
    check_first: bool = False   # values that disagree: read these first
    carried: bool = False       # about its first article; the other articles and their spans are carriers

    @property
    def colour_role(self) -> str:
        return FAMILIES[self.family].colour_role


FAMILIES: dict[str, Family] = {f.name: f for f in (
    Family("coverage", "Coverage (omission, exclusive, versions)", "flag.coverage", "none"),
    Family("voice", "Voices", "flag.voice", "none"),
    Family("wording", "Wording / naming", "flag.wording", "single"),
    Family("attribution", "Attribution / quotes", "flag.attribution", "dash"),
    Family("hedge", "Hedge / booster", "flag.hedge", "dot"),
    Family("loaded", "Loaded / intensifier / tone", "flag.loaded", "wave"),
    Family("contradiction", "Contradiction", "flag.contradiction", "dashdot"),
)}


def _top(prefix: str) -> float:
    return max(v for k, v in FRAMING_BASE_SCORES.items() if k == prefix or k.startswith(prefix + "."))


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("omission", "Omission", "coverage", 1.0,
         "A fact that at least two other independent sources carry and this outlet leaves out: its "
         "names, numbers, dates and words were searched for in this outlet's text and not found.", carried=True),
    Kind("reports_differently", "Reports it differently", "coverage", DIFFERENTLY_SCORE_FACTOR,
         "A fact that other sources carry and this outlet reports only in part or in other words: "
         "its sentence holds part of the fact's core (a name, number or date with the action).", carried=True),
    Kind("exclusive", "Exclusives", "coverage", EXCLUSIVE_MAX_SCORE,
         "Facts that only this source carries, listed together (one finding per article)."),
    Kind("version_diff", "Changed between versions", "coverage", VERSION_DIFF_SCORE,
         "Two copies of one text (an agency story in two outlets, two versions of an article): the "
         "sentences one changed, added or removed."),
    Kind("voice", "Voice left out", "voice", 1.0,
         "A person quoted by at least two other outlets and not quoted by this one.", carried=True),
    Kind("attribution_verb", "Attribution verb", "attribution", _top("attribution"),
         "Outlets attribute the same statement with verbs of different strength (said / claimed / admitted)."),
    Kind("quote_vs_paraphrase", "Quote vs paraphrase", "attribution", _top("quote"),
         "One outlet quotes the speaker's words where another paraphrases them, or quotes other words."),
    Kind("hedge", "Hedge added or removed", "hedge", _top("hedge"),
         "One outlet hedges a claim (reportedly, appears) that another states plainly in the same sentence;"
         " not where the claim is uncertain for everyone (a warning, forecast, estimate or search)."),
    Kind("booster", "Booster added or removed", "hedge", _top("booster"),
         "One version of a fact asserts it more strongly (clearly, undeniably) than the other; a"
         " confirmation ('confirmed that') only against a version that hedges it."),
    Kind("loaded_word", "Loaded word", "loaded", _top("loaded"),
         "A loaded or emotive word where another outlet uses a plainer one for the same thing."),
    Kind("intensifier", "Intensifier", "loaded", _top("intensifier"),
         "An intensifier (very, massive, sweeping) that the other version does without."),
    Kind("sentiment_shift", "Sentiment shift", "loaded", _top("sentiment_shift"),
         "Two versions of one fact differ clearly in sentiment (VADER compound)."),
    Kind("passive_agent", "Agent dropped (passive)", "wording", _top("passive"),
         "A passive without its agent where another outlet names the person or body who did it (not the"
         " event itself, and not an arrest or a charge, which only the police or a court can make)."),
    Kind("naming", "Naming difference", "wording", _top("naming"),
         "Outlets name the same person, place or body differently (Kyiv / Ukraine's leadership)."),
    Kind("spelling", "Spelling of a name", "wording", _top("spelling"),
         "One outlet spells a name in a form that reads as a slip for another outlet's (Preibus / Priebus)."),
    Kind("stance", "Stance difference", "contradiction", _top("stance"),
         "Versions of one fact report a stance of different strength or direction (rejected / open to).",
         True),
    Kind("contradiction", "Contradiction to check", "contradiction", _top("contradiction"),
         "Numbers, dates or names in the same role of one fact disagree between outlets.", True),
)}


def kind_info(name: str) -> Kind:
    """The catalogue entry of ``name``; ``KeyError`` for a kind the engine does not declare."""
    return KINDS[name]


def label(name: str) -> str:
    """The editor's name of a kind ("Loaded word"); an undeclared name (from an old session) reads
    as its words."""
    entry = KINDS.get(name)
    if entry:
        return entry.label
    text = name.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def family(name: str) -> Family:
    entry = KINDS.get(name)
    return FAMILIES[entry.family] if entry else FAMILIES["wording"]


def carried(name: str) -> bool:
    """A kind about what its first article leaves out, shown with its carriers (see ``Kind.carried``)."""
    entry = KINDS.get(name)
    return bool(entry and entry.carried)


def check_first(name: str) -> bool:
    """Values that disagree between outlets: the findings a fact-checker reads first."""
    entry = KINDS.get(name)
    return bool(entry and entry.check_first)
