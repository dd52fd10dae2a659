"""Burkina Faso's provinces as names of their seats: ACLED and Burkinabe reporting name a
place with its commune and province ('Kelbo (Kelbo, Soum)'), and GeoNames' cities files hold
no second-level units, so 'Soum' had been a village of Senegal and 'Tapoa' no place at all
(``extract.places.v101``, ``resources/gazetteer/aliases.tsv``)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.gazetteer import Gazetteer, ensure_default_index, name_key
from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version

PROVINCES = {  # province: its seat, as the gazetteer names it
    "Soum": "Djibo", "Loroum": "Titao", "Oudalan": "Gorom-Gorom", "Séno": "Dori",
    "Yagha": "Sebba", "Tapoa": "Diapaga", "Gnagna": "Bogandé", "Gourma": "Fada N'gourma",
    "Komondjari": "Gayéri", "Kompienga": "Pama", "Koulpélogo": "Ouargaye",
    "Yatenga": "Ouahigouya", "Zondoma": "Gourcy", "Passoré": "Yako", "Bam": "Kongoussi",
    "Sanmatenga": "Kaya", "Namentenga": "Boulsa", "Kossi": "Nouna", "Sourou": "Tougan",
    "Mouhoun": "Dédougou", "Banwa": "Solenzo", "Nayala": "Toma", "Balé": "Boromo",
    "Tuy": "Houndé", "Houet": "Bobo-Dioulasso", "Kénédougou": "Orodara", "Comoé": "Banfora",
    "Léraba": "Sindou", "Poni": "Gaoua", "Noumbiel": "Batié", "Bougouriba": "Diébougou",
    "Ioba": "Dano", "Sissili": "Léo", "Ziro": "Sapouy", "Sanguié": "Réo",
    "Boulkiemdé": "Koudougou", "Oubritenga": "Ziniaré", "Ganzourgou": "Zorgo",
    "Kourwéogo": "Boussé", "Kadiogo": "Ouagadougou", "Bazèga": "Kombissiri",
    "Zoundwéogo": "Manga", "Nahouri": "Pô", "Boulgou": "Tenkodogo", "Kouritenga": "Koupéla",
}


def test_each_province_names_its_seat() -> None:
    assert len(PROVINCES) == 45
    gazetteer = Gazetteer(ensure_default_index())
    keys = {name_key(p): p for p in PROVINCES}
    found = gazetteer.lookup(set(keys))
    for key, province in keys.items():
        seats = {p.name for p in found.get(key, []) if p.country == "BF"}
        assert PROVINCES[province] in seats, province


@pytest.mark.parametrize(("text", "seat", "precision"), [
    ("On 3 May 2021, suspected militants burned a school in Kelbo (Kelbo, Soum).", "Djibo", 2),
    ("On 3 May 2021, armed men abducted a village chief in Sollé (Solle, Loroum).", "Titao", 2),
    ("Suspected jihadists killed 12 civilians in Tapoa province on Sunday.", "Diapaga", 3),
])
def test_a_village_the_gazetteer_lacks_goes_to_its_province_seat(
        pipeline: Pipeline, text: str, seat: str, precision: int) -> None:
    assert stage_version(pipeline, "places") >= 101
    event = first_event(pipeline, text, date(2021, 5, 4))
    assert (event.location, event.country, event.geo_precision) == (
        seat, "Burkina Faso", precision)


@pytest.mark.parametrize(("text", "location", "country"), [
    # Comoé is Banfora's province and a district of Ivory Coast: the bracket names Banfora
    # twice, once by its province, and does not exclude it (v108)
    ("On 3 May 2021, traders blocked the road into Banfora (Banfora, Comoe) to protest the "
     "closure of the main market.", "Banfora", "Burkina Faso"),
    ("On 3 May 2021, gendarmes dispersed a crowd at a checkpoint in the Comoe district of "
     "Ivory Coast.", "Comoe", "Ivory Coast"),
])
def test_a_seat_named_with_its_province_is_not_excluded_by_a_region_abroad(
        pipeline: Pipeline, text: str, location: str, country: str) -> None:
    assert stage_version(pipeline, "places") >= 108
    event = first_event(pipeline, text, date(2021, 5, 4))
    assert (event.location, event.country) == (location, country)
