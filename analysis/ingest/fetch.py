"""Fetch one http(s) URL on the user's machine, with a size limit and one deadline for the whole request.

Limits are read from ``analysis.constants`` at call time (``FETCH_TIMEOUT_SECONDS`` for everything:
connecting, the headers, every redirect and the body; ``FETCH_MAX_BYTES`` for the body), so tests can
patch them.  A server that sends its headers one byte at a time cannot outlast the deadline: a
watchdog shuts the connection's socket when it passes.  Redirects are followed only to http(s)
links (never ``ftp:`` or ``file:``).  Every failure is one IngestError line naming the URL.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from analysis import constants as C
from analysis.errors import IngestError

USER_AGENT = "Parallax/0.1 (article comparison; +offline desktop app)"
WEB_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Fetched:
    """A downloaded body with what the server said about it."""
    url: str                    # final URL after redirects
    data: bytes
    content_type: str           # e.g. "text/html" ("" when the server did not say)
    charset: str | None         # from the Content-Type header


class _Deadline:
    """The request's one deadline: remembers its sockets and shuts them when time is up."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            self.expired = True
            raise TimeoutError("deadline passed")
        return left

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)   # wakes a blocked recv() at once
    except OSError:
        pass


def _connection(base: type[http.client.HTTPConnection], deadline: _Deadline):
    """An http.client connection class whose socket the deadline watches."""
    class Watched(base):  # type: ignore[misc, valid-type]
        def connect(self) -> None:
            self.timeout = deadline.remaining()
            super().connect()
            deadline.watch(self.sock)
    return Watched


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self._class = _connection(http.client.HTTPConnection, deadline)

    def http_open(self, req):
        return self.do_open(self._class, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self._class = _connection(http.client.HTTPSConnection, deadline)

    def https_open(self, req):
        # urllib keeps these as private attributes of HTTPSHandler; read them as urllib itself does.
        check = getattr(self, "_check_hostname", None)
        extra = {} if check is None else {"check_hostname": check}
        return self.do_open(self._class, req, context=getattr(self, "_context", None), **extra)


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to another http(s) link; say so otherwise (urllib also allows ftp)."""

    def __init__(self, url: str):
        super().__init__()
        self._url = url

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urllib.parse.urljoin(req.full_url, location.strip())
            if urlsplit(target).scheme.lower() not in WEB_SCHEMES:
                fp.close()      # the redirect answer holds the socket: refused, it must not leak
                raise IngestError(f"{self._url}: the server redirects to {_short(target)}, which is not an "
                                  "http(s) link; it was not followed")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _short(url: str, limit: int = 80) -> str:
    return url if len(url) <= limit else url[:limit - 1] + "…"


def fetch(url: str) -> Fetched:
    """Download ``url``; raise IngestError on any failure, oversize body or timeout."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        raise IngestError(f"{url}: not an http(s) link (only web links are read)")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with _Deadline(C.FETCH_TIMEOUT_SECONDS) as deadline:
        try:
            with _opener(parts.hostname, url, deadline).open(request, timeout=deadline.remaining()) as response:
                _check_length(url, response.headers)
                data = _read_limited(url, response, deadline)
                header = response.headers
                final = response.geturl()
        except IngestError:
            raise
        except urllib.error.HTTPError as error:
            error.close()       # an error answer is a response too: its socket must not leak
            raise IngestError(f"{url}: the server answered HTTP {error.code} {error.reason}") from None
        except (OSError, ValueError, http.client.HTTPException) as error:
            raise _failure(url, error, deadline) from None
    return Fetched(final, data, header.get_content_type() if header.get("Content-Type") else "",
                   header.get_content_charset())


def _failure(url: str, error: BaseException, deadline: _Deadline) -> IngestError:
    reason = getattr(error, "reason", error)
    if deadline.expired or isinstance(error, TimeoutError) or isinstance(reason, (TimeoutError, socket.timeout)):
        return _timeout(url)
    if isinstance(error, urllib.error.URLError):
        if isinstance(reason, socket.gaierror):
            return IngestError(f"{url}: could not connect (the site's name was not found: offline, or mistyped?)")
        if isinstance(reason, ConnectionRefusedError):
            return IngestError(f"{url}: could not connect (the site refused the connection)")
        return IngestError(f"{url}: could not connect ({_words(reason)})")
    if isinstance(error, http.client.HTTPException):
        return IngestError(f"{url}: the server's answer was cut off or garbled")
    return IngestError(f"{url}: download failed ({_words(error)})")


def _words(error: object) -> str:
    from analysis.errors import os_reason
    return os_reason(error) if isinstance(error, BaseException) else " ".join(str(error).split())


def _opener(host: str, url: str, deadline: _Deadline) -> urllib.request.OpenerDirector:
    # Only what a web page needs: no ftp:, file: or data: handlers at all.  A server on this
    # machine is never reached through a proxy.
    proxies: dict[str, str] | None = {} if host == "localhost" or _is_loopback(host) else None
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(proxies), _HTTPHandler(deadline), _HTTPSHandler(deadline),
                    _WebOnlyRedirects(url), urllib.request.HTTPDefaultErrorHandler(),
                    urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _timeout(url: str) -> IngestError:
    return IngestError(f"{url}: the site gave no complete answer within {C.FETCH_TIMEOUT_SECONDS:g} seconds")


def _too_big(url: str) -> IngestError:
    return IngestError(f"{url}: the page is larger than the {_megabytes(C.FETCH_MAX_BYTES)} limit")


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.3g} MB" if size >= 2**20 else f"{size / 2**10:.3g} KB" if size >= 2**10 else f"{size} bytes"


def _check_length(url: str, headers: Message) -> None:
    length = headers.get("Content-Length")
    if length and length.strip().isdigit() and int(length) > C.FETCH_MAX_BYTES:
        raise _too_big(url)


def _read_limited(url: str, response, deadline: _Deadline) -> bytes:
    """Read at most FETCH_MAX_BYTES, giving up at the deadline even if bytes keep trickling in."""
    # read1 returns after one socket read, so a server trickling bytes cannot outlast the deadline.
    read = getattr(response, "read1", response.read)
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline.end:
            raise _timeout(url)
        chunk = read(min(C.FETCH_CHUNK_BYTES, C.FETCH_MAX_BYTES + 1 - size))
        if not chunk:
            if deadline.expired:        # the watchdog shut the socket: the body is cut short
                raise _timeout(url)
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > C.FETCH_MAX_BYTES:
            raise _too_big(url)
