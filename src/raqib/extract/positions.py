"""Mentions by position: the ones inside a span, found by bisection.

A long report has thousands of sentences and mentions; stages that look, for each sentence
or event, at the mentions inside it use this so that the work grows with the document, not
with its square.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import Generic, Protocol, TypeVar


class _HasSpan(Protocol):
    @property
    def span(self) -> _Span: ...


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


M = TypeVar("M", bound=_HasSpan)
NEAR = 1000
"""Characters around a sentence searched when the sentence itself names nothing."""


class ByStart(Generic[M]):
    def __init__(self, items: Iterable[M]) -> None:
        self.items: list[M] = sorted(items, key=lambda m: m.span.start)
        self.starts = [m.span.start for m in self.items]

    def inside(self, span: _Span) -> list[M]:
        """The mentions that start inside ``span``, in text order."""
        lo = bisect_left(self.starts, span.start)
        return self.items[lo : bisect_left(self.starts, span.end)]

    def near(self, span: _Span, reach: int = NEAR,
             keep: Callable[[M], bool] | None = None) -> list[M]:
        """Those inside ``span``; else those within ``reach`` characters of it (a short report
        names the place or the actor once, in another sentence; a long one is not searched
        end to end for them) that ``keep`` keeps, when it is given."""
        inside = self.inside(span)
        if inside or keep is None:
            return inside or self.around(span, reach)
        return [m for m in self.around(span, reach) if keep(m)]

    def around(self, span: _Span, reach: int = NEAR) -> list[M]:
        """The mentions that start within ``reach`` characters of ``span`` or inside it."""
        lo = bisect_left(self.starts, span.start - reach)
        return self.items[lo : bisect_left(self.starts, span.end + reach)]
