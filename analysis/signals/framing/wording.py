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

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Mapping, Sequence

from analysis.constants import (
    EVENT_SENSE_MIN_OUTLETS,
    EVENT_SENSE_MIN_SHARE,
    EVENT_VOCABULARY_MIN_OUTLETS,
    EVENT_VOCABULARY_MIN_SHARE,
    FRAMING_ASCRIBED_WINDOW_WORDS,
    FRAMING_DESCRIPTIVE_FACTOR,
    FRAMING_IN_QUOTE_FACTOR,
    FRAMING_PLAIN_COUNTERPART_BONUS,
    FRAMING_PROMINENCE_DISCOUNT,
    FRAMING_QUOTE_FRAGMENT_MAX_WORDS,
    FRAMING_SHARED_WORD_FACTOR,
    FRAMING_WORD_CHANGE_MAX_WORDS,
    FRAMING_WORD_FACING_MAX_WORDS,
    FRAMING_WORD_MIN_SCORE,
)
from analysis.lexicons import load_lexicon
from analysis.model import Article, Fact, Finding, Span, stable_id
from analysis.signals.common import count_words, per_thousand
from analysis.signals.framing.common import base_score, names_list, quote
from analysis.signals.framing.descriptive import describes, in_name, literal, participle_as_verb
from analysis.signals.framing.speech import speech_ranges
from analysis.signals.framing.versions import Pair, Version, build_version, same_speaker
from analysis.signals.nouns import noun_of
from analysis.signals.quotemarks import direct_spans
from analysis.signals.voices import find_quotes

# lexicon -> (finding kind, rule prefix, labels flagged (None: all))
WORD_CHOICE: dict[str, tuple[str, str, frozenset[str] | None]] = {
    "loaded": ("loaded_word", "loaded", None),
    "evaluative": ("loaded_word", "loaded", None),
    "metaphors": ("loaded_word", "loaded", None),
    "intensifiers": ("intensifier", "intensifier", frozenset({"adjective"})),
    "attribution_verbs": ("attribution_verb", "attribution", frozenset({"emotive"})),
}
# How evidence names each kind of word.
KIND_OF_WORD = {
    "emotive": "emotive word", "pejorative": "pejorative word", "dramatic": "dramatising word",
    "euphemism": "euphemism", "judgement": "word of judgement", "manner": "colouring adverb",
    "reaction": "staged reaction", "violent": "violent metaphor", "theatre": "theatre metaphor",
    "adjective": "intensifying adjective", "emotive_speech": "evaluative verb of speech",
}
# What a word describes that makes it no word choice (descriptive.py): a thing ("a historic church",
# "a dangerous Category 3 storm"), the account a source gives next ("described the chaos: “...”"), or
# what a private person feels or how they bear themselves ("he sat in shock", "he quietly waited").
NO_CHOICE = frozenset({"object", "account", "felt"})
_REPORTED = 10 ** 6        # stands for the length of a reported clause: never a short fragment
_WORD = re.compile(r"[A-Za-z]+(?:['’\-][A-Za-z]+)*")
_NEGATORS = frozenset({"not", "never", "no", "without", "nor", "cannot"})
# Words that may stand between a verb and the word it governs ("did not reflexively denounce",
# "see it as an unearned concession"): auxiliaries, determiners, pronouns and -ly adverbs.
_BETWEEN = frozenset("be is are was were been being has have had do does did will would could should may "
                     "might must can the a an this that these those it them his her their its our "
                     "him me us".split())
_CLAUSE_END = re.compile(r"[.;:!?\n]")
# Head nouns of bodies, offices and activities: a word-choice noun right before one is part of a name
# or a term of the trade ("disaster officials", "the provincial disaster office", "relief operations"),
# not a word the outlet chose for the event.
_BODY_HEADS = frozenset("""
official officials office offices agency agencies authority authorities council committee ministry
department departments operation operations management response team teams unit units fund funds
zone zones area areas service services centre center centres centers coordinator coordinators
commission board group groups worker workers effort efforts agency's council's
""".split())


