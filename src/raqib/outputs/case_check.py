"""`raqib verify-case`: check a case bundle (folder or zip) without any workspace.

Checks, each reported on its own line naming the file: the public key (against ``--key`` when
given), the checkpoint's signature, the manifest note's signature and the manifest's and
SHA256SUMS's hashes under it, every file against the manifest (altered, missing, added),
every proof with ``raqib verify-proof``'s code against THE bundle's checkpoint, and that each
evidence file's SHA-256 is what its proof commits to. Sealed evidence is checked the same way
when the recipient's private key is given; otherwise only its ciphertext hash is.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nacl.exceptions
from nacl.public import PrivateKey, SealedBox

from raqib.errors import ProofError
from raqib.outputs import case_format as fmt
from raqib.vault import checkpoints, note
from raqib.vault.proof import verify_bundle


@dataclass
class CaseCheck:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class Tree:
    """The bundle's files, from a folder or a zip, by relative POSIX path."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip: zipfile.ZipFile | None = None
        self.odd: list[str] = []
        if path.is_dir():
            self._names = self._walk(path)
        else:
            try:
                self.zip = zipfile.ZipFile(path)
            except (OSError, zipfile.BadZipFile) as exc:
                raise ProofError(f"{path}: neither a bundle folder nor a zip ({exc})") from exc
            names = [i.filename for i in self.zip.infolist() if not i.is_dir()]
            self.odd += [f"{n}: listed twice in the zip" for n in set(names)
                         if names.count(n) > 1]
            self.odd += [f"{n}: unsafe path in the zip" for n in names if not fmt.safe_member(n)]
            self._names = {n for n in names if fmt.safe_member(n)}

    def _walk(self, root: Path) -> set[str]:
        names = set()
        for p in root.rglob("*"):
            rel = p.relative_to(root).as_posix()
            if p.is_symlink():
                self.odd.append(f"{rel}: a symbolic link (bundles hold plain files only)")
            elif p.is_file():
                names.add(rel)
        return names

    def names(self) -> set[str]:
        return set(self._names)

    def chunks(self, name: str) -> Iterator[bytes]:
        if self.zip is not None:
            with self.zip.open(name) as handle:
                while chunk := handle.read(1 << 20):
                    yield chunk
            return
        with (self.path / name).open("rb") as handle:
            while chunk := handle.read(1 << 20):
                yield chunk

    def read(self, name: str) -> bytes:
        return b"".join(self.chunks(name))

    def digest(self, name: str) -> tuple[str, int]:
        sha, size = hashlib.sha256(), 0
        for chunk in self.chunks(name):
            sha.update(chunk)
            size += len(chunk)
        return sha.hexdigest(), size

    def text(self, name: str) -> str:
        return self.read(name).decode("utf-8")


def verify_case(path: Path, pinned_key: str | None = None,
                recipient_secret: bytes | None = None) -> CaseCheck:
    report = CaseCheck()
    try:
        tree = Tree(path)
    except ProofError as exc:
        report.problems.append(str(exc))
        return report
    try:
        _verify(tree, report, pinned_key, recipient_secret)
    finally:
        if tree.zip is not None:
            tree.zip.close()
    return report


def _verify(tree: Tree, report: CaseCheck, pinned: str | None, secret: bytes | None) -> None:
    report.problems += tree.odd
    names = tree.names()
    for needed in (fmt.PUBLIC_KEY, fmt.CHECKPOINT, fmt.MANIFEST, fmt.SIGNATURE):
        if needed not in names:
            report.problems.append(f"{needed}: missing")
    key = _key(tree, names, report, pinned)
    checkpoint = _checkpoint(tree, names, report, key)
    signed = _manifest_note(tree, names, report, key)
    manifest = _manifest(tree, names, report, signed)
    if manifest is None:
        return
    digests = _files(tree, names, report, manifest)
    _sums(tree, report, manifest, signed)
    if checkpoint is not None and key is not None:
        _evidence(tree, report, manifest, digests, checkpoint, key[2], secret)
    size = (manifest.get("checkpoint") or {}).get("size")
    if checkpoint is not None and size != checkpoint.size:
        report.problems.append(f"{fmt.MANIFEST}: names another checkpoint size than "
                                   f"{fmt.CHECKPOINT}")


