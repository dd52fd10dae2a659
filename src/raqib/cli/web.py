"""`raqib serve` and `raqib users …`."""

from __future__ import annotations

import click

from raqib.cli.app import Context, cli, pass_ctx
from raqib.services.answers import BUDGET


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--secure-cookies", is_flag=True,
              help="Send the session cookie over HTTPS only (behind a TLS proxy).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (one per core serves the most requests).")
@click.option("--answer-cache", default=BUDGET, show_default=True,
              type=click.IntRange(0, 10_000_000), metavar="ROWS",
              help="Rows of search, map and page answers each worker keeps while the data "
                   "is unchanged (0: none).")
@pass_ctx
def serve(ctx: Context, host: str, port: int, secure_cookies: bool, workers: int,
          answer_cache: int) -> None:
    """Serve the web application and the REST API over this workspace."""
    import os

    import uvicorn

    from raqib.web.app import create_app

    ws = ctx.workspace()
    click.echo(f"Raqib at http://{host}:{port}/ (API: http://{host}:{port}/api/docs)")
    if workers == 1:
        app = create_app(ws, secure_cookies=secure_cookies, answer_cache=answer_cache)
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    create_app(ws)  # migrate and make the session key once, before the workers start
    os.environ["RAQIB_WORKSPACE"] = str(ws.root)
    os.environ["RAQIB_SECURE_COOKIES"] = "1" if secure_cookies else "0"
    os.environ["RAQIB_ANSWER_CACHE"] = str(answer_cache)
    uvicorn.run("raqib.web.app:from_environment", factory=True, host=host, port=port,
                workers=workers, log_level="warning")


@cli.group()
def users() -> None:
    """Users of the web application and the API."""


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(["admin", "analyst", "reviewer",
                                                          "viewer"]))
@click.option("--password", help="A password for the web login (else API token only).")
@pass_ctx
def add_user(ctx: Context, name: str, role: str, password: str | None) -> None:
    """Create a user; prints a new API token once (send it as 'Authorization: Bearer …')."""
    from raqib.services import users as service

    if password is not None and len(password) < 8:
        raise click.BadParameter("at least 8 characters", param_hint="--password")
    account, token = service.add(ctx.workspace(), name, role, ctx.user, password)
    click.echo(token)
    click.echo(f"user {account.name!r} ({account.role}) created; the token above is shown "
               "only now", err=True)


@users.command("list")
@pass_ctx
def list_users(ctx: Context) -> None:
    """Every user, with role and state."""
    from raqib.services import users as service

    for account in service.listing(ctx.workspace()):
        click.echo(f"{account.name}\t{account.role}\t{'disabled' if account.disabled else ''}")


@users.command("disable")
@click.argument("name")
@pass_ctx
def disable_user(ctx: Context, name: str) -> None:
    """Refuse NAME's tokens and logins from now on."""
    from raqib.services import users as service

    service.set_disabled(ctx.workspace(), name, True, ctx.user)
    click.echo(f"user {name!r} disabled")


@users.command("enable")
@click.argument("name")
@pass_ctx
def enable_user(ctx: Context, name: str) -> None:
    """Accept NAME's tokens and logins again."""
    from raqib.services import users as service

    service.set_disabled(ctx.workspace(), name, False, ctx.user)
    click.echo(f"user {name!r} enabled")


@users.command("token")
@click.argument("name")
@pass_ctx
def token_user(ctx: Context, name: str) -> None:
    """Print a new API token for NAME (shown once)."""
    from raqib.services import users as service

    click.echo(service.new_token(ctx.workspace(), name, ctx.user))


@users.command("password")
@click.argument("name")
@click.password_option()
@pass_ctx
def password_user(ctx: Context, name: str, password: str) -> None:
    """Set NAME's password for the web login."""
    from raqib.services import users as service

    service.set_password(ctx.workspace(), name, password, ctx.user)
    click.echo(f"password of {name!r} set")
