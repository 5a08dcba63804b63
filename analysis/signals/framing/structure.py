"""Structural rules on one pair: quote vs paraphrase, and the agentless passive.

Both rules read only pairs that tell the same claim (``Pair.same_claim``: the fact's core and the
speaker in common), and a paraphrase must name the quote's speaker and tell some of its words;
a version that names the speaker only in its text must give someone's words (a verb of saying or a
holding), else it is the outlet's own report or background ("The Labour party has won a landslide").

* ``quote_vs_paraphrase``: one version quotes the source directly (at least FRAMING_QUOTE_MIN_WORDS
  words inside quotation marks) and the other does not (rule ``quote.direct_vs_paraphrase``); or both
  quote, but share at most FRAMING_QUOTE_OVERLAP_MAX of their quoted content words, so each outlet
  chose different words of the speaker (rule ``quote.different_words``).
* ``passive_agent``: one version uses a passive with no "by ..." agent ("has been tied to", "was
  rejected"), hiding who acts, and the other has no agentless passive of that verb and does not
  tell it without an actor too: it uses the same verb actively ("Ukraine rejected", scored higher),
  or its words facing the passive name an actor (a name, a person noun; not a place after a
  preposition, "on Interstate 5", and not a state, "remained blocked"), or no words face it.  Acts of
  the police and courts ("were arrested", "was cleared of all charges"), acts named by the role
  whose job they are ("were rescued", "has been appointed", "was elected", "been crowned champions")
  and moving someone to a place of care ("was taken to a hospital") hide no one; nor does a hazard's
  force ("winds damaged"); nor a passive the other version's facing words tell as a passive too, of
  another verb ("was gunned down" / "was shot and killed"); nor one whose actor, as the other
  outlet names it ("Musk began … by firing"), this article names before it in its paragraph or the
  one before ("Musk … terminating a number of executives. ¶ Two more were also fired"), nor one
  whose actor the other outlet cannot name either ("a masked gunman who shot").

The passive is found by rule, with no tagger (none works offline): a form of "be", at most
PASSIVE_MAX_GAP_WORDS adverbs, then a past participle (-ed/-en or an irregular form) that is not a
common predicative adjective ("prepared", "concerned"), a condition someone is caught in ("was
stranded", "were trapped"), nor an evidential verb of reporting or judging ("confirmed", "seen as", "be
held": news style, not a hidden actor), nor a verb of judging or leaving before an adjective of a
person's condition ("are presumed dead", "was declared missing": a state judged), nor one joined by
"and" to an adjective ("were experienced and very professional": a quality); an agent is "by" within
PASSIVE_AGENT_WINDOW_WORDS words after it, or a cause right after it ("were killed after the quake
struck", "when the roof collapsed"), read on the whole sentence (a fact's claim may stop before the
cause); passives joined by "and" share what is named after the last ("three were killed and 260 were
injured when two bombs exploded").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, NamedTuple

from analysis.align.features.words import stem as _stem  # the features' Snowball stemmer, cached
from analysis.constants import (
    FRAMING_PARAPHRASE_MIN_SHARE,
    FRAMING_PARAPHRASE_MIN_WORDS,
    FRAMING_QUOTE_FULL_WORDS,
    FRAMING_QUOTE_LENGTH_BONUS,
    FRAMING_QUOTE_MIN_WORDS,
    FRAMING_QUOTE_OVERLAP_MAX,
    PASSIVE_AGENT_WINDOW_WORDS,
    PASSIVE_JOINED_MAX_WORDS,
    PASSIVE_MAX_GAP_WORDS,
    PASSIVE_PRONOUN_LOOKBACK_CHARS,
)
from analysis.lexicons import load_lexicon
from analysis.signals.framing.common import Candidate, adjust, base_score, excerpt, quote
from analysis.signals.framing.descriptive import is_person_word
from analysis.signals.framing.speech import holding
from analysis.signals.framing.versions import Pair, Version, speakers
from analysis.signals.nouns import noun_of

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_SENTENCE_END = re.compile(r"[.;!?\n]")
_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,2}\Z")
# Sense classes whose words name the event acting (an earthquake, a storm, a collapse).
_EVENT_SENSES = frozenset({"impact", "calamity"})
# Acts of the police and the courts: their passive hides no one, the agent is the institution itself.
_JUSTICE_ACTS = frozenset("""
arrested detained charged indicted convicted sentenced jailed imprisoned acquitted extradited deported
prosecuted fined remanded exonerated pardoned paroled absolved
""".split())
# Acts done by the one body or role whose job they are, named by the act itself: rescues (rescuers),
# appointments and nominations (a board, a party), elections (voters), swearing-in: the passive hides
# no one the reader does not know.
_ROLE_ACTS = frozenset("""
rescued appointed nominated elected reelected re-elected inaugurated sworn installed hospitalised
hospitalized treated airlifted crowned
""".split())
# Places of care after a passive of moving someone ("was taken to a hospital", "were rushed to hospital"):
# medical transport, whose doer (the crews) nobody hides.
_CARE_PLACES = frozenset("hospital hospitals clinic clinics infirmary".split())
# Verbs that are a court's act only with "of" and the charges after them ("was cleared of all
# charges"); "the road was cleared" has a hidden actor.
_JUSTICE_WITH_OF = frozenset({"cleared", "freed", "spared"})
# Kinds of hazard that act in a story ("the storm destroyed 40 homes"), and the accidents that kill
# or injure ("the derailment killed three", "were killed in the crash"): the happening, not a person
# the outlet leaves out.  Attacks, shootings and bombings have human agents: not here.
_HAZARDS = frozenset("""
storm typhoon hurricane cyclone tornado flood flooding tsunami landslide mudslide wildfire fire blaze
eruption explosion aftershock avalanche drought heatwave virus outbreak
wind winds gust gusts rain rains rainfall surge surges flames lightning hail snow
crash collision derailment accident wreck pileup stampede collapse sinking capsizing
""".split())
_BE = frozenset("is are was were be been being am".split())
_AUXILIARY = frozenset("has have had will would could may might must should can".split())
_GAP_WORDS = frozenset("not never also still already just now so far then being n't".split())
_IRREGULAR = frozenset("""
made held given taken seen told left led sent put shown hit built cut kept paid brought bought
caught found thrown written driven beaten chosen spoken frozen stolen broken forgotten sold shut won
lost done known run drawn struck understood met meant hidden fought sought thought felt heard
shot slain hurt
""".split())
# -ed/-en words that after "be" usually describe a state, not an action with a hidden agent.
_ADJECTIVAL = frozenset("""
prepared concerned interested supposed used tired pleased determined excited worried scared convinced
involved related based located united engaged married aged skilled limited advanced detailed
expected required obliged focused focussed centred centered
""".split())
# Participles of a condition someone is caught in ("was stranded", "were trapped"): a state the
# circumstances put them in, not an act whose doer the outlet leaves out.
_CONDITIONS = frozenset("stranded trapped marooned stuck".split())
# Predicative adjectives of a person's condition or status: after a verb of judging, declaring or
# leaving (``_STATE_JUDGING``) they make the passive a state judged ("are presumed dead", "was declared
# missing", "were left homeless"); after an act ("were shot dead") the doer is still hidden.
_STATE_COMPLEMENTS = frozenset("""
dead alive missing safe unharmed unhurt homeless unconscious injured wounded lost guilty innocent
responsible liable eligible ineligible unfit fit insane competent incompetent
""".split())
_STATE_JUDGING = frozenset("presumed declared pronounced feared believed thought listed left rendered ruled "
                           "certified deemed".split())
# Evidential passives: verbs of reporting, finding, judging and scheduling ("deaths were confirmed",
# "it is seen as", "an election cannot be held"): news style whose agent is the reporters' sources or
# the institutions, not an actor of the event the outlet leaves out.
_EVIDENTIAL = frozenset("""
confirmed reported recorded announced said told expected believed estimated thought known seen considered
deemed regarded viewed described felt found recovered registered listed counted held scheduled planned
lifted issued
""".split())
# Verbs of being or remaining before a participle that tell a state ("remained blocked").
_STATE_VERBS = frozenset("remain remains remained stay stays stayed is are was were be been".split())
# Prepositions before a capitalised word that make it a place or a time, not an actor ("on
# Interstate 5", "in Paris", "near Tacoma").
_PLACE_PREPOSITIONS = frozenset("on in at near to from into onto across along off toward towards".split())
# Head nouns of bodies that act as one ("the company caught its booster", "the board fired him").
_ORGANISATIONS = frozenset("""
company firm government board team agency authorities police army military ministry council committee
court party club union administration department
""".split())
_UNKNOWN_WINDOW_WORDS = 3   # words before a doer's noun searched for "a"/"an" (an unknown someone)
_RELATIVES = frozenset("who that which".split())
_PERSONAL_PRONOUNS = frozenset("he she they".split())
_SOMEONE = "\x00someone"    # the subject an unknown doer gives (never a word of a text)
# Words before a noun that make it what an act is of or for, not who acts ("the firing of the CEO").
_OF_WORDS = frozenset("of for by with".split())
# Words that open the object of a verb used actively ("rejected the plan", "arrested four men").
_OBJECT_START = frozenset("the a an his her their its this that these those him them us me it "
                          "two three four five six seven eight nine ten dozens hundreds".split())
# Words right after a participle that introduce its cause ("were killed after the quake struck",
# "when a roof collapsed", "due to the storm"): the passive then names what acted.
_CAUSE = frozenset("after when following because due amid during".split())
# Content words that do not count when comparing what two outlets quote.
_QUOTE_STOP = frozenset("""
a an the of to in on at by for with and or but as that this these those it its is was are were be
been has have had from into than then so if not we you they he she i our your their his her what
will would can could about there here
""".split())


class Passive(NamedTuple):
    start: int          # the "be" word
    end: int            # end of the participle
    participle: str
    agent: bool


@lru_cache(maxsize=8192)
def passives(text: str) -> tuple[Passive, ...]:
    """Passive constructions in ``text`` (version offsets), with or without a "by" agent.  Cached:
    a version takes part in a pair with every other outlet that carries its fact."""
    words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text)]
    out = []
    for i, (s, _, w) in enumerate(words):
        if w not in _BE:
            continue
        j = i + 1
        while j < len(words) and j - i - 1 < PASSIVE_MAX_GAP_WORDS and _is_gap(words[j][2]):
            j += 1
        if j < len(words) and _is_participle(words[j][2]):
            if words[j][2] in _STATE_JUDGING and j + 1 < len(words) and words[j + 1][2] in _STATE_COMPLEMENTS:
                continue        # "are presumed dead": a state judged, no act done to them
            if _with_an_adjective([x[2] for x in words[j + 1:j + 4]]):
                continue        # "were ‘experienced’ and ‘very professional’": an adjective, a quality
            window = words[j + 1:j + 1 + PASSIVE_AGENT_WINDOW_WORDS]
            if i > 0 and words[i - 1][2] in _AUXILIARY and w in ("be", "been"):
                s = words[i - 1][0]         # show "has been tied", not "been tied"
            # "by ..." names the agent; "after/when ... struck" or "in the derailment" names the
            # cause: no actor is hidden
            named = any(x[2] == "by" for x in window) or (j + 1 < len(words) and words[j + 1][2] in _CAUSE) \
                or _in_happening([x[2] for x in window])
            out.append(Passive(s, words[j][1], words[j][2], named))
    return _shared_causes(text, out)


def _with_an_adjective(after: list[str]) -> bool:
    """The words after a participle join it with "and" to an adjective, past one -ly adverb or
    "very" ("experienced and very professional", "organised and ruthless"): the participle is an
    adjective too, a quality of the subject, not an act done to it."""
    from lemminflect import getAllLemmas  # MIT; offline tables
    if not after or after[0] != "and":
        return False
    rest = [w for w in after[1:] if not (w == "very" or (w.endswith("ly") and len(w) > 4))]
    if not rest:
        return False
    word = rest[0]
    # "were killed and more than sixty were injured": a quantifier opens another clause's subject
    return bool(getAllLemmas(word, "ADJ")) and not getAllLemmas(word, "VERB") and not word.endswith(("ed", "en")) \
        and word not in load_lexicon("stopwords").entries and word not in _OBJECT_START


def _shared_causes(text: str, found: list[Passive]) -> tuple[Passive, ...]:
    """Passives joined by "and" in one clause share the agent or cause named after the last one
    ("three were killed and 260 were injured when two bombs exploded": the cause of both)."""
    out = list(found)
    for k in range(len(out) - 2, -1, -1):
        p, nxt = out[k], out[k + 1]
        between = text[p.end:nxt.start]
        if not p.agent and nxt.agent and not _SENTENCE_END.search(between) \
                and "and" in _WORD.findall(between.lower()) and len(_WORD.findall(between)) <= PASSIVE_JOINED_MAX_WORDS:
            out[k] = p._replace(agent=True)
    return tuple(out)


def _in_happening(after: list[str]) -> bool:
    """The words after a participle are "in" or "at" a happening that kills or injures ("were killed
    in the derailment", "injured in a deadly crash"), past a determiner and up to two modifiers."""
    if not after or after[0] not in ("in", "at"):
        return False
    rest = after[1:4]
    if rest and rest[0] in _OBJECT_START:
        rest = after[2:5]
    return any(w in _HAZARDS for w in rest[:3])


def _is_gap(word: str) -> bool:
    return word in _GAP_WORDS or (word.endswith("ly") and len(word) > 4)


def _is_participle(word: str) -> bool:
    if word in _ADJECTIVAL or word in _EVIDENTIAL or word in _CONDITIONS:
        return False
    return word in _IRREGULAR or (len(word) >= 4 and word.endswith("ed"))


# --- quote vs paraphrase ------------------------------------------------------------------------------

def quote_candidates(pair: Pair) -> Iterator[Candidate]:
    if not pair.same_claim():
        return
    qa, qb = pair.a.quoted_words(), pair.b.quoted_words()
    direct_a, direct_b = len(qa) >= FRAMING_QUOTE_MIN_WORDS, len(qb) >= FRAMING_QUOTE_MIN_WORDS
    if direct_a and not direct_b:
        if _same_speaker(pair.a, pair.b) and _says_it(qa, pair.b):
            yield _direct_vs_paraphrase(pair, pair.a, pair.b, len(qa))
    elif direct_b and not direct_a:
        if _same_speaker(pair.b, pair.a) and _says_it(qb, pair.a):
            yield _direct_vs_paraphrase(pair, pair.b, pair.a, len(qb))
    elif direct_a and direct_b:
        ca, cb = _content(qa), _content(qb)
        shared = len(ca & cb) / max(1, min(len(ca), len(cb)))
        if ca and cb and shared <= FRAMING_QUOTE_OVERLAP_MAX:
            yield _different_words(pair, shared)


def _same_speaker(quoting: Version, other: Version) -> bool:
    """The paraphrase gives the words to the quote's speaker: the quote has a named speaker, and
    the other version's sentences name them too (as a speaker or in the text)."""
    names = speakers(quoting)
    if not names:
        return False
    sentences = " ".join(other.article.sentence(i).text for i in other.sentence_ids)
    text = sentences.lower()
    if names & speakers(other):
        return True
    # named only in the text, the other version must give someone's words: a verb of saying or a
    # holding ("said", "according to", "wrote", "held that"); without one it is the outlet's own
    # report ("The Labour party has won a landslide") or background ("Altman was a founding member")
    return any(re.search(rf"\b{re.escape(n)}\b", text) for n in names) and _attributes(sentences)


# Nouns of a document or an utterance that carries someone's words ("The statement mentioned that").
_STATEMENTS = frozenset("""
statement statements announcement post letter release memo tweet blog remarks speech interview
""".split())


def _attributes(text: str) -> bool:
    """The text gives someone's words: a verb of the attribution_verbs or speech_verbs lexicons, a
    court's holding or a body's finding ("held that"), or a noun of a statement ("The statement
    mentioned that")."""
    return any(load_lexicon(name).find(text) for name in ("attribution_verbs", "speech_verbs")) \
        or holding(text) or any(w.lower() in _STATEMENTS for w in _WORD.findall(text))


def _says_it(quoted: list[str], other: Version) -> bool:
    """The paraphrase tells what the quote says: at least FRAMING_PARAPHRASE_MIN_SHARE of the quote's
    content-word stems, and at least FRAMING_PARAPHRASE_MIN_WORDS of them, are in the other version
    (a quote and another statement of the same speaker share the speaker and the topic, "you are
    still a jury" / "told the jury they will have the week off", not the words)."""
    said = {_stem(w) for w in _content(quoted)}
    told = {_stem(w.lower()) for w in _WORD.findall(other.text)}
    shared = len(said & told)
    return shared >= FRAMING_PARAPHRASE_MIN_WORDS and shared / len(said) >= FRAMING_PARAPHRASE_MIN_SHARE


def _content(words: list[str]) -> set[str]:
    return {w for w in words if w not in _QUOTE_STOP and len(w) > 1}


def _told_share(quoting: Version, q: tuple[int, int], other: Version) -> int:
    """How many of the quote's content-word stems the other version tells."""
    said = {_stem(w) for w in _content([w.lower() for w in _WORD.findall(quoting.text[q[0]:q[1]])])}
    return len(said & {_stem(w.lower()) for w in _WORD.findall(other.text)})


def _direct_vs_paraphrase(pair: Pair, quoting: Version, other: Version, n_words: int) -> Candidate:
    # the quote the paraphrase tells most of (of a version quoting two statements, the one the other
    # outlet paraphrases), the longest of those
    first = max(quoting.quotes, key=lambda q: (_told_share(quoting, q, other), q[1] - q[0], -q[0]))
    # the paraphrase shown is the other outlet's whole claim: the diff's change facing the quote may
    # begin or end mid-phrase ('Jr. told the' of "Judge … O'Toole Jr. told the jury they …")
    facing = pair.counterpart(quoting, *first)
    facing = other.claims_holding(*facing) if facing else (0, len(other.text))
    ranges = [(quoting, s, e) for s, e in quoting.quotes] + [(other, *facing)]
    score = (base_score("quote.direct_vs_paraphrase")
             + FRAMING_QUOTE_LENGTH_BONUS * min(1.0, n_words / FRAMING_QUOTE_FULL_WORDS))
    return Candidate(
        kind="quote_vs_paraphrase", rule="quote.direct_vs_paraphrase", first=quoting, second=other,
        terms={quoting.id: "direct", other.id: "paraphrase"}, ranges=ranges,
        evidence=(f"{quoting.name} quotes directly ({n_words} words: "
                  f"{quote(excerpt(quoting.text, *first))}) where {other.name} paraphrases "
                  f"({quote(excerpt(other.text, *facing))})."),
        score=adjust(score),
        # the quote as the term, so that one quote paraphrased by several outlets is one row (grouping.py)
        data={"quoted_words": {quoting.id: n_words, other.id: len(other.quoted_words())},
              "used_by": quoting.id, "term": excerpt(quoting.text, *first), "label": f"{n_words} words",
              "other_text": excerpt(other.text, *facing)})


def _different_words(pair: Pair, shared: float) -> Candidate:
    a, b = pair.a, pair.b
    ranges = [(v, s, e) for v in (a, b) for s, e in v.quotes]
    qa = " / ".join(excerpt(a.text, s, e, 6) for s, e in a.quotes[:2])
    qb = " / ".join(excerpt(b.text, s, e, 6) for s, e in b.quotes[:2])
    return Candidate(
        kind="quote_vs_paraphrase", rule="quote.different_words", first=a, second=b,
        terms={a.id: "quote", b.id: "quote"}, ranges=ranges,
        evidence=(f"{a.name} and {b.name} quote different words ({shared:.0%} shared): "
                  f"{quote(qa)} vs {quote(qb)}."),
        score=adjust(base_score("quote.different_words")), data={"shared_share": round(shared, 3)})


# --- agentless passive ----------------------------------------------------------------------------------

def passive_candidates(pair: Pair) -> Iterator[Candidate]:
    if not pair.same_claim():
        return
    found = {v.id: passives(v.text) for v in (pair.a, pair.b)}
    for version in (pair.a, pair.b):
        other = pair.other(version)
        other_agentless = {_stem(p.participle) for p in found[other.id] if not p.agent}
        seen: set[str] = set()
        for p in found[version.id]:
            stem = _stem(p.participle)
            # a passive in quoted or reported speech is the speaker's wording, not the outlet's choice
            if p.agent or stem in other_agentless or stem in seen or version.in_quote(p.start, p.end) \
                    or version.in_reported(p.start, p.end) or _named_in_sentence(version, p):
                continue
            if not _hides_an_actor(pair, version, other, p, stem):
                continue
            seen.add(stem)
            yield _passive_candidate(pair, version, other, p, stem)


def _named_in_sentence(version: Version, p: Passive) -> bool:
    """The passive's whole sentence in the article names its agent or cause: a version holds only
    the fact's claim of a compound sentence ("Three people were killed and more than 260 were
    injured" of "... when two bombs exploded"), the cause may stand in the rest of it."""
    pos = version.article_pos(p.start)
    sentence = next((x for x in version.article.sentences if x.start <= pos < x.end), None)
    if sentence is None:
        return False
    text = version.article.text[sentence.start:sentence.end]
    return any(q.agent for q in passives(text) if sentence.start + q.end == version.article_pos(p.end - 1) + 1)


def _active_uses(other: Version, p: Passive, stem: str) -> list[re.Match]:
    """The other version's uses of the passive's verb as a verb: a form in -ing or -s ("killing"), or
    the participle or an -ed form with an object after it ("rejected the plan"); not the bare noun
    ("damage" for "was damaged") nor a passive told short ("dozens more injured")."""
    words = list(_WORD.finditer(other.text))
    out = []
    for k, m in enumerate(words):
        w = m.group(0).lower()
        if _stem(w) != stem or not w.endswith(("ed", "ing", "s")) and w != p.participle:
            continue
        if w.endswith("ed") or w == p.participle:
            # "police arrested four men", "Kyiv rejected the plan": an object follows; "dozens more
            # injured after ..." is a passive told short, not an active use
            nxt = words[k + 1].group(0) if k + 1 < len(words) else ""
            if not (nxt.lower() in _OBJECT_START or nxt[:1].isdigit() or nxt[:1].isupper()):
                continue
        out.append(m)
    return out


def _hides_an_actor(pair: Pair, version: Version, other: Version, p: Passive, stem: str) -> bool:
    """An agentless passive is framing only when the other outlet names who acts: it uses the verb
    actively with an actor other than the event itself ("police arrested four men", not "the quake
    injured 732"), or its words facing the passive name an actor (a capitalised name or a person
    noun: "police", "crews").  When no words face it, or they tell it with no actor either ("was
    ousted" / "has collapsed"), nobody is shown to be hidden ("a minimum of 288 were needed"); nor
    when the act has one possible agent, the police or the courts ("were arrested", "was charged")."""
    if stem in _obvious_agent_stems() or _court_act(version.text, p) or _to_care(version.text, p):
        return False
    active = _active_uses(other, p, stem)
    if active:
        return not all(_event_acts(other.text, m.start())
                       or _actor_near(version, p, _subject(other.article.text, other.article_pos(m.start())))
                       for m in active)
    facing = pair.counterpart(version, p.start, p.end)
    if facing is None:
        return False
    words = _WORD.findall(other.text[facing[0]:facing[1]])
    if _told_as_state(words) or _told_passive(other, facing):
        return False
    return any(noun_of(w) or (w.endswith("s") and noun_of(w[:-1]))
               or (i > 0 and w[:1].isupper() and words[i - 1].lower() not in _PLACE_PREPOSITIONS)
               for i, w in enumerate(words))


def _told_passive(other: Version, facing: tuple[int, int]) -> bool:
    """The other version's words facing the passive hold an agentless passive of their own, of
    another verb ("was gunned down" facing "was shot and killed"): both tell the act without an
    actor, so this one hides nobody the other names."""
    lo, hi = facing
    return any(not q.agent and lo <= q.start and q.end <= hi for q in passives(other.text))


def _subject(text: str, pos: int) -> str:
    """The actor of the active verb at ``pos``: the nearest word before it in its clause that names
    someone, a capitalised word or a person or group noun, not one after a preposition ("Musk began
    his journey in Twitter by firing" -> "musk", "the company successfully caught" -> "company");
    "" when there is none; _SOMEONE when it is someone unknown, a noun after "a" or "an" ("a masked
    gunman who shot"): an actor nobody can name is no actor an outlet hides."""
    lo = max(0, pos - 200)
    stop = max((m.end() for m in _SENTENCE_END.finditer(text, lo, pos)
                if not _ABBREVIATION.search(text, max(0, m.start() - 4), m.start())), default=lo)
    words = _WORD.findall(text, stop, pos)
    if words and words[-1].lower() in _RELATIVES and _indefinite(words[:-1]):
        return _SOMEONE         # "a masked gunman who shot": someone unknown
    for k in range(len(words) - 1, -1, -1):
        w, low = words[k], words[k].lower()
        if k > 0 and words[k - 1].lower() in _PLACE_PREPOSITIONS | _OF_WORDS:
            continue
        # a capital opening the clause may be any word ("Finally", "The"): not a name by itself
        named = w[:1].isupper() and (k > 0 or low not in load_lexicon("stopwords").entries) \
            and not low.endswith("ly")
        if low in _PERSONAL_PRONOUNS:
            return _named_before(text, stop)     # "Among Musk's first steps … He fired": Musk
        if named or low in _ORGANISATIONS or is_person_word(low):
            return _SOMEONE if not named and _indefinite(words[:k]) else low
    return ""


def _named_before(text: str, pos: int) -> str:
    """The last name before ``pos`` in the PASSIVE_PRONOUN_LOOKBACK_CHARS before it (a capitalised word that
    does not open its sentence, its possessive cut: "Musk’s" -> "musk"), which a pronoun opening the
    next clause refers to; "" when there is none."""
    lo = max(0, pos - PASSIVE_PRONOUN_LOOKBACK_CHARS)
    found = ""
    for m in _WORD.finditer(text, lo, pos):
        before = text[max(lo, m.start() - 3):m.start()]
        if m.group(0)[:1].isupper() and not _SENTENCE_END.search(before) and m.start() > lo:
            found = re.sub(r"['’]s$", "", m.group(0)).lower()
    return found


def _indefinite(words: list[str]) -> bool:
    """The noun phrase ending the words opens with "a" or "an" within _UNKNOWN_WINDOW_WORDS words,
    past lower-case modifiers only ("a masked gunman")."""
    for w in reversed(words[-_UNKNOWN_WINDOW_WORDS:]):
        if w.lower() in ("a", "an"):
            return True
        if w[:1].isupper():
            return False
    return False


def _actor_near(version: Version, p: Passive, actor: str) -> bool:
    """The actor the other outlet names is named by this article too, before the passive in its
    paragraph or the paragraph before ("Musk reportedly culminated his takeover bid by terminating …
    executives. ¶ … Two more were also reportedly fired"; "The company managed to return the
    booster, where it was caught"): the reader is told who acts, nothing is hidden."""
    if actor == _SOMEONE:
        return True
    if not actor:
        return False
    pos = version.article_pos(p.start)
    sentences = version.article.sentences
    here = next((x for x in sentences if x.start <= pos < x.end), None)
    if here is None:
        return False
    lo = min((x.start for x in sentences if here.paragraph - 1 <= x.paragraph <= here.paragraph), default=here.start)
    return actor in {w.lower() for w in _WORD.findall(version.article.text[lo:pos])}


def _told_as_state(words: list[str]) -> bool:
    """The facing words tell the act as a state, with no actor either: a verb of being or
    remaining and a participle ("remained blocked on Interstate 5", "stayed closed")."""
    low = [w.lower() for w in words]
    return any(w in _STATE_VERBS and k + 1 < len(low) and _is_participle(low[k + 1])
               for k, w in enumerate(low))


def _court_act(text: str, p: Passive) -> bool:
    """"was cleared of all charges": a court's act, like "acquitted", when "of" follows."""
    after = _WORD.findall(text[p.end:p.end + 12].lower())
    return p.participle in _JUSTICE_WITH_OF and bool(after) and after[0] == "of"


def _to_care(text: str, p: Passive) -> bool:
    """"was taken to a hospital": a passive of moving someone to a place of care within three words."""
    after = _WORD.findall(text[p.end:p.end + 30].lower())[:3]
    return bool(after) and after[0] == "to" and any(w in _CARE_PLACES for w in after[1:])


@lru_cache(maxsize=1)
def _obvious_agent_stems() -> frozenset[str]:
    return frozenset(_stem(w) for w in _JUSTICE_ACTS | _ROLE_ACTS)


def _event_acts(text: str, pos: int) -> bool:
    """The subject of the active verb at ``pos`` is the event itself: a hazard or a word of the
    impact or calamity sense classes (``senses`` lexicon: "the earthquake ... injured 732", "the
    storm destroyed") stands in its sentence before the verb.  The event is then the agent, and the
    passive hides nobody."""
    from analysis.signals.framing.event_words import senses_of
    from analysis.signals.framing.uses import lemma
    lo = max(0, pos - 200)
    # a full stop after a short capitalised word is an abbreviation ("St. Petersburg"), not an end
    stop = max((m.end() for m in _SENTENCE_END.finditer(text, lo, pos)
                if not _ABBREVIATION.search(text, max(0, m.start() - 4), m.start())), default=lo)
    words = {lemma(w) for w in _WORD.findall(text, stop, pos)}
    return bool(words & _HAZARDS or senses_of(words) & _EVENT_SENSES)


def _passive_candidate(pair: Pair, version: Version, other: Version, p: Passive, stem: str) -> Candidate:
    phrase = version.text[p.start:p.end]
    active = _active_uses(other, p, stem)
    facing = pair.counterpart(version, p.start, p.end)
    ranges = [(version, p.start, p.end)]
    if active:
        ranges.append((other, active[0].start(), active[0].end()))
        where = f"where {other.name} uses the verb actively ({quote(active[0].group(0))})"
        rule = "passive.agentless_vs_active"
    elif facing:
        ranges.append((other, *facing))
        where = f"where {other.name} has {quote(excerpt(other.text, *facing))}"
        rule = "passive.agentless"
    else:
        where = f"; {other.name} has no such passive"
        rule = "passive.agentless"
    sep = "" if where.startswith(";") else " "
    return Candidate(
        kind="passive_agent", rule=rule, first=version, second=other,
        terms={version.id: phrase.lower(), other.id: active[0].group(0).lower() if active else ""},
        ranges=ranges,
        evidence=(f"{version.name} uses the agentless passive {quote(phrase)}, which does not say who "
                  f"acts{sep}{where}."),
        score=adjust(base_score(rule), one_sided=not active and pair.one_sided(version, p.start, p.end)),
        data={"participle": p.participle, "phrase": phrase})
