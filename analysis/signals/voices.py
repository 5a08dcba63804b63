"""Voices: who is quoted, how much, and whom an outlet leaves out (findings of kind ``voice``).

Per article, ``find_quotes`` finds direct quotes (``quotemarks``) and their speakers and reported
speech (``attribution``).  Across articles (``voices``), speaker keys are resolved once more (a
surname in one article, the full name in another) and words are summed per speaker and article:
share of voice = a speaker's words / all attributed words of the article (direct and reported;
unattributed quotes left out).

``voice_findings``: a named *person* quoted by at least VOICE_OMISSION_MIN_QUOTERS other outlets and
not by one -> a Finding(kind="voice") for that one, scored by coverage and prominence.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from analysis.align.features.entity_keys import normalise_key
from analysis.constants import (
    EVIDENCE_MAX_OUTLETS,
    VOICE_COVERAGE_WEIGHT,
    VOICE_OMISSION_MIN_QUOTERS,
    VOICE_PROMINENCE_FULL_SHARE,
    VOICE_PROMINENCE_WEIGHT,
)
from analysis.model import Article, Finding, Quote, Span, Voice, stable_id
from analysis.signals.actors import (
    Mention,
    article_mentions,
    is_person_key,
    raw_mentions,
    resolver_for,
    vocabulary,
)
from analysis.signals.attribution import Attribution
from analysis.signals.attribution.state import short_forms
from analysis.signals.nouns import noun_of
from analysis.signals.quotemarks import DirectSpan, direct_spans
from analysis.signals.speaker_forms import bare_key, body_part_keys, knighted_keys
from analysis.vocabulary.wording import join_names

__all__ = ["DirectSpan", "direct_spans", "find_quotes", "mentions_of", "remember_quotes", "voice_findings",
           "voices"]

_CACHE: dict[tuple, tuple[Quote, ...]] = {}
# Articles whose quotes are kept: metrics, the voice table and the word choices read each article's
# quotes, one stage after the other, so the cache must hold a whole comparison (issue 14: at 256, a
# comparison of 400 articles evicted every article before its second reading and found every quote twice).
CACHE_ARTICLES = 2048


def find_quotes(article: Article, mentions: Sequence[Mention] | None = None) -> tuple[Quote, ...]:
    """Direct and reported quotes of one article, in text order, each with its speaker.

    Names are resolved within the article ("Rutte" -> Mark Rutte); ``voices`` resolves them across
    articles.  Results are cached by article id, text and segmentation.
    """
    if not article.sentences:
        return ()
    key = _key(article)
    if mentions is None and key in _CACHE:
        return _CACHE[key]
    if mentions is None:
        vocab = vocabulary([article])
        raw = raw_mentions(article, vocab)
        mentions = article_mentions(article, vocab, resolver_for(raw), raw)
    found = tuple(Attribution(article, mentions).find())
    remember_quotes(article, found)
    return found


def remember_quotes(article: Article, found: tuple[Quote, ...]) -> None:
    """Keep ``found`` as ``find_quotes(article)``'s answer: what a worker found (``signals.stage``)."""
    if not article.sentences:
        return
    key = _key(article)
    if key not in _CACHE and len(_CACHE) >= CACHE_ARTICLES:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = found


def _key(article: Article) -> tuple:
    return article.id, article.digest, tuple((s.start, s.end) for s in article.sentences)


# --- voices across articles ----------------------------------------------------------------------

def _cross_keys(quotes: Iterable[Quote]) -> dict[str, str]:
    """Named speaker keys resolved across articles ("zelensky" -> "volodymyr zelensky")."""
    from analysis.align.features.entity_keys import EntityResolver
    keys = {q.speaker for q in quotes if q.speaker and not q.unnamed}
    # "justice alito", "alito" and "samuel alito": the name without its title is what the surname
    # rules read; a bare form that is itself a speaker's key stays that key
    knighted = knighted_keys(keys)
    bare = {k: knighted.get(k) or bare_key(k) for k in keys}
    resolver = EntityResolver(set(bare.values()))
    out = {}
    for k in keys:
        resolved = resolver.resolve(bare[k], 0, 0)
        out[k] = resolved[0][0] if len(resolved) == 1 else bare[k]
    longer = _long_form_keys(set(out.values()))
    out = {k: longer.get(v, v) for k, v in out.items()}
    parts = body_part_keys(set(out.values()), is_person_key)
    return {k: parts.get(v, v) for k, v in out.items()}


