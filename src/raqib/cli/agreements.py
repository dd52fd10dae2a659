"""`raqib agreements …` and `raqib sources …`."""

from __future__ import annotations

import json

import click

from raqib.cli.app import Context, cli, pass_ctx


@cli.group()
def agreements() -> None:
    """Agreements (ceasefires, demilitarised zones) and their violations."""


@agreements.command("add")
@click.argument("file")
@pass_ctx
def add_agreement(ctx: Context, file: str) -> None:
    """Add (or replace) the agreement defined in FILE, or a shipped one by name."""
    from raqib.services import agreements as service
    from raqib.services.incidents import ensure_schema

    ws = ctx.workspace()
    ensure_schema(ws)
    agreement = service.add(ws, file, ctx.user)
    click.echo(f"agreement {agreement.name!r} stored: {agreement.title}")


@agreements.command("list")
@pass_ctx
def list_agreements(ctx: Context) -> None:
    """The agreements this workspace knows (its own and the shipped examples)."""
    from raqib.services import agreements as service
    from raqib.services.incidents import ensure_schema

    ws = ctx.workspace()
    ensure_schema(ws)
    for name, agreement in sorted(service.known(ws).items()):
        end = agreement.end.isoformat() if agreement.end else "open-ended"
        click.echo(f"{name}\t{agreement.start.isoformat()} to {end}\t{agreement.title}")


@agreements.command("violations")
@click.argument("name")
@click.option("--by", type=click.Choice(["actor", "month", "type"]),
              help="Count violations by actor, month or type instead of listing them.")
@click.option("--parties-only", is_flag=True, help="Only incidents involving a party.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_ctx
def list_violations(ctx: Context, name: str, by: str | None, parties_only: bool,
                    as_json: bool) -> None:
    """Incidents inside NAME's zone, in its period, of a kind it prohibits."""
    from raqib.incidents.agreements import summarise
    from raqib.services import agreements as service
    from raqib.services.incidents import ensure_schema

    ws = ctx.workspace()
    ensure_schema(ws)
    found = service.violations(ws, name, parties_only)
    if by:
        for key, incidents, killed in summarise(found, by):  # type: ignore[arg-type]
            if as_json:
                click.echo(json.dumps({by: key, "incidents": incidents, "fatalities": killed},
                                      ensure_ascii=False))
            else:
                click.echo(f"{key}\t{incidents} incidents\t{killed} killed (at least)")
        return
    for v in found:
        if as_json:
            click.echo(json.dumps(v.as_json(), ensure_ascii=False))
        else:
            click.echo(f"incident {v.incident_id}\t{v.event_date}\t{v.sub_event_type}\t"
                       f"{v.location}\t{v.actor1 or '?'}\tkilled {v.fatalities_min}")
    click.echo(f"{len(found)} violations of {name}", err=True)


@cli.group()
def sources() -> None:
    """Sources of documents: kind, side and reliability (Admiralty A–F)."""


@sources.command("list")
@pass_ctx
def list_sources(ctx: Context) -> None:
    """Every source seen in processed documents."""
    from raqib.services import sources as service

    for row in service.listing(ctx.workspace()):
        click.echo(f"{row['id']}\t{row['name']}\t{row['kind']}\t{row['side']}\t"
                   f"{row['reliability']}\t{'edited' if row['edited_by'] else ''}")


@sources.command("edit")
@click.argument("name")
@click.option("--kind", help="state media, opposition body, ngo, international media, …")
@click.option("--side", help="government, opposition, kurdish, international, neutral, unknown")
@click.option("--reliability", help="Admiralty rating A–F.")
@click.option("--reason", help="Why (recorded in the custody log).")
@pass_ctx
def edit_source(ctx: Context, name: str, kind: str | None, side: str | None,
                reliability: str | None, reason: str | None) -> None:
    """Edit a source; the change is logged and later recognition never overwrites it."""
    from raqib.services import sources as service

    after = service.edit(ctx.workspace(), name, ctx.user, kind=kind, side=side,
                         reliability=reliability, reason=reason)
    click.echo(f"{name}: {after}")
