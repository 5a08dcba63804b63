"""Same-event evidence between every two articles, from their profiles alone (``profile``).

For a pair of articles the *components* are:

* ``words``: cosine of their background-weighted content-word vectors (0-1);
* ``lede``: the same for the titles and first sentences (0-1);
* ``lede_embedding``: cosine of the mean embeddings of their titles and ledes (0-1): "a robbery at
  the Louvre" and "the Louvre heist" agree where their words do not;
* ``overlap``: the background weight of the entities both name over the smaller of the two
  articles' totals (0-1): sharing "Sestak" weighs more than sharing "Obama", and a short flash that
  names the Louvre and its minister shares most of what it names with a long account of the heist;
* ``shingles``: ``log(1 + runs of EVENT_SHINGLE_WORDS content words both contain)``: shared quotes
  and near-identical sentences;
* ``numbers``: ``log(1 + specificity of the numbers and days both give)``: "1,354 diamonds" weighs
  3, "230 people" or "magnitude 7.7" 1, a round "300" or "two" nothing (``profile.specificity``),
  a day ("July 2") ``EVENT_DAY_SPECIFICITY``;
* ``unnamed``: 1 when both articles name people, places or bodies and not one of them is shared
  (negative evidence: no same-event pair of the dev set or of the real coverage looked at shares
  no name; stories written from one template, "the fire in Kelderwick" and "the strike in Ulmsted",
  share wording and nothing else);
* ``offices``: how many offices the two give to different people ("German Chancellor Olaf Scholz"
  and "German Chancellor Friedrich Merz": two moments of one topic), a veto like ``apart``; a bare
  title ("Prime Minister Malcolm Turnbull" / "Prime Minister Scott Morrison") counts only when
  neither article names the other's holder anywhere (``offices.bare_holders``);
* ``apart``: 1 when both articles are dated more than ``EVENT_MAX_DATE_GAP_DAYS`` apart, or when
  both ledes name years and no year in common (a quake in one place, eight years apart), or both
  titles name storms and no storm in common ("Hurricane Helene" / "Hurricane Milton");
* ``moment``: 1 when one lede tells news of the day and the other looks back months to the
  happening ("during a raid last October"): a follow-up story, a veto like ``apart``
  (``analysis.events.moment``);
* ``weekdays``: 1 when both ledes give their news a weekday (``moment.news_weekday``) at least
  ``EVENT_WEEKDAYS_APART`` days apart on the week ("the junta said on Monday" / "struck on Friday"):
  an undated update days later.  Evidence, not a veto: a story cycle runs over days (BASIL dev has
  same-event pairs two and three days apart), so only an update that shares little more than the
  topic's names leaves;
* ``results``: 1 when the two articles' titles and first sentences give one side of a contest two
  different opponents ("Spain beat England" / "Spain beat France"): two matches of one team read
  alike in every other component (``analysis.events.results``).

Length-dependent sums (the whole-text embedding, the summed entity weight) were components once; a
short web page scores low on them whatever it covers, so they are left out.  The rarity of the
rarest shared name is left out too: a rarely named person (a local governor) is in many stories, and
with it two of her different events merged.

``same_event_probability`` mixes them into the probability that the two cover one event
(``EVENT_W_*``, a logistic fit on BASIL dev pairs: ``python main.py bench events --fit``).  Each
component depends on the two articles only, so a pair's score never changes because other articles
were added.  Shared items are counted through inverted indexes and the cosines through one matrix
product each, so 200 articles (19,900 pairs) cost well under a second.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Hashable, Iterable, Mapping, Sequence

import numpy as np

from analysis.constants import (
    EVENT_BIAS,
    EVENT_DAY_SPECIFICITY,
    EVENT_MAX_DATE_GAP_DAYS,
    EVENT_W_APART,
    EVENT_W_LEDE,
    EVENT_W_LEDE_EMBEDDING,
    EVENT_W_MOMENT,
    EVENT_W_NUMBERS,
    EVENT_W_OFFICES,
    EVENT_W_OVERLAP,
    EVENT_W_RESULTS,
    EVENT_W_SHINGLES,
    EVENT_W_UNNAMED,
    EVENT_W_WEEKDAYS,
    EVENT_W_WORDS,
    EVENT_WEEKDAYS_APART,
)
from analysis.events import moment, results
from analysis.events.profile import Profile, specificity

COMPONENTS = ("words", "lede", "lede_embedding", "overlap", "shingles", "numbers", "unnamed", "offices",
              "apart", "moment", "weekdays", "results")
WEIGHTS = {"words": EVENT_W_WORDS, "lede": EVENT_W_LEDE, "lede_embedding": EVENT_W_LEDE_EMBEDDING,
           "overlap": EVENT_W_OVERLAP, "shingles": EVENT_W_SHINGLES, "numbers": EVENT_W_NUMBERS,
           "unnamed": EVENT_W_UNNAMED, "offices": EVENT_W_OFFICES, "apart": EVENT_W_APART,
           "moment": EVENT_W_MOMENT, "weekdays": EVENT_W_WEEKDAYS,
           "results": EVENT_W_RESULTS}


@dataclass(frozen=True)
class PairEvidence:
    """Every pair's components, as n x n matrices in profile order, and the probabilities."""
    profiles: tuple[Profile, ...]
    components: Mapping[str, np.ndarray]
    probability: np.ndarray             # n x n, symmetric, diagonal 1

    @property
    def follow_ups(self) -> np.ndarray:
        """n booleans: articles whose lede looks back months to the happening (``moment``)."""
        return np.array([p.moment == moment.RETROSPECTIVE for p in self.profiles], dtype=bool)

    @property
    def dated_apart(self) -> np.ndarray:
        """n x n booleans: pairs both dated, more than ``EVENT_MAX_DATE_GAP_DAYS`` apart.  A date is
        the page's own (metadata, dateline, date label), so these pairs never share a group
        (``groups.cluster``); the other vetoes read the text, and one misread office or year must not
        split a story (as a cannot-link, one office per mixed article split a 200-article set)."""
        return _date_gaps(self.profiles) > EVENT_MAX_DATE_GAP_DAYS

    def shared_entities(self, i: int, j: int) -> list[str]:
        """Names both articles give, rarest first."""
        a, b = self.profiles[i], self.profiles[j]
        keys = sorted(set(a.entities) & set(b.entities), key=lambda k: (-a.entities[k], k))
        return [a.names.get(k, k) for k in keys]

    def office_conflicts(self, i: int, j: int) -> list[tuple[str, str, str]]:
        """(office, person in i, person in j) where the two differ (bare titles: see the module doc)."""
        pa, pb = self.profiles[i], self.profiles[j]
        a, b = pa.offices, pb.offices
        return [(o, a[o], b[o]) for o in sorted(set(a) & set(b)) if a[o] != b[o]] + \
            [(t, pa.bare_offices[t], pb.bare_offices[t]) for t in sorted(set(pa.bare_offices) & set(pb.bare_offices))
             if _bare_clash(pa, pb, t)]


