"""Bytes to text: refuse binary data, detect the encoding, decode.

Order of tries (the first that fits wins), each named in ``Article.encoding``:

1. a byte-order mark: UTF-8 (``utf-8-sig``), UTF-32 LE/BE, UTF-16 LE/BE;
2. BOM-less UTF-16, recognised by NUL bytes on every odd (LE) or even (BE) position;
3. binary data (a known file signature, NUL bytes, too many control characters) is refused;
4. strict UTF-8;
5. UTF-8 with a few bad bytes: when the well-formed non-ASCII characters are at least as many as
   the bad spots, the text is UTF-8 that was damaged (cut, mixed), not another encoding: the bad
   spots become U+FFFD and a warning says how many;
6. cp1252 (Windows Western), unless most letters would come out accented, which is what other
   single-byte encodings read as cp1252 look like;
7. charset-normalizer's best guess, only when the bytes fit it well (little "chaos"), with a
   warning naming the guess;
8. UTF-8 with replacement characters if any UTF-8 was seen, else latin-1 (never fails), with a
   warning.
"""
from __future__ import annotations

import codecs
from collections import Counter

from analysis import constants as C
from analysis.errors import IngestError

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

# File signatures worth naming in the message: a user who picked the wrong file wants to know why.
_SIGNATURES = (
    (b"%PDF", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"\x1f\x8b", "a gzip archive"), (b"\x7fELF", "a program (ELF)"), (b"MZ", "a Windows program"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"), (b"SQLite format 3", "a database"),
    (b"RIFF", "a media file"), (b"ID3", "an MP3 file"), (b"{\\rtf", "an RTF document"),
)

_SAMPLE_BYTES = 65536  # bytes (or characters) inspected for control characters
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def decode_bytes(data: bytes, name: str = "input", declared: str | None = None) -> tuple[str, str, list[str]]:
    """Return ``(text, encoding, warnings)``; raise IngestError for binary data.

    ``declared`` is a charset announced by the source (an HTTP header); it is tried right after
    the BOM checks, and ignored if the bytes do not decode with it.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding.replace("-sig", " with BOM"), []
    utf16 = _bomless_utf16(data)
    if utf16:
        return utf16
    _refuse_binary(data, name)
    if declared:
        text = _try(data, declared)
        if text is not None:
            return text, declared.lower(), []
    text = _try(data, "utf-8")
    if text is not None:
        return text, "utf-8", []
    damaged, bad, good = _utf8_with_replacements(data)
    if good >= C.UTF8_MIN_GOOD_PER_BAD * bad:
        return damaged, "utf-8", [_bad_bytes_warning(bad)]
    return _single_byte(data, damaged if good else None, bad)


def _utf8_with_replacements(data: bytes) -> tuple[str, int, int]:
    """``data`` read as UTF-8 with U+FFFD for bad spots: (text, bad spots, well-formed non-ASCII
    characters).  Counted with str methods only: linear and fast on 20 MB."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return text, bad, non_ascii - bad - data.count("\ufffd".encode("utf-8"))


def _bad_bytes_warning(bad: int) -> str:
    spots = f"{bad} place{'' if bad == 1 else 's'}"
    return (f"The text is UTF-8 with {spots} that could not be read (damaged bytes); "
            f"{'it is' if bad == 1 else 'they are'} shown as \ufffd.")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise IngestError(f"{name}: starts with a {encoding} byte-order mark but is not valid "
                          f"{encoding} text") from None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _bomless_utf16(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-16 without a BOM: the high bytes of text come from a few Unicode blocks, and Latin
    text puts a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:_SAMPLE_BYTES]
    for high, low, encoding in ((sample[1::2], sample[0::2], "utf-16-le"),
                                (sample[0::2], sample[1::2], "utf-16-be")):
        if _looks_like_high_bytes(high, low):
            text = _try(data, encoding)
            if text is not None and _control_share(text) <= C.MAX_CONTROL_CHAR_RATIO:
                return text, encoding, []
    return None


def _looks_like_high_bytes(high: bytes, low: bytes) -> bool:
    nuls = high.count(0)
    if nuls < C.UTF16_MIN_NUL_SHARE * len(high) or low.count(0) * 10 >= nuls:
        return False
    # One script plus ASCII punctuation and spaces: three high-byte values cover nearly all.
    common = sum(count for _, count in Counter(high).most_common(3))
    return common >= C.UTF16_MIN_BLOCK_SHARE * len(high)


def _refuse_binary(data: bytes, name: str) -> None:
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise IngestError(f"{name}: this is {what}, not text")
    sample = data[:_SAMPLE_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if b"\x00" in sample or controls > C.MAX_CONTROL_CHAR_RATIO * len(sample):
        raise IngestError(f"{name}: looks like a binary file, not text")


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE_BYTES]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f")
    return controls / max(1, len(sample))


def _single_byte(data: bytes, utf8: str | None, bad: int) -> tuple[str, str, list[str]]:
    """A legacy encoding, only when the bytes fit it well; ``utf8`` is the UTF-8 reading with
    replacement characters when some well-formed UTF-8 was seen (the fallback then)."""
    text = _try(data, "cp1252")
    if text is not None and _plausible_western(text):
        return text, "cp1252", []
    guess = _charset_normalizer(data)
    if guess is not None:
        return guess[0], guess[1], [f"The encoding was not stated; it was recognised as {guess[1]}. "
                                    "If some characters look wrong, save the file as UTF-8."]
    if utf8 is not None:
        return utf8, "utf-8", [_bad_bytes_warning(bad)]
    return (data.decode("latin-1"), "latin-1",
            ["The encoding could not be recognised; read as Latin-1, so some characters may be wrong."])


def _plausible_western(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    accented = sum(1 for ch in letters if not ch.isascii())
    return accented <= C.CP1252_MAX_NON_ASCII_LETTER_SHARE * len(letters)


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best reading, if the bytes fit it well (its "chaos" is low)."""
    from charset_normalizer import from_bytes  # imported late: only odd inputs need it
    best = from_bytes(data[:C.ENCODING_GUESS_SAMPLE_BYTES]).best()
    if best is None or best.chaos > C.ENCODING_GUESS_MAX_CHAOS:
        return None
    text = _try(data, best.encoding)
    return (text, best.encoding) if text is not None else None
