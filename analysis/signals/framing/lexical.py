"""Lexicon rules on one pair of versions of a fact: graded attribution verbs, hedges and boosters.

* ``attribution_verb``: one version attributes with a verb of a grade (doubt, concession, assertive,
  tentative) that the other version's attribution verbs lack ("claimed" vs "said").  Verbs inside
  quotation marks are the speaker's words, not the outlet's, and are skipped; only a verb facing a verb
  of the other version in the word diff, said by the same speaker, is a choice of verb (the PM
  "declares", the rival "concedes": two acts of two people); a verb with a bare noun as its object
  ("declares victory", "conceded defeat") names an act, not a source's words, and an -ing verb after
  a noun of a thing tells what it means ("a signal indicating a loss of power").  Evaluative verbs of
  speech ("slammed") are word choices, read in every sentence by wording.py.
* ``hedge``, ``booster``: a lexicon term that one version uses, outside quotes, where the other version
  has other words facing it in the diff (the same claim told without it) and no use of the term at
  all.  The facing words are named in the evidence.  Modals and approximators ("could", "about") are
  grammar, not hedges an outlet adds, and are left to the tone rates.  Only two versions of the same
  claim (``Pair.same_claim``) are compared, and a hedge is framing only where the other outlet states
  that claim plainly: not when the other hedges too (any hedge, modals included) or tells an open
  claim (a warning, forecast, estimate or search: ``open_claims`` lexicon), nor when the hedge is
  itself such a word or qualifies what a warning or search is about ("warned of possible waves",
  "search for possible survivors"): what is uncertain for everyone is no outlet's doubt; "assume" with
  an office or charge as its object ("will assume interim leadership") takes it on, and "appear" before
a preposition of place or company ("appearing in court") is showing up.  A verb of
  confirming ("Authorities confirmed that") reports a confirmation, and boosts only what the other
  outlet hedges.

Loaded words and intensifiers are word choices too (wording.py).  A word that fired one rule is not
reported again by a later one (order: attribution, hedge, booster).
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator, NamedTuple

from analysis.constants import FRAMING_WORD_CHANGE_MAX_WORDS, OPEN_CLAIM_WINDOW_WORDS
from analysis.lexicons import Lexicon, load_lexicon
from analysis.signals.framing.common import Candidate, adjust, base_score, excerpt, quote
from analysis.signals.framing.descriptive import is_person_word
from analysis.signals.framing.uses import negated
from analysis.signals.framing.versions import Pair, Version, same_speaker
from analysis.signals.nouns import noun_of

_WORDS = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*")
_CLAUSE_END = re.compile(r"[.;:!?\n]")
# Words after a verb of saying that lemminflect knows as nouns but that open its clause or qualify it.
_NOT_OBJECTS = frozenset("that this it there yesterday today tonight earlier later".split())


class Hit(NamedTuple):
    start: int
    end: int
    term: str
    label: str


# (id of the lexicon, text) -> (the lexicon, its hits): many articles carry the same wording of a
# fact (wire copy), so their versions share one lexicon scan.  The lexicon is kept to check the id.
_TEXT_HITS: dict[tuple[int, str], tuple[Lexicon, list[Hit]]] = {}
_TEXT_HITS_MAX = 50_000


def hits(version: Version, lexicon: Lexicon) -> list[Hit]:
    """Matches of ``lexicon`` in the version (cached: a version takes part in several pairs, and
    a text in several versions)."""
    key = "lexicon:" + lexicon.name
    if key not in version.cache:
        shared = _TEXT_HITS.get((id(lexicon), version.text))
        if shared is None or shared[0] is not lexicon:
            if len(_TEXT_HITS) >= _TEXT_HITS_MAX:
                _TEXT_HITS.clear()
            shared = _TEXT_HITS[(id(lexicon), version.text)] = (
                lexicon, [Hit(*h) for h in lexicon.find(version.text)])
        version.cache[key] = shared[1]
    return version.cache[key]


def lexical_candidates(pair: Pair) -> Iterator[Candidate]:
    claimed: set[tuple[str, int, int]] = set()
    yield from _attribution(pair, claimed)
    for spec in _ONE_SIDED:
        yield from _one_outlet_only(pair, claimed, *spec)


# --- attribution verbs ------------------------------------------------------------------------------

def _attribution(pair: Pair, claimed: set) -> Iterator[Candidate]:
    lex = load_lexicon("attribution_verbs")
    found = {v.id: [h for h in hits(v, lex) if not v.in_quote(h.start, h.end)] for v in (pair.a, pair.b)}
    for version in (pair.a, pair.b):
        other = pair.other(version)
        other_grades = {h.label for h in found[other.id]}
        by_term = _group(h for h in found[version.id] if h.label not in ("neutral", "emotive")
                         and h.label not in other_grades and not _names_an_act(version.text, h)
                         and not _a_thing_means(version.text, h))
        for term, group in by_term.items():
            facing = _facing_verbs(pair, version, group[0], found[other.id])
            if facing:
                yield _attribution_candidate(pair, version, other, term, group, facing, claimed)


def _a_thing_means(text: str, h: Hit) -> bool:
    """An -ing verb of saying right after a noun that is no person, past an optional comma: what a
    thing means or shows ("a warning signal indicating a loss of power", "data suggesting a rise"),
    not words of a source."""
    if not h.term.endswith("ing") or " " in h.term:
        return False
    m = re.search(r"([A-Za-z]+),?\s+$", text[max(0, h.start - 40):h.start])
    if m is None:
        return False
    word = m.group(1).lower()
    from lemminflect import getAllLemmas  # MIT; offline tables
    verbs = getAllLemmas(word, "VERB")
    # a noun, or a verb only in its base form ("signal"): "spoke, suggesting" follows a verb
    return bool(getAllLemmas(word, "NOUN")) and (not verbs or set(verbs["VERB"]) == {word}) \
        and not is_person_word(word) and word not in load_lexicon("stopwords").entries


def _names_an_act(text: str, h: Hit) -> bool:
    """A verb of saying with a bare noun as its object names an act, not words of a source:
    "declares victory", "conceded defeat", "claimed responsibility" (no claim is attributed).  A
    person noun after the verb is its speaker ("said police") or hearer, and keeps it a verb of
    saying."""
    from lemminflect import getAllLemmas  # MIT; offline tables
    m = _WORDS.match(text, h.end + 1) if text[h.end:h.end + 1] == " " else None
    if m is None or " " in h.term:
        return False
    word = m.group(0)
    low = word.lower()
    return word[:1].islower() and bool(getAllLemmas(low, "NOUN")) and not getAllLemmas(low, "ADV") \
        and not noun_of(low) and low not in _NOT_OBJECTS and low not in load_lexicon("stopwords").entries


def _facing_verbs(pair: Pair, version: Version, h: Hit, other_hits: list[Hit]) -> list[Hit]:
    """The other version's attribution verbs facing ``h`` in the diff: only a verb set against a
    verb ("said" / "claimed") is a choice of verb; a verb facing other words is a different sentence."""
    facing = pair.counterpart(version, h.start, h.end)
    other = pair.other(version)
    return [o for o in other_hits if facing and facing[0] <= o.start and o.end <= facing[1]
            and same_speaker(version, (h.start, h.end), other, (o.start, o.end))]


def _attribution_candidate(pair: Pair, version: Version, other: Version, term: str, group: list[Hit],
                           facing_verbs: list[Hit], claimed: set) -> Candidate:
    """``facing_verbs``: the other version's verbs of the same speaker facing the term (never empty)."""
    grade = group[0].label
    facing = pair.counterpart(version, group[0].start, group[0].end)
    match = facing_verbs[0] if facing_verbs else None
    ranges = [(version, h.start, h.end) for h in group]
    for h in group:
        claimed.add((version.id, h.start, h.end))
    if match is not None:
        ranges.append((other, match.start, match.end))
        claimed.add((other.id, match.start, match.end))
        where = f"where {other.name} uses {quote(match.term)} ({match.label})"
        other_term, other_grade = match.term, match.label
    elif facing:
        ranges.append((other, *facing))
        where = f"where {other.name} has {quote(excerpt(other.text, *facing))} and no attribution verb"
        other_term, other_grade = "", ""
    else:
        where = f"while {other.name} uses no attribution verb"
        other_term, other_grade = "", ""
    score = max(base_score(f"attribution.{grade}"), base_score(f"attribution.{other_grade}")
                if other_grade else 0.0)
    return Candidate(
        kind="attribution_verb", rule=f"attribution.{grade}", first=version, second=other,
        terms={version.id: term, other.id: other_term}, ranges=ranges,
        evidence=f"{version.name} uses {quote(term)} ({grade}) {where}.",
        score=adjust(score, one_sided=match is None and pair.one_sided(version, group[0].start, group[0].end)),
        data={"term": term, "grade": grade, "other_term": other_term, "other_grade": other_grade,
              "lexicon": "attribution_verbs", "used_by": version.id})


