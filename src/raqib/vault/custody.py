"""The custody log: an append-only list of leaves, each one action on evidence.

A leaf is canonical JSON (sorted keys, UTF-8, no insignificant whitespace, NFC strings, no
floats) holding the action, the object's hash (or, for sensitive evidence, a salted
commitment to it), the user, the UTC time, its own index ``seq`` and ``prev``, the leaf hash
of the leaf before it. The Merkle tree over the leaves (RFC 6962) is what checkpoints sign;
``seq`` and ``prev`` let the verifier say *which* row was edited, deleted or moved.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqib.store.models import CustodyLeaf
from raqib.vault.merkle import leaf_hash

ACTIONS = frozenset(
    {"ingest", "view", "export", "correction", "redaction", "checkpoint", "verify", "review",
     "agreement", "import", "case"}
)
GENESIS_PREV = "0" * 64
COMMIT_DOMAIN = b"raqib.commitment.v1\x00"


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, float):
        raise ValueError("custody leaves hold no floats")
    return value


def canonical(value: dict[str, Any]) -> bytes:
    """The one byte encoding of a leaf."""
    return json.dumps(
        _nfc(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def _is_canonical(raw: dict[str, Any], data: bytes) -> bool:
    """Same test as ``canonical(raw) == data``, faster: JSON's own characters are ASCII, so
    the whole text is NFC exactly when every string in it is."""
    text = json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8") == data and unicodedata.is_normalized("NFC", text)


def utc_now() -> datetime:
    return datetime.now(UTC)


def db_now() -> datetime:
    """Now in UTC without a zone, as every time column of the store holds it (a zone-aware
    value would be shifted to the server's zone by some drivers)."""
    return datetime.now(UTC).replace(tzinfo=None)


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def commitment(salt: bytes, sha256_hex: str) -> str:
    """Salted commitment to a sensitive document: nobody without the salt can test a guess."""
    return hashlib.sha256(COMMIT_DOMAIN + salt + bytes.fromhex(sha256_hex)).hexdigest()


@dataclass(frozen=True)
class Entry:
    seq: int
    action: str
    object: str
    user: str
    time: str
    prev: str
    details: dict[str, Any]

    @classmethod
    def decode(cls, data: bytes, strict: bool = True) -> Entry:
        """Parse a stored leaf; ValueError names what is wrong with it.

        ``strict`` also checks the canonical encoding; it may be skipped for leaves under a
        valid signed checkpoint, which were checked before signing and cannot have changed
        without changing the signed root.
        """
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not JSON ({exc.__class__.__name__})") from exc
        if not isinstance(raw, dict) or set(raw) - {"details"} != {
            "v", "seq", "action", "object", "user", "time", "prev",
        }:
            raise ValueError("unexpected fields")
        if raw["v"] != 1 or (strict and not _is_canonical(raw, data)):
            raise ValueError("not in canonical form")
        if raw["action"] not in ACTIONS:
            raise ValueError(f"unknown action {raw['action']!r}")
        return cls(
            raw["seq"], raw["action"], raw["object"], raw["user"], raw["time"], raw["prev"],
            raw.get("details", {}),
        )


def encode_entry(entry: Entry) -> bytes:
    body: dict[str, Any] = {
        "v": 1, "seq": entry.seq, "action": entry.action, "object": entry.object,
        "user": entry.user, "time": entry.time, "prev": entry.prev,
    }
    if entry.details:
        body["details"] = entry.details
    return canonical(body)


def append(
    session: Session,
    action: str,
    obj: str,
    user: str,
    details: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> tuple[int, bytes]:
    """Append one leaf in the caller's transaction; returns its index and bytes.

    The storage adapter serialises writers (BEGIN IMMEDIATE on SQLite, a lock on a server),
    and the primary key on ``idx`` makes two leaves with one index impossible.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown custody action {action!r}")
    last = session.execute(
        select(CustodyLeaf).order_by(CustodyLeaf.idx.desc()).limit(1)
    ).scalar_one_or_none()
    seq = 0 if last is None else last.idx + 1
    prev = GENESIS_PREV if last is None else leaf_hash(last.data).hex()
    entry = Entry(seq, action, obj, user, format_time(now or utc_now()), prev, details or {})
    data = encode_entry(entry)
    session.add(CustodyLeaf(idx=seq, data=data))
    session.flush()
    return seq, data


def iter_leaves(session: Session) -> Iterator[tuple[int, bytes]]:
    """Every stored row as (idx, data), in index order."""
    rows = session.execute(
        select(CustodyLeaf.idx, CustodyLeaf.data).order_by(CustodyLeaf.idx)
    ).yield_per(10_000)
    for idx, data in rows:
        yield idx, bytes(data)


@dataclass
class LogScan:
    """The stored log read back and checked row by row."""

    indices: list[int]
    leaves: list[bytes]
    hashes: list[bytes]
    entries: list[Entry | None]
    problems: list[str]


def read(session: Session) -> LogScan:
    """Every stored row and its leaf hash, recomputed from the raw bytes; not yet checked."""
    result = LogScan([], [], [], [], [])
    for idx, data in iter_leaves(session):
        result.indices.append(idx)
        result.leaves.append(data)
        result.hashes.append(leaf_hash(data))
    return result


def check(log: LogScan, strict_from: int = 0) -> LogScan:
    """Check density, each row's form, its ``seq`` and its ``prev`` link."""
    prev_hash = GENESIS_PREV
    expected = 0
    for position, idx in enumerate(log.indices):
        if idx != expected:
            log.problems.append(f"log: leaves {expected}..{idx - 1} are missing (rows deleted)")
        expected = idx + 1
        log.entries.append(
            _check_row(idx, log.leaves[position], prev_hash, position >= strict_from,
                       log.problems)
        )
        prev_hash = log.hashes[position].hex()
    return log


def scan(session: Session) -> LogScan:
    """Read and fully check the log (before signing)."""
    return check(read(session))


def _check_row(
    idx: int, data: bytes, prev_hash: str, strict: bool, problems: list[str]
) -> Entry | None:
    try:
        entry = Entry.decode(data, strict)
    except ValueError as exc:
        problems.append(f"leaf {idx}: malformed ({exc}): the row was edited")
        return None
    if entry.seq != idx:
        problems.append(f"leaf {idx}: the row holds leaf {entry.seq}: rows were moved or inserted")
    elif entry.prev != prev_hash:
        problems.append(
            f"leaf {idx}: does not chain to the row before it: "
            f"leaf {idx - 1} was edited, or rows were deleted or inserted"
        )
    return entry
