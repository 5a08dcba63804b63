"""One deadline for a whole URL request, headers included, and redirects only to http(s) (issue 12).

Raw socket servers on 127.0.0.1 in threads: one sends its status line and headers a byte at a
time, one redirects to an ``ftp://`` address that is watched for any connection."""
from __future__ import annotations

import socket
import threading
import time

import pytest

from analysis import IngestError, load_article
from analysis import constants as C

BYTE_EVERY_SECONDS = 0.1
DEADLINE_SECONDS = 1.0
HEADERS = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Padding: " + b"p" * 60 + b"\r\n"
           b"Content-Length: 40\r\n\r\nThe council met on Monday about ferries.")


class RawServer:
    """Accepts connections on 127.0.0.1 and runs ``serve(conn)`` for each in a thread."""

    def __init__(self, serve):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.sent = 0
        self._serve = serve
        threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(self, conn), daemon=True).start()

    def close(self):
        self.sock.close()


def _trickle_headers(server: RawServer, conn: socket.socket):
    conn.recv(4096)                             # the request
    try:
        for i in range(len(HEADERS)):
            conn.sendall(HEADERS[i:i + 1])
            server.sent += 1
            time.sleep(BYTE_EVERY_SECONDS)
    except OSError:
        pass                                    # the client gave up: what the test wants
    finally:
        conn.close()


@pytest.fixture()
def slow_headers():
    server = RawServer(_trickle_headers)
    yield server
    server.close()


def test_headers_sent_a_byte_at_a_time_are_bounded_by_the_deadline(slow_headers, monkeypatch):
    monkeypatch.setattr(C, "FETCH_TIMEOUT_SECONDS", DEADLINE_SECONDS)
    url = f"http://127.0.0.1:{slow_headers.port}/article.txt"
    with pytest.raises(IngestError) as info:
        load_article(url)
    assert str(info.value) == f"{url}: the site gave no complete answer within 1 seconds"
    # The client stopped reading after about DEADLINE / BYTE_EVERY bytes; before the fix (a timeout
    # per read only) it read every header byte and took the whole trickle.
    time.sleep(3 * BYTE_EVERY_SECONDS)          # let the server notice the closed connection
    assert slow_headers.sent < len(HEADERS) / 2


def _redirect_to(target: str):
    def serve(server: RawServer, conn: socket.socket):
        conn.recv(4096)
        conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: " + target.encode() + b"\r\nContent-Length: 0\r\n\r\n")
        conn.close()
    return serve


def test_a_redirect_to_ftp_is_refused_before_connecting():
    ftp = socket.create_server(("127.0.0.1", 0))    # where an ftp client would go
    ftp.settimeout(0.5)
    ftp_url = f"ftp://127.0.0.1:{ftp.getsockname()[1]}/article.txt"
    web = RawServer(_redirect_to(ftp_url))
    url = f"http://127.0.0.1:{web.port}/moved"
    try:
        with pytest.raises(IngestError) as info:
            load_article(url)
        assert str(info.value) == (f"{url}: the server redirects to {ftp_url}, which is not an http(s) "
                                   "link; it was not followed")
        with pytest.raises(TimeoutError):
            ftp.accept()                        # nobody ever knocked (before: "USER anonymous")
    finally:
        web.close()
        ftp.close()


def test_a_redirect_to_a_local_file_is_refused():
    web = RawServer(_redirect_to("file:///etc/hostname"))
    url = f"http://127.0.0.1:{web.port}/moved"
    try:
        with pytest.raises(IngestError, match="redirects to file:///etc/hostname, which is not an http"):
            load_article(url)
    finally:
        web.close()
