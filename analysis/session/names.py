"""Outlet names the editor gave, remembered for the article's text.

A rename is stored in one commit in two places: on the session's article (``SessionArticle.outlet``,
which re-loading that article uses) and in the setting ``outlet_names``, keyed by the digest of the
article's cleaned text (``Article.digest``).  So the name comes back whenever that text is analysed
again in this session: after the article was removed and added again, or read again from its file,
or given once more under another file name.  An empty name forgets the rename: ingest names the
outlet again.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from analysis.errors import SessionError
from analysis.model import Article
from analysis.session.store import Session

OUTLET_NAMES_SETTING = "outlet_names"
RENAMED_ORIGIN = "renamed by the editor"
MAX_OUTLET_NAME_CHARS = 200


def remembered_outlets(session: Session) -> dict[str, str]:
    """Text digest -> the outlet name the editor gave that text."""
    names = session.setting(OUTLET_NAMES_SETTING, {})
    return {k: v for k, v in names.items() if isinstance(k, str) and isinstance(v, str) and v} \
        if isinstance(names, dict) else {}


def rename_outlet(session: Session, article: Article, name: str) -> str | None:
    """Call ``article``'s outlet ``name`` from now on (in this session, for this text); returns the
    name stored, or None when an empty name forgot the rename."""
    name = " ".join(name.split())
    if len(name) > MAX_OUTLET_NAME_CHARS:
        raise SessionError(f"An outlet name can have at most {MAX_OUTLET_NAME_CHARS} characters")
    names = remembered_outlets(session)
    if name:
        names[article.digest] = name
    else:
        names.pop(article.digest, None)
    with session.batch("Rename outlet"):
        if any(item.id == article.id for item in session.articles()):
            session.update_article(article.id, outlet=name or None)
        session.set_setting(OUTLET_NAMES_SETTING, names)
    return name or None


def with_remembered_outlets(articles: Iterable[Article], names: dict[str, str]) -> list[Article]:
    """``articles`` with the outlet names the editor gave their texts."""
    out = []
    for article in articles:
        name = names.get(article.digest)
        if name and (name != article.outlet or article.metadata_origin.get("outlet") != RENAMED_ORIGIN):
            origin = {**article.metadata_origin, "outlet": RENAMED_ORIGIN}
            article = replace(article, outlet=name, metadata_origin=origin)
        out.append(article)
    return out
