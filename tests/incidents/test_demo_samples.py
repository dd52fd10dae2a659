"""The demo's public samples, processed as `make demo` processes them: the incidents the README
and the demo show stay what they are (a change of extraction had joined two shellings of the
NGO report, three weeks apart, into one incident, and no test had noticed)."""

from __future__ import annotations

import json
from pathlib import Path

from clirun import SAMPLES, processed_samples, run


def test_the_demos_shellings_stay_two_incidents(tmp_path: Path) -> None:
    """assemble v81: the 29 October shelling in south-eastern Idlib took Khan Shaykhun from
    the next paragraph's November shelling, and the two were linked."""
    root = tmp_path / "ws"
    files = sorted(p.name for p in SAMPLES.iterdir() if p.is_file())
    processed_samples(root, ["init", str(root)], files)
    code, out = run(root, "incidents", "list", "--json")
    assert code == 0, out
    incidents = [json.loads(line) for line in out.splitlines() if line.strip()]
    shelling = sorted((i["event_date"], i["location"]) for i in incidents
                      if i["sub_event_type"] == "Shelling/artillery/missile attack")
    assert shelling == [("2018-10-29", "Idlib"), ("2018-11-15", "Khān Shaykhūn")]
    assert len(incidents) == 5
