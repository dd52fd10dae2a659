"""RFC 6962 / 9162 Merkle tree: known answers, a naive reference, and Hypothesis properties."""

from __future__ import annotations

import base64
import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raqib.errors import ProofError
from raqib.vault import merkle

# --- Independent reference: RFC 9162 §2.1 definitions, recursive, hashing with hashlib. ---


def _h(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _k(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def ref_mth(d: list[bytes]) -> bytes:
    """MTH over already-hashed leaves."""
    if not d:
        return _h(b"")
    if len(d) == 1:
        return d[0]
    k = _k(len(d))
    return _h(b"\x01" + ref_mth(d[:k]) + ref_mth(d[k:]))


def ref_path(m: int, d: list[bytes]) -> list[bytes]:
    if len(d) == 1:
        return []
    k = _k(len(d))
    if m < k:
        return [*ref_path(m, d[:k]), ref_mth(d[k:])]
    return [*ref_path(m - k, d[k:]), ref_mth(d[:k])]


def ref_subproof(m: int, d: list[bytes], whole: bool) -> list[bytes]:
    if m == len(d):
        return [] if whole else [ref_mth(d)]
    k = _k(len(d))
    if m <= k:
        return [*ref_subproof(m, d[:k], whole), ref_mth(d[k:])]
    return [*ref_subproof(m - k, d[k:], False), ref_mth(d[:k])]


LEAVES = [_h(b"\x00" + i.to_bytes(4, "big")) for i in range(4200)]

# --- Known answers (RFC 6962; transparency-dev/merkle rfc6962_test.go, testonly/constants.go).

TDM_INPUTS = [
    bytes.fromhex(x)
    for x in (
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    )
]
TDM_ROOTS = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
TDM_LEAF_HASHES = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
]
TDM = [merkle.leaf_hash(x) for x in TDM_INPUTS]
HAPPY_PATH_8_ROOT = base64.b64decode("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=")


def test_hasher_constants() -> None:
    assert merkle.EMPTY_ROOT.hex() == TDM_ROOTS[0]
    assert merkle.root_from_hashes([]).hex() == TDM_ROOTS[0]
    assert merkle.leaf_hash(b"").hex() == TDM_LEAF_HASHES[0]
    assert merkle.leaf_hash(b"L123456").hex() == (
        "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56"
    )
    assert merkle.node_hash(b"N123", b"N456").hex() == (
        "aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb"
    )
    assert merkle.leaf_hash(b"") != merkle.EMPTY_ROOT


def test_tdm_leaf_hashes() -> None:
    assert [h.hex() for h in TDM] == TDM_LEAF_HASHES


@pytest.mark.parametrize("size", range(9))
def test_tdm_roots(size: int) -> None:
    got = merkle.root_from_hashes(TDM[:size])
    assert got == ref_mth(TDM[:size])
    assert got.hex() == TDM_ROOTS[size]


def test_eight_leaf_root_matches_vector_happy_path() -> None:
    assert merkle.root_from_hashes(TDM) == HAPPY_PATH_8_ROOT


@pytest.mark.parametrize(
    ("index", "size", "proof"),
    [
        (0, 8, ("96a296d2", "5f083f0a", "6b47aaf2")),
        (5, 8, ("bc1a0643", "ca854ea1", "d37ee418")),
        (2, 3, ("fac54203",)),
        (1, 5, ("6e340b9c", "5f083f0a", "bc1a0643")),
    ],
)
def test_tdm_inclusion_proofs(index: int, size: int, proof: tuple[str, ...]) -> None:
    got = merkle.inclusion_proof(TDM, index, size)
    assert [p.hex()[:8] for p in got] == list(proof)
    merkle.verify_inclusion(TDM[index], index, size, got, bytes.fromhex(TDM_ROOTS[size]))


@pytest.mark.parametrize(
    ("size1", "size2", "proof"),
    [
        (1, 8, ("96a296d2", "5f083f0a", "6b47aaf2")),
        (6, 8, ("0ebc5d34", "ca854ea1", "d37ee418")),
        (2, 5, ("5f083f0a", "bc1a0643")),
        (6, 7, ("0ebc5d34", "b08693ec", "d37ee418")),
    ],
)
def test_tdm_consistency_proofs(size1: int, size2: int, proof: tuple[str, ...]) -> None:
    got = merkle.consistency_proof(TDM, size1, size2)
    assert [p.hex()[:8] for p in got] == list(proof)
    r1, r2 = bytes.fromhex(TDM_ROOTS[size1]), bytes.fromhex(TDM_ROOTS[size2])
    merkle.verify_consistency(size1, size2, got, r1, r2)


def test_rfc6962_seven_leaf_example() -> None:
    """RFC 6962 §2.1.3 figures: audit paths and consistency proofs, by node name."""
    d = [merkle.leaf_hash(bytes([i])) for i in range(7)]
    a, b, c, dd, e, f, j = d
    g, h, i = merkle.node_hash(a, b), merkle.node_hash(c, dd), merkle.node_hash(e, f)
    k, lnode = merkle.node_hash(g, h), merkle.node_hash(i, j)
    assert merkle.inclusion_proof(d, 0) == [b, h, lnode]
    assert merkle.inclusion_proof(d, 3) == [c, g, lnode]
    assert merkle.inclusion_proof(d, 4) == [f, j, k]
    assert merkle.inclusion_proof(d, 6) == [i, k]
    assert merkle.consistency_proof(d, 3, 7) == [c, dd, g, lnode]
    assert merkle.consistency_proof(d, 4, 7) == [lnode]
    assert merkle.consistency_proof(d, 6, 7) == [i, j, k]
    assert merkle.root_from_hashes(d) == merkle.node_hash(k, lnode)


@pytest.mark.parametrize("n", [255, 256, 257, 1000, 1023, 1024, 1025, 4097])
def test_larger_trees_match_reference(n: int) -> None:
    d = LEAVES[:n]
    assert merkle.root_from_hashes(d) == ref_mth(d)
    for m in (0, 1, n // 3, n - 2, n - 1):
        assert merkle.inclusion_proof(d, m) == ref_path(m, d)
    for m in (1, 2, n // 2, n - 1, n):
        assert merkle.consistency_proof(d, m, n) == ref_subproof(m, d, True)


def test_million_leaves_split_at_largest_power_of_two() -> None:
    n = 1_000_000
    d = [hashlib.sha256(i.to_bytes(8, "big")).digest() for i in range(n)]
    root = merkle.root_from_hashes(d)
    proof = merkle.inclusion_proof(d, 765_432)
    k = 1 << 19
    assert root == merkle.node_hash(merkle.root_from_hashes(d[:k]), merkle.root_from_hashes(d[k:]))
    merkle.verify_inclusion(d[765_432], 765_432, n, proof, root)
    assert len(proof) == 20


# --- Argument checking. ---


def test_generators_reject_out_of_range_arguments() -> None:
    d = LEAVES[:5]
    for index, size in ((5, None), (-1, None), (0, 0), (0, 6), (3, 3)):
        with pytest.raises(ValueError):
            merkle.inclusion_proof(d, index, size)
    for size1, size2 in ((0, 3), (0, 0), (4, 3), (2, 6), (-1, 2)):
        with pytest.raises(ValueError):
            merkle.consistency_proof(d, size1, size2)
    assert merkle.consistency_proof(d, 5, 5) == []
    assert merkle.inclusion_proof(d, 2, 3) == ref_path(2, d[:3])


def test_verifiers_reject_wrong_hash_lengths() -> None:
    d = LEAVES[:6]
    root, proof = merkle.root_from_hashes(d), merkle.inclusion_proof(d, 2)
    with pytest.raises(ProofError, match="leaf hash is 31 bytes"):
        merkle.verify_inclusion(d[2][:31], 2, 6, proof, root)
    with pytest.raises(ProofError, match="root is 33 bytes"):
        merkle.verify_inclusion(d[2], 2, 6, proof, root + b"\x00")
    with pytest.raises(ProofError, match="proof element 1"):
        merkle.verify_inclusion(d[2], 2, 6, [proof[0], proof[1] + b"x", proof[2]], root)
    cproof, r3 = merkle.consistency_proof(d, 3, 6), merkle.root_from_hashes(d[:3])
    with pytest.raises(ProofError, match="root1 is 0 bytes"):
        merkle.verify_consistency(3, 6, cproof, b"", root)
    with pytest.raises(ProofError, match="proof element 0"):
        merkle.verify_consistency(3, 6, [b"", *cproof[1:]], r3, root)


def test_consistency_edge_policy() -> None:
    r = merkle.root_from_hashes(LEAVES[:1])
    merkle.verify_consistency(1, 1, [], r, r)
    with pytest.raises(ProofError, match="empty tree"):
        merkle.verify_consistency(0, 0, [], merkle.EMPTY_ROOT, merkle.EMPTY_ROOT)
    with pytest.raises(ProofError, match="empty tree"):
        merkle.verify_consistency(0, 1, [], merkle.EMPTY_ROOT, r)
    with pytest.raises(ProofError, match="smaller"):
        merkle.verify_consistency(2, 1, [], r, r)
    with pytest.raises(ProofError, match="not empty"):
        merkle.verify_consistency(1, 1, [r], r, r)
    with pytest.raises(ProofError, match="roots differ"):
        merkle.verify_consistency(1, 1, [], r, merkle.EMPTY_ROOT)
    with pytest.raises(ProofError, match="empty consistency proof"):
        merkle.verify_consistency(1, 2, [], r, merkle.root_from_hashes(LEAVES[:2]))


# --- Hypothesis properties. ---

sizes = st.integers(min_value=1, max_value=300)


def _flip(value: bytes, bit: int) -> bytes:
    out = bytearray(value)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


@given(sizes)
def test_root_matches_reference(n: int) -> None:
    assert merkle.root_from_hashes(LEAVES[:n]) == ref_mth(LEAVES[:n])


@given(st.data())
def test_inclusion_proof_verifies_and_has_exact_length(data: st.DataObject) -> None:
    n = data.draw(sizes, label="n")
    i = data.draw(st.integers(0, n - 1), label="i")
    d = LEAVES[:n]
    proof = merkle.inclusion_proof(d, i)
    assert proof == ref_path(i, d)
    want = (i ^ (n - 1)).bit_length() + (i >> (i ^ (n - 1)).bit_length()).bit_count()
    assert len(proof) == want <= (n - 1).bit_length()
    merkle.verify_inclusion(d[i], i, n, proof, ref_mth(d))


@given(st.data())
def test_consistency_proof_verifies(data: st.DataObject) -> None:
    n = data.draw(sizes, label="n")
    m = data.draw(st.integers(1, n), label="m")
    p = data.draw(st.integers(n, 320), label="p")
    d = LEAVES[:p]
    proof = merkle.consistency_proof(d, m, n)
    assert proof == ref_subproof(m, d[:n], True)
    assert len(proof) <= (n - 1).bit_length() + 1
    rm, rn, rp = ref_mth(d[:m]), ref_mth(d[:n]), ref_mth(d)
    merkle.verify_consistency(m, n, proof, rm, rn)
    merkle.verify_consistency(n, p, merkle.consistency_proof(d, n, p), rn, rp)
    merkle.verify_consistency(m, p, merkle.consistency_proof(d, m, p), rm, rp)


@settings(max_examples=200)
@given(st.data())
def test_inclusion_rejects_any_single_bit_flip(data: st.DataObject) -> None:
    n = data.draw(sizes, label="n")
    i = data.draw(st.integers(0, n - 1), label="i")
    d = LEAVES[:n]
    leaf, proof, root = d[i], merkle.inclusion_proof(d, i), merkle.root_from_hashes(d)
    bit = data.draw(st.integers(0, 255), label="bit")
    targets = ["leaf", "root"] + (["proof"] if proof else [])
    target = data.draw(st.sampled_from(targets), label="target")
    if target == "leaf":
        leaf = _flip(leaf, bit)
    elif target == "root":
        root = _flip(root, bit)
    else:
        j = data.draw(st.integers(0, len(proof) - 1), label="element")
        proof = [*proof[:j], _flip(proof[j], bit), *proof[j + 1 :]]
    with pytest.raises(ProofError):
        merkle.verify_inclusion(leaf, i, n, proof, root)


@settings(max_examples=200)
@given(st.data())
def test_inclusion_rejects_wrong_shape(data: st.DataObject) -> None:
    n = data.draw(sizes, label="n")
    i = data.draw(st.integers(0, n - 1), label="i")
    d = LEAVES[:n]
    leaf, proof, root = d[i], merkle.inclusion_proof(d, i), merkle.root_from_hashes(d)
    cases = [(i - 1, n, proof), (i + 1, n, proof), (i, n * 2, proof), (i, n // 2, proof)]
    cases.append((i, n, [*proof, root]))
    cases.append((i, n, [root, *proof]))
    if proof:
        cases.append((i, n, proof[:-1]))
        cases.append((i, n, proof[1:]))
    for index, size, bad in cases:
        with pytest.raises(ProofError):
            merkle.verify_inclusion(leaf, index, size, bad, root)


@settings(max_examples=200)
@given(st.data())
def test_consistency_rejects_any_single_bit_flip(data: st.DataObject) -> None:
    n = data.draw(sizes, label="n")
    m = data.draw(st.integers(1, n), label="m")
    d = LEAVES[:n]
    proof = merkle.consistency_proof(d, m, n)
    r1, r2 = merkle.root_from_hashes(d[:m]), merkle.root_from_hashes(d)
    bit = data.draw(st.integers(0, 255), label="bit")
    targets = ["root1", "root2"] + (["proof"] if proof else [])
    target = data.draw(st.sampled_from(targets), label="target")
    if target == "root1":
        r1 = _flip(r1, bit)
    elif target == "root2":
        r2 = _flip(r2, bit)
    else:
        j = data.draw(st.integers(0, len(proof) - 1), label="element")
        proof = [*proof[:j], _flip(proof[j], bit), *proof[j + 1 :]]
    with pytest.raises(ProofError):
        merkle.verify_consistency(m, n, proof, r1, r2)


@settings(max_examples=200)
@given(st.data())
def test_consistency_rejects_wrong_shape(data: st.DataObject) -> None:
    n = data.draw(st.integers(2, 300), label="n")
    m = data.draw(st.integers(1, n - 1), label="m")
    d = LEAVES[:n]
    proof = merkle.consistency_proof(d, m, n)
    r1, r2 = merkle.root_from_hashes(d[:m]), merkle.root_from_hashes(d)
    cases = [(m - 1, n, proof), (m + 1, n, proof), (m, n * 2, proof), (m, n // 2, proof)]
    cases += [(m, n, [*proof, r2]), (m, n, [r1, *proof]), (m, n, proof[:-1]), (m, n, [])]
    cases += [(m, n, proof[1:]), (m, n, [proof[0], *proof])]
    for size1, size2, bad in cases:
        with pytest.raises(ProofError):
            merkle.verify_consistency(size1, size2, bad, r1, r2)
    with pytest.raises(ProofError):
        merkle.verify_consistency(m, n, proof, r2, r1)
