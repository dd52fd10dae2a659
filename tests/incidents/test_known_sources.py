"""The table of known sources (``resources/sources/known.tsv``): every entry well formed,
one reading per source, and outlets recognised from their names and their web addresses."""

from __future__ import annotations

from collections import defaultdict

import pytest

from raqib.extract.gazetteer import name_key
from raqib.extract.place_stopwords import stopwords
from raqib.incidents.records import SOURCE_KINDS
from raqib.incidents.sources import default_path, read_table, recognise


def test_each_source_has_one_known_kind_side_and_rating_whatever_key_names_it() -> None:
    readings: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for info in read_table(default_path()).values():
        assert info.kind in SOURCE_KINDS, info
        readings[info.name].add((info.kind, info.side, info.reliability))
    assert len(readings) >= 50  # the table read whole
    assert {name: r for name, r in readings.items() if len(r) > 1} == {}


@pytest.mark.parametrize(("name", "url", "expected", "side"), [
    (None, "https://www.almayadeen.net/news/politics/x", "Al Mayadeen TV", "government"),
    ("Press TV", None, "Press TV", "government"),
    ("Enab Baladi", None, "Enab Baladi", "opposition"),
    (None, "https://www.aljazeera.com/news/2018/11/25/x", "Al Jazeera", "opposition"),
    ("ANHA", None, "Hawar News Agency (ANHA)", "kurdish"),
    (None, "https://www.rudaw.net/english/x", "Rudaw", "kurdish"),
    ("UNICEF Syria", None, "UNICEF", "international"),
    (None, "https://www.theguardian.com/world/x", "The Guardian", "international"),
])
def test_outlets_on_every_side_are_recognised(name: str | None, url: str | None,
                                              expected: str, side: str) -> None:
    info = recognise(name, url=url)
    assert (info.name, info.side) == (expected, side)


def test_an_outlet_named_like_a_town_leaves_the_town_a_place() -> None:
    """The outlets' names join the places stop list (``place_stopwords.outlets``); Al Mayadeen TV is
    known by its full name and its address, not by "Al Mayadeen", the commonest English
    spelling of the town of Al Mayadin, and "Fars" (an Iranian province) is no key."""
    stop = stopwords()
    assert name_key("Al Mayadeen TV") in stop
    assert name_key("Al Mayadeen") not in stop and name_key("Fars") not in stop
    assert recognise("Al Mayadeen").side == "unknown"
