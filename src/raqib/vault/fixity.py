"""Fast fixity checks: SHA-256 of many blob files, spread over processes.

Kept free of heavy imports: worker processes import only this module.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import stat
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

CHUNK = 1 << 20
T = TypeVar("T")
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


def _timed_batch(paths: list[str]) -> tuple[list[str | None], float]:
    """A worker's batch, with the (system-wide monotonic) time it finished."""
    digests = sha256_files(paths)
    return digests, time.monotonic()


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
        self._started = time.monotonic()
        self.seconds = 0.0
        """Wall time from the start to the last digest: the hashing rate's denominator."""
        self._paths = paths
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[tuple[list[str | None], float]]] = []
        if workers > 1 and len(paths) >= PARALLEL_FROM:
            self._pool = ProcessPoolExecutor(workers, mp_context=_context())
            step = max(1, -(-len(paths) // (workers * 4)))
            self._futures = [
                self._pool.submit(_timed_batch, paths[i : i + step])
                for i in range(0, len(paths), step)
            ]

    def submit(self, fn: Callable[..., T], *args: Any) -> Callable[[], T]:
        """Run another task on the same workers (inline, later, when there are none);
        returns a function that waits for and gives its result."""
        if self._pool is None:
            return lambda: fn(*args)
        future = self._pool.submit(fn, *args)

        def wait() -> T:
            try:
                return future.result()
            except BrokenProcessPool:  # as in result(): fall back to this process
                return fn(*args)

        return wait

    def result(self) -> list[str | None]:
        """The digests; ``seconds`` is then the hashing's own wall time (up to the last
        worker's finish, not to when the caller came back for the results)."""
        try:
            if self._pool is None:
                digests = sha256_files(self._paths)
                self.seconds = time.monotonic() - self._started
                return digests
            batches = [future.result() for future in self._futures]
            self.seconds = max((done for _, done in batches), default=self._started) - (
                self._started
            )
            return [digest for found, _ in batches for digest in found]
        except BrokenProcessPool:  # workers could not start here: do it in this process
            self._pool = None
            digests = sha256_files(self._paths)
            self.seconds = time.monotonic() - self._started
            return digests

    def __enter__(self) -> ParallelHasher:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
