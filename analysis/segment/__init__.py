"""Segmentation: paragraphs, sentences and word tokens of a cleaned text, with exact offsets.

Role: the stage between ingest and features.  Everything downstream (alignment, diffs, highlights)
points into the text through the spans made here, so for every piece ``text[start:end]`` is exactly
its text, pieces never overlap, and none starts or ends with whitespace.

Modules: ``sentences`` (paragraphs and sentences), ``tokens`` (word tokens).
"""
from __future__ import annotations

from analysis.model import Paragraph, Sentence, Token
from analysis.segment.sentences import sentences_in, split_paragraphs, split_sentences, strip_span
from analysis.segment.tokens import tokenize

__all__ = ["segment", "split_paragraphs", "split_sentences", "strip_span", "tokenize"]


def segment(text: str, article_id: str = "") -> tuple[list[Paragraph], list[Sentence], list[Token]]:
    """Paragraphs, sentences (ids "<article_id>.s<n>", or "s<n>" without one) and tokens of a text."""
    paragraphs = split_paragraphs(text)
    sentences = sentences_in(text, paragraphs, f"{article_id}." if article_id else "")
    return paragraphs, sentences, tokenize(text, sentences)
