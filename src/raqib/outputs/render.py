"""Rendering shared by case files and periodic reports: charts and maps as PNG images, and
PDF documents built from simple sections (Arabic shaped and right-to-left).

The API (used by ``raqib.outputs.cases`` and ``raqib.outputs.monthly``):

- ``Section(heading, paragraphs=[], table=None, images=[])``: one part of a document;
  ``table`` is ``(header, rows)`` of strings; ``images`` are PNG bytes.
- ``bar_chart(title, labels, series) -> bytes``: a PNG; ``series`` maps a legend name to one
  value per label (stacked bars).
- ``map_image(points, title="") -> bytes``: a PNG of points ``(lat, lon, size, label)`` on a
  plain background with the gazetteer's places for orientation (no tiles, offline).
- ``pdf(title, sections, subtitle="") -> bytes``: the PDF.
- ``html(title, sections, subtitle="") -> str``: one standalone HTML page (images inlined as
  ``data:`` URIs).

Output is deterministic: fixed sizes and dpi, no timestamps in the PNGs, and the PDF's
creation date comes from ``created`` (else ``$SOURCE_DATE_EPOCH``, else now). Charts use
matplotlib's Agg canvas on ``Figure`` objects (no pyplot state); matplotlib lays text out
with libraqm, so Arabic labels are shaped. The PDF uses the DejaVu Sans that matplotlib ships
and fpdf2's HarfBuzz shaping (uharfbuzz), which also orders right-to-left runs.
"""

from __future__ import annotations

import io
import math
import os
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

DPI = 150
CHART_SIZE = (8.0, 3.6)
"""Inches; at ``DPI`` a chart is 1200 x 540 pixels."""
MAP_SIZE = (8.0, 6.0)
PALETTE = ("#c0392b", "#2c7fb8", "#7f7f7f", "#e6a03c", "#2ca25f", "#8856a7", "#a6611a",
           "#1b9e77", "#d95f02", "#666666")
BACKGROUND = "#f6f3ec"
PNG_METADATA = {"Software": None}
"""No matplotlib version string in the PNG: the bytes depend on the data only."""

Point = tuple[float, float, float, str]
"""(latitude, longitude, size, label); marker area grows with ``size`` (0 still shows)."""


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    table: tuple[list[str], list[list[str]]] | None = None
    images: list[bytes] = field(default_factory=list)
    level: int = 1
    """1 a section, 2 a subsection (a smaller heading)."""


# -- charts ----------------------------------------------------------------------------------


def _figure(size: tuple[float, float]) -> Figure:
    figure = Figure(figsize=size, dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)  # the Agg canvas, explicitly: no backend switching, no pyplot
    return figure


def _png(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, metadata=PNG_METADATA)
    return out.getvalue()


def _short(label: str, width: int = 38) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def bar_chart(title: str, labels: Sequence[str], series: Mapping[str, Sequence[float]],
              *, colors: Mapping[str, str] | None = None) -> bytes:
    """Stacked bars, one bar per label, one colour per series (legend name -> values).

    Long labels or few bars give horizontal bars (read top to bottom in ``labels`` order);
    many short labels (days of a month) give vertical bars. ``colors`` may fix a series'
    colour. With no labels the chart says "no data".
    """
    figure = _figure(CHART_SIZE)
    axes = figure.add_subplot()
    axes.set_title(title, loc="left", fontsize=11)
    if not labels:
        axes.text(0.5, 0.5, "no data", ha="center", va="center", transform=axes.transAxes,
                  color="#777777")
        axes.set_axis_off()
        return _png(figure)
    horizontal = len(labels) <= 12 and max(len(str(x)) for x in labels) > 4
    positions = list(range(len(labels)))
    base = [0.0] * len(labels)
    for number, (name, values) in enumerate(series.items()):
        if len(values) != len(labels):
            raise ValueError(f"series {name!r} has {len(values)} values for {len(labels)} labels")
        color = (colors or {}).get(name, PALETTE[number % len(PALETTE)])
        heights = [float(v) for v in values]
        if horizontal:
            axes.barh(positions, heights, left=base, color=color, label=name, height=0.7)
        else:
            axes.bar(positions, heights, bottom=base, color=color, label=name, width=0.75)
        base = [b + h for b, h in zip(base, heights, strict=True)]
    _label_axes(axes, [_short(str(x)) for x in labels], horizontal, max(base, default=0))
    if len(series) > 1:
        axes.legend(fontsize=8, frameon=False, loc="best")
    return _png(figure)


