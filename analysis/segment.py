"""Segmentation: paragraphs, sentences and word tokens of a cleaned text, with exact offsets.

Sentences come from NLTK's Punkt (no training data needed) with a curated abbreviation list, plus
rules Punkt lacks.  For every piece, ``text[start:end]`` is exactly its text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
from nltk.tokenize.treebank import TreebankWordTokenizer

from .model import Paragraph, Sentence, Token

# Lower-case, without the final period, as Punkt expects.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st gen col lt sgt capt cmdr adm gov sen rep rev hon pres
u.s u.k u.n e.u u.s.a a.m p.m i.e e.g etc vs jan feb mar apr jun jul aug sep sept oct nov dec
inc corp co ltd no dept est fig approx
""".split())

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs are runs of non-blank text separated by line breaks."""
    out: list[Paragraph] = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text + "\n"):
        start, end = _strip_span(text, pos, match.start())
        if end > start:
            out.append(Paragraph(len(out), start, end))
        pos = match.end()
    return out


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    return [(start + s, start + e) for s, e in _punkt().span_tokenize(chunk)]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``, never crossing a paragraph break, with exact offsets."""
    sentences: list[Sentence] = []
    for para in split_paragraphs(text):
        for s, e in _sentence_spans(text, para.start, para.end):
            s, e = _strip_span(text, s, e)
            if e > s:
                n = len(sentences)
                sentences.append(Sentence(f"s{n + 1}", n, s, e, text[s:e], para.index))
    return sentences


_TREEBANK = TreebankWordTokenizer()


def tokenize(text: str, sentences: list[Sentence]) -> list[Token]:
    """Word tokens of each sentence, with offsets into ``text``."""
    tokens: list[Token] = []
    for sent in sentences:
        for s, e in _word_spans(sent.text):
            tokens.append(Token(sent.start + s, sent.start + e, sent.text[s:e], sent.index))
    return tokens


_WORD = re.compile(r"\w+(?:[’'.\-]\w+)*|[^\w\s]", re.UNICODE)


def _word_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def segment(text: str, article_id: str = "") -> tuple[list[Paragraph], list[Sentence], list[Token]]:
    """Paragraphs, sentences (ids prefixed with ``article_id``) and tokens of a cleaned text."""
    paragraphs = split_paragraphs(text)
    sentences = split_sentences(text)
    if article_id:
        sentences = [Sentence(f"{article_id}.{s.id}", s.index, s.start, s.end, s.text, s.paragraph)
                     for s in sentences]
    return paragraphs, sentences, tokenize(text, sentences)
