"""The JSON contract ``parallax.comparison/3``: compact, streamed, carriers and rule texts stored once,
sentence texts and blank terms left out, all read back exactly; ``/2`` and ``/1`` documents still
read; the shared BASIL checker's way of reading it keeps working."""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from analysis import compare
from analysis.bench.newsday import event_articles
from analysis.constants import EVIDENCE_MAX_OUTLETS
from analysis.errors import OutputError, ParallaxError
from analysis.export import json_contract
from analysis.export.json_read import SCHEMA_V1, SCHEMA_V2, read_comparison
from analysis.export.writer import Outputs
from analysis.vocabulary.kinds import carried

V2_FILE = Path(__file__).parent / "data" / "comparison_v2.json"    # BRIDGE, as /2 wrote it (below)

CROWD_EVENT = 16            # nine outlets in the default day
LEXICAL_KINDS = ("loaded_word", "intensifier", "booster", "hedge", "attribution_verb")  # as the checker


def _span(s) -> dict:
    return {"article": s.article, "start": s.start, "end": s.end}


@pytest.fixture(scope="module")
def seeds(seed_articles):
    return compare(seed_articles)


@pytest.fixture(scope="module")
def crowd():
    """One event of the synthetic newsroom day covered by nine outlets: facts with many carriers."""
    return compare(event_articles(CROWD_EVENT))


def test_compact_text_is_the_dict_and_pretty_is_indented(seeds):
    as_dict = json_contract.to_dict(seeds)
    compact = json_contract.dumps(seeds)
    assert as_dict["schema"] == json_contract.SCHEMA == "parallax.comparison/3"
    assert compact == json.dumps(as_dict, ensure_ascii=False, separators=(",", ":"))
    assert "\n" not in compact
    assert json_contract.dumps(seeds, pretty=True) == json.dumps(as_dict, ensure_ascii=False, indent=1)


@pytest.mark.parametrize("name", ["seeds", "crowd"])
def test_reading_v3_gives_back_every_list_of_the_model(name, request):
    comparison = request.getfixturevalue(name)
    data = read_comparison(json.loads(json_contract.dumps(comparison)))
    assert [f["id"] for f in data["findings"]] == [f.id for f in comparison.findings]
    for f, row in zip(comparison.findings, data["findings"]):
        assert row["articles"] == list(f.articles), f.id
        assert row["spans"] == [_span(s) for s in f.spans], f.id
        assert row["rule"] == f.rule and row["evidence"] == f.evidence, f.id
        assert row["data"] == json.loads(json.dumps(f.data)) and "compact" not in row, f.id
    assert [[(s["id"], s["start"], s["end"], s["text"], s["paragraph"]) for s in a["sentences"]]
            for a in data["articles"]] == \
        [[(s.id, s.start, s.end, s.text, s.paragraph) for s in a.sentences] for a in comparison.articles]
    assert [(o["fact"], o["article"], o["covered_by"], o["rank"]) for o in data["omissions"]] == \
        [(o.fact, o.article, list(o.covered_by), o.rank) for o in comparison.omissions]


def test_carriers_are_stored_once_and_referenced(crowd):
    raw = json.loads(json_contract.dumps(crowd))
    table = {c["id"]: c for c in raw["carriers"]}
    assert len(table) == len(raw["carriers"])                               # ids are unique
    assert len({(tuple(c["articles"]), json.dumps(c["spans"])) for c in raw["carriers"]}) == len(table)
    findings = {f.id: f for f in crowd.findings}
    split = [row for row in raw["findings"] if "carriers" in row]
    # every kind shown with its carriers, and only those (a "reports it differently" row too, when the
    # event has one)
    assert {"omission", "voice"} <= {row["kind"] for row in split}
    assert all(carried(row["kind"]) for row in split)
    assert not [row for row in raw["findings"] if carried(row["kind"]) and "carriers" not in row]
    for row in split:
        assert row["articles"] == [findings[row["id"]].articles[0]]          # only the omitting one
        assert row["carriers"] in table
    assert all(o["carriers"] in table and "covered_by" not in o for o in raw["omissions"])
    # every omitter of one fact faces the same carriers: one row serves all of them
    per_fact = {}
    for o in raw["omissions"]:
        per_fact.setdefault(o["fact"], set()).add(o["carriers"])
    assert max(len(per_fact[f]) for f in per_fact) == 1 and max(
        sum(1 for o in raw["omissions"] if o["fact"] == f) for f in per_fact) > 1


