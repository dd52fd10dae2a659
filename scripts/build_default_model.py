"""Build the shipped default event model from the project's own examples and definitions.

Usage: python scripts/build_default_model.py [OUT]
(default OUT: src/raqib/resources/models/events-default.npz)

The training material is only what the project wrote itself (src/raqib/resources/examples)
and the taxonomy's definitions (src/raqib/resources/taxonomy/acled.json); never ACLED data.
The build is deterministic: the same examples give the same model.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from raqib.extract import classifier
from raqib.extract.train import build_default_model


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else classifier.default_model_path()
    started = time.perf_counter()
    model = build_default_model(out)
    print(
        f"wrote {out}: {len(model.classes)} classes, {len(model.vocab)} features, "
        f"{out.stat().st_size / 1e6:.2f} MB, {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
