"""Review sessions: the API the window and the command line call (analysis/session/)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from analysis.errors import SessionError
from analysis.model import Comparison, Finding, stable_id
from analysis.session import SCHEMA_VERSION, Review, Session, SessionArticle, is_session_file, review_export
from analysis.session import undo as session_undo
from analysis.session.schema import create_v1

TEXT_A = "Leaders met in Riyadh on Tuesday.\nThe talks lasted four hours."
TEXT_B = "Officials gathered in Riyadh.\nEurope was not invited."


def _finding(kind: str, *texts: str, articles=("a1",)) -> Finding:
    return Finding(id=stable_id(kind, *texts), kind=kind, fact=None, articles=tuple(articles),
                   spans=(), evidence=f"{kind}: {' / '.join(texts)}", score=0.5)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "review.parallax"


@pytest.fixture
def session(path: Path):
    articles = [SessionArticle(TEXT_A, kind="file", path="/news/a.txt", outlet="Wire"),
                SessionArticle(TEXT_B, kind="url", path="https://example.org/b", date="2025-02-18")]
    with Session.create(path, articles, settings={"queue.filter": "all"}) as s:
        yield s


# --- file and articles ------------------------------------------------------------------------------

def test_create_writes_one_sqlite_file_with_header(session, path):
    info = session.info()
    assert info["app"] == "Parallax" and info["format"] == SCHEMA_VERSION
    assert is_session_file(path) and not is_session_file(path.parent / "nothing")
    session.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["review.parallax"]
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_articles_round_trip_with_order_flags_and_edits(session, path):
    first, second = session.articles()
    assert (first.id, first.kind, first.path, first.outlet) == ("a1", "file", "/news/a.txt", "Wire")
    assert (second.id, second.date, second.source_text) == ("a2", "2025-02-18", TEXT_B)
    third = session.add_article(SessionArticle("A third text.\nWith two lines.", reference=True))
    assert third.id == "a3"
    session.update_article("a1", title="Talks begin", excluded=True)
    session.update_article("a2", reference=True)          # moves the single reference flag
    session.reorder(["a3", "a2", "a1"])
    session.close()
    with Session.open(path) as again:
        items = again.articles()
        assert [a.id for a in items] == ["a3", "a2", "a1"]
        assert [a.reference for a in items] == [False, True, False]
        assert items[2].title == "Talks begin" and items[2].excluded
        assert [a.id for a in again.articles(include_excluded=False)] == ["a3", "a2"]


def test_article_edits_are_checked(session):
    with pytest.raises(SessionError, match="YYYY-MM-DD"):
        session.update_article("a1", date="16 Feb 2025")
    with pytest.raises(SessionError, match="kind"):
        session.add_article(SessionArticle("x", kind="pdf"))
    with pytest.raises(SessionError, match="every article"):
        session.reorder(["a1"])
    with pytest.raises(SessionError, match="cannot be edited"):
        session.update_article("a1", id="a9")


def test_new_source_text_updates_hash_and_drops_stale_digest(session):
    session.update_article("a1", text_sha1="0" * 40)
    edited = session.update_article("a1", source_text="New text.\nAgain.")
    assert edited.text_sha1 is None
    assert session.stored_source_sha1("a1") == edited.source_sha1


def test_settings_are_json(session, path):
    session.set_setting("queue.sort", {"by": "score", "descending": True})
    with pytest.raises(SessionError, match="plain JSON"):
        session.set_setting("bad", object())
    session.close()
    with Session.open(path) as again:
        assert again.settings() == {"queue.filter": "all",
                                    "queue.sort": {"by": "score", "descending": True}}
        assert again.setting("missing", 7) == 7


def test_create_refuses_existing_file_unless_overwrite(session, path, tmp_path):
    with pytest.raises(SessionError, match="already exists"):
        Session.create(path)
    other = tmp_path / "other.parallax"
    Session.create(other).close()
    with Session.create(other, [SessionArticle("Fresh.\nText.")], overwrite=True) as fresh:
        assert len(fresh.articles()) == 1


# --- reviews ------------------------------------------------------------------------------------------

def test_review_fields_persist_and_reject_bad_values(session, path):
    f = _finding("loaded_word", "The talks lasted four hours.", "lasted")
    session.set_verdict(f, "confirmed")
    session.set_severity(f.id, 3)
    session.set_note(f.id, "Check with the desk.")
    for bad in (lambda: session.set_verdict(f, "maybe"), lambda: session.set_severity(f, 4),
                lambda: session.set_severity(f, True), lambda: session.set_note(f, 5),
                lambda: session.set_verdict("", "confirmed")):
        with pytest.raises(SessionError):
            bad()
    session.close()
    with Session.open(path) as again:
        review = again.review(f)
        assert (review.verdict, review.severity, review.note) == ("confirmed", 3, "Check with the desk.")
        assert review.finding["kind"] == "loaded_word" and review.updated.endswith("Z")
        assert again.review("never-seen") == Review(key="never-seen")
        assert list(again.reviews()) == [f.id]


def test_clearing_everything_removes_the_record(session):
    session.set_verdict("k", "flagged")
    session.set_verdict("k", None)
    assert session.reviews() == {}


def test_progress_and_next_unreviewed(session):
    keys = ["k1", "k2", "k3", "k4"]
    session.set_verdict("k2", "dismissed")
    session.set_note("k3", "a note is not a verdict")
    session.set_verdict("elsewhere", "confirmed")          # not in this queue
    assert session.progress(keys) == (1, 4)
    assert session.next_unreviewed(keys) == "k1"
    assert session.next_unreviewed(keys, after="k1") == "k3"
    assert session.next_unreviewed(keys, after="k4") == "k1"          # wraps round
    assert session.next_unreviewed(keys, after="k3", backwards=True) == "k1"
    for k in keys:
        session.set_verdict(k, "confirmed")
    assert session.next_unreviewed(keys) is None and session.progress(keys) == (4, 4)


# --- undo and redo ------------------------------------------------------------------------------------

def test_undo_redo_walks_back_and_forth(session):
    session.set_verdict("k", "confirmed")
    session.set_severity("k", 2)
    assert session.next_undo().label == "Severity 2"
    assert session.undo().keys == ("k",)
    assert session.review("k").severity is None
    assert session.undo().label == "Confirm"
    assert session.review("k").verdict == "none"
    assert session.undo() is None and session.can_redo
    assert session.redo().label == "Confirm"
    assert session.review("k").verdict == "confirmed"
    session.set_verdict("k", "dismissed")          # a new change ends the redo branch
    assert not session.can_redo
    assert session.undo().label == "Dismiss" and session.review("k").verdict == "confirmed"


def test_undo_survives_restart(session, path):
    session.set_verdict("k", "flagged")
    session.set_note("k", "first")
    session.close()
    with Session.open(path) as again:
        assert again.undo().label == "Note"
        assert again.review("k").note == ""
    with Session.open(path) as third:
        assert third.review("k").note == "" and third.next_redo().label == "Note"
        third.redo()
        assert third.review("k").note == "first"


def test_unchanged_value_adds_no_step(session):
    session.set_verdict("k", "confirmed")
    session.set_verdict("k", "confirmed")
    session.undo()
    assert not session.can_undo


def test_note_typing_merges_into_one_step(session):
    for text in ("C", "Ch", "Che", "Check"):
        session.set_note("k", text)
    session.set_note("other", "x")
    session.set_note("other", "xy")
    assert session.undo().keys == ("other",) and session.review("other").note == ""
    assert session.undo().keys == ("k",) and session.review("k").note == ""
    assert not session.can_undo


def test_batch_is_one_step_and_all_or_nothing(session):
    with session.batch("Dismiss 3"):
        for k in ("k1", "k2", "k3"):
            session.set_verdict(k, "dismissed")
    step = session.undo()
    assert step.label == "Dismiss 3" and step.keys == ("k1", "k2", "k3")
    assert session.reviews() == {}
    with pytest.raises(RuntimeError):
        with session.batch("Confirm 2"):
            session.set_verdict("k1", "confirmed")
            raise RuntimeError("the window failed half-way")
    assert session.reviews() == {} and session.next_undo() is None and session.can_redo


def test_undo_log_is_capped(session, monkeypatch):
    monkeypatch.setattr(session_undo, "SESSION_UNDO_LIMIT", 3)
    for n in range(6):
        session.set_verdict(f"k{n}", "confirmed")
    undone = 0
    while session.undo():
        undone += 1
    assert undone == 3
    assert sorted(session.reviews()) == ["k0", "k1", "k2"]


# --- copies -------------------------------------------------------------------------------------------

def test_save_as_copies_and_carries_on_in_the_new_file(session, path, tmp_path):
    session.set_verdict("k", "confirmed")
    target = tmp_path / "copy.parallax"
    session.save_as(target)
    assert session.path == target
    session.set_note("k", "written after save as")
    with Session.open(path) as old:                  # the old file is free and as it was
        assert old.review("k").verdict == "confirmed" and old.review("k").note == ""
    session.close()
    with Session.open(target) as new:
        assert new.review("k").note == "written after save as"
        assert new.undo().label == "Note"            # the undo log travels with the copy


def test_copy_to_keeps_working_on_the_original(session, path, tmp_path):
    session.set_verdict("k", "flagged")
    copy = session.copy_to(tmp_path / "backup.parallax")
    session.set_verdict("k", "dismissed")
    assert session.path == path
    with Session.open(copy) as c:
        assert c.review("k").verdict == "flagged"
    with pytest.raises(SessionError, match="already exists"):
        session.copy_to(copy)
    with pytest.raises(SessionError, match="own file"):
        session.save_as(path, overwrite=True)


# --- migrations ---------------------------------------------------------------------------------------

def _make_v1(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    create_v1(conn)
    conn.execute("INSERT INTO article (id, position, kind, path, source_text, source_sha1, outlet,"
                 " added) VALUES ('a1', 1, 'paste', NULL, 'Old text.', 'x', 'Wire', '2024-01-01')")
    conn.execute("INSERT INTO review VALUES ('k', 'flagged', 2, 'from v1', '2024-01-01T00:00:00Z')")
    conn.close()


def test_v1_file_is_migrated_with_a_backup(tmp_path):
    old = tmp_path / "old.parallax"
    _make_v1(old)
    with Session.open(old) as s:
        assert s.info()["format"] == SCHEMA_VERSION
        review = s.review("k")
        assert (review.verdict, review.severity, review.note, review.finding) == ("flagged", 2, "from v1", {})
        assert s.articles()[0].outlet == "Wire" and s.articles()[0].extra == {}
        s.set_verdict("k", "confirmed")              # v2 features work on the migrated file
        assert s.undo().label == "Confirm"
    backup = tmp_path / "old.parallax.v1.bak"
    with sqlite3.connect(backup) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1


def test_v1_file_opened_read_only_is_migrated_in_memory_only(tmp_path):
    old = tmp_path / "old.parallax"
    _make_v1(old)
    before = old.read_bytes()
    with Session.open(old, read_only=True) as s:
        assert s.read_only and s.review("k").note == "from v1"
    assert old.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["old.parallax"]


# --- export for the JSON and the report ---------------------------------------------------------------

def test_review_export_lists_every_finding_and_keeps_orphans(session):
    kept = _finding("hedge", "may have")
    gone = _finding("loaded_word", "slammed")
    fresh = _finding("naming", "Kyiv", "Ukraine's leadership", articles=("a1", "a2"))
    session.set_verdict(kept, "confirmed")
    session.set_note(kept, "fair")
    session.set_verdict(gone, "flagged")
    session.set_note(gone, "ask the author")
    out = review_export(session, Comparison(articles=(), findings=(kept, fresh)))
    assert out["schema"] == "parallax.review/1"
    assert list(out["findings"]) == [kept.id, fresh.id]
    assert out["findings"][kept.id]["verdict"] == "confirmed"
    assert out["findings"][fresh.id] == {"verdict": "none", "severity": None, "note": "", "updated": None}
    assert out["progress"] == {"reviewed": 1, "total": 2, "confirmed": 1, "dismissed": 0, "flagged": 0}
    [orphan] = out["orphaned"]
    assert orphan["key"] == gone.id and orphan["note"] == "ask the author"
    assert orphan["finding"]["kind"] == "loaded_word"
    assert gone.id in session.reviews()              # reported, never deleted
