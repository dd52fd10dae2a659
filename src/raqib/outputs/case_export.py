"""`raqib case export`: a case as a self-contained bundle anyone can check offline.

Order matters: the reads of the originals and the exports of sensitive documents are logged
first, then ONE checkpoint is signed over the log (so it covers those leaves and every
evidence file's ingest), then a ``raqib proof`` bundle is made for each file against it.
The manifest lists every file with its SHA-256 and size; a signed note over the manifest's
hash makes adding, removing or changing any file detectable even if the manifest is
rewritten. A last ``export`` leaf records the manifest's hash in the log.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from nacl.public import PublicKey, SealedBox

from raqib import __version__
from raqib.errors import RaqibError
from raqib.outputs import case_format as fmt
from raqib.outputs.case_content import CaseContent, Evidence, gather, trails
from raqib.outputs.case_html import BundleInfo, render_html, render_pdf
from raqib.outputs.cases import load
from raqib.services import vault as vault_service
from raqib.store.engine import transaction
from raqib.store.models import Document, SignedCheckpoint
from raqib.vault import custody, note
from raqib.vault.proof import make_bundle
from raqib.vault.verify import expected_object
from raqib.workspace import Workspace

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class CaseExportError(RaqibError):
    """The export cannot be made (target in the way, missing recipient key, ...)."""


@dataclass
class ExportResult:
    target: Path
    files: int
    evidence: int
    sealed: int
    withheld: int
    checkpoint_size: int
    manifest_sha256: str
    pdf: bool


def load_recipient_key(value: str) -> PublicKey:
    """A Curve25519 public key: base64 text, or a file holding base64 text or 32 raw bytes."""
    raw: bytes | None = None
    path = Path(value)
    if path.is_file():
        data = path.read_bytes()
        raw = data if len(data) == 32 else None
        value = data.decode("ascii", "replace").strip() if raw is None else value
    if raw is None:
        try:
            raw = base64.b64decode(value.strip(), validate=True)
        except (binascii.Error, ValueError):
            raise CaseExportError("--recipient: not a base64 key nor a key file") from None
    if len(raw) != 32:
        raise CaseExportError(f"--recipient: a Curve25519 key is 32 bytes, got {len(raw)}")
    return PublicKey(raw)


def _staging(target: Path) -> Path:
    if target.suffix.lower() == ".zip":
        if target.exists():
            raise CaseExportError(f"{target} already exists")
    elif target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise CaseExportError(f"{target} exists and is not an empty folder")
    parent = target.resolve().parent
    if not parent.is_dir():
        raise CaseExportError(f"folder {parent} does not exist")
    return Path(tempfile.mkdtemp(prefix=".raqib-case-", dir=parent))


def export(ws: Workspace, name: str, target: Path, user: str,
           include_sensitive: bool = False, recipient: PublicKey | None = None) -> ExportResult:
    """Write case NAME as a bundle folder, or as a zip when TARGET ends in .zip."""
    if include_sensitive and recipient is None:
        raise CaseExportError("--include-sensitive needs --recipient KEY (sealed for them)")
    case = load(ws, name)
    staging = _staging(target)
    try:
        result = _build(ws, gather(ws, case), staging, user, include_sensitive, recipient)
        if target.suffix.lower() == ".zip":
            write_zip(staging, target)
            shutil.rmtree(staging)
        else:
            if target.exists():
                target.rmdir()
            os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    result.target = target
    return result


def _build(ws: Workspace, content: CaseContent, out: Path, user: str,
           include_sensitive: bool, recipient: PublicKey | None) -> ExportResult:
    name = content.case.name
    box = SealedBox(recipient) if recipient is not None else None
    chosen = [e for e in content.evidence if include_sensitive or not e.sensitive]
    for ev in chosen:
        ev.path, ev.proof = ev.bundle_names()
    _log_sensitive(ws, [e for e in chosen if e.sensitive], user, name)
    for ev in chosen:
        _write_evidence(ws, out, ev, user, name, box)
    cp, _ = vault_service.checkpoint(ws, user)
    _write_proofs(ws, out, chosen, cp, box)
    content.trails = trails(ws, content.case, content.evidence)
    info = BundleInfo(custody.format_time(custody.utc_now()), __version__, cp.tree_size,
                      bytes(cp.root_hash).hex(), ws.public_key_text(),
                      sum(1 for e in content.evidence if e.sensitive and not e.included))
    pdf = _write_documents(ws, out, content, info, cp)
    manifest_sha = _seal_manifest(ws, out, content, info)
    with transaction(ws.sessions) as session:
        custody.append(session, "export", f"case:{name}", user, {
            "what": "case file", "manifest": manifest_sha, "checkpoint": cp.tree_size,
            "evidence": len(chosen), "sealed": sum(1 for e in chosen if e.sensitive)})
    files = sum(1 for p in out.rglob("*") if p.is_file())
    return ExportResult(out, files, len(chosen), sum(1 for e in chosen if e.sensitive),
                        info.withheld, cp.tree_size, manifest_sha, pdf)


def _log_sensitive(ws: Workspace, sensitive: list[Evidence], user: str, name: str) -> None:
    """Giving a sensitive document (and its hash and salt, in its proof) away is an export."""
    if not sensitive:
        return
    with transaction(ws.sessions) as session:
        for ev in sensitive:
            doc = session.get_one(Document, ev.doc_id)
            custody.append(session, "export", expected_object(doc), user,
                           {"what": "case file", "case": name, "sealed": True})


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _write_evidence(ws: Workspace, out: Path, ev: Evidence, user: str, name: str,
                    box: SealedBox | None) -> None:
    """The original bytes, read through the vault (logged, re-verified) and sealed if asked."""
    path = out / ev.bundle_names()[0]
    chunks = vault_service.read_original(ws, str(ev.doc_id), user, f"case export {name}")
    if ev.sensitive:
        if box is None:
            raise CaseExportError("sensitive evidence needs a recipient key")
        _write_bytes(path, bytes(box.encrypt(b"".join(chunks))))
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        for chunk in chunks:
            handle.write(chunk)


def _write_proofs(ws: Workspace, out: Path, chosen: list[Evidence], cp: SignedCheckpoint,
                  box: SealedBox | None) -> None:
    key_text = ws.public_key_text()
    with ws.sessions() as session:
        for ev in chosen:
            bundle = make_bundle(session, session.get_one(Document, ev.doc_id), cp, key_text)
            data = (json.dumps(bundle, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
            if ev.sensitive and box is not None:
                data = bytes(box.encrypt(data))
            _write_bytes(out / ev.bundle_names()[1], data)


def check_script() -> bytes:
    return (resources.files("raqib.outputs") / "resources" / fmt.SCRIPT).read_bytes()


def check_text() -> str:
    return (resources.files("raqib.outputs") / "resources" / fmt.CHECK).read_text("utf-8")


def _write_documents(ws: Workspace, out: Path, content: CaseContent, info: BundleInfo,
                     cp: SignedCheckpoint) -> bool:
    """checkpoint.txt, public-key.txt, CHECK.md, check_case.py, index.html, case.pdf."""
    (out / fmt.CHECKPOINT).write_text(cp.note, encoding="utf-8")
    (out / fmt.PUBLIC_KEY).write_text(ws.public_key_text() + "\n", encoding="utf-8")
    (out / fmt.CHECK).write_text(check_text(), encoding="utf-8")
    (out / fmt.SCRIPT).write_bytes(check_script())
    (out / fmt.INDEX).write_text(render_html(content, info), encoding="utf-8")
    pdf = render_pdf(content, info)
    if pdf is not None:
        (out / fmt.PDF).write_bytes(pdf)
    return pdf is not None


def hash_tree(root: Path) -> dict[str, dict[str, Any]]:
    """Every file under ``root`` but the manifest and its signature: path -> sha256, size."""
    files: dict[str, dict[str, Any]] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and rel not in fmt.UNLISTED:
            data = path.read_bytes()
            files[rel] = {"sha256": fmt.sha256_hex(data), "size": len(data)}
    return files


def _manifest(content: CaseContent, info: BundleInfo,
              files: dict[str, dict[str, Any]], origin: str) -> dict[str, Any]:
    evidence = []
    for ev in content.evidence:
        if not ev.included:
            continue
        item: dict[str, Any] = {"path": ev.path, "proof": ev.proof, "document_id": ev.doc_id,
                                "sealed": ev.sensitive, "incidents": ev.incidents}
        if not ev.sensitive:
            item.update(sha256=ev.sha256, size=ev.size, media_type=ev.media_type)
        evidence.append(item)
    return {
        "format": fmt.BUNDLE_FORMAT, "case": content.case.name, "created": info.created,
        "tool": {"name": "raqib", "version": info.version}, "origin": origin,
        "checkpoint": {"file": fmt.CHECKPOINT, "size": info.tree_size, "root": info.root},
        "incidents": [{k: d.get(k) for k in ("id", "event_date", "event_type", "sub_event_type",
                                              "location", "grade", "contested")}
                      for d in content.incidents],
        "merged": {str(k): v for k, v in sorted(content.merged.items())},
        "evidence": evidence, "withheld_sensitive": info.withheld, "files": files,
    }


def _seal_manifest(ws: Workspace, out: Path, content: CaseContent, info: BundleInfo) -> str:
    files = hash_tree(out)
    sums = fmt.sums_text(files).encode("utf-8")
    (out / fmt.SUMS).write_bytes(sums)
    files[fmt.SUMS] = {"sha256": fmt.sha256_hex(sums), "size": len(sums)}
    manifest = _manifest(content, info, dict(sorted(files.items())), ws.config.origin)
    data = (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    (out / fmt.MANIFEST).write_bytes(data)
    manifest_sha = fmt.sha256_hex(data)
    text = fmt.manifest_note_text(content.case.name, manifest_sha, files[fmt.SUMS]["sha256"])
    signed = note.sign_note(text, ws.signer.origin, ws.signer.key)
    (out / fmt.SIGNATURE).write_text(signed, encoding="utf-8")
    return manifest_sha


def write_zip(folder: Path, target: Path) -> None:
    """The folder as a zip: sorted entries, fixed times and modes, so the same tree always
    gives the same bytes."""
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w") as archive:
            for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
                if not path.is_file():
                    continue
                info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes(), compresslevel=9)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
