"""Word choice across outlets: loaded, evaluative and intensifying words, in every sentence.

A word of the word-choice lexicons (``WORD_CHOICE``, each labelled by kind of word) is *framing* when
this outlet chose it and the event does not call for it:

* **the event's vocabulary is not framing**: a word whose family (lemma, by lemminflect) is used by at
  least EVENT_VOCABULARY_MIN_SHARE of the same-event outlets ("collapsed" in an earthquake story,
  "tragedy" when every outlet says so) is the event's own word; so is a word of a sense class
  (``senses`` lexicon: urgency, fear, destruction, rarity...) that at least EVENT_SENSE_MIN_SHARE of
  the outlets (and EVENT_SENSE_MIN_OUTLETS) express in some word, plain words included: "frantically"
  where others write "furiously" or "racing against the clock", "hammering" debris in a quake story,
  "historic" where others write "the first time since";
* **what nobody is said to do is no choice**: a word right after a negation ("did not reflexively
  denounce") is skipped, and so is a noun naming a body or an activity ("disaster officials",
  "relief operations": a name or a term of the trade);
* **the outlet's words, not its sources'**: a word inside a direct quote longer than
  FRAMING_QUOTE_FRAGMENT_MAX_WORDS words, or inside reported speech ("X said the plan was reckless",
  "…, saying he was the victim of a scandalous injustice", "claimed to be the victim of …": speech.py),
  is the speaker's; a judgement ascribed to a subject by a verb of the ``ascribing_verbs`` lexicon
  ("a move they see as unearned", "critics dismissed it as alarmist") and a short quoted fragment
  (“utterly irresponsible”) are the outlet's choice of what to report and count, at a lower score;
* **a description is not a judgement** (descriptive.py): a word in a literal phrase ("triggered an
  alarm", "seismic event"), a word that describes a thing ("a historic church", "a dangerous
  Category 3 storm") or names a source's account before its quote ("described the chaos: “...”") is
  skipped, and so is what a private person feels or how they bear themselves ("he sat in shock",
  "he quietly waited"); a feeling named with its people or object ("anxious parents", "fears of
  instability") is scored FRAMING_DESCRIPTIVE_FACTOR lower; an adjective before a
  person noun judges the people ("corrupt officials") and is no name of a body;
* **a word high in the article weighs more**: the score (how sure) is multiplied by the word's
  prominence (how important): 1 in the lede, 1 - FRAMING_PROMINENCE_DISCOUNT at the end;
* **a plainer word elsewhere is the strongest evidence**: where an aligned fact puts another outlet's
  words facing this one in the word diff, they are named ("where New York Times has 'said'"), and a
  facing text with no word-choice term raises the score.

Every sentence is read, not only aligned ones.  One finding per outlet and word family, listing the
other outlets (what they wrote instead, or that they do not use it): never one finding per other
outlet; a word met once right next to another flagged word, or one short function word away, is
one phrase with it ("bluntly panned", "emboldening autocratic regimes", "reeling from shocks": one
row); one word chosen by several outlets is one finding, led by its strongest chooser's row, the
others' uses folded into it (``data["chosen_by"]``); a word choice scored under
FRAMING_WORD_MIN_SCORE is not listed.  Kinds: ``loaded_word`` (loaded, evaluative,
metaphors), ``intensifier`` (intensifying
adjectives; degree adverbs such as "very" are counted in the tone rates, not flagged) and
``attribution_verb`` (evaluative verbs of speech: "slammed", "scoffed").  ``word_choice_summary``
gives per outlet the rate per 1,000 words and the words.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from typing import Mapping, Sequence

from analysis.constants import (
    EVIDENCE_MAX_OUTLETS,
    FRAMING_DESCRIPTIVE_FACTOR,
    FRAMING_IN_QUOTE_FACTOR,
    FRAMING_PLAIN_COUNTERPART_BONUS,
    FRAMING_PROMINENCE_DISCOUNT,
    FRAMING_SHARED_WORD_FACTOR,
    FRAMING_WORD_MIN_SCORE,
)
from analysis.lexicons import load_lexicon
from analysis.model import Article, Fact, Finding, Span, stable_id
from analysis.signals.common import per_thousand
from analysis.signals.framing.common import base_score, names_list, quote
from analysis.signals.framing.event_words import event_senses, event_vocabulary, senses_of
from analysis.signals.framing.facing import Facing
from analysis.signals.framing.uses import WORD_CHOICE, Use, article_uses, family

# How evidence names each kind of word.
KIND_OF_WORD = {
    "emotive": "emotive word", "pejorative": "pejorative word", "dramatic": "dramatising word",
    "euphemism": "euphemism", "judgement": "word of judgement", "manner": "colouring adverb",
    "reaction": "staged reaction", "violent": "violent metaphor", "theatre": "theatre metaphor",
    "adjective": "intensifying adjective", "emotive_speech": "evaluative verb of speech",
}


def word_choice_findings(facts: Sequence[Fact], articles: Mapping[str, Article]) -> list[Finding]:
    """One finding per outlet and word family that is the outlet's choice (module docstring)."""
    peers = list(articles.values())
    if len(peers) < 2:
        return []
    common = event_vocabulary(peers)
    called_for = event_senses(peers)
    facing = Facing(facts, articles)
    # Family -> the outlets that use it anywhere, in the peers' order (read once, not once per finding).
    users: dict[str, list[str]] = defaultdict(list)
    for b in peers:
        for fam in article_uses(b)[1]:
            users[fam].append(b.id)
    out = []
    for a in peers:
        groups: dict[str, list[Use]] = defaultdict(list)
        for use in article_uses(a)[0]:
            if use.family not in common and not senses_of({use.family}) & called_for:
                groups[use.family].append(use)
        mine = []
        # The other outlets, and each one's blank term, once per outlet (not once per finding: at
        # hundreds of outlets each finding's walk over them was most of the word choices' cost).
        others = [aid for aid in articles if aid != a.id]
        blank = dict.fromkeys(others, "")
        for fam, uses in groups.items():
            sharers = [b for b in users[fam] if b != a.id]
            mine.append(_finding(a, uses, sharers, facing, articles, (others, blank)))
        out += join_adjacent(mine, a)
    # below the floor a word choice is not worth an editor's time: a described state low in the
    # article, a quoted fragment at its end
    return [f for f in one_row_per_word(out) if f.score >= FRAMING_WORD_MIN_SCORE]


