"""Encryption at rest for sensitive evidence (libsodium through PyNaCl, nothing home-made).

Blobs are sealed with the XChaCha20-Poly1305 *secretstream* construction, so files of any
size are encrypted and authenticated in bounded memory, and truncation is detected.
Small fields (the title and text of a sensitive document) are sealed with SecretBox.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import nacl.bindings as sodium
import nacl.exceptions
import nacl.secret

from raqib.errors import EvidenceTampered

CHUNK = 1 << 16
MAGIC = b"RAQIBSEAL1"
_ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
_HEADER = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL


def seal_stream(key: bytes, src: BinaryIO, dst: BinaryIO) -> None:
    """Encrypt everything readable from ``src`` into ``dst``."""
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    header = sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    dst.write(MAGIC + header)
    chunk = src.read(CHUNK)
    while True:
        nxt = src.read(CHUNK)
        tag = 0 if nxt else _FINAL
        dst.write(sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, None, tag))
        if not nxt:
            return
        chunk = nxt


def open_stream(key: bytes, src: BinaryIO, name: str) -> Iterator[bytes]:
    """Yield the plaintext of a sealed blob; raise EvidenceTampered if it does not verify."""
    head = src.read(len(MAGIC) + _HEADER)
    if len(head) != len(MAGIC) + _HEADER or not head.startswith(MAGIC):
        raise EvidenceTampered(f"sealed blob {name}: bad header")
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, head[len(MAGIC) :], key)
    while True:
        block = src.read(CHUNK + _ABYTES)
        if not block:
            raise EvidenceTampered(f"sealed blob {name}: truncated (no final chunk)")
        try:
            plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, block, None)
        except nacl.exceptions.RuntimeError as exc:
            raise EvidenceTampered(f"sealed blob {name}: does not decrypt ({exc})") from exc
        yield plain
        if tag == _FINAL:
            if src.read(1):
                raise EvidenceTampered(f"sealed blob {name}: data after the final chunk")
            return


def seal_bytes(key: bytes, data: bytes) -> bytes:
    return bytes(nacl.secret.SecretBox(key).encrypt(data))


def open_bytes(key: bytes, data: bytes) -> bytes:
    try:
        return nacl.secret.SecretBox(key).decrypt(data)
    except nacl.exceptions.CryptoError as exc:
        raise EvidenceTampered("sealed field does not decrypt") from exc
