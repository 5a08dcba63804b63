"""Ingest: turn what an editor has (a file, a link, pasted text) into one clean, segmented Article.

Stages, one module each: ``source`` (what was given; files read within the size limit), ``fetch``
(URLs), ``decode`` (bytes to text), ``normalize`` (Unicode and whitespace, before any offset exists),
``html`` (article body and page metadata), ``clean`` with ``furniture`` and ``markdown`` (page
furniture out, each removal kept), ``metadata`` (dates, title suffixes, fall-backs, precedence),
``outlets`` (outlet names from the outlets table, page metadata and the text's cues), ``sidecar``
(``story.txt.meta`` / ``.json`` beside a file), ``language``.
"""
from __future__ import annotations

import os
import re

from analysis import constants as C
from analysis.errors import IngestError
from analysis.ingest import metadata, outlets
from analysis.ingest.clean import clean, lead_dateline
from analysis.ingest.decode import decode_bytes
from analysis.ingest.html import declared_charset, extract_page, looks_like_html
from analysis.ingest.language import detect_language
from analysis.ingest.normalize import normalize_text
from analysis.ingest.sidecar import read_sidecar
from analysis.ingest.source import Source, resolve
from analysis.model import Article, Sentence, Token

__all__ = ["check_word_budget", "load_article"]

_WORD = re.compile(r"\w+")


def load_article(source: str | os.PathLike | bytes, *, article_id: str = "a1",
                 kind: str | None = None, outlet: str | None = None, title: str | None = None,
                 date=None, author: str | None = None) -> Article:
    """Read, clean and segment one article.

    ``source`` is recognised as follows (``kind`` forces a reading):

    * ``kind="paste"``: the string is the article text itself (bytes are decoded first);
    * bytes: raw content, decoded (UTF-8, UTF-16, cp1252...); web-page markup is extracted;
    * a ``PathLike``: a file;
    * a string that is one link (``scheme://...``, no spaces): a URL; only http(s) is fetched,
      within ``FETCH_TIMEOUT_SECONDS`` and ``FETCH_MAX_BYTES``;
    * a string containing a line break: pasted text;
    * any other string: a file path.  A missing file is an IngestError, never read as text.

    Files: ``.txt``/``.md`` are text (``.md`` markup is rendered), ``.html``/``.htm`` are web pages,
    other names are sniffed.  ``outlet``, ``title``, ``date`` (ISO string or ``datetime.date``) and
    ``author`` override what is found; ``Article.metadata_origin`` says where each value came from.

    Raises IngestError (one line, fit to show the user) for anything that is not a usable article.
    """
    given_date = metadata.given_date(date)  # a bad date= fails before any reading
    src = resolve(source, kind)
    text, encoding, fmt, warnings, final_url = _decoded(src)
    source_text, page_found, known_title = _extracted(src, text, fmt, final_url)
    check_word_budget(src.name, source_text)
    cleaned = clean(source_text, known_title=known_title, is_markdown=fmt == "markdown")
    _check_body(src, fmt, cleaned)
    given = {"outlet": (outlet, "given"), "title": (title, "given"),
             "date": (given_date, "given"), "author": (author, "given")}
    side, side_warnings = read_sidecar(src.path) if src.kind == "file" else ({}, [])
    warnings = list(warnings) + side_warnings
    values, origins = metadata.choose(
        given, side, page_found, _link_outlet(src, final_url), cleaned.found,
        _text_outlet(source_text, cleaned), _fallbacks(src, final_url, article_id, cleaned.text,
                                                       page_found))
    _name_outlet(values, origins, article_id)
    language, warning = detect_language(cleaned.text)
    # Imported here: the ingest stages stay usable (and testable) without loading NLTK.
    from analysis.segment import segment
    paragraphs, sentences, tokens = segment(cleaned.text, article_id)
    dateline, sentences, tokens = _dateline_apart(cleaned.text, sentences, tokens)
    return Article(
        id=article_id, path=src.path, source_kind=src.kind,
        # The fall-backs always give an outlet and a title; named again here for the type's sake.
        outlet=values["outlet"] or metadata.article_label(article_id),
        title=values["title"] or metadata.title_from_text(cleaned.text),
        date=values["date"], author=values["author"],
        text=cleaned.text, source_text=source_text, removed=cleaned.removed,
        paragraphs=tuple(paragraphs), sentences=tuple(sentences), tokens=tuple(tokens),
        language=language, encoding=encoding, metadata_origin=origins,
        warnings=tuple(warnings) + ((warning,) if warning else ()), dateline=dateline)


def _dateline_apart(text: str, sentences: list[Sentence],
                    tokens: list[Token]) -> tuple[str | None, list[Sentence], list[Token]]:
    """The dateline that opens the text ("WASHINGTON —"), and the sentences and tokens without it:
    where the story was filed is metadata, not part of the lede's fact (its text stays in place)."""
    from analysis.segment import tokenize
    n = lead_dateline(text)
    first = sentences[0] if sentences else None
    if not n or first is None or first.start != 0 or n >= first.end:
        return None, sentences, tokens
    start = n + (len(text[n:first.end]) - len(text[n:first.end].lstrip()))
    sentences = [Sentence(first.id, first.index, start, first.end, text[start:first.end], first.paragraph),
                 *sentences[1:]]
    return text[:n].strip(), sentences, tokenize(text, sentences)