@dataclass(frozen=True)
class Use:
    """One occurrence of a word-choice term in an article."""
    start: int
    end: int
    term: str
    label: str
    lexicon: str
    family: str
    in_quote: bool      # inside a short quoted fragment
    ascribed: bool = False  # a judgement an ascribing verb gives its subject ("see it as unearned")
    describes: str = ""     # "state": it describes a person's state, not judges (descriptive.py)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a word ("slammed" -> "slam", "fiercer" -> "fierce"), else the word."""
    from lemminflect import getAllLemmas  # MIT; lemmas from its own shipped tables, offline
    low = word.lower().replace("’", "'")
    for pos in ("VERB", "NOUN", "ADJ", "ADV"):
        found = getAllLemmas(low, pos)
        if found:
            return found[pos][0]
    return low


def family(term: str) -> str:
    """A term's family: the lemma of each word ("took a swipe" and "taking a swipe" are one)."""
    return " ".join(lemma(w) for w in term.split())


_USES: dict[tuple[str, str], tuple[list[Use], frozenset[str]]] = {}
_USES_MAX = 512


def article_uses(article: Article) -> tuple[list[Use], frozenset[str]]:
    """(the article's word-choice uses that are the outlet's own, every family the article uses
    anywhere, quotes included); cached per text."""
    key = (article.id, article.digest)
    if key not in _USES:
        if len(_USES) >= _USES_MAX:
            _USES.clear()
        _USES[key] = _scan(article)
    return _USES[key]


def _scan(article: Article) -> tuple[list[Use], frozenset[str]]:
    quotes = [(q.start, q.end, count_words(article.text[q.start:q.end])) for q in direct_spans(article)]
    # reported speech ("X said the plan was reckless") is the source's wording, told by the outlet
    quotes += [(q.start, q.end, _REPORTED) for q in find_quotes(article) if q.kind == "reported"]
    # and speech told by a participle or "claimed to be" (", saying he was the victim of ...")
    quotes += [(s, e, _REPORTED) for s, e in speech_ranges(article.text)]
    families = {lemma(w) for w in _WORD.findall(article.text)}
    uses = []
    for name, (_, _, labels) in WORD_CHOICE.items():
        for start, end, term, label in load_lexicon(name).find(article.text):
            fam = family(term)
            families.add(fam)
            if labels is not None and label not in labels:
                continue
            inside = [n for s, e, n in quotes if s <= start and end <= e]
            if inside and inside[0] > FRAMING_QUOTE_FRAGMENT_MAX_WORDS:
                continue        # the speaker's word, not the outlet's
            if (named_body(article.text, end) and not _adjective(term)) or negated(article.text, start) \
                    or literal(article.text, start, end) or participle_as_verb(article.text, end, term, label) \
                    or in_name(article.text, start, end):
                continue        # a name or a term of the trade, nobody is said to do it, or a device
            # a subject's view told by the outlet counts low, as a quoted fragment does (which
            # views the outlet reports, and in which words, is still its choice)
            described = describes(article.text, start, end, label)
            if described in NO_CHOICE:
                continue        # it describes a thing, or names what a source is about to tell
            uses.append(Use(start, end, term, label, name, fam, bool(inside),
                            not inside and ascribed(article.text, start), described))
    return _without_overlaps(uses), frozenset(families)


def _without_overlaps(uses: list[Use]) -> list[Use]:
    """One use per stretch of text: the longest term wins ("lashed out at" over "lashed")."""
    out: list[Use] = []
    for u in sorted(uses, key=lambda u: (u.start, -(u.end - u.start))):
        if out and u.start < out[-1].end:
            continue
        out.append(u)
    return out


def _words_before(text: str, pos: int) -> list[str]:
    """The words of ``pos``'s clause before it, nearest first, lower case."""
    start = max(0, pos - 120)
    stop = max((m.end() for m in _CLAUSE_END.finditer(text, start, pos)), default=start)
    return [w.lower() for w in reversed(_WORD.findall(text, stop, pos))]


