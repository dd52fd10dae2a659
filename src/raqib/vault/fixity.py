"""Fast fixity checks: SHA-256 of many blob files, spread over processes.

Kept free of heavy imports: worker processes import only this module.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

CHUNK = 1 << 20
PARALLEL_FROM = 2000
"""Below this many files, starting worker processes costs more than it saves."""


def sha256_file(path: str) -> str | None:
    """Hex SHA-256 of a file's bytes; None when the file is missing."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        digest = hashlib.sha256()
        while block := os.read(fd, CHUNK):
            digest.update(block)
        return digest.hexdigest()
    finally:
        os.close(fd)


def sha256_files(paths: list[str]) -> list[str | None]:
    return [sha256_file(p) for p in paths]


class ParallelHasher:
    """Starts hashing at once; ``result()`` gives the digests in the order of ``paths``.

    The caller can do other work (scanning the log) while the workers hash.
    """

    def __init__(self, paths: list[str], workers: int) -> None:
        self._paths = paths
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[str | None]]] = []
        if workers > 1 and len(paths) >= PARALLEL_FROM:
            spawn = multiprocessing.get_context("spawn")  # no fork of a process with a database
            self._pool = ProcessPoolExecutor(workers, mp_context=spawn)
            step = max(1, -(-len(paths) // (workers * 4)))
            self._futures = [
                self._pool.submit(sha256_files, paths[i : i + step])
                for i in range(0, len(paths), step)
            ]

    def result(self) -> list[str | None]:
        if self._pool is None:
            return sha256_files(self._paths)
        try:
            return [digest for future in self._futures for digest in future.result()]
        except BrokenProcessPool:  # workers could not start here: do it in this process
            return sha256_files(self._paths)
        finally:
            self._pool.shutdown()
