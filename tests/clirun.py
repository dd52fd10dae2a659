"""Running `raqib` in process for the tests: exit code and output, bugs re-raised."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from raqib.cli import cli


def invoke(ws: Path | None, *args: str):  # type: ignore[no-untyped-def]
    """The click result of `raqib [-w WS] ARGS…`; an exception other than an exit is a bug
    and is raised."""
    prefix = ["-w", str(ws)] if ws is not None else []
    result = CliRunner().invoke(cli, [*prefix, *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def run(ws: Path | None, *args: str) -> tuple[int, str]:
    """Exit code and the output (standard output and error together)."""
    result = invoke(ws, *args)
    return result.exit_code, result.output


def run_split(ws: Path | None, *args: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error apart."""
    result = invoke(ws, *args)
    return result.exit_code, result.stdout, result.stderr
