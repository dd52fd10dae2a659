"""Incident linking at scale: `link_all` time at 10,000, 100,000 and 1,000,000 reports, and the
growth exponent fitted to those measurements (a 1M estimate only when 1M is not measured).

Synthetic reports (deterministic random): incidents spread over a Syria-like box (latitude
32-37, longitude 35-42; a quarter of them crowded into a few hot-spot cities), over three
years, each told by 1-5 reports with jittered coordinates, dates, precisions, types, actors
and words. Sizes: RAQIB_BENCH_LINK_SIZES="10000,100000,1000000". Pairwise F1 against the
synthetic truth is a sanity check that the fast path still links what it should. Last, the
memory of one pass by date at the largest size, forgetting or keeping what the pass left
behind (``benchmarks.linking_memory``).
"""

from __future__ import annotations

import itertools
import math
import os
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from benchmarks.linking_memory import memory_rows
from raqib.incidents.linking import link_all
from raqib.incidents.records import ReportView, SourceInfo

SIZES = (10_000, 100_000, 1_000_000)
START = date(2017, 1, 1)
DAYS = 3 * 365
HOT_SPOTS = [(36.20, 37.15), (35.93, 36.63), (33.51, 36.29), (34.73, 36.71), (35.13, 36.76),
             (35.33, 40.14), (36.53, 40.74), (35.52, 35.79)]
TYPES = [
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 30),
    ("Explosions/Remote violence", "Air/drone strike", 25),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 8),
    ("Battles", "Armed clash", 20),
    ("Violence against civilians", "Attack", 8),
    ("Protests", "Peaceful protest", 5),
    ("Strategic developments", "Arrests", 4),
]
ACTORS = ["Military Forces of Syria (2000-)", "Military Forces of Russia (2000-)",
          "Hayat Tahrir al-Sham", "Islamic State (Syria)", "Syrian Democratic Forces",
          "Military Forces of Turkey (2016-)", "National Liberation Front",
          "Hezbollah", "Syrian National Army", "Jaysh al-Izza"]
SOURCES = [SourceInfo("SANA", "state media", "government"),
           SourceInfo("SNHR", "ngo", "opposition"),
           SourceInfo("SOHR", "ngo", "opposition"),
           SourceInfo("Reuters", "international media", "international")]


@dataclass(frozen=True)
class _Incident:
    lat: float
    lon: float
    day: int
    kind: tuple[str, str]
    actor: str
    story: list[str]