# --- one outlet only: loaded words, hedges, boosters, intensifiers ------------------------------------

# (lexicon, kind, rule prefix, verb phrase for the evidence, what the other version lacks)
# Modals and approximators ("could", "about 40") are grammar and precision, not a hedge an outlet adds.
_GRAMMAR_LABELS = frozenset({"modal", "approximator"})
# Loaded words, evaluative verbs of speech and intensifying adjectives are word choices read in every
# sentence (wording.py), not only in aligned pairs.
_ONE_SIDED = (
    ("hedges", "hedge", "hedge", "hedges with", "states it without that hedge"),
    ("boosters", "booster", "booster", "boosts with", "does not add that certainty"),
)


def _one_outlet_only(pair: Pair, claimed: set, lexicon: str, kind: str, prefix: str, verb: str,
                     lacks: str) -> Iterator[Candidate]:
    # a hedge or a booster is a difference in how one claim is told: two versions that are not the
    # same claim ("believed to be 7 or 8" / "aged between seven and 13") differ in what they say
    if not pair.same_claim():
        return
    lex = load_lexicon(lexicon)
    found = {v.id: hits(v, lex) for v in (pair.a, pair.b)}
    for version in (pair.a, pair.b):
        other = pair.other(version)
        other_terms = {h.term for h in found[other.id]}
        fresh = (h for h in found[version.id] if h.term not in other_terms
                 and h.label not in _GRAMMAR_LABELS
                 and not version.in_quote(h.start, h.end)
                 # "Holt said it was clear …": the speaker's certainty, not the outlet's
                 and not version.in_reported(h.start, h.end)
                 and not _overlaps_claimed(version.id, h, claimed)
                 and not (kind == "hedge" and (_inability(version.text, h) or open_by_nature(version.text, h)
                                               or _takes_on(version.text, h) or _presence(version.text, h)))
                 and not (h.label == "adjective" and _as_verb(version.text, h))
                 # "Authorities confirmed that ..." reports a confirmation: it boosts only what the
                 # other outlet hedges ("may have been killed")
                 and not (kind == "booster" and h.label == "verb" and not _hedged(other))
                 # "never seemed in doubt" denies the doubt: a negated hedge is no hedge
                 and not (kind == "hedge" and negated(version.text, h.start)))
        for term, group in _group(fresh).items():
            if not any(_told_there(pair, version, h) and (kind != "hedge" or _stated_plainly(pair, version, h))
                       and (kind != "booster" or not _facing_holds(pair, version, h, lex))
                       for h in group):
                continue
            for h in group:
                claimed.add((version.id, h.start, h.end))
            yield _one_sided_candidate(pair, version, other, term, group, kind, prefix, verb, lacks, lexicon)


