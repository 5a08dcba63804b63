"""What load_article accepts, how it tells files from text, and its one-line errors on bad input."""
from __future__ import annotations

import datetime as dt
import os
import stat

import pytest

from analysis import IngestError, load_article
from analysis import constants as C
from analysis.resources import seed_paths

BODY = ("European leaders held emergency talks in Paris on Monday as US and Russian officials "
        "prepared to meet in Saudi Arabia to discuss ending the war in Ukraine.\n"
        "Britain said it was prepared to consider sending troops if there was a lasting peace deal.\n")
SEED = next(p for p in seed_paths() if p.name.startswith("003_"))


def one_line_error(call, match: str) -> str:
    with pytest.raises(IngestError, match=match) as info:
        call()
    message = str(info.value)
    assert "\n" not in message and message
    return message


# --- what the source is ------------------------------------------------------------------------

def test_str_path_and_path_object_are_files():
    by_str, by_path = load_article(str(SEED)), load_article(SEED)
    assert by_str.text == by_path.text and by_str.source_kind == by_path.source_kind == "file"
    assert by_path.path == str(SEED)


def test_multi_line_string_is_pasted_text():
    article = load_article(BODY)
    assert (article.source_kind, article.path, article.text) == ("paste", None, BODY.strip())
    # Nothing names the outlet: the article is called by its first words, in quotes.
    assert article.outlet == "“" + " ".join(BODY.split()[:2]) + "…”"
    assert article.metadata_origin["outlet"].startswith("no outlet named")


def test_single_line_text_needs_kind_paste():
    line = "Leaders met in Paris on Monday to talk about Ukraine."
    message = one_line_error(lambda: load_article(line), "no such file")
    assert "kind=" not in message          # the library's argument names are not for editors
    assert load_article(line, kind="paste").text == line


def test_missing_path_is_an_error_not_text(tmp_path):
    one_line_error(lambda: load_article(tmp_path / "nope.txt"), "no such file")
    one_line_error(lambda: load_article(str(tmp_path / "nope.txt")), "no such file")


def test_a_tilde_name_that_is_no_user_is_a_missing_file():
    # "~0" has no home folder: pathlib raised RuntimeError before, now it is a file name as written.
    one_line_error(lambda: load_article("~0"), "no such file")
    one_line_error(lambda: load_article("~no-such-user-here/a.txt"), "no such file")


def test_kind_paste_never_reads_a_file():
    article = load_article(str(SEED), kind="paste")
    assert article.text == str(SEED) and article.source_kind == "paste"


def test_bytes_are_decoded_content():
    article = load_article(BODY.encode("utf-16"))
    assert article.text == BODY.strip() and article.encoding == "utf-16"


def test_bad_kind_is_a_programming_error():
    with pytest.raises(ValueError):
        load_article(BODY, kind="pdf")


# --- bad input -----------------------------------------------------------------------------------

def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    one_line_error(lambda: load_article(path), "is empty")


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\r\n\u00a0\u200b  \n")
    one_line_error(lambda: load_article(path), "only whitespace")


def test_furniture_only_file(tmp_path):
    path = tmp_path / "nav.txt"
    path.write_text("Skip to content\nMenu\nSource link\n")
    one_line_error(lambda: load_article(path), "no article text left after removing 3 lines")


def test_binary_file_renamed_txt(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    one_line_error(lambda: load_article(path), "PNG image, not text")
    path.write_bytes(os.urandom(4000))
    one_line_error(lambda: load_article(path), "binary")


def test_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 2**20)

    def must_not_read(*args, **kwargs):
        raise AssertionError("the file was opened")
    monkeypatch.setattr("analysis.ingest.source.open", must_not_read, raising=False)
    message = one_line_error(lambda: load_article(path), "50.0 MB is larger than the 20 MB limit")
    assert str(path) in message


def test_size_limit_also_holds_when_stat_is_wrong(tmp_path, monkeypatch):
    path = tmp_path / "grows.txt"
    path.write_text(BODY * 50)
    monkeypatch.setattr(C, "MAX_INPUT_BYTES", 1000)
    # stat() says: an ordinary file of 0 bytes.
    monkeypatch.setattr("analysis.ingest.source._stat",
                        lambda p, given: os.stat_result((stat.S_IFREG,) + (0,) * 9))
    one_line_error(lambda: load_article(path), "larger than the")


def test_directory(tmp_path):
    one_line_error(lambda: load_article(tmp_path), "is a folder, not a file")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(BODY)
    path.chmod(0)
    try:
        one_line_error(lambda: load_article(path), "permission denied")
    finally:
        path.chmod(0o600)


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    # Tests may run as root, where chmod 000 does not stop reading: simulate the OS refusal.
    path = tmp_path / "secret.txt"
    path.write_text(BODY)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr("analysis.ingest.source.open_without_waiting", refuse)
    one_line_error(lambda: load_article(path), "permission denied")


def test_word_documents_are_named(tmp_path):
    path = tmp_path / "article.docx"
    path.write_bytes(b"PK\x03\x04")
    one_line_error(lambda: load_article(path), "Word documents are not supported")


# --- metadata ------------------------------------------------------------------------------------

def test_explicit_arguments_override_what_is_found():
    article = load_article(SEED, outlet="CNN International", title="Europe scrambles",
                           date="February 17, 2025", author="Christian Edwards")
    assert (article.outlet, article.title, article.date, article.author) == (
        "CNN International", "Europe scrambles", "2025-02-17", "Christian Edwards")
    assert set(article.metadata_origin.values()) == {"given"}
    # The title line is still a title, not body text, whatever the user calls the article.
    assert article.removed[0].reason == "title"


def test_date_argument_accepts_dates_and_refuses_nonsense():
    assert load_article(BODY, date=dt.date(2025, 2, 17)).date == "2025-02-17"
    one_line_error(lambda: load_article(BODY, date="next Tuesday"), "not a date")


def test_readable_file_name_is_the_last_resort_outlet(tmp_path):
    path = tmp_path / "The_clarion-daily.txt"
    path.write_text(BODY)
    article = load_article(path)
    assert (article.outlet, article.metadata_origin["outlet"]) == ("The clarion daily", "file name")


def test_a_file_name_that_names_a_known_outlet_gets_its_name(tmp_path):
    path = tmp_path / "bbc_news.txt"
    path.write_text(BODY)
    article = load_article(path)
    assert (article.outlet, article.metadata_origin["outlet"]) == ("BBC News", "file name (a known outlet)")


def test_markdown_file(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("# Europe scrambles for a response\n\n![photo](a.jpg)\n\n" + BODY.replace(
        "Saudi Arabia", "[Saudi Arabia](https://example.org/saudi)"))
    article = load_article(path)
    assert article.title == "Europe scrambles for a response"
    assert article.text == BODY.strip()
    assert [r.reason for r in article.removed] == ["title", "image"]


# --- language ------------------------------------------------------------------------------------

def test_non_english_text_loads_with_a_warning():
    german = ("Die europäischen Staats- und Regierungschefs haben am Montag in Paris über die Lage in "
              "der Ukraine beraten. Sie wollen mehr für die Sicherheit des Kontinents tun, und der "
              "britische Premierminister sagte, er sei auch zu einem Einsatz von Truppen bereit.\n") * 2
    article = load_article(german)
    assert article.language == "de"
    assert len(article.warnings) == 1 and "not English" in article.warnings[0]


def test_latin_is_not_english():
    text = ("Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
            "incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud.\n")
    article = load_article(text)
    assert article.language not in ("en", "") and article.warnings


def test_english_has_no_warning():
    assert load_article(BODY).language == "en" and load_article(BODY).warnings == ()
