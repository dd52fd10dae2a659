"""Workspace and vault commands: init, checkpoint, verify, proof, verify-proof, key."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import click

from raqib.cli.app import Context, cli, pass_ctx
from raqib.errors import ProofError, RaqibError
from raqib.services import vault as service
from raqib.vault.proof import verify_bundle
from raqib.workspace import Workspace


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option("--database", help="Database URL (default: SQLite inside the workspace).")
def init(directory: Path, database: str | None) -> None:
    """Create a workspace: database, vault and a new Ed25519 signing key."""
    ws = Workspace.create(directory, database)
    click.echo(f"created workspace {ws.root}")
    click.echo(f"log origin: {ws.config.origin}")
    click.echo(f"public key: {ws.public_key_text()}")


@cli.command()
@click.option("--export", "export_to", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write the latest signed checkpoint to FILE, for an outside witness.")
@pass_ctx
def checkpoint(ctx: Context, export_to: Path | None) -> None:
    """Sign a checkpoint over the custody log (verifying the log first)."""
    ws = ctx.workspace()
    cp, fresh = service.checkpoint(ws, ctx.user)
    state = "signed" if fresh else "unchanged since"
    click.echo(f"{state} checkpoint: size {cp.tree_size}, root {bytes(cp.root_hash).hex()}")
    if export_to is not None:
        _write(export_to, cp.note)
        click.echo(f"exported to {export_to}")


@cli.command()
@click.option("--against", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="A checkpoint exported earlier: prove the log only grew since.")
@pass_ctx
def verify(ctx: Context, against: Path | None) -> None:
    """Re-hash every blob, recompute the tree, check every checkpoint. Exit 1 on any problem."""
    ws = ctx.workspace()
    started = time.perf_counter()
    report = service.verify(ws, _read_text(against) if against else None)
    for line in report.notes:
        click.echo(f"note: {line}", err=True)
    for line in report.problems:
        click.echo(f"PROBLEM: {line}")
    seconds = time.perf_counter() - started
    summary = (
        f"{report.documents} documents ({report.bytes_hashed / 1e6:.1f} MB re-hashed in "
        f"{report.hash_seconds:.2f}s), {report.leaves} log leaves, "
        f"{report.checkpoints} checkpoints in {seconds:.2f}s"
    )
    if report.ok:
        click.echo(f"verified: intact: {summary}")
    else:
        click.echo(f"verify FAILED: {len(report.problems)} problem(s): {summary}")
        raise SystemExit(1)


@cli.command()
@click.argument("document")
@click.option("-o", "--out", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the bundle to FILE instead of standard output.")
@pass_ctx
def proof(ctx: Context, document: str, out: Path | None) -> None:
    """Print a self-contained proof bundle for DOCUMENT (id or sha256 prefix)."""
    bundle = service.proof(ctx.workspace(), document, ctx.user)
    text = json.dumps(bundle, indent=2, ensure_ascii=False) + "\n"
    if out is None:
        click.echo(text, nl=False)
    else:
        _write(out, text)


@cli.command("verify-proof")
@click.argument("bundle", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--original", type=click.Path(path_type=Path, dir_okay=False),
              help="The original file: check that its bytes are the ones proven.")
@click.option("--key", help="Pin the signer: a verifier key text, or a file holding it.")
def verify_proof(bundle: Path, original: Path | None, key: str | None) -> None:
    """Check a proof bundle without any workspace. Exit 0 only if every check passes."""
    try:
        data = json.loads(_read_text(bundle))
    except ValueError as exc:
        raise ProofError(f"{bundle}: not a proof bundle ({exc})") from exc
    if key is not None and Path(key).is_file():
        key = _read_text(Path(key)).strip()
    checks = verify_bundle(data, original, key)
    for check in checks:
        click.echo(f"{'ok  ' if check.ok else 'FAIL'} {check.name}: {check.detail}")
    if not all(c.ok for c in checks):
        raise SystemExit(1)
    click.echo("proof verified")


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RaqibError(f"{path}: cannot read it as text ({exc})") from exc


def _write(path: Path, text: str) -> None:
    """Write a file whole or not at all (temporary file, then rename)."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise RaqibError(f"cannot write {path}: {exc.strerror or exc}") from exc


@cli.group()
def key() -> None:
    """The workspace's signing key."""


@key.command("export")
@pass_ctx
def key_export(ctx: Context) -> None:
    """Print the public verifier key (give it to whoever checks your checkpoints)."""
    click.echo(ctx.workspace().public_key_text())




@cli.command("log")
@click.argument("document", required=False)
@click.option("-n", "--last", type=click.IntRange(min=1), help="Only the last N entries.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per entry.")
@pass_ctx
def log_(ctx: Context, document: str | None, last: int | None, as_json: bool) -> None:
    """The custody log: every action on evidence, or on one DOCUMENT."""
    for record in service.trail(ctx.workspace(), document, last):
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
            continue
        details = " ".join(f"{k}={v}" for k, v in sorted(record["details"].items()))
        click.echo(
            f"{record['index']:>6}  {record['time']}  {record['user']:<12} "
            f"{record['action']:<10} {record['object'][:40]}  {details}".rstrip()
        )
