"""No evidence phrase of the taxonomy asks for two spaces where text has one: an optional
group at the end of an alternative that ends in a space ("fired (?:live rounds )?|shot") followed
by a space after the alternatives' group made "fired on protesters" need "fired  on" (events
v80 to v91)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources

import pytest

_OPEN = re.compile(r" \(\?:")


def _markers(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "markers":
                yield from value
            else:
                yield from _markers(value)
    elif isinstance(node, list):
        for value in node:
            yield from _markers(value)


def _close(pattern: str, start: int) -> int:
    """Where the group opened at ``start`` closes (-1: never)."""
    depth = 0
    for i in range(start, len(pattern)):
        if pattern[i] in "()" and pattern[i - 1] == "\\":
            continue
        depth += {"(": 1, ")": -1}.get(pattern[i], 0)
        if depth == 0:
            return i
    return -1


def doubled_spaces(pattern: str) -> list[str]:
    """The places of ``pattern`` where a space, an optional group ending an alternative and a
    space after the enclosing group would need two spaces when the group is absent."""
    found = []
    for opened in _OPEN.finditer(pattern):
        end = _close(pattern, opened.start() + 1)
        after = end + 2
        if end < 0 or pattern[end + 1: end + 2] not in ("?", "*") or (
                pattern[after: after + 1] not in ("|", ")")):
            continue
        depth, i = 0, after
        while i < len(pattern) and not (pattern[i] == ")" and depth == 0):
            depth += {"(": 1, ")": -1}.get(pattern[i], 0) if pattern[i - 1] != "\\" else 0
            i += 1
        if pattern[i + 1: i + 2] == " " and pattern[i + 2: i + 3] != "?":
            found.append(pattern[max(0, opened.start() - 20): i + 10])
    return found


def test_the_detector_finds_the_old_fault() -> None:
    assert doubled_spaces(r"(?:opened fire|fired (?:live (?:ammunition|rounds) |shots )?|shot) "
                          r"(?:on|at)")
    assert not doubled_spaces(r"(?:opened fire|fired(?: live (?:ammunition|rounds)| shots)?|shot)"
                              r" (?:on|at)")


def _taxonomy() -> dict:
    text = resources.files("raqib.resources.taxonomy").joinpath("acled.json").read_text("utf-8")
    return json.loads(text)


@pytest.mark.parametrize("marker", list(_markers(_taxonomy())))
def test_no_marker_needs_two_spaces(marker: str) -> None:
    assert doubled_spaces(marker) == []
