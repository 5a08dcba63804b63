"""Statements without quote marks: a paragraph that the sentence before it announces with a colon
("Read the full statement:", "Her letter reads:", "X lashed out on Twitter, saying:")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from analysis.model import Article
from analysis.signals.common import count_words
from analysis.signals.quotemarks import DirectSpan

# A sentence announcing an unquoted document: "Read the full statement:", "Her letter reads:".
_DOCUMENT_INTRO = re.compile(r"\b(?:statement|letter|post|posting|rant|tweet|tweets|message|memo|note|e-?mail|"
                             r"remarks|transcript|text|op-ed|reads?|in full|below)\b[^“”\"]*:\s*\Z"
                             # "Trump lashed out on Twitter, saying:" (a speech verb right before the colon)
                             r"|\b(?:saying|said|says|writing|wrote|writes|tweeted|tweeting|posted|posting|"
                             r"adding|added)\s*:\s*\Z", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    """An unquoted paragraph that a colon sentence announces as someone's statement."""
    span: DirectSpan
    intro: int              # sentence index of "Read the full statement:"


def announced_statements(article: Article, quotes: Sequence[DirectSpan]) -> list[Document]:
    """Paragraphs without quote marks announced by "...statement:" at the end of the paragraph
    before (its own paragraph or the end of one)."""
    out = []
    # single quotes in an unquoted statement are its own nested quotes ("the ‘good role model’ department")
    quoted = {q.outer_start for q in quotes if article.text[q.outer_start] != "‘"}
    paragraphs = article.paragraphs
    for p, following in zip(paragraphs, paragraphs[1:]):
        intro = [s for s in article.sentences if p.start <= s.start < p.end]
        if not intro or not _DOCUMENT_INTRO.search(intro[-1].text.rstrip()):
            continue
        if any(p.start <= q < following.end for q in quoted):
            continue        # quote marks of its own: the quotes rules read it
        body = article.text[following.start:following.end]
        s = following.start + len(body) - len(body.lstrip())
        e = following.start + len(body.rstrip())
        if count_words(article.text[s:e]):
            out.append(Document(DirectSpan(s, e, s, e, False), intro[-1].index))
    return out
