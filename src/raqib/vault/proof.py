"""Self-contained proof bundles: one document's place in the signed custody log.

A bundle binds the document's hash to its ingest leaf, the leaf to a signed checkpoint by
an inclusion proof, and names the key that signed it, so that anyone can check it without
the workspace (``raqib verify-proof``). Pin the key (``--key``) to trust more than the
bundle's word for who signed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from raqib.errors import ProofError
from raqib.store.models import CustodyLeaf, Document, SignedCheckpoint
from raqib.vault import checkpoints, custody, merkle, note
from raqib.vault.custody import Entry

FORMAT = "raqib-proof/v1"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def make_bundle(
    session: Session, doc: Document, cp: SignedCheckpoint, public_key_text: str
) -> dict[str, Any]:
    if doc.leaf_index >= cp.tree_size:
        raise ProofError(f"document {doc.id} is not covered by checkpoint size {cp.tree_size}")
    hashes = [merkle.leaf_hash(data) for _, data in custody.iter_leaves(session)][: cp.tree_size]
    leaf = session.get_one(CustodyLeaf, doc.leaf_index)
    document: dict[str, Any] = {
        "id": doc.id, "sha256": doc.sha256, "size": doc.size, "media_type": doc.media_type,
    }
    if doc.sensitive and doc.salt is not None:
        document["salt"] = _b64(bytes(doc.salt))
    return {
        "format": FORMAT,
        "document": document,
        "leaf": {"index": doc.leaf_index, "data": bytes(leaf.data).decode("utf-8")},
        "tree_size": cp.tree_size,
        "inclusion_proof": [
            _b64(h) for h in merkle.inclusion_proof(hashes, doc.leaf_index, cp.tree_size)
        ],
        "checkpoint": cp.note,
        "public_key": public_key_text,
    }


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def _field(bundle: dict[str, Any], *path: str) -> Any:
    value: Any = bundle
    for key in path:
        if not isinstance(value, dict) or key not in value:
            raise ProofError(f"malformed bundle: missing {'.'.join(path)}")
        value = value[key]
    return value


def verify_bundle(
    bundle: Any, original: Path | None = None, pinned_key: str | None = None
) -> list[Check]:
    """Run every check and report each one; never one opaque 'valid'."""
    try:
        return _verify(bundle, original, pinned_key)
    except (TypeError, ValueError, AttributeError, binascii.Error) as exc:
        raise ProofError(f"malformed bundle: {exc.__class__.__name__}: {exc}") from exc


def _verify(bundle: Any, original: Path | None, pinned_key: str | None) -> list[Check]:
    if not isinstance(bundle, dict) or _field(bundle, "format") != FORMAT:
        raise ProofError(f"not a {FORMAT} bundle")
    checks: list[Check] = []
    key_text = str(_field(bundle, "public_key")).strip()
    pinned_key = pinned_key.strip() if pinned_key is not None else None
    if pinned_key is not None and pinned_key != key_text:
        checks.append(Check("key", False, "bundle's key is not the pinned key"))
        key_text = pinned_key
    else:
        pinned = "pinned" if pinned_key else "NOT pinned: trusting the key inside the bundle"
        checks.append(Check("key", True, f"{key_text.split('+')[0]} ({pinned})"))
    origin, public = note.parse_verifier_key(key_text)
    try:
        cp, moment = checkpoints.open_checkpoint(str(_field(bundle, "checkpoint")), origin, public)
        checks.append(Check("checkpoint", True, f"size {cp.size}, signed {moment.isoformat()}"))
    except ProofError as exc:
        return [*checks, Check("checkpoint", False, str(exc))]
    checks.append(_check_leaf(bundle))
    checks.append(_check_inclusion(bundle, cp))
    if original is not None:
        checks.append(_check_original(bundle, original))
    return checks


def _check_leaf(bundle: dict[str, Any]) -> Check:
    doc = _field(bundle, "document")
    try:
        entry = Entry.decode(str(_field(bundle, "leaf", "data")).encode("utf-8"))
    except ValueError as exc:
        return Check("leaf", False, f"leaf is malformed: {exc}")
    sha = str(_field(doc, "sha256"))
    if "salt" in doc:
        expected = f"commit:{custody.commitment(base64.b64decode(doc['salt']), sha)}"
    else:
        expected = f"sha256:{sha}"
    if entry.action != "ingest" or entry.object != expected:
        return Check("leaf", False, "leaf does not record the ingest of this document")
    if entry.seq != _field(bundle, "leaf", "index"):
        return Check("leaf", False, "leaf index does not match the leaf's own sequence number")
    return Check("leaf", True, f"ingest by {entry.user} at {entry.time}")


def _check_inclusion(bundle: dict[str, Any], cp: note.Checkpoint) -> Check:
    if _field(bundle, "tree_size") != cp.size:
        return Check("inclusion", False, "proof is for another tree size than the checkpoint")
    try:
        proof = [base64.b64decode(p, validate=True) for p in _field(bundle, "inclusion_proof")]
        leaf = merkle.leaf_hash(str(_field(bundle, "leaf", "data")).encode("utf-8"))
        merkle.verify_inclusion(leaf, int(_field(bundle, "leaf", "index")), cp.size, proof, cp.root)
    except (ProofError, ValueError) as exc:
        return Check("inclusion", False, str(exc))
    return Check("inclusion", True, f"leaf {bundle['leaf']['index']} is in the signed tree")


def _check_original(bundle: dict[str, Any], original: Path) -> Check:
    digest = hashlib.sha256()
    try:
        with original.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError as exc:
        return Check("original", False, f"cannot read {original}: {exc.strerror}")
    if digest.hexdigest() != _field(bundle, "document", "sha256"):
        return Check("original", False, f"{original} does not match the document's sha256")
    return Check("original", True, f"{original} matches sha256 {digest.hexdigest()}")
