"""The synthetic newsroom day (analysis/bench/newsday.py): reproducible, many events, nothing shared
between events but the templates' wording."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from analysis.bench.newsday import EVENTS, ORG_ENDS, WEEKDAYS, build_day, truth_path, write_day


@pytest.fixture(scope="module")
def day():
    return build_day()


def test_the_same_seed_gives_the_same_day_byte_for_byte(day):
    assert build_day() == day
    assert build_day(seed=7) != day


def test_a_few_hundred_articles_on_two_dozen_events(day):
    per_event = Counter(s.event for s in day)
    assert (len(day), len(per_event), EVENTS) == (295, 24, 24)
    assert min(per_event.values()) == 7 and max(per_event.values()) == 18
    assert len({s.name for s in day}) == len(day)
    assert all(s.text.splitlines()[2] == f"Source: {s.outlet}" for s in day)


def test_agency_copies_repeat_another_outlets_body(day):
    by_name = {s.name: s for s in day}
    copies = [s for s in day if s.copy_of]
    assert len(copies) == 32
    for s in copies:
        original = by_name[s.copy_of]
        assert original.event == s.event and original.outlet != s.outlet and not original.copy_of
        body = s.text.split("\n\n")[3:]
        assert body and all(p.strip() in original.text for p in body)


def test_two_events_of_one_kind_share_no_names(day):
    first = {s.text.split("\n\n")[3] for s in day if s.event == 1}      # the ledes of event 1
    thirteenth = {w.strip(".,“”'s") for s in day if s.event == 13 for w in s.text.split()}  # same kind
    common = {"A", "The", *WEEKDAYS, *ORG_ENDS}
    names = {w.strip(".,") for lede in first for w in lede.split() if w[:1].isupper()} - common
    assert len(names) >= 2 and not [w for w in names if w in thirteenth]


def test_write_day_keeps_the_answer_key_out_of_the_folder(tmp_path):
    folder = tmp_path / "day"
    stories = write_day(folder, events=3)
    assert sorted(p.name for p in folder.iterdir()) == sorted(s.name for s in stories)
    truth = json.loads(truth_path(folder).read_text(encoding="utf-8"))
    assert truth_path(folder).parent == tmp_path
    assert {name: v["event"] for name, v in truth["files"].items()} == {s.name: s.event for s in stories}
    with pytest.raises(SystemExit, match="already holds"):
        write_day(folder, events=3)