def _key(tree: Tree, names: set[str], report: CaseCheck,
         pinned: str | None) -> tuple[str, bytes, str] | None:
    """(origin, public key, key text) to check signatures with: the pinned one if given."""
    text = None
    if fmt.PUBLIC_KEY in names:
        try:
            text = tree.text(fmt.PUBLIC_KEY).strip()
            note.parse_verifier_key(text)
        except (UnicodeDecodeError, ProofError) as exc:
            report.problems.append(f"{fmt.PUBLIC_KEY}: not a verifier key ({exc})")
            text = None
    if pinned is not None:
        if text is not None and text != pinned.strip():
            report.problems.append(f"{fmt.PUBLIC_KEY}: is not the key given with --key")
        text = pinned.strip()
        report.notes.append("key: pinned with --key")
    else:
        report.notes.append(f"key: NOT pinned: trusting {fmt.PUBLIC_KEY} inside the bundle; "
                            "whoever can rewrite the bundle can re-sign it with another key. "
                            "Pin a key obtained out of band with --key")
    if text is None:
        return None
    try:
        origin, public = note.parse_verifier_key(text)
    except ProofError as exc:
        report.problems.append(f"--key: {exc}")
        return None
    return origin, public, text


def _checkpoint(tree: Tree, names: set[str], report: CaseCheck,
                key: tuple[str, bytes, str] | None) -> note.Checkpoint | None:
    if fmt.CHECKPOINT not in names or key is None:
        return None
    try:
        cp, moment = checkpoints.open_checkpoint(tree.text(fmt.CHECKPOINT), key[0], key[1])
    except (UnicodeDecodeError, ProofError) as exc:
        report.problems.append(f"{fmt.CHECKPOINT}: {exc}")
        return None
    report.notes.append(f"{fmt.CHECKPOINT}: signed, size {cp.size}, time {moment.isoformat()}")
    return cp


def _manifest_note(tree: Tree, names: set[str], report: CaseCheck,
                   key: tuple[str, bytes, str] | None) -> dict[str, str] | None:
    if fmt.SIGNATURE not in names or key is None:
        return None
    try:
        text = note.open_note(tree.text(fmt.SIGNATURE), key[0], key[1])
        _, digests = fmt.parse_manifest_note(text)
    except (UnicodeDecodeError, ProofError) as exc:
        report.problems.append(f"{fmt.SIGNATURE}: {exc}")
        return None
    return digests


def _manifest(tree: Tree, names: set[str], report: CaseCheck,
              signed: dict[str, str] | None) -> dict[str, Any] | None:
    if fmt.MANIFEST not in names:
        return None
    sha, _ = tree.digest(fmt.MANIFEST)
    if signed is not None and signed.get(fmt.MANIFEST) != sha:
        report.problems.append(f"{fmt.MANIFEST}: altered: its sha256 is not the one signed in "
                               f"{fmt.SIGNATURE}")
    try:
        manifest = json.loads(tree.read(fmt.MANIFEST).decode("utf-8"))
        if manifest.get("format") != fmt.BUNDLE_FORMAT or not isinstance(manifest["files"], dict):
            raise ValueError(f"not a {fmt.BUNDLE_FORMAT} manifest")
    except (ValueError, KeyError, AttributeError) as exc:
        report.problems.append(f"{fmt.MANIFEST}: malformed ({exc})")
        return None
    return manifest


def _files(tree: Tree, names: set[str], report: CaseCheck,
           manifest: dict[str, Any]) -> dict[str, str]:
    """Hash every file; name the altered, missing and added ones. Returns path -> sha256."""
    digests: dict[str, str] = {}
    listed = manifest["files"]
    for name in sorted(set(listed) | names):
        if name in fmt.UNLISTED:
            continue
        if name not in names:
            report.problems.append(f"{name}: missing (listed in the manifest)")
            continue
        if name not in listed:
            report.problems.append(f"{name}: added (not in the manifest)")
            continue
        sha, size = tree.digest(name)
        digests[name] = sha
        want = listed[name] if isinstance(listed[name], dict) else {}
        if sha != want.get("sha256") or size != want.get("size"):
            report.problems.append(f"{name}: altered (sha256 {sha[:16]}…, {size} bytes; the "
                                   f"manifest says {str(want.get('sha256'))[:16]}…, "
                                   f"{want.get('size')} bytes)")
    report.notes.append(f"files: {len(digests)} hashed against the manifest")
    return digests


