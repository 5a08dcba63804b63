"""Encodings and normalisation: every supported encoding gives the same text, offsets point into it."""
from __future__ import annotations

import unicodedata

import pytest

from analysis import IngestError, load_article
from analysis.ingest.decode import decode_bytes
from analysis.ingest.normalize import normalize_text

TEXT = ("Europe’s leaders “met” in Paris – and Zelensky’s café talks went on.\n"
        "The U.K. said it was “ready” to send troops — 26 countries agreed, Macron said.\n")


@pytest.mark.parametrize("encoding, name", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8 with BOM"), ("utf-16", "utf-16"),
    ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"), ("utf-32", "utf-32"),
    ("cp1252", "cp1252"),
])
def test_encodings_decode_to_the_same_text(encoding, name):
    text, found, warnings = decode_bytes(TEXT.encode(encoding))
    assert (text.lstrip("\ufeff"), found, warnings) == (TEXT, name, [])


def test_cp1252_file_keeps_typographic_quotes(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    article = load_article(path)
    assert article.encoding == "cp1252"
    assert article.text == TEXT.strip()
    assert "“ready”" in article.text and "–" in article.text


def test_utf16_file_with_bom(tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-16"))
    article = load_article(path)
    assert (article.encoding, article.text) == ("utf-16", TEXT.strip())


def test_utf8_bom_is_not_in_the_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(TEXT.encode("utf-8-sig"))
    article = load_article(path)
    assert article.text[0] == "E" and article.encoding == "utf-8 with BOM"


def test_other_single_byte_encodings_are_guessed():
    russian = ("Лидеры Европы провели экстренную встречу в Париже, чтобы обсудить мирные переговоры "
               "по Украине и гарантии безопасности.\n") * 3
    text, encoding, _ = decode_bytes(russian.encode("cp1251"))
    assert text == russian and encoding == "cp1251"


@pytest.mark.parametrize("data, what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
    (bytes(range(256)) * 8, "binary"),
    (b"text with a NUL\x00 inside it", "binary"),
])
def test_binary_data_is_refused(data, what):
    with pytest.raises(IngestError, match=what):
        decode_bytes(data, "x.txt")


def test_normalisation():
    raw = ("Title\u00a0line  \r\n\ufeffZero\u200bwidth\u00adsoft\tand\u2009thin   \r"
           "Cafe\u0301 \u2028next\u2029last\x07bell  ")
    assert normalize_text(raw) == "Title line\nZerowidthsoft and thin\nCafé\nnext\nlastbell"


def test_normalisation_keeps_quotes_dashes_and_joiners():
    text = "“Quoted” ‘single’ – en — em … ellipsis; می\u200cخواهم"
    assert normalize_text(text) == text


def test_offsets_point_into_the_normalised_text():
    raw = ("Leaders\u00a0met in Paris on Monday.\u200b They talked.  \r\n\r\n"
           "Cafe\u0301 owners said the talks were \u201cgood\u201d.\r\n")
    article = load_article(raw.encode("utf-8"))
    assert "\u00a0" not in article.text and "\r" not in article.text and "\u200b" not in article.text
    assert unicodedata.is_normalized("NFC", article.text)
    assert article.text == "Leaders met in Paris on Monday. They talked.\n\nCafé owners said the talks were “good”."
    for s in article.sentences:
        assert article.text[s.start:s.end] == s.text
    for t in article.tokens:
        assert article.text[t.start:t.end] == t.text
    assert any(t.text == "Café" for t in article.tokens)
