"""The group, its context and the single place where domain errors become exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from sqlalchemy.exc import SQLAlchemyError

from raqib import __version__
from raqib.config import Settings
from raqib.errors import RaqibError
from raqib.workspace import Workspace


class RaqibGroup(click.Group):
    """Translates domain errors into one line on stderr and an exit code, once."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except RaqibError as exc:
            click.echo(f"raqib: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except SQLAlchemyError as exc:  # a damaged or unreachable database
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            click.echo(f"raqib: error: database: {reason}", err=True)
            ctx.exit(1)
        except BrokenPipeError:  # the reader went away (`raqib ... | head`): quietly, as
            # Unix tools do; the rest of the output has nowhere to go
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(141)
        except OSError as exc:  # a file the command was told to read or write
            click.echo(f"raqib: error: {os_reason(exc)}", err=True)
            ctx.exit(1)


def _shared_data() -> Path:
    """The shared data folder that evaluations read public data sets from when neither
    ``--data`` nor $RAQIB_SHARED_DATA names one: ``../shared/data`` from the current folder."""
    return Path.cwd().parent / "shared" / "data"


def shared_data_option(what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The ``--data`` option of the evaluations: the shared data folder ``what`` is read
    from, as ``data_dir`` (a Path, never None)."""
    return click.option("--data", "data_dir", type=click.Path(path_type=Path),
                        envvar="RAQIB_SHARED_DATA", default=_shared_data,
                        show_default="$RAQIB_SHARED_DATA, else ../shared/data",
                        help=f"Shared data folder that {what} read from.")


def os_reason(exc: OSError) -> str:
    """One line for a failed file operation, naming the file: "PATH: No such file or
    directory" (the errno's words, not Python's repr)."""
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename else reason


class Context:
    """What every command may need: settings, and the workspace once asked for."""

    def __init__(self, workspace: Path | None, user: str | None) -> None:
        base = Settings()
        self.settings = base.model_copy(
            update={"workspace": workspace or base.workspace, "user": user or base.user}
        )
        self._ws: Workspace | None = None

    @property
    def user(self) -> str:
        return self.settings.user

    def workspace(self) -> Workspace:
        if self._ws is None:
            self._ws = Workspace.find(self.settings.workspace)
        return self._ws


pass_ctx = click.make_pass_decorator(Context)


@click.group(cls=RaqibGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="raqib")
@click.option(
    "-w", "--workspace", type=click.Path(path_type=Path, file_okay=False),
    help="Workspace folder (default: $RAQIB_WORKSPACE, else the current folder or a parent).",
)
@click.option(
    "--user", help="Who acts, as recorded in the custody log (default: $RAQIB_USER or login)."
)
@click.pass_context
def cli(ctx: click.Context, workspace: Path | None, user: str | None) -> None:
    """Raqib: preserve, verify and analyse reports of violations in armed conflict."""
    ctx.obj = Context(workspace, user)
