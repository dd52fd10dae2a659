"""ACLED-format exports written by the tests: the project's own sentences in ACLED's columns
(not rows of any ACLED file), for training, evaluation and import."""

from __future__ import annotations

import csv
import io
from pathlib import Path

# The project's own sentences, written for these tests (not from any ACLED file).
NOTES = {
    ("Protests", "Peaceful protest"): [
        "On {d}, farmers marched to the district office in Sao {n} to demand seeds. "
        "[size=no report]",
        "On {d}, nurses rallied outside the hospital in Port {n} over unpaid wages. [size=dozens]",
        "On {d}, students held a sit-in at the university of {n} against fee increases.",
    ],
    ("Battles", "Armed clash"): [
        "On {d}, soldiers and rebels exchanged fire for hours near the village of {n}.",
        "On {d}, militants ambushed an army patrol near {n}, and a gun battle followed.",
        "On {d}, two armed clans fought with rifles over pasture near {n}; four died.",
    ],
    ("Explosions/Remote violence", "Air/drone strike"): [
        "On {d}, warplanes bombed a militant camp near {n}, killing several fighters.",
        "On {d}, a drone strike hit a car on the road to {n}, killing two men.",
        "On {d}, helicopters dropped barrel bombs on the outskirts of {n}.",
    ],
    ("Violence against civilians", "Abduction/forced disappearance"): [
        "On {d}, gunmen kidnapped a teacher and two pupils from a school in {n}.",
        "On {d}, armed men abducted five travellers on the highway near {n}.",
        "On {d}, bandits seized a trader from his shop in {n} and demanded a ransom.",
    ],
}
COLUMNS = [
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year",
    "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "timestamp", "iso3",
]
COUNTRIES = ["Nigeria", "Mali", "Yemen", "Brazil", "Kenya", "Peru"]


def rows(n_days: int = 6) -> list[dict[str, str]]:
    out = []
    for day in range(1, n_days + 1):
        for (event_type, sub), templates in NOTES.items():
            for k, template in enumerate(templates):
                date = f"{day}-May-20"
                notes = template.format(d=f"{day} May 2020", n=f"Mbala{day}{k}")
                record = dict.fromkeys(COLUMNS, "")
                record.update(event_date=date, event_type=event_type, sub_event_type=sub,
                              notes=notes, country=COUNTRIES[(day + k) % len(COUNTRIES)])
                out.append(record)
    return out


def write_csv(path: Path, records: list[dict[str, str]], encoding="utf-8", delimiter=",",
              columns=COLUMNS) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter,
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows(records)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path