def _one_sided_candidate(pair: Pair, version: Version, other: Version, term: str, group: list[Hit],
                         kind: str, prefix: str, verb: str, lacks: str, lexicon: str) -> Candidate:
    label = group[0].label
    in_quote = all(version.in_quote(h.start, h.end) for h in group)
    facing = next((f for f in (pair.counterpart(version, h.start, h.end) for h in group) if f), None)
    ranges = [(version, h.start, h.end) for h in group]
    quoted = ", inside a quote" if in_quote else ""
    if facing:
        ranges.append((other, *facing))
        where = f"where {other.name} has {quote(excerpt(other.text, *facing))}"
    else:
        where = f"; {other.name} {lacks}"
    sep = " " if facing else ""
    return Candidate(
        kind=kind, rule=f"{prefix}.{label}" if label else prefix, first=version, second=other,
        terms={version.id: term, other.id: ""}, ranges=ranges,
        evidence=f"{version.name} {verb} {quote(term)} ({label}{quoted}){sep}{where}.",
        score=adjust(base_score(f"{prefix}.{label}" if label else prefix), in_quote,
                     all(pair.one_sided(version, h.start, h.end) for h in group)),
        data={"term": term, "label": label, "in_quote": in_quote, "used_by": version.id,
              "other_text": excerpt(other.text, *facing) if facing else "", "lexicon": lexicon})


