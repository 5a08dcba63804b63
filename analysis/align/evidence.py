"""Event-conditioned evidence that two claims of different outlets report the same fact.

All the articles of one event share its topic: "Akin", "Senate", "rape" are in half the sentences of
every outlet, so raw similarity rates two unrelated sentences of one story almost as high as two
tellings of one fact.  What an editor matches on is what is *specific* to a claim inside the event.
So each word is weighed by how unlikely it is that two claims of these two articles share it by
chance: ``surprise(w) = -ln p_A(w) - ln p_B(w)``, with ``p_X(w)`` the share of article X's claims that
hold the word (smoothed).  A word in every claim of both weighs little; a word in one claim of each
weighs a lot.  Groups of the ``event_concepts`` lexicon ("resign" / "step down" -> quit) count as
words too.

``FEATURES`` of a candidate pair (each explainable on its own):

* ``similarity`` — the graded similarity of the two claims (``stage.similarities``: STS-B fit);
* ``sentence`` — surprise-weighted overlap of the two claims' words and action groups: shared
  surprise over the smaller side's total (0-1), read on one core against the other whole claim
  (one side's speaker may be the other's actor, but two attributions never meet: "..., the mayor
  said" on both sides decides nothing);
* ``context`` — the same over each claim's words with those of the sentences just before and just
  after it: stories tell a fact with its surroundings, so a paraphrase is often recognisable by its
  context (the other claims of its own sentence are left out: they are other facts); counted only as
  far as the claims themselves share something (times ``own``, the higher of ``sentence`` and
  ``soft``): two short stories told in the same order have alike surroundings everywhere, and two
  claims that share no word and no close word are not one fact whatever surrounds them;
* ``surroundings`` — ``context`` with ``EVIDENCE_SURROUNDING_SENTENCES`` sentences each way: outlets
  put a fact's background, reactions and quotes a few sentences apart, not always next to it (on the
  held-out gold halves this found 12 more of 945 gold links, at link precision 0.85 -> 0.85 and
  claim-pair precision 0.71 -> 0.72; 2 and 4 sentences did no better);
* ``soft`` — surprise-weighted share of each core's words that have a close word (embedding cosine
  above ``EVIDENCE_CLOSE_WORD``) in the other core, both ways; or of one whole claim with the other's
  core, when higher (one side's speaker may be the other's actor, as for ``similarity``);
* ``rare`` — shared stems, names left out, that at most ``EVIDENCE_RARE_MAX_CLAIMS`` claims of the
  two articles hold (capped at ``EVIDENCE_RARE_CAP``);
* ``numbers`` / ``dates`` — quantities stated by both (same amount), dates both give;
* ``quote`` — 1 when both quote the same words (a run of ``EVIDENCE_QUOTE_WORDS`` words inside
  quotation marks): two outlets quoting one statement;
* ``ledes`` — 1 when both claims open their stories (``LEDE_SENTENCES``), each story long enough that
  its lede is at most ``LEDE_MAX_STORY_SHARE`` of it: on a short page every lede names the event ("the
  collapse of the Francis Scott Key Bridge"), so the bonus made one fact of a bridge collapse, a
  mayday, six missing workers and an FBI inquiry (real coverage, seven outlets; BASIL held-out
  halves: recall 690 -> 694 of 1365, precision 0.867 -> 0.861, claim-pair precision 0.705 -> 0.702);
* ``margin`` — the pair's similarity minus the best other candidate of either claim in the other
  article (a claim's best match stands out);
* ``actions`` — surprise of the action groups both cores report;
* ``names_apart`` — 1 when both whole claims name someone or something and share no name (two
  people's doings are two facts, whatever the rest shares).

``probabilities(X) = sigmoid(LINK_BIAS + sum LINK_WEIGHTS[f] * f)``: a logistic fit on the gold
links of the BASIL dev events (``python main.py bench facts --fit``; the benchmark also fits it on
one half of the events and measures it on the other).  Cost: linear in the candidate pairs.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import add
from typing import Mapping, Sequence

import numpy as np

from analysis.align.claims import Claim, protected_ranges
from analysis.align.features import SentenceFeatures
from analysis.align.features.concepts import concepts
from analysis.align.features.quantities import same_quantity
from analysis.align.features.words import scan, stem
from analysis.constants import (
    EVIDENCE_CLOSE_WORD,
    EVIDENCE_QUOTE_WORDS,
    EVIDENCE_RARE_CAP,
    EVIDENCE_RARE_MAX_CLAIMS,
    EVIDENCE_SURROUNDING_SENTENCES,
    LEDE_MAX_STORY_SHARE,
    LEDE_SENTENCES,
    LINK_BIAS,
    LINK_PARALLEL_MIN_PAIRS,
    LINK_WEIGHTS,
)
from analysis.workers import split_map

# ndarray.max / ndarray.sum without their Python wrappers (numpy's own ``_methods``): the very same
# reductions, called ~20,000 times per compare of five articles on arrays of a few words.
_MAX, _SUM = np.maximum.reduce, np.add.reduce

FEATURES = ("similarity", "sentence", "context", "soft", "rare", "numbers", "dates", "quote", "ledes",
            "margin", "actions", "names_apart", "surroundings")
Key = tuple[str, int]                       # (article id, claim index)
_GROUP = "~"                                # prefix of an action group among the stems


@dataclass(frozen=True)
class Counts:
    """Per article: its number of claims and how many of them hold each stem or action group."""
    claims: Mapping[str, int]
    holding: Mapping[str, Mapping[str, int]]
    # Read many times per pair, so computed once: article -> (token -> -ln p, -ln p of an unseen token),
    # and (unit, article) -> the unit's content words' -ln p there: in its own article (``_words``),
    # in another (``_elsewhere``: ``forget_elsewhere`` drops them once their pairs are read).
    _logs: dict = field(default_factory=dict, compare=False, repr=False)
    _words: dict = field(default_factory=dict, compare=False, repr=False)
    _elsewhere: dict = field(default_factory=dict, compare=False, repr=False)
    _pairs: dict = field(default_factory=dict, compare=False, repr=False)

    def _log(self, article: str) -> tuple[dict[str, float], float]:
        table = self._logs.get(article)
        if table is None:
            n = self.claims[article] + 1
            table = ({t: -math.log((k + 0.5) / n) for t, k in self.holding[article].items()}, -math.log(0.5 / n))
            self._logs[article] = table
        return table

    def surprise(self, token: str, a: str, b: str) -> float:
        """How unlikely two claims of articles ``a`` and ``b`` share ``token`` by chance (nats):
        ``-ln p_a - ln p_b``, ``p_X`` the smoothed share of X's claims that hold it."""
        (ta, da), (tb, db) = self._log(a), self._log(b)
        return ta.get(token, da) + tb.get(token, db)

    def weight(self, tokens: frozenset[str], a: str, b: str) -> float:
        """Summed surprise of ``tokens``: ``sum(surprise(t, a, b) for t in tokens)``, the same
        additions in the same order, looked up and added by ``map`` (no Python step per token:
        this sum was the link stage's largest cost)."""
        (ta, da), (tb, db) = self._log(a), self._log(b)
        return sum(map(add, map(ta.get, tokens, repeat(da)), map(tb.get, tokens, repeat(db))))

    def word_surprise(self, f: SentenceFeatures, article: str) -> np.ndarray:
        """``-ln p`` in ``article`` of each of the unit's content words (their stems)."""
        key = (id(f), article)
        cache = self._words if article == f.article else self._elsewhere
        got = cache.get(key)
        if got is None:
            table, unseen = self._log(article)
            got = (f, np.array([table.get(stem(w), unseen) for w in f.content], dtype=np.float64))
            cache[key] = got                    # the unit is kept with it, so its id stays its own
        return got[1]

    def pair_surprise(self, f: SentenceFeatures, a: str, b: str) -> tuple[np.ndarray, float]:
        """``word_surprise(f, a) + word_surprise(f, b)`` and its sum: a unit meets many candidates
        of one other article, each read with the same two articles."""
        key = (id(f), a, b)
        got = self._pairs.get(key)
        if got is None:
            w = self.word_surprise(f, a) + self.word_surprise(f, b)
            got = self._pairs[key] = (f, w, float(_SUM(w)))    # the unit kept: its id stays its own
        return got[1], got[2]

    def forget_elsewhere(self) -> None:
        """Drop the units' word surprises in other articles than their own (``word_surprise``),
        and their sums over two articles (``pair_surprise``: one of the two is another's)."""
        self._elsewhere.clear()
        self._pairs.clear()

    def overlap(self, x: frozenset[str], y: frozenset[str], a: str, b: str,
                totals: dict[tuple[int, str, str], float] | None = None) -> float:
        """Surprise of the shared tokens over the smaller side's total (0-1).  ``totals`` keeps each
        side's weight by (id of the token set, a, b): a claim meets many candidates in one article,
        and its token sets (alive for as long as ``totals`` is) are summed once there."""
        smaller = min(self._total(x, a, b, totals), self._total(y, a, b, totals))
        return self.weight(x & y, a, b) / smaller if smaller > 0 else 0.0

    def _total(self, x: frozenset[str], a: str, b: str, totals: dict[tuple[int, str, str], float] | None
               ) -> float:
        if totals is None:
            return self.weight(x, a, b)
        key = (id(x), a, b)
        got = totals.get(key)
        if got is None:
            got = totals[key] = self.weight(x, a, b)
        return got


