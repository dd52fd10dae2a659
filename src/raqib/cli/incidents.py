"""`raqib process`, `raqib incidents …`, `raqib search`: from documents to incidents."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from raqib.cli.app import Context, cli, pass_ctx
from raqib.workspace import Workspace

SEARCH_LIMIT = 200
"""The incidents `raqib search` prints (the best first); it says when more match."""


def run_processing(ws: Workspace, again: bool = False, model: str | None = None,
                   cluster: str | None = None) -> int:
    """Extract pending documents and link their reports; print a summary; return exit code.

    ``cluster``: a Dask scheduler address, or ``local:N``, to extract on its workers."""
    from raqib.extract.pipeline import Pipeline
    from raqib.services import incidents, placing, processing

    times = placing.StepTimes()
    incidents.ensure_schema(ws)
    err = Console(stderr=True)
    options = ws.extract_options(model)
    todo = processing.pending(ws, again)
    pipeline = Pipeline(options) if todo and not cluster else None
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=err, disable=not err.is_terminal,
                  transient=True) as bar:
        times.progress = _bars(bar)
        if cluster:
            from raqib.cluster import dask_runner

            try:
                summary, linked = dask_runner.process(ws, cluster, options, again, times)
            except dask_runner.ClusterUnavailable as exc:
                raise click.ClickException(str(exc)) from exc
        else:
            summary = processing.process(ws, pipeline, again, todo=todo,
                                         progress=placing.step(times, "processing"))
            linked = placing.link_and_refresh(ws, summary.touched_incidents, times)
    for doc_id, message in summary.failed:
        click.echo(f"raqib: document {doc_id}: processing failed: {message}", err=True)
    click.echo(f"processed {summary.processed} documents ({len(summary.failed)} failed): "
               f"{summary.reports} reports, {summary.claims} claims; {linked.placed} reports "
               f"linked, {linked.new_incidents} new incidents, {linked.touched} updated")
    click.echo(took(times.seconds()))
    return 2 if summary.failed else 0


def took(seconds: dict[str, float]) -> str:
    """The line that says how long a run took and each of its steps, from
    ``placing.StepTimes.seconds``."""
    steps = [f"{name} {value:,.1f} s" for name, value in seconds.items() if name != "total"]
    told = f": {', '.join(steps)}" if len(steps) > 1 else ""
    return f"took {seconds['total']:,.1f} s{told}"


def _bars(bar: Progress) -> Callable[[str, int, int], None]:
    """A ``placing.Steps`` callback drawing one bar per step on ``bar``, each added when its
    step first reports."""
    tasks: dict[str, TaskID] = {}

    def advance(step: str, done: int, total: int) -> None:
        if step not in tasks:
            tasks[step] = bar.add_task(step, total=total)
        bar.update(tasks[step], completed=done, total=total)

    return advance


@cli.command()
@click.option("--again", is_flag=True,
              help="Re-extract documents already processed (keeps people's corrections).")
@click.option("--model", type=click.Path(dir_okay=False, exists=True),
              help="An event model made by `raqib train`.")
@click.option("--cluster", metavar="ADDRESS",
              help="Extract on a Dask cluster: a scheduler address (tcp://host:8786) or "
              "local:N for N local worker processes (needs the `cluster` extra).")
@pass_ctx
def process(ctx: Context, again: bool, model: str | None, cluster: str | None) -> None:
    """Extract events and claims from every document not yet processed, and link them into
    incidents. Exit 2 when a document failed (its error is recorded on it)."""
    if cluster:
        try:
            from raqib.cluster import dask_runner
        except ImportError as exc:
            raise click.UsageError(
                f"--cluster needs Dask ({exc}): pip install 'raqib[cluster]'") from exc
        try:
            dask_runner.parse_local(cluster)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--cluster") from exc
    code = run_processing(ctx.workspace(), again, model, cluster)
    if code:
        raise SystemExit(code)


@cli.group()
def incidents() -> None:
    """Incidents: one real-world event and every report of it."""


def _echo_table(rows: list[dict], title: str) -> None:
    table = Table(title=title)
    for column in ("id", "date", "type", "location", "killed", "grade", "contested", "docs"):
        table.add_column(column, overflow="ellipsis", max_width=40)
    for r in rows:
        killed = (f"{r['fatalities_min']}" if r["fatalities_min"] == r["fatalities_max"]
                  else f"{r['fatalities_min']}–{r['fatalities_max']}")
        table.add_row(*(Text(str(c)) for c in (
            r["id"], r["event_date"] or "?", r["sub_event_type"] or "", r["location"] or "",
            killed, r["grade"] or "", "yes" if r["contested"] else "",
            len(r["documents"]) + r["sensitive_documents"])))
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)
    console.print(table)


@incidents.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per incident.")
@pass_ctx
def list_incidents(ctx: Context, as_json: bool) -> None:
    """Every incident, oldest first."""
    from raqib.services import incidents as service

    ws = ctx.workspace()
    service.ensure_schema(ws)
    if as_json:  # printed as read, never all held
        for row in service.streamed_incidents(ws):
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        rows = service.list_incidents(ws)
        _echo_table(rows, f"{len(rows)} incidents")


@incidents.command("show")
@click.argument("incident_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="The whole record as JSON.")
@pass_ctx
def show_incident(ctx: Context, incident_id: int, as_json: bool) -> None:
    """An incident: reconciled fields, grade and reasons, reports by source, claims by side."""
    from raqib.cli.incident_view import render
    from raqib.services import incidents as service

    ws = ctx.workspace()
    service.ensure_schema(ws)
    data = service.details(ws, incident_id)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        render(data)


@incidents.command()
@click.argument("ids", nargs=-1, type=int, required=True)
@click.option("--reason", help="Why (recorded in the custody log).")
@pass_ctx
def merge(ctx: Context, ids: tuple[int, ...], reason: str | None) -> None:
    """Merge incidents: every report of the others moves into the first."""
    from raqib.services import reviews

    keep = reviews.merge(ctx.workspace(), list(ids), ctx.user, reason)
    click.echo(f"merged {len(ids) - 1} incident(s) into {keep}")


@incidents.command()
@click.argument("incident_id", type=int)
@click.argument("report_ids", nargs=-1, type=int, required=True)
@click.option("--reason", help="Why (recorded in the custody log).")
@pass_ctx
def split(ctx: Context, incident_id: int, report_ids: tuple[int, ...], reason: str | None) -> None:
    """Move REPORT_IDS out of INCIDENT_ID into a new incident."""
    from raqib.services import reviews

    new = reviews.split(ctx.workspace(), incident_id, list(report_ids), ctx.user, reason)
    click.echo(f"reports {', '.join(map(str, report_ids))} now form incident {new}")


@incidents.command()
@click.argument("target")
@click.option("--set", "changes", multiple=True, metavar="FIELD=VALUE",
              help="Correct a field (repeatable); an empty VALUE clears it.")
@click.option("--grade", help="Set the grade by hand (confirmed, fair, weak, contested, "
              "discounted); needs --reason.")
@click.option("--accept", is_flag=True, help="Record that TARGET was checked and is right.")
@click.option("--reason", help="Why (recorded in the custody log).")
@pass_ctx
def review(ctx: Context, target: str, changes: tuple[str, ...], grade: str | None,
           accept: bool, reason: str | None) -> None:
    """Review TARGET (an incident id, 'incident:N' or 'report:N'): correct, grade, accept.

    Every change is logged with before, after, reviewer and time; re-runs keep it."""
    from raqib.services import reviews

    ws = ctx.workspace()
    target = f"incident:{target}" if target.isdigit() else target
    if not (changes or grade or accept):
        for entry in reviews.history(ws, target):
            click.echo(json.dumps(entry, ensure_ascii=False))
        return
    for change in changes:
        name, sep, value = change.partition("=")
        if not sep:
            raise click.BadParameter(f"{change!r} is not FIELD=VALUE", param_hint="--set")
        done = reviews.correct(ws, target, name.strip(), value.strip(), ctx.user, reason)
        click.echo(f"{target}: {name.strip()} {done['before']!r} -> {done['after']!r}")
    if grade:
        kind, _, number = target.partition(":")
        if kind != "incident":
            raise click.BadParameter("grades are set on incidents", param_hint="--grade")
        reviews.set_grade(ws, int(number), grade, reason or "", ctx.user)
        click.echo(f"{target}: grade set to {grade}")
    if accept:
        reviews.accept(ws, target, ctx.user, reason)
        click.echo(f"{target}: accepted")


@cli.command()
@click.argument("words", nargs=-1)
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), help="From this day.")
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="Up to this day.")
@click.option("--near", help="A place name (from the gazetteer).")
@click.option("--km", type=float, default=25.0, show_default=True, help="Radius for --near.")
@click.option("--actor", help="Part of an actor's name.")
@click.option("--type", "kind", help="An event type or sub-event type.")
@click.option("--grade", help="confirmed, fair, weak, contested or discounted.")
@click.option("--contested/--uncontested", default=None, help="Only (un)contested incidents.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per incident.")
@pass_ctx
def search(ctx: Context, words: tuple[str, ...], date_from, date_to, near: str | None,
           km: float, actor: str | None, kind: str | None, grade: str | None,
           contested: bool | None, as_json: bool) -> None:
    """Incidents whose documents or reports contain WORDS, narrowed by the filters."""
    from raqib.services import finder
    from raqib.services import incidents as incident_service
    from raqib.services import search as service

    ws = ctx.workspace()
    incident_service.ensure_schema(ws)
    filters = service.Filters(
        date_from=_day(date_from), date_to=_day(date_to),
        near=service.locate(near) if near else None, km=km, actor=actor, type=kind,
        grade=grade, contested=contested,
    )
    found = finder.find(ws, finder.Query(" ".join(words), filters), 1, SEARCH_LIMIT,
                        with_facets=False)
    rows = found.rows
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    total = f"{found.total:,}{'+' if found.capped else ''}"
    _echo_table(rows, f"{len(rows)} incidents" if found.total == len(rows) and not found.capped
                else f"{len(rows)} of {total} incidents (the first {SEARCH_LIMIT})")
    for row in rows:
        if row.get("snippet"):
            click.echo(f"  {row['id']}: {row['snippet']}")


def _day(value) -> date | None:
    return value.date() if value else None
