"""Spelling: a name that one outlet spells in a form that reads as a slip for another outlet's form.

Rule ``spelling.name``: over the same-event articles (all their sentences, not only aligned facts),
a capitalised word that does not open a sentence and that ``names.likely_misspelling`` calls a slip
for a capitalised word of another article ("Preibus" where others write "Priebus").  One finding per
slip, listing the articles that use it and those that use the established form; forms of one name
(plural, demonym, nickname, transliteration) are never reported, nor two given names each followed by
its own surname (two people: "Laure Beccuau", "Laurent Nuñez") or a word after an article of another
language (a title: "Le Parisien" against "Parisian").  A slip is worth a look but rarely
changes the story: its score is low.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Mapping

from analysis.model import Article, Finding, Span, stable_id
from analysis.signals.framing.common import base_score, names_list
from analysis.signals.framing.names import likely_misspelling

_CAPITALISED = re.compile(r"\b[A-Z][a-zà-ÿ]+(?:[-’'][A-Z]?[a-zà-ÿ]+)*\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;“\"(]\s*|\n)\s*$")
MIN_LETTERS = 4         # letters; shorter capitalised words are initials and abbreviations


def proper_words(article: Article) -> dict[str, list[tuple[int, int]]]:
    """Capitalised words not opening a sentence or quote (names, mostly) -> their ranges."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for sent in article.sentences:
        for m in _CAPITALISED.finditer(article.text, sent.start, sent.end):
            word = re.sub(r"['’]s$", "", m.group(0))
            if len(word) >= MIN_LETTERS and not _SENTENCE_START.search(article.text[sent.start:m.start()]):
                out[word].append((m.start(), m.start() + len(word)))
    return dict(out)


def spelling_findings(articles: Mapping[str, Article]) -> list[Finding]:
    words = {aid: proper_words(a) for aid, a in articles.items()}
    users: dict[str, set[str]] = defaultdict(set)
    for aid, found in words.items():
        for w in found:
            users[w].add(aid)
    out = []
    for slip in sorted(users):
        if len(users[slip]) == len(articles):
            continue        # every outlet writes it so
        right = sorted(w for w in users if users[w] - users[slip] and likely_misspelling(slip, w)
                       and not _two_people(articles, words, slip, w) and not _foreign_title(articles, words, slip))
        if right:
            out.append(_finding(articles, words, slip, right[0], sorted(users[slip]),
                                sorted(users[right[0]] - users[slip])))
    return out


# Articles and particles of other languages that open a title or a name ("Le Parisien", "El País",
# "Die Zeit"): the word after one is a name in that language, not an English word misspelt.
_FOREIGN_ARTICLES = frozenset("Le La Les El Los Las Il Der Die Das Het De Du Des".split())
_NEXT_WORD = re.compile(r"\s+([A-Z][\w’'\-]+)")
_PREV_WORD = re.compile(r"([A-Z][\w’'\-]*)\s+$")


def _after(articles: Mapping[str, Article], words, word: str) -> list[str]:
    """The capitalised word right after each use of ``word`` ("" where none follows)."""
    out = []
    for aid, found in words.items():
        for _, e in found.get(word, ()):
            m = _NEXT_WORD.match(articles[aid].text, e)
            out.append(m.group(1) if m else "")
    return out


def _two_people(articles: Mapping[str, Article], words, slip: str, form: str) -> bool:
    """Both forms are given names, each always followed by a surname, and no surname is shared:
    two people ("Laure Beccuau", "Laurent Nuñez"), not one name misspelt."""
    a, b = _after(articles, words, slip), _after(articles, words, form)
    return all(a) and all(b) and not set(a) & set(b)


def _foreign_title(articles: Mapping[str, Article], words, slip: str) -> bool:
    """Every use of ``slip`` follows an article of another language ("Le Parisien"): a title."""
    before = []
    for aid, found in words.items():
        for s, _ in found.get(slip, ()):
            m = _PREV_WORD.search(articles[aid].text, max(0, s - 12), s)
            before.append(m.group(1) if m else "")
    return bool(before) and all(w in _FOREIGN_ARTICLES for w in before)


def _finding(articles: Mapping[str, Article], words, slip: str, form: str, slippers: list[str],
             others: list[str]) -> Finding:
    spans = [Span(aid, s, e) for aid in slippers for s, e in words[aid][slip]]
    spans += [Span(aid, *words[aid][form][0]) for aid in others]
    name = lambda aid: articles[aid].outlet or aid
    who, where = names_list([name(a) for a in slippers]), names_list([name(a) for a in others])
    return Finding(
        id=stable_id("spelling", slip, form, *(articles[a].digest for a in slippers)),
        kind="spelling", fact=None, articles=tuple(slippers + others), spans=tuple(spans),
        evidence=(f"{who} {_writes(slippers)} '{slip}' where {where} {_writes(others)} '{form}': "
                  "likely a misspelling of the name; check which is right."),
        score=base_score("spelling.name"), rule="spelling.name",
        data={"term": slip, "form": form, "used_by": slippers[0], "slip_by": slippers, "form_by": others})


def _writes(articles: list[str]) -> str:
    return "writes" if len(articles) == 1 else "write"
