"""The events stage in an editor's words: group labels, why an article is (not) in the compared
group, and the notes ("no two articles share an event: nothing to align")."""
from __future__ import annotations

import math
from collections import Counter
from typing import Mapping, Sequence

from analysis.constants import EVENT_EVIDENCE_NAMES, EVENT_LABEL_MAX_CHARS, EVENT_MAX_DATE_GAP_DAYS
from analysis.events import moment
from analysis.events.evidence import PairEvidence
from analysis.events.offices import office_words
from analysis.model import Article, EventGroup

NOTHING_SHARED = "No two articles share an event: nothing to align."


def _cut(text: str, limit: int = EVENT_LABEL_MAX_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def label(article: Article) -> str:
    """What a group is about: its most central article's title (or first sentence)."""
    if article.title.strip():
        return _cut(article.title)
    return _cut(article.sentences[0].text) if article.sentences else f"{article.outlet} ({article.id})"


def _list(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _who(ids: Sequence[str], by_id: Mapping[str, Article]) -> str:
    return _list([f"{by_id[a].outlet} ({a})" for a in ids])


def group_evidence(evidence: PairEvidence, rows: Sequence[int]) -> str:
    """The names every article of a group gives (or most do), rarest first."""
    if len(rows) < 2:
        return ""
    counts: dict[str, int] = {}
    for r in rows:
        for key in evidence.profiles[r].entities:
            counts[key] = counts.get(key, 0) + 1
    weight = {k: w for r in rows for k, w in evidence.profiles[r].entities.items()}
    name = {k: _usual_form(evidence, rows, k) for k in counts}
    for share, word in ((len(rows), "all"), (math.ceil(len(rows) / 2), "most")):
        keys = sorted((k for k, c in counts.items() if c >= max(2, share)), key=lambda k: (-weight[k], k))
        if keys:
            who = ("both" if len(rows) == 2 else f"all {len(rows)}") if word == "all" else "most"
            return f"{who} name {_list([name[k] for k in keys[:EVENT_EVIDENCE_NAMES]])}"
    return "they share wording and topic but no name"


def _usual_form(evidence: PairEvidence, rows: Sequence[int], key: str) -> str:
    """The form of a name most of ``rows`` give, the shorter on a tie: the fullest form one page
    gives ("CBS News Baltimore" for Baltimore) is not what "all 6 name"."""
    forms = Counter(evidence.profiles[r].names[key] for r in rows if key in evidence.profiles[r].names)
    return min(forms, key=lambda f: (-forms[f], len(f), f))


def _pair_detail(evidence: PairEvidence, i: int, j: int) -> list[str]:
    """What articles i and j share: names, wording, numbers and days."""
    out = []
    names = evidence.shared_entities(i, j)
    if names:
        out.append(f"both name {_list(names[:EVENT_EVIDENCE_NAMES])}")
    runs = round(math.expm1(evidence.components["shingles"][i, j]))
    if runs:
        out.append(f"{runs} identical phrase{'s' if runs > 1 else ''}")
    a, b = evidence.profiles[i], evidence.profiles[j]
    shared = [a.numbers[k] for k in a.numbers if k in b.numbers] + \
        [a.dates[k] for k in a.dates if k in b.dates]
    if shared:
        out.append(f"both give {_list(shared[:EVENT_EVIDENCE_NAMES])}")
    return out


def _clashes(evidence: PairEvidence, row: int, peers: Sequence[int], member: bool = False) -> list[str]:
    """The vetoes against ``peers`` in words; for an article left out, the other days told too (weak
    evidence: a member's story cycle may run over days, and a "but" there would only alarm)."""
    out: list[str] = []
    held = {**evidence.profiles[row].bare_offices, **evidence.profiles[row].offices}
    # Only the pairs whose "offices" component counts a conflict have one to list: reading every
    # peer's offices for every article grew as the square of the inputs (7.6 % of a 400-article run).
    clashing = [j for j in peers if evidence.components["offices"][row, j]]
    conflicts = [c for j in clashing for c in evidence.office_conflicts(row, j)]
    for office in sorted(held):
        mine = held[office]
        theirs = sorted({p for o, _, p in conflicts if o == office})
        if theirs:
            out.append(f"names {evidence.profiles[row].names.get(mine.split()[-1], mine.title())} as "
                       f"{office_words(office)} where the others name {_list([t.title() for t in theirs])}")
    apart = [j for j in peers if evidence.components["apart"][row, j]]
    p = evidence.profiles
    dated = [j for j in apart if p[row].date and p[j].date]
    if dated:
        out.append(f"is dated {p[row].date}, more than {EVENT_MAX_DATE_GAP_DAYS} days from "
                   f"{_list([f'{p[j].outlet} ({p[j].date})' for j in dated[:2]])}")
    stormy = [j for j in apart if j not in dated and p[row].storms and p[j].storms
              and not p[row].storm_names & p[j].storm_names]
    if stormy:
        theirs = [f"{p[j].outlet} ({p[j].article}) tells of {_list(list(p[j].storms))}" for j in stormy[:2]]
        out.append(f"tells of {_list(list(p[row].storms))} where {_list(theirs)}")
    told = [j for j in apart if j not in dated and j not in stormy]
    if told:
        out.append(f"tells of {_years(p[row].years)} where "
                   f"{_list([f'{p[j].outlet} ({p[j].article}) tells of {_years(p[j].years)}' for j in told[:2]])}")
    later = [j for j in peers if evidence.components["moment"][row, j]]
    if later:
        out.append(f"{_moment(p[row])} where "
                   f"{_list([f'{p[j].outlet} ({p[j].article}) {_moment(p[j])}' for j in later[:2]])}")
    contests = [j for j in peers if evidence.components["results"][row, j]]
    if contests:
        out.append(f"tells of {_results(p[row])} where "
                   f"{_list([f'{p[j].outlet} ({p[j].article}) tells of {_results(p[j])}' for j in contests[:2]])}")
    days = [] if member else [j for j in peers if evidence.components["weekdays"][row, j]]
    if days:
        out.append(f"tells news of {_weekday(p[row])} where "
                   f"{_list([f'{p[j].outlet} ({p[j].article}) tells of {_weekday(p[j])}' for j in days[:2]])}")
    return out


def _results(p) -> str:
    """A profile's results in words: "Spain beating France"."""
    return _list([f"{w.title()} beating {loser.title()}" for w, loser in sorted(p.results)])


def _weekday(p) -> str:
    """The day a lede gives its news, and its words: "a Monday (‘the junta said on Monday’)"."""
    day = moment.WEEKDAYS[p.weekday].title()
    if not p.weekday_words:                 # read from the page's date
        return f"a {day} (it is dated {(p.date or '')[:10]})"
    return f"a {day} (‘{p.weekday_words}’)"


def _moment(p) -> str:
    """How a lede places the happening, in its own words: "looks back to the happening ('last
    October')", "tells it as news of the day ('Sunday')"."""
    told = "tells it as news of the day" if p.moment == moment.FRESH else "looks back to the happening"
    return f"{told} (‘{p.moment_words}’)"


def _years(years) -> str:
    return _list([str(y) for y in sorted(years)])


def match_evidence(evidence: PairEvidence, row: int, peers: Sequence[int], member: bool,
                   by_id: Mapping[str, Article]) -> str:
    """Why one article is in the compared group, or why not, against ``peers`` (rows)."""
    if not peers:
        return "the only article"
    prob = evidence.probability
    closest = min(peers, key=lambda j: (-prob[row, j], j))
    other = evidence.profiles[closest]
    detail = _pair_detail(evidence, row, closest)
    clashes = _clashes(evidence, row, peers, member)
    if member:
        text = f"same event as {other.outlet} ({other.article})"
        text += ": " + "; ".join(detail) if detail else " (close wording)"
        return text + ("; but it " + "; ".join(clashes) if clashes else "")
    text = "another event: it " + "; it ".join(clashes) if clashes else "another event"
    what = "; ".join(detail) if detail else "nothing specific in common"
    return f"{text}; closest is {other.outlet} ({other.article}): {what}"


def no_such_event(choose: int, count: int) -> str:
    return (f"there is no event group {choose}: the articles form {count} group"
            f"{'s' if count != 1 else ''} (1 to {count})")


def notes(groups: Sequence[EventGroup], compared: frozenset[str], choose: int | None,
          by_id: Mapping[str, Article]) -> list[str]:
    """Plain notes: nothing shared, a lone group chosen, and each other group left out."""
    if len(groups) < 2:
        return []
    if not compared:
        if choose is not None:
            g = groups[choose - 1]
            return [f"Event group {choose} holds one article, {_who(g.articles, by_id)}: nothing to "
                    f"compare; choose a group of two or more."]
        return [NOTHING_SHARED]
    out = []
    for k, g in enumerate(groups, start=1):
        if g.compared:
            continue
        verb, pron = ("is", "it is") if len(g.articles) == 1 else ("are", "they are")
        out.append(f"{_who(g.articles, by_id)} {verb} on another event (event {k}: “{g.label}”); "
                   f"{pron} left out of alignment and omissions.")
    return out