def _stated_plainly(pair: Pair, version: Version, h: Hit) -> bool:
    """The other version states the claim the hedge qualifies plainly: its sentence facing the hedge
    has no hedge of its own (any hedge, modals and approximators included) and tells no open claim
    (a warning, forecast, estimate or search: ``open_claims`` lexicon).  Otherwise the claim is
    uncertain for everyone, and the hedge is no outlet's doubt."""
    op = pair.op_at(version, h.start, h.end)
    other = pair.other(version)
    if op is None:
        return False
    pos = op.b_start if version is pair.a else op.a_start
    lo, hi = next(((v0, v0 + n) for v0, _, n in other.pieces if v0 <= pos <= v0 + n), (0, len(other.text)))
    return not any(lo <= x.start and x.end <= hi for name in ("hedges", "open_claims")
                   for x in hits(other, load_lexicon(name)))


def _facing_holds(pair: Pair, version: Version, h: Hit, lex: Lexicon) -> bool:
    """The other version's words facing ``h`` hold a term of ``lex`` too ("was clear" facing "never
    seemed in doubt": both outlets tell it with certainty, neither adds it)."""
    facing = pair.counterpart(version, h.start, h.end)
    if facing is None:
        return False
    lo, hi = facing
    return any(lo <= x.start and x.end <= hi for x in hits(pair.other(version), lex))


def _told_there(pair: Pair, version: Version, h: Hit) -> bool:
    """The other version tells the words around the hedge or booster: it sits in a change of at most
    FRAMING_WORD_CHANGE_MAX_WORDS words on each side with unchanged words around it (at the start or
    end of the claim, on one side): a word set against other words inside a sentence both tell
    ("officials reportedly said" / "officials said", "probably" / "is expected to").  A word in a
    sentence the other version tells otherwise, or not at all, is no difference in how one claim is
    told ("the suspects, believed to be a four-man team, used a lift" / "They were out in four
    minutes")."""
    op = pair.op_at(version, h.start, h.end)
    if op is None or op.tag == "equal":
        return False
    k = pair.ops.index(op)
    around = [pair.ops[i].tag for i in (k - 1, k + 1) if 0 <= i < len(pair.ops)]
    words = max(len(_WORDS.findall(pair.a.text, op.a_start, op.a_end)),
                len(_WORDS.findall(pair.b.text, op.b_start, op.b_end)))
    return bool(around) and all(t == "equal" for t in around) and words <= FRAMING_WORD_CHANGE_MAX_WORDS


