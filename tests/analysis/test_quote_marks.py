"""Direct quotes in single curly quotes (‘...’): a quote outside double quotes, closed by the first ’
that no letter follows; never an apostrophe, never a quote nested in a double one.  Texts written for
these tests."""
from __future__ import annotations

from analysis.signals.quotemarks import direct_spans
from analysis.signals.voices import find_quotes
from seeds import text_article


def quoted(text: str) -> list[str]:
    a = text_article(text)
    return [a.text[q.start:q.end] for q in direct_spans(a)]


def test_single_curly_quotes_are_a_quote_with_its_speaker():
    text = "Dana Marsh spoke on Friday.\n\n‘We won’t give up,’ Marsh said."
    a = text_article(text)
    assert [(a.text[q.start:q.end], q.kind, q.speaker_name) for q in find_quotes(a)] == [
        ("We won’t give up", "direct", "Marsh")]


def test_an_apostrophe_inside_or_after_a_word_does_not_close_a_single_quote():
    text = "She called the staff’s plan ‘a disaster from the start’ and the players’ union ‘weak’."
    assert quoted(text) == ["a disaster from the start", "weak"]


def test_single_quotes_inside_a_double_quote_stay_inside_it():
    assert quoted("“They said ‘no’ to us,” Marsh added.") == ["They said ‘no’ to us"]


def test_a_single_quote_nothing_closes_is_no_quote():
    assert quoted("Fans of ‘80s music met on Friday.\n\nThe hall was full.") == []


def test_single_quotes_inside_an_unquoted_statement_stay_inside_it():
    text = ("Dana Marsh wrote an open letter to the mayor on Friday.\n\nRead the full letter:\n\n"
            "Dear Mayor Gale, you fall a little short in the ‘good role model’ department. Act like the "
            "office matters to you.\n\nThe mayor did not reply.")
    a = text_article(text)
    assert [(a.text[q.start:q.end][:15], q.speaker_name) for q in find_quotes(a)] == [
        ("Dear Mayor Gale", "Dana Marsh")]
