"""Answers given again while the data they came from is unchanged (the web app's cache).

A team asks the same questions over and over: the dashboard's search, the next page of the
same results, a facet clicked and unclicked, the map of the same filters. Each answer is
kept with the data generation it was computed at (``data_generation``, migration 0011: a
number that every write to the tables searches read adds to, in the writing transaction,
from any process). A request reads the generation first in its own transaction, so what it
would compute is exactly the data of that generation: a kept answer of the same generation
is what it would compute, and one of an older generation is never given (it is dropped when
a newer one is stored). Writes therefore cost the cache nothing but misses; nothing has to
be told to forget.

Only whole answers are kept (a page of rows, the total, the facets; the map's features; a
page's data), least recently used first out, within a budget of rows: each answer weighs the
rows it holds (``weight``), and one heavier than the whole budget (a map of every incident
in a large archive) is not kept. They are shared between requests and must not be changed
by callers.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import text
from sqlalchemy.orm import Session

T = TypeVar("T")
BUDGET = 50_000
"""Rows kept at most, over all answers (a search page of 20 incidents weighs 21, a map of
10,000 markers 10,001; a row is at most a few hundred bytes to a kilobyte in memory)."""


def generation(session: Session) -> int:
    """The data generation that the session's transaction sees (read it first: on SQLite
    the first read fixes the transaction's snapshot)."""
    return int(session.execute(text("SELECT n FROM data_generation")).scalar_one())


def rows_of(answer: Any) -> int:
    """An answer's weight, one plus the rows it holds: a list's items, an object's ``rows``,
    the items of a dictionary's lists (a page's data)."""
    if isinstance(answer, dict):
        return 1 + sum(len(v) for v in answer.values() if isinstance(v, list))
    held = getattr(answer, "rows", answer)
    return 1 + (len(held) if isinstance(held, list) else 0)


@dataclass
class CacheCounts:
    hits: int = 0
    """Answers given without computing them: kept, or computed by another thread."""
    misses: int = 0


class Answers:
    """Whole answers by question, for one data generation at a time; safe across threads
    (one computes, the others asking the same wait for it)."""

    def __init__(self, budget: int = BUDGET) -> None:
        self.budget = budget
        self.counts = CacheCounts()
        self._kept: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._held = 0
        self._generation = -1
        self._running: dict[tuple[int, Hashable], Future[Any]] = {}
        self._lock = threading.Lock()

    def answer(self, session: Session, question: Hashable, compute: Callable[[], T],
               weight: Callable[[T], int] = rows_of) -> T:
        """The kept answer to ``question`` at the session's generation, else ``compute()``
        (run in the same transaction, so of that generation), kept and returned."""
        return self.at(generation(session), question, compute, weight)

    def at(self, now: int, question: Hashable, compute: Callable[[], T],
           weight: Callable[[T], int] = rows_of) -> T:
        """As ``answer``, for a generation read by the caller before ``compute`` reads
        anything (then ``compute`` may see newer data: kept under ``now``, it is only
        given to requests that read ``now`` before that data was written). While one thread
        computes an answer, the others asking the same question at the same generation wait
        for it instead of computing it too (sixteen clients at once on a cold cache made
        each answer many times over, each slower for the others); they share its error if
        it fails."""
        key = (now, question)
        with self._lock:
            if now == self._generation and question in self._kept:
                self._kept.move_to_end(question)
                self.counts.hits += 1
                return self._kept[question][0]  # type: ignore[return-value]
            waiting = self._running.get(key)
            if waiting is None:
                self.counts.misses += 1
                running: Future[T] = Future()
                self._running[key] = running
            else:
                self.counts.hits += 1
        if waiting is not None:
            return waiting.result()  # type: ignore[no-any-return]
        try:
            found = compute()
            rows = weight(found)
        except BaseException as error:
            with self._lock:
                del self._running[key]
            running.set_exception(error)
            raise
        self._keep(now, question, found, rows)  # kept before the waiters go
        with self._lock:
            del self._running[key]
        running.set_result(found)
        return found

    def _keep(self, now: int, question: Hashable, found: object, rows: int) -> None:
        with self._lock:
            if now > self._generation:
                self._kept.clear()
                self._held = 0
                self._generation = now
            if now != self._generation or rows > self.budget:
                return
            old = self._kept.pop(question, None)
            self._held += rows - (old[1] if old else 0)
            self._kept[question] = (found, rows)
            while self._held > self.budget:
                _, (_, dropped) = self._kept.popitem(last=False)
                self._held -= dropped
