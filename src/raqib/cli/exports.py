"""`raqib export …` and `raqib import acled`: data out of Raqib and ACLED data into it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from raqib.cli.app import Context, cli, pass_ctx


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The search filters (`raqib search`), for every export."""
    options = [
        click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]),
                     help="From this day."),
        click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]),
                     help="Up to this day."),
        click.option("--type", "kind", help="An event type or sub-event type."),
        click.option("--grade", help="confirmed, fair, weak, contested or discounted."),
        click.option("--contested/--uncontested", default=None,
                     help="Only (un)contested incidents."),
        click.option("--near", help="A place name (from the gazetteer)."),
        click.option("--km", type=float, default=25.0, show_default=True,
                     help="Radius for --near."),
        click.option("--actor", help="Part of an actor's name."),
        click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write to FILE (default: standard output)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filters(date_from: datetime | None, date_to: datetime | None, kind: str | None,
             grade: str | None, contested: bool | None, near: str | None, km: float,
             actor: str | None) -> Any:
    from raqib.services.search import Filters, locate

    def day(value: datetime | None) -> date | None:
        return value.date() if value else None

    return Filters(date_from=day(date_from), date_to=day(date_to),
                   near=locate(near) if near else None, km=km, actor=actor, type=kind,
                   grade=grade, contested=contested)


def _run(ctx: Context, fmt: str, out: Path | None, options: dict[str, Any],
         public: bool = False, coarsen_all: bool = False) -> None:
    """Write the export as it is made: to standard output, or to ``out`` through a partial
    file beside it, renamed when whole (an export that fails leaves no half file)."""
    from raqib.outputs.exports import export

    ws, filters = ctx.workspace(), _filters(**options)
    if out is None:
        export(ws, fmt, filters, ctx.user, sys.stdout, public, coarsen_all)
        return
    partial = out.with_name(f".{out.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            export(ws, fmt, filters, ctx.user, handle, public, coarsen_all)
        partial.replace(out)
    except OSError as exc:  # named as the user wrote it, not as the partial file
        raise OSError(exc.errno, exc.strerror, str(out)) from None
    finally:
        partial.unlink(missing_ok=True)


@cli.group("export")
def export_group() -> None:
    """Incidents out: ACLED CSV, GeoJSON, JSON lines, and a public version of each."""


@export_group.command("acled")
@filter_options
@pass_ctx
def export_acled(ctx: Context, out: Path | None, **options: Any) -> None:
    """The ACLED export columns in codebook order (dates as YYYY-MM-DD); imported rows as
    they were read, unless a reviewer corrected them."""
    _run(ctx, "acled", out, options)


@export_group.command("geojson")
@filter_options
@pass_ctx
def export_geojson(ctx: Context, out: Path | None, **options: Any) -> None:
    """A GeoJSON FeatureCollection of the incidents that have coordinates."""
    _run(ctx, "geojson", out, options)


@export_group.command("jsonl")
@filter_options
@pass_ctx
def export_jsonl(ctx: Context, out: Path | None, **options: Any) -> None:
    """One incident a line: fields, grade and reasons, reports, claims and provenance."""
    _run(ctx, "jsonl", out, options)


@export_group.command("public")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "geojson", "acled"]),
              default="jsonl", show_default=True)
@click.option("--coarsen-all", is_flag=True,
              help="Coarsen every incident's coordinates, not only those marked.")
@filter_options
@pass_ctx
def export_public(ctx: Context, fmt: str, coarsen_all: bool, out: Path | None,
                  **options: Any) -> None:
    """For publication: no sensitive document or anything from one, witnesses named
    'witness', coordinates coarsened (0.1°, geo_precision ≥ 2) where marked."""
    _run(ctx, fmt, out, options, public=True, coarsen_all=coarsen_all)


@export_group.command("coarsen")
@click.argument("ids", nargs=-1, type=int, required=True)
@click.option("--off", is_flag=True, help="Remove the mark.")
@click.option("--reason", help="Why (recorded in the custody log).")
@pass_ctx
def export_coarsen(ctx: Context, ids: tuple[int, ...], off: bool, reason: str | None) -> None:
    """Mark incidents whose coordinates public exports coarsen (a logged review)."""
    from raqib.outputs.exports import mark_coarse

    mark_coarse(ctx.workspace(), list(ids), not off, ctx.user, reason)
    state = "no longer coarsened" if off else "coarsened in public exports"
    click.echo(f"incident(s) {', '.join(map(str, ids))}: {state}")


@cli.group("import")
def import_group() -> None:
    """Data into Raqib from other systems."""


@import_group.command("acled")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_ctx
def import_acled(ctx: Context, file: Path) -> None:
    """Rows of an ACLED export (current or older columns, any encoding) become incidents;
    importing again updates, never duplicates (keyed on event_id_cnty). A row that cannot
    be read is named (file and line) and skipped; exit 2 then."""
    from raqib.outputs.acled_import import import_acled as run_import

    summary = run_import(ctx.workspace(), file, ctx.user)
    for line, why in summary.unreadable:
        click.echo(f"raqib: {file}:{line}: cannot read the row: {why}", err=True)
    for line, empty in summary.incomplete:
        click.echo(f"raqib: {file}:{line}: warning: incomplete row (no {', '.join(empty)}); "
                   "imported as it stands", err=True)
    click.echo(f"imported {file.name}: {summary.rows} rows: {summary.new} new incidents, "
               f"{summary.updated} updated, {summary.unchanged} unchanged, "
               f"{len(summary.unreadable)} unreadable (custody leaf {summary.leaf})")
    if summary.unreadable:
        raise SystemExit(2)
