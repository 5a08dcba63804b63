"""Unicode and whitespace normalisation of decoded text, done once before any offset exists.

After ``normalize_text`` the only whitespace characters left are ``" "`` and ``"\\n"``, lines carry
no leading or trailing spaces, the text is NFC, two words a page glued together ("The ParisianThe
robbers") are two again, and typographic quotes and dashes are untouched (later stages
detect quotes by them).
"""
from __future__ import annotations

import re
import unicodedata

# Every character Python's str.splitlines() treats as a line break becomes "\n", so that
# split("\n") and splitlines() agree on the final text.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

# Invisible characters with no meaning in prose.  ZWJ/ZWNJ (U+200D/U+200C) are kept on purpose:
# they change how Persian, Indic scripts and emoji render.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]")

# Runs of whitespace other than one plain space: a lone " " (most of them) is left alone, so that
# re.sub does not rebuild the text from one piece per word (14x its size in memory).
_SPACES = re.compile(r" [^\S\n]+|[^\S\n ][^\S\n]*")

# Control characters (C0/C1 other than tab and newline) and lone surrogates cannot be shown or
# encoded as UTF-8; they are dropped (tabs become spaces with the other spaces).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")


# Two paragraphs glued where a page lost the break between them ("According to the newspaper The
# ParisianThe robbers allegedly stole", "BarcelonaThis Sunday morning"): a lower-case word run on
# into a capitalised word that opens sentences.  Only such words: a brand's inner capital ("LinkedIn",
# "UnitedHealthcare", "TweakTown") is no break.  A space, not a paragraph break: the first part is
# often a short line ("According to the newspaper The Parisian") that would then be dropped as a
# subheading, losing whom the next sentence is attributed to.
_GLUED = re.compile(r"(?<=[a-z]{3})(?=(?:The|This|That|These|Those|It|He|She|They|We|His|Her|Their|"
                    r"According|After|When|While|But)\s\w)")


def normalize_text(text: str) -> str:
    """NFC text with LF line breaks, single spaces, no invisible characters, no edge spaces."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    # Non-breaking, thin, ideographic spaces and tabs are all plain spaces to a reader.
    text = _SPACES.sub(" ", text)
    text = _GLUED.sub(" ", text)
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    return unicodedata.normalize("NFC", text)
