"""A newsroom's day, synthetic and reproducible: a folder of a few hundred articles on many events.

Nothing here is news text: every story comes from the templates of ``newsday_stories`` (written for
this benchmark), filled with invented names, towns and numbers drawn from a seeded RNG, so the same
seed always gives the same files byte for byte.  Each *event* is one story kind with its own people,
town, region, company, numbers and day; two events of one kind share their template's wording but
nothing specific (a test of event grouping: two fires on one day are two events).  Each outlet that
covers an event writes its own article: the lede, most of the facts in its own order and wording, a few
quotes with its own attribution verbs, and some background; a share of the articles are agency copies
(another outlet's text with a new title and a line dropped), as wire copy is.

    python -m analysis.bench.newsday --out FOLDER [--events 24] [--seed 20250301]

writes ``FOLDER/NNN_<outlet>.txt`` and ``FOLDER/../<folder name>.truth.json`` (file -> event), never
into the folder itself, so that a batch run over the folder reads articles only.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from analysis.bench.newsday_stories import ADVERBS, GENERIC, SAY, STORIES

SEED = 20250301                 # RNG seed of the default day
EVENTS = 24                     # events in the default day (two of each story kind)
OUTLETS_PER_EVENT = (7, 18)     # outlets covering one event, inclusive range
FACT_SHARE = (0.6, 0.95)        # share of a story's facts one outlet carries
QUOTES_PER_ARTICLE = (1, 3)
BACKGROUND_PER_ARTICLE = (0, 3)
GENERIC_PER_ARTICLE = (0, 2)
COPY_SHARE = 0.12               # share of articles that are another outlet's text (agency copy)
SENTENCES_PER_PARAGRAPH = (1, 3)
DAY = dt.date(2025, 3, 4)       # the newsroom's day; events happened on it or the two days before

OUTLETS = (
    "Northgate Herald", "Daily Lantern", "Riverside Courier", "Harbour Gazette", "Eastvale Times",
    "Morning Ledger", "Valley Chronicle", "Coastline Post", "Citizen Observer", "Lakeshore Tribune",
    "Summit Record", "Pioneer Dispatch", "Granite Weekly", "Meridian News", "Beacon Review",
    "Orchard Standard", "Capital Bulletin", "Westmark Journal", "Highland Mirror", "Saltmarsh Sentinel",
    "Kestrel Daily", "Lowland Express", "Mariner Star", "Copperfield Voice", "Parallel Wire",
)
FIRST_NAMES = (
    "Anna", "Marek", "Sofia", "Tomas", "Elena", "David", "Ines", "Jonas", "Clara", "Pavel", "Leila",
    "Oskar", "Nadia", "Viktor", "Maria", "Henrik", "Zara", "Emil", "Irene", "Lukas", "Amira", "Felix",
)
_ONSETS = ("Bra", "Ko", "Ma", "Ve", "Ta", "Ri", "Lo", "Sa", "De", "Mi", "Ha", "No", "Gu", "Pe", "Zo",
           "Kra", "Du", "Fe", "Ol", "Va")
_MIDDLES = ("ran", "vel", "dor", "lin", "mar", "sek", "tov", "ber", "win", "nash", "rik", "zen", "lov",
            "gar", "mon")
_NAME_ENDS = ("", "ski", "son", "er", "ova", "ez", "berg", "ton", "ic", "ani")
_PLACE_ENDS = ("ford", "ville", "holm", "burg", "stad", "mouth", "field", "haven", "moor", "vik")
_REGION_ENDS = ("ia", "ania", "ora", "esa", "onia")
ORG_ENDS = ("Group", "Industries", "Holdings", "Works", "Rail", "Mining")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Story:
    """One article file of the day: its name, its text and the event it covers (1-based)."""
    name: str
    text: str
    event: int
    outlet: str
    copy_of: str | None = None      # the file this one copies, for agency copies


def _word(rng: random.Random, ends: tuple[str, ...]) -> str:
    return rng.choice(_ONSETS) + rng.choice(_MIDDLES) + rng.choice(ends)


def _unique(rng: random.Random, used: set[str], make) -> str:
    """A fresh value of ``make(rng)``: no two events share a person, a town or a company."""
    while True:
        value = make(rng)
        if value not in used:
            used.add(value)
            return value


def _slots(story: dict, rng: random.Random, used: set[str]) -> dict[str, str]:
    """The specific facts of one event: names, places, numbers and its day."""
    people = [_unique(rng, used, lambda r: f"{r.choice(FIRST_NAMES)} {_word(r, _NAME_ENDS)}")
              for _ in range(3)]
    day = DAY - dt.timedelta(days=rng.randrange(3))
    slots = {"city": _unique(rng, used, lambda r: _word(r, _PLACE_ENDS)),
             "region": _unique(rng, used, lambda r: _word(r, _REGION_ENDS)),
             "org": _unique(rng, used, lambda r: f"{_word(r, ('',))} {r.choice(ORG_ENDS)}"),
             "weekday": WEEKDAYS[day.weekday()], "day": f"{day:%B} {day.day}",
             "year": str(rng.randrange(2015, 2023))}
    for i, person in enumerate(people, 1):
        slots[f"p{i}"], slots[f"p{i}s"] = person, person.split()[-1]
    for i, (low, high) in enumerate(story["numbers"], 1):
        slots[f"n{i}"] = str(rng.randint(low, high))
    return slots


def _fill(template: str, slots: dict[str, str], rng: random.Random) -> str:
    line = template.format(say=rng.choice(SAY), adv=rng.choice(ADVERBS), **slots)
    return line[0].upper() + line[1:]


def _article(story: dict, slots: dict[str, str], outlet: str, rng: random.Random) -> str:
    """One outlet's article on one event: title, Source and date lines, then paragraphs."""
    facts = list(story["facts"])
    keep = max(2, round(len(facts) * rng.uniform(*FACT_SHARE)))
    chosen = rng.sample(facts, keep)
    lines = [rng.choice(v) for v in chosen]
    lines += rng.sample(story["quotes"], rng.randint(*QUOTES_PER_ARTICLE))
    lines += rng.sample(story["background"], rng.randint(*BACKGROUND_PER_ARTICLE))
    lines += rng.sample(GENERIC, rng.randint(*GENERIC_PER_ARTICLE))
    rng.shuffle(lines)
    body = [_fill(rng.choice(story["lede"]), slots, rng)] + [_fill(t, slots, rng) for t in lines]
    paragraphs, i = [], 0
    while i < len(body):
        step = 1 if i == 0 else rng.randint(*SENTENCES_PER_PARAGRAPH)
        paragraphs.append(" ".join(body[i:i + step]))
        i += step
    title = _fill(rng.choice(story["title"]), slots, rng)
    published = DAY.strftime("%B %d, %Y").replace(" 0", " ")
    return f"{title}\n\nSource: {outlet}\n\n{published}\n\n" + "\n\n".join(paragraphs) + "\n"


