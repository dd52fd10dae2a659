"""Full verification of a workspace: blobs, log rows, tree, checkpoints, and their links.

Every problem is named precisely (which blob, which leaf, which checkpoint), so that an
investigator can tell a flipped byte from a deleted row from a forged signature.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqib.errors import EvidenceTampered, ProofError, WorkspaceError
from raqib.store.models import Document, SignedCheckpoint
from raqib.vault import checkpoints, custody, merkle, note
from raqib.vault.blobs import BlobStore
from raqib.vault.custody import Entry, LogScan
from raqib.vault.fixity import ParallelHasher
from raqib.vault.records import digest_rows


class DocRef(NamedTuple):
    """The columns verification needs (not the text: 100,000 documents stay light)."""

    id: int
    sha256: str
    blob_key: str
    size: int
    sensitive: bool
    salt: bytes | None
    leaf_index: int


@dataclass
class Report:
    documents: int = 0
    leaves: int = 0
    checkpoints: int = 0
    bytes_hashed: int = 0
    hash_seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(
    session: Session, blobs: BlobStore, origin: str, public_key: bytes, workers: int = 0
) -> Report:
    report = Report()
    docs = [DocRef(*row) for row in session.execute(
        select(*(getattr(Document, name) for name in DocRef._fields)).order_by(Document.id)
    )]
    report.documents = len(docs)
    plain = [doc for doc in docs if not doc.sensitive]
    workers = workers or os.cpu_count() or 1
    with ParallelHasher([blobs.path_str(doc.blob_key) for doc in plain], workers) as hasher:
        # the workers hash blobs and digest rows while this process reads the log
        url = session.get_bind().url.render_as_string(hide_password=False)
        parts = [hasher.submit(digest_rows, url, lo, hi) for lo, hi in _ranges(docs, workers)]
        entries = _check_log_and_rows(session, docs, origin, public_key, report)
        _check_records([row for part in parts for row in part()], entries, report)
        for doc in docs:
            if doc.sensitive:
                _blob_verdict(doc, _sealed_digest(blobs, doc), report)
        for doc, digest in zip(plain, hasher.result(), strict=True):
            _blob_verdict(doc, digest, report)
    report.hash_seconds = hasher.seconds
    _note_orphans(docs, blobs, report)
    return report


def _ranges(docs: list[DocRef], workers: int) -> list[tuple[int, int]]:
    """Id ranges of about equal numbers of documents, a few per worker."""
    if not docs:
        return []
    step = max(1, -(-len(docs) // (workers * 2)))
    return [(docs[i].id, docs[min(i + step, len(docs)) - 1].id) for i in range(0, len(docs), step)]


def _check_log_and_rows(
    session: Session, docs: list[DocRef], origin: str, public_key: bytes, report: Report
) -> dict[int, Entry]:
    """The log, the checkpoints and each document's link to its leaf; the parsed leaves."""
    log = custody.read(session)
    report.leaves = len(log.leaves)
    cps = checkpoints.all_checkpoints(session)
    report.checkpoints = len(cps)
    marks = _checkpoint_leaves(log)
    roots = merkle.roots_at(log.hashes, [*(row.tree_size for row in cps), *marks.values()])
    trusted = _check_checkpoints(cps, log, roots, origin, public_key, report)
    custody.check(log, strict_from=trusted)
    report.problems[:0] = log.problems  # row problems first: they say where it happened
    _check_marks(marks, log, roots, {row.tree_size for row in cps}, report)
    entries = {idx: e for idx, e in zip(log.indices, log.entries, strict=True) if e is not None}
    _check_documents(docs, entries, report)
    return entries


# -- checkpoints -------------------------------------------------------------------------


def _checkpoint_leaves(log: LogScan) -> dict[int, int]:
    """Position of each `checkpoint` leaf in the log -> the tree size it says it extends."""
    marks: dict[int, int] = {}
    for position, data in enumerate(log.leaves):
        if b'"action":"checkpoint"' in data:
            try:
                entry = Entry.decode(data, strict=False)
                marks[position] = int(entry.object.split(":")[1])
            except (ValueError, IndexError):
                continue  # a malformed row is reported by the row checks
    return marks


def _check_marks(
    marks: dict[int, int], log: LogScan, roots: dict[int, bytes], signed: set[int],
    report: Report,
) -> None:
    """Each checkpoint leaf names the root before it, and a signed checkpoint covers it:
    deleting signed checkpoints to hide a rewritten log leaves these behind."""
    for position, size in marks.items():
        recorded = log.leaves[position].split(b'"object":"mth:', 1)[-1].split(b'"', 1)[0]
        root = roots.get(size)
        if root is None or recorded != f"{size}:{root.hex()}".encode():
            report.problems.append(
                f"leaf {position}: the checkpoint it records (size {size}) does not match the "
                "log before it: earlier rows were altered"
            )
        if position + 1 not in signed:
            report.problems.append(
                f"leaf {position}: records a checkpoint of size {position + 1} but no signed "
                "checkpoint of that size exists: checkpoint rows were deleted"
            )


