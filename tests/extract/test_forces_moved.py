"""Forces moved, shipped or dug in are ACLED's change to a group's activity, not fighting
(`extract.events.v152`: the `forces-moved` phrase)."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.extract.pipeline import Pipeline
from stage_versions import first_event, stage_version


@pytest.mark.parametrize("text", [
    # sent to secure an area after someone else's fighting: no fight of their own
    "On 2 June 2020, in Puerto Cabello, Carabobo state, a unit of National Guard officers was "
    "sent to secure the port after an attempted landing by armed men the week before.",
    # a ship with armour that arrived is no shelling
    "On 2 June 2020, a cargo ship loaded with tanks and armored vehicles reportedly arrived "
    "in Mukalla (Al Mukalla, Hadramawt).",
    # aircraft that landed amid a deployment are no air strike
    "On 2 June 2020, two transport planes reportedly landed at Mukalla airport (Al Mukalla, "
    "Hadramawt) amid a large deployment of coalition troops in the city.",
])
def test_forces_sent_shipped_or_deployed_change_a_groups_activity(
        pipeline: Pipeline, text: str) -> None:
    """events v152: forces sent or moved 'to secure', a ship or a convoy with armour that
    arrived, and a large deployment of troops lean to Change to group/activity."""
    assert stage_version(pipeline, "events") >= 152
    assert first_event(pipeline, text, date(2020, 6, 3)).sub_event_type == (
        "Change to group/activity")


def test_fortifications_built_are_no_base_established(pipeline: Pipeline) -> None:
    """events v152: forces-moved takes 1.0 off Headquarters or base established: new
    fortifications are forces digging in where they are, no base set up."""
    event = first_event(pipeline, "On 2 June 2020, anti-Houthi National Resistance "
                                  "forces reportedly established new fortifications "
                                  "south of Hays city (Al Hudaydah). No "
                                  "fatalities nor injuries reported.", date(2020, 6, 3))
    assert event.sub_event_type == "Change to group/activity"
