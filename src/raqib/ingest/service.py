"""The ingest service: the one path by which evidence enters the vault.

For every input: spool the bytes into the vault's scratch folder while hashing them, ask a
reader for text and metadata, put the blob in place (fsynced), then write the document row
and its custody leaf in one transaction. A crash at any point leaves either nothing, or an
unreferenced blob that the next run adopts; never a row without its blob or its leaf.
Containers (WARC, feeds) are committed first, then each embedded document in turn; a
re-run resumes a container whose children were not all recorded.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from raqib.capture import registry
from raqib.capture.base import Child, Limits, Parsed, Reader, ReaderError
from raqib.capture.support import binary_kind
from raqib.ingest import outcome as oc
from raqib.ingest.inputs import Input
from raqib.ingest.outcome import Outcome
from raqib.ingest.record import Meta, build_document, published_iso, seal_fields
from raqib.store.engine import transaction
from raqib.store.models import Document
from raqib.vault import checkpoints, custody
from raqib.vault.blobs import Spooled
from raqib.vault.records import record_digest
from raqib.workspace import Workspace

CHILDREN_DONE = "children_complete"


@dataclass(frozen=True)
class Options:
    user: str
    source: str | None = None
    url: str | None = None
    sensitive: bool = False


class Ingestor:
    def __init__(self, ws: Workspace, options: Options, readers: list[Reader] | None = None):
        self.ws = ws
        self.options = options
        self.readers = readers if readers is not None else registry.load_readers()
        self.limits: Limits = ws.limits
        ws.blobs.clean_scratch()

    # -- public --------------------------------------------------------------------------

    def ingest(self, item: Input) -> Iterator[Outcome]:
        """Ingest one input; yields its outcome, then one per embedded document.

        Whatever goes wrong with one input becomes its one-line failure; the run goes on.
        """
        try:
            yield from self._ingest_input(item)
        except Exception as exc:
            yield Outcome(item.name, oc.FAILED, f"{exc.__class__.__name__}: {exc}")

    def _ingest_input(self, item: Input) -> Iterator[Outcome]:
        if item.problem is not None:
            yield Outcome(item.name, oc.FAILED, f"cannot read: {item.problem}")
            return
        try:
            with item.open() as stream:
                spooled = self.ws.blobs.spool(stream)
        except OSError as exc:
            yield Outcome(item.name, oc.FAILED, f"cannot read: {exc.strerror or exc}")
            return
        meta = Meta(filename=item.filename, url=self.options.url, source=self.options.source)
        yield from self._ingest_spooled(item.name, spooled, meta, None, None)

    def checkpoint(self) -> int | None:
        """Sign a checkpoint if the log grew; returns its tree size."""
        with transaction(self.ws.sessions) as session:
            signed = checkpoints.make(session, self.ws.signer, self.options.user)
            return None if signed is None else signed.tree_size

    # -- one document --------------------------------------------------------------------

    def _ingest_spooled(
        self, name: str, spooled: Spooled, meta: Meta, parent: Document | None,
        hint: str | None,
    ) -> Iterator[Outcome]:
        try:
            if spooled.size == 0:
                yield Outcome(name, oc.FAILED, "empty file: nothing to preserve")
                return
            existing = self._find(spooled.sha256)
            if existing is not None:
                yield self._duplicate(name, existing)
                yield from self._resume_children(name, existing, spooled)
                return
            reader, parsed, reason = self._parse(spooled, meta, hint)
            doc, fresh = self._store(spooled, parsed, reader, reason, meta, parent)
            if not fresh:  # another process stored the same bytes a moment ago
                yield self._duplicate(name, doc)
                return
            yield self._outcome(name, doc, oc.NEW if reason is None else oc.WITHOUT_TEXT)
            if parsed is not None and parsed.children is not None:
                yield from self._children(name, doc, parsed.children)
        finally:
            self.ws.blobs.discard(spooled)

    def _find(self, sha256: str) -> Document | None:
        with self.ws.sessions() as session:
            return session.execute(
                select(Document).where(Document.sha256 == sha256)
            ).scalar_one_or_none()

    def _parse(
        self, spooled: Spooled, meta: Meta, hint: str | None
    ) -> tuple[Reader | None, Parsed | None, str | None]:
        sample = registry.make_sample(spooled.path, meta.filename, hint)
        reader = registry.choose(self.readers, sample)
        if reader is None:
            kind = binary_kind(sample.head) or "binary data"
            return None, None, f"no reader for this kind of file ({kind})"
        try:
            parsed = reader.read(spooled.path, self.limits)
        except ReaderError as exc:
            return reader, None, str(exc)
        except Exception as exc:  # a reader bug must not lose the evidence
            return reader, None, f"{reader.name} failed: {exc.__class__.__name__}: {exc}"
        if parsed.text is None and parsed.children is None:
            return reader, parsed, "no text found"
        return reader, parsed, None

    def _store(
        self, spooled: Spooled, parsed: Parsed | None, reader: Reader | None,
        reason: str | None, meta: Meta, parent: Document | None,
    ) -> tuple[Document, bool]:
        """Blob in place, then row and leaf in one transaction; (document, stored now)."""
        sensitive = self.options.sensitive or bool(parent and parent.sensitive)
        salt = secrets.token_bytes(16) if sensitive else None
        commit = custody.commitment(salt, spooled.sha256) if salt else None
        key = self.ws.blobs.commit(spooled, f"sealed:{commit}" if commit else None, keep=True)
        doc = build_document(spooled, key, parsed, reader, reason, meta, self.options.user)
        doc.parent_id = parent.id if parent else None
        doc.sensitive, doc.salt = sensitive, salt
        if sensitive:
            seal_fields(doc, self.ws.blobs.seal_key)
        obj = f"commit:{commit}" if commit else f"sha256:{spooled.sha256}"
        details = {} if sensitive else {"size": spooled.size, "media_type": doc.media_type}
        if parent is not None and not sensitive:
            details["parent"] = f"sha256:{parent.sha256}"
        details["record"] = record_digest(doc)
        try:
            with transaction(self.ws.sessions) as session:
                doc.leaf_index, _ = custody.append(
                    session, "ingest", obj, self.options.user, details
                )
                session.add(doc)
        except IntegrityError:
            existing = self._find(spooled.sha256)
            if existing is None:
                raise
            return existing, False
        return doc, True

    # -- containers ----------------------------------------------------------------------

    def _children(self, name: str, doc: Document, children: Iterator[Child]) -> Iterator[Outcome]:
        complete = True
        for child in children:
            if child.error is not None:
                complete = False
                yield Outcome(f"{name}#{child.name}", oc.FAILED, child.error)
                continue
            try:
                spooled = self.ws.blobs.spool(child.stream)
            except (OSError, ReaderError) as exc:
                complete = False
                yield Outcome(f"{name}#{child.name}", oc.FAILED, str(exc))
                continue
            meta = Meta.from_child(child, self.options.source)
            for result in self._ingest_spooled(
                f"{name}#{child.name}", spooled, meta, doc, child.media_type_hint
            ):
                complete = complete and result.status != oc.FAILED
                yield result
        self._mark_children(doc, complete)

    def _mark_children(self, doc: Document, complete: bool) -> None:
        with transaction(self.ws.sessions) as session:
            row = session.get_one(Document, doc.id)
            row.meta = {**(row.meta or {}), CHILDREN_DONE: "yes" if complete else "no"}

    def _resume_children(self, name: str, doc: Document, spooled: Spooled) -> Iterator[Outcome]:
        """A container seen before whose embedded documents were not all recorded."""
        if (doc.meta or {}).get(CHILDREN_DONE) == "yes" or doc.status != oc.NEW:
            return
        _, parsed, _ = self._parse(spooled, Meta(filename=doc.filename or ""), None)
        if parsed is not None and parsed.children is not None:
            yield from self._children(name, doc, parsed.children)

    # -- reporting -----------------------------------------------------------------------

    def _duplicate(self, name: str, doc: Document) -> Outcome:
        result = self._outcome(name, doc, oc.DUPLICATE)
        result.reason = f"same bytes as document {doc.id}, already in the vault"
        if self.options.sensitive and not doc.sensitive:
            result.reason += "; it is stored unencrypted: --sensitive cannot seal it now"
            result.has_text = False  # not what was asked: the exit code says so
        return result

    def _outcome(self, name: str, doc: Document, status: str) -> Outcome:
        return Outcome(
            name, status, doc.status_reason if status == oc.WITHOUT_TEXT else None,
            id=doc.id, sha256=None if doc.sensitive else doc.sha256,
            title=None if doc.sensitive else doc.title, published_at=published_iso(doc),
            language=doc.language, has_text=doc.status == oc.NEW,
        )

