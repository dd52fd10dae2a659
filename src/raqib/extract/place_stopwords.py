"""Words that are never places: the project's stop list, the names of known news outlets and
bodies, and the weapons lexicon's phrases, as the name keys the places stage matches by.

Their digest is part of the default gazetteer's stamp (``gazetteer_index.default_stamp``), so
a change here shows in a coding's provenance.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from raqib.extract import weapons
from raqib.extract.lexicon import read_lexicon
from raqib.extract.place_names import name_key
from raqib.incidents.sources import default_table


@cache
def stopwords() -> frozenset[str]:
    """The keys of every word or phrase the places stage never takes for a place."""
    text = resources.files("raqib").joinpath("resources", "gazetteer", "stopwords.txt")
    lines = text.read_text("utf-8").splitlines()
    words = [w for w in lines if w.strip() and not w.startswith("#")]
    return frozenset(name_key(w) for w in words + outlets() + weapon_phrases())


def weapon_phrases() -> list[str]:
    """The phrases of the weapons lexicon: 'Sarin nerve gas used in Syria' names a weapon,
    not the village of Sarin that the OCHA tables list (places v18)."""
    return [row[0] for row in read_lexicon(weapons.LEXICON)]


def outlets() -> list[str]:
    """The names of the news outlets and bodies that the table of known sources holds:
    'Al-Manar' reporting is not the town of Mannar, nor 'Jordan Times' Jordan (places v5)."""
    table = default_table()
    names = {key for key in table if "." not in key} | {info.name for info in table.values()}
    return [n for n in names if " " in n or len(n) > 4]
