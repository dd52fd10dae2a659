"""Casualty figures: how many were killed, injured, kidnapped, arrested or displaced.

The text is split into word tokens once. At each token the stage tries to read a *group*: a
figure ("12", "twenty-three", "12-15", "between 12 and 15", "dozens of", "a" before a singular
noun) with its hedges ("at least") and the noun it counts ("civilians"), or a singular victim
("the driver", "he"), or a bare plural ("civilians"). Groups joined by "and" or commas form a
chain ("two soldiers and a civilian"). The chain's kind comes from the casualty word after it
("were killed", "dead") or, failing that, before it ("killing 3", "the death toll rose to 12");
a participle followed by its object is active ("3 gunmen killed a man") and makes the chain
the killers, not the killed. A figure of things ("30 rockets", "140 times") is kind 'other'.

Every word list is a lexicon file under ``resources/lexicon`` (numbers.tsv, vague.tsv,
casualties.tsv, nouns.tsv), each with a header describing its format; the figures coded for
vague words follow ACLED's conventions and are kept in vague.tsv; the lists are read by
``raqib.extract.lexicon``. ``fatalities()``, ``injured()`` and ``total()`` (from
``raqib.extract.casualties``, importable here too) apply ACLED's rules to a document's
mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from raqib.extract.arabic import ARABIC, known
from raqib.extract.casualties import fatalities, injured, total
from raqib.extract.lexicon import TOKEN, Lexicon, read_lexicon
from raqib.extract.model import Analysis, CountMention, Options

__all__ = ["Lexicon", "Numbers", "create", "fatalities", "injured", "read_lexicon", "total"]

_END = frozenset(".!?;:؟")
_JOIN = frozenset({",", "and", "&"})
_RANGE = frozenset({"-", "–", "—", "to", "or"})
_SCALES = frozenset({"hundred", "scale"})
_GRAVITY = ["killed", "injured", "kidnapped", "arrested", "displaced", "other"]
_SKIP = re.compile(
    r"\b\d{1,3}[\s-]*(?:years?|yrs?|months?)[\s-]*old\b|\baged?\s+(?:about\s+)?\d{1,3}\b"
    r"|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:(?:am|pm|hrs|gmt|utc)\b|[ap]\.m\.)"
    r"|\b\d+(?:st|nd|rd|th)\b|\b\d+(?:\.\d+)?\s*%|[$€£]\s*\d[\d,.]*",
    re.IGNORECASE,
)


@dataclass
class _Group:
    start: int
    end: int
    low: int
    high: int | None
    approximate: bool
    who: str | None
    thing: bool
    noun: bool
    figure: str
    """'num' (a figure), 'vague' ("dozens"), 'one' ("a child", "the driver", "he"), 'plural'."""


MAX_AND_GAP = 6
"""Words a phrase of place or time may take between two joined casualty words."""
MAX_MODIFIERS = 4
"""Hedges and determiners read before a figure ('at least', 'some of the')."""
TOLL_REACH = 12
"""Words a phrase may hold between a toll noun and the verb that updates it ("the death toll
from Tuesday's attack on the town rose to 86")."""


class Numbers:
    name = "extract.numbers.v4"

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._aux = lexicon.role("aux")
        self._filler = lexicon.role("filler") | self._aux
        self._stop = lexicon.role("stop") | _END | _JOIN
        self._object = lexicon.role("object")
        self._prepositions = lexicon.role("preposition")
        self._clause = lexicon.role("clause")
        self._update = lexicon.role("update")
        self._toll_gap = self._filler | self._update
        """Words that may stand between a toll noun and its figure ("rose to")."""

    def __call__(self, doc: Analysis) -> None:
        tokens = list(TOKEN.finditer(doc.text))
        words = [known(token.group().lower(), self.lex.vocabulary) for token in tokens]
        blocked = _blocked(doc, tokens)
        labels = self.lex.role("label")
        blocked.update(i + 1 for i, word in enumerate(words) if word in labels)
        i = 0
        while i < len(words):
            i = self._step(doc, tokens, words, blocked, i)

    def _step(
        self, doc: Analysis, tokens: list[re.Match[str]], w: list[str], blocked: set[int], i: int
    ) -> int:
        for table, low in ((self.lex.zero, 0), (self.lex.selfs, 1)):
            hit = table.at(w, i)
            if hit:
                span = doc.span(tokens[i].start(), tokens[i + hit[0] - 1].end())
                kinds = ("killed", "injured") if hit[1] == "casualties" else (hit[1],)
                doc.counts.extend(CountMention(span, kind, low) for kind in kinds)
                return i + hit[0]
        chain = self._chain(w, i, blocked)
        if not chain:
            return i + 1
        after = chain[-1].end
        for start, end, kind, group in self._link(w, chain):
            span = doc.span(tokens[start].start(), tokens[end - 1].end())
            doc.counts.append(
                CountMention(span, kind, group.low, group.high, group.approximate, group.who)
            )
            after = max(after, end if kind != "other" else after)
        return after

    # -- reading groups -------------------------------------------------------------------

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
        if self.lex.words.get(w[j], ("", 0))[0] == "article":
            return j + 1, 1, None, approximate, "one"
        return None

    def _noun(
        self, w: list[str], j: int, blocked: set[int], limit: int = 8
    ) -> tuple[int, tuple[str, str] | None, bool]:
        """(end, (group, number) of the last known noun, whether any word) after a figure."""
        noun: tuple[str, str] | None = None
        word, end, k, skipped = False, j, j, 0
        while k < len(w) and k - j - skipped < limit:
            entry = None if k in blocked else self.lex.nouns.get(w[k])
            if entry and noun and noun[0] != "thing" and entry[0] == "thing":
                break  # "3 villagers fled their homes": the people, not the homes
            if entry:
                noun, word, k = entry, True, k + 1
                end = k
            elif noun and k - end >= 2:
                break  # two words at most between nouns: "staff contracted driver"
            elif w[k] == "(" and ")" in w[k + 1 : k + 10]:
                close = w.index(")", k + 1) + 1  # "3 staff (2 drivers, 1 nurse) killed"
                skipped, k = skipped + close - k, close
                end = k if noun else end
            elif k in blocked or self._modifies(w, k, j):
                word = word or w[k].isalpha()
                k += 1
            else:
                break
        return (end if noun else k if word else j), noun, word

    def _modifies(self, w: list[str], k: int, j: int) -> bool:
        """Whether token ``k`` can stand between a figure (ending at ``j``) and its noun."""
        token = w[k]
        if token == ".":
            return k > j and len(w[k - 1]) == 1  # "U.N."
        if token in self.lex.words or token in self._stop or self.lex.terms.at(w, k):
            return False
        return token.isalpha() or token in "-'’/"

    def _group(self, w: list[str], i: int, blocked: set[int]) -> _Group | None:
        quantity = self._quantity(w, i, blocked)
        if quantity:
            end, low, high, approximate, figure = quantity
            stop, noun, word = self._noun(w, end, blocked)
            person = noun is not None and noun[0] != "thing"
            if figure == "one" and not (person and noun is not None and noun[1] == "sg"):
                if noun is not None or not word or w[stop - 1].endswith("s"):
                    return None
                figure = "weak"  # "a vaccinator was killed": an unknown singular noun
            if _year(w, i, end) and (not person or (i > 0 and w[i - 1] in self._stop)):
                return None
            who = noun[0] if person and noun is not None else None
            thing = noun is not None and noun[0] == "thing"
            return _Group(i, stop, low, high, approximate, who, thing, word, figure)
        if w[i] in self.lex.role("definite"):
            stop, noun, _word = self._noun(w, i + 1, blocked, limit=3)
            if noun and noun[0] != "thing" and noun[1] == "sg":
                return _Group(i, stop, 1, None, False, noun[0], False, True, "one")
        if w[i] in self.lex.role("pronoun"):
            return _Group(i, i + 1, 1, None, False, None, False, True, "one")
        noun = self.lex.nouns.get(w[i])
        if noun and noun[1] == "du" and noun[0] != "thing":  # Arabic dual: "شخصين", two people
            return _Group(i, i + 1, 2, None, False, noun[0], False, True, "num")
        bare = i == 0 or w[i - 1] in self._stop or not w[i - 1].isalnum()
        if noun and noun[0] != "thing" and noun[1] == "pl" and bare:
            stop, last, _word = self._noun(w, i, blocked)
            if last and last[1] == "pl":
                return _Group(i, stop, self.lex.plural, None, True, last[0], False, True, "plural")
        return None

    def _chain(self, w: list[str], i: int, blocked: set[int]) -> list[_Group]:
        """Groups joined by "and" or commas: "two soldiers, a child and a woman"."""
        group = self._group(w, i, blocked)
        chain, joins = ([group] if group else []), [""]
        while chain and chain[-1].who and chain[-1].end < len(w) and w[chain[-1].end] in _JOIN:
            k = chain[-1].end + 1
            k += 1 if k < len(w) and w[k] == "and" else 0
            following = self._group(w, k, blocked) if k < len(w) else None
            if not following or following.figure in ("plural", "weak") or not following.who:
                break
            chain.append(following)
            joins.append(w[k - 1])
        while joins[-1] == ",":  # an apposition, not a list: "1 staff, a driver, was killed"
            chain.pop()
            joins.pop()
        return chain

    # -- linking groups to casualty words ---------------------------------------------------

    def _link(self, w: list[str], chain: list[_Group]) -> list[tuple[int, int, str, _Group]]:
        """(first token, end token, kind, group) for each group of a chain that counts."""
        first, last = chain[0], chain[-1]
        after = self._after(w, last.end)
        if after and (after[2] or first.figure != "weak"):
            end, kind, _passive = after
            return [(g.start, end, "other" if g.thing else kind, g) for g in chain]
        before = self._before(w, first.start)
        if before:
            start, kind = before
            return [(start, g.end, "other" if g.thing else kind, g) for g in chain]
        if len(chain) == 1 and first.figure == "num" and first.noun and not first.who and not after:
            return [(first.start, first.end, "other", first)]
        return []

    def _after(self, w: list[str], k: int) -> tuple[int, str, bool] | None:
        """(end, kind, passive) of the casualty word after a chain ending at token ``k``."""
        passive, skipped, start = False, False, k
        while k < len(w) and k - start <= 16:
            hit = self._term(w, k)
            if hit:
                end, kind, verb = hit
                if verb and not passive and self._takes_object(w, end):
                    return None
                return end, kind, passive
            token = w[k]
            nxt = w[k + 1] if k + 1 < len(w) else ""
            if token == "," and (nxt in self._filler or self.lex.terms.at(w, k + 1)):
                k += 1
            elif not skipped and (token in ",(" or token in self._prepositions):
                k, skipped = self._skip_phrase(w, k), True
            elif not skipped and token.endswith(("ed", "ing")) and nxt in self._prepositions:
                k, skipped = self._skip_phrase(w, k + 1), True  # "involved in the campaign"
            elif token in self._filler:
                passive, k = passive or token in self._aux, k + 1
            elif token.endswith("ed") and nxt == "and":
                k += 2  # "ambushed and killed"
            else:
                return None
        return None

    def _term(self, w: list[str], k: int) -> tuple[int, str, bool] | None:
        """(end, kind, is a participle) of the casualty word at token ``k``."""
        hit = self.lex.terms.at(w, k)
        if hit is None:
            if w[k].endswith("ed") and w[k + 1 : k + 3] == ["to", "death"]:
                return k + 3, "killed", False  # "clubbed to death"
            return None
        role, kind = hit[1].split(":")
        end = k + hit[0]
        join = self._and_after(w, end)
        if join is not None:  # "abducted and killed", "abducted outside his home and killed"
            j = join + 1
            while j < len(w) and w[j] in self._filler:
                j += 1
            second = self.lex.terms.at(w, j) if j < len(w) else None
            if second:
                kind = min(kind, second[1].split(":")[1], key=_GRAVITY.index)
                end = j + second[0]
        return end, kind, role == "verb"

    def _and_after(self, w: list[str], k: int) -> int | None:
        """The 'and' that joins a second casualty word to the one ending at ``k``: right
        after it, or after a short phrase of place or time in the same clause ("abducted
        outside his home and killed")."""
        if k < len(w) and w[k] == "and":
            return k
        if k >= len(w) or w[k] not in self._prepositions:
            return None
        for j in range(k + 1, min(len(w), k + 1 + MAX_AND_GAP)):
            if w[j] == "and":
                return j
            if w[j] in _END or w[j] in self._clause or w[j] == "," or w[j] in self._aux:
                return None
        return None

    def _skip_phrase(self, w: list[str], k: int) -> int:
        """Where the chain's clause goes on after ", ... ," or a prepositional phrase at ``k``."""
        close = {",": ",", "(": ")"}.get(w[k])
        for j in range(k + 1, min(len(w), k + 14)):
            if close and w[j] == close:
                return j + 1
            if w[j] in _END or w[j] in self._clause or (w[j] == "," and close != ")"):
                break
            term = self.lex.terms.at(w, j)
            if not close and (w[j] in self._aux or (term and term[1].startswith("verb"))):
                return j
        return len(w)

    def _takes_object(self, w: list[str], k: int) -> bool:
        if k >= len(w):
            return False
        if w[k] in self._object:
            return True
        quantity = self._quantity(w, k, set())
        if quantity:  # "killed 3 civilians", but not "1 killed 3 injured"
            return not (quantity[0] < len(w) and self.lex.terms.at(w, quantity[0]))
        noun = self.lex.nouns.get(w[k])
        return noun is not None and noun[0] != "thing"

    def _before(self, w: list[str], start: int) -> tuple[int, str] | None:
        """(first token, kind) of the casualty word before a chain starting at ``start``."""
        hit = self.lex.before.ending(w, start)
        if hit:
            first = hit[0] - 1
            other = self.lex.before.ending(w, first) if first > 0 and w[first] == "and" else None
            if other:  # "killing and injuring 10": the graver kind
                return other[0], min(hit[1], other[1], key=_GRAVITY.index)
            return hit
        k = start
        updated = False
        while k > 0 and start - k < 5:
            toll = self.lex.tolls.ending(w, k)
            if toll:
                return toll
            if w[k - 1] not in self._toll_gap:
                break
            updated = updated or w[k - 1] in self._update
            k -= 1
        return self._toll_before_phrase(w, k) if updated else None

    def _toll_before_phrase(self, w: list[str], k: int) -> tuple[int, str] | None:
        """A toll noun up to ``TOLL_REACH`` words before an update verb that ends at ``k``:
        "the death toll [from Tuesday's attack on the town] rose to 86"; the phrase between
        may not cross a clause or a sentence."""
        for j in range(k, max(0, k - TOLL_REACH), -1):
            toll = self.lex.tolls.ending(w, j)
            if toll:
                return toll
            if w[j - 1] in _END or w[j - 1] in self._clause or w[j - 1] in {",", ";"}:
                return None
        return None


def _year(w: list[str], start: int, end: int) -> bool:
    token = w[start]
    return end - start == 1 and len(token) == 4 and token.isdigit() and 1900 <= int(token) < 2100


def _blocked(doc: Analysis, tokens: list[re.Match[str]]) -> set[int]:
    """Tokens that cannot start a figure: inside a date, an age, a time or an ordinal."""
    spans = [(m.start(), m.end()) for m in _SKIP.finditer(doc.text)]
    spans += [(d.span.start, d.span.end) for d in doc.dates]
    if not spans:
        return set()
    spans.sort()
    starts = [s for s, _e in spans]
    blocked: set[int] = set()
    for index, token in enumerate(tokens):
        at = bisect_right(starts, token.start()) - 1
        near = spans[max(0, at - 3) : at + 1] if at >= 0 else []
        if any(s <= token.start() < e for s, e in near):
            blocked.add(index)
    return blocked


def create(options: Options) -> Numbers:
    return Numbers(Lexicon())