def _skip_between(words: list[str], i: int = 0, pronouns: bool = False) -> int:
    """Index of the first word from ``i`` on that is not an auxiliary or -ly adverb (nor, when
    ``pronouns``, a determiner or pronoun)."""
    aux = {"be", "is", "are", "was", "were", "been", "being", "has", "have", "had", "do", "does", "did"}
    while i < len(words) and ((words[i].endswith("ly") and len(words[i]) > 4)
                              or words[i] in (_BETWEEN if pronouns else aux)):
        i += 1
    return i


@lru_cache(maxsize=4096)
def _adjective(term: str) -> bool:
    """A one-word term that can be an adjective ("corrupt", "anxious", "panicked"): before a person
    noun it judges or describes the people ("corrupt officials"), not a noun naming a body
    ("disaster officials")."""
    from lemminflect import getAllLemmas
    return " " not in term and bool(getAllLemmas(term, "ADJ") or term.endswith("ed"))


def named_body(text: str, end: int) -> bool:
    """The word ending at ``end`` modifies a head noun of a body, an activity or a person's role
    ("disaster officials", "relief operations", "disaster officer"): a name or a term of the trade."""
    m = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    if m is None:
        return False
    word = m.group(0).lower()
    return word in _BODY_HEADS or bool(noun_of(word) or (word.endswith("s") and noun_of(word[:-1])))


def negated(text: str, pos: int) -> bool:
    """The word at ``pos`` follows a negation, past auxiliaries and -ly adverbs ("did not reflexively
    denounce", "was never condemned", "didn't slam")."""
    words = _words_before(text, pos)
    i = _skip_between(words)
    return i < len(words) and (words[i] in _NEGATORS or words[i].endswith("n't"))


def ascribed(text: str, pos: int) -> bool:
    """The word at ``pos`` is a judgement a verb of the ``ascribing_verbs`` lexicon ascribes to its
    subject: after "as" ("see it as an unearned concession", "dismissed his remarks as alarmist") or,
    for the label verbs, as the verb's complement ("branded the plan reckless"), within
    FRAMING_ASCRIBED_WINDOW_WORDS words."""
    verbs = load_lexicon("ascribing_verbs").entries
    words = _words_before(text, pos)[:FRAMING_ASCRIBED_WINDOW_WORDS + 1]
    if "as" in words:
        after_as = words[words.index("as") + 1:]
        if any(verbs.get(lemma(w)) in ("as", "label") for w in after_as):
            return True
    i = _skip_between(words, pronouns=True)
    # "called the plan reckless": the verb, its object (a determiner and up to two words), the word
    for j in range(i, min(len(words), i + 3)):
        if verbs.get(lemma(words[j])) == "label":
            return True
    return False


@lru_cache(maxsize=1)
def _sense_classes() -> dict[str, frozenset[str]]:
    """Family (lemma, or a fixed phrase) -> its sense classes, from the ``senses`` lexicon."""
    out: dict[str, frozenset[str]] = {}
    for term, label in load_lexicon("senses").entries.items():
        out[family(term) if " " not in term else term] = frozenset(label.split(","))
    return out


def senses_of(families: frozenset[str] | set[str]) -> frozenset[str]:
    """The sense classes expressed by any of ``families``."""
    table = _sense_classes()
    return frozenset(c for f in families for c in table.get(f, ()))


_SENSES: dict[tuple[str, str], frozenset[str]] = {}


def article_senses(article: Article) -> frozenset[str]:
    """The sense classes an article expresses anywhere (its words' lemmas and the lexicon's fixed
    phrases, quotes included); cached per text."""
    key = (article.id, article.digest)
    if key not in _SENSES:
        if len(_SENSES) >= _USES_MAX:
            _SENSES.clear()
        phrases = {term for _, _, term, _ in load_lexicon("senses").find(article.text) if " " in term}
        _SENSES[key] = senses_of(set(article_uses(article)[1]) | phrases)
    return _SENSES[key]


