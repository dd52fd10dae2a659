"""`raqib ingest`: bring evidence into the vault."""

from __future__ import annotations

import json
import sys
from urllib.parse import urlsplit

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from raqib.cli.app import Context, cli, pass_ctx
from raqib.ingest.inputs import STDIN, expand
from raqib.ingest.outcome import Outcome


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--source", help="Name of the source (publisher, channel, witness code).")
@click.option("--url", callback=lambda _ctx, _param, value: _checked_url(value),
              help="Where the document was found: an absolute URL (scheme://host/...), for "
                   "one document.")
@click.option("--sensitive", is_flag=True, help="Encrypt at rest; log only a salted commitment.")
@click.option("--json", "as_json", is_flag=True, help="One JSON line per document on stdout.")
@click.option("--process", "then_process", is_flag=True,
              help="Then extract and link what was ingested (as `raqib process`).")
@pass_ctx
def ingest(
    ctx: Context, paths: tuple[str, ...], source: str | None, url: str | None,
    sensitive: bool, as_json: bool, then_process: bool,
) -> None:
    """Store files, folders (recursively) or standard input ('-') in the vault.

    Exit 0 when every input was stored with its text; 2 when any was stored without text,
    failed, or could not be read. A checkpoint is signed at the end of the run.
    """
    if not paths:
        if sys.stdin.isatty():
            raise click.UsageError("give files or folders to ingest, or '-' for standard input")
        paths = (STDIN,)
    from raqib.ingest.service import Ingestor, Options  # heavy (parsers): load on use

    ws = ctx.workspace()
    ingestor = Ingestor(ws, Options(user=ctx.user, source=source, url=url, sensitive=sensitive))
    inputs = expand(list(paths))
    if url is not None and len(inputs) > 1:
        raise click.UsageError(f"--url says where one document was found, and {len(inputs)} "
                               "inputs were given: ingest them one at a time")
    err = Console(stderr=True)
    show_bar = err.is_terminal and not as_json
    results: list[Outcome] = []
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), console=err, disable=not show_bar, transient=True,
    ) as bar:
        task = bar.add_task("ingesting", total=len(inputs))
        for item in inputs:
            bar.update(task, description=_short(item.name))
            for result in ingestor.ingest(item):
                results.append(result)
                _report(result, as_json, err if show_bar else None)
            bar.advance(task)
    size = ingestor.checkpoint()
    _summary(results, size, as_json)
    code = 0 if all(r.complete for r in results) else 2
    if then_process:
        from raqib.cli.incidents import run_processing

        code = max(code, run_processing(ws))
    if code:
        raise SystemExit(code)


def _checked_url(value: str | None) -> str | None:
    """``--url`` as given when it is an absolute URL (a scheme, '://', a host; no spaces),
    else a one-line error naming it: a document's provenance is not free text."""
    if value is None:
        return None
    parts = urlsplit(value)  # the scheme comes back in lower case
    if not (parts.scheme and parts.netloc
            and value.lower().startswith(f"{parts.scheme}://")) or any(
            c.isspace() for c in value):
        raise click.BadParameter(f"{value!r} is not an absolute URL (scheme://host/...)",
                                 param_hint="--url")
    return value


def _short(name: str, width: int = 40) -> str:
    return name if len(name) <= width else "…" + name[-width + 1 :]


def _report(result: Outcome, as_json: bool, console: Console | None) -> None:
    if as_json:
        click.echo(json.dumps(result.as_json(), ensure_ascii=False))
    elif not result.complete or result.status != "new":
        message = f"raqib: {result.line()}"
        if console is not None:
            console.print(message, markup=False, highlight=False)
        else:
            click.echo(message, err=True)


def _summary(results: list[Outcome], checkpoint_size: int | None, as_json: bool) -> None:
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    signed = f"; signed checkpoint at size {checkpoint_size}" if checkpoint_size else ""
    click.echo(f"ingested {len(results)} document(s): {parts or 'nothing'}{signed}", err=True)
