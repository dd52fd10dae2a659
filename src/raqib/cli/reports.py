"""`raqib report …`: periodic reports (monthly) as HTML or PDF."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from raqib.cli.app import Context, cli, pass_ctx


@cli.group()
def report() -> None:
    """Periodic reports: counts, charts, a map, serious and contested incidents."""


@report.command("monthly")
@click.option("--month", required=True, metavar="YYYY-MM", help="The calendar month, e.g. 2018-11.")
@click.option("--agreement", metavar="NAME",
              help="Add a section on violations of this agreement (e.g. idlib-2018).")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf"]), default="html",
              show_default=True, help="HTML (one standalone file) or PDF.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the report here (default: HTML to standard output; PDF needs it).")
@pass_ctx
def monthly(ctx: Context, month: str, agreement: str | None, fmt: str, out: Path | None) -> None:
    """The month's incidents and victims by type, actor, governorate and day, a map, the most
    serious and the contested incidents, agreement violations, and the methodology."""
    from raqib.outputs.monthly import ReportError, parse_month, report

    if fmt == "pdf" and out is None:
        raise ReportError("--format pdf needs --out FILE")
    parse_month(month)
    made = report(ctx.workspace(), month, agreement, fmt)  # type: ignore[arg-type]
    data = made.encode("utf-8") if isinstance(made, str) else made
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    out.write_bytes(data)
    click.echo(f"wrote {out} ({len(data)} bytes)", err=True)