# After a surname, a generation: "Bernardo Alejandro IV" is Alejandro.
_GENERATIONS = frozenset("jr sr ii iii iv".split())
NICKNAME_PREFIX_CHARS = 3       # letters a nickname shares with the given name it comes from ("Raffy", "Rafaelito")


def _long_form_keys(keys: Iterable[str]) -> dict[str, str]:
    """"raffy alejandro" and "bernardo rafaelito alejandro iv", "elcid layug" and "jan elcid layug":
    one person under a short and a long form of the name -- the same surname, more given names in the
    long form, and each given name of the short form is one of them or begins as one does (a
    nickname) -- when exactly one long form fits."""
    forms: dict[str, tuple[str, list[str]]] = {}
    for k in keys:
        words = k.split()
        if words and words[-1] in _GENERATIONS:
            words = words[:-1]
        if is_person_key(k) and len(words) >= 2:
            forms[k] = (words[-1], words[:-1])
    out = {}
    for short, (last, given) in forms.items():
        fits = [k for k, (last2, given2) in forms.items() if last2 == last and len(given2) > len(given)
                and all(any(_same_given(g, h) for h in given2) for g in given)]
        if len(fits) == 1:
            out[short] = fits[0]
    return out


def _same_given(a: str, b: str) -> bool:
    n = NICKNAME_PREFIX_CHARS
    return a == b or (len(a) >= n and len(b) >= n and a[:n] == b[:n])


def voices(articles: Sequence[Article], quotes: Sequence[Quote]) -> tuple[Voice, ...]:
    """One Voice per speaker, most words first: words and share of voice per article."""
    ids = {a.id for a in articles}
    quotes = [q for q in quotes if q.speaker and q.article in ids]
    rekey = _cross_keys(quotes)
    rekey.update(_short_form_keys(articles, quotes))
    rekey.update(_unnamed_keys(quotes))
    words: dict[str, Counter] = defaultdict(Counter)
    direct: dict[str, Counter] = defaultdict(Counter)
    counts: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, Counter] = defaultdict(Counter)
    roles: dict[str, Counter] = defaultdict(Counter)
    unnamed: dict[str, bool] = {}
    totals: Counter = Counter()
    for q in quotes:
        key = rekey.get(q.speaker, q.speaker)
        words[key][q.article] += q.words
        counts[key][q.article] += 1
        if q.kind == "direct":
            direct[key][q.article] += q.words
        names[key][q.speaker_name] += 1
        if q.role:
            roles[key][q.role] += 1
        unnamed[key] = q.unnamed
        totals[q.article] += q.words
    by_id = {a.id: a for a in articles}
    out = [Voice(speaker=k, name=_full_name(k, names[k], [by_id[i] for i in words[k]]),
                 role=_usual_role(roles[k]) if roles[k] else "",
                 words=dict(words[k]),
                 share={a: round(w / totals[a], 4) for a, w in words[k].items() if totals[a]},
                 direct=dict(direct[k]), quotes=dict(counts[k]), unnamed=unnamed[k])
           for k in words]
    out.sort(key=lambda v: (-sum(v.words.values()), v.speaker))
    return tuple(out)


# Leading words that do not change which unnamed source it is ("the official", "an official").
_UNNAMED_DETERMINERS = re.compile(r"~(?:(?:a|an|the|one|some|several|other|two|three)\s+)+")
_PLURAL_ES = re.compile(r"(?:(?<=ch)|(?<=sh)|(?<=ss)|(?<=x))es\Z")
_PLURAL_S = re.compile(r"(?<![su])s\Z")


# "the country's military junta": the country is the event's own, so the owner names no other body.
_GENERIC_OWNER = re.compile(r"~(?:country|nation)['’]s\s+")
# One ruling body under its several names: a junta is a military government.
_GENERIC_OWNER_NAME = re.compile(r"\A(?:[Tt]he\s+)?(?:country|nation)['’]s\s+")
_RULING_BODY = "~military junta"
_RULING_BODY_NAMES = frozenset({"~junta", "~military junta", "~military government", "~military regime",
                                "~ruling military", "~ruling junta"})