def event_senses(articles: Sequence[Article]) -> frozenset[str]:
    """Sense classes expressed by at least EVENT_SENSE_MIN_SHARE of the outlets (and at least
    EVENT_SENSE_MIN_OUTLETS of them): what the event itself calls for."""
    counts: dict[str, int] = defaultdict(int)
    for a in articles:
        for c in article_senses(a):
            counts[c] += 1
    need = max(EVENT_SENSE_MIN_OUTLETS, EVENT_SENSE_MIN_SHARE * len(articles))
    return frozenset(c for c, n in counts.items() if n >= need)


def event_vocabulary(articles: Sequence[Article]) -> frozenset[str]:
    """Families used by at least EVENT_VOCABULARY_MIN_SHARE of the outlets (and at least
    EVENT_VOCABULARY_MIN_OUTLETS of them), or by EVENT_SENSE_MIN_SHARE and EVENT_SENSE_MIN_OUTLETS as
    for a sense class: the event's own words."""
    counts: dict[str, int] = defaultdict(int)
    for a in articles:
        for fam in article_uses(a)[1]:
            counts[fam] += 1
    # either share: three of five outlets make a word the event's, as they do a sense class
    need = min(max(EVENT_VOCABULARY_MIN_OUTLETS, EVENT_VOCABULARY_MIN_SHARE * len(articles)),
               max(EVENT_SENSE_MIN_OUTLETS, EVENT_SENSE_MIN_SHARE * len(articles)))
    return frozenset(f for f, n in counts.items() if n >= need)


# --- what the other outlets wrote instead -------------------------------------------------------------

class _Facing:
    """Versions of the facts, to find what another outlet wrote facing a word (built lazily)."""

    def __init__(self, facts: Sequence[Fact], articles: Mapping[str, Article]):
        self.articles = articles
        self.by_sentence: dict[str, list[Fact]] = defaultdict(list)
        for f in facts:
            for m in f.members:
                for sid in m.sentences:
                    self.by_sentence[sid].append(f)
        self._versions: dict[tuple[str, str], Version | None] = {}

    def version(self, fact: Fact, article_id: str) -> Version | None:
        key = (fact.id, article_id)
        if key not in self._versions:
            member = fact.member(article_id)
            article = self.articles.get(article_id)
            self._versions[key] = build_version(article, member) if member and article else None
        return self._versions[key]

    def facts_of(self, article: Article, pos: int) -> list[Fact]:
        for s in article.sentences:
            if s.start <= pos < s.end:
                return self.by_sentence.get(s.id, [])
        return []

    def verbs(self, article: Article, use: Use) -> dict[str, tuple[str, int, int]]:
        """Other article id -> its first attribution verb outside quotes in a fact it shares with the
        use, of the same speaker ("said"): what an outlet attributes the same statement with, when no
        diff pins it (another speaker's verb is another act)."""
        out: dict[str, tuple[str, int, int]] = {}
        for fact in self.facts_of(article, use.start):
            mine = self.version(fact, article.id)
            v_start = _version_pos(mine, use.start) if mine else None
            for m in fact.members:
                other = self.version(fact, m.article) if m.article != article.id else None
                if other is None or m.article in out:
                    continue
                found = [h for h in load_lexicon("attribution_verbs").find(other.text)
                         if not other.in_quote(h[0], h[1])
                         and (mine is None or v_start is None
                              or same_speaker(mine, (v_start, v_start + use.end - use.start), other, (h[0], h[1])))]
                if found:
                    s, e = found[0][0], found[0][1]
                    out[m.article] = (other.text[s:e], other.article_pos(s), other.article_pos(e - 1) + 1)
        return out

    def counterparts(self, article: Article, use: Use) -> dict[str, tuple[str, int, int]]:
        """Other article id -> (its words facing the use, article start, end) in a shared fact."""
        out: dict[str, tuple[str, int, int]] = {}
        for fact in self.facts_of(article, use.start):
            mine = self.version(fact, article.id)
            if mine is None:
                continue
            v_start = _version_pos(mine, use.start)
            if v_start is None:
                continue
            for m in fact.members:
                if m.article == article.id or m.article in out or m.article not in self.articles:
                    continue
                other = self.version(fact, m.article)
                if other is None:
                    continue
                facing = _word_facing(Pair(fact.id, mine, other), v_start, v_start + use.end - use.start)
                if facing:
                    out[m.article] = (other.text[facing[0]:facing[1]], other.article_pos(facing[0]),
                                      other.article_pos(facing[1] - 1) + 1)
        return out


