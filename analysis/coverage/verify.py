"""Before an omission is reported: search the omitting article for the fact's core.

The **core** of a fact is what its carriers have in common: the terms (``terms``) that at least two
carrying sources state, each weighted by how specific it is to this fact within the event (a term in
every other sentence of the coverage, like the event's main actor, weighs little; a number or a
date weighs more than a word).  A fact whose carriers share too little, or only words (often a quote
two outlets print verbatim, which a third may paraphrase with none of its words), has no core to
search for: the omission cannot be verified and is not reported.

The omitting article is then searched sentence by sentence (and pairs of adjacent sentences, since
a fact may be spread over two), with the loose matcher of ``terms`` and, for paraphrases, the
similarity of each sentence to the carriers' sentences (wordllama embeddings):

* ``present``: a sentence states the core (most of its weight, a specific term and a predicate word
  or the fact's number among it), or reads as a paraphrase of a carrier's sentence: no omission;
* ``partial``: a sentence states part of the core (a specific term with a predicate word, the
  fact's number or date, or a near-paraphrase), or what the core counts with another number (a
  later toll: "694 deaths" for "144 killed"), or one of the core's figures for what the carriers
  count with it ("three fatalities" for "killed three and injured 260"): "reports it
  differently", with that sentence and what it leaves out;
* ``unclear``: some of it is there but nothing concrete (no name, number or date of the core):
  neither an omission nor a finding, since the article may say it in words the matcher misses;
* ``absent``: nothing is there: a verified omission.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Collection, Mapping, Sequence

import numpy as np

from analysis import constants as C
from analysis.coverage.core import Core, CoreTerm, Verdict, bits, judge, rank
from analysis.coverage.figures import FigureSearch
from analysis.coverage.terms import QUOTE_MARKS, Term, comment_opening, same_term, speaker_words, unquoted
from analysis.model import Article, Fact

__all__ = ["Core", "CoreTerm", "Searcher", "Verdict"]


class Searcher(FigureSearch):
    """Searches the articles of one event for facts' cores (``search``), on the event's index
    (``index.EventIndex``) and its searches by figure (``figures.FigureSearch``)."""

    def __init__(self, articles: Sequence[Article], vectors: Mapping[str, np.ndarray] | None = None):
        super().__init__(articles, vectors)
        self._speakers: dict[int, tuple[Term, ...]] = {}
        self._judging: tuple[Core | None, dict[tuple, tuple[Verdict, tuple]]] = (None, {})

    def search(self, fact: Fact, article_id: str, source_of: Mapping[str, str]) -> Verdict:
        """Search ``article_id`` for ``fact``'s core (see the module docstring)."""
        core = self.core(fact, source_of)
        if not core.specific or self._comment(fact, core):
            return Verdict("unverifiable", missing=tuple(t.term for t in core.terms))
        sims = self._similarities(fact, article_id)
        masks = self._masks(core).get(article_id, {})
        best: tuple | None = None
        best_rank: tuple | None = None
        judged = self._judged(core)
        values = sims.tolist()
        # A window's core terms are the bits of its sentences' masks (bit t: ``core.terms[t]``):
        # a window costs two look-ups, not a pass over the core's terms.
        for window in self._windows(article_id, masks, sims):
            if len(window) == 1:
                mask, similarity = masks.get(window[0], 0), values[window[0]]
            else:
                i, j = window
                mask, similarity = masks.get(i, 0) | masks.get(j, 0), max(values[i], values[j])
            key = (mask, len(window), similarity)
            hit = judged.get(key)
            if hit is None:
                verdict = judge(core, [core.terms[t] for t in bits(mask)], len(window), similarity)
                hit = judged[key] = (verdict, rank(verdict))
            if best_rank is None or hit[1] > best_rank:
                best, best_rank = (hit[0], window, mask), hit[1]
        if best is None or best[0].status == "absent":
            said = self._paraphrased_quote(fact, core, article_id,
                                           [self.where(article_id, c.term) for c in core.terms])
            if said is not None:
                return said
        if best is None or best[0].status in ("absent", "unclear"):
            figure = self._same_count(fact, core, article_id) or self._other_figure(fact, core, article_id, source_of)
            if figure is not None:
                return figure
        if best is None:
            return Verdict("absent", missing=tuple(t.term for t in core.terms))
        verdict, window, mask = best
        return self._explained(verdict, core, article_id, frozenset(window), [core.terms[t] for t in bits(mask)])

    def _comment(self, fact: Fact, core: Core) -> bool:
        """A comment, not a fact: the carriers share only words (no name, figure or date) and each of
        their sentences opens as a comment on the story ("It was an incredible night of drama and
        fluctuating fortunes"): nothing there for another outlet to leave out."""
        if any(c.term.kind != "word" for c in core.terms):
            return False
        sentences = [self.by_id[m.article].sentence(sid).text for m in fact.members if m.article in self.by_id
                     for sid in m.sentences]
        return bool(sentences) and all(comment_opening(text) for text in sentences)

    def _judged(self, core: Core) -> dict[tuple, tuple[Verdict, tuple]]:
        """The verdicts already given on windows for ``core`` (the same sentence printed by many
        outlets is one window), kept for one core at a time: a fact's candidates come together."""
        if self._judging[0] is not core:
            self._judging = (core, {})
        return self._judging[1]

    def speakers(self, fact: Fact) -> tuple[Term, ...]:
        """Who the carriers quote: the names beside a speech verb outside the quotation marks of
        their quoted sentences (``terms.speaker_words``), or in the sentence before when a quote
        runs on: after "... she said." any name outside its quotation marks, after a quote with no
        speech verb of its own the names beside one there ("Biden wrote in a letter: ...").  A name
        beside no speech verb is no speaker (a storm, a place, a chamber)."""
        key = self._key(fact)
        if key not in self._speakers:
            names: list[Term] = []
            for m in fact.members:
                if m.article not in self.by_id:
                    continue
                article = self.by_id[m.article]
                for sid in m.sentences:
                    s = article.sentence(sid)
                    if not QUOTE_MARKS.search(s.text):
                        continue
                    near = speaker_words(s.text)
                    own = self._names_among(article, s.index, near) if near else []
                    if not own and s.index and article.sentences[s.index - 1].paragraph == s.paragraph:
                        before = article.sentences[s.index - 1].text
                        own = self._names_among(article, s.index - 1, unquoted(before) if near is not None
                                                else speaker_words(before))
                    names += [t for t in own if not any(same_term(t, n) for n in names)]
            self._speakers[key] = tuple(names)
        return self._speakers[key]

    def _names_among(self, article: Article, index: int, words: Collection[str] | str | None) -> list[Term]:
        """The names of sentence ``index`` written among ``words`` (a set of words or a text)."""
        if not words:
            return []
        return [t for t in self.terms[article.id][index].terms if t.kind == "name" and t.text in words]

    def _paraphrased_quote(self, fact: Fact, core: Core, article_id: str,
                           where: list[frozenset[int]]) -> Verdict | None:
        """"X said ..." reported as "X argued ...": a sentence of ``article_id`` that names who the
        carriers quote (in it or in the sentence before, same paragraph) and states
        ``VERIFY_SPEAKER_MIN_WORDS`` specific words of the core is the quote in other words."""
        speakers = self.speakers(fact)
        if not speakers:
            return None
        sentences = self.by_id[article_id].sentences
        named = set().union(*(self.where(article_id, t) for t in speakers))
        topic = [(c, rows) for c, rows in zip(core.terms, where)
                 if c.term.kind == "word" and c.weight >= C.CORE_SPECIFIC_TERM_WEIGHT]
        for i in sorted(set().union(*(rows for _, rows in topic)) if topic else ()):
            said = i in named or (i - 1 in named and sentences[i - 1].paragraph == sentences[i].paragraph)
            words = [c for c, rows in topic if i in rows]
            if said and len(words) >= C.VERIFY_SPEAKER_MIN_WORDS:
                who = next(t for t in self._terms_near(article_id, i) if any(same_term(t, s) for s in speakers))
                window = frozenset((i,) if i in named else (i - 1, i))
                verdict = Verdict("partial", coverage=round(sum(c.weight for c in words) / core.weight, 4))
                explained = self._explained(verdict, core, article_id, window, words)
                return replace(explained, found=(who, *explained.found), via="speaker")
        return None

    def _windows(self, article_id: str, masks: Mapping[int, int], sims: np.ndarray) -> list[tuple[int, ...]]:
        """The sentences that hold a core term (``masks``: sentence index -> its core terms, none
        empty) or are closest in meaning, alone and with the next sentence of the same paragraph."""
        sentences = self.by_id[article_id].sentences
        hits = set(masks)
        if len(sims):
            hits.add(int(np.argmax(sims)))
        out: list[tuple[int, ...]] = [(i,) for i in sorted(hits)]
        for i in sorted(hits | {h - 1 for h in hits}):
            if 0 <= i < len(sentences) - 1 and sentences[i].paragraph == sentences[i + 1].paragraph:
                out.append((i, i + 1))
        return out

    def statement(self, fact: Fact, article_id: str, sentence_ids: Sequence[str],
                  source_of: Mapping[str, str]) -> Verdict:
        """What the sentences ``sentence_ids`` of ``article_id`` (its part of a carrier's statement:
        ``omissions``) state of ``fact``'s core: a "partial" verdict ``via`` "sentence" whose
        ``coverage`` is the share of the core's weight found there, with the terms found in this
        article's words and those missing."""
        core = self.core(fact, source_of)
        masks = self._masks(core).get(article_id, {})
        window = frozenset(self.by_id[article_id].sentence(sid).index for sid in sentence_ids)
        mask = 0
        for i in window:
            mask |= masks.get(i, 0)
        found = [core.terms[t] for t in bits(mask)]
        share = round(sum(c.weight for c in found) / core.weight, 4) if core.weight else 0.0
        explained = self._explained(Verdict("partial", coverage=share), core, article_id, window, found)
        return replace(explained, via="sentence")

    def _explained(self, verdict: Verdict, core: Core, article_id: str, window: frozenset[int],
                   found: list[CoreTerm]) -> Verdict:
        """``verdict`` with the sentences and what was found, strongest first: for a partial verdict
        in the searched article's own words ("Ukraine" where the carriers say "Kyiv")."""
        found = sorted(found, key=lambda c: -c.weight)
        own = tuple(c.term for c in found)
        if verdict.status == "partial":     # shown to the editor: this article's words
            terms = [t for i in sorted(window) for t in self.terms[article_id][i].terms]
            own = tuple(next(t for t in terms if same_term(t, c.term)) for c in found)
        taken = {id(c) for c in found}
        missing = tuple(c.term for c in core.by_weight if id(c) not in taken)
        sids = tuple(self.by_id[article_id].sentences[i].id for i in sorted(window))
        predicate = any(c.term.kind == "word" and c.weight >= C.CORE_SPECIFIC_TERM_WEIGHT for c in found)
        return Verdict(verdict.status, sids, own, missing, verdict.coverage, verdict.similarity,
                       predicate=predicate)