def test_rule_texts_are_stored_once_and_referenced(crowd):
    raw = json.loads(json_contract.dumps(crowd))
    texts = [r["text"] for r in raw["rules"]]
    assert [r["id"] for r in raw["rules"]] == [f"r{n}" for n in range(1, len(texts) + 1)]
    assert sorted(texts) == sorted({f.rule for f in crowd.findings})              # each once
    by_id = {r["id"]: r["text"] for r in raw["rules"]}
    assert [by_id[row["rule"]] for row in raw["findings"]] == [f.rule for f in crowd.findings]


def test_sentence_texts_are_left_out_being_their_articles_text(crowd):
    raw = json.loads(json_contract.dumps(crowd))
    assert all(set(s) == {"id", "start", "end", "paragraph"} for a in raw["articles"] for s in a["sentences"])
    assert sum(len(a["sentences"]) for a in raw["articles"]) == sum(len(a.sentences) for a in crowd.articles)


def test_a_sentence_that_is_not_its_articles_text_keeps_its_own():
    from analysis.bench import text_article
    from analysis.model import Comparison
    article = text_article("One sentence here. And another one.")
    odd = replace(article, sentences=(replace(article.sentences[0], text="Edited."), *article.sentences[1:]))
    raw = json_contract.to_dict(Comparison(articles=(odd,)))
    assert [s.get("text") for s in raw["articles"][0]["sentences"]] == ["Edited.", None]
    assert [s["text"] for s in read_comparison(raw)["articles"][0]["sentences"]] == \
        ["Edited.", "And another one."]


def test_word_choices_leave_out_blank_terms_and_repeated_sharers(seeds):
    raw = json.loads(json_contract.dumps(seeds))
    event = [e.article for e in seeds.event if e.same_event]
    model = {f.id: f for f in seeds.findings}
    compact = [row for row in raw["findings"] if "compact" in row]
    assert {row["kind"] for row in compact} >= {"loaded_word"}
    for row in compact:
        f = model[row["id"]]
        terms = f.data["terms"]
        assert set(row["compact"]) <= {"terms", "also_used_by"}
        if "terms" in row["compact"]:
            assert row["data"]["terms"] == {a: t for a, t in terms.items() if t}, f.id
            assert set(terms) == set(event) and "" in terms.values()
        if "also_used_by" in row["compact"]:
            assert "also_used_by" not in row["data"]
            assert f.data["also_used_by"] == [a for a, t in terms.items() if t == f.data["term"]
                                              and a != f.data["used_by"]]
    assert any("terms" in row["compact"] for row in compact)


def test_an_omission_of_several_outlets_writes_their_searched_words_as_positions(crowd):
    raw = json.loads(json_contract.dumps(crowd))
    model = {f.id: f for f in crowd.findings}
    rows = [row for row in raw["findings"] if "searched_by" in row.get("compact", ())]
    assert rows and all(row["kind"] == "omission" for row in rows)
    for row in rows:
        searched, by = row["data"]["searched"], row["data"]["searched_by"]
        assert all(isinstance(n, int) for at in by.values() for n in at)
        assert {a: [searched[n] for n in at] for a, at in by.items()} == model[row["id"]].data["searched_by"]


def test_evidence_names_a_few_outlets_and_counts_the_rest(crowd):
    # an omission or voice row lists the outlets that leave it out (data["omitted_by"] /
    # data["left_out_by"]); the others carry it
    from analysis.report.sections.common import left_out_by as subjects
    many = [f for f in crowd.findings
            if carried(f.kind) and len(f.articles) - len(subjects(f)) > EVIDENCE_MAX_OUTLETS]
    assert {"omission", "voice"} <= {f.kind for f in many}         # and "reports it differently", if any
    outlet = {a.id: a.outlet for a in crowd.articles}
    source = {c: g.original for g in crowd.copies for c in g.articles}
    for f in many:
        # a copy is named beside the story it copies ("Alpha (9 words) and its copy Beta"): the
        # outlets are named in that order
        carriers = [a for a in f.articles if a not in subjects(f)]
        sources = dict.fromkeys(source.get(a, a) for a in carriers)
        in_order = [a for s in sources for a in carriers if source.get(a, a) == s]
        named = [a for a in in_order if outlet[a] in f.evidence]
        assert named == in_order[:EVIDENCE_MAX_OUTLETS - 1], f.evidence
        assert f"and {len(carriers) - (EVIDENCE_MAX_OUTLETS - 1)} more" in f.evidence