def tokens(f: SentenceFeatures) -> frozenset[str]:
    """A unit's stems and its action groups (marked so that no stem equals a group)."""
    return frozenset(f.stems) | frozenset(_GROUP + g for g in concepts(f.text))


def counts(claim_features: Mapping[str, Sequence[SentenceFeatures]]) -> Counts:
    holding: dict[str, dict[str, int]] = {}
    for art, feats in claim_features.items():
        table: dict[str, int] = {}
        for f in feats:
            for t in tokens(f):
                table[t] = table.get(t, 0) + 1
        holding[art] = table
    return Counts({a: len(fs) for a, fs in claim_features.items()}, holding)


@dataclass(frozen=True)
class Event:
    """What the evidence reads: claims, their features, their sentences' features, the counts."""
    claims: Mapping[str, Sequence[Claim]]
    claim_features: Mapping[str, Sequence[SentenceFeatures]]
    whole: Mapping[Key, SentenceFeatures]           # whole claim (attribution included), when it differs
    sentence_features: Mapping[str, Sequence[SentenceFeatures]]
    counts: Counts


def event(claims: Mapping[str, Sequence[Claim]], claim_features: Mapping[str, Sequence[SentenceFeatures]],
          whole: Mapping[Key, SentenceFeatures], sentence_features: Mapping[str, Sequence[SentenceFeatures]]
          ) -> Event:
    return Event(claims, claim_features, whole, sentence_features, counts(claim_features))