def _label_axes(axes: Axes, labels: list[str], horizontal: bool, top: float) -> None:
    positions = list(range(len(labels)))
    value_axis = axes.xaxis if horizontal else axes.yaxis
    value_axis.set_major_locator(MaxNLocator(integer=True))
    if horizontal:
        axes.set_yticks(positions, labels, fontsize=8)
        axes.invert_yaxis()
        axes.set_xlim(0, max(top, 1) * 1.05)
    else:
        step = max(1, math.ceil(len(labels) / 31))
        axes.set_xticks(positions[::step], labels[::step], fontsize=7,
                        rotation=90 if max(len(x) for x in labels) > 3 else 0)
        axes.set_ylim(0, max(top, 1) * 1.1)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="x" if horizontal else "y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)


# -- maps ------------------------------------------------------------------------------------


Place = tuple[float, float, str, int]
"""(latitude, longitude, name, population) of a background place."""


def _bounds(points: Sequence[Point]) -> tuple[float, float, float, float]:
    """South, north, west, east around the points, padded and widened to the map's shape."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    middle_lat, middle_lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    scale = max(math.cos(math.radians(middle_lat)), 0.1)
    half_lat = max(0.6, (max(lats) - min(lats)) * 0.6)
    half_lon = max(0.8, (max(lons) - min(lons)) * 0.6)
    shape = (MAP_SIZE[0] - 1.0) / (MAP_SIZE[1] - 0.8)  # the axes' width / height, roughly
    half_lon = max(half_lon, half_lat * shape / scale)
    half_lat = max(half_lat, half_lon * scale / shape)
    return middle_lat - half_lat, middle_lat + half_lat, middle_lon - half_lon, \
        middle_lon + half_lon


def _merge(points: Sequence[Point]) -> list[Point]:
    """Points at the same spot become one, sizes added and labels joined."""
    merged: dict[tuple[float, float], tuple[float, list[str]]] = {}
    for lat, lon, size, label in points:
        key = (round(lat, 4), round(lon, 4))
        total, labels = merged.get(key, (0.0, []))
        merged[key] = (total + max(float(size), 0.0), [*labels, label] if label else labels)
    return [(lat, lon, size, _short(", ".join(labels), 40))
            for (lat, lon), (size, labels) in merged.items()]


def background_places(bounds: tuple[float, float, float, float], index: Path | None = None
                      ) -> tuple[list[Place], list[Place]]:
    """Towns (most populous first) and admin1 regions (centre of their towns) in ``bounds``,
    from the gazetteer index (the default one unless given); empty when it cannot be read."""
    south, north, west, east = bounds
    try:
        if index is None:
            from raqib.extract.gazetteer_index import ensure_default_index

            index = ensure_default_index()
        db = sqlite3.connect(f"file:{index}?mode=ro&immutable=1", uri=True)
    except (OSError, sqlite3.Error, ImportError):
        return [], []
    box = "latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?"
    try:
        towns = db.execute(f"SELECT latitude, longitude, name, population FROM places WHERE "
                           f"kind = 'town' AND {box} ORDER BY population DESC, name LIMIT 600",
                           (south, north, west, east)).fetchall()
        regions = db.execute(
            f"SELECT avg(latitude), avg(longitude), admin1, sum(population) FROM places "
            f"WHERE kind = 'town' AND admin1 != '' AND {box} GROUP BY country, admin1 "
            f"HAVING count(*) >= 3 ORDER BY sum(population) DESC, admin1 LIMIT 40",
            (south, north, west, east)).fetchall()
    except sqlite3.Error:
        return [], []
    finally:
        db.close()
    return [tuple(t) for t in towns], [tuple(r) for r in regions]  # type: ignore[misc]


def map_image(points: Sequence[Point], title: str = "", *,
              zones: Sequence[tuple[str, Sequence[tuple[float, float]]]] = (),
              index: Path | None = None) -> bytes:
    """A PNG map of ``points`` on a plain background: the gazetteer's towns as grey dots
    (the largest named) and its regions' names, for orientation. ``zones`` are outlines
    ``(label, [(lat, lon), ...])`` drawn dashed (an agreement's zone). No tiles, offline."""
    figure = _figure(MAP_SIZE)
    axes = figure.add_subplot()
    axes.set_facecolor(BACKGROUND)
    if title:
        axes.set_title(title, loc="left", fontsize=11)
    merged = _merge(points)
    if not merged:
        axes.text(0.5, 0.5, "no located incidents", ha="center", va="center",
                  transform=axes.transAxes, color="#777777")
        axes.set_xticks([])
        axes.set_yticks([])
        return _png(figure)
    south, north, west, east = _bounds(merged)
    _draw_background(axes, (south, north, west, east), index)
    for label, outline in zones:
        lats = [p[0] for p in outline]
        lons = [p[1] for p in outline]
        axes.plot(lons, lats, color="#8856a7", linestyle="--", linewidth=1.0, label=label)
    _draw_points(axes, merged)
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect(1 / max(math.cos(math.radians((south + north) / 2)), 0.1))
    axes.tick_params(labelsize=7)
    axes.xaxis.set_major_formatter(lambda v, _: f"{v:g}°E" if v >= 0 else f"{-v:g}°W")
    axes.yaxis.set_major_formatter(lambda v, _: f"{v:g}°N" if v >= 0 else f"{-v:g}°S")
    if zones:
        axes.legend(fontsize=7, loc="lower right")
    return _png(figure)


def _draw_background(axes: Axes, bounds: tuple[float, float, float, float],
                     index: Path | None) -> None:
    towns, regions = background_places(bounds, index)
    if towns:
        axes.scatter([t[1] for t in towns], [t[0] for t in towns], s=2, color="#c9c2b3",
                     linewidths=0, zorder=1)
    for lat, lon, name, _ in regions:
        axes.text(lon, lat, name.upper(), fontsize=8, color="#b3a88f", ha="center",
                  va="center", zorder=1, clip_on=True)
    south, north, west, east = bounds
    height, width = north - south, east - west
    inner = [t for t in towns if south + 0.04 * height < t[0] < north - 0.05 * height
             and west < t[1] < east - 0.12 * width]
    for lat, lon, name, _ in inner[:12]:
        axes.scatter([lon], [lat], s=8, color="#6b6355", zorder=2)
        axes.annotate(name, (lon, lat), xytext=(3, -8), textcoords="offset points", fontsize=7,
                      color="#4d473d", zorder=2, annotation_clip=True)


def _draw_points(axes: Axes, points: Sequence[Point]) -> None:
    axes.scatter([p[1] for p in points], [p[0] for p in points],
                 s=[40 + 60 * math.sqrt(p[2]) for p in points], color="#c0392b", alpha=0.6,
                 edgecolors="#7a1f16", linewidths=0.8, zorder=3)
    for lat, lon, _, label in points:
        if label:
            axes.annotate(label, (lon, lat), xytext=(6, 5), textcoords="offset points",
                          fontsize=8, color="#7a1f16", fontweight="bold", zorder=4)


# -- PDF -------------------------------------------------------------------------------------


def font_path(bold: bool = False) -> Path:
    """DejaVu Sans as matplotlib ships it (Latin, Greek, Cyrillic and Arabic glyphs)."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name


def creation_date(created: datetime | None = None) -> datetime:
    """``created``, else ``$SOURCE_DATE_EPOCH`` (reproducible builds), else now (UTC)."""
    if created is not None:
        return created if created.tzinfo else created.replace(tzinfo=UTC)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def pdf(title: str, sections: Sequence[Section], subtitle: str = "", *,
        created: datetime | None = None) -> bytes:
    """An A4 PDF: the title page head, then each section's heading, paragraphs, table and
    images; page numbers in the footer. Same input and ``created``, same bytes."""
    from raqib.outputs.report_pdf import Document

    document = Document(title, creation_date(created))
    document.title_block(title, subtitle)
    for section in sections:
        document.section(section)
    return bytes(document.output())


# -- HTML ------------------------------------------------------------------------------------


def html(title: str, sections: Sequence[Section], subtitle: str = "") -> str:
    """One standalone HTML page (UTF-8): images inlined as ``data:image/png;base64`` URIs,
    text escaped, ``dir="auto"`` on text so Arabic reads right to left."""
    import base64

    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("raqib.outputs", "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["data_uri"] = lambda png: "data:image/png;base64," + base64.b64encode(
        png).decode("ascii")
    return env.get_template("report.html").render(title=title, subtitle=subtitle,
                                                  sections=sections)
