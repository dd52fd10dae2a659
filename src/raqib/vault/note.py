"""C2SP signed notes (Ed25519) and C2SP tlog-checkpoint bodies.

A signed note is the text (ending in a newline), a blank line, then signature lines
``— <name> <base64(key id || signature)>``. The key id is the first 4 bytes of
SHA-256(name || "\\n" || 0x01 || public key); the signature is Ed25519 over the UTF-8 text.
This is byte-compatible with golang.org/x/mod/sumdb/note.

Verification accepts a note when it carries a signature by the given key and every signature
line by that key verifies. Well-formed signature lines by other keys are ignored (C2SP: keys
rotate and witnesses cosign); malformed lines make the whole note malformed.

Bad arguments from our own code (an invalid key name, text without a final newline) raise
``ValueError``; anything wrong with received notes, keys or checkpoints raises ``ProofError``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import nacl.exceptions
import nacl.signing

from raqib.errors import ProofError

ALG_ED25519 = b"\x01"
SIG_PREFIX = "— "
MAX_SIGNATURES = 100
_SIZE = re.compile(r"0|[1-9][0-9]*")
_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def _valid_name(name: str) -> bool:
    """Non-empty, no Unicode space, no '+', no control character (signed-note key names)."""
    return bool(name) and "+" not in name and not any(c.isspace() or c < " " for c in name)


def _has_control(text: str) -> bool:
    return any(c < " " and c != "\n" for c in text)


def _b64decode(text: str) -> bytes:
    """Strict, canonical standard base64; ValueError otherwise."""
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if base64.b64encode(raw).decode("ascii") != text:
        raise ValueError("non-canonical base64")
    return raw


def key_id(name: str, public_key: bytes) -> bytes:
    """The 4-byte key id: SHA-256(name || "\\n" || 0x01 || public_key)[:4]."""
    if len(public_key) != 32:
        raise ValueError(f"Ed25519 public key is {len(public_key)} bytes, expected 32")
    return hashlib.sha256(name.encode() + b"\n" + ALG_ED25519 + public_key).digest()[:4]


def verifier_key(name: str, public_key: bytes) -> str:
    """The vkey text ``name+hexkeyid+base64(0x01 || public_key)``."""
    if not _valid_name(name):
        raise ValueError(f"invalid key name {name!r}")
    b64 = base64.b64encode(ALG_ED25519 + public_key).decode("ascii")
    return f"{name}+{key_id(name, public_key).hex()}+{b64}"


def parse_verifier_key(text: str) -> tuple[str, bytes]:
    """Parse a vkey into (name, 32-byte Ed25519 public key), checking its key id."""
    parts = text.split("+", 2)
    if len(parts) != 3 or not _valid_name(parts[0]):
        raise ProofError("malformed verifier key: expected name+keyid+key")
    name, hex_id, b64 = parts
    try:
        if not re.fullmatch(r"[0-9a-fA-F]{8}", hex_id):
            raise ValueError("key id")
        raw = _b64decode(b64)
    except ValueError:
        raise ProofError(f"malformed verifier key for {name}") from None
    if len(raw) != 33 or raw[:1] != ALG_ED25519:
        raise ProofError(f"verifier key for {name} is not an Ed25519 key")
    if key_id(name, raw[1:]) != bytes.fromhex(hex_id):
        raise ProofError(f"verifier key for {name} has a wrong key id")
    return name, raw[1:]


def sign_note(text: str, name: str, signing_key: nacl.signing.SigningKey) -> str:
    """Sign ``text`` and return the signed note (text, blank line, one signature line)."""
    if not text.endswith("\n"):
        raise ValueError("note text must end with a newline")
    if _has_control(text):
        raise ValueError("note text must not contain control characters other than newline")
    if not _valid_name(name):
        raise ValueError(f"invalid key name {name!r}")
    kid = key_id(name, bytes(signing_key.verify_key))
    signature = signing_key.sign(text.encode("utf-8")).signature
    return f"{text}\n{SIG_PREFIX}{name} {base64.b64encode(kid + signature).decode('ascii')}\n"


def _split_note(note: str) -> tuple[str, list[tuple[str, bytes]]]:
    """Split a note into its text and its (name, key id || signature) lines."""
    try:
        note.encode("utf-8")
    except UnicodeEncodeError:
        raise ProofError("malformed note: not valid UTF-8") from None
    if _has_control(note):
        raise ProofError("malformed note: control character")
    split = note.rfind("\n\n")
    if split < 0:
        raise ProofError("malformed note: no blank line before the signatures")
    text, block = note[: split + 1], note[split + 2 :]
    if not block.endswith("\n"):
        raise ProofError("malformed note: signature block missing or without final newline")
    lines = block[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        raise ProofError(f"malformed note: more than {MAX_SIGNATURES} signatures")
    sigs = []
    for line in lines:
        sig_name, _, b64 = line.removeprefix(SIG_PREFIX).partition(" ")
        try:
            raw = _b64decode(b64)
        except ValueError:
            raw = b""
        if not line.startswith(SIG_PREFIX) or not _valid_name(sig_name) or len(raw) < 5:
            raise ProofError(f"malformed note: bad signature line {line[:40]!r}")
        sigs.append((sig_name, raw))
    return text, sigs


def open_note(note: str, name: str, public_key: bytes) -> str:
    """Return the text of ``note`` if it is signed by the key (name, public_key)."""
    if len(public_key) != 32:
        raise ProofError(f"Ed25519 public key is {len(public_key)} bytes, expected 32")
    kid = key_id(name, public_key)
    text, sigs = _split_note(note)
    verify_key = nacl.signing.VerifyKey(public_key)
    found = False
    for sig_name, raw in sigs:
        if sig_name != name or raw[:4] != kid:
            continue  # another key: ignored
        try:
            verify_key.verify(text.encode("utf-8"), raw[4:])
        except nacl.exceptions.CryptoError:
            raise ProofError(f"signature by {name} does not verify") from None
        found = True
    if not found:
        raise ProofError(f"no signature by key {name}+{kid.hex()}")
    return text


@dataclass(frozen=True)
class Checkpoint:
    """A C2SP tlog-checkpoint body: origin, tree size, root hash, extension lines."""

    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.origin or "\n" in self.origin or _has_control(self.origin):
            raise ValueError(f"invalid checkpoint origin {self.origin!r}")
        if not 0 <= self.size < 1 << 64:
            raise ValueError(f"checkpoint size {self.size} is outside uint64")
        if len(self.root) != 32:
            raise ValueError(f"checkpoint root is {len(self.root)} bytes, expected 32")
        for ext in self.extensions:
            if not ext or "\n" in ext or _has_control(ext):
                raise ValueError(f"invalid checkpoint extension line {ext!r}")

    def to_text(self) -> str:
        root = base64.b64encode(self.root).decode("ascii")
        return "".join(f"{line}\n" for line in (self.origin, self.size, root, *self.extensions))

    @classmethod
    def parse(cls, text: str) -> Checkpoint:
        """Parse a checkpoint body strictly; raise ProofError on anything off-format."""
        if not text.endswith("\n"):
            raise ProofError("malformed checkpoint: missing final newline")
        if _has_control(text):
            raise ProofError("malformed checkpoint: control character")
        lines = text[:-1].split("\n")
        if len(lines) < 3:
            raise ProofError("malformed checkpoint: fewer than 3 lines")
        origin, size, b64, *extensions = lines
        if not origin:
            raise ProofError("malformed checkpoint: empty origin")
        if len(size) > 20 or not _SIZE.fullmatch(size) or int(size) >= 1 << 64:
            raise ProofError(f"malformed checkpoint: tree size {size[:30]!r} is not canonical")
        try:
            root = _b64decode(b64)
        except ValueError:
            raise ProofError("malformed checkpoint: root is not base64") from None
        if len(root) != 32:
            raise ProofError(f"malformed checkpoint: root is {len(root)} bytes, expected 32")
        if "" in extensions:
            raise ProofError("malformed checkpoint: empty extension line")
        return cls(origin, int(size), root, tuple(extensions))


def time_extension(when: datetime) -> str:
    """The Raqib extension line ``time 2026-11-30T08:33:29.123456Z`` for an aware datetime."""
    if when.tzinfo is None:
        raise ValueError("checkpoint time must be timezone-aware")
    utc = when.astimezone(UTC).replace(tzinfo=None)
    return f"time {utc.isoformat(timespec='microseconds')}Z"


def checkpoint_time(cp: Checkpoint) -> datetime | None:
    """The UTC time in the checkpoint's ``time`` extension line, or None if it has none."""
    values = [e.removeprefix("time ") for e in cp.extensions if e.startswith("time ")]
    if not values:
        return None
    if len(values) > 1:
        raise ProofError("malformed checkpoint: more than one time line")
    if not _TIME.fullmatch(values[0]):
        raise ProofError(f"malformed checkpoint: bad time {values[0][:40]!r}")
    try:
        return datetime.strptime(values[0], _TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise ProofError(f"malformed checkpoint: bad time {values[0]!r}") from None
