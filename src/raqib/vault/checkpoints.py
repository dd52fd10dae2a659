"""Signed checkpoints: tree size and root, signed with the workspace key.

Verify before signing (R-M4): the root is recomputed from the raw stored leaves, the log
must pass its row checks, the previous checkpoint must still match the log, and the new
tree must be provably consistent with it. Checkpoint times strictly increase (R-M5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nacl.signing import SigningKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from raqib.errors import ProofError, SigningRefused
from raqib.store.models import SignedCheckpoint
from raqib.vault import custody, merkle, note

TIME_PREFIX = "time "


@dataclass(frozen=True)
class Signer:
    origin: str
    key: SigningKey

    @property
    def public_key(self) -> bytes:
        return bytes(self.key.verify_key)


def latest(session: Session) -> SignedCheckpoint | None:
    return session.execute(
        select(SignedCheckpoint).order_by(SignedCheckpoint.id.desc()).limit(1)
    ).scalar_one_or_none()


def all_checkpoints(session: Session) -> list[SignedCheckpoint]:
    return list(session.execute(select(SignedCheckpoint).order_by(SignedCheckpoint.id)).scalars())


def open_checkpoint(text: str, origin: str, public_key: bytes) -> tuple[note.Checkpoint, datetime]:
    """Check a signed checkpoint's signature and format; return its body and time."""
    body = note.open_note(text, origin, public_key)
    cp = note.Checkpoint.parse(body)
    if cp.origin != origin:
        raise ProofError(f"checkpoint is for log {cp.origin!r}, not {origin!r}")
    moment = note.checkpoint_time(cp)
    if moment is None:
        raise ProofError("checkpoint carries no time line")
    return cp, moment


def make(
    session: Session, signer: Signer, user: str, now: datetime | None = None
) -> SignedCheckpoint | None:
    """Sign a checkpoint over the whole log; None when nothing was added since the last.

    The clock is read only after the scan, whose query takes the writer lock: a signer that
    waited behind another must not stamp the time it started waiting (R-M5 would refuse it).
    """
    log = custody.scan(session)
    now = now or custody.utc_now()
    if log.problems:
        raise SigningRefused("refusing to sign: " + "; ".join(log.problems[:3]))
    previous = latest(session)
    if previous is not None:
        if previous.tree_size == len(log.leaves):
            return None
        _check_previous(previous, log.hashes, signer, now)
    size_before = len(log.hashes)
    root_before = merkle.root_from_hashes(log.hashes)
    _, data = custody.append(
        session, "checkpoint", f"mth:{size_before}:{root_before.hex()}", user, now=now
    )
    hashes = [*log.hashes, merkle.leaf_hash(data)]
    root = merkle.root_from_hashes(hashes)
    if previous is not None:
        proof = merkle.consistency_proof(hashes, previous.tree_size, len(hashes))
        merkle.verify_consistency(
            previous.tree_size, len(hashes), proof, bytes(previous.root_hash), root
        )
    body = note.Checkpoint(
        signer.origin, len(hashes), root, (TIME_PREFIX + custody.format_time(now),)
    )
    signed = SignedCheckpoint(
        tree_size=len(hashes),
        root_hash=root,
        created_at=now.replace(tzinfo=None),
        note=note.sign_note(body.to_text(), signer.origin, signer.key),
    )
    session.add(signed)
    session.flush()
    return signed


def _check_previous(
    previous: SignedCheckpoint, hashes: list[bytes], signer: Signer, now: datetime
) -> None:
    try:
        cp, moment = open_checkpoint(previous.note, signer.origin, signer.public_key)
    except ProofError as exc:
        raise SigningRefused(f"refusing to sign: last checkpoint is invalid: {exc}") from exc
    if cp.size > len(hashes):
        raise SigningRefused(
            f"refusing to sign: last checkpoint covers {cp.size} leaves, the log has "
            f"{len(hashes)}: the log was truncated"
        )
    if merkle.root_from_hashes(hashes[: cp.size]) != cp.root:
        raise SigningRefused(
            f"refusing to sign: the first {cp.size} leaves no longer match the last checkpoint"
        )
    if now <= moment:
        raise SigningRefused(
            f"refusing to sign: the clock ({custody.format_time(now)}) is not after the last "
            f"checkpoint's time ({custody.format_time(moment)})"
        )
