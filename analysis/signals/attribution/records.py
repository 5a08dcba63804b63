"""The records attribution builds: a speaker read from the text and a speech cue with its speaker."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Speaker:
    key: str
    name: str
    role: str = ""
    start: int = -1
    end: int = -1
    unnamed: bool = False
    person: bool = False
    pronoun: bool = False
    at: int = -1            # where the words naming the speaker begin here (article, role or pronoun)
    media: bool = False     # a newspaper, broadcaster or platform: where words appeared, never a voice


@dataclass(frozen=True)
class Cue:
    start: int              # the verb
    end: int
    verb: str
    sentence: int
    speaker: Speaker | None
    attribution_start: int  # where "X said" begins (speaker or verb, whichever first)
    according: bool = False
