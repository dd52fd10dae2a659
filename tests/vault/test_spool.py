"""The spool copies every byte and hashes them right, at every size around the block edges."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest

from raqib.vault.spool import BLOCK, BUFFER, copy_and_hash, open_for_spool

SIZES = [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, BUFFER - 1, BUFFER, BUFFER + 1, 2 * BUFFER + 7]


class NoReadinto:
    """A stream offering only read(), in small uneven pieces."""

    def __init__(self, data: bytes) -> None:
        self._data, self._pos = data, 0

    def read(self, n: int = -1) -> bytes:
        n = min(n if n >= 0 else len(self._data), 1000 + self._pos % 777)
        piece = self._data[self._pos : self._pos + n]
        self._pos += len(piece)
        return piece


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("direct", [True, False])
def test_copy_and_hash(tmp_path: Path, size: int, direct: bool) -> None:
    data = os.urandom(size)
    target = tmp_path / "out"
    if direct:
        fd, direct = open_for_spool(str(target))
    else:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        digest, written = copy_and_hash(io.BufferedReader(io.BytesIO(data)), fd, direct)
    finally:
        os.close(fd)
    assert (digest, written) == (hashlib.sha256(data).hexdigest(), size)
    assert target.read_bytes() == data


def test_streams_without_readinto(tmp_path: Path) -> None:
    data = os.urandom(BUFFER + 12345)
    fd, direct = open_for_spool(str(tmp_path / "out"))
    try:
        digest, size = copy_and_hash(NoReadinto(data), fd, direct)  # type: ignore[arg-type]
    finally:
        os.close(fd)
    assert digest == hashlib.sha256(data).hexdigest() and size == len(data)
    assert (tmp_path / "out").read_bytes() == data
