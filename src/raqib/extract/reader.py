"""Inputs of `raqib extract`: JSON Lines documents, or plain text files, in order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from raqib.capture.base import ReaderError
from raqib.capture.encoding import decode_text


@dataclass(frozen=True)
class Item:
    """One input document, or the error that stands in its place."""

    id: str | None
    text: str = ""
    reference_date: date | None = None
    language: str | None = None
    error: str | None = None
    warning: str | None = None


def _item(raw: object, where: str) -> Item:
    if not isinstance(raw, dict):
        return Item(None, error=f"{where}: expected a JSON object")
    doc_id = raw.get("id")
    doc_id = str(doc_id) if doc_id is not None else None
    text = raw.get("text")
    if not isinstance(text, str):
        return Item(doc_id, error=f"{where}: 'text' is missing or not a string")
    ref, warnings = None, []
    if doc_id is None:
        warnings.append(f"{where}: 'id' is missing; the output's id is \"\" (outputs keep the "
                        f"input order)")
    if raw.get("date") not in (None, ""):
        try:
            ref = date.fromisoformat(str(raw["date"]))
        except ValueError:
            warnings.append(f"{where}: 'date' {raw['date']!r} is not YYYY-MM-DD; ignored")
    lang = raw.get("lang")
    return Item(doc_id, text, ref, lang if isinstance(lang, str) else None,
                warning="; ".join(warnings) or None)


def read_jsonl(stream: IO[str], name: str) -> Iterator[Item]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(None, error=f"{where}: not JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _item(raw, where)


def read_paths(paths: list[str]) -> Iterator[Item]:
    """Each argument: a .txt file is one document (id = its name); others are JSON Lines."""
    for name in paths:
        path = Path(name)
        try:
            if path.suffix.lower() == ".txt":
                yield Item(path.stem, decode_text(path.read_bytes()).text)
                continue
            with path.open(encoding="utf-8", errors="replace") as stream:
                yield from read_jsonl(stream, name)
        except OSError as exc:
            yield Item(None, error=f"{name}: cannot read ({exc.strerror or exc})")
        except ReaderError as exc:  # a .txt file that is not text
            yield Item(path.stem, error=f"{name}: {exc}")
