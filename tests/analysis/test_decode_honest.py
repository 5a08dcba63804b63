"""Decoding and language, honestly (issue 12): damaged UTF-8 stays UTF-8 with a count of the bad
spots, legacy encodings only when the bytes fit, short Chinese is not English; and whatever bytes or
text arrive (as content, as a file, as a name on the command line), nothing raises."""
from __future__ import annotations

import io

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis import IngestError, load_article
from analysis.commands import load_inputs
from analysis.ingest.decode import decode_bytes
from analysis.ingest.language import detect_language

FRENCH = ("Les dirigeants européens se sont réunis à Paris lundi. « Nous sommes prêts », a déclaré "
          "le président, après une longue journée de débats sur la sécurité du continent. ") * 4
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.function_scoped_fixture])


def _damaged(text: str, bad: int) -> bytes:
    data = bytearray(text.encode("utf-8"))
    for i in range(bad):                        # stray bytes where ASCII letters were
        pos = 30 + i * 40
        while data[pos] >= 0x80:
            pos += 1
        data[pos] = 0x81 if i % 2 else 0xE9
    return bytes(data)


def test_utf8_with_nine_bad_bytes_stays_utf8_and_says_how_many():
    text, encoding, warnings = decode_bytes(_damaged(FRENCH, 9))
    assert encoding == "utf-8"                  # before: mac_iceland / iso8859_10, garbled, silent
    assert text.count("\ufffd") == 9
    assert "réunis à Paris" in text and "déclaré" in text
    assert warnings == ["The text is UTF-8 with 9 places that could not be read (damaged bytes); "
                        "they are shown as \ufffd."]


def test_the_warning_reaches_the_article(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes(_damaged(FRENCH, 3))
    article = load_article(path)
    assert article.encoding == "utf-8" and any("3 places" in w for w in article.warnings)


def test_a_cp1252_file_with_a_few_accents_is_still_cp1252():
    data = "The café reopened on Monday, the mayor’s office said. ".encode("cp1252") * 5
    text, encoding, warnings = decode_bytes(data)
    assert (encoding, warnings) == ("cp1252", []) and "café" in text and "mayor’s" in text


def test_a_guessed_encoding_is_named_in_a_warning():
    russian = ("Лидеры Европы провели экстренную встречу в Париже, чтобы обсудить мирные переговоры "
               "по Украине и гарантии безопасности.\n") * 3
    text, encoding, warnings = decode_bytes(russian.encode("cp1251"))
    assert (text, encoding) == (russian, "cp1251")
    assert warnings and "recognised as cp1251" in warnings[0]


def test_short_chinese_is_not_english():
    chinese = "市议会周一批准了新的渡轮时刻表。市长表示，第一批船只将于六月启航，费用为四百万欧元。"
    language, warning = detect_language(chinese)
    assert language == "zh"                     # before: "en", no warning (too few "words")
    assert warning == "This text looks Chinese, not English; the analysis is tuned for English."
    article = load_article(chinese, kind="paste")
    assert article.language == "zh" and article.warnings


def test_short_english_and_english_prose_need_no_model():
    assert detect_language("Ferry strike ends") == ("en", None)
    assert detect_language("The council met on Monday and the mayor said that the plan was ready. " * 3) == ("en", None)


def test_unsure_is_said():
    language, warning = detect_language("Qwrt zxcv bnmp lkjh gfds poiu ytre wqas dfgh jklz xcvb nmqw "
                                        "erty uiop asdf ghjk lzxc vbnm qwer tyui opas dfgh")
    assert language != "en" and warning


@PROPERTY
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.html", "a.md", "a"]))
def test_random_bytes_in_a_file_never_raise(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("bytes") / name
    path.write_bytes(data)
    try:
        article = load_article(path)
    except IngestError as error:
        assert "\n" not in str(error) and str(path) in str(error)
        return
    assert all(article.text[s.start:s.end] == s.text for s in article.sentences)


@PROPERTY
@given(st.text(max_size=200), st.integers(min_value=0, max_value=8))
def test_damaged_utf8_never_raises(text, flips):
    data = bytearray(text.encode("utf-8"))
    for i in range(min(flips, len(data))):
        data[(i * 7919) % len(data)] ^= 0x80
    try:
        load_article(bytes(data))
    except IngestError as error:
        assert "\n" not in str(error)


@PROPERTY
@given(st.text(min_size=1, max_size=400))
@example("x" * 300)                             # a name longer than the file system allows
@example("no-such-folder/" + "y" * 300 + ".txt")
@example("~0")                                  # a home folder of nobody known (found by hypothesis)
def test_any_name_on_the_command_line_is_one_line(name):
    err = io.StringIO()
    articles, failures = load_inputs([name], err)       # before: long names raised OSError
    assert len(articles) + failures == 1
    assert "Traceback" not in err.getvalue()