def _vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    syllables = ["ka", "ra", "bi", "sh", "mu", "tal", "dar", "zen", "qu", "al", "om", "nab",
                 "ri", "fa", "hel", "sal", "ji", "mar", "tu", "ba", "wa", "ha", "dim", "lo"]
    seen: dict[str, None] = {}
    while len(seen) < size:
        seen["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))] = None
    return list(seen)


def _incident(
    rng: random.Random, vocab: list[str], weights: list[float], days: int = DAYS
) -> _Incident:
    """One true event in ``days`` days; ``weights`` are the cumulative weights of ``vocab``."""
    if rng.random() < 0.25:
        lat, lon = rng.choice(HOT_SPOTS)
        lat, lon = lat + rng.gauss(0, 0.03), lon + rng.gauss(0, 0.03)
    else:
        lat, lon = rng.uniform(32, 37), rng.uniform(35, 42)
    kind = rng.choices([t[:2] for t in TYPES], [t[2] for t in TYPES])[0]
    story = rng.choices(vocab, cum_weights=weights, k=18)
    return _Incident(lat, lon, rng.randrange(days), kind, rng.choice(ACTORS), story)


def _report(
    rng: random.Random, rid: int, inc: _Incident, vocab: list[str], weights: list[float]
) -> ReportView:
    geo = rng.choices([1, 2, 3], [80, 15, 5])[0]
    jitter = {1: 2.0, 2: 7.0, 3: 20.0}[geo] / 111.0
    lat, lon = inc.lat + rng.uniform(-jitter, jitter), inc.lon + rng.uniform(-jitter, jitter)
    roll = rng.random()
    day, precision = inc.day, 1
    if roll < 0.10:
        day += 1  # told the next day
    elif roll < 0.15:
        day, precision = inc.day + rng.randint(-3, 3), 2
    words = [w if rng.random() > 0.3 else rng.choices(vocab, cum_weights=weights)[0]
             for w in inc.story]
    sub = inc.kind
    if rng.random() < 0.15:
        sub = rng.choice([t[:2] for t in TYPES if t[0] == inc.kind[0]])
    admin1 = f"gov{int(inc.lat)}{int(inc.lon)}"
    no_coords, undated = rng.random() < 0.04, rng.random() < 0.02
    return ReportView(
        id=rid, document=f"d{rid}", source=rng.choice(SOURCES), event_type=sub[0],
        sub_event_type=sub[1],
        event_date=None if undated else START + timedelta(days=day), time_precision=precision,
        latitude=None if no_coords else lat, longitude=None if no_coords else lon,
        geo_precision=geo, country="Syria", admin1=admin1,
        actor1=inc.actor if rng.random() < 0.7 else rng.choice(["", *ACTORS]),
        actor2="Civilians (Syria)" if rng.random() < 0.5 else "",
        fatalities=rng.randint(0, 12),
        text=" ".join(inc.story if undated else words),
    )


def synthetic(
    size: int, seed: int = 7, days: int = DAYS
) -> tuple[list[ReportView], list[int]]:
    """``size`` reports over ``days`` days and, for each, the number of the incident it truly
    reports."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    # a Zipf-like vocabulary, as cumulative weights for random.choices
    weights = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(vocab))))
    reports: list[ReportView] = []
    truth: list[int] = []
    number = 0
    while len(reports) < size:
        inc = _incident(rng, vocab, weights, days)
        for _ in range(min(rng.randint(1, 5), size - len(reports))):
            reports.append(_report(rng, len(reports) + 1, inc, vocab, weights))
            truth.append(number)
        number += 1
    return reports, truth


def pairwise_scores(predicted: list[int], truth: list[int]) -> tuple[float, float, float]:
    """Precision, recall and F1 over the pairs of reports put (or truly) in one incident."""
    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(predicted, truth, strict=True)))
    linked, true = pairs(Counter(predicted)), pairs(Counter(truth))
    precision = both / linked if linked else 1.0
    recall = both / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def growth_exponent(sizes: list[int], seconds: list[float]) -> tuple[float, float]:
    """Slope and intercept of the least-squares line through (log size, log seconds)."""
    xs, ys = [math.log(n) for n in sizes], [math.log(t) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs)
    return slope, my - slope * mx


def _sizes() -> list[int]:
    raw = os.environ.get("RAQIB_BENCH_LINK_SIZES")
    return [int(s) for s in raw.split(",")] if raw else list(SIZES)


def _series(label: str, sizes: list[int], days_for: Callable[[int], int]) -> list[str]:
    rows: list[str] = []
    seconds: list[float] = []
    for size in sizes:
        reports, truth = synthetic(size, days=days_for(size))
        started = time.perf_counter()
        placed = link_all(reports)
        elapsed = time.perf_counter() - started
        seconds.append(elapsed)
        precision, recall, f1 = pairwise_scores([placed[r.id] for r in reports], truth)
        rows.append(
            f"| `link_all`, {size:,} synthetic reports over {days_for(size):,} days ({label}; "
            f"{len(set(truth)):,} true incidents, {len(set(placed.values())):,} found) | "
            f"{elapsed:,.1f} s, {size / elapsed:,.0f} reports/s | pairwise F1 vs synthetic "
            f"truth **{f1:.3f}** (P {precision:.3f}, R {recall:.3f}) | |"
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if len(sizes) >= 2:
        slope, intercept = growth_exponent(sizes, seconds)
        rows.append(
            f"| growth of `link_all` time ({label}), log-log fit over the measured "
            f"{', '.join(f'{s:,}' for s in sizes)} | exponent **{slope:.2f}** | | "
            f"target <= 1.2 |")
        if 1_000_000 not in sizes:
            million = math.exp(intercept) * 1e6**slope
            rows.append(
                f"| `link_all`, 1,000,000 reports ({label}), extrapolated, not measured | "
                f"{million:,.0f} s ({million / 60:,.1f} min) | | |")
    rows.append(f"| peak memory of the linking benchmark so far ({label}) | "
                f"peak RSS {peak_mb:,.0f} MB | | |")
    return rows


def bench_linking() -> list[str]:
    """Two series: an archive that grows with time (the period grows with the count, so
    reports per day and place stay as they are: what blocking must keep linear) and a fixed
    three-year window filling up (more true neighbours per report: the worst case)."""
    sizes = _sizes()
    def spread(n: int) -> int:
        return max(30, DAYS * n // 100_000)

    growing = _series("growing archive, constant density", sizes, spread)
    fixed = _series("fixed 3-year window, density grows", sizes, lambda n: DAYS)
    return growing + fixed + memory_rows(max(sizes), spread(max(sizes)))


if __name__ == "__main__":
    sys.stdout.write("\n".join(bench_linking()) + "\n")