def _word_facing(pair: Pair, start: int, end: int) -> tuple[int, int] | None:
    """The other version's words that replace [start, end) of ``pair.a``, aligned word by word inside
    the diff's change ("slammed the reckless plan" / "criticised the plan": "slammed" faces
    "criticised", "reckless" faces nothing); None when the words are unchanged or only deleted."""
    op = pair.op_at(pair.a, start, end)
    if op is None or op.tag != "replace" or not flanked(pair, op):
        return None
    ta = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(pair.a.text, op.a_start, op.a_end)]
    tb = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(pair.b.text, op.b_start, op.b_end)]
    matcher = SequenceMatcher(None, [w for *_, w in ta], [w for *_, w in tb], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        covers = i1 < i2 and ta[i1][0] <= start and end <= ta[i2 - 1][1]
        if covers and tag == "replace" and j2 - j1 <= FRAMING_WORD_FACING_MAX_WORDS:
            return tb[j1][0], tb[j2 - 1][1]
        if covers:
            return None
    return None


def flanked(pair: Pair, op) -> bool:
    """A change with unchanged words on both sides and at most FRAMING_WORD_CHANGE_MAX_WORDS words on
    each side: a substitution inside one shared sentence, not two different sentences."""
    k = pair.ops.index(op)
    if k == 0 or k == len(pair.ops) - 1 or pair.ops[k - 1].tag != "equal" or pair.ops[k + 1].tag != "equal":
        return False
    words = lambda text, s, e: len(_WORD.findall(text, s, e))
    return max(words(pair.a.text, op.a_start, op.a_end), words(pair.b.text, op.b_start, op.b_end)) \
        <= FRAMING_WORD_CHANGE_MAX_WORDS


def _version_pos(version: Version, pos: int) -> int | None:
    for v0, a0, n in version.pieces:
        if a0 <= pos < a0 + n:
            return v0 + pos - a0
    return None


# --- findings -----------------------------------------------------------------------------------------

def word_choice_findings(facts: Sequence[Fact], articles: Mapping[str, Article]) -> list[Finding]:
    """One finding per outlet and word family that is the outlet's choice (module docstring)."""
    peers = list(articles.values())
    if len(peers) < 2:
        return []
    common = event_vocabulary(peers)
    called_for = event_senses(peers)
    facing = _Facing(facts, articles)
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
        for fam, uses in groups.items():
            sharers = [b for b in users[fam] if b != a.id]
            mine.append(_finding(a, uses, sharers, facing, articles))
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


def _finding(article: Article, uses: list[Use], sharers: list[str], facing: _Facing,
             articles: Mapping[str, Article]) -> Finding:
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
    others = [aid for aid in articles if aid != article.id]
    name = lambda aid: articles[aid].outlet or aid
    told = [f"{name(aid)} has {quote(facing_by[aid][0])}" for aid in others
            if aid in facing_by and aid not in shared]
    if sharers:
        told.append(f"{names_list([name(a) for a in sharers])} also {'uses' if len(sharers) == 1 else 'use'} it")
    rest = [name(a) for a in others if a not in shared and a not in facing_by]
    if rest:
        told.append(f"{names_list(rest)} {'does' if len(rest) == 1 else 'do'} not use it")
    times = f", {len(uses)} times" if len(uses) > 1 else ""
    quoted = ", in a quoted fragment" if in_quote else ", as the view of its subject" if ascribed_only else ""
    quoted += ", describing a person's state" if described == "state" else ""
    spans = [Span(article.id, u.start, u.end) for u in uses]
    spans += [Span(aid, s, e) for aid, (_, s, e) in facing_by.items() if aid not in shared]
    terms = {article.id: first.term}
    terms.update({aid: (first.term if aid in shared else facing_by.get(aid, ("", 0, 0))[0]) for aid in others})
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