def one_row_per_word(findings: list[Finding]) -> list[Finding]:
    """One word family chosen by several outlets is one finding: the strongest chooser's row leads
    (its evidence lists the others, "X and Y also use it"), and every other chooser's row of that
    word is folded into it, its spans added and its outlet listed in ``data["chosen_by"]``, so that
    the list never gives one word one row per outlet."""
    by_family: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.data.get("also_used_by"):
            by_family[(f.kind, family(f.data["term"]))].append(f)
    folded: dict[str, Finding] = {}
    gone: set[str] = set()
    for group in (g for g in by_family.values() if len(g) > 1):
        lead, *rest = sorted(group, key=lambda f: (-f.score, f.id))
        own = [s for f in rest for s in f.spans if s.article == f.data["used_by"]]
        spans = tuple(sorted(set(lead.spans) | set(own), key=lambda s: (s.article != lead.data["used_by"],
                                                                         s.article, s.start)))
        folded[lead.id] = replace(lead, spans=spans, data={
            **lead.data, "chosen_by": [lead.data["used_by"], *[f.data["used_by"] for f in rest]],
            "occurrences_by": {f.data["used_by"]: f.data["occurrences"] for f in group}})
        gone.update(f.id for f in rest)
    return [folded.get(f.id, f) for f in findings if f.id not in gone]