def _checker_spans(row: dict) -> list:
    """``basil_lib.finding_spans`` as the shared checker has it: the spans of the outlet's own word."""
    spans, data = row.get("spans", []), row.get("data") or {}
    if row["kind"] == "attribution_verb":
        terms, term = data.get("terms") or {}, data.get("term")
        users = {a for a, t in terms.items() if t == term}
        return [s for s in spans if s["article"] in users] or spans
    used_by = data.get("used_by")
    return [s for s in spans if s["article"] == used_by] or spans if used_by else spans


def test_the_checkers_lexical_spans_are_those_of_v1(seeds):
    """What the checker takes from ``data.terms`` / ``data.used_by`` is the same in /3 as in the
    full lists (/1), where blank terms and sharers are left out."""
    raw = json.loads(json_contract.dumps(seeds))
    full = read_comparison(json.loads(json_contract.dumps(seeds)))
    lexical = [(r, f) for r, f in zip(raw["findings"], full["findings"]) if r["kind"] in LEXICAL_KINDS]
    assert lexical and any("compact" in r for r, _ in lexical)
    assert [_checker_spans(r) for r, _ in lexical] == [_checker_spans(f) for _, f in lexical]


def test_the_basil_checker_reads_v3_as_it_reads_v1(seeds):
    """The fields and the way /work/shared/bench/tools/basil_lib.py reads them, through
    ``from analysis import export_json; json.loads(export_json.dumps(comparison))``."""
    from analysis import export_json
    res = json.loads(export_json.dumps(seeds))
    assert {e["article"]: e["same_event"] for e in res["event"]} == \
        {e.article: e.same_event for e in seeds.event}
    assert [(a["id"], a["text"], [(s["id"], s["start"], s["end"]) for s in a["sentences"]])
            for a in res["articles"]] == \
        [(a.id, a.text, [(s.id, s.start, s.end) for s in a.sentences]) for a in seeds.articles]
    assert [[(m["article"], m["sentences"]) for m in f["members"]] for f in res["facts"]] == \
        [[(m.article, list(m.sentences)) for m in f.members] for f in seeds.facts]
    assert [(o["fact"], o["article"]) for o in res.get("omissions", [])] == \
        [(o.fact, o.article) for o in seeds.omissions]
    lexical = [f for f in res["findings"] if f["kind"] in LEXICAL_KINDS]
    model = [f for f in seeds.findings if f.kind in LEXICAL_KINDS]
    assert lexical and len(lexical) == len(model)
    for row, f in zip(lexical, model):
        data = row.get("data") or {}
        assert row["spans"] == [_span(s) for s in f.spans]
        terms = {a: t for a, t in f.data.get("terms", {}).items() if t}      # "" left out: same users
        assert (data.get("used_by"), data.get("terms"), data.get("term")) == \
            (f.data.get("used_by"), terms if "compact" in row else f.data.get("terms"), f.data.get("term"))
    assert [(q.get("article"), q["start"], q["end"], q.get("speaker_name")) for q in res["quotes"]] == \
        [(q.article, q.start, q.end, q.speaker_name) for q in seeds.quotes]


def test_a_v1_document_is_read_as_it_is(tmp_path):
    v1 = {"schema": SCHEMA_V1, "articles": [], "findings": [
        {"id": "omission-1", "kind": "omission", "articles": ["a1", "a2", "a3"], "spans": []}],
        "omissions": [{"fact": "f-1", "article": "a1", "covered_by": ["a2", "a3"], "rank": 1}]}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(v1, indent=1), encoding="utf-8")
    assert read_comparison(path) == v1
    assert read_comparison(path.read_bytes()) == v1


