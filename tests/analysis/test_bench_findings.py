"""bench findings reads the compare JSON as it is written (contract /3)."""
from __future__ import annotations

from analysis.bench.findings import raised_row


def test_a_raised_finding_names_its_rule_and_its_sentences_text():
    # JSON /3: sentences carry offsets only, and a finding names a row of the rules table
    res = {"articles": [{"id": "x1", "text": "The bridge opened. It cost $4 million.",
                         "sentences": [{"id": "x1.s1", "start": 0, "end": 18},
                                       {"id": "x1.s2", "start": 19, "end": 38}]}],
           "rules": [{"id": "r1", "text": "contradiction.number"}]}
    f = {"kind": "contradiction", "rule": "r1", "data": {"sentences": {"x1": ["x1.s2"]}}}
    row = raised_row(res, f, "ev1")
    assert (row["rule"], row["event"], row["sentences_text"]) == \
        ("contradiction.number", "ev1", {"x1": ["It cost $4 million."]})


def test_gold_speakers_are_read_as_one_person_or_a_group():
    from analysis.bench.findings import gold_is_person
    assert [gold_is_person(w) for w in ("Dana_Whitfield", "Ruth_Ann_Gale", "Whitfield_campaign",
                                        "Harbour_Lawmakers", "Senate_Democrats", "city_officials",
                                        "port_companies", "Tarvo")] == \
        [True, True, False, False, False, False, False, False]
