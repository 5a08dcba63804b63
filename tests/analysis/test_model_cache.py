"""Values the engine reads thousands of times are computed once per frozen Article, safely."""
from __future__ import annotations

import dataclasses
import hashlib
import pickle


def test_digest_and_word_count_are_computed_once_and_travel_with_a_pickle(seed_articles, monkeypatch):
    article = dataclasses.replace(seed_articles[0])       # a fresh instance: nothing cached yet
    calls = []
    real = hashlib.sha1
    monkeypatch.setattr(hashlib, "sha1", lambda data: calls.append(1) or real(data))
    digest = article.digest
    assert article.digest == digest == real(article.text.encode("utf-8")).hexdigest()
    assert len(calls) == 1
    words = article.word_count
    copy = pickle.loads(pickle.dumps(article))             # as the window sends it to its engine
    assert (copy.digest, copy.word_count, copy) == (digest, words, article)
    assert len(calls) == 1


def test_a_changed_copy_gets_its_own_digest(seed_articles):
    article = seed_articles[0]
    changed = dataclasses.replace(article, text=article.text + " More.")
    assert changed.digest != article.digest
    assert changed.digest == hashlib.sha1(changed.text.encode("utf-8")).hexdigest()