def _hedged(version: Version) -> bool:
    """The version hedges its claim somewhere (any hedge, modals included, quotes included)."""
    return bool(hits(version, load_lexicon("hedges")))


def open_by_nature(text: str, h: Hit) -> bool:
    """The hedge is a word of an open claim itself ("is expected to", "estimates that") or qualifies
    what a warning, forecast, estimate or search is about, within the clause and
    OPEN_CLAIM_WINDOW_WORDS words before it ("warned of possible waves", "search for possible
    survivors"): what is uncertain is uncertain for everyone, not the outlet's doubt."""
    opens = load_lexicon("open_claims")
    if any(w in opens.entries for w in h.term.split()):
        return True
    start = max(0, h.start - 120)
    stop = max((m.end() for m in _CLAUSE_END.finditer(text, start, h.start)), default=start)
    words = _WORDS.findall(text, stop, h.start)[-OPEN_CLAIM_WINDOW_WORDS:]
    return bool(words) and bool(opens.find(" ".join(words)))


# Nouns of an office, a duty or a charge that one takes on: "assume" before one of them ("will assume
# interim leadership", "assumed the presidency") is taking it on, not supposing.
_CHARGES = frozenset("""
leadership role roles office post position duties duty responsibility responsibilities control command
power powers presidency chairmanship premiership helm mantle reins charge title throne crown risk risks
debt debts costs liability obligations
""".split())
_TAKE_ON_WINDOW_WORDS = 4   # words after "assume" searched for the noun of a charge (determiner, possessive, modifiers)


def _takes_on(text: str, h: Hit) -> bool:
    """"assume" with the noun of an office or charge as its object ("will assume interim leadership"):
    the verb's other sense, taking on, which hedges nothing."""
    if not h.term.startswith("assum"):
        return False
    after = [w.lower() for w in _WORDS.findall(text, h.end, min(len(text), h.end + 60))][:_TAKE_ON_WINDOW_WORDS]
    return any(w in _CHARGES for w in after)


# Words after "appear" that make it a coming into view, not a seeming: a preposition of place, time or
# company ("appearing in court", "appeared at his home", "appeared before the committee", "appeared
# with the mayor") or an adverb of how one shows up ("appeared publicly").
_PRESENCE_AFTER = frozenset("""
in at on before with alongside outside inside onstage publicly together live during via
""".split())


def _presence(text: str, h: Hit) -> bool:
    """"appear" followed by a preposition of place, time or company: someone shows up ("After appearing
    in court on Friday, Stone said", "agents arrested him, appearing at his home"), the verb's other
    sense, which hedges nothing (the seeming sense takes "to", "that", "as if" or an adjective)."""
    if not h.term.startswith("appear") or " " in h.term:
        return False
    after = _WORDS.findall(text, h.end, min(len(text), h.end + 20))
    return bool(after) and after[0].lower() in _PRESENCE_AFTER


def _inability(text: str, h: Hit) -> bool:
    """"could not" / "can not" state an inability, not a hedge."""
    return h.term in ("could", "can") and re.match(r"\s+not\b|n't", text[h.end:h.end + 5]) is not None


def _as_verb(text: str, h: Hit) -> bool:
    """An adjective of the lexicon used as a verb: after "to" or a modal ("to clear debris", "will
    clear"), it is an act, not a grade of certainty."""
    before = re.findall(r"[A-Za-z']+", text[max(0, h.start - 20):h.start])
    return bool(before) and before[-1].lower() in ("to", "will", "would", "can", "could", "must", "should")


def _group(found) -> dict[str, list[Hit]]:
    out: dict[str, list[Hit]] = defaultdict(list)
    for h in found:
        out[h.term].append(h)
    return dict(out)


def _overlaps_claimed(article_id: str, h: Hit, claimed: set) -> bool:
    return any(a == article_id and s < h.end and h.start < e for a, s, e in claimed)