def _check_checkpoints(
    cps: list[SignedCheckpoint], log: LogScan, roots: dict[int, bytes], origin: str,
    key: bytes, report: Report,
) -> int:
    """Check every checkpoint; return how many leaves a valid one vouches for."""
    previous: tuple[int, note.Checkpoint, object] | None = None
    trusted = 0
    for number, row in enumerate(cps, start=1):
        label = f"checkpoint {number} (size {row.tree_size})"
        try:
            cp, moment = checkpoints.open_checkpoint(row.note, origin, key)
        except ProofError as exc:
            report.problems.append(f"{label}: {exc}")
            continue
        if cp.size != row.tree_size or cp.root != bytes(row.root_hash):
            report.problems.append(f"{label}: the row's size or root differs from its signed text")
        if _check_against_log(label, cp, len(log.hashes), roots.get(cp.size), report):
            trusted = max(trusted, cp.size)
        if previous is not None:
            _check_pair(previous, (number, cp, moment), report)
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
    return trusted


def _check_against_log(
    label: str, cp: note.Checkpoint, leaves: int, root: bytes | None, report: Report
) -> bool:
    if cp.size > leaves or root is None:
        report.problems.append(
            f"{label}: signed over {cp.size} leaves but the log holds {leaves}: "
            "the log was truncated"
        )
        return False
    if root != cp.root:
        report.problems.append(
            f"{label}: root does not match the first {cp.size} leaves of the log: "
            "log rows were altered after it was signed"
        )
        return False
    return True


def _check_pair(
    earlier: tuple[int, note.Checkpoint, object],
    later: tuple[int, note.Checkpoint, object],
    report: Report,
) -> None:
    """Successive checkpoints: the tree only grows and time only moves on.

    Consistency itself follows from both roots matching prefixes of the same stored leaves
    (checked above); where a root does not match, that checkpoint is reported already.
    """
    (n1, cp1, t1), (n2, cp2, t2) = earlier, later
    label = f"checkpoints {n1} and {n2}"
    if cp2.size < cp1.size:
        report.problems.append(f"{label}: the tree shrank from {cp1.size} to {cp2.size}")
    elif cp1.size == cp2.size and cp1.root != cp2.root:
        report.problems.append(f"{label}: same size, different roots (a fork)")
    if not t2 > t1:  # type: ignore[operator]
        report.problems.append(f"{label}: time does not increase")


# -- documents and blobs -----------------------------------------------------------------


def expected_object(doc: Document | DocRef) -> str:
    if doc.sensitive:
        if doc.salt is None:
            return "commit:?"
        return f"commit:{custody.commitment(bytes(doc.salt), doc.sha256)}"
    return f"sha256:{doc.sha256}"


def _check_documents(docs: Iterable[DocRef], entries: dict[int, Entry], report: Report) -> None:
    claimed: set[int] = set()
    for doc in docs:
        label = f"document {doc.id}"
        entry = entries.get(doc.leaf_index)
        if entry is None:
            report.problems.append(f"{label}: its custody leaf {doc.leaf_index} is not in the log")
            continue
        claimed.add(doc.leaf_index)
        if entry.action != "ingest" or entry.object != expected_object(doc):
            report.problems.append(
                f"{label}: leaf {doc.leaf_index} records {entry.action} of {entry.object[:23]}…, "
                "not this document: the document row was edited"
            )
    for idx, entry in entries.items():
        if _is_ingest(entry) and idx not in claimed:
            report.problems.append(
                f"leaf {idx}: records the ingest of {entry.object[:23]}… but no document row "
                "has it: a document row was deleted"
            )


def _check_records(
    rows: list[tuple[int, int, str]], entries: dict[int, Entry], report: Report
) -> None:
    """Each row's recorded fields (text, title, dates, source…) against its ingest leaf."""
    for doc_id, leaf_index, digest in rows:
        entry = entries.get(leaf_index)
        expected = entry.details.get("record") if entry is not None else None
        if expected is not None and digest != expected:
            report.problems.append(
                f"document {doc_id}: its recorded fields (text, title, dates, source…) differ "
                f"from what leaf {leaf_index} committed to: the row was edited"
            )


def _is_ingest(entry: Entry | None) -> bool:
    return entry is not None and entry.action == "ingest"


def _sealed_digest(blobs: BlobStore, doc: DocRef) -> str | None:
    try:
        return blobs.rehash(doc.blob_key)
    except (EvidenceTampered, WorkspaceError) as exc:  # altered, or no sealing key here
        return f"!{exc}"


def _blob_verdict(doc: DocRef, digest: str | None, report: Report) -> None:
    if digest == doc.sha256:
        report.bytes_hashed += doc.size
        return
    if digest is None:
        problem = "the blob is missing from the vault"
    elif digest.startswith("!"):
        problem = digest[1:]
    else:
        problem = "its bytes no longer match its sha256 (altered or replaced)"
    report.problems.append(f"blob of document {doc.id} ({_blob_name(doc)}): {problem}")


def _note_orphans(docs: list[DocRef], blobs: BlobStore, report: Report) -> None:
    referenced = {doc.blob_key for doc in docs}
    orphans = sum(1 for key in blobs.stored_keys() if key not in referenced)
    if orphans:
        report.notes.append(
            f"{orphans} blob(s) belong to no document (left by an interrupted ingest; kept, "
            "and adopted when the same file is ingested again)"
        )


def _blob_name(doc: DocRef) -> str:
    return "sealed" if doc.sensitive else f"sha256:{doc.sha256}"