def _cosines(bags: Sequence[Mapping[str, float]]) -> np.ndarray:
    keys = sorted({k for bag in bags for k in bag})
    col = {k: c for c, k in enumerate(keys)}
    m = np.zeros((len(bags), len(keys)), dtype=np.float32)
    for r, bag in enumerate(bags):
        for k, v in bag.items():
            m[r, col[k]] = v
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    np.divide(m, norms, out=m, where=norms > 0)
    return np.clip(m @ m.T, 0.0, 1.0)


def _shared(items: Sequence[Iterable[Hashable]], weight=None) -> np.ndarray:
    """n x n sums of ``weight(i, item)`` (default 1) over the items two collections share."""
    postings: dict[Hashable, list[int]] = {}
    for i, its in enumerate(items):
        for it in its:
            postings.setdefault(it, []).append(i)
    out = np.zeros((len(items), len(items)), dtype=np.float64)
    for it, rows in postings.items():
        if len(rows) < 2:
            continue
        idx = np.array(rows)
        w = 1.0 if weight is None else weight(it)
        out[np.ix_(idx, idx)] += w
    np.fill_diagonal(out, 0.0)
    return out


def _office_conflicts(profiles: Sequence[Profile]) -> np.ndarray:
    by_office: dict[str, dict[str, list[int]]] = {}
    for i, p in enumerate(profiles):
        for office, person in p.offices.items():
            by_office.setdefault(office, {}).setdefault(person, []).append(i)
    out = np.zeros((len(profiles), len(profiles)), dtype=np.float64)
    for holders in by_office.values():
        groups = [np.array(rows) for rows in holders.values()]
        for x, gx in enumerate(groups):
            for gy in groups[x + 1:]:
                out[np.ix_(gx, gy)] += 1
                out[np.ix_(gy, gx)] += 1
    return out + _bare_conflicts(profiles)


def _names_person(p: Profile, person: str) -> bool:
    """Whether ``p`` names ``person`` (a full-name key) anywhere, in full or by surname."""
    surname = person.split()[-1]
    return any(k == person or k.split()[-1] == surname for k in p.entities)


def _bare_conflicts(profiles: Sequence[Profile]) -> np.ndarray:
    out = np.zeros((len(profiles), len(profiles)), dtype=np.float64)
    by_title: dict[str, list[tuple[int, str]]] = {}
    for i, p in enumerate(profiles):
        for title, person in p.bare_offices.items():
            by_title.setdefault(title, []).append((i, person))
    for title, holders in by_title.items():
        for x, (i, _) in enumerate(holders):
            for j, _ in holders[x + 1:]:
                if _bare_clash(profiles[i], profiles[j], title):
                    out[i, j] += 1
                    out[j, i] += 1
    return out


def _bare_clash(a: Profile, b: Profile, title: str) -> bool:
    """Two different bare holders of ``title``, and neither article names the other's holder."""
    x, y = a.bare_offices[title], b.bare_offices[title]
    return x != y and not _names_person(b, x) and not _names_person(a, y)


