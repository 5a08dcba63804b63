"""Exceptions the engine raises for bad input: each carries one clear line for the user."""
from __future__ import annotations


class ParallaxError(Exception):
    """Base class: ``str(error)`` is a one-line message fit to show a user as is."""


class IngestError(ParallaxError):
    """An input could not be read or holds no usable article text."""


class Cancelled(ParallaxError):
    """Raised by a progress callback to stop a running analysis."""


class SessionError(ParallaxError):
    """A session file is damaged, from a newer version, locked or read-only."""
