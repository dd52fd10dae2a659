"""Arabic spelling folded for search, on both backends alike.

People type Arabic without short vowels and often without hamza: "نقلوا" for "نُقلوا",
"اصابة" for "إصابة", "مشفي" for "مشفى". SQLite FTS5's ``remove_diacritics`` and
PostgreSQL's ``unaccent`` fold Latin accents only, so such a query found nothing. ``fold``
is applied in Python to the text indexed and to the words searched (``raqib.search``), the
way Lucene's Arabic normaliser does it: harakat (U+064B-U+065F, the superscript alef
U+0670) and tatweel (U+0640) dropped; alef with hamza above or below, with madda and wasla
read as the bare alef; alef maqsura as ya; ta marbuta as ha. Only these Arabic code points
change; every other character is kept, and a word stays one word (no letter becomes a
space), so words are split the same before and after.
"""

from __future__ import annotations

import re

DROPPED = "\u0640" + "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
"""Tatweel, the harakat and other combining marks of the Arabic block, the superscript
alef."""
TABLE = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627",
                       "\u0671": "\u0627", "\u0649": "\u064A", "\u0629": "\u0647",
                       **dict.fromkeys(DROPPED)})
_ARABIC = re.compile("[\u0622\u0623\u0625\u0629\u0640\u0649\u064B-\u065F\u0670\u0671]")


def fold(text: str) -> str:
    """``text`` with its Arabic spelling folded (the same text when it has none)."""
    return text.translate(TABLE) if _ARABIC.search(text) else text


MARKS = ("[[", "]]")
ELLIPSIS = " … "


def folded_with_positions(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each of its characters, its index in ``text``."""
    chars: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        to = TABLE.get(ord(char), char)
        if to is not None:
            chars.append(to)  # type: ignore[arg-type]
            where.append(i)
    return "".join(chars), where


def restore(snippet: str, originals: tuple[str, ...]) -> str:
    """A snippet of folded text (hits in [[...]], cut ends marked " … ") in the spelling of
    the first of ``originals`` whose folded text holds it, the marks where they were (a
    letter's harakat inside its mark); the snippet as it is when none does."""
    for original in originals:
        done = _restore_in(snippet, original)
        if done is not None:
            return done
    return snippet


def _restore_in(snippet: str, original: str) -> str | None:
    lead = ELLIPSIS if snippet.startswith(ELLIPSIS) else ""
    trail = ELLIPSIS if snippet.endswith(ELLIPSIS) and len(snippet) > len(lead) else ""
    core = snippet[len(lead):len(snippet) - len(trail)]
    plain = core.replace(MARKS[0], "").replace(MARKS[1], "")
    folded, where = folded_with_positions(original)
    start = folded.find(plain)
    if not plain or start < 0:
        return None

    def at(k: int) -> int:  # the original index of folded character k (its end: the text's)
        return where[k] if k < len(where) else len(original)

    out: list[str] = []
    pos, cursor, i = start, at(start), 0
    while i < len(core):
        mark = core[i:i + 2]
        if mark in MARKS:
            out += [original[cursor:at(pos)], mark]
            cursor, i = at(pos), i + 2
        else:
            pos, i = pos + 1, i + 1
    out.append(original[cursor:at(pos)])
    return lead + "".join(out) + trail
