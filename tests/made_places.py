"""A village the project made up, in no shipped gazetteer, as one line of a GeoNames dump:
for tests of extra gazetteers (`raqib extract --gazetteer`, `raqib settings`)."""

from __future__ import annotations

VILLAGE = "Tall Zahra"


def village_line(name: str = VILLAGE, lat: float = 35.21, lon: float = 36.52) -> str:
    """One line of a GeoNames dump (19 tab-separated columns): a populated place in Hama."""
    fields = ["9900001", name, name, "", str(lat), str(lon), "P", "PPL", "SY", "", "10", "",
              "", "", "800", "", "", "Asia/Damascus", "2026-12-01"]
    return "\t".join(fields) + "\n"
