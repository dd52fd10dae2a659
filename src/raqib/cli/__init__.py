"""The `raqib` command line: thin; every command calls a service."""

from raqib.cli import documents, ingest, vault  # noqa: F401  (commands register on import)
from raqib.cli.app import cli


def main() -> None:
    cli(prog_name="raqib")


__all__ = ["cli", "main"]
