"""What a reviewer may write into a field: each value read as its field's type and checked
against what the field can hold, so that a correction cannot put into the record (and from
there into every export) a day that does not exist, a point off the globe, a negative toll
or a type ACLED does not have.

``value(name, raw)`` gives the value to store (None for an empty ``raw``: the field is
cleared) or raises ``FieldValueError`` naming the field and the value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from raqib.errors import RaqibError


class FieldValueError(RaqibError):
    """A correction's value that its field cannot hold."""


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
COUNTS = ("fatalities", "injured", "fatalities_min", "fatalities_max")
RANGES: dict[str, tuple[float, float]] = {
    "latitude": (-90.0, 90.0), "longitude": (-180.0, 180.0), "confidence": (0.0, 1.0),
    "geo_precision": (1, 3), "time_precision": (1, 3), "inter1": (0, 8), "inter2": (0, 8),
}
"""Inclusive bounds: coordinates in degrees, ACLED's precision codes 1-3 and actor types
0-8, a confidence between 0 and 1."""
INTEGERS = {*COUNTS, "geo_precision", "time_precision", "inter1", "inter2"}
TRUTH = {"true": True, "1": True, "yes": True, "on": True,
         "false": False, "0": False, "no": False, "off": False}


def value(name: str, raw: str) -> Any:
    """``raw`` as field ``name`` holds it; FieldValueError when it cannot."""
    if raw == "":
        return None
    check = _CHECKS.get(name)
    if check is not None:
        return check(name, raw)
    if name in INTEGERS or name in RANGES:
        return _number(name, raw)
    return raw


def _number(name: str, raw: str) -> int | float:
    kind = "a whole number" if name in INTEGERS else "a number"
    try:
        number: int | float = int(raw) if name in INTEGERS else float(raw)
    except ValueError:
        raise FieldValueError(f"{name} must be {kind}, not {raw!r}") from None
    if not math.isfinite(number):
        raise FieldValueError(f"{name} must be {kind}, not {raw!r}")
    low, high = RANGES.get(name, (0, math.inf))
    if not low <= number <= high:
        bounds = f"at least {low}" if high == math.inf else f"between {low} and {high}"
        raise FieldValueError(f"{name} must be {bounds}, not {raw!r}")
    return number


def _day(name: str, raw: str) -> str:
    text = raw.strip()
    try:
        if not ISO_DAY.fullmatch(text):
            raise ValueError
        date.fromisoformat(text)
    except ValueError:
        raise FieldValueError(f"{name} must be a day as YYYY-MM-DD, not {raw!r}") from None
    return text


def _named(table: Callable[[], Iterable[str]]) -> Callable[[str, str], str]:
    """A check that ``raw`` is one of the names ``table`` gives (any case or spacing),
    giving the table's spelling."""
    def check(name: str, raw: str) -> str:
        names = list(table())
        key = " ".join(raw.split()).casefold()
        for known in names:
            if known.casefold() == key:
                return known
        raise FieldValueError(f"{name} must be one of {', '.join(names)}; not {raw!r}")
    return check


def _truth(name: str, raw: str) -> bool:
    found = TRUTH.get(raw.strip().casefold())
    if found is None:
        raise FieldValueError(f"{name} must be true or false, not {raw!r}")
    return found


def _taxonomy() -> Any:
    from raqib.extract import taxonomy

    return taxonomy.load()  # read once, then cached there


_CHECKS: dict[str, Callable[[str, str], Any]] = {
    "event_date": _day,
    "event_type": _named(lambda: _taxonomy().event_types),
    "sub_event_type": _named(lambda: _taxonomy().sub_event_types),
    "disorder_type": _named(lambda: _taxonomy().disorder_types),
    "coarsen": _truth,
}
