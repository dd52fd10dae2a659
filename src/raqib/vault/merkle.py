"""RFC 6962 / RFC 9162 Merkle tree hashing, proof generation and proof verification.

Hashing (RFC 9162 §2.1.1): leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || left || right),
and the root of the empty tree is SHA-256(""). Verification follows RFC 9162 §2.1.3.2 and
§2.1.4.2 step by step.

Edge-case policy (the transparency-dev/merkle policy, as pinned by the test vectors in
``shared/data/rfc6962_vectors``):

* leaf hashes, roots and proof elements are exactly 32 bytes;
* ``index >= size`` is rejected, so nothing is ever "included" in the empty tree;
* a proof must have exactly the length the tree shape calls for;
* ``size1 == size2`` needs an empty proof and equal roots; the roots are only compared there,
  not length-checked, because no hashing happens (a vector pins this);
* a consistency proof from size 0 is rejected, even 0 -> 0: it proves nothing;
* ``size2 < size1`` is rejected.

Proof generators raise ``ValueError`` on arguments outside the tree (a caller bug); verifiers
raise ``ProofError`` with a one-line reason and return ``None`` on success.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Sequence

from raqib.errors import ProofError

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()
_LEAF = b"\x00"
_NODE = b"\x01"


def leaf_hash(data: bytes) -> bytes:
    """RFC 6962 leaf hash: SHA-256(0x00 || data)."""
    return hashlib.sha256(_LEAF + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 6962 interior node hash: SHA-256(0x01 || left || right)."""
    return hashlib.sha256(_NODE + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two strictly below ``n`` (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def _range_root(hashes: Sequence[bytes], lo: int, hi: int) -> bytes:
    """MTH of ``hashes[lo:hi]``, bottom-up: pair neighbours, carry an odd last node up.

    Carrying the last node up unpaired yields exactly the RFC's left-balanced tree (split at
    the largest power of two below n). Work is O(n) hashes, memory O(n/2), no recursion.
    """
    n = hi - lo
    if n == 0:
        return EMPTY_ROOT
    if n == 1:
        return bytes(hashes[lo])
    sha = hashlib.sha256
    level = [sha(_NODE + hashes[i] + hashes[i + 1]).digest() for i in range(lo, hi - 1, 2)]
    if n % 2:
        level.append(bytes(hashes[hi - 1]))
    while len(level) > 1:
        nxt = [sha(_NODE + level[i] + level[i + 1]).digest() for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            nxt.append(level[-1])
        level = nxt
    return level[0]


def root_from_hashes(leaf_hashes: Sequence[bytes]) -> bytes:
    """Merkle Tree Hash (RFC 9162 §2.1.1) over already-hashed leaves."""
    return _range_root(leaf_hashes, 0, len(leaf_hashes))


def roots_at(leaf_hashes: Sequence[bytes], sizes: Iterable[int]) -> dict[int, bytes]:
    """The Merkle Tree Hash of several prefixes in one pass over the leaves.

    Keeps the compact range (the perfect subtrees of the prefix, largest first); the root of
    a prefix folds them from the right, as the RFC's recursive definition does.
    """
    wanted = sorted({s for s in sizes if 0 <= s <= len(leaf_hashes)})
    roots: dict[int, bytes] = {}
    stack: list[tuple[int, bytes]] = []  # (height, hash)
    position = 0
    for size in wanted:
        while position < size:
            height, digest = 0, leaf_hashes[position]
            while stack and stack[-1][0] == height:
                digest = node_hash(stack.pop()[1], digest)
                height += 1
            stack.append((height, digest))
            position += 1
        roots[size] = _fold(stack)
    return roots


def _fold(stack: list[tuple[int, bytes]]) -> bytes:
    if not stack:
        return EMPTY_ROOT
    root = stack[-1][1]
    for _, digest in reversed(stack[:-1]):
        root = node_hash(digest, root)
    return root


def inclusion_proof(
    leaf_hashes: Sequence[bytes], index: int, size: int | None = None
) -> list[bytes]:
    """Audit path PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, lowest level first."""
    n = len(leaf_hashes) if size is None else size
    if not 0 <= n <= len(leaf_hashes):
        raise ValueError(f"tree size {n} is outside 0..{len(leaf_hashes)}")
    if not 0 <= index < n:
        raise ValueError(f"leaf index {index} is not in a tree of size {n}")
    path: list[bytes] = []
    lo, hi, m = 0, n, index
    while hi - lo > 1:
        k = _split(hi - lo)
        if m < k:
            path.append(_range_root(leaf_hashes, lo + k, hi))
            hi = lo + k
        else:
            path.append(_range_root(leaf_hashes, lo, lo + k))
            lo, m = lo + k, m - k
    path.reverse()
    return path


def consistency_proof(leaf_hashes: Sequence[bytes], size1: int, size2: int) -> list[bytes]:
    """PROOF(size1, D[0:size2]) of RFC 9162 §2.1.4.1; empty when the sizes are equal."""
    if not 0 < size1 <= size2 <= len(leaf_hashes):
        raise ValueError(f"need 0 < size1 <= size2 <= {len(leaf_hashes)}, got {size1}, {size2}")
    path: list[bytes] = []
    lo, hi, m, whole = 0, size2, size1, True
    while m != hi - lo:
        k = _split(hi - lo)
        if m <= k:
            path.append(_range_root(leaf_hashes, lo + k, hi))
            hi = lo + k
        else:
            path.append(_range_root(leaf_hashes, lo, lo + k))
            lo, m, whole = lo + k, m - k, False
    if not whole:
        path.append(_range_root(leaf_hashes, lo, hi))
    path.reverse()
    return path


def _check_hash(what: str, value: bytes) -> None:
    if len(value) != HASH_SIZE:
        raise ProofError(f"{what} is {len(value)} bytes, expected {HASH_SIZE}")


def _check_proof(proof: Sequence[bytes]) -> None:
    for i, element in enumerate(proof):
        _check_hash(f"proof element {i}", element)


def _inclusion_shape(index: int, size: int) -> tuple[int, int]:
    """(inner, border) lengths of the audit path for ``index`` in a tree of ``size``."""
    inner = (index ^ (size - 1)).bit_length()
    border = (index >> inner).bit_count()
    return inner, border


def _consistency_length(size1: int, size2: int) -> int:
    """Exact length of a consistency proof for 0 < size1 < size2."""
    inner, border = _inclusion_shape(size1 - 1, size2)
    shift = (size1 & -size1).bit_length() - 1
    start = 0 if size1 == 1 << shift else 1
    return start + inner - shift + border


def verify_inclusion(
    leaf_hash: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes
) -> None:
    """Check an audit path, exactly RFC 9162 §2.1.3.2; raise ProofError if it fails."""
    if index < 0 or index >= size:
        raise ProofError(f"leaf index {index} is not in a tree of size {size}")
    _check_hash("leaf hash", leaf_hash)
    _check_hash("root", root)
    _check_proof(proof)
    want = sum(_inclusion_shape(index, size))
    if len(proof) != want:
        raise ProofError(f"inclusion proof has {len(proof)} hashes, expected {want}")
    fn, sn, r = index, size - 1, leaf_hash
    for p in proof:
        if sn == 0:
            raise ProofError("inclusion proof is longer than the path to the root")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("inclusion proof is shorter than the path to the root")
    if not hmac.compare_digest(r, root):
        raise ProofError(f"inclusion proof for leaf {index} does not lead to the expected root")


def _check_consistency_args(
    size1: int, size2: int, proof: Sequence[bytes], root1: bytes, root2: bytes
) -> None:
    if size1 < 0 or size2 < 0:
        raise ProofError(f"tree sizes must not be negative, got {size1} and {size2}")
    if size1 == 0:
        raise ProofError("consistency proof from the empty tree is meaningless")
    if size2 < size1:
        raise ProofError(f"size2 ({size2}) is smaller than size1 ({size1})")
    if size1 == size2:
        return
    _check_hash("root1", root1)
    _check_hash("root2", root2)
    _check_proof(proof)
    if not proof:
        raise ProofError("empty consistency proof for different tree sizes")
    want = _consistency_length(size1, size2)
    if len(proof) != want:
        raise ProofError(f"consistency proof has {len(proof)} hashes, expected {want}")


def verify_consistency(
    size1: int, size2: int, proof: Sequence[bytes], root1: bytes, root2: bytes
) -> None:
    """Check a consistency proof, exactly RFC 9162 §2.1.4.2; raise ProofError if it fails."""
    _check_consistency_args(size1, size2, proof, root1, root2)
    if size1 == size2:
        if proof:
            raise ProofError("tree sizes are equal but the consistency proof is not empty")
        if not hmac.compare_digest(root1, root2):
            raise ProofError(f"roots differ for the same tree size {size1}")
        return
    path = list(proof)
    if size1 & (size1 - 1) == 0:  # size1 is an exact power of two
        path.insert(0, root1)
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError("consistency proof is longer than the path to the root")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("consistency proof is shorter than the path to the root")
    if not hmac.compare_digest(fr, root1):
        raise ProofError(f"consistency proof does not reproduce the root of size {size1}")
    if not hmac.compare_digest(sr, root2):
        raise ProofError(f"consistency proof does not reproduce the root of size {size2}")
