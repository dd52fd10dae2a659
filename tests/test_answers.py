"""The answer cache's bookkeeping (``raqib.services.answers``) without a database: the
generation rules, the row budget and the weights. What it keeps against real writes is
tested in tests/incidents/test_find_words.py and tests/web/test_api_endpoints.py."""

from __future__ import annotations

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
