"""Fetch one http(s) URL on the user's machine, with a size limit and an overall time limit.

Limits are read from ``analysis.constants`` at call time (``FETCH_TIMEOUT_SECONDS`` for connect plus
read, ``FETCH_MAX_BYTES`` for the body), so tests can patch them.  Every failure is one IngestError
line naming the URL.
"""
from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from analysis import constants as C
from analysis.errors import IngestError

USER_AGENT = "Parallax/0.1 (article comparison; +offline desktop app)"


@dataclass(frozen=True)
class Fetched:
    """A downloaded body with what the server said about it."""
    url: str                    # final URL after redirects
    data: bytes
    content_type: str           # e.g. "text/html" ("" when the server did not say)
    charset: str | None         # from the Content-Type header


def fetch(url: str) -> Fetched:
    """Download ``url``; raise IngestError on any failure, oversize body or timeout."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError(f"{url}: not an http(s) link")
    deadline = time.monotonic() + C.FETCH_TIMEOUT_SECONDS
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with _opener(parts.hostname).open(request, timeout=C.FETCH_TIMEOUT_SECONDS) as response:
            _check_length(url, response.headers)
            data = _read_limited(url, response, deadline)
            header = response.headers
            final = response.geturl()
    except IngestError:
        raise
    except urllib.error.HTTPError as error:
        raise IngestError(f"{url}: the server answered HTTP {error.code} {error.reason}") from None
    except TimeoutError:
        raise _timeout(url) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            raise _timeout(url) from None
        raise IngestError(f"{url}: could not connect ({error.reason})") from None
    except (OSError, ValueError) as error:
        raise IngestError(f"{url}: download failed ({error})") from None
    return Fetched(final, data, header.get_content_type() if header.get("Content-Type") else "",
                   header.get_content_charset())


def _opener(host: str) -> urllib.request.OpenerDirector:
    # A server on this machine is never reached through a proxy.
    if host == "localhost" or _is_loopback(host):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _timeout(url: str) -> IngestError:
    return IngestError(f"{url}: no complete answer within {C.FETCH_TIMEOUT_SECONDS:g} s")


def _too_big(url: str) -> IngestError:
    return IngestError(f"{url}: the page is larger than {C.FETCH_MAX_BYTES / 1e6:g} MB")


def _check_length(url: str, headers: Message) -> None:
    length = headers.get("Content-Length")
    if length and length.strip().isdigit() and int(length) > C.FETCH_MAX_BYTES:
        raise _too_big(url)


def _read_limited(url: str, response, deadline: float) -> bytes:
    """Read at most FETCH_MAX_BYTES, giving up at the deadline even if bytes keep trickling in."""
    # read1 returns after one socket read, so a server trickling bytes cannot outlast the deadline.
    read = getattr(response, "read1", response.read)
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise _timeout(url)
        chunk = read(min(C.FETCH_CHUNK_BYTES, C.FETCH_MAX_BYTES + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > C.FETCH_MAX_BYTES:
            raise _too_big(url)