def _unnamed_keys(quotes: Iterable[Quote]) -> dict[str, str]:
    """"an official", "officials", "the official": one unnamed source, one row (singular, no determiner);
    "~the new york times" is "~new york times"; "the country's military junta", "the junta" and "the
    military government" are one ruling body, and "the military" is that body when one speaks."""
    out = {}
    for q in quotes:
        if q.unnamed and q.speaker.startswith("~"):
            key = _GENERIC_OWNER.sub("~", _UNNAMED_DETERMINERS.sub("~", q.speaker))
            if len(key) > 1 and not key.endswith("'s"):
                key = _PLURAL_S.sub("", _PLURAL_ES.sub("", key))
            if key in _RULING_BODY_NAMES:
                key = _RULING_BODY
            if key != q.speaker and len(key) > 1:
                out[q.speaker] = key
    if _RULING_BODY in out.values():
        out.update({k: _RULING_BODY for k in {q.speaker for q in quotes} if k == "~military" or
                    out.get(k) == "~military"})
    return out


def _short_form_keys(articles: Sequence[Article], quotes: Sequence[Quote]) -> dict[str, str]:
    """"according to the USGS" in one article, "the United States Geological Survey (USGS)" in another:
    the short form's key -> the key the defining article gave the full name."""
    out: dict[str, str] = {}
    for a in articles:
        keys = {q.speaker_name: q.speaker for q in quotes if q.article == a.id}
        for _, _, short, full in short_forms(a.text):
            out.setdefault(short, keys.get(full, normalise_key(full)))
    return {short: full for short, full in out.items() if any(q.speaker == short for q in quotes)}


def _usual_role(forms: Counter) -> str:
    """The role most quotes were given, counted by its office noun ("Gov." and "Florida Governor" are
    one), in its fullest form: "justice" five times is Alito's role, not the "Supreme Court nominee"
    of one old photo caption."""
    by_office: dict[str, Counter] = defaultdict(Counter)
    for form, n in forms.items():
        last = form.split()[-1] if form.split() else form
        by_office[noun_of(last) or last.lower()][form] += n
    usual = max(by_office.values(), key=lambda group: (sum(group.values()), max(len(f.split()) for f in group)))
    return _fullest(usual)


def _fullest(forms: Counter) -> str:
    return max(forms, key=lambda f: (len(f.split()), forms[f], f))


_POSSESSIVE_END = re.compile(r"['’]s\Z")


def _spells(form: str, key: str) -> bool:
    bare = bare_key(normalise_key(form))
    return key == bare or key.endswith(" " + bare)


def _full_name(key: str, forms: Counter, articles: Sequence[Article]) -> str:
    """The fullest spelling of a speaker: "Dmitriev said" is Kirill Dmitriev when the text says so."""
    if key.startswith("~"):
        # "officials" (3 quotes) and "the official" (1): the form most quotes were given, without
        # "country's" (the event's own country: "military junta")
        best = max(forms, key=lambda f: (forms[f], len(f.split()), f))
        return _GENERIC_OWNER_NAME.sub("", best) or best
    # the forms that spell the key or its surname: "Sir Keir" and "Louvre administration" were merged
    # into Keir Starmer and the Louvre, whose own names are shown
    own = Counter({_POSSESSIVE_END.sub("", f): n for f, n in forms.items() if _spells(f, key)})
    forms = own or forms
    best = _fullest(forms)
    if not best.split():
        return best
    surname = best.split()[-1]
    # "St. Petersburg Fire Rescue": a capitalised abbreviation with its full stop is part of a name
    pattern = re.compile(r"(?:[A-Z][\w’'\-]+\.?\s+(?:(?:von|der|de|bin|al|van)\s+)*){1,3}"
                         + re.escape(surname) + r"\b")
    seen: Counter = Counter()
    for a in articles:
        if surname not in a.text:
            continue                # cheap test first: the pattern needs the surname as written
        for m in pattern.finditer(a.text):
            words = m.group(0).split()
            # "Vice President JD Vance": drop leading words until the name itself is left
            name = next((" ".join(words[i:]) for i in range(len(words) - 1)
                         if normalise_key(" ".join(words[i:])) == key), None)
            if name:
                seen[name] += 1
    return _fullest(seen + Counter({best: forms[best]})) if seen else best


