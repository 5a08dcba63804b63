"""Links, fetched from a local http.server on 127.0.0.1 running in a thread (no network needed)."""
from __future__ import annotations

import threading
import time
import urllib.error
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from analysis import IngestError, load_article
from analysis import constants as C

DATA = Path(__file__).resolve().parent / "data"
PAGE = (DATA / "cnn_paris_summit.html").read_bytes()
TEXT = ("European leaders held emergency talks in Paris on Monday as US and Russian officials "
        "prepared to meet in Saudi Arabia.\nBritain said it was ready to consider sending troops.\n")
SLOW_SECONDS = 2.0  # how long the slow handler stalls; the patched timeout is far shorter


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        route = ROUTES.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        route(self)

    def log_message(self, *args):  # keep test output clean
        pass

    def reply(self, body: bytes, content_type: str, length: bool = True):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _slow_headers(handler):
    time.sleep(SLOW_SECONDS)
    handler.reply(TEXT.encode(), "text/plain")


def _trickle(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    for _ in range(40):  # a byte every 50 ms: each read is quick, the whole is too slow
        try:
            handler.wfile.write(b"a")
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(0.05)


ROUTES = {
    "/article.html": lambda h: h.reply(PAGE, "text/html; charset=utf-8"),
    "/plain.txt": lambda h: h.reply(TEXT.encode("cp1252"), "text/plain; charset=windows-1252"),
    "/big": lambda h: h.reply(b"x" * 5000, "text/plain"),
    "/big-no-length": lambda h: h.reply(b"word " * 1000, "text/plain", length=False),
    "/slow": _slow_headers,
    "/trickle": _trickle,
    "/report.pdf": lambda h: h.reply(b"%PDF-1.7", "application/pdf"),
    "/redirect": lambda h: (h.send_response(302), h.send_header("Location", "/article.html"),
                            h.send_header("Content-Length", "0"), h.end_headers()),
}


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False  # do not wait for a stalled handler at shutdown
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def error_line(url: str, match: str) -> str:
    with pytest.raises(IngestError, match=match) as info:
        load_article(url)
    assert "\n" not in str(info.value) and url in str(info.value)
    return str(info.value)


def test_web_page(server):
    article = load_article(server + "/article.html")
    assert (article.source_kind, article.path) == ("url", server + "/article.html")
    assert article.outlet == "CNN" and article.date == "2025-02-17"
    assert "Rutte said." in article.text and "Skip to content" not in article.text


def test_plain_text_with_declared_charset(server):
    article = load_article(server + "/plain.txt")
    assert article.text == TEXT.strip() and article.encoding == "windows-1252"
    assert (article.outlet, article.metadata_origin["outlet"]) == ("127.0.0.1", "URL host name")


def test_redirect_is_followed(server):
    assert load_article(server + "/redirect").outlet == "CNN"


def test_404(server):
    error_line(server + "/missing", "HTTP 404")


def test_oversized_by_content_length(server, monkeypatch):
    monkeypatch.setattr(C, "FETCH_MAX_BYTES", 1000)
    error_line(server + "/big", "larger than")


def test_oversized_without_content_length(server, monkeypatch):
    monkeypatch.setattr(C, "FETCH_MAX_BYTES", 1000)
    monkeypatch.setattr(C, "FETCH_CHUNK_BYTES", 256)
    error_line(server + "/big-no-length", "larger than")


def test_timeout_waiting_for_the_answer(server, monkeypatch):
    # The server stalls SLOW_SECONDS, far past the deadline: the message proves the deadline cut
    # it short (the answer would have come, so no clock is needed).
    monkeypatch.setattr(C, "FETCH_TIMEOUT_SECONDS", 0.3)
    error_line(server + "/slow", "no complete answer within 0.3 seconds")


def test_timeout_for_a_trickling_answer(server, monkeypatch):
    # The whole body would arrive after about 2 s; the message shows the 0.5 s deadline ended it.
    monkeypatch.setattr(C, "FETCH_TIMEOUT_SECONDS", 0.5)
    error_line(server + "/trickle", "no complete answer within 0.5 seconds")


def test_an_error_answer_is_closed(server, monkeypatch):
    # Was: the HTTPError (a response holding the socket) was dropped unclosed: a ResourceWarning.
    answers = []
    opened = urllib.error.HTTPError.__init__

    def keep(self, *args, **kwargs):
        opened(self, *args, **kwargs)
        answers.append(self)
    monkeypatch.setattr(urllib.error.HTTPError, "__init__", keep)
    error_line(server + "/missing", "HTTP 404")
    assert [a.code for a in answers] == [404] and answers[0].fp.closed


def test_not_a_page(server):
    error_line(server + "/report.pdf", "application/pdf, not a web page")


def test_nothing_listening():
    error_line("http://127.0.0.1:9/article", "could not connect")


def test_only_http_links():
    with pytest.raises(IngestError, match="not an http"):
        load_article("ftp://example.org/a.txt")
