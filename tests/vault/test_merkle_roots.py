"""roots_at: many prefix roots in one pass equal the RFC root of each prefix."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from raqib.vault.merkle import EMPTY_ROOT, leaf_hash, root_from_hashes, roots_at


def _leaves(n: int) -> list[bytes]:
    return [leaf_hash(hashlib.sha256(str(i).encode()).digest()) for i in range(n)]


@given(st.integers(0, 300), st.lists(st.integers(0, 300), max_size=12))
def test_roots_at_matches_root_from_hashes(n: int, sizes: list[int]) -> None:
    hashes = _leaves(n)
    roots = roots_at(hashes, [*sizes, n])
    assert set(roots) == {s for s in [*sizes, n] if s <= n}
    for size, root in roots.items():
        assert root == root_from_hashes(hashes[:size])


def test_empty_prefix_and_sizes_beyond_the_log() -> None:
    assert roots_at(_leaves(5), [0, 9]) == {0: EMPTY_ROOT}