def feature_matrix(ev: Event, pairs: Sequence[tuple[Key, Key]], similarity: np.ndarray) -> np.ndarray:
    """One row of ``FEATURES`` per pair; ``similarity`` holds each pair's graded similarity.  Each row
    is computed from its own pair alone (what rows share is caches), so the pairs are split over the
    cores (``analysis.workers``) from ``LINK_PARALLEL_MIN_PAIRS`` on, with the same rows."""
    rivals = _rivals(pairs, similarity)
    return np.vstack(split_map(lambda start, stop: _rows(ev, pairs, similarity, rivals, start, stop),
                               len(pairs), LINK_PARALLEL_MIN_PAIRS))


def _rows(ev: Event, pairs: Sequence[tuple[Key, Key]], similarity: np.ndarray,
          rivals: Mapping[tuple[Key, str], list[float]], start: int, stop: int) -> np.ndarray:
    """The rows of ``feature_matrix`` for ``pairs[start:stop]``.

    The candidate pairs come grouped by the article of their first claim (``candidate_pairs``: each
    pair ordered earlier article first), so what only that article's pairs read is dropped when the
    next article's begin: its claims' token sets, the token sets' totals, word surprises in another
    article than a unit's own.  Any other order gives the same rows (those are caches), only slower."""
    core_tokens: dict[Key, frozenset[str]] = {}
    claim_tokens: dict[Key, frozenset[str]] = {}
    window_tokens: dict[Key, frozenset[str]] = {}
    far_tokens: dict[Key, frozenset[str]] = {}
    totals: dict[tuple[int, str, str], float] = {}      # (the token sets above stay alive with it)
    closeness: Closeness = {}
    out = np.zeros((stop - start, len(FEATURES)), dtype=np.float64)
    made: dict[str, list[Key]] = {}                     # article -> its claims whose token sets are made
    reading: str | None = None                          # the article of the pairs' first claims
    for i in range(start, stop):
        ka, kb = pairs[i]
        a, b = ka[0], kb[0]
        if a != reading:
            done = made.pop(reading, []) if reading is not None else []
            _forget(done, (core_tokens, claim_tokens, window_tokens, far_tokens), totals, ev.counts)
            reading = a
        fa, fb = ev.claim_features[a][ka[1]], ev.claim_features[b][kb[1]]
        sa, sb = ev.claims[a][ka[1]].sentence, ev.claims[b][kb[1]].sentence
        for key, art, own_sentence in ((ka, a, sa), (kb, b, sb)):
            if key not in claim_tokens:
                made.setdefault(art, []).append(key)
                unit = ev.claim_features[art][key[1]]
                core_tokens[key] = tokens(unit)
                # A claim without attribution is its own whole claim: the same tokens, one object.
                claim_tokens[key] = core_tokens[key] if _whole(ev, key) is unit else tokens(_whole(ev, key))
                window_tokens[key] = _window(ev.sentence_features[art], own_sentence, _whole(ev, key), 1)
                far_tokens[key] = _window(ev.sentence_features[art], own_sentence, _whole(ev, key),
                                          EVIDENCE_SURROUNDING_SENTENCES)
        s = float(similarity[i])
        sentence = ev.counts.overlap(core_tokens[ka], claim_tokens[kb], a, b, totals)
        if core_tokens[ka] is not claim_tokens[ka] or core_tokens[kb] is not claim_tokens[kb]:
            # (else the other reading has the very same tokens on both sides: the same overlap)
            sentence = max(sentence, ev.counts.overlap(claim_tokens[ka], core_tokens[kb], a, b, totals))
        # A claim without attribution is its own whole claim: its soft overlap is not computed again.
        wa, wb = _whole(ev, ka), _whole(ev, kb)
        base = _soft(fa, fb, ev.counts, closeness)
        soft = max(base, base if wa is fa else _soft(wa, fb, ev.counts, closeness),
                   base if wb is fb else _soft(fa, wb, ev.counts, closeness))
        own = max(sentence, soft)
        out[i - start] = (
            s,
            sentence,
            own * ev.counts.overlap(window_tokens[ka], window_tokens[kb], a, b, totals),
            soft,
            min(EVIDENCE_RARE_CAP, _rare(fa, fb, ev.counts)),
            sum(1 for x in fa.numbers if any(same_quantity(x, y) for y in fb.numbers)),
            len(fa.dates & fb.dates),
            float(quotes_shared(_whole(ev, ka).text, _whole(ev, kb).text)),
            float(_in_lede(sa, len(ev.sentence_features[a])) and _in_lede(sb, len(ev.sentence_features[b]))),
            s - max(_rival(rivals, ka, b, s), _rival(rivals, kb, a, s)),
            ev.counts.weight(frozenset(_GROUP + g for g in concepts(fa.text) & concepts(fb.text)), a, b),
            float(_names_apart(_whole(ev, ka).entities, _whole(ev, kb).entities)),
            own * ev.counts.overlap(far_tokens[ka], far_tokens[kb], a, b, totals),
        )
    return out


