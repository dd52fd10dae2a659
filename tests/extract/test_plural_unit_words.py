"""A region after the plural of a unit's word ('Guadalupe and Monterrey municipalities, Nuevo
Leon', 'Gusau and Tsafe LGAs, Zamfara') qualifies the places before it as after the singular
(``extract.places.v126``): read as a bare name, 'Nuevo Leon' had been a village of that name
in Baja California, 2,000 km from the state."""

from __future__ import annotations

from datetime import date

from raqib.extract.pipeline import Pipeline
from stage_versions import stage_version


def test_the_state_after_municipalities(pipeline: Pipeline) -> None:
    assert stage_version(pipeline, "places") >= 126
    doc = pipeline.run("t", "Gunmen killed two police officers on the border of Guadalupe and "
                            "Monterrey municipalities, Nuevo Leon, on Friday.", date(2020, 5, 1))
    state = next(p for p in doc.places if p.span.text == "Nuevo Leon")
    assert (state.name, state.admin1, state.geo_precision) == ("Nuevo Leon", "Nuevo Leon", 3)