def test_a_v2_document_is_read_with_every_v1_list():
    """A file the previous version wrote (``/2``: ``V2_FILE``, the three BRIDGE articles of
    tests/analysis/event_texts.py compared by main at e04830b) reads as before: carriers put back."""
    raw = json.loads(V2_FILE.read_text(encoding="utf-8"))
    assert raw["schema"] == SCHEMA_V2 and "rules" not in raw
    data = read_comparison(V2_FILE)
    voice = next(f for f in data["findings"] if f["kind"] == "voice")
    row = next(c for c in raw["carriers"] if c["id"] == voice["carriers"])
    assert voice["articles"] == [raw_f["articles"] for raw_f in raw["findings"]
                                 if raw_f["id"] == voice["id"]][0] + row["articles"]
    assert len(voice["articles"]) >= 2
    assert [f["rule"] for f in data["findings"]] == [f["rule"] for f in raw["findings"]]   # texts, no table
    assert all(s["text"] == a["text"][s["start"]:s["end"]] for a in data["articles"] for s in a["sentences"])
    from analysis.batch.work import summary_of
    assert summary_of(data)["findings"] == {"attribution_verb": 1, "exclusive": 1, "loaded_word": 1,
                                            "passive_agent": 2, "quote_vs_paraphrase": 2, "voice": 1}


@pytest.mark.parametrize("text, words", [
    ('{"schema": "parallax.comparison/4"}', "newer Parallax (parallax.comparison/4)"),
    ('{"schema": "parallax.report/1"}', "not a Parallax comparison"),
    ('[1, 2]', "not a Parallax comparison"),
    ('{"schema": "parallax.comparison/2", "findings": [{"carriers": "c9", "articles": [], "spans": []}]}',
     "carriers 'c9' it does not hold"),
    ('{"schema": "parallax.comparison/3", "findings": [{"rule": "r9", "articles": [], "spans": []}]}',
     "rule 'r9' it does not hold"),
    ('{"schema": "parallax.comp', "not JSON"),
])
def test_what_cannot_be_read_says_why_in_one_line(text, words):
    with pytest.raises(ParallaxError) as caught:
        read_comparison(text.encode())
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_write_streams_through_the_one_writer(seeds, tmp_path, seed_paths):
    out = tmp_path / "c.json"
    json_contract.write(seeds, Outputs(seed_paths).claim(out))
    assert out.read_text(encoding="utf-8") == json_contract.dumps(seeds) + "\n"
    with pytest.raises(OutputError, match="input of this run"):
        json_contract.write(seeds, Outputs([out]).claim(out))


def test_a_write_that_fails_halfway_keeps_the_old_file(tmp_path):
    out = tmp_path / "c.json"
    out.write_text("old", encoding="utf-8")

    def pieces():
        yield "x" * (3 << 20)           # more than one write chunk reaches the temporary file
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        Outputs().claim(out).write_chunks(pieces())
    assert out.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["c.json"]


def test_a_review_sessions_verdicts_come_back_on_v3_findings(seeds, seed_articles, tmp_path):
    """Finding ids are unchanged by ``/3``: a session's verdicts, keyed on them, attach to the same
    findings in the JSON, and a review of a finding the analysis no longer makes stays orphaned."""
    from analysis.session import Session, review_export
    confirmed, noted = seeds.findings[0], seeds.findings[-1]
    with Session.create(tmp_path / "desk.parallax", seed_articles) as session:
        session.set_verdict(confirmed, "confirmed")
        session.set_note(noted, "check the other outlets")
        session.set_verdict("loaded_word-0000000000", "dismissed")      # a finding /2 made, gone now
        review = review_export(session, seeds)
    data = read_comparison(json.loads(json_contract.dumps(seeds, review)))
    by_id = {f["id"]: f for f in data["findings"]}
    assert by_id[confirmed.id]["review"]["verdict"] == "confirmed"
    assert by_id[noted.id]["review"]["note"] == "check the other outlets"
    assert sum(f["review"]["verdict"] != "none" or bool(f["review"]["note"]) for f in data["findings"]) == 2
    assert [o["key"] for o in data["review"]["orphaned"]] == ["loaded_word-0000000000"]
    assert data["review"]["progress"]["reviewed"] == 1
