"""The case bundle's fixed names and its signed manifest note (shared by export and check).

The manifest note is a C2SP signed note whose text is::

    raqib-case-manifest/v1
    case NAME
    manifest.json sha256 HEX
    SHA256SUMS sha256 HEX

signed with the workspace's checkpoint key. Its first line can never be a checkpoint's
origin line (origins have no '/v1' form like this and checkpoints are opened for the log's
own origin), so one key signing both kinds of note cannot be confused.
"""

from __future__ import annotations

import hashlib
import re

from raqib.errors import ProofError

BUNDLE_FORMAT = "raqib-case-bundle/v1"
NOTE_HEADER = "raqib-case-manifest/v1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.sig"
SUMS = "SHA256SUMS"
CHECKPOINT = "checkpoint.txt"
PUBLIC_KEY = "public-key.txt"
INDEX = "index.html"
PDF = "case.pdf"
CHECK = "CHECK.md"
SCRIPT = "check_case.py"
UNLISTED = frozenset({MANIFEST, SIGNATURE})
"""The two files the manifest cannot list (itself, and the signature over it)."""
_LINE = re.compile(r"(\S+) sha256 ([0-9a-f]{64})")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_note_text(case: str, manifest_sha: str, sums_sha: str) -> str:
    return (f"{NOTE_HEADER}\ncase {case}\n{MANIFEST} sha256 {manifest_sha}\n"
            f"{SUMS} sha256 {sums_sha}\n")


def parse_manifest_note(text: str) -> tuple[str, dict[str, str]]:
    """(case name, file name -> signed sha256) from the text of a manifest note."""
    lines = text.rstrip("\n").split("\n")
    if len(lines) < 3 or lines[0] != NOTE_HEADER or not lines[1].startswith("case "):
        raise ProofError(f"not a {NOTE_HEADER} note")
    digests: dict[str, str] = {}
    for line in lines[2:]:
        match = _LINE.fullmatch(line)
        if match is None:
            raise ProofError(f"malformed line in the manifest note: {line[:60]!r}")
        digests[match.group(1)] = match.group(2)
    return lines[1].removeprefix("case "), digests


def sums_text(files: dict[str, dict[str, object]]) -> str:
    """``sha256sum`` format: 'HEX  path' per line, sorted by path."""
    return "".join(f"{files[name]['sha256']}  {name}\n" for name in sorted(files))


def safe_member(name: str) -> bool:
    """A relative POSIX path inside the bundle: no absolute path, no '..', no backslash."""
    parts = name.split("/")
    return (bool(name) and not name.startswith("/") and "\\" not in name
            and all(p not in ("", ".", "..") for p in parts))
