"""A cheap language check: the share of a language's commonest function words among all words.

English prose scores about 0.4 on its list; any language's prose scores far lower on another
language's list.  This is not language identification in general: it tells English from the major
European languages and says "und" (undetermined) otherwise, which is all the engine needs (its
lexicons are English).
"""
from __future__ import annotations

import re

from analysis import constants as C

FUNCTION_WORDS = {
    "en": """the of and to a in that is was he for it with as his on be at by i this had not are but
             from or have an they which you were her she there would their we him been has when who
             will no if out so said what its about into than them can only other could these may""",
    "de": """der die das und ist nicht ein eine zu den mit von sich des auf für im dem auch es an
             werden aus er hat dass sie nach wird bei einer um noch wie einem über so zum war""",
    "fr": """le la les de des et est un une du en que qui dans pour pas sur au ce il par plus avec
             ne se son sont mais nous ou elle aux été cette ses leur comme""",
    "es": """el la los las de del y en que un una es por con para no se su al lo como más pero sus
             le ya o fue este ha sí porque esta son entre cuando muy sin sobre""",
    "it": """il la le di che e è un una per non con del della dei si sono da in al alla come più ma
             gli lo anche nel ha questo essere""",
    "pt": """o a os as de do da dos das e que em um uma para com não no na por mais se como mas foi
             ao ele ela seu sua ou são também""",
    "nl": """de het een en van in is dat op te zijn met voor niet aan er om ook als bij door maar
             nog naar wordt heeft werd dan uit""",
    "ru": """и в не на что с по это как к но из у за от о так же для все он она они был была мы вы
             бы то его её если""",
    "uk": """і й в у не на що з по це як до але із за від про так для все він вона вони був була ми
             ви б то його її якщо""",
}
_LISTS = {lang: frozenset(words.split()) for lang, words in FUNCTION_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str) -> tuple[str, str | None]:
    """``(language, warning)``: ``"en"`` with no warning for English or too short a text."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < C.LANGUAGE_MIN_WORDS:
        return "en", None
    shares = {lang: sum(w in wanted for w in words) / len(words) for lang, wanted in _LISTS.items()}
    if shares["en"] >= C.MIN_ENGLISH_FUNCTION_WORD_SHARE:
        return "en", None
    best = max(shares, key=shares.get)
    language = best if shares[best] >= C.MIN_ENGLISH_FUNCTION_WORD_SHARE else "und"
    named = {"und": "not English"}.get(language, f"in language '{language}', not English")
    return language, (f"This text looks {named} ({shares['en']:.0%} English function words); "
                      "the analysis is tuned for English.")
