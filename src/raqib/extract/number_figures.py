"""Figures in words and digits, with their hedges, for the numbers stage
(``raqib.extract.numbers``): "12", "twenty-three", "12-15", "between 12 and 15", "dozens of",
"at least", and "a" before a singular noun. Split from ``raqib.extract.numbers`` (its v57)."""

from __future__ import annotations

from raqib.extract.arabic import ARABIC
from raqib.extract.casualty_words import CasualtyWords

_RANGE = frozenset({"-", "–", "—", "to", "or"})
_SCALES = frozenset({"hundred", "scale"})
MAX_MODIFIERS = 4
"""Hedges and determiners read before a figure ('at least', 'some of the')."""


class Figures(CasualtyWords):
    """Reads the figures of a token list (``_number``, ``_quantity``); the casualty words
    around them are ``CasualtyWords``'."""

    def _number(self, w: list[str], i: int) -> tuple[int, int] | None:
        """(end, value) of a figure in digits or words starting at token ``i``."""
        if i >= len(w):
            return None
        if w[i][0].isdigit():
            return i + 1, int(w[i].replace(",", ""))
        total = current = 0
        last = ""
        j = i
        while j < len(w):
            kind, value = self.lex.words.get(w[j], ("", 0))
            nxt = self.lex.words.get(w[j + 1], ("", 0))[0] if j + 1 < len(w) else ""
            joins = (w[j] == "-" and last == "ten") or (w[j] == "and" and last in _SCALES)
            if not kind and joins and nxt in ("unit", "teen", "ten"):
                j += 1
                continue
            if kind == "andten" or (kind == "teen" and value == 10 and last == "unit"
                                    and ARABIC.search(w[j])):
                # Arabic writes the unit first: "three and twenty" (23), "three ten" (13)
                if last != "unit":
                    break
                current, last, j = current + value, "ten", j + 1
                continue
            if not kind or (kind in ("unit", "teen", "ten") and last in ("unit", "teen")):
                break
            if kind == "ten" and last == "ten":
                break
            if kind == "article":
                if last or nxt not in ("hundred", "scale", "dozen"):
                    break
                current = 1
            elif kind in ("unit", "teen", "ten"):
                current += value
            elif kind in ("hundred", "dozen"):
                current = max(current, 1) * value
            elif kind == "scale":
                total, current = total + max(current, 1) * value, 0
            last = kind
            j += 1
        return (j, total + current) if last else None

    def _quantity(
        self, w: list[str], i: int, blocked: set[int]
    ) -> tuple[int, int, int | None, bool, str] | None:
        """(end, low, high, approximate, figure) of a hedged figure starting at token ``i``."""
        j, approximate = i, False
        for _ in range(MAX_MODIFIERS):  # "at least some of the": a few, never a whole text
            if j >= len(w) or not (hedge := self.lex.modifiers.at(w, j)):
                break
            j, approximate = j + hedge[0], approximate or hedge[1] != "det"
        if j >= len(w) or j in blocked:
            return None
        if w[j] == "between":
            low = self._number(w, j + 1)
            if low and low[0] < len(w) and w[low[0]] == "and":
                high = self._number(w, low[0] + 1)
                if high:
                    return high[0], low[1], high[1], True, "num"
            return None
        number = self._number(w, j)
        if number:
            end, low = number
            high = None
            if end + 1 < len(w) and w[end] in _RANGE and end + 1 not in blocked:
                other = self._number(w, end + 1)
                if other and other[1] > low:
                    end, high = other
            return end, low, high, approximate, "num"
        vague = self.lex.vague.at(w, j)
        if vague:
            end, low = j + vague[0], int(vague[1])
            more = self.lex.vague.at(w, end) if end < len(w) else None
            if more and int(more[1]) > low:  # "hundreds of thousands"
                end, low = end + more[0], low * int(more[1])
            return end, low, None, True, "vague"
        if self.lex.words.get(w[j], ("", 0))[0] == "article" and not approximate:
            # a hedge before an article and no quantity is a preposition: "killed over a
            # land dispute" (v40)
            return j + 1, 1, None, False, "one"
        return None
