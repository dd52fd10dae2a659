"""Parallel fixity: the worker processes give the same digests, in order, as hashlib."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from raqib.vault.fixity import PARALLEL_FROM, ParallelHasher


def test_parallel_digests_in_order_with_missing_and_replaced_files(tmp_path: Path) -> None:
    paths, expected = [], []
    for i in range(PARALLEL_FROM + 100):
        path = tmp_path / f"blob-{i}"
        data = os.urandom(i % 300)
        path.write_bytes(data)
        paths.append(str(path))
        expected.append(hashlib.sha256(data).hexdigest())
    (tmp_path / "blob-5").unlink()
    expected[5] = None
    (tmp_path / "blob-9").unlink()
    os.mkfifo(tmp_path / "blob-9")  # a blob replaced by a pipe must not hang the check
    hasher = ParallelHasher(paths, workers=2)
    digests = hasher.result()
    assert digests[9] is not None and digests[9].startswith("!")
    digests[9] = expected[9] = "replaced"
    assert digests == expected
    assert hasher.seconds > 0
