"""Which language an article is in: English (what the engine's lexicons are for), another, or unsure.

Two steps, both on a bounded sample of the text (``LANGUAGE_SAMPLE_CHARS``):

1. a cheap check that settles plain English prose without any model: enough words, most letters in
   the Latin script, and English's commonest function words making up at least
   ``MIN_ENGLISH_FUNCTION_WORD_SHARE`` of them (English prose measures about 0.4);
2. otherwise py3langid (langid.py's model, shipped inside the package, offline; 97 languages, any
   script), whose answer counts only at ``LANGUAGE_MIN_CONFIDENCE`` or above.  Below it the language
   is "und" (undetermined) with a note.  A short Latin-script text (a headline, a test sentence)
   is too short to judge and stays English, as before; a short text in another script (13 words of
   Chinese) is judged by the model, never taken for English.
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis import constants as C

ENGLISH_FUNCTION_WORDS = frozenset("""
the of and to a in that is was he for it with as his on be at by i this had not are but from or have
an they which you were her she there would their we him been has when who will no if out so said
what its about into than them can only other could these may""".split())
# Names for the languages an editor is likely to meet; others are shown by their ISO 639-1 code.
LANGUAGE_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ar": "Arabic", "he": "Hebrew", "tr": "Turkish",
    "el": "Greek", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish", "cs": "Czech",
    "hu": "Hungarian", "ro": "Romanian", "fa": "Persian", "hi": "Hindi", "la": "Latin",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LATIN_END = 0x24F                          # last code point of Latin Extended-B


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def detect_language(text: str) -> tuple[str, str | None]:
    """``(language, warning)``: ``"en"`` with no warning for English or too short a Latin text."""
    sample = text[:C.LANGUAGE_SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    latin = _latin_share(words)
    if latin >= C.LANGUAGE_MIN_LATIN_SHARE:
        if len(words) < C.LANGUAGE_MIN_WORDS:
            return "en", None               # too short to judge: a headline, a label
        english = sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words)
        if english >= C.MIN_ENGLISH_FUNCTION_WORD_SHARE:
            return "en", None
    if not words:
        return "und", "This text has no words to tell its language by; the analysis is tuned for English."
    code, confidence = _identify(sample)
    if code == "zxx":                       # the model's "no linguistic content"
        return "und", "This text does not read as any language; the analysis is tuned for English."
    if code == "en" and confidence >= C.LANGUAGE_MIN_CONFIDENCE:
        return "en", None
    if confidence >= C.LANGUAGE_MIN_CONFIDENCE:
        return code, f"This text looks {language_name(code)}, not English; the analysis is tuned for English."
    guess = f" (perhaps {language_name(code)})" if code != "en" else ""
    return "und", (f"The language of this text could not be told for sure{guess}; the analysis is tuned "
                   "for English, so check its findings.")


def _latin_share(words: list[str]) -> float:
    """Share of the letters that are in the Latin script (ASCII and its accented extensions)."""
    letters = "".join(words)
    if not letters:
        return 0.0
    latin = sum(1 for ch in letters if ord(ch) <= _LATIN_END)
    return latin / len(letters)


def _identify(sample: str) -> tuple[str, float]:
    """py3langid's language and its probability 0-1 for ``sample``."""
    code, confidence = _identifier().classify(sample)
    return str(code), float(confidence)


@lru_cache(maxsize=1)
def _identifier():
    # Loaded once, on the first text that is not plain English (about 1 s: the model is compressed).
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