def join_adjacent(findings: list[Finding], article: Article) -> list[Finding]:
    """One article's word-choice findings with words met once right next to each other, or with one
    short function word between ("bluntly panned", "emboldening autocratic regimes", "reeling from
    shocks"), folded into the strongest of them: one phrase, one row.  The strongest finding keeps
    its kind, term and id; the phrase is named in its evidence."""
    single = sorted((f for f in findings if f.data["occurrences"] == 1), key=lambda f: f.spans[0].start)
    runs: list[list[Finding]] = []
    for f in single:
        if runs and _one_phrase(article.text, runs[-1][-1].spans[0].end, f.spans[0].start):
            runs[-1].append(f)
        else:
            runs.append([f])
    folded: dict[str, Finding] = {}
    gone: set[str] = set()
    for run in (r for r in runs if len(r) > 1):
        keep = min(run, key=lambda f: (-f.score, f.kind, f.id))
        phrase = article.text[run[0].spans[0].start:run[-1].spans[0].end]
        own = tuple(sorted({*[s for s in keep.spans if s.article == article.id],
                            *[f.spans[0] for f in run if f is not keep]}, key=lambda s: s.start))
        rest = tuple(s for s in keep.spans if s.article != article.id)
        term = quote(keep.data["term"])
        folded[keep.id] = replace(
            keep, spans=own + rest,
            evidence=keep.evidence.replace(f"chooses {term}", f"chooses {quote(phrase)}", 1),
            data={**keep.data, "phrase": phrase,
                  "joined": ", ".join(f.data["term"] for f in run if f is not keep)})
        gone.update(f.id for f in run if f is not keep)
    return [folded.get(f.id, f) for f in findings if f.id not in gone]


# Words that may stand between two flagged words of one phrase ("reeling from shocks").
_PHRASE_GLUE = frozenset("from of and or with".split())


def _one_phrase(text: str, end: int, start: int) -> bool:
    between = text[end:start]
    if not between.strip():
        return bool(between) or end == start
    words = between.split()
    return len(words) == 1 and words[0].lower() in _PHRASE_GLUE and len(between) <= len(words[0]) + 2


