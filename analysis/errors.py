"""Exceptions the engine raises for bad input: each carries one clear line for the user.

``os_reason(exc)`` words an operating-system error for an editor (no errno, no library wording).
"""
from __future__ import annotations

import errno

# errno -> the reason in an editor's words.
_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.EIO: "the disk reported an error",
    errno.ELOOP: "the path has too many symbolic links",
    errno.EFBIG: "the file is too large for this disk",
    errno.ETXTBSY: "the file is in use",
    errno.EBUSY: "the file is in use",
    errno.ENXIO: "no device is there",
}


def os_reason(exc: BaseException) -> str:
    """An OSError's cause in an editor's words; other exceptions by their own one-line text."""
    if isinstance(exc, OSError) and exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    if isinstance(exc, ValueError) and "null" in str(exc).lower():
        return "the name holds a NUL character"
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split()).rstrip(".").lower()


class ParallaxError(Exception):
    """Base class: ``str(error)`` is a one-line message fit to show a user as is."""


class IngestError(ParallaxError):
    """An input could not be read or holds no usable article text."""


class DuplicateArticleIds(ParallaxError):
    """Two articles given to ``compare`` share one id (ids name articles in every finding)."""


class Cancelled(ParallaxError):
    """Raised by a progress callback to stop a running analysis."""


class SessionError(ParallaxError):
    """A session file is damaged, from a newer version, locked or read-only."""


class SessionLocked(SessionError):
    """Another running Parallax has the session open for writing: it can still be opened read-only."""


class OutputError(ParallaxError):
    """An output was refused (it would overwrite an input, a session, a special file...) or could
    not be written; the file that was there is kept.  ``reason`` is the why alone, for callers that
    word their own sentence (the window)."""

    reason: str = ""
