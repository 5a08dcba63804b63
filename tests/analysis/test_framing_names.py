"""Forms of one name (analysis/signals/framing/names.py): plural and singular read from lemminflect's
noun tables and a few endings of names, without the slow ``inflect`` package."""
from __future__ import annotations

import subprocess
import sys

from analysis.signals.framing.names import _singular, same_entity


def test_singular_of_nouns_the_tables_know():
    assert [_singular(w) for w in ("republicans", "women", "crises", "knives", "cities", "buses")] == \
        ["republican", "woman", "crisis", "knife", "city", "bus"]


def test_words_that_are_their_own_singular_stay():
    assert [_singular(w) for w in ("news", "series", "politics", "data", "bus", "virus", "us")] == \
        ["news", "series", "politics", "data", "bus", "virus", "us"]


def test_singular_of_names_by_their_endings():
    assert [_singular(w) for w in ("kennedys", "obamas", "bushes", "americans", "ukrainians")] == \
        ["kennedy", "obama", "bush", "american", "ukrainian"]
    assert [_singular(w) for w in ("harris", "francis", "putin", "nato", "zelenskyy")] == \
        ["harris", "francis", "putin", "nato", "zelenskyy"]


def test_plural_and_possessive_forms_name_one_entity():
    assert same_entity("Republicans", "Republican")
    assert same_entity("Kennedys", "Kennedy's")
    assert same_entity("Saudis", "Saudi")
    assert not same_entity("Harris", "Harrison")


def test_forms_of_names_never_import_inflect():
    code = ("import sys\nfrom analysis.signals.framing.names import same_entity\n"
            "assert same_entity('Democrats', 'Democrat')\nprint('inflect' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