def _day(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


def _date_gaps(profiles: Sequence[Profile]) -> np.ndarray:
    """n x n days between two articles' dates (NaN where either is undated)."""
    days = np.array([np.nan if (d := _day(p.date)) is None else d for p in profiles], dtype=np.float64)
    return np.abs(days[:, None] - days[None, :])


def _apart(profiles: Sequence[Profile]) -> np.ndarray:
    """1 where two articles are dated too far apart, or their ledes place what they tell in
    different years ("the 2017 quake" and "the 2025 quake" in one city are two happenings)."""
    gap = _date_gaps(profiles)
    out = np.where(np.isnan(gap), 0.0, (gap > EVENT_MAX_DATE_GAP_DAYS).astype(np.float64))
    for told in ([(i, p.years) for i, p in enumerate(profiles) if p.years],
                 [(i, p.storm_names) for i, p in enumerate(profiles) if p.storms]):
        for k, (i, a) in enumerate(told):
            for j, b in told[k + 1:]:
                if not a & b:
                    out[i, j] = out[j, i] = 1.0
    return out


def _moments(profiles: Sequence[Profile]) -> np.ndarray:
    """1 where one article tells news of the day and the other looks back to the happening."""
    kinds = [p.moment for p in profiles]
    return np.array([[float(moment.apart(a, b)) for b in kinds] for a in kinds], dtype=np.float64)


def _weekdays(profiles: Sequence[Profile]) -> np.ndarray:
    """1 where both ledes give their news a weekday, ``EVENT_WEEKDAYS_APART`` or more days apart."""
    days = np.array([-1 if p.weekday is None else p.weekday for p in profiles])
    d = np.abs(days[:, None] - days[None, :]) % 7
    known = (days >= 0)[:, None] & (days >= 0)[None, :]
    return (known & (np.minimum(d, 7 - d) >= EVENT_WEEKDAYS_APART)).astype(np.float64)


def _results(profiles: Sequence[Profile]) -> np.ndarray:
    """1 where the two articles' results give one side two different opponents."""
    told = [(i, p.results) for i, p in enumerate(profiles) if p.results]
    out = np.zeros((len(profiles), len(profiles)), dtype=np.float64)
    for k, (i, a) in enumerate(told):
        for j, b in told[k + 1:]:
            if results.clash(a, b):
                out[i, j] = out[j, i] = 1.0
    return out


def _overlap(profiles: Sequence[Profile], shared: np.ndarray) -> np.ndarray:
    """Shared entity weight over the smaller of the two articles' entity weights (0-1): a short
    flash that names the Louvre and its minister shares most of what it names with a long account."""
    totals = np.array([sum(p.entities.values()) for p in profiles])
    smaller = np.minimum(totals[:, None], totals[None, :])
    return np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0).clip(0.0, 1.0)


def _unnamed(profiles: Sequence[Profile], shared: np.ndarray) -> np.ndarray:
    named = np.array([bool(p.entities) for p in profiles])
    both = named[:, None] & named[None, :]
    return (both & (shared <= 0)).astype(np.float64)


def _specific(item: Hashable) -> float:
    """What sharing a number or a day weighs: its significant digits (``profile.specificity``); a
    day of the year ``EVENT_DAY_SPECIFICITY``."""
    return float(specificity(item)) if isinstance(item, float) else EVENT_DAY_SPECIFICITY


def components(profiles: Sequence[Profile]) -> dict[str, np.ndarray]:
    """Each component of every pair (see the module docstring), as n x n matrices."""
    weight_of: dict[str, float] = {}
    for p in profiles:
        weight_of.update(p.entities)
    ledes = np.array([p.lede_vector for p in profiles], dtype=np.float32)
    shared = _shared([p.entities for p in profiles], weight_of.__getitem__)
    return {
        "words": _cosines([p.words for p in profiles]),
        "lede": _cosines([p.lede for p in profiles]),
        "lede_embedding": np.clip(ledes @ ledes.T, 0.0, 1.0),
        "overlap": _overlap(profiles, shared),
        "shingles": np.log1p(_shared([p.shingles for p in profiles])),
        "numbers": np.log1p(_shared([[*p.numbers, *p.dates] for p in profiles], _specific)),
        "unnamed": _unnamed(profiles, shared),
        "offices": _office_conflicts(profiles),
        "apart": _apart(profiles),
        "moment": _moments(profiles),
        "weekdays": _weekdays(profiles),
        "results": _results(profiles),
    }


def logit(parts: Mapping[str, np.ndarray], weights: Mapping[str, float] = WEIGHTS,
          bias: float = EVENT_BIAS) -> np.ndarray:
    return bias + np.sum([weights[k] * parts[k] for k in COMPONENTS], axis=0)


def pair_evidence(profiles: Sequence[Profile]) -> PairEvidence:
    """Components and same-event probabilities of every two of ``profiles``."""
    parts = components(profiles)
    prob = 1.0 / (1.0 + np.exp(-logit(parts)))
    np.fill_diagonal(prob, 1.0)
    return PairEvidence(tuple(profiles), parts, prob)
