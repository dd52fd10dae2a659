"""The shipped actor resources are well formed and consistent with each other."""

from __future__ import annotations

import re
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from raqib.extract import actors

FOLDER = Path(str(resources.files("raqib") / "resources" / "actors"))


@pytest.fixture(scope="module")
def dictionary() -> actors.Dictionary:
    return actors.load()


def test_files_are_documented() -> None:
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    for name in ("actors.tsv", "countries.tsv", "regimes.tsv", "country_as_actor.tsv", "~",
                 "{demonym}", "claimant"):
        assert name in readme


def test_every_row_is_typed_and_placed(dictionary: actors.Dictionary) -> None:
    countries = dictionary.countries.by_name
    assert len(dictionary.entries) > 200
    for e in dictionary.entries:
        assert 1 <= e.inter <= 8, e
        assert e.role in ("actor", "claimant", "ignore"), e
        assert e.aliases, e
        for country in e.country.split("|"):
            assert country in ("", "*") or country in countries, (e.name, country)
        for name in re.findall(r"\{(\w+)\}", e.name):
            assert name in ("country", "country_the", "regime"), e.name
        if e.country == "*" and e.role != "ignore":
            assert "{country" in e.name, e.name


def test_acled_naming_patterns(dictionary: actors.Dictionary) -> None:
    for e in dictionary.entries:
        if e.name.startswith(("Military Forces of", "Police Forces of")):
            assert e.inter == 1, e.name
        if e.name.startswith(("Civilians (", "Protesters (", "Rioters (")):
            assert e.inter == {"C": 7, "P": 6, "R": 5}[e.name[0]]
        if e.role == "actor" and ":" in e.name:
            # a unit of a state's forces names its own acronym after the period:
            # 'Military Forces of Venezuela{regime} DGCIM: Directorate General of ...'
            acronym = e.name.split(":")[0].split("{regime} ")[-1]
            assert acronym == acronym.strip() and " " not in acronym.replace(" (", "("), e.name


def test_issue_names_are_present(dictionary: actors.Dictionary) -> None:
    names = {e.name for e in dictionary.entries}
    for name in ("Military Forces of Syria (2000-)", "HTS: Hayat Tahrir al Sham",
                 "QSD: Syrian Democratic Forces", "NDF: National Defense Forces",
                 "Hezbollah", "Al Shabaab", "Taliban", "Military Forces of {country_the}{regime}",
                 "Unidentified Armed Group ({country})", "Civilians ({country})",
                 "Unidentified Communal Militia ({country})", "Protesters ({country})",
                 "Rioters ({country})"):
        assert name in names


def test_countries_follow_acled_spelling(dictionary: actors.Dictionary) -> None:
    names = dictionary.countries.by_name
    assert len(names) > 190
    for acled in ("Democratic Republic of Congo", "Republic of Congo", "Ivory Coast", "eSwatini",
                  "Palestine", "Syria", "Yemen", "United States", "Myanmar", "Czech Republic"):
        assert acled in names
    assert "Democratic Republic of the Congo" not in names
    assert names["Democratic Republic of Congo"].article
    assert "Nigerian" in names["Nigeria"].demonyms
    assert "Hong Kong" not in names


def test_regime_periods_do_not_overlap(dictionary: actors.Dictionary) -> None:
    countries = dictionary.countries
    for country, eras in countries.regimes.items():
        assert country in countries.by_name, country
        eras = sorted(eras, key=lambda e: e[1])
        for (label, start, until), nxt in zip(eras, [*eras[1:], None], strict=True):
            assert label.endswith("-") and label[:4] == str(start.year), (country, label)
            assert until is None or until > start
            if nxt is not None:
                assert until is not None and until <= nxt[1], (country, label)
        assert eras[-1][2] is None, country  # someone is in power now
    assert countries.regime("Syria", date(2018, 11, 26)) == " (2000-)"
    assert countries.regime("Syria", date(1990, 1, 1)) == ""
    assert countries.regime("Syria", None) == " (2024-)"
    assert countries.regime("Germany", date(2020, 1, 1)) == ""


def test_alias_expansion() -> None:
    assert actors.expand("soldier(s)") == ["soldier", "soldiers"]
    assert actors.expand("polic(eman|emen)") == ["policeman", "policemen"]
    assert actors.expand("CPI(M)") == ["CPI(M)"]
    keys = [k for k, *_ in actors.tokens("Hay’at al-Nusra’s QUDS قوات الأمن")]
    assert keys == ["hay", "'", "at", "al", "nusra", "'s", "quds", "قوات", "الامن"]
