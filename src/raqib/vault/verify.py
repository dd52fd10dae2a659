"""Full verification of a workspace: blobs, log rows, tree, checkpoints, and their links.

Every problem is named precisely (which blob, which leaf, which checkpoint), so that an
investigator can tell a flipped byte from a deleted row from a forged signature.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqib.errors import EvidenceTampered, ProofError
from raqib.store.models import Document, SignedCheckpoint
from raqib.vault import checkpoints, custody, merkle, note
from raqib.vault.blobs import BlobStore
from raqib.vault.custody import Entry, LogScan


@dataclass
class Report:
    documents: int = 0
    leaves: int = 0
    checkpoints: int = 0
    bytes_hashed: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(
    session: Session, blobs: BlobStore, origin: str, public_key: bytes, workers: int = 0
) -> Report:
    report = Report()
    log = custody.scan(session)
    report.leaves = len(log.leaves)
    report.problems.extend(log.problems)
    cps = checkpoints.all_checkpoints(session)
    report.checkpoints = len(cps)
    _check_checkpoints(cps, log, origin, public_key, report)
    docs = list(session.execute(select(Document).order_by(Document.id)).scalars())
    report.documents = len(docs)
    _check_documents(docs, log, report)
    _check_blobs(docs, blobs, report, workers or min(8, (os.cpu_count() or 1) * 2))
    return report


# -- checkpoints -------------------------------------------------------------------------


def _check_checkpoints(
    cps: list[SignedCheckpoint], log: LogScan, origin: str, key: bytes, report: Report
) -> None:
    previous: tuple[int, note.Checkpoint, object] | None = None
    for number, row in enumerate(cps, start=1):
        label = f"checkpoint {number} (size {row.tree_size})"
        try:
            cp, moment = checkpoints.open_checkpoint(row.note, origin, key)
        except ProofError as exc:
            report.problems.append(f"{label}: {exc}")
            continue
        if cp.size != row.tree_size or cp.root != bytes(row.root_hash):
            report.problems.append(f"{label}: the row's size or root differs from its signed text")
        _check_against_log(label, cp, log.hashes, report)
        if previous is not None:
            _check_pair(previous, (number, cp, moment), log.hashes, report)
        previous = (number, cp, moment)
    if cps and previous is not None:
        covered = previous[1].size
        if covered < len(log.hashes):
            report.notes.append(
                f"{len(log.hashes) - covered} leaves after the last checkpoint are not yet "
                "signed; run `raqib checkpoint`"
            )
    elif log.hashes:
        report.notes.append("no checkpoint has been signed yet; run `raqib checkpoint`")


def _check_against_log(
    label: str, cp: note.Checkpoint, hashes: list[bytes], report: Report
) -> None:
    if cp.size > len(hashes):
        report.problems.append(
            f"{label}: signed over {cp.size} leaves but the log holds {len(hashes)}: "
            "the log was truncated"
        )
    elif merkle.root_from_hashes(hashes[: cp.size]) != cp.root:
        report.problems.append(
            f"{label}: root does not match the first {cp.size} leaves of the log: "
            "log rows were altered after it was signed"
        )


def _check_pair(
    earlier: tuple[int, note.Checkpoint, object],
    later: tuple[int, note.Checkpoint, object],
    hashes: list[bytes],
    report: Report,
) -> None:
    (n1, cp1, t1), (n2, cp2, t2) = earlier, later
    label = f"checkpoints {n1} and {n2}"
    if cp2.size < cp1.size:
        report.problems.append(f"{label}: the tree shrank from {cp1.size} to {cp2.size}")
        return
    if not t2 > t1:  # type: ignore[operator]
        report.problems.append(f"{label}: time does not increase")
    if cp2.size > len(hashes) or cp1.size == cp2.size:
        if cp1.size == cp2.size and cp1.root != cp2.root:
            report.problems.append(f"{label}: same size, different roots (a fork)")
        return
    try:
        proof = merkle.consistency_proof(hashes, cp1.size, cp2.size)
        merkle.verify_consistency(cp1.size, cp2.size, proof, cp1.root, cp2.root)
    except ProofError as exc:
        report.problems.append(f"{label}: not consistent: {exc}")


# -- documents and blobs -----------------------------------------------------------------


def expected_object(doc: Document) -> str:
    if doc.sensitive:
        if doc.salt is None:
            return "commit:?"
        return f"commit:{custody.commitment(bytes(doc.salt), doc.sha256)}"
    return f"sha256:{doc.sha256}"


def _check_documents(docs: Iterable[Document], log: LogScan, report: Report) -> None:
    claimed: dict[int, int] = {}
    for doc in docs:
        label = f"document {doc.id} (sha256:{doc.sha256[:16]}…)"
        entry = log.entries[doc.leaf_index] if 0 <= doc.leaf_index < len(log.entries) else None
        if entry is None:
            report.problems.append(f"{label}: its custody leaf {doc.leaf_index} is not in the log")
            continue
        claimed[doc.leaf_index] = doc.id
        if entry.action != "ingest" or entry.object != expected_object(doc):
            report.problems.append(
                f"{label}: leaf {doc.leaf_index} records {entry.action} of {entry.object[:23]}…, "
                "not this document: the document row was edited"
            )
    for idx, entry in enumerate(log.entries):
        if _is_ingest(entry) and idx not in claimed:
            report.problems.append(
                f"leaf {idx}: records the ingest of {entry.object[:23]}… but no document row "
                "has it: a document row was deleted"
            )


def _is_ingest(entry: Entry | None) -> bool:
    return entry is not None and entry.action == "ingest"


def _check_blobs(docs: list[Document], blobs: BlobStore, report: Report, workers: int) -> None:
    def check(doc: Document) -> tuple[Document, str | None]:
        try:
            digest = blobs.rehash(doc.blob_key)
        except EvidenceTampered as exc:
            return doc, str(exc)
        if digest != doc.sha256:
            return doc, "its bytes no longer match its sha256 (altered or replaced)"
        return doc, None

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for doc, problem in pool.map(check, docs, chunksize=64):
            if problem is not None:
                report.problems.append(f"blob of document {doc.id} ({_blob_name(doc)}): {problem}")
            else:
                report.bytes_hashed += doc.size
    referenced = {doc.blob_key for doc in docs}
    orphans = sum(1 for key in blobs.stored_keys() if key not in referenced)
    if orphans:
        report.notes.append(
            f"{orphans} blob(s) belong to no document (left by an interrupted ingest; kept, "
            "and adopted when the same file is ingested again)"
        )


def _blob_name(doc: Document) -> str:
    return "sealed" if doc.sensitive else f"sha256:{doc.sha256}"
