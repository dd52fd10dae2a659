"""What the evaluation commands share: the F1 score, and two halves of an evaluation set.

The halves are fixed by a hash: failures are read on the first half only, and a change
found there is kept when the second, unread half does not lose (docs/evaluation.md,
docs/linking-evaluation.md). ``raqib evaluate --halves`` splits rows by their number,
``raqib evaluate-linking --halves`` gold groups by their label."""

from __future__ import annotations

import hashlib

HALVES = ("read half", "unread half")


def half_of(key: str) -> int:
    """0 for the read half, 1 for the unread half: the parity of the key's sha256."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 2


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0