def _forget(claims: Sequence[Key], token_sets: Sequence[dict[Key, frozenset[str]]],
            totals: dict[tuple[int, str, str], float], counts: Counts) -> None:
    """What ``_rows`` read for the pairs of one article's ``claims`` only: their token sets (a later
    pair holds one of them only out of the usual order, and then they are made again), every total
    (keyed by the id of a token set: dropped with the sets, so never read for another set made at the
    same address), the word surprises elsewhere."""
    totals.clear()
    counts.forget_elsewhere()
    for sets in token_sets:
        for key in claims:
            del sets[key]


def probabilities(x: np.ndarray, weights: Mapping[str, float] | None = None, bias: float | None = None
                  ) -> np.ndarray:
    """The link probability of each row of ``feature_matrix`` (constants unless given)."""
    weights = LINK_WEIGHTS if weights is None else weights
    bias = LINK_BIAS if bias is None else bias
    if not len(x):
        return np.zeros(0, dtype=np.float64)
    w = np.array([weights[name] for name in FEATURES], dtype=np.float64)
    return 1.0 / (1.0 + np.exp(-(x @ w + bias)))


def quotes_shared(a: str, b: str, run: int = EVIDENCE_QUOTE_WORDS) -> bool:
    """Whether both texts quote the same ``run`` words in a row (inside quotation marks)."""
    grams_a = _quoted_grams(a, run)
    return bool(grams_a) and not grams_a.isdisjoint(_quoted_grams(b, run))


