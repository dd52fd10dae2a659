"""Server-mode commands: migrate (a laptop workspace to a PostgreSQL server)."""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy.engine import make_url

from raqib.cli.app import Context, cli, pass_ctx
from raqib.services import migrate as service


@cli.command()
@click.option("--to", "database_url", required=True, metavar="URL",
              help="The server database, empty: postgresql://USER@HOST:PORT/DB.")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@pass_ctx
def migrate(ctx: Context, database_url: str, directory: Path) -> None:
    """Copy this workspace to a new one in DIRECTORY whose database is on a server.

    Every row and every custody-log leaf is copied byte for byte, blobs and keys are copied
    into DIRECTORY/vault and DIRECTORY/keys, and the Merkle roots before and after are
    compared. The old workspace is only read. Exit 1 if anything differs."""
    ws = ctx.workspace()
    report = service.migrate(ws, database_url, directory)
    rows = sum(report.rows.values())
    click.echo(f"copied {rows} rows ({len(report.rows)} tables), {report.tree_size} log leaves, "
               f"{report.search_entries} search entries, {report.blobs} vault files")
    click.echo(f"root before: {report.root_before}")
    click.echo(f"root after:  {report.root_after}")
    click.echo(f"roots equal: the log was moved intact (size {report.tree_size})")
    shown = make_url(report.database_url).render_as_string(hide_password=True)
    click.echo(f"new workspace {report.target} on {shown}")
