"""Running `raqib` in process for the tests: exit code and output, bugs re-raised."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from raqib.cli import cli
from raqib.workspace import Workspace

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "public"
SIDED = ["press-release-2018-11-27.html", "news-sana-2018-11-25.html",
         "news-opposition-2018-11-25.html", "feed-2018-11.xml", "ngo-report-2018-11.pdf"]
"""Five public samples, from sources of several sides, of several incidents."""


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


def processed_samples(root: Path, init_args: list[str], files: list[str] = SIDED
                      ) -> Workspace:
    """A workspace made with ``init_args`` (``Backend.init_args(root)``) holding the sample
    documents ``files`` (names in samples/public), ingested and processed."""
    runner = CliRunner()
    assert runner.invoke(cli, init_args).exit_code == 0
    done = runner.invoke(cli, ["-w", str(root), "ingest", "--process",
                               *(str(SAMPLES / name) for name in files)])
    assert done.exit_code == 0, done.output
    return Workspace.open(root)