@lru_cache(maxsize=20_000)
def _quoted_grams(text: str, run: int) -> frozenset[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for s, e in protected_ranges(text):
        if text[s] in "“\"«":
            words = [w.lower().replace("’", "'") for w, _, _ in scan(text[s:e])]
            out.update(tuple(words[i:i + run]) for i in range(len(words) - run + 1))
    return frozenset(out)


def _in_lede(sentence: int, sentences: int) -> bool:
    """The sentence opens a story of ``sentences`` whose lede is a small part (see ``ledes``)."""
    return sentence < LEDE_SENTENCES <= LEDE_MAX_STORY_SHARE * sentences


def _names_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and a.isdisjoint(b)


def _whole(ev: Event, key: Key) -> SentenceFeatures:
    return ev.whole.get(key) or ev.claim_features[key[0]][key[1]]


def _window(sentences: Sequence[SentenceFeatures], index: int, claim: SentenceFeatures, reach: int
            ) -> frozenset[str]:
    """The claim's stems and those of the ``reach`` sentences before and after its own (not its own
    sentence's other claims: they are other facts)."""
    out = set(claim.stems)
    for i in range(max(0, index - reach), min(len(sentences), index + reach + 1)):
        if i != index:
            out.update(sentences[i].stems)
    return frozenset(out)


Closeness = dict[tuple[int, int], tuple[np.ndarray, np.ndarray]]


def _soft(fa: SentenceFeatures, fb: SentenceFeatures, c: Counts, closeness: Closeness | None = None) -> float:
    """``closeness`` keeps each two word-vector matrices' close-word grades by their ids (units with
    the same content words share one matrix, and copied sentences meet again in many article pairs);
    the matrices stay alive with the features for as long as it is used."""
    if fa.word_vectors is None or fb.word_vectors is None or not len(fa.content) or not len(fb.content):
        return 0.0
    key = (id(fa.word_vectors), id(fb.word_vectors))
    grades = None if closeness is None else closeness.get(key)
    if grades is None:
        # The grade rises with the cosine, so the best grade is the grade of the best cosine, to the
        # bit: graded once for the whole matrix, then the best of each row and column.
        close = _close(fa.word_vectors @ fb.word_vectors.T)
        grades = (_MAX(close, axis=1), _MAX(close, axis=0))
        if closeness is not None:
            closeness[key] = grades
    got = total = 0.0
    for f, close in ((fa, grades[0]), (fb, grades[1])):
        w, w_total = c.pair_surprise(f, fa.article, fb.article)
        got += float(_SUM(w * close))
        total += w_total
    return got / total if total > 0 else 0.0


def _close(cosine: np.ndarray) -> np.ndarray:
    """The grade of closeness of two words from their cosine (0 up to the threshold, 1 at 1)."""
    # np.minimum/np.maximum: np.clip's values without its Python wrappers (the grade is never NaN)
    return np.minimum(np.maximum((cosine - EVIDENCE_CLOSE_WORD) / (1.0 - EVIDENCE_CLOSE_WORD), 0.0), 1.0)


def _rare(fa: SentenceFeatures, fb: SentenceFeatures, c: Counts) -> int:
    """Shared stems rare in both articles, names left out: two claims about one person may still
    report two of the person's doings (who is not what)."""
    shared = set(fa.stems) & set(fb.stems) - _name_stems(fa.entities) - _name_stems(fb.entities)
    return sum(1 for s in shared
               if c.holding[fa.article].get(s, 0) + c.holding[fb.article].get(s, 0) <= EVIDENCE_RARE_MAX_CLAIMS)


@lru_cache(maxsize=20_000)
def _name_stems(entities: frozenset[str]) -> frozenset[str]:
    """The stems of a unit's names' words (read for every pair the unit is in)."""
    return frozenset(stem(w) for key in entities for w in key.split())


def _rivals(pairs: Sequence[tuple[Key, Key]], similarity: np.ndarray) -> dict[tuple[Key, str], list[float]]:
    """(claim, other article) -> its best and second-best similarity among the candidates there."""
    best: dict[tuple[Key, str], list[float]] = {}
    for (ka, kb), s in zip(pairs, similarity.tolist()):
        for k, other in ((ka, kb[0]), (kb, ka[0])):
            top = best.setdefault((k, other), [0.0, 0.0])
            if s > top[0]:
                top[0], top[1] = s, top[0]
            elif s > top[1]:
                top[1] = s
    return best


def _rival(rivals: Mapping[tuple[Key, str], list[float]], key: Key, article: str, s: float) -> float:
    """The best similarity of ``key`` in ``article`` other than the pair's own ``s``."""
    first, second = rivals.get((key, article), (0.0, 0.0))
    return second if first == s else first
