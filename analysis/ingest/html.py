"""Saved or fetched web pages: the article body (trafilatura) and the page's own metadata.

The body comes from trafilatura, a maintained main-content extractor; metadata comes first from the
tags publishers fill for link previews (``og:title``, ``article:published_time``, ``author``; the
outlet from ``og:site_name``, JSON-LD and the page's link as ``analysis.ingest.outlets`` decides),
read with lxml, then from trafilatura's own metadata search.  Each value carries the
tag it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.errors import IngestError
from analysis.ingest.metadata import iso_date, split_title_suffix
from analysis.ingest.outlets import page_host, page_outlet

_DATE_NAMES = ("article:published_time", "og:article:published_time", "datepublished", "date",
               "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.date",
               "sailthru.date", "parsely-pub-date")
# The HTML5 encoding prescan looks at the first 1024 bytes for <meta charset>; we allow a bit more.
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_PRESCAN_BYTES = 4096


@dataclass
class Page:
    """The extracted body text and metadata of one web page."""
    text: str
    found: dict[str, tuple[str, str]] = field(default_factory=dict)  # field -> (value, origin)


def looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in head


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its top, if any."""
    match = _CHARSET.search(data[:_PRESCAN_BYTES])
    return match[1].decode("ascii").lower() if match else None


def extract_page(html: str, name: str, url: str | None = None) -> Page:
    """Body text and metadata of ``html``; IngestError when the page holds no article text."""
    import trafilatura  # imported late: it takes half a second and only web pages need it
    from trafilatura.settings import Document

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_images=False,
            favor_recall=True, date_extraction_params={"extensive_search": False})
    except Exception as error:  # trafilatura raises several types on broken markup
        raise IngestError(f"{name}: the web page could not be read ({error})") from None
    # Without ``as_dict`` the result is a Document (or None when nothing was extracted).
    text = (doc.text if isinstance(doc, Document) else "") or ""
    if not any(ch.isalnum() for ch in text):
        raise IngestError(f"{name}: no article text found in this web page")
    found = _meta_tags(html)
    _add_trafilatura_meta(found, doc)
    return Page(text, found)


def _meta_tags(html: str) -> dict[str, tuple[str, str]]:
    from lxml import html as lxml_html
    try:
        tree = lxml_html.fromstring(html.encode("utf-8"),
                                    parser=lxml_html.HTMLParser(encoding="utf-8"))
    except Exception:  # lxml refuses empty or odd documents; trafilatura already read the page
        return {}
    meta = {}
    for tag in tree.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        if key and tag.get("content") and key not in meta:
            meta[key] = " ".join(tag.get("content").split())
    found: dict[str, tuple[str, str]] = {}
    outlet = page_outlet(meta, tree)    # og:site_name, JSON-LD publisher, link domain, ... (outlets)
    if outlet:
        found["outlet"] = outlet
    host = page_host(meta, tree)
    if host:
        found["host"] = (host, "host of the page's link")     # a fall-back, used by load_article
    _title(found, meta, tree.findtext(".//title"))
    for key in _DATE_NAMES:
        day = iso_date(meta.get(key, ""))
        if day:
            found["date"] = (day, f"<meta {key}>")
            break
    for key in ("author", "article:author", "dc.creator", "parsely-author"):
        value = meta.get(key, "")
        if value and not value.startswith("http"):
            found["author"] = (value, f"<meta {key}>")
            break
    return found


def _title(found: dict, meta: dict[str, str], title_tag: str | None) -> None:
    for value, origin in ((meta.get("og:title"), "og:title"), (title_tag, "<title>"),
                          (meta.get("twitter:title"), "twitter:title")):
        value = " ".join((value or "").split())
        if value:
            title, outlet = split_title_suffix(value)
            found["title"] = (title, origin)
            if outlet:
                found.setdefault("outlet", (outlet, f"{origin} suffix"))
            return


def _add_trafilatura_meta(found: dict, doc) -> None:
    for key, attribute in (("title", "title"), ("outlet", "sitename"), ("author", "author")):
        value = getattr(doc, attribute, None)
        if value and key not in found:
            found[key] = (" ".join(value.split()), "page metadata (trafilatura)")
    day = iso_date(getattr(doc, "date", None) or "")
    if day and "date" not in found:
        found["date"] = (day, "page metadata (htmldate)")