def voice_findings(articles: Sequence[Article], voices_: Sequence[Voice], quotes: Sequence[Quote],
                   source_of: Mapping[str, str] | None = None) -> list[Finding]:
    """Voice omissions: a named speaker quoted by >= VOICE_OMISSION_MIN_QUOTERS other sources, not
    quoted by this one.  Spans are the existing quotes of that speaker.  ``source_of`` maps a copy to
    the story it copies (``coverage.copies.source_map``): copies of one story are one source, counted
    once among the quoters and the outlets, and a copy that drops its source's quote is a version of
    that story (its ``version_diff`` shows it), not an outlet leaving the voice out."""
    source_of = source_of or {}
    by_id = {a.id: a for a in articles}
    sources = _Sources(articles, source_of)
    rekey = _cross_keys(quotes)
    out = []
    for v in voices_:
        if v.unnamed or not is_person_key(v.speaker):
            continue        # a person, not "a White House official", "Kyiv" or "the Journal"
        quoters = [a for a in by_id if v.words.get(a, 0) > 0]
        quoting = {source_of.get(a, a) for a in quoters}
        if len(quoting) < VOICE_OMISSION_MIN_QUOTERS:
            continue
        spans = tuple(Span(q.article, q.start, q.end) for q in quotes
                      if rekey.get(q.speaker, q.speaker) == v.speaker and q.article in quoters)
        silent = [a for a in articles if a.id not in quoters and source_of.get(a.id, a.id) not in quoting]
        if len(silent) == 1:
            out.append(_omission(v, silent[0], [by_id[i] for i in quoters], spans, sources))
        elif silent:
            out.append(_grouped(v, silent, [by_id[i] for i in quoters], spans, sources))
    out.sort(key=lambda f: (-f.score, f.id))
    return out


class _Sources:
    """The independent sources of a comparison: copies of one story count once."""

    def __init__(self, articles: Sequence[Article], source_of: Mapping[str, str]):
        self.source_of = source_of
        self.total = len({source_of.get(a.id, a.id) for a in articles})

    def count(self, articles: Iterable[Article]) -> int:
        return len({self.source_of.get(a.id, a.id) for a in articles})


_VOICE_RULE = (f"voice omission: a named speaker quoted (directly or reported) by at least "
               f"{VOICE_OMISSION_MIN_QUOTERS} other outlets and not by this one")


def _voice_score(v: Voice, quoters: Sequence[Article], sources: _Sources) -> float:
    coverage = sources.count(quoters) / max(1, sources.total - 1)
    mean_share = sum(v.share.get(a.id, 0.0) for a in quoters) / len(quoters)
    prominence = min(1.0, mean_share / VOICE_PROMINENCE_FULL_SHARE)
    return round(VOICE_COVERAGE_WEIGHT * coverage + VOICE_PROMINENCE_WEIGHT * prominence, 4)


def _who_and_quoters(v: Voice, quoters: Sequence[Article], sources: _Sources) -> tuple[str, str]:
    """The speaker with their role, and the quoting outlets with their words, each copy beside the
    story it copies ("alipac (40 words) and its copy gardnernews"); as many outlets named as
    ``join_names`` names, the rest counted, as an omission's carriers are."""
    who = f"{v.name} ({v.role})" if v.role else v.name
    groups: dict[str, list[Article]] = {}
    for a in quoters:
        groups.setdefault(sources.source_of.get(a.id, a.id), []).append(a)
    if len(groups) == len(quoters):
        return who, join_names([f"{a.outlet or a.id} ({v.words[a.id]} words)" for a in quoters],
                               EVIDENCE_MAX_OUTLETS)
    budget = len(quoters) if len(quoters) <= EVIDENCE_MAX_OUTLETS else EVIDENCE_MAX_OUTLETS - 1
    named = []
    for group in groups.values():
        if budget <= 0:
            break
        first, *copies = group[:budget]
        budget -= 1 + len(copies)
        copied = join_names([c.outlet or c.id for c in copies], len(copies))
        also = f" and its cop{'y' if len(group) == 2 else 'ies'} {copied}" if copies else ""
        named.append(f"{first.outlet or first.id} ({v.words[first.id]} words){also}")
    # "and" already joins a story to its copies: the sources are set apart by semicolons
    rest = (f"; and {len(quoters) - EVIDENCE_MAX_OUTLETS + 1} more" if len(quoters) > EVIDENCE_MAX_OUTLETS
            else "")
    return who, "; ".join(named) + rest