def _finding(article: Article, uses: list[Use], sharers: list[str], facing: Facing,
             articles: Mapping[str, Article], outlets: tuple[list[str], dict[str, str]]) -> Finding:
    """``outlets``: the other outlets' ids in order, and a blank term for each."""
    first = uses[0]
    shared = frozenset(sharers)     # looked up for every other outlet: a list would cost n x sharers
    kind, prefix, _ = WORD_CHOICE[first.lexicon]
    rule = f"{prefix}.{first.label}"
    what = KIND_OF_WORD["emotive_speech" if kind == "attribution_verb" else first.label]
    facing_by: dict[str, tuple[str, int, int]] = {}
    for use in uses:
        for aid, found in facing.counterparts(article, use).items():
            facing_by.setdefault(aid, found)
        if kind == "attribution_verb":
            for aid, found in facing.verbs(article, use).items():
                facing_by.setdefault(aid, found)
    plain = [aid for aid, (text, _, _) in facing_by.items() if aid not in shared and not _has_term(text)]
    in_quote = all(u.in_quote for u in uses)
    ascribed_only = all(u.ascribed for u in uses)
    described = uses[0].describes if all(u.describes for u in uses) else ""
    score = base_score(rule) + (FRAMING_PLAIN_COUNTERPART_BONUS if plain else 0.0)
    score *= (FRAMING_SHARED_WORD_FACTOR if sharers else 1.0) * \
        (FRAMING_IN_QUOTE_FACTOR if in_quote or ascribed_only else 1.0) * \
        (FRAMING_DESCRIPTIVE_FACTOR if described else 1.0)
    score *= prominence(article, first.start)
    others, blank = outlets
    name = lambda aid: articles[aid].outlet or aid
    told = [f"{name(aid)} has {quote(facing_by[aid][0])}" for aid in others
            if aid in facing_by and aid not in shared]
    if sharers:
        told.append(f"{_names_of(sharers, name)} also {'uses' if len(sharers) == 1 else 'use'} it")
    rest = [a for a in others if a not in shared and a not in facing_by]
    if rest:
        told.append(f"{_names_of(rest, name)} {'does' if len(rest) == 1 else 'do'} not use it")
    times = f", {len(uses)} times" if len(uses) > 1 else ""
    quoted = ", in a quoted fragment" if in_quote else ", as the view of its subject" if ascribed_only else ""
    quoted += ", describing a person's state" if described == "state" else ""
    spans = [Span(article.id, u.start, u.end) for u in uses]
    spans += [Span(aid, s, e) for aid, (_, s, e) in facing_by.items() if aid not in shared]
    # every other outlet's term in the outlets' order: the word where it shares it, else its facing
    # words, else blank
    terms = {article.id: first.term, **blank}
    for aid, (text, _, _) in facing_by.items():
        if aid in blank:
            terms[aid] = text
    for aid in sharers:
        terms[aid] = first.term
    fact = next(iter(facing.facts_of(article, first.start)), None)
    return Finding(
        id=stable_id(kind, rule, article.digest, first.family),
        kind=kind, fact=fact.id if fact else None, spans=tuple(spans),
        # the outlets the finding rests on: the user, then those with words facing it or sharing it
        articles=(article.id, *[a for a in others if a in shared or a in facing_by]),
        evidence=f"{name(article.id)} chooses {quote(first.term)} ({what}{times}{quoted}): {'; '.join(told)}.",
        score=round(min(1.0, score), 4), rule=rule,
        data={"term": first.term, "label": first.label, "lexicon": first.lexicon, "kind_of_word": what,
              "used_by": article.id, "also_used_by": sharers, "terms": terms, "in_quote": in_quote,
              "ascribed": ascribed_only, "describes": described,
              "occurrences": len(uses), "plainer": {aid: facing_by[aid][0] for aid in plain}})


def _names_of(ids: Sequence[str], name) -> str:
    """``names_list`` of the outlets ``ids`` (``name``: id -> outlet name), naming only the outlets
    it shows: past ``EVIDENCE_MAX_OUTLETS`` the rest are only counted, so their names are not made."""
    shown = len(ids) if len(ids) <= EVIDENCE_MAX_OUTLETS else EVIDENCE_MAX_OUTLETS - 1
    return names_list([name(a) for a in ids[:shown]] + [""] * (len(ids) - shown))


def prominence(article: Article, pos: int) -> float:
    """How much a word at ``pos`` weighs for the reader: 1 in the headline and lede, falling to
    1 - FRAMING_PROMINENCE_DISCOUNT at the article's end (how important, beside how sure)."""
    share = pos / len(article.text) if article.text else 0.0
    return 1.0 - FRAMING_PROMINENCE_DISCOUNT * min(1.0, share)


@lru_cache(maxsize=8192)
def _has_term(text: str) -> bool:
    return any(load_lexicon(name).find(text) for name in WORD_CHOICE)


def word_choice_summary(findings: Sequence[Finding], articles: Sequence[Article]) -> dict[str, dict]:
    """Per article: word-choice findings' occurrences per 1,000 words and the words, most used first."""
    words: dict[str, dict[str, int]] = {a.id: {} for a in articles}
    for f in findings:
        if f.kind in ("loaded_word", "intensifier", "attribution_verb") and "occurrences" in f.data:
            for user, n in f.data.get("occurrences_by", {f.data["used_by"]: f.data["occurrences"]}).items():
                words.setdefault(user, {})[f.data["term"]] = n
    out = {}
    for a in articles:
        count = sum(words[a.id].values())
        out[a.id] = {"count": count, "per_1k": per_thousand(count, a.word_count),
                     "words": sorted(words[a.id], key=lambda t: (-words[a.id][t], t))}
    return out
