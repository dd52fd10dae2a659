"""`raqib case create|list|show|export|keygen` and `raqib verify-case`."""

from __future__ import annotations

import base64
import json
import os
from datetime import datetime
from pathlib import Path

import click

from raqib.cli.app import Context, cli, pass_ctx
from raqib.errors import RaqibError

SHOWN = 20
"""Ids `raqib case create` prints (a case of 2,145 incidents printed every id)."""


@cli.group()
def case() -> None:
    """Case files: a frozen set of incidents, exported as a bundle anyone can verify."""


@case.command("create")
@click.argument("name")
@click.argument("incident_ids", nargs=-1, type=int)
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), help="From this day.")
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="Up to this day.")
@click.option("--type", "kind", help="An event type or sub-event type.")
@click.option("--grade", help="confirmed, fair, weak, contested or discounted.")
@click.option("--contested/--uncontested", default=None, help="Only (un)contested incidents.")
@click.option("--near", help="A place name (from the gazetteer).")
@click.option("--km", type=float, default=25.0, show_default=True, help="Radius for --near.")
@click.option("--actor", help="Part of an actor's name.")
@pass_ctx
def create_case(ctx: Context, name: str, incident_ids: tuple[int, ...],
                date_from: datetime | None, date_to: datetime | None, kind: str | None,
                grade: str | None, contested: bool | None, near: str | None, km: float,
                actor: str | None) -> None:
    """Create case NAME from INCIDENT_IDS and/or the filters (with neither: every incident).

    The chosen incident ids are frozen in the case and its creation is logged."""
    from raqib.outputs import cases
    from raqib.services import search
    from raqib.services.incidents import ensure_schema

    ws = ctx.workspace()
    ensure_schema(ws)
    filters = None
    if any(v is not None for v in (date_from, date_to, kind, grade, contested, near, actor)):
        filters = search.Filters(
            date_from=date_from.date() if date_from else None,
            date_to=date_to.date() if date_to else None,
            near=search.locate(near) if near else None, km=km, actor=actor, type=kind,
            grade=grade, contested=contested)
    made = cases.create(ws, name, ctx.user, filters, incident_ids, near)
    shown = ", ".join(map(str, made.incidents[:SHOWN]))
    more = len(made.incidents) - SHOWN
    click.echo(f"case {made.name!r} created with {len(made.incidents)} incident(s): {shown}"
               + (f" and {more} more (raqib case show {made.name})" if more > 0 else ""))


@case.command("list")
@pass_ctx
def list_cases(ctx: Context) -> None:
    """Every case in the workspace."""
    from raqib.outputs import cases

    for item in cases.list_cases(ctx.workspace()):
        click.echo(f"{item.name}\t{len(item.incidents)} incidents\t{item.created_at}\t"
                   f"{item.created_by}")


@case.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="The case definition as JSON.")
@pass_ctx
def show_case(ctx: Context, name: str, as_json: bool) -> None:
    """Case NAME: how it was made and its incidents (checked against the custody log)."""
    from raqib.outputs import cases
    from raqib.services.incidents import list_incidents

    ws = ctx.workspace()
    item = cases.load(ws, name)
    if as_json:
        click.echo(json.dumps(item.as_json(), ensure_ascii=False, indent=2))
        return
    click.echo(f"case {item.name}: created {item.created_at} by {item.created_by}")
    click.echo(f"selection: {json.dumps(item.selection, ensure_ascii=False)}")
    live = {row["id"]: row for row in list_incidents(ws, item.incidents)}
    for incident_id in item.incidents:
        row = live.get(incident_id)
        if row is None:
            click.echo(f"  {incident_id}: merged away or emptied since")
            continue
        click.echo(f"  {incident_id}: {row['event_date'] or '?'}  {row['sub_event_type'] or ''}"
                   f"  {row['location'] or ''}  grade {row['grade'] or '-'}"
                   f"{'  contested' if row['contested'] else ''}")


@case.command("export")
@click.argument("name")
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--include-sensitive", is_flag=True,
              help="Include sensitive originals, sealed for --recipient.")
@click.option("--recipient", help="The recipient's Curve25519 public key: base64, or a file.")
@pass_ctx
def export_case(ctx: Context, name: str, target: Path, include_sensitive: bool,
                recipient: str | None) -> None:
    """Export case NAME to TARGET: a new folder, or a zip when TARGET ends in .zip."""
    from raqib.outputs import case_export

    key = case_export.load_recipient_key(recipient) if recipient else None
    result = case_export.export(ctx.workspace(), name, target, ctx.user, include_sensitive,
                                key)
    click.echo(f"exported case {name!r} to {result.target}: {result.files} files, "
               f"{result.evidence} evidence file(s) ({result.sealed} sealed, "
               f"{result.withheld} sensitive withheld), checkpoint size "
               f"{result.checkpoint_size}, manifest sha256 {result.manifest_sha256}")
    if not result.pdf:
        click.echo("note: case.pdf not written: the PDF renderer is not available", err=True)


@case.command("keygen")
@click.argument("prefix", type=click.Path(path_type=Path, dir_okay=False))
def keygen(prefix: Path) -> None:
    """Make a recipient key pair: PREFIX.key (private, keep it) and PREFIX.pub (give it)."""
    from nacl.public import PrivateKey

    secret = PrivateKey.generate()
    private, public = prefix.with_name(prefix.name + ".key"), prefix.with_name(prefix.name + ".pub")
    try:
        fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise RaqibError(f"{private} already exists") from None
    with os.fdopen(fd, "w") as handle:
        handle.write(base64.b64encode(bytes(secret)).decode("ascii") + "\n")
    public.write_text(base64.b64encode(bytes(secret.public_key)).decode("ascii") + "\n")
    click.echo(f"private key: {private} (keep it secret)\npublic key: {public}")


@cli.command("verify-case")
@click.argument("path", type=click.Path(path_type=Path, exists=True))
@click.option("--key", help="Pin the signer: a verifier key obtained out of band, or a file.")
@click.option("--recipient-key", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="The recipient's private key: also check sealed evidence and proofs.")
def verify_case(path: Path, key: str | None, recipient_key: Path | None) -> None:
    """Check a case bundle (folder or zip) without any workspace. Exit 0 only if intact;
    otherwise one line per problem, naming the file."""
    from raqib.outputs.case_check import verify_case as check

    if key is not None and Path(key).is_file():
        key = Path(key).read_text(encoding="utf-8").strip()
    secret = _secret(recipient_key) if recipient_key else None
    report = check(path, key, secret)
    for line in report.notes:
        click.echo(f"note: {line}", err=True)
    for line in report.problems:
        click.echo(f"PROBLEM: {line}")
    if not report.ok:
        click.echo(f"case bundle FAILED: {len(report.problems)} problem(s)")
        raise SystemExit(1)
    click.echo("case bundle verified: intact")


def _secret(path: Path) -> bytes:
    data = path.read_bytes()
    if len(data) != 32:
        try:
            data = base64.b64decode(data.strip(), validate=True)
        except ValueError:
            raise RaqibError(f"{path}: not a recipient private key") from None
    if len(data) != 32:
        raise RaqibError(f"{path}: a Curve25519 private key is 32 bytes, got {len(data)}")
    return data
