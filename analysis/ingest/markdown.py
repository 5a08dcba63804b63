"""Markdown to plain prose, one line at a time, so line numbers of the source are kept.

Only what news text saved as ``.md`` really contains is handled: headings, emphasis, inline code,
links, images, rules and link definitions.  Lines that hold only markup (an image, a rule) are
reported so the cleaner can record them as removed rather than drop them silently.
"""
from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?$")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]+)`")
_RULE = re.compile(r"^(?:[-*_=]\s*){3,}$")
_LINK_DEFINITION = re.compile(r"^\[[^\]]+\]:\s*\S+")


def markup_only(line: str) -> str | None:
    """Why a markdown line holds no prose ("image", "formatting"), or None."""
    if _RULE.match(line) or _LINK_DEFINITION.match(line):
        return "formatting"
    if _IMAGE.search(line) and not _IMAGE.sub("", line).strip():
        return "image"
    return None


def render(line: str) -> str:
    """The prose of one markdown line: markup removed, words and punctuation kept."""
    heading = _HEADING.match(line)
    if heading:
        line = heading[1]
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _EMPHASIS.sub(r"\2", line)
    line = _CODE.sub(r"\1", line)
    return " ".join(line.split())
