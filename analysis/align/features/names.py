"""The word lists the entity rules read: countries and their aliases, cities, titles, name parts.

Data only (kept apart from the rules in ``entities`` and the keys in ``entity_keys``); other stages
read some of them too (``TITLES`` for speakers, ``ALIASES`` for offices and places).
"""
from __future__ import annotations

# Alias (lower case, periods kept) -> canonical key.  Demonyms fold only when they stand alone.
_COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # key: (names and acronyms, demonyms)
    "united states": (("us", "u.s.", "usa", "u.s.a.", "united states", "united states of america",
                       "america"), ("american", "americans")),
    "united kingdom": (("uk", "u.k.", "britain", "great britain", "united kingdom"),
                       ("british", "briton", "britons")),
    "russia": (("russia", "russian federation"), ("russian", "russians")),
    "ukraine": (("ukraine",), ("ukrainian", "ukrainians")),
    "kyiv": (("kyiv", "kiev"), ()),
    "europe": (("europe",), ("european", "europeans")),
    "european union": (("eu", "e.u.", "european union"), ()),
    "nato": (("nato",), ()),
    "united nations": (("un", "u.n.", "united nations"), ()),
    "france": (("france",), ("french",)),
    "germany": (("germany",), ("german", "germans")),
    "china": (("china",), ("chinese",)),
    "saudi arabia": (("saudi arabia",), ("saudi", "saudis")),
    "poland": (("poland",), ("polish",)),
    "italy": (("italy",), ("italian", "italians")),
    "spain": (("spain",), ("spanish",)),
    "denmark": (("denmark",), ("danish",)),
    "norway": (("norway",), ("norwegian",)),
    "netherlands": (("netherlands", "the netherlands", "holland"), ("dutch",)),
    "belgium": (("belgium",), ("belgian",)),
    "estonia": (("estonia",), ("estonian",)),
    "lithuania": (("lithuania",), ("lithuanian",)),
    "iran": (("iran",), ("iranian", "iranians")),
    "israel": (("israel",), ("israeli", "israelis")),
    "turkey": (("turkey", "turkiye", "türkiye"), ("turkish",)),
    "canada": (("canada",), ("canadian", "canadians")),
    "japan": (("japan",), ("japanese",)),
    "crimea": (("crimea",), ("crimean",)),
}
ALIASES: dict[str, str] = {}
COUNTRY_NAMES: set[str] = set()       # aliases that may be split off the head of a longer run
for _key, (_names, _demonyms) in _COUNTRIES.items():
    for _alias in _names:
        ALIASES[_alias] = _key
        COUNTRY_NAMES.add(_alias)
    for _alias in _demonyms:
        ALIASES[_alias] = _key
# Cities and capitals: canonical as they are, never "resolved" to a longer name that ends with them.
CITIES = frozenset("""
moscow washington paris london berlin beijing riyadh geneva munich brussels rome madrid warsaw
tokyo jerusalem tehran ankara istanbul minsk vienna budapest prague helsinki stockholm oslo
copenhagen amsterdam kharkiv odesa mariupol donetsk luhansk kherson zaporizhzhia
""".split())
CANONICAL_PLACES = frozenset(ALIASES.values()) | CITIES

# Given names spelt differently by different transliteration habits.
GIVEN_NAME_VARIANTS = {
    "sergei": "sergey", "sergiy": "sergey", "yury": "yuri", "yuriy": "yuri", "dmitriy": "dmitry",
    "dmitri": "dmitry", "alexei": "alexey", "aleksei": "alexey", "aleksey": "alexey",
    "andrii": "andriy", "andrei": "andrey", "mikhailo": "mykhailo", "nikolai": "nikolay",
}

# Titles and roles: they split a run and are dropped ("Foreign Minister" is not an entity).  A modifier
# ("Foreign", "Defense", "National Security") is dropped only in front of a core title, so that
# "Munich Security Conference" and "Foreign Office" stay whole.
TITLES = frozenset("""
president presidents minister ministers secretary secretaries chancellor spokesman spokeswoman
spokesperson envoy aide aides advisor adviser advisors advisers prince princess king queen sheikh
senator sen rep representative governor mayor ambassador commissioner chairman chairwoman director
general gen lieutenant colonel commander admiral pope mr mrs ms dr professor prof officer official
officials chief leader leaders fellow captain capt sergeant sgt inspector superintendent detective
""".split())
TITLE_MODIFIERS = frozenset("""
foreign defense defence interior finance prime vice deputy acting former then national security
special senior state home trade economy justice health energy police
""".split())
TITLE_PHRASES = (("secretary", "of", "state"), ("secretary", "of", "defense"), ("secretary", "of", "defence"),
                 ("secretary", "general"), ("attorney", "general"), ("chief", "justice"))
# Generation suffixes ("John Roberts Jr.", "Robert Mueller III"): not part of how outlets name the
# person, so left out of the key, like a middle initial.
NAME_SUFFIXES = frozenset("jr sr iii".split())
# Last words of organisation names ("ABC News", "Brookings Institution", "Harbour Radio").
ORGANISATION_HEADS = frozenset("""
news times post journal radio television tv network channel magazine press institute institution
university college school foundation council committee commission party agency department ministry
bank group association union center centre company corporation corp inc office bureau service
""".split())
# Last words of a national body's name that is named with its country ("US Geological Survey", "US
# Coast Guard"): such a run is one body.  "Department", "Senate" are left out: outlets write "the State
# Department" as often as "the US State Department", and the aligner matches them on that name.
NATIONAL_BODY_HEADS = frozenset("survey guard bureau corps".split())
# Common English short forms of given names: "Mike Pence" and "Michael Pence" are one person.
GIVEN_NAME_SHORT_FORMS = {
    "mike": "michael", "bill": "william", "bob": "robert", "rob": "robert", "jim": "james",
    "jimmy": "james", "joe": "joseph", "tom": "thomas", "dick": "richard", "rick": "richard",
    "chuck": "charles", "ted": "edward", "dan": "daniel", "dave": "david", "steve": "steven",
    "tony": "anthony", "andy": "andrew", "chris": "christopher", "matt": "matthew", "pat": "patrick",
    "nick": "nicholas", "ben": "benjamin", "sam": "samuel", "tim": "timothy", "ron": "ronald",
    "don": "donald", "ken": "kenneth", "jeff": "jeffrey", "greg": "gregory", "newt": "newton",
    "liz": "elizabeth", "beth": "elizabeth", "kate": "katherine", "cathy": "catherine",
    "sue": "susan", "jenny": "jennifer", "debbie": "deborah", "peggy": "margaret",
}

# Lower-case words allowed inside a name ("Ursula von der Leyen", "Coalition of the Willing").
PARTICLES = frozenset("of for de von der van den bin ibn al el da du la le del the".split())
NAME_PREFIX_PARTICLES = frozenset("al el bin ibn abu van von de".split())

# Capitalised only because they open a sentence; never entities on their own there.
SENTENCE_OPENERS = frozenset("""
meanwhile however instead afterwards afterward moreover furthermore nevertheless nonetheless
therefore thus indeed still yet also last next first second third finally earlier later today
yesterday tomorrow tonight overall separately elsewhere although though while when where whether
asked according despite during after before since until unless read related click leave skip
""".split())
MONTHS = frozenset("""january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
