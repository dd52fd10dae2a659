"""Two halves of an evaluation set, fixed by a hash: failures are read on the first half
only, and a change found there is kept when the second, unread half does not lose
(docs/evaluation.md, docs/linking-evaluation.md). ``raqib evaluate --halves`` splits rows by
their number, ``raqib evaluate-linking --halves`` gold groups by their label."""

from __future__ import annotations

import hashlib

HALVES = ("read half", "unread half")


def half_of(key: str) -> int:
    """0 for the read half, 1 for the unread half: the parity of the key's sha256."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 2
