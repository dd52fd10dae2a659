"""Content-addressed, write-once blob store.

Every blob is written to a temporary file, fsynced, renamed into place and the directory
fsynced; identical bytes are stored once and an existing blob is never rewritten.
Plain blobs live at ``blobs/ab/<sha256>``; sensitive ones are sealed (encrypted) at
``sealed/ab/<commitment>`` so that neither their bytes nor their hash show on disk.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from raqib.errors import EvidenceTampered
from raqib.vault import seal, spool

CHUNK = 1 << 20
_FOLDERS = {"sha256": "blobs", "sealed": "sealed"}


@dataclass(frozen=True)
class Spooled:
    """Bytes copied into the vault's scratch folder and hashed, not yet a blob."""

    path: Path
    sha256: str
    size: int


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BlobStore:
    def __init__(self, root: Path, seal_key: Callable[[], bytes]) -> None:
        self._load_seal_key = seal_key
        self._seal_key: bytes | None = None
        self.root = root
        self._root_str = str(root)
        self.tmp = root / "tmp"
        for sub in ("blobs", "sealed", "tmp"):
            (root / sub).mkdir(parents=True, exist_ok=True)

    @property
    def seal_key(self) -> bytes:
        """Loaded on first use: plain blobs can be checked without the sealing key."""
        if self._seal_key is None:
            self._seal_key = self._load_seal_key()
        return self._seal_key

    # -- writing -------------------------------------------------------------------------

    def spool(self, src: BinaryIO) -> Spooled:
        """Copy a stream into a scratch file, hashing as it goes; fsync it."""
        name = os.path.join(self.tmp, f"in-{os.getpid()}-{secrets.token_hex(8)}")
        fd, direct = spool.open_for_spool(name)
        try:
            sha256, size = spool.copy_and_hash(src, fd, direct)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        finally:
            os.close(fd)
        return Spooled(Path(name), sha256, size)

    def path_for(self, key: str) -> Path:
        return Path(self.path_str(key))

    def path_str(self, key: str) -> str:
        """The blob's file path as a string (cheap: used for 100,000s of blobs at once)."""
        kind, _, hexdigest = key.partition(":")
        folder = _FOLDERS[kind]
        return f"{self._root_str}/{folder}/{hexdigest[:2]}/{hexdigest}"

    def commit(self, spooled: Spooled, key: str | None = None, keep: bool = False) -> str:
        """Put spooled bytes in place as a plain blob (or sealed under ``key``).

        With ``keep`` the scratch file stays readable (hard link instead of rename) until
        the caller discards it, so a container can still be read for its children.
        """
        sealed = key is not None
        key = key or f"sha256:{spooled.sha256}"
        target = self.path_for(key)
        if target.exists():  # an orphan of an interrupted run: adopt it only if intact
            expected = spooled.sha256 if not sealed else None
            if expected is not None and self.rehash(key) != expected:
                raise EvidenceTampered(f"blob {key} already on disk does not match its name")
            if not keep:
                spooled.path.unlink(missing_ok=True)
            return key
        source = self._sealed_copy(spooled) if sealed else spooled.path
        source.chmod(0o444)  # write-once: nobody rewrites a blob by accident
        self._make_parents(target)
        try:
            if keep and not sealed:
                os.link(source, target)
            else:
                os.rename(source, target)
        except FileExistsError:  # the same bytes, placed by another process just now
            if source != spooled.path:
                source.unlink(missing_ok=True)
        _fsync_dir(target.parent)
        if sealed and not keep:
            spooled.path.unlink(missing_ok=True)
        return key

    def discard(self, spooled: Spooled) -> None:
        spooled.path.unlink(missing_ok=True)

    def _sealed_copy(self, spooled: Spooled) -> Path:
        fd, name = tempfile.mkstemp(dir=self.tmp, prefix=f"seal-{os.getpid()}-")
        with os.fdopen(fd, "wb") as out, spooled.path.open("rb") as src:
            seal.seal_stream(self.seal_key, src, out)
            out.flush()
            os.fsync(out.fileno())
        return Path(name)

    def _make_parents(self, target: Path) -> None:
        if not target.parent.is_dir():
            target.parent.mkdir(exist_ok=True)
            _fsync_dir(target.parent.parent)

    # -- reading -------------------------------------------------------------------------

    def exists(self, key: str) -> bool:
        return self.path_for(key).is_file()

    def read_chunks(self, key: str) -> Iterator[bytes]:
        """The original bytes of a blob (decrypted when sealed), in chunks."""
        path = self.path_for(key)
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):
                raise EvidenceTampered(f"blob {key} is not a regular file any more (replaced)")
            handle = path.open("rb")
        except FileNotFoundError as exc:
            raise EvidenceTampered(f"blob {key} is missing from the vault") from exc
        except OSError as exc:
            raise EvidenceTampered(f"blob {key} cannot be read: {exc.strerror or exc}") from exc
        with handle:
            if key.startswith("sealed:"):
                yield from seal.open_stream(self.seal_key, handle, key)
            else:
                while chunk := handle.read(CHUNK):
                    yield chunk

    def rehash(self, key: str) -> str:
        """SHA-256 of the original bytes of a blob (decrypted first when sealed)."""
        digest = hashlib.sha256()
        for chunk in self.read_chunks(key):
            digest.update(chunk)
        return digest.hexdigest()

    def stored_keys(self) -> Iterator[str]:
        """Every blob key present on disk (to find blobs no document refers to)."""
        for kind, folder in (("sha256", "blobs"), ("sealed", "sealed")):
            for top in os.scandir(self.root / folder):
                for entry in os.scandir(top.path) if top.is_dir() else ():
                    yield f"{kind}:{entry.name}"

    def clean_scratch(self) -> int:
        """Remove scratch files of runs that died (their process is gone): they were never
        blobs, and may hold the plaintext of a sensitive input. Live runs' files stay."""
        removed = 0
        for path in self.tmp.iterdir():
            pid = path.name.split("-")[1] if path.name.count("-") >= 2 else ""
            if pid.isdigit() and not _alive(int(pid)):
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
