"""Workspace keys: the Ed25519 signing key and the secret key for encryption at rest.

Both live in files outside the database, created with mode 0600 and never overwritten.
"""

from __future__ import annotations

import os
from pathlib import Path

import nacl.secret
import nacl.signing
import nacl.utils

from raqib.errors import WorkspaceError
from raqib.vault import note

SIGNING_KEY = "signing.key"
PUBLIC_KEY = "signing.pub"
SEAL_KEY = "seal.key"


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def create_keys(keys_dir: Path, origin: str) -> None:
    """Generate the signing key and the sealing key; refuse to replace existing ones."""
    keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    signing = nacl.signing.SigningKey.generate()
    _write_private(keys_dir / SIGNING_KEY, bytes(signing))
    _write_private(keys_dir / SEAL_KEY, nacl.utils.random(nacl.secret.SecretBox.KEY_SIZE))
    vkey = note.verifier_key(origin, bytes(signing.verify_key))
    (keys_dir / PUBLIC_KEY).write_text(vkey + "\n", encoding="utf-8")


def _read_private(path: Path, size: int) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WorkspaceError(f"cannot read key {path}: {exc.strerror}") from exc
    if len(data) != size:
        raise WorkspaceError(f"key file {path} is damaged: {len(data)} bytes, expected {size}")
    return data


def load_signing_key(keys_dir: Path) -> nacl.signing.SigningKey:
    return nacl.signing.SigningKey(_read_private(keys_dir / SIGNING_KEY, 32))


def load_seal_key(keys_dir: Path) -> bytes:
    return _read_private(keys_dir / SEAL_KEY, nacl.secret.SecretBox.KEY_SIZE)
