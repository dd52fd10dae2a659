"""The `raqib` command line: thin; every command calls a service."""

from raqib.cli import documents, extract, ingest, vault  # noqa: F401  (commands register)
from raqib.cli.app import cli


def main() -> None:
    cli(prog_name="raqib")


__all__ = ["cli", "main"]
