"""Unicode and whitespace normalisation of decoded text, done once before any offset exists.

After ``normalize_text`` the only whitespace characters left are ``" "`` and ``"\\n"``, lines carry
no leading or trailing spaces, the text is NFC, and typographic quotes and dashes are untouched
(later stages detect quotes by them).
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


def normalize_text(text: str) -> str:
    """NFC text with LF line breaks, single spaces, no invisible characters, no edge spaces."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    # Non-breaking, thin, ideographic spaces and tabs are all plain spaces to a reader.
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    return unicodedata.normalize("NFC", text)