def _sums(tree: Tree, report: CaseCheck, manifest: dict[str, Any],
          signed: dict[str, str] | None) -> None:
    if fmt.SUMS not in manifest["files"] or fmt.SUMS not in tree.names():
        return
    if signed is not None and signed.get(fmt.SUMS) != tree.digest(fmt.SUMS)[0]:
        report.problems.append(f"{fmt.SUMS}: altered: its sha256 is not the one signed in "
                               f"{fmt.SIGNATURE}")
    listed = {k: v for k, v in manifest["files"].items() if k != fmt.SUMS}
    try:
        if tree.text(fmt.SUMS) != fmt.sums_text(listed):
            report.problems.append(f"{fmt.SUMS}: disagrees with {fmt.MANIFEST}")
    except (UnicodeDecodeError, KeyError, TypeError):
        report.problems.append(f"{fmt.SUMS}: malformed")


def _evidence(tree: Tree, report: CaseCheck, manifest: dict[str, Any], digests: dict[str, str],
              cp: note.Checkpoint, key_text: str, secret: bytes | None) -> None:
    """Each evidence file: its proof verifies against THE checkpoint and commits to its hash."""
    names, sealed = tree.names(), 0
    checkpoint_text = tree.text(fmt.CHECKPOINT)
    for item in manifest.get("evidence") or []:
        path, proof = str(item.get("path")), str(item.get("proof"))
        if path not in names or proof not in names:
            report.problems.append(f"{path}: evidence or its proof {proof} is missing")
            continue
        if item.get("sealed"):
            sealed += 1
            if secret is None:
                continue
        try:
            bundle, sha = _open_item(tree, path, proof, digests, bool(item.get("sealed")),
                                     secret)
        except ProofError as exc:
            report.problems.append(str(exc))
            continue
        for check in verify_bundle(bundle, None, key_text):
            if not check.ok:
                report.problems.append(f"{proof}: {check.name}: {check.detail}")
        if bundle.get("checkpoint") != checkpoint_text:
            report.problems.append(f"{proof}: is against another checkpoint than "
                                   f"{fmt.CHECKPOINT}")
        committed = bundle.get("document", {}).get("sha256")
        if committed != sha:
            report.problems.append(f"{path}: its sha256 is not the one its proof {proof} "
                                   "commits to")
        if not item.get("sealed") and item.get("sha256") != committed:
            report.problems.append(f"{fmt.MANIFEST}: the entry for {path} disagrees with "
                                   f"its proof")
    if sealed and secret is None:
        report.notes.append(f"sealed: {sealed} sealed evidence file(s): ciphertext checked "
                            "against the manifest only; give the recipient's private key "
                            "(--recipient-key) to check their contents and proofs")


def _open_item(tree: Tree, path: str, proof: str, digests: dict[str, str], sealed: bool,
               secret: bytes | None) -> tuple[dict[str, Any], str]:
    """(proof bundle, sha256 of the evidence's plain bytes); ProofError naming the file."""
    raw_proof = tree.read(proof)
    if sealed and secret is not None:
        box = SealedBox(PrivateKey(secret))
        try:
            raw_proof = box.decrypt(raw_proof)
            sha = hashlib.sha256(box.decrypt(tree.read(path))).hexdigest()
        except nacl.exceptions.CryptoError:
            raise ProofError(f"{path}: does not decrypt with the recipient's key") from None
    else:
        sha = digests.get(path) or tree.digest(path)[0]
    try:
        bundle = json.loads(raw_proof.decode("utf-8"))
        if not isinstance(bundle, dict):
            raise ValueError("not an object")
    except ValueError as exc:
        raise ProofError(f"{proof}: not a proof bundle ({exc})") from None
    return bundle, sha