def check_word_budget(name: str, text: str, limit: int | None = None) -> None:
    """Refuse, before any cleaning or segmenting, a text of more than ``MAX_ARTICLE_WORDS`` words:
    the analysis costs about linear time and memory per word, so this bounds both.  Counting stops
    at the limit, so the check itself is bounded too."""
    limit = C.MAX_ARTICLE_WORDS if limit is None else limit
    for count, _ in enumerate(_WORD.finditer(text), 1):
        if count > limit:
            raise IngestError(f"{name}: longer than {limit:,} words, the most Parallax analyses in one "
                              "article; split it into articles, or keep the part you need")


def _check_body(src: Source, fmt: str, cleaned) -> None:
    words = len(_WORD.findall(cleaned.text))
    if fmt == "html" and words < C.MIN_HTML_BODY_WORDS:
        raise IngestError(f"{src.name}: no article text found in this web page "
                          f"(only {words} word{'' if words == 1 else 's'} besides page furniture)")
    if words < C.MIN_ARTICLE_WORDS:
        n = len(cleaned.removed)
        raise IngestError(f"{src.name}: no article text left after removing {n} line"
                          f"{'' if n == 1 else 's'} of page furniture" if n else
                          f"{src.name}: holds no words")


def _decoded(src: Source) -> tuple[str, str, str, list[str], str | None]:
    """``(normalised text, encoding, format, warnings, final URL)`` of a resolved source."""
    data, fmt, declared, final_url = src.data, src.format, None, None
    warnings: list[str]
    if src.kind == "url":
        from analysis.ingest.fetch import fetch  # at call time: its HTTP stack costs every file-only run
        fetched = fetch(src.location)
        data, declared, final_url = fetched.data, fetched.charset, fetched.url
        fmt = _url_format(src.name, fetched.content_type)
    if data is None:
        # Pasted text is the only source without bytes, and it always has its text.
        text, encoding, warnings = src.text or "", "text", []
    else:
        if not data:
            raise IngestError(f"{src.name}: is empty")
        if fmt in ("html", "sniff"):
            declared = declared or declared_charset(data)
        text, encoding, warnings = decode_bytes(data, src.name, declared)
    text = normalize_text(text)
    if not text.strip():
        raise IngestError(f"{src.name}: holds only whitespace" if data or src.text
                          else f"{src.name}: is empty")
    if fmt == "sniff":
        fmt = "html" if looks_like_html(text) else "text"
    return text, encoding, fmt, warnings, final_url


def _url_format(name: str, content_type: str) -> str:
    if content_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if content_type in ("text/plain", "text/markdown"):
        return "markdown" if content_type == "text/markdown" else "text"
    if content_type and not content_type.startswith("text/"):
        raise IngestError(f"{name}: the link gives {content_type}, not a web page or text")
    return "sniff"


def _extracted(src: Source, text: str, fmt: str, url: str | None):
    """``(source_text, metadata found in the page, known title)``; web pages lose their markup."""
    if fmt != "html":
        return text, {}, None
    page = extract_page(text, src.name, url)
    source_text = normalize_text(page.text)
    title = page.found.get("title")
    return source_text, page.found, title[0] if title else None


def _link_outlet(src: Source, url: str | None) -> dict:
    """The outlet of a fetched link's domain, when the outlets table knows it."""
    name = outlets.outlet_for_host(url or src.location) if src.kind == "url" else None
    return {"outlet": (name, "domain of the link")} if name else {}


def _text_outlet(source_text: str, cleaned) -> dict:
    # Bylines, whatever the cleaner called them ("By Jane Doe | Reuters" reads like a photo credit).
    bylines = [r.text for r in cleaned.removed
               if r.reason == "byline" or r.text.lstrip().lower().startswith("by ")]
    found = outlets.text_outlet(source_text, bylines, cleaned.text)
    return {"outlet": found} if found else {}


def _fallbacks(src: Source, url: str | None, article_id: str, body: str, page_found: dict) -> dict:
    found: dict[str, tuple[str | None, str]] = {
        "title": (metadata.title_from_text(body), "first words of the text (no title found)")}
    if src.kind == "url":
        found["outlet"] = (metadata.host_name(url or src.location), "URL host name")
    elif "host" in page_found:
        found["outlet"] = page_found["host"]
    elif src.kind == "file":
        name, origin = metadata.outlet_from_path(src.location, article_id)
        known = outlets.known_name(name) if origin == "file name" else None
        found["outlet"] = (known, "file name (a known outlet)") if known else (name, origin)
    else:
        found["outlet"] = (metadata.article_label(article_id), "fallback (pasted text)")
    return found


def _name_outlet(values: dict, origins: dict, article_id: str) -> None:
    """Found names in the outlets table's spelling; an article no place names is called by the first
    words of its headline (in quotes: a headline, not an outlet) rather than "Article 3"."""
    origin = origins["outlet"]
    if origin.startswith("fallback"):
        label = metadata.unnamed_label(values["title"] or "")
        if label:
            values["outlet"] = label
            origins["outlet"] = "no outlet named in the text: the first words of its headline"
    elif origin != "given" and not origin.startswith("sidecar"):
        values["outlet"] = outlets.tidy(values["outlet"])
