"""The README's command examples, run as written, one shell after the other, in a folder holding
the files they name (DESIGN.md: "README examples run").

Every line of the README's ``sh`` blocks runs through bash in one shell (so the ``export`` of
the workspace holds for the lines after it), with the installed ``raqib`` on ``PATH`` and
``HOME`` in a temporary folder (``~/cases/idlib`` lands there); each must exit 0, and the
first that does not fails the test with the line and its output. A part in square brackets
is optional and left out (``raqib incidents list [--json]`` runs as ``raqib incidents
list``); commands joined by `` ; `` are checked one by one. The lines that cannot run as
written are listed in ``TEMPLATES`` with the reason (placeholders such as ``…``, a server
that never returns), and each listed line must still be in the README: a new example runs
unless someone says why it cannot.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from made_acled import rows, write_csv
from made_places import village_line

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SAMPLES = ROOT / "samples"

TEMPLATES = {
    "make demo": "builds the environment this test runs in",
    "make test": "runs this test",
    "source .venv/bin/activate": "the test puts the environment's bin folder on PATH",
    "raqib incidents merge 9 12": "ids for illustration: which reports a split moves depends on "
                                  "the data (tests/incidents cover merge and split)",
    "raqib evaluate-linking": "needs ../shared/data and runs from the repository root "
                              "(tests/incidents/test_evaluate_linking.py)",
    "raqib evaluate --gold eval/headlines": "needs ../shared/data and runs from the repository "
                                            "root (tests/extract/test_evaluate.py)",
    "raqib export geojson | jsonl | public": "three alternatives on one line",
    "raqib users add amira": "'…' stands for a password",
    "raqib serve": "serves until stopped (tests/web start the app)",
    "curl ": "needs a running server and a token",
}
"""README lines (by their start) that are not run, and why."""

BLOCK = re.compile(r"```sh\n(.*?)```", re.S)
OPTIONAL = re.compile(r"\s*\[[^\]]*\]")


def commands(readme: str) -> tuple[list[str], set[str]]:
    """The commands to run, in order, and the TEMPLATES keys met on the way."""
    out, met = [], set()
    for block in BLOCK.findall(readme):
        for line in block.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            template = next((t for t in TEMPLATES if line.startswith(t)), None)
            if template is not None:
                met.add(template)
                continue
            out.extend(part.strip() for part in OPTIONAL.sub("", uncommented(line)).split(" ; "))
    return out, met


def uncommented(line: str) -> str:
    """The line without its shell comment (a '#' after a blank, outside quotes)."""
    quote = ""
    for i, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip()
    return line


def script(lines: list[str]) -> str:
    """Bash that runs each line and stops at the first that fails, naming it."""
    steps = ["set -o pipefail"]
    for line in lines:
        steps += [line, "rc=$?; if [ $rc -ne 0 ]; then echo \"README line failed (exit $rc): "
                  f"\"{shlex.quote(line)} >&2; exit 1; fi"]
    return "\n".join(steps) + "\n"


def folder(root: Path) -> Path:
    """The files the README's examples name, made from the samples and the project's words."""
    public = SAMPLES / "public"
    reports = root / "reports"
    reports.mkdir(parents=True)
    for name in ("news-sana-2018-11-25.html", "news-sana-ar-2018-11-25.html",
                 "ngo-report-2018-11.pdf"):
        shutil.copy(public / name, reports / name)
    shutil.copy(public / "press-release-2018-11-27.html", root / "page.html")
    shutil.copy(public / "capture-2018-11-26.warc.gz", root / "capture.warc.gz")
    shutil.copy(public / "feed-2018-11.xml", root / "feed.xml")
    shutil.copy(public / "latin1-notice.txt", root / "notice.txt")
    shutil.copy(SAMPLES / "sensitive" / "witness-statement-2018-11-25.txt",
                root / "statement-w017.txt")
    shutil.copy(public / "news-opposition-2018-11-25.html", root / "article.html")
    (reports / "statement-maarat.html").write_text(
        "<html><head><title>Statement on the Maarat al-Numan market</title></head><body>"
        "<p>On 26 November 2018, an air strike hit the vegetable market in Maarat al-Numan, "
        "killing four civilians and wounding nine, the civil defence said.</p></body></html>",
        encoding="utf-8")
    (root / "reports.jsonl").write_text(
        '{"id": "a", "text": "Rebels shelled the New Aleppo district on 24 November 2018, '
        'wounding three people.", "date": "2018-11-25"}\n'
        '{"id": "b", "text": "The ministry said it had no information on the strike.", '
        '"date": "2018-11-25"}\n', encoding="utf-8")
    write_csv(root / "our-coding.csv", rows(3))
    coded = rows(2)
    for n, record in enumerate(coded):
        record.update(event_id_cnty=f"RQB{n + 1}", iso="566", latitude="9.0", longitude="7.5",
                      geo_precision="2", time_precision="1", fatalities="0", year="2020")
    write_csv(root / "acled-export.csv", coded)
    (root / "SY.txt").write_text(village_line(), encoding="utf-8")
    return root


def test_every_readme_example_runs(tmp_path: Path) -> None:
    readme = README.read_text(encoding="utf-8")
    lines, met = commands(readme)
    assert met == set(TEMPLATES), f"listed but gone from the README: {set(TEMPLATES) - met}"
    assert len(lines) >= 30
    work = folder(tmp_path / "work")
    env = {**os.environ, "HOME": str(tmp_path / "home"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")}
    env.pop("RAQIB_WORKSPACE", None)
    (tmp_path / "home").mkdir()
    done = subprocess.run(["bash", "-c", script(lines)], cwd=work, env=env,
                          capture_output=True, text=True, timeout=900)
    tail = (done.stdout[-2000:] + "\n" + done.stderr[-3000:]).strip()
    assert done.returncode == 0, tail
    assert (work / "bundle.zip").is_file() and (work / "2018-11.pdf").is_file()


@pytest.mark.parametrize("line, expected", [
    ("raqib incidents list [--json]   # a comment ; [x]", ["raqib incidents list"]),
    ("raqib sources list ; raqib sources edit 'X #1' --side state", [
        "raqib sources list", "raqib sources edit 'X #1' --side state"]),
    ("raqib serve --port 8000 [--workers 2]", []),
    ("     # a comment line", []),
])
def test_lines_become_commands(line: str, expected: list[str]) -> None:
    assert commands(f"```sh\n{line}\n```")[0] == expected
