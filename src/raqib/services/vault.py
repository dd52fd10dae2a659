"""Vault operations: checkpoints, verification, proofs, reading originals."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqib.errors import DocumentNotFound, EvidenceTampered, ProofError
from raqib.store.engine import integrity_problems, transaction
from raqib.store.models import Document, SignedCheckpoint
from raqib.vault import checkpoints, custody, merkle
from raqib.vault.proof import make_bundle
from raqib.vault.verify import Report, expected_object
from raqib.vault.verify import verify as verify_vault
from raqib.workspace import Workspace


def checkpoint(ws: Workspace, user: str) -> tuple[SignedCheckpoint, bool]:
    """Sign a new checkpoint if the log grew; returns it and whether it is new."""
    with transaction(ws.sessions) as session:
        signed = checkpoints.make(session, ws.signer, user)
        if signed is not None:
            return signed, True
        last = checkpoints.latest(session)
        if last is None:
            raise ProofError("the log is empty: nothing to sign yet")
        return last, False


def verify(ws: Workspace, against: str | None = None) -> Report:
    damaged = integrity_problems(ws.engine)
    with ws.sessions() as session:
        report = verify_vault(session, ws.blobs, ws.config.origin, ws.public_key)
        report.problems[:0] = damaged
        if against is not None:
            _verify_against(session, ws, against, report)
    return report


def _verify_against(session: Session, ws: Workspace, text: str, report: Report) -> None:
    """The log must extend the outside checkpoint: same first leaves, only growth."""
    try:
        cp, moment = checkpoints.open_checkpoint(text, ws.config.origin, ws.public_key)
    except ProofError as exc:
        report.problems.append(f"external checkpoint: {exc}")
        return
    hashes = [merkle.leaf_hash(data) for _, data in custody.iter_leaves(session)]
    label = f"external checkpoint (size {cp.size}, {moment.isoformat()})"
    if cp.size > len(hashes):
        report.problems.append(f"{label}: the log now holds only {len(hashes)} leaves: truncated")
        return
    if cp.size == 0:
        report.problems.append(f"{label}: an empty checkpoint proves nothing")
        return
    proof = merkle.consistency_proof(hashes, cp.size, len(hashes))
    try:
        merkle.verify_consistency(
            cp.size, len(hashes), proof, cp.root, merkle.root_from_hashes(hashes)
        )
    except ProofError as exc:
        report.problems.append(f"{label}: the log is not an extension of it: {exc}")
        return
    report.notes.append(f"{label}: the log only grew since, to {len(hashes)} leaves")


def find_document(session: Session, ref: str) -> Document:
    """A document by id, or by a sha256 prefix of at least 8 hex digits."""
    ref = ref.strip().removeprefix("sha256:")
    if ref.isascii() and ref.isdecimal() and len(ref) < 12:
        doc = session.get(Document, int(ref))
    elif len(ref) >= 8 and all(c in "0123456789abcdef" for c in ref.lower()):
        rows = session.execute(  # sensitive documents are found by id only: no hash guessing
            select(Document)
            .where(Document.sha256.startswith(ref.lower()), Document.sensitive.is_(False))
            .limit(2)
        ).scalars().all()
        if len(rows) > 1:
            raise DocumentNotFound(f"{ref!r} matches several documents; give more digits")
        doc = rows[0] if rows else None
    else:
        raise DocumentNotFound(f"{ref!r} is neither a document id nor a sha256 prefix (8+ hex)")
    if doc is None:
        raise DocumentNotFound(f"no document {ref!r}")
    return doc


def proof(ws: Workspace, ref: str, user: str) -> dict[str, Any]:
    with transaction(ws.sessions) as session:
        doc = find_document(session, ref)
        if doc.sensitive:  # the bundle reveals its hash and salt: that is an export
            custody.append(session, "export", expected_object(doc), user, {"what": "proof"})
        cp = checkpoints.latest(session)
    if cp is None or cp.tree_size <= doc.leaf_index:
        cp, _ = checkpoint(ws, user)
    with ws.sessions() as session:
        return make_bundle(session, doc, cp, ws.public_key_text())


def read_original(ws: Workspace, ref: str, user: str, purpose: str) -> Iterator[bytes]:
    """The original bytes, logged first (no view without a leaf) and re-verified as read."""
    with transaction(ws.sessions) as session:
        doc = find_document(session, ref)
        custody.append(session, "view", expected_object(doc), user, {"purpose": purpose})
    return _verified(ws, doc)


def _verified(ws: Workspace, doc: Document) -> Iterator[bytes]:
    """Check the whole blob first, so that no altered byte is ever handed out."""
    if ws.blobs.rehash(doc.blob_key) != doc.sha256:
        raise EvidenceTampered(f"document {doc.id}: the stored bytes do not match its sha256")
    return ws.blobs.read_chunks(doc.blob_key)


def trail(ws: Workspace, ref: str | None = None, last: int | None = None) -> list[dict[str, Any]]:
    """The custody log as records, oldest first; only one document's when ``ref`` is given."""
    with ws.sessions() as session:
        wanted = expected_object(find_document(session, ref)) if ref is not None else None
        records = []
        for idx, data in custody.iter_leaves(session):
            entry = custody.Entry.decode(data, strict=False)
            if wanted is None or entry.object == wanted:
                records.append({"index": idx, **{k: getattr(entry, k) for k in _TRAIL}})
    return records[-last:] if last else records


_TRAIL = ("time", "user", "action", "object", "details")
