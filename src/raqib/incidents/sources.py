"""Recognising a document's source (outlet, body, witness) from its metadata.

The table of known sources is data (``resources/sources/known.tsv``, format in its header);
a workspace can override any entry. Unknown sources get kind and side 'unknown' and
reliability 'F' (cannot be judged), never a guess.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from raqib.incidents.records import RELIABILITY, SIDES, SourceInfo


class SourceTableError(ValueError):
    """A source table line is malformed."""


def default_path() -> Path:
    return Path(str(resources.files("raqib") / "resources" / "sources" / "known.tsv"))


def read_table(path: str | Path) -> dict[str, SourceInfo]:
    table: dict[str, SourceInfo] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 6:
            raise SourceTableError(f"{path}:{number}: expected 6 tab-separated columns")
        key, name, kind, side, reliability, language = (c.strip() for c in cells)
        if side not in SIDES or reliability not in RELIABILITY:
            raise SourceTableError(f"{path}:{number}: bad side {side!r} or rating {reliability!r}")
        table[key.casefold()] = SourceInfo(name, kind, side, reliability, language or None)
    return table


@cache
def default_table() -> dict[str, SourceInfo]:
    return read_table(default_path())


def _host(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


def recognise(
    *names: str | None, url: str | None = None, table: dict[str, SourceInfo] | None = None
) -> SourceInfo:
    """The source named by the first of ``names`` (publisher, source name, department) or
    ``url``'s host that the table knows; else an unknown source under the first name."""
    table = table if table is not None else default_table()
    host = _host(url)
    candidates = [n for n in names if n and n.strip()]
    for text in [*candidates, host]:
        key = text.strip().casefold()
        if key in table:
            return table[key]
        for word_key, info in table.items():
            if len(word_key) > 3 and re.search(rf"\b{re.escape(word_key)}\b", key):
                return info
    if host:
        for part in host.split("."):
            if part in table:
                return table[part]
    label = candidates[0].strip() if candidates else (host or "unknown source")
    return SourceInfo(label)
