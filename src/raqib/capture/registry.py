"""Finding readers (built-in modules and plugins) and choosing one for an input.

Built-in readers and third-party readers register the same way: a module in
``raqib.capture.readers`` with a module-level ``READERS`` list, or an entry point in the
``raqib.readers`` group that loads a ``Reader`` or a list of them. Nothing happens at
import: callers call ``load_readers()`` once and keep the list.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Iterable, Iterator
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from raqib.capture.base import Reader, Sample
from raqib.capture.support import one_line

ENTRY_POINT_GROUP = "raqib.readers"
BUILTIN_PACKAGE = "raqib.capture.readers"
SAMPLE_BYTES = 8 * 1024

_LOG = logging.getLogger(__name__)


def _as_readers(value: Any, origin: str) -> list[Reader]:
    items = value if isinstance(value, list | tuple) else [value]
    readers: list[Reader] = []
    for item in items:
        if isinstance(item, Reader):
            readers.append(item)
        else:
            _LOG.warning("ignoring %r from %s: not a Reader", item, origin)
    return readers


def _builtin_readers(package_name: str) -> Iterator[Reader]:
    package = importlib.import_module(package_name)
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{package_name}.{info.name}")
        if hasattr(module, "READERS"):
            yield from _as_readers(module.READERS, module.__name__)


def _plugin_readers(group: str) -> Iterator[Reader]:
    for entry_point in sorted(entry_points(group=group), key=lambda ep: ep.name):
        try:
            loaded = entry_point.load()
        except Exception as exc:  # a broken plugin must not stop ingestion
            _LOG.warning("cannot load reader plugin %s: %s", entry_point.name, one_line(exc))
            continue
        yield from _as_readers(loaded, f"entry point {entry_point.name}")


def load_readers(package: str = BUILTIN_PACKAGE, group: str = ENTRY_POINT_GROUP) -> list[Reader]:
    """All readers: built-in modules first, then plugins; a repeated name is dropped."""
    readers: list[Reader] = []
    seen: set[str] = set()
    for reader in [*_builtin_readers(package), *_plugin_readers(group)]:
        if reader.name in seen:
            _LOG.warning("ignoring a second reader named %s", reader.name)
            continue
        seen.add(reader.name)
        readers.append(reader)
    return readers


def _score(reader: Reader, sample: Sample) -> int:
    try:
        return int(reader.score(sample))
    except Exception as exc:  # a faulty plugin scores nothing rather than failing ingest
        _LOG.warning(
            "reader %s failed to score %s: %s", reader.name, sample.filename, one_line(exc)
        )
        return 0


def choose(readers: Iterable[Reader], sample: Sample) -> Reader | None:
    """The reader with the highest score above 0; equal scores go to the smaller name."""
    scored = [(_score(reader, sample), reader) for reader in readers]
    candidates = [(score, reader) for score, reader in scored if score > 0]
    if not candidates:
        return None
    return min(candidates, key=lambda pair: (-pair[0], pair[1].name))[1]


def make_sample(path: Path, filename: str, media_type_hint: str | None = None) -> Sample:
    """The first 8 KiB of ``path`` with its original name and declared media type."""
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
    return Sample(head=head, filename=filename, media_type_hint=media_type_hint)
