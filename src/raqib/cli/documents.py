"""Reading what is in the vault: list, show, cat."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from raqib.cli.app import Context, cli, pass_ctx
from raqib.services import documents as service
from raqib.services import vault


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document.")
@pass_ctx
def list_documents(ctx: Context, as_json: bool) -> None:
    """A table of every document in the vault."""
    rows = service.summaries(ctx.workspace())
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} documents in the vault", show_lines=False)
    widths = {"title": 48, "publisher": 22, "kind": 14, "status": 19}
    for column in ("id", "in", "status", "kind", "title", "publisher", "published", "lang",
                   "size", "sha256"):
        table.add_column(column, no_wrap=True, overflow="ellipsis", max_width=widths.get(column))
    for row in rows:
        cells = (
            str(row["id"]), str(row["parent_id"] or ""), row["status"], row["kind"] or "",
            row["title"] or "", row["publisher"] or "", (row["published_at"] or "")[:16],
            row["language"] or "", _size(row["size"]), (row["sha256"] or "sealed")[:12],
        )
        table.add_row(*(Text(cell) for cell in cells))  # Text: no markup in titles
    console = Console()
    if not console.is_terminal:
        console = Console(width=170)
    console.print(table)


def _size(n: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return str(n)


@cli.command()
@click.argument("document")
@click.option("--json", "as_json", is_flag=True, help="Metadata and text as JSON.")
@click.option("--text/--no-text", default=True, help="Include the extracted text.")
@pass_ctx
def show(ctx: Context, document: str, as_json: bool, text: bool) -> None:
    """Metadata and extracted text of DOCUMENT (id or sha256 prefix)."""
    data = service.details(ctx.workspace(), document, ctx.user, with_text=text)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    body = data.pop("text", None)
    for key, value in data.items():
        if value not in (None, "", {}):
            click.echo(f"{key:>14}: {value}")
    if body:
        click.echo("")
        click.echo(body)


@cli.command()
@click.argument("document")
@click.option("--purpose", default="read", show_default=True, help="Recorded in the custody log.")
@pass_ctx
def cat(ctx: Context, document: str, purpose: str) -> None:
    """Write the original bytes of DOCUMENT to standard output (logged as a view)."""
    out = sys.stdout.buffer
    for chunk in vault.read_original(ctx.workspace(), document, ctx.user, purpose):
        out.write(chunk)
    out.flush()
