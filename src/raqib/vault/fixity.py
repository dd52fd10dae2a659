"""Fast fixity checks: SHA-256 of many blob files, spread over processes.

Kept free of heavy imports: worker processes import only this module.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import stat
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

CHUNK = 1 << 20
PARALLEL_FROM = 2000
"""Below this many files, starting worker processes costs more than it saves."""


def sha256_file(path: str) -> str | None:
    """Hex SHA-256 of a file's bytes; None when missing; '!reason' when it cannot be read."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return "!the blob is not a regular file any more (replaced)"
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"!cannot read the blob: {exc.strerror or exc}"
    try:
        digest = hashlib.sha256()
        while True:
            block = os.read(fd, CHUNK)
            digest.update(block)
            if len(block) < CHUNK:  # a regular file reads short only at its end
                return digest.hexdigest()
    finally:
        os.close(fd)


def sha256_files(paths: list[str]) -> list[str | None]:
    return [sha256_file(p) for p in paths]


def _context() -> multiprocessing.context.BaseContext:
    """fork where there is one: a spawned worker would re-import the whole CLI (~0.4 s).

    The forked workers only read blob files and leave with os._exit, so the database
    connection they inherit is never used or closed by them.
    """
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class ParallelHasher:
    """Starts hashing at once; ``result()`` gives the digests in the order of ``paths``.

    The caller can do other work (scanning the log) while the workers hash.
    """

    def __init__(self, paths: list[str], workers: int) -> None:
        self._started = time.perf_counter()
        self.seconds = 0.0
        """Wall time from the start to the last digest: the hashing rate's denominator."""
        self._paths = paths
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[str | None]]] = []
        if workers > 1 and len(paths) >= PARALLEL_FROM:
            self._pool = ProcessPoolExecutor(workers, mp_context=_context())
            step = max(1, -(-len(paths) // (workers * 4)))
            self._futures = [
                self._pool.submit(sha256_files, paths[i : i + step])
                for i in range(0, len(paths), step)
            ]

    def result(self) -> list[str | None]:
        try:
            if self._pool is None:
                return sha256_files(self._paths)
            return [digest for future in self._futures for digest in future.result()]
        except BrokenProcessPool:  # workers could not start here: do it in this process
            return sha256_files(self._paths)
        finally:
            self.seconds = time.perf_counter() - self._started
            if self._pool is not None:
                self._pool.shutdown()