def _copy(text: str, outlet: str, story: dict, slots: dict[str, str], rng: random.Random) -> str:
    """An agency copy: the same body under another outlet's name and title, its last paragraph cut."""
    head, _, rest = text.partition("\n\n")
    paragraphs = rest.split("\n\n")[2:]        # past the Source and date lines
    if len(paragraphs) > 3:
        paragraphs = paragraphs[:-1]
    title = _fill(rng.choice(story["title"]), slots, rng)
    published = DAY.strftime("%B %d, %Y").replace(" 0", " ")
    return f"{title}\n\nSource: {outlet}\n\n{published}\n\n" + "\n\n".join(paragraphs).rstrip() + "\n"


def build_day(seed: int = SEED, events: int = EVENTS,
              outlets: tuple[int, int] = OUTLETS_PER_EVENT) -> list[Story]:
    """Every article of the day, files named in a shuffled order (no file order gives an event away);
    ``outlets``: the range of outlets covering one event (small days for tests)."""
    rng = random.Random(seed)
    used: set[str] = set()
    drafts: list[tuple[int, str, str, str | None]] = []     # event, outlet, text, copied draft index
    for e in range(events):
        story = STORIES[e % len(STORIES)]
        slots = _slots(story, rng, used)
        covering = rng.sample(OUTLETS, rng.randint(*outlets))
        first = len(drafts)
        for outlet in covering:
            own = [d for d in range(first, len(drafts)) if drafts[d][3] is None]
            if own and rng.random() < COPY_SHARE:
                source = rng.choice(own)
                drafts.append((e + 1, outlet, _copy(drafts[source][2], outlet, story, slots, rng),
                               str(source)))
            else:
                drafts.append((e + 1, outlet, _article(story, slots, outlet, rng), None))
    order = list(range(len(drafts)))
    rng.shuffle(order)
    names = {d: f"{pos + 1:03d}_{drafts[d][1].lower().replace(' ', '_')}.txt"
             for pos, d in enumerate(order)}
    return [Story(names[d], drafts[d][2], drafts[d][0], drafts[d][1],
                  names[int(drafts[d][3])] if drafts[d][3] is not None else None)
            for d in sorted(order, key=names.__getitem__)]


def event_articles(event: int, seed: int = SEED, events: int = EVENTS) -> list:
    """The articles of one event of the day, loaded as pasted text (ids a1, a2, ... in file order)."""
    from analysis.ingest import load_article
    chosen = [s for s in build_day(seed, events) if s.event == event]
    return [load_article(s.text, kind="paste", article_id=f"a{i + 1}") for i, s in enumerate(chosen)]


def truth_path(folder: Path) -> Path:
    """Where ``write_day`` keeps the answer key: beside the folder, never in it."""
    folder = Path(folder)
    return folder.parent / f"{folder.name}.truth.json"


def write_day(folder: Path, seed: int = SEED, events: int = EVENTS,
              outlets: tuple[int, int] = OUTLETS_PER_EVENT) -> list[Story]:
    """Write the day's articles into ``folder`` (created; it must hold no .txt yet) and the truth."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.glob("*.txt")):
        raise SystemExit(f"{folder} already holds .txt files; give an empty or new folder")
    stories = build_day(seed, events, outlets)
    for s in stories:
        (folder / s.name).write_text(s.text, encoding="utf-8")
    truth = {"seed": seed, "events": events, "outlets": list(outlets),
             "files": {s.name: {"event": s.event, "outlet": s.outlet, "copy_of": s.copy_of}
                       for s in stories}}
    truth_path(folder).write_text(json.dumps(truth, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return stories


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.bench.newsday")
    parser.add_argument("--out", required=True, help="folder to write the articles into")
    parser.add_argument("--events", type=int, default=EVENTS)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    stories = write_day(Path(args.out), args.seed, args.events)
    words = sum(len(s.text.split()) for s in stories)
    print(f"{len(stories)} articles on {args.events} events ({words:,} words) in {args.out}; "
          f"answer key {truth_path(Path(args.out))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
