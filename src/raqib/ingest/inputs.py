"""What the user asked to ingest, expanded into a flat list of inputs."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One file (or standard input) to ingest."""

    name: str
    open: Callable[[], BinaryIO]
    size: int | None = None
    filename: str = ""
    problem: str | None = None
    """Set when the input cannot be read at all (missing path, ...)."""


def _stdin() -> BinaryIO:
    return sys.stdin.buffer


WORKSPACE_MARK = "raqib.toml"


def _walk(folder: Path) -> Iterator[Path]:
    """Files under a folder, recursively, in a stable order. Symlinked folders are not
    followed, and a Raqib workspace inside the folder (its keys!) is never walked into."""
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        if WORKSPACE_MARK in filenames:
            dirnames.clear()
            continue
        dirnames.sort()
        for name in sorted(filenames):
            yield Path(dirpath) / name


def _one(path: Path) -> Input:
    def opener(p: Path = path) -> BinaryIO:
        return p.open("rb")

    try:
        info = path.stat()
    except OSError as exc:
        return Input(printable(str(path)), opener, problem=exc.strerror or str(exc))
    name = printable(str(path))
    if not stat.S_ISREG(info.st_mode):  # a FIFO or device could block or never end
        return Input(name, opener, problem="not a regular file (pipe, socket or device)")
    return Input(name, opener, size=info.st_size, filename=printable(path.name))


def printable(name: str) -> str:
    """A file name as text that can be stored and shown (undecodable bytes as \\xNN)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def expand(paths: list[str]) -> list[Input]:
    """Files, folders (recursively) and '-' for standard input, in the order given."""
    found: list[Input] = []
    stdin_seen = False
    for raw in paths:
        if raw == STDIN:
            problem = "standard input given twice" if stdin_seen else None
            found.append(Input("<stdin>", _stdin, filename="", problem=problem))
            stdin_seen = True
            continue
        path = Path(raw)
        if path.is_dir():
            files = [_one(p) for p in _walk(path)]
            empty = Input(printable(raw), _stdin, problem="no files in this folder")
            found.extend(files or [empty])
        else:
            found.append(_one(path))
    return found
