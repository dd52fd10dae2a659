"""The `raqib` command line: thin; every command calls a service."""

from raqib.cli import (  # noqa: F401  (commands register)
    agreements,
    cases,
    documents,
    evaluate_linking,
    exports,
    extract,
    incidents,
    ingest,
    reports,
    server,
    settings,
    vault,
    web,
)
from raqib.cli.app import cli


def main() -> None:
    cli(prog_name="raqib")


__all__ = ["cli", "main"]
