"""What the user gave: decide file, URL or pasted text, and read files within the size limit.

The detection rule (also in ``load_article``'s docstring):

* ``kind="paste"`` -> the string (or bytes) is the article text, never a path;
* ``kind="file"`` / ``kind="url"`` -> as said;
* ``kind=None``: bytes -> raw content; a ``PathLike`` -> file; a string that is one link
  (``scheme://...``, no spaces; only http and https are fetched) -> URL; a string with a line break
  -> pasted text; any other string -> a file path, which must exist: a missing path is an error,
  never silently read as text.
"""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from analysis import constants as C
from analysis.errors import IngestError, os_reason

KINDS = ("file", "url", "paste")
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
# Documents people pick by mistake; named so the message can say what to do instead.
REFUSED_SUFFIXES = {".pdf": "PDF", ".docx": "Word", ".doc": "Word", ".odt": "OpenDocument",
                    ".rtf": "RTF", ".epub": "EPUB", ".pages": "Pages"}


@dataclass(frozen=True)
class Source:
    """One input, resolved: where it came from and its raw content."""
    kind: str                   # "file", "url" or "paste"
    path: str | None            # as given (file path or URL); None for pasted text
    name: str                   # how messages name it
    data: bytes | None = None   # raw bytes (files, URLs, bytes input)
    text: str | None = None     # pasted text
    format: str = "sniff"       # "text", "markdown", "html" or "sniff" (decide from content)

    @property
    def location(self) -> str:
        """The file path or URL as given (for pasted text, how messages name it)."""
        return self.path if self.path is not None else self.name


def resolve(source, kind: str | None) -> Source:
    """Classify ``source`` by the rule above; files are read here, URLs later."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS} or None, not {kind!r}")
    if isinstance(source, (bytes, bytearray, memoryview)):
        if kind in ("file", "url"):
            raise TypeError(f"kind={kind!r} needs a path or URL string, not bytes")
        return Source("paste", None, "pasted text", data=bytes(source))
    if isinstance(source, os.PathLike):
        if kind in ("paste", "url"):
            raise TypeError(f"kind={kind!r} needs a string, not a path object")
        return read_file(source)
    if not isinstance(source, str):
        raise TypeError(f"expected a path, URL, text or bytes, not {type(source).__name__}")
    kind = kind or _detect(source)
    if kind == "paste":
        return Source("paste", None, "pasted text", text=source, format="text")
    if kind == "url":
        return Source("url", source, source)
    return read_file(source)


_LINK = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.I)


def _detect(text: str) -> str:
    # Any scheme counts as a link, so "ftp://..." gets "not an http(s) link", not "no such file".
    if _LINK.match(text.strip()):
        return "url"
    return "paste" if "\n" in text or "\r" in text else "file"


def is_regular_file(path: str | os.PathLike) -> bool:
    """Whether ``path`` names an ordinary file (links followed); False for anything that cannot
    be looked at (missing, a name too long, a folder that cannot be read, a NUL in the name)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _expanded(given: str) -> Path:
    """``~/a.txt`` in the home folder; a ``~name`` that is no user (``~0``) is a file name as written."""
    if not given.startswith("~"):
        return Path(given)
    try:
        return Path(given).expanduser()
    except RuntimeError:            # "Could not determine home directory": no such user
        return Path(given)


def read_file(path: str | os.PathLike) -> Source:
    """Read a file: refused if missing, not an ordinary file (a folder, a pipe, a device),
    unreadable, a known binary document or too big.  Never waits: a pipe is refused unopened."""
    given = os.fspath(path)
    p = _expanded(given)
    suffix = p.suffix.lower()
    st = _stat(p, given)
    _check_kind(st.st_mode, given)
    if suffix in REFUSED_SUFFIXES:
        raise IngestError(f"{given}: {REFUSED_SUFFIXES[suffix]} documents are not supported; "
                          "save the article as text (.txt) or as a web page (.html)")
    if st.st_size > C.MAX_INPUT_BYTES:
        raise _too_big(given, st.st_size)
    data = _read_limited(p, given)
    fmt = ("markdown" if suffix in MARKDOWN_SUFFIXES else "text" if suffix in TEXT_SUFFIXES
           else "html" if suffix in HTML_SUFFIXES else "sniff")
    return Source("file", given, given, data=data, format=fmt)


def _check_kind(mode: int, given: str) -> None:
    """Only ordinary files are read: a pipe would block, a device never ends."""
    if stat.S_ISDIR(mode):
        raise IngestError(f"{given}: is a folder, not a file")
    if stat.S_ISREG(mode):
        return
    what = ("a pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file")
    raise IngestError(f"{given}: is {what}, not a file; save the article to a file and give that")


def _stat(p: Path, given: str) -> os.stat_result:
    try:
        return p.stat()
    except FileNotFoundError:
        raise IngestError(f"{given}: no such file") from None
    except PermissionError:
        raise IngestError(f"{given}: permission denied (the file or its folder cannot be read)") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        raise IngestError(f"{given}: cannot be read ({os_reason(error)})") from None


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def open_without_waiting(p: Path) -> int:
    """A read-only descriptor of ``p``, opened so that a pipe or a terminal cannot block."""
    return os.open(p, _OPEN_FLAGS)


def _read_limited(p: Path, given: str) -> bytes:
    # Opened without waiting (a file swapped for a pipe after stat() cannot block), checked again
    # on the open descriptor, and read one byte past the limit: a file that grew is still caught.
    try:
        fd = open_without_waiting(p)
    except PermissionError:
        raise IngestError(f"{given}: permission denied (the file or its folder cannot be read)") from None
    except IsADirectoryError:
        raise IngestError(f"{given}: is a folder, not a file") from None
    except (OSError, ValueError) as error:
        raise IngestError(f"{given}: cannot be read ({os_reason(error)})") from None
    try:
        with os.fdopen(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            _check_kind(st.st_mode, given)
            # Sized from stat (a read of the whole limit would first allocate 20 MB), then read on
            # in case the file grew or its size was not told (0 for some virtual files).
            data = handle.read(min(st.st_size, C.MAX_INPUT_BYTES) + 1)
            if len(data) > st.st_size:
                data += handle.read(C.MAX_INPUT_BYTES + 1 - len(data))
    except OSError as error:
        raise IngestError(f"{given}: cannot be read ({os_reason(error)})") from None
    if len(data) > C.MAX_INPUT_BYTES:
        raise _too_big(given, None)
    return data


def _too_big(given: str, size: int | None) -> IngestError:
    limit = f"{C.MAX_INPUT_BYTES / 2**20:g} MB"
    if size is None:
        return IngestError(f"{given}: larger than the {limit} limit")
    return IngestError(f"{given}: {size / 2**20:.1f} MB is larger than the {limit} limit")
