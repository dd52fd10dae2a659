"""The reader interface: what every capture reader receives and returns.

A reader turns the bytes of one stored piece of evidence into text and metadata. Readers
never write anything: the ingest service stores the bytes first, then asks a reader to
parse them, then records the result. A reader that finds embedded documents (WARC response
records, feed entries) yields them as ``Child`` items, which the ingest service stores as
documents of their own, each linked to its parent.

Readers register like plugins: every module in ``raqib.capture.readers`` that defines a
module-level ``READERS`` list is picked up by ``raqib.capture.registry``; third-party
packages add theirs through the ``raqib.readers`` entry-point group. Adding a reader
touches no central file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Protocol, runtime_checkable

from raqib.errors import RaqibError


class ReaderError(RaqibError):
    """The bytes are stored, but a reader could not get text out of them.

    The message is one line naming the cause ("truncated PDF: startxref not found");
    the ingest service records the document as ``stored-without-text`` with that reason.
    """


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile or huge input from exhausting the machine."""

    max_parse_bytes: int = 32 * 1024 * 1024
    """Inputs larger than this are stored but not parsed (streaming readers excepted)."""
    max_child_bytes: int = 64 * 1024 * 1024
    """Largest decompressed payload a container may yield for one child (zip-bomb guard)."""


@dataclass(frozen=True)
class Sample:
    """What a reader may look at to decide whether it handles an input."""

    head: bytes
    """The first 8 KiB of the bytes (fewer when the input is shorter)."""
    filename: str
    """The original file name (or the URL's last segment, or '<stdin>'); may be empty."""
    media_type_hint: str | None = None
    """A media type declared by the container (HTTP Content-Type of a WARC record, ...)."""


@dataclass
class Child:
    """A document embedded in a container (a WARC response record, a feed entry).

    ``stream`` yields the child's bytes; it is only valid until the container's iterator
    advances, so the consumer must read it before asking for the next child. A child that
    could not be read carries ``error`` (one line) and an empty stream.
    """

    name: str
    """Where it came from, for messages: 'capture.warc.gz#offset=1234'."""
    stream: BinaryIO
    media_type_hint: str | None = None
    url: str | None = None
    captured_at: datetime | None = None
    published_at: datetime | None = None
    title: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    error: str | None = None


@dataclass
class Parsed:
    """What a reader found in one document."""

    text: str | None
    """The main text (body only: no navigation, no repeated header blocks). None if none."""
    media_type: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    department: str | None = None
    kind: str | None = None
    """'press release', 'news article', 'report', 'statement', 'web page', 'feed', ..."""
    published_at: datetime | None = None
    """Timezone-aware when the source says so; naive means 'local time of the source'."""
    language: str | None = None
    """ISO 639-1 code, from metadata or detected from the text."""
    url: str | None = None
    captured_at: datetime | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    children: Iterator[Child] | None = None
    """Embedded documents, consumed by the ingest service in order (containers only)."""


@runtime_checkable
class Reader(Protocol):
    """A capture reader. ``name`` is versioned ('capture.html.v1') and stamped on output."""

    name: str
    streaming: bool
    """True if the reader works in bounded memory on inputs of any size (WARC)."""

    def score(self, sample: Sample) -> int:
        """How well this reader fits the input: 0 = not at all, higher wins.

        Convention: 100 for a magic-number match, 50 for a declared media type, 10 for a
        file-name extension alone.
        """
        ...

    def read(self, path: Path, limits: Limits) -> Parsed:
        """Parse the bytes at ``path``; raise ``ReaderError`` with a one-line reason."""
        ...