def _omission(v: Voice, article: Article, quoters: Sequence[Article], spans: tuple[Span, ...],
              sources: _Sources) -> Finding:
    mentioned = mentions_of(article, v.name)
    who, outlets = _who_and_quoters(v, quoters, sources)
    evidence = (f"{who} is quoted by {sources.count(quoters)} of the other {sources.total - 1} outlets "
                f"({outlets}) but not by {article.outlet or article.id}"
                + (f", which names {v.name.split()[-1]} {mentioned} time{'s' if mentioned > 1 else ''}"
                   " without quoting" if mentioned else "") + ".")
    return Finding(
        id=stable_id("voice", v.speaker, article.digest), kind="voice", fact=None,
        articles=(article.id,) + tuple(a.id for a in quoters), spans=spans, evidence=evidence,
        score=_voice_score(v, quoters, sources), rule=_VOICE_RULE,
        # Who quotes the speaker and how much is the finding's other articles and the voice's
        # ``words``: not repeated here for every outlet that leaves the voice out.
        data={"speaker": v.speaker, "name": v.name, "role": v.role, "article": article.id,
              "left_out_by": [article.id], "quoters": len(quoters), "mentions_in_article": mentioned})


def _grouped(v: Voice, silent: Sequence[Article], quoters: Sequence[Article], spans: tuple[Span, ...],
             sources: _Sources) -> Finding:
    """One speaker left out by several outlets: one finding listing them (one row per outlet filled
    the top of the list with one name), scored as each of them would be (the score depends on the
    quoters only).  ``articles``: the first outlet that leaves the voice out, the quoters, then the
    other outlets that leave it out (as for a grouped omission)."""
    who, outlets = _who_and_quoters(v, quoters, sources)
    mentions = {a.id: mentions_of(a, v.name) for a in silent}
    naming = [a for a in silent if mentions[a.id]]
    surname = v.name.split()[-1] if v.name.split() else v.name
    named = "; ".join(f"{a.outlet or a.id} names {surname} {mentions[a.id]} "
                      f"time{'s' if mentions[a.id] > 1 else ''} without quoting" for a in naming)
    evidence = (f"{who} is quoted by {sources.count(quoters)} of {sources.total} outlets ({outlets}) but not by "
                f"{join_names([a.outlet or a.id for a in silent], EVIDENCE_MAX_OUTLETS)}"
                + (f" ({named})" if named else "") + ".")
    return Finding(
        id=stable_id("voice", v.speaker, *sorted(a.digest for a in silent)), kind="voice", fact=None,
        articles=(silent[0].id, *(a.id for a in quoters), *(a.id for a in silent[1:])), spans=spans,
        evidence=evidence, score=_voice_score(v, quoters, sources), rule=_VOICE_RULE,
        data={"speaker": v.speaker, "name": v.name, "role": v.role, "article": silent[0].id,
              "left_out_by": [a.id for a in silent], "quoters": len(quoters),
              "mentions_in_article": mentions[silent[0].id], "mentions": mentions})


def mentions_of(article: Article, name: str) -> int:
    """How often the article names this speaker (by surname, spelling variants folded)."""
    surname = normalise_key(name.split()[-1]) if name.split() else ""
    return _capitalised_keys(article.text).get(surname, 0) if surname else 0


@lru_cache(maxsize=1024)       # one entry per article: voice omissions visit every article per voice
def _capitalised_keys(text: str) -> Counter:
    return Counter(normalise_key(re.sub(r"['’]s$", "", m.group(0)))
                   for m in re.finditer(r"[A-Z][\w’'\-]+", text))
