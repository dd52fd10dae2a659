"""The answer cache's bookkeeping (``raqib.services.answers``) without a database: the
generation rules, the row budget and the weights. What it keeps against real writes is
tested in tests/incidents/test_find_words.py and tests/web/test_api_endpoints.py."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from raqib.services.answers import Answers, rows_of
from raqib.services.finder import Found


def test_an_answer_is_given_again_only_at_its_own_generation() -> None:
    kept = Answers()
    computed: list[str] = []

    def compute(label: str) -> list[str]:
        computed.append(label)
        return [label]

    first = kept.at(5, "q", lambda: compute("a"))
    assert kept.at(5, "q", lambda: compute("b")) is first
    assert kept.at(6, "q", lambda: compute("c")) == ["c"]  # newer data: computed anew
    assert kept.at(5, "q", lambda: compute("d")) == ["d"]  # a late reader of older data
    assert kept.at(6, "q", lambda: compute("e")) == ["c"]  # ... did not replace the newer
    assert computed == ["a", "c", "d"]
    assert (kept.counts.hits, kept.counts.misses) == (2, 3)


def test_the_row_budget_drops_the_least_recently_used_and_refuses_the_too_heavy() -> None:
    kept = Answers(budget=10)
    for name in ("a", "b"):
        kept.at(1, name, lambda name=name: [name] * 3)  # 4 rows each
    kept.at(1, "a", lambda: ["again"])  # 'a' used: 'b' is now the oldest
    kept.at(1, "c", lambda: ["c"] * 3)  # 12 rows: 'b' goes
    assert kept.at(1, "a", lambda: ["new"]) == ["a"] * 3
    assert kept.at(1, "b", lambda: ["new"]) == ["new"]
    assert kept.at(1, "huge", lambda: list(range(20))) == list(range(20))
    assert kept.at(1, "huge", lambda: []) == []  # heavier than the budget: never kept


def test_weights_count_the_rows_an_answer_holds() -> None:
    assert rows_of(Found(rows=[{}, {}], total=2, facets={})) == 3
    assert rows_of([1, 2, 3]) == 4
    assert rows_of({"points": [1, 2], "items": [3], "total": 3}) == 4
    assert rows_of(None) == 1


def test_threads_asking_the_same_question_wait_for_one_computation() -> None:
    kept = Answers()
    calls: list[int] = []
    gate = threading.Event()

    def slow() -> list[int]:
        calls.append(1)
        gate.wait(5)
        return [len(calls)]

    def failing() -> list[int]:
        calls.append(1)
        gate.wait(5)
        raise ValueError("no such place")

    for n, compute in enumerate((slow, failing), start=1):
        calls.clear()
        gate.clear()
        with ThreadPoolExecutor(8) as pool:
            asked = [pool.submit(kept.at, 1, compute.__name__, compute) for _ in range(8)]
            while kept.counts.hits + kept.counts.misses < 8 * n:  # all asked: 1 computes
                time.sleep(0.01)
            gate.set()
            results = [f.exception() or f.result() for f in asked]
        assert len(calls) == 1, compute.__name__
        if compute is slow:
            assert all(r is results[0] for r in results) and results[0] == [1]
        else:
            assert all(isinstance(r, ValueError) for r in results)
    calls.clear()
    gate.set()
    assert kept.at(1, "slow", slow) == [1] and not calls  # kept
    with pytest.raises(ValueError):
        kept.at(1, "failing", failing)  # an error is not kept: computed again
    assert len(calls) == 1
